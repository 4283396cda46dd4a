"""Contact details printed in a report (联系人, 电话, 传真, 地址, 邮编, 邮箱, 网址, 办公时间): facts read from its text.

    >>> [(f.kind, f.value) for f in contact_facts("…请与本局办公室联系（地址：平潭镇中山路8号；邮编：350400；电话：0591-2345678）。")]
    [('地址', '平潭镇中山路8号'), ('邮编', '350400'), ('电话', '0591-2345678')]

Reports print them in the 前言 (如对本报告有疑问，请与…联系（地址：…；电话：…）) or in the closing lines; a fact found
there is preferred to one found in the body (热线电话 in 总体情况 is no office number). Each fact keeps its offsets
into the report text and the sentence around it, so an answer quotes it whole and never a cut fragment.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from govqa.index.sections import split_sections
from govqa.qa import lexicon as lx
from govqa.qa.passages import is_heading
from govqa.qa.reach import HOTLINE_ASKED

KINDS: tuple[str, ...] = ("联系部门", "联系人", "地址", "邮编", "电话", "传真", "邮箱", "网址", "办公时间")
# what a question asks for, kind by kind
_UNIT = r"(?:科室|部门|处室|办公室|机构|单位|科|处)"
_ASKS: dict[str, re.Pattern[str]] = {
    # 找哪个办公室 / 哪个科室负责 / 受理机构是哪个 / 归哪个部门管: the office the report names to contact
    "联系部门": re.compile(r"(?:找|联系|咨询|问|归|由|向|到)哪(?:个|一个|家)?" + _UNIT
                       + r"|哪(?:个|一个|家)?" + _UNIT + r"(?:来|具体|专门)?(?:负责|受理|承办|主管|管(?!理)|对接|处理|联系)"
                       + r"|(?:受理|联系|承办|主管|负责)(?:的)?(?:机构|单位|部门|科室|处室)(?:是|叫|为)?(?:哪|什么|啥)"
                       + r"|(?:负责|承办|主管|受理)[^，。？?]{0,12}?" + _UNIT + r"(?:是|叫|为)(?:哪|什么|啥)"),
    "联系人": re.compile(r"联系人|经办人"),
    # 下载地址 / 网站地址 / 链接地址: a web address, not the office's street
    "地址": re.compile(r"(?<!下载)(?<!网站)(?<!网页)(?<!链接)(?<!电子版)(?<!官网)地址|在哪(?:里|儿)?办公|办公(?:地点|场所)|(?:办公室|单位|机关)在哪|通讯地址|门牌"
                     # 金井片区管理局在哪儿 / 投促局位于哪里: the body itself asked where, nothing else
                     r"|(?<=[局厅委办府镇乡])(?:具体|到底)?(?:在|位于)(?:哪里|哪儿|哪|什么地方|什么位置|何处)(?:啊|呀|呢|吗)?[？?]?$"),
    "邮编": re.compile(r"邮编|邮政编码"),
    "电话": re.compile(r"电话|热线|座机|手机号|号码|打哪个|打什么|打给|致电"),
    "传真": re.compile(r"传真"),
    "邮箱": re.compile(r"邮箱|电子邮件|e-?mail|邮件地址|发邮件", re.IGNORECASE),
    "网址": re.compile(r"网址|(?:网站|网页|下载|电子版|官网)地址|域名|(?:哪个|什么)网站|网站是|链接"),
    "办公时间": re.compile(r"办公时间|上班时间|工作时间|接待时间|受理时间"),
}
_ALL = re.compile(r"联系方式|怎么联系|如何联系|联系(?:他们|该局|该单位|谁)|联络方式")
# 末尾留的电话 / 落款处的联系人: the details printed in the closing lines, not the preamble's
_CLOSING = re.compile(r"末尾|结尾|最后|文末|末尾处|落款|最下面|底部|最底下")
_COUNTED = re.compile(r"(?:多少|几)\s*(?:个|件|条|次|通|篇|人次|人|名|位)|接听|接到|办理"
                      r"|(?:受理|处理)(?!机构|单位|部门|科室|处室|时间|地点|窗口)")

_SPACE = r"[ \t\u3000]*"
_GAP = r"[\s\u3000]*"  # labels and values are split by line-wraps in PDF text
_PHONE = r"(?:[(（]\s*0\d{2,3}\s*[)）]|0\d{2,3}\s*[-—－–]{1,2}\s*)?\d{7,8}"
_LABELLED: dict[str, re.Pattern[str]] = {
    "电话": re.compile(r"(?:(?<!传真)(?:联系|咨询|办公|值班|服务)?电" + _SPACE + r"话(?:\s*[/／、]\s*传真)?|联系方式)"
                     + _GAP + r"[：:，,]?" + _GAP + r"(" + _PHONE + r")"),
    "联系人": re.compile(r"(?:联" + _SPACE + r"系" + _SPACE + r"人|经办人)" + _GAP + r"[：:]" + _GAP
                      + r"([\u4e00-\u9fff·]{2,5}?)(?=[^\u4e00-\u9fff·]|电话|联系|手机|$)"),
    "传真": re.compile(r"(?:电话\s*[/／、]\s*)?传" + _SPACE + r"真" + _GAP + r"[：:，,]?" + _GAP + r"(" + _PHONE + r")"),
    "邮编": re.compile(r"邮" + _SPACE + r"(?:政" + _SPACE + r")?编" + _SPACE + r"(?:码)?" + _GAP + r"[：:，,]?" + _GAP
                     + r"(\d{6})(?!\d)"),
    "地址": re.compile(r"(?:联系|通讯|办公|单位)?地" + _SPACE + r"址" + _GAP + r"[：:，,]" + _GAP),
    "办公时间": re.compile(r"(?:办公|工作|接待|受理)时间" + _GAP + r"[：:为]" + _GAP),
}
# 请与本局办公室联系 / 可联系平潭…办公室（地址…）: the office a reader is sent to
_OFFICE = re.compile(r"(?:请|可)(?:与|向)" + _GAP + r"([\u4e00-\u9fff]{2,40}?)" + _GAP + r"(?:联系|咨询|反映)"
                     r"|(?:请|可)联系" + _GAP + r"([\u4e00-\u9fff]{2,40}?(?:办公室|室|科|处|组|中心|局|委|厅))"
                     + _GAP + r"(?=[（(，,。；;：:]|$)")
_BARE_PHONE = re.compile(r"(?<![\d\w])0\d{2,3}\s*[-—－–]{1,2}\s*\d{7,8}(?!\d)")
_EMAIL = re.compile(r"[A-Za-z0-9][A-Za-z0-9._\-]*\s*[@＠]\s*[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+")
_URL = re.compile(r"(?:https?:?/{0,2})?(?:www\.)?[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+(?:/[A-Za-z0-9_./\-]*)?")
_ADDRESS_STOP = re.compile(r"[；;。]|\n\s*[一二三四五六]\s*、|[，,](?=\s*(?:邮|电|联系|传真|网|办公|手机))")
_TIME_STOP = re.compile(r"[；;。）)]|\n\s*\n")
MAX_VALUE = 60  # characters an address or office-hours value may run
MAX_QUOTE = 220  # characters of the sentence quoted around a fact
CLOSING_CHARS = 400  # the closing lines (date, signature, 联系人) are within this many characters of the end


@dataclass(frozen=True)
class ContactFact:
    """One contact detail with its offsets into the report text and the sentence that holds it."""

    kind: str  # one of KINDS
    value: str  # as printed, line-wraps removed
    start: int  # the value's offsets into the report text
    end: int
    quote_start: int  # the sentence (clause run) around it, for the quote
    quote_end: int
    zone: str  # 前言 / 其他需要报告的事项 / 正文: where it was printed


def asked_kinds(question: str) -> tuple[str, ...]:
    """The contact details a question asks for, in KINDS order; () when it asks for none (or for a count)."""
    if _COUNTED.search(question):
        return ()
    kinds = tuple(k for k in KINDS if _ASKS[k].search(question))
    if lx.UNIT_PLACEMENT.search(question):  # 办公室设在哪个科室: a unit inside the body, not its street address
        kinds = tuple(k for k in kinds if k != "地址")
    if "传真" in kinds and "电话" in kinds and not re.search(r"电话|热线|座机|手机", question):
        kinds = tuple(k for k in kinds if k != "电话")  # 传真号码 asks for the fax only
    if "网址" in kinds and "电话" in kinds and not re.search(r"电话|热线|座机", question):
        kinds = tuple(k for k in kinds if k != "电话")  # 网站链接 / 网址号码 are no phone questions
    if "电话" in kinds and HOTLINE_ASKED.search(question) and not re.search(r"电话|号码|多少", question):
        kinds = tuple(k for k in kinds if k != "电话")  # 便民热线平台是哪个: a platform's name, no office number
    if not kinds and _ALL.search(question):
        return ANY_WAY
    return kinds


ANY_WAY: tuple[str, ...] = ("地址", "邮编", "电话", "传真", "邮箱")  # 怎么联系他们: every way of reaching the office


def closing_kinds(text: str) -> tuple[str, ...]:
    """The kinds of detail the report's closing lines print (联系人, 电话 …), in KINDS order; () when they print none."""
    held = {f.kind for f in contact_facts(text) if f.zone != "前言" and f.start >= len(text) - CLOSING_CHARS}
    return tuple(k for k in KINDS if k in held)


