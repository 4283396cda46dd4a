"""Who published a report and for which year: agency full name, short name, aliases, year covered, title."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from pathlib import Path

from govqa.core.numbers import arabic_years
from govqa.core.types import Identity, ReportMeta
from govqa.index.agency_names import SHORT_PLACE, best_suffix, valid_agency
from govqa.index.regions import is_zone

log = logging.getLogger(__name__)

# YYYY年(度)政府信息公开(工作)(年度)报告 / 年报, also cut short by a crawler (…工作年度报...) and spaced out
_TITLE = re.compile(
    r"((?:19|2\s?0)\s?\d\s?\d)\s*年\s*度?\s*(?:政\s*府\s*信\s*息\s*公\s*开|政\s*务\s*公\s*开|信\s*息\s*公\s*开)\s*"
    r"(?:工\s*作\s*)?(?:(?:年\s*度\s*)?(?:报\s*告|年\s*报)|[年度报告工作\s]{0,5}(?:\.{2,}|…+))"
)
_PERIOD = re.compile(
    r"((?:19|20)\d{2})\s*年\s*0?1\s*月\s*0?1\s*日\s*(?:起\s*)?(?:至|到|—|－|-|~|～)\s*(?:((?:19|20)\d{2})\s*年\s*)?12\s*月\s*31\s*日"
)
_ANY_YEAR = re.compile(r"((?:19|20)\d{2})\s*年\s*度?\s*(?:政府信息公开|政务公开)")
# A title usually starts the line; inside a sentence the agency starts after one of these.
_TITLE_START = re.compile(r"[《“\"（(，。：:；;、>»|]|现予|现将|公布|发布|编制|〔\d{4}〕\s*\d+\s*号")
_DATE = re.compile(r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*\d{1,2}\s*日")
_FILE_TITLE = re.compile(r"^(.*?)((?:19|20)\d{2})\s*年")
ORG_SUFFIXES = (
    "人民政府办公厅", "人民政府办公室", "街道办事处", "管理委员会", "人民政府", "委员会", "办事处",
    "办公厅", "办公室", "中心", "局", "厅", "委", "署", "院", "所", "站", "队", "办",
)
_DIVISION = r"[\u4e00-\u9fff]{1,6}?(?:自治区|自治州|自治县|自治旗|特别行政区|省|市|地区|州|盟|县|区|旗|镇|乡|街道)"
_DIVISION_RE = re.compile(_DIVISION)
_BOUNDARY = r"(?:^|(?<=[\s，。、；：:,;.（）()《》〈〉“”\"'·—\-–|/【】\[\]经由与在向对和及是为将请于至的送]))"
# 自治区 alone means the region the report is about; these clues in the text name it.
_REGIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("宁夏回族自治区", ("宁夏", "宁政", "宁党")),
    ("新疆维吾尔自治区", ("新疆", "新政")),
    ("广西壮族自治区", ("广西", "桂政")),
    ("内蒙古自治区", ("内蒙古", "内政发", "内政办")),
    ("西藏自治区", ("西藏", "藏政")),
)


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def split_org(name: str) -> tuple[str, str]:
    """Split an agency name into (place, organisation suffix): 银川市西夏区民政局 → (银川市西夏区民政, 局)."""
    for suffix in ORG_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)], suffix
    return name, ""


def divisions(place: str) -> tuple[list[str], str]:
    """Split a place into its administrative divisions and the rest: 银川市西夏区民政 → ([银川市, 西夏区], 民政)."""
    parts: list[str] = []
    rest = place
    while m := _DIVISION_RE.match(rest):
        parts.append(m.group(0))
        rest = rest[m.end() :]
    return parts, rest


def _title_matches(text: str) -> Iterator[tuple[str, re.Match[str]]]:
    """Every 'YYYY年政府信息公开…报告' in the text with the agency named before it ('' when none is)."""
    for m in _TITLE.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        before = text[max(line_start, m.start() - 80) : m.start()]
        cut = 0
        for hit in _TITLE_START.finditer(before):
            cut = hit.end()
        agency = best_suffix(before[cut:], text=text)
        if not agency and not before.strip():
            previous = [ln.strip() for ln in text[:line_start].splitlines() if ln.strip()]
            if previous and len(previous[-1]) <= 40 and not re.search(r"[，。；：,;]", previous[-1]):
                agency = best_suffix(previous[-1], text=text)
        yield agency, m


def _signature(text: str) -> tuple[str, int | None, int | None]:
    """(agency, year, month) of the signature block closing a report: a body's name, then the date it was signed."""
    tail_start = max(0, len(text) - 600)
    for m in reversed(list(_DATE.finditer(text, tail_start))):
        if re.match(r"\s*(?:印发|发布|起|至|到|前|以来)", text[m.end() : m.end() + 4]):
            continue  # a 印发 line of the office that printed it, or a date inside a sentence
        before = text[max(tail_start, m.start() - 80) : m.start()]
        line = before.rsplit("\n", 1)[-1]
        name = best_suffix(line, text=text) if line.strip() else ""
        if not name and not line.strip():
            lines = [ln.strip() for ln in before.splitlines() if ln.strip()]
            name = best_suffix(lines[-1], text=text) if lines else ""
        if name:
            return name, int(m.group(1)), int(m.group(2))
    for line in reversed([ln.strip() for ln in text[tail_start:].splitlines() if ln.strip()][-6:]):
        if len(line) <= 40 and valid_agency(re.sub(r"\s+", "", line)):  # an undated signature: the name alone
            return re.sub(r"\s+", "", line), None, None
    return "", None, None


