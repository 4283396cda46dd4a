"""A synthetic corpus made from the five real seed reports, for scale benchmarks.

Report i is seed ``i % 5`` with (1) the agency's place name replaced by a generated two-character name,
(2) every year 2010–2029 shifted by the same offset, and (3) every number of the table sections (二 to 四)
multiplied by the same whole factor. Relations between cells are sums, so scaling all of them by one factor keeps
every 勾稽 relation exactly as it was printed (a seed's broken relation stays broken by the same factor): the
parser and the auditor must find the same findings as in the seed. (agency, year) pairs are unique, because a
second report of one agency and year replaces the first in the store.

    >>> paths = write_corpus(Path("/tmp/corpus"), 1000)
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from itertools import product
from pathlib import Path

SEEDS_DIR = Path(__file__).resolve().parent.parent / "index" / "samples"

# What names the publishing agency in each seed (read from its title lines), longest first, and its replacement.
AGENCY_NAMES: dict[str, tuple[tuple[str, str], ...]] = {
    "000": (("镇北堡", "{core}"),),
    "001": (("掌政", "{core}"),),
    "002": (("宁夏回族自治区", "{core}市"), ("自治区人民政府办公厅", "{core}市人民政府办公厅")),
    "003": (("红寺堡", "{core}"),),
    "004": (("西夏区民政局", "{core}区民政局"),),
}
_CORE_CHARS = "东西南北青石金白龙凤安平永长河泉山川林桥湖溪云星明华隆丰泰和康清源阳朔峰岭塘坪湾"
YEAR_OFFSETS = tuple(range(-5, 5))  # the seeds cover 2020: 2015 … 2024
FACTORS = (1, 2, 3)
_YEAR = re.compile(r"(?<!\d)20[12]\d(?!\d)")
_NUMBER = re.compile(r"(?<![\d.])\d+(?:\.\d+)?(?![\d.])")
_TABLE_PART = re.compile(r"二\s*、\s*主动公开政府信息情况.*?(?=五\s*、\s*存在的主要问题)", re.S)
_MARKER_AFTER = re.compile(r"\s*[．、)）]")  # 1． 1、 (1) …: list markers and row labels, not values


def core_names(count: int) -> list[str]:
    """``count`` distinct two-character place names (ordered, deterministic)."""
    names = ["".join(p) for p in product(_CORE_CHARS, repeat=2) if p[0] != p[1]]
    if count > len(names):
        raise ValueError(f"only {len(names)} distinct names; asked for {count}")
    return names[:count]


def shift_years(text: str, offset: int) -> str:
    """Every year 2010–2029 moved by offset."""
    return _YEAR.sub(lambda m: str(int(m.group()) + offset), text)


def _scale_number(m: re.Match[str], factor: int, text: str) -> str:
    raw, after = m.group(), text[m.end() : m.end() + 3]
    before = text[m.start() - 1] if m.start() else ""
    if _MARKER_AFTER.match(after) or (before and before in "(（〔[【"):
        return raw
    if _YEAR.fullmatch(raw) and after.lstrip()[:1] in ("年", "〕", "]", "】"):
        return raw
    if "." in raw:
        places = len(raw.split(".")[1])
        return f"{Decimal(raw) * factor:.{places}f}"
    return str(int(raw) * factor)


def scale_tables(text: str, factor: int) -> str:
    """Every value in sections 二 to 四 (the three tables and their prose) multiplied by factor."""
    if factor == 1:
        return text
    m = _TABLE_PART.search(text)
    if m is None:
        return text
    part = m.group()
    scaled = _NUMBER.sub(lambda n: _scale_number(n, factor, part), part)
    return text[: m.start()] + scaled + text[m.end() :]


def vary(text: str, seed_key: str, *, core: str, year_offset: int, factor: int) -> str:
    """One synthetic variant of a seed text."""
    for old, new in AGENCY_NAMES[seed_key]:
        text = text.replace(old, new.format(core=core))
    return scale_tables(shift_years(text, year_offset), factor)


def variant_plan(i: int) -> tuple[int, int, int, int]:
    """(seed index, core index, year offset, factor) of report i; unique (agency, year) for every i."""
    seed, j = i % 5, i // 5
    group = j // len(YEAR_OFFSETS)  # one agency per seed and group, reporting for every year offset
    return seed, group * 5 + seed, YEAR_OFFSETS[j % len(YEAR_OFFSETS)], FACTORS[group % len(FACTORS)]


def write_corpus(folder: Path, count: int, *, on_file: Callable[[Path], None] | None = None) -> list[Path]:
    """Write ``count`` synthetic reports into folder (kept if already there) and return their paths."""
    seeds = sorted(SEEDS_DIR.glob("*.txt"))
    texts = [(p.name[:3], p.read_text(encoding="utf-8")) for p in seeds]
    cores = core_names(count // len(YEAR_OFFSETS) + 5)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        seed, core, offset, factor = variant_plan(i)
        key, text = texts[seed]
        path = folder / f"{i:05d}_{key}_{cores[core]}_{2020 + offset}.txt"
        if not path.exists():
            path.write_text(vary(text, key, core=cores[core], year_offset=offset, factor=factor), encoding="utf-8")
        paths.append(path)
        if on_file is not None:
            on_file(path)
    return paths
