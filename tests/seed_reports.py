"""Report/Section objects for the seed reports, for retrieval tests that must not depend on the ingest pipeline.

Uses index.sections.split_sections when it exists; otherwise a minimal heading splitter that finds the six
standard headings (一、总体情况 …) at line starts.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from govqa.core.types import Report, Section

SEEDS = sorted((Path(__file__).parent / "fixtures" / "seeds").glob("*.txt"))
TITLES = ("总体情况", "主动公开政府信息情况", "收到和处理政府信息公开申请情况", "政府信息公开行政复议、行政诉讼情况", "存在的主要问题及改进情况", "其他需要报告的事项")
NUMERALS = "一二三四五六"

# Agency, short name, year of each seed, read by hand from the title lines.
SEED_META = {
    "000": ("银川市西夏区镇北堡镇人民政府", "镇北堡镇"),
    "001": ("银川市兴庆区掌政镇人民政府", "掌政镇"),
    "002": ("宁夏回族自治区人民政府办公厅", "自治区政府办公厅"),
    "003": ("吴忠市红寺堡区人民政府", "红寺堡区"),
    "004": ("银川市西夏区民政局", "西夏区民政局"),
}


def _fallback_sections(text: str) -> tuple[Section, ...]:
    starts: list[tuple[int, int]] = []
    pos = 0
    for n, (num, title) in enumerate(zip(NUMERALS, TITLES, strict=True), start=1):
        m = re.compile(rf"^\s*{num}\s*、\s*{re.escape(title)}", re.M).search(text, pos)
        assert m, f"heading {num}、{title} not found"
        starts.append((n, m.start() + len(m.group(0)) - len(m.group(0).lstrip())))
        pos = m.end()
    bounds = [(0, 0)] + starts
    out = []
    for i, (n, s) in enumerate(bounds):
        e = bounds[i + 1][1] if i + 1 < len(bounds) else len(text)
        title = "前言" if n == 0 else TITLES[n - 1]
        out.append(Section(number=n, title=title, start=s, end=e, text=text[s:e]))
    return tuple(out)


def seed_report(path: Path) -> tuple[Report, tuple[Section, ...]]:
    """The seed at path as a Report (text as stored, normalised when index.normalize exists) and its sections."""
    raw = path.read_text(encoding="utf-8")
    try:
        from govqa.index.normalize import normalize_text

        text = normalize_text(raw)
    except ImportError:
        text = raw
    try:
        from govqa.index.sections import split_sections

        sections = split_sections(text)
    except ImportError:
        sections = _fallback_sections(text)
    digest = hashlib.sha256(raw.encode("utf-8")).hexdigest()
    agency, short = SEED_META[path.name[:3]]
    report = Report(
        id=digest[:12], source=path.name, agency=agency, short_name=short, aliases=(), year=2020,
        template="2019", title=f"{short}2020年政府信息公开工作年度报告", content_hash=digest, text=text,
    )
    return report, sections


def seed_reports() -> list[tuple[Report, tuple[Section, ...]]]:
    """All five seeds."""
    return [seed_report(p) for p in SEEDS]
