"""Every finding of some reports: the stored ones (parse, relation, text-table) and the year-over-year ones, which
are computed over the whole store when read (index/yoy.py)."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING

from govqa.core.config import Settings
from govqa.core.types import Finding, Report
from govqa.index.yoy import yoy_findings

if TYPE_CHECKING:
    from govqa.index.store import Store


def report_findings(store: Store, reports: Sequence[Report], *, settings: Settings, notes: bool = False,
                    kinds: Collection[str] = ()) -> dict[str, list[Finding]]:
    """The findings of each report (stored, then year over year), without notes unless notes, only of kinds if given."""
    stored = store.findings_for(r.id for r in reports)
    everyone = store.reports()  # a report's year over year needs its agency's other years, selected or not
    mine = {r.agency for r in reports}
    peers = [r for r in everyone if r.agency in mine]
    yoy = yoy_findings(peers, store.cells_for(r.id for r in peers), ratio=settings.yoy_ratio,
                       min_count=settings.yoy_min_count)
    return {r.id: [f for f in (*stored[r.id], *yoy.get(r.id, ()))
                   if (notes or f.severity != "note") and (not kinds or f.kind in kinds)] for r in reports}
