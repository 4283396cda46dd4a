"""Agencies as entities: one body under several names (淮安市洪泽区人民政府 one year, 洪泽区人民政府 the next).

An entity has a canonical name, every name seen (as printed in titles and signatures), the short forms a user
types, the region it belongs to and the years held. Names are grouped from what the reports print and from the
user's alias file ``GOVQA_HOME/agencies.toml``::

    # canonical name = [other names of the same body]
    "淮安市洪泽区人民政府" = ["洪泽区人民政府", "洪泽区政府"]

    >>> resolve_agency("洪泽区人民政府", known=["淮安市洪泽区人民政府"], aliases={})
    '淮安市洪泽区人民政府'
"""

from __future__ import annotations

import logging
import re
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from govqa.core.errors import ConfigError
from govqa.index.agency_names import valid_agency
from govqa.index.metadata import divisions, names_for
from govqa.index.regions import leading_divisions, region_of

log = logging.getLogger(__name__)

ALIAS_FILE = "agencies.toml"
AliasMap = Mapping[str, tuple[str, ...]]


@dataclass(frozen=True)
class AgencyEntity:
    """One agency: canonical name, every name seen, short forms, region (province/city/county) and years held."""

    canonical: str
    names: tuple[str, ...]
    short_forms: tuple[str, ...]
    region: str
    years: tuple[int, ...]
    stored_as: tuple[str, ...]  # the names its reports are stored under (reports.agency)


def alias_path(home: Path) -> Path:
    """Where the user's alias file lives."""
    return home / ALIAS_FILE


def load_aliases(path: Path) -> dict[str, tuple[str, ...]]:
    """canonical → other names from the alias file; {} when there is none (raises ConfigError when malformed)."""
    if not path.exists():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc}); write one line per agency: \"全称\" = [\"别名\", …]") from exc
    out: dict[str, tuple[str, ...]] = {}
    for canonical, names in data.items():
        if isinstance(names, str):
            names = [names]
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            raise ConfigError(f"{path}: {canonical!r} must map to a list of names, e.g. \"{canonical}\" = [\"别名\"]")
        out[canonical.strip()] = tuple(n.strip() for n in names if n.strip())
    return out


def _normal(name: str) -> str:
    return re.sub(r"(?<!人民)政府", "人民政府", re.sub(r"\s+", "", name))


def places(name: str) -> tuple[list[str], str]:
    """The divisions a name starts with (known 行政区划 first, then any place-shaped word) and the rest."""
    known, rest = leading_divisions(name)
    more, rest = divisions(rest)
    return known + more, rest


def same_body(a: str, b: str) -> bool:
    """True when two names are one body written with more or fewer of the divisions it sits in:
    淮安市洪泽区人民政府 and 洪泽区人民政府 are; 河北省科学技术厅 and 山西省科学技术厅 are not."""
    a, b = _normal(a), _normal(b)
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    if not long_.endswith(short):
        return False
    parts, _ = places(short)
    prefix_parts, prefix_rest = places(long_[: -len(short)])
    if not parts or prefix_rest or not prefix_parts:  # the shorter must still name its place; the cut must be places
        return False
    ra, rb = region_of(long_), region_of(short)
    return ra is None or rb is None or ra.province == "" or rb.province in ("", ra.province)


def resolve_agency(name: str, *, known: Sequence[str], aliases: AliasMap) -> str:
    """The name a newly read agency is stored under: the alias file's canonical name, else the one stored agency that
    is the same body, else the name itself (two stored candidates: ambiguous, keep the name)."""
    for canonical, others in aliases.items():
        if name == canonical or name in others:
            return canonical
    if name in known:
        return name
    same = [k for k in known if same_body(k, name)]
    return same[0] if len(same) == 1 else name


def entities(rows: Iterable[tuple[str, str, Sequence[str], Sequence[int]]], *, aliases: AliasMap) -> list[AgencyEntity]:
    """Group stored agencies (agency, short_name, aliases, years) into entities, merged with the alias file."""
    groups: list[dict[str, set]] = []

    def group_of(name: str) -> dict[str, set] | None:
        return next((g for g in groups if name in g["names"]), None)

    for canonical, others in aliases.items():
        groups.append({"names": {canonical, *others}, "stored": set(), "short": set(), "years": set(), "canon": {canonical}})
    for agency, short, more, years in rows:
        g = group_of(agency) or next((g for g in groups if any(same_body(agency, n) for n in g["stored"])), None)
        if g is None:
            g = {"names": set(), "stored": set(), "short": set(), "years": set(), "canon": set()}
            groups.append(g)
        g["names"].update({agency, *(m for m in more if valid_agency(m))})
        g["stored"].add(agency)
        if short:
            g["short"].add(short)
        g["years"].update(years)
    out = []
    for g in groups:
        if not g["stored"]:
            continue  # an alias-file entry with no report yet
        canonical = next(iter(g["canon"]), None) or max(g["stored"], key=lambda n: (len(places(n)[0]), len(n), n))
        shorts = {s for n in g["names"] for s in (names_for(n)[0],)} | g["short"]
        region = region_of(canonical)
        out.append(AgencyEntity(
            canonical=canonical,
            names=tuple(sorted(g["names"] - {canonical}, key=lambda n: (-len(n), n))),
            short_forms=tuple(sorted(shorts - {canonical}, key=lambda n: (len(n), n))),
            region=region.label() if region else "",
            years=tuple(sorted(g["years"])),
            stored_as=tuple(sorted(g["stored"])),
        ))
    return sorted(out, key=lambda e: e.canonical)