def _from_file_name(source: str) -> tuple[str, int | None]:
    """(agency, year) from a file name that holds a Chinese agency name: 某某县财政局2021年政府信息公开….txt."""
    stem = Path(source).stem
    m = _FILE_TITLE.match(stem)
    if m is None:
        return "", None
    return best_suffix(m.group(1)), int(m.group(2))


def _region(text: str) -> str | None:
    for region, clues in _REGIONS:
        if any(clue in text for clue in clues):
            return region
    return None


def _full_name(short: str, text: str) -> str:
    """The most complete spelling of an agency in the text: 红寺堡区 → 吴忠市红寺堡区人民政府."""
    place, org = split_org(short)
    if place.startswith("自治区") and (region := _region(text)):
        place = region + place[len("自治区") :]
    wanted = org or "人民政府"
    pattern = re.compile(_BOUNDARY + rf"((?:{_DIVISION}){{0,3}}?{re.escape(place)}{re.escape(wanted)})", re.MULTILINE)
    found = {m.group(1) for m in pattern.finditer(text) if _plausible(m, place, text)}
    return max(found, key=len, default=place + wanted)


def _plausible(m: re.Match[str], place: str, text: str) -> bool:
    """A place prefix before a name is real when the name is a line of its own (a signature) or when each of its
    divisions is short and named more than once: 新增发布吴忠市红寺堡区人民政府 is a sentence, not a name."""
    name = m.group(1)
    line_start = text.rfind("\n", 0, m.start(1)) + 1
    line_end = text.find("\n", m.end(1))
    if text[line_start : line_end if line_end != -1 else len(text)].strip() == name:
        return True
    parts, rest = divisions(name[: name.index(place)])
    return not rest and all(len(p) <= (9 if "自治" in p else 6) and text.count(p) >= 2 for p in parts)


def _agency_from_text(text: str) -> str:
    """When no title names the agency: 由…编制 in the text."""
    m = re.search(r"由\s*([\u4e00-\u9fff]{2,30}?(?:" + "|".join(ORG_SUFFIXES) + r"))\s*(?:编制|汇总|负责)", text)
    return best_suffix(m.group(1), text=text) if m else ""


def _resolve_short(name: str, text: str, signed: str) -> str:
    """A short form (省工业和信息化厅, 市民政局) resolved to the full name the signature or the text gives."""
    if not SHORT_PLACE.match(name):
        return name
    if signed.endswith(name) and len(signed) > len(name):
        return signed
    fuller = {best_suffix(m.group(0), text=text) for m in re.finditer(r"[\u4e00-\u9fff]{2,12}" + re.escape(name), text)}
    fuller = {f for f in fuller if f.endswith(name) and len(f) > len(name)}
    return max(fuller, key=lambda f: (text.count(f), len(f)), default=name)


def names_for(agency: str) -> tuple[str, tuple[str, ...]]:
    """The short name and the aliases of a full agency name (aliases exclude the full and the short name)."""
    place, org = split_org(agency)
    parts, rest = divisions(place)
    names: list[str] = [agency]
    if org in ("人民政府", "") and parts and not rest:
        last = parts[-1]
        for i in range(len(parts)):
            chain = "".join(parts[i:])
            names += [chain + "人民政府", chain, chain + "政府"]
        stem = re.sub(r"(?:街道|自治区|自治州|自治县|省|市|地区|州|盟|县|区|旗|镇|乡)$", "", last)
        if len(stem) >= 2:
            names.append(stem)
        short = last
    elif org in ("人民政府办公厅", "人民政府办公室") and parts:
        office = org.replace("人民政府", "")
        generic = [("自治区" if p.endswith("自治区") else p) for p in parts[-1:]]
        for p in {parts[-1], *generic}:
            names += [p + "人民政府" + office, p + "政府" + office]
        short = generic[-1] + "政府" + office
    elif parts:
        short = parts[-1] + rest + org
        if len(parts) == 1 and rest and is_zone(parts[0]):
            short = rest + org  # a zone's body reads by its own name: 平潭综合实验区交通与建设局 → 交通与建设局
        names += ["".join(parts[i:]) + rest + org for i in range(len(parts))]
    else:
        short = agency
    aliases = tuple(sorted({n for n in names if n and n not in (agency, short)}, key=lambda n: (-len(n), n)))
    return short, aliases


