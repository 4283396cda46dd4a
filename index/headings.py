"""The shapes of a report's headings, in one place: the six standard section titles and their variants, the
section enumerators (一、), the sub-heading markers by level, and the heading lines the answer side recognises
around a quote. Read by index/sections.py (splitting a report), qa/passages.py (where a quote's section starts),
qa/section_list.py and qa/lists.py (the items of a section).
"""

from __future__ import annotations

import re

STANDARD_TITLES: tuple[str, ...] = (
    "总体情况",
    "主动公开政府信息情况",
    "收到和处理政府信息公开申请情况",
    "政府信息公开行政复议、行政诉讼情况",
    "存在的主要问题及改进情况",
    "其他需要报告的事项",
)
# Other wordings of the same headings that reports print (the section keeps its standard title).
TITLE_VARIANTS: dict[int, tuple[str, ...]] = {
    1: ("概述", "基本情况"),
    4: ("因政府信息公开申请行政复议、提起行政诉讼的情况", "因政府信息公开工作被申请行政复议、提起行政诉讼情况"),
    5: ("存在的问题及改进措施", "存在的主要问题及改进措施", "存在的主要问题及明年工作计划", "存在的问题和改进措施"),
    6: ("需要说明的其他事项", "其他需要说明的事项"),
}
TITLE_PREFIX = re.compile(r"^(?:政府信息公开|政务公开)(?:工作)?(?=存在)")
PREAMBLE_TITLE = "前言"
SECTION_NUMERALS = "一二三四五六"
SECTION_HEADING = re.compile(r"([一二三四五六])\s*[、.．，,]\s*")

# Sub-heading markers by level: （一） / (一) → 1, 1. / 1、 → 2, （1） / (1) → 3, 一是 → 4.
SUB_MARKERS: tuple[tuple[int, re.Pattern[str]], ...] = (
    (1, re.compile(r"(?m)^[ \t\u3000]*([（(]\s*[一二三四五六七八九十]+\s*[）)])")),
    (2, re.compile(r"(?m)^[ \t\u3000]*(\d{1,2}\s*[.．、](?!\d+\s*(?:万|元|%|$)))")),
    (3, re.compile(r"(?m)^[ \t\u3000]*([（(]\s*\d{1,2}\s*[）)])")),
    (4, re.compile(r"(?<![\u4e00-\u9fff])([一二三四五六七八九十]是)")),
)
# Row labels of the standard tables: numbered like sub-headings, but not sub-headings.
TABLE_LABEL = re.compile(
    r"^(?:予以公开|部分公开|不予公开|无法提供|不予处理|其他处理|总计|属于|其他法律|危及|保护第三方|本机关不掌握|没有现成"
    r"|补正后|信访举报|重复申请|要求提供|无正当理由|要求行政机关)"
)
TABLE_ROW_END = re.compile(r"(?:[\s\t]+[-+]?\d+(?:\.\d+)?){3,}\s*$")


# ---- heading lines around a quote (qa/passages.py) ----------------------------------------------------------

# a heading line: an enumerator (五、 / （二） / (一) / 1.) and a short title without sentence punctuation
HEADING_LINE = re.compile(
    r"^[ \t\u3000]*(?:[一二三四五六七八九十]+\s*[、.．]|[（(]\s*[一二三四五六七八九十\d]{1,2}\s*[）)]|\d{1,2}\s*[.．、](?!\d))"
    r"[^。！？!?；;，,：:]{0,40}$"
)
TOP_HEADING = re.compile(r"^[ \t\u3000]*[一二三四五六七八九十]+\s*[、.．]")
# a section heading run into its first sentence on a crawled one-line page: 一、总体情况2022年，我局…
INLINE_SECTION = re.compile(r"[ \t\u3000]*[一二三四五六]\s*[、.．]\s*[^，。；：,;:\d]{2,30}?(?:情况|事项|措施|计划|概述)[ \t\u3000]*")
# a section's heading line at the start of its text, its body may follow on the same line (qa/section_list.py)
SECTION_TITLE_START = re.compile(r"\s*[一二三四五六]\s*[、.．]\s*[^。；;：:，,\d（(\n]{2,30}?(?:情况|事项|措施|计划|概述)")
TITLE_LINE = re.compile(r"^[ \t\u3000]*\S{0,30}(?:年度报告|年报)\s*$")

# ---- bracketed markers of a section's parts and items (qa/section_list.py, qa/lists.py) ----------------------

BRACKET_MARKER = r"[（(]\s*[\d一二三四五六七八九十]{1,2}\s*[）)]"
BRACKET_SUB_HEADING = re.compile(r"[（(]\s*[一二三四]\s*[）)]\s*([^。；;：:\n（(]{0,24})")
BRACKETED_START = re.compile(r"\s*[（(]\s*[一二三四五六七八九十\d]{1,2}\s*[）)]")
