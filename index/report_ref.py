"""Resolve what a user types to name a report (an id or id prefix, a file name, an agency name or alias + year)
or a version (an id or id/hash prefix, a file name it was ingested from)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from govqa.core.types import Report
from govqa.index.versions import Version

_YEAR_SUFFIX = re.compile(r"^(?P<name>.+?)\s*(?P<year>(?:19|20)\d\d)\s*年?(?:度)?$")


def match_reports(known: Sequence[Report], ref: str) -> list[Report]:
    """The reports ref names, trying the most specific kind of reference first (an empty list: none).

    >>> [r.id for r in match_reports(store.reports(), "镇北堡镇 2020")]
    ['377f5673faa1']
    """
    if not ref:
        return []
    exact = [r for r in known if r.id == ref]
    if exact:
        return exact
    if re.fullmatch(r"[0-9a-f]{4,}", ref):
        by_prefix = [r for r in known if r.id.startswith(ref) or r.content_hash.startswith(ref)]
        if by_prefix:
            return by_prefix
    name = Path(ref).name
    by_source = [r for r in known if r.source in (ref, name) or Path(r.source).stem == name]
    if by_source:
        return by_source
    by_name = [r for r in known if ref in (r.agency, r.short_name) or ref in r.aliases]
    if by_name:
        return by_name
    m = _YEAR_SUFFIX.match(ref)
    if m:
        year = int(m.group("year"))
        return [r for r in match_reports(known, m.group("name")) if r.year == year]
    return []


def match_versions(known: Sequence[Version], ref: str) -> list[Version]:
    """The versions ref names: an exact id, else an id or content-hash prefix (4+ characters), else a file name."""
    exact = [v for v in known if v.id == ref]
    if exact or not ref:
        return exact
    if len(ref) >= 4:
        by_prefix = [v for v in known if v.id.startswith(ref) or v.content_hash.startswith(ref)]
        if by_prefix:
            return by_prefix
    name = Path(ref).name
    return [v for v in known if name in v.files or any(Path(f).stem == name for f in v.files)]