def _zones(text: str) -> list[tuple[str, int, int]]:
    """Where contact details are printed, most likely first: the preamble, the last section, then the rest."""
    sections = split_sections(text)
    zones: list[tuple[str, int, int]] = []
    for s in sections:
        if s.number == 0:
            zones.append(("前言", s.start, s.end))
    last = next((s for s in sections if s.number == 6), None)
    if last is not None:
        zones.append((last.title, last.start, last.end))
    if not any(s.number for s in sections):  # no standard headings: the opening and closing lines
        zones = [("前言", 0, min(len(text), 1500)), ("结尾", max(0, len(text) - 1200), len(text))]
    zones.append(("正文", 0, len(text)))
    return zones


def _clean(value: str) -> str:
    return re.sub(r"[\r\n]+|\*\*", "", value).strip(" \t\u3000，,：:")


def _until(text: str, start: int, stop: re.Pattern[str], limit: int) -> int:
    """The end of a free-text value: its stop mark, or a closing bracket it did not open (line-wraps go on)."""
    depth = 0
    end = min(len(text), start + limit)
    for i in range(start, end):
        ch = text[i]
        if ch in "（(":
            depth += 1
        elif ch in "）)":
            depth -= 1
            if depth < 0:
                return i
        if stop.match(text, i):
            return i
    return end


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around start..end (bounded by 。！？ or a heading line; a blank line is a PDF line-wrap), at most
    MAX_QUOTE characters."""
    lo = max(0, start - MAX_QUOTE // 2)
    marks = [m.end() for m in re.finditer(r"[。！？!?]", text[lo:start])]
    s = lo + marks[-1] if marks else lo
    line_start = s
    for line in text[s:start].splitlines(keepends=True)[:-1]:
        line_start += len(line)
        if is_heading(line) or line.strip() in ("前言", "引言"):
            s = line_start  # a heading above the sentence is no part of it
    m = re.search(r"[。！？!?]", text[end:end + MAX_QUOTE])
    e = end + m.end() if m else min(len(text), end + MAX_QUOTE // 2)
    while s < start and text[s] in " \t\n\u3000":
        s += 1
    if s < start and text[s] in "（(" and len(marks) >= 2:  # （地址：…） after 请与…联系。: quote who to contact too
        s = lo + marks[-2]
        while s < start and text[s] in " \t\n\u3000":
            s += 1
    return s, e


def _facts_in(text: str, zone: str, lo: int, hi: int) -> list[ContactFact]:
    found: list[ContactFact] = []

    def add(kind: str, start: int, end: int) -> None:
        value = _clean(text[start:end])
        if value and not any(f.kind == kind and f.start <= start < f.end for f in found):
            qs, qe = _sentence(text, start, end)
            found.append(ContactFact(kind, value, start, end, qs, qe, zone))

    for kind in ("电话", "传真", "邮编", "联系人"):
        for m in _LABELLED[kind].finditer(text, lo, hi):
            if kind == "电话" and "传真" in m.group(0) and "/" not in m.group(0) and "／" not in m.group(0):
                continue
            add(kind, m.start(1), m.end(1))
    if zone != "正文":
        taken = [(f.start, f.end) for f in found]
        for m in _BARE_PHONE.finditer(text, lo, hi):
            before = text[max(lo, m.start() - 8):m.start()]
            if not any(s <= m.start() < e for s, e in taken) and "传真" not in before:
                add("电话", m.start(), m.end())
    for kind in ("地址", "办公时间"):
        for m in _LABELLED[kind].finditer(text, lo, hi):
            end = _until(text, m.end(), _ADDRESS_STOP if kind == "地址" else _TIME_STOP, MAX_VALUE)
            if kind == "办公时间" and not re.search(r"\d|周|星期|工作日", text[m.end():end]):
                continue
            if len(_clean(text[m.end():end])) >= 4:
                add(kind, m.end(), end)
    for m in _OFFICE.finditer(text, lo, hi):
        group = 1 if m.group(1) else 2
        add("联系部门", m.start(group), m.end(group))
    emails = list(_EMAIL.finditer(text, lo, hi))
    for m in emails:
        add("邮箱", m.start(), m.end())
    for m in _URL.finditer(text, lo, hi):
        url = m.group(0)
        inside_email = any(e.start() <= m.start() < e.end() for e in emails)
        if inside_email or not re.search(r"www\.|https?|\.gov\.cn|\.com|\.cn", url) or "." not in url.strip("."):
            continue
        if text[max(0, m.start() - 7):m.start()].lower().endswith("mailto:"):
            continue
        add("网址", m.start(), m.end() - (1 if url.endswith(".") else 0))
    return found


def contact_facts(text: str) -> list[ContactFact]:
    """Every contact detail of a report, those of the preamble and closing lines first, by position."""
    facts: list[ContactFact] = []
    for zone, lo, hi in _zones(text):
        for fact in sorted(_facts_in(text, zone, lo, hi), key=lambda f: f.start):
            if not any(f.kind == fact.kind and f.start == fact.start for f in facts):
                facts.append(fact)
    return facts


_SEND = re.compile(r"(?:找|联系|咨询|问|向|到)哪|受理(?:机构|单位|部门|科室|处室)|联系(?:部门|单位|机构|科室)")
NO_TABLE_KINDS = frozenset({"联系部门", "办公时间"})  # asked with 受理/申请 words that also name a table row


def sends_to_office(question: str) -> bool:
    """Whether a question asks which office to turn to (找哪个办公室, 受理机构是哪个), not who does a piece of work."""
    return "联系部门" in asked_kinds(question) and _SEND.search(question) is not None


def asks_closing(question: str) -> bool:
    """Whether a question asks for the details printed at the end of the report (末尾留的电话, 落款的联系人)."""
    return _CLOSING.search(question) is not None


def facts_of(text: str, kind: str, *, near: int | None = None, closing: bool = False) -> list[ContactFact]:
    """The report's facts of one kind: those of the first zone that prints any (the office's own, not the body's);
    each value once. With near (the offset of the contact person asked about), the one printed beside it; with
    closing, those of the closing lines when they print any."""
    facts = [f for f in contact_facts(text) if f.kind == kind]
    if not facts:
        return []
    if near is not None:
        beside = [f for f in facts if abs(f.start - near) <= MAX_QUOTE // 2]
        if beside:
            return [min(beside, key=lambda f: abs(f.start - near))]
    if closing:
        last = [f for f in facts if f.zone != "前言" and f.start >= len(text) - CLOSING_CHARS]
        facts = last or facts
    zone = facts[0].zone
    seen: set[str] = set()
    out = []
    for f in facts:
        key = re.sub(r"\s+|https?:?/*", "", f.value).lower()
        if f.zone == zone and key not in seen:
            seen.add(key)
            out.append(f)
    return out
