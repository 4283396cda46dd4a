"""Year over year: each report of an agency checked against the same agency's report of the year before.

Two kinds of Finding(kind="yoy"), on the later report:

- the applications carried over (申请 row 二 总计) differ from last year's 结转下年度继续办理 (row 四 总计): severity
  "error" (checked only when the report of the year just before is stored: a missing report is not a zero);
- a main count (new applications, 行政复议, 行政诉讼) moved beyond `Settings.yoy_ratio` between two stored years of
  the agency (the larger at least `Settings.yoy_min_count`): severity "check", a number worth a look, not a mistake.
  When the stored years are not consecutive the message names both years (the gap is said).

They depend on several reports, so they are computed over the store when read (never stale after a new version
or a deletion), not stored with one report's parse.

    >>> yoy_findings(store.reports(), store.cells_for(r.id for r in store.reports()), ratio=3, min_count=10)
    {'ca9b32a6014e': [Finding(kind='yoy', table='申请', row='一', col='总计', ..., severity='check')], ...}
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import pairwise

from govqa.core.types import Cell, CellRef, Finding, Report
from govqa.index.numbers import format_number

Key = tuple[str, str, str]
CARRIED_IN: Key = ("申请", "二", "总计")
CARRIED_OUT: Key = ("申请", "四", "总计")
# the main counts watched for jumps: name -> the cells that add up to it
MAIN_COUNTS: Mapping[str, tuple[Key, ...]] = {
    "本年新收申请": (("申请", "一", "总计"),),
    "行政复议": (("复议诉讼", "数量", "复议.总计"),),
    "行政诉讼": (("复议诉讼", "数量", "直诉.总计"), ("复议诉讼", "数量", "复议后诉.总计")),
}


def _values(cells: Sequence[Cell]) -> dict[Key, float]:
    return {(c.table, c.row, c.col): c.value for c in reversed(cells)}  # the first cell of a key wins


def _refs(values: Mapping[Key, float], keys: Sequence[Key], report: Report | None = None) -> tuple[CellRef, ...] | None:
    """The cells of keys with their values (marked as another report's when report is given); None if one is missing."""
    if not all(k in values for k in keys):
        return None
    return tuple(CellRef(t, r, c, values[(t, r, c)], report.id if report else None, report.year if report else None)
                 for t, r, c in keys)


def carried_finding(prev: Report, prev_values: Mapping[Key, float], cur: Report,
                    cur_values: Mapping[Key, float]) -> Finding | None:
    """The finding when this year's carried-over applications differ from last year's carried-forward ones."""
    if prev.year is None or cur.year != prev.year + 1:
        return None
    here, there = _refs(cur_values, [CARRIED_IN]), _refs(prev_values, [CARRIED_OUT], prev)
    if here is None or there is None or here[0].value == there[0].value:
        return None
    got, want = format_number(here[0].value or 0), format_number(there[0].value or 0)
    message = (f"{cur.year}年 上年结转申请 {got} 件，{prev.year}年报告 结转下年度继续办理 {want} 件（报告 {prev.id}）")
    return Finding("yoy", *CARRIED_IN, message, there[0].value, here[0].value, severity="error", cells=here + there)


def jump_findings(prev: Report, prev_values: Mapping[Key, float], cur: Report, cur_values: Mapping[Key, float], *,
                  ratio: float, min_count: float) -> list[Finding]:
    """The main counts that moved by ratio or more from one stored year to the next (severity "check")."""
    out = []
    for name, keys in MAIN_COUNTS.items():
        here, there = _refs(cur_values, keys), _refs(prev_values, keys, prev)
        if here is None or there is None:
            continue
        now, before = sum(r.value or 0 for r in here), sum(r.value or 0 for r in there)
        high, low = max(now, before), min(now, before)
        if high < min_count or high < ratio * max(low, 1):
            continue
        gap = "" if prev.year is not None and cur.year == prev.year + 1 else f"（{prev.year}与{cur.year}年之间的年份未入库）"
        message = (f"{name}：{prev.year}年 {format_number(before)} → {cur.year}年 {format_number(now)}，"
                   f"变化超过 {format_number(ratio)} 倍，请核对{gap}")
        out.append(Finding("yoy", *keys[0], message, before, now, severity="check", cells=here + there))
    return out


def yoy_findings(reports: Sequence[Report], cells: Mapping[str, Sequence[Cell]], *, ratio: float,
                 min_count: float) -> dict[str, list[Finding]]:
    """The year-over-year findings of every report (by report id; a report with none maps to [])."""
    out: dict[str, list[Finding]] = {r.id: [] for r in reports}
    by_agency: dict[str, list[Report]] = {}
    for rep in reports:
        if rep.year is not None:
            by_agency.setdefault(rep.agency, []).append(rep)
    for reps in by_agency.values():
        reps.sort(key=lambda r: r.year or 0)
        for prev, cur in pairwise(reps):
            before, now = _values(cells.get(prev.id, ())), _values(cells.get(cur.id, ()))
            carried = carried_finding(prev, before, cur, now)
            out[cur.id].extend([carried] if carried else [])
            out[cur.id].extend(jump_findings(prev, before, cur, now, ratio=ratio, min_count=min_count))
    return out