def read_metadata(text: str, *, source: str) -> ReportMeta:
    """Read the agency, year covered and title of a report from its normalised text.

    Places tried, most telling first: the title (also inside the first paragraph), 由…编制, the signature block,
    the file name. A name is kept only when it reads as a body's name (index/agency_names.py); an empty agency
    or year means none could be read, and the warnings say where it was looked for.

    >>> meta = read_metadata("红寺堡区 2020 年政府信息公开工作年度报告\\n……\\n吴忠市红寺堡区人民政府", source="x.txt")
    >>> meta.agency, meta.short_name, meta.year
    ('吴忠市红寺堡区人民政府', '红寺堡区', 2020)
    """
    warnings: list[str] = []
    text = arabic_years(text)  # 二〇二二年度政府信息公开工作年度报告 names 2022
    head = text[:3000]
    titles = list(_title_matches(head))
    titled = next(((a, m) for a, m in titles if a), None)
    signed, signed_year, signed_month = _signature(text)
    file_agency, file_year = _from_file_name(source)
    named = (titled[0] if titled else "") or _agency_from_text(text) or signed or file_agency
    named = _resolve_short(named, text, signed)
    agency = _full_name(named, text) if named else ""
    if agency and not valid_agency(agency):
        agency = named if valid_agency(named) else ""
    if not agency:
        warnings.append(f"{source}: no agency (发布机关) found in the title, the signature or the file name")

    year_match = titled[1] if titled else (titles[0][1] if titles else None)
    year: int | None = int(_squeeze(year_match.group(1))) if year_match else None
    period = _PERIOD.search(text)
    if period:
        period_year = int(period.group(2) or period.group(1))
        if year is None:
            year = period_year
        elif period_year != year:
            warnings.append(f"{source}: title says {year} but the statistics period is {period_year}; using {year}")
    if year is None and (any_year := _ANY_YEAR.search(text)):
        year = int(any_year.group(1))
    if year is None and file_year is not None:
        year = file_year
    if year is None and signed_year is not None and signed_month is not None and signed_month <= 6:
        year = signed_year - 1  # a report is signed early in the year after the one it covers
        warnings.append(f"{source}: year {year} read from the signature date")
    if year is None:
        warnings.append(f"{source}: the year the report covers was not found")

    if titled:
        title = titled[0] + _squeeze(titled[1].group(0))
    else:
        title = f"{agency}{year or ''}{'年' if year else ''}政府信息公开工作年度报告"
    title = re.sub(r"(?:\.{2,}|…+)$", "", title)
    title = re.sub(r"年度?报$", "年度报告", title)
    short, aliases = names_for(agency) if agency else ("", ())
    # a signature may name another body (a predecessor, the office that printed it): only the same body's is an alias
    same = signed if signed and (agency.endswith(signed) or (short and signed.endswith(short))) else ""
    printed = {n for n in (named, titled[0] if titled else "", same) if n and valid_agency(n)}
    aliases = (*aliases, *sorted(n for n in printed if n not in (agency, short) and n not in aliases))
    for warning in warnings:
        log.warning(warning)
    return ReportMeta(agency=agency, short_name=short, aliases=aliases, year=year, title=title, warnings=tuple(warnings))


def with_identity(meta: ReportMeta, given: Identity) -> ReportMeta:
    """meta with the agency and year the user gave (``given.agency`` / ``given.year``; None keeps what was read).

    The name the report prints stays an alias of the given one."""
    agency = (given.agency or "").strip() or meta.agency
    year = given.year if given.year is not None else meta.year
    if agency == meta.agency and year == meta.year:
        return meta
    short, aliases = names_for(agency)
    if meta.agency and meta.agency != agency:
        aliases = (*aliases, *(n for n in (meta.agency, *meta.aliases) if n not in (agency, short, *aliases)))
    title = meta.title if agency == meta.agency and year == meta.year else f"{agency}{year}年政府信息公开工作年度报告"
    warnings = tuple(w for w in meta.warnings if not (("agency" in w and given.agency) or ("year" in w and given.year)))
    return ReportMeta(agency=agency, short_name=short, aliases=aliases, year=year, title=title, warnings=warnings)
