"""The compare tab's years × agencies view: one metric (cell or indicator) with agencies as rows and years as columns,
a line chart per agency, and a CSV.

A year without a value is never a zero: its cell says why — the agency's report for that year is not in the store
(NO_REPORT), or the report is there but does not hold the metric (LACKING: another template version, a row left
empty, an indicator whose denominator is 0) — and its chart leaves a gap there.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from govqa.core.types import Report, SeriesPoint
from govqa.ui.charts import chart_figure

NO_REPORT = "—"
LACKING = "无此项"
BROKEN_MARK = " ⚠"
LEGEND = f"{NO_REPORT}：该年报告不在知识库中；{LACKING}：报告中没有这项数据（均不计为 0）；⚠：该表勾稽关系异常。"
MAX_CHARTS = 12  # more agencies than this: the table only, the charts would be a long scroll
GAP_WHY = {NO_REPORT: "的报告不在知识库中", LACKING: "的报告没有这项数据"}


@dataclass(frozen=True)
class YearGrid:
    """One metric per agency and year: values where a report holds it, the reports lacking it, the broken ones."""

    years: tuple[int, ...]
    agencies: tuple[tuple[str, str], ...]  # (full name, label shown)
    values: Mapping[tuple[str, int], float]
    lacking: frozenset[tuple[str, int]]
    broken: frozenset[tuple[str, int]]

    def cell(self, agency: str, year: int) -> float | str:
        """The value, or why there is none (LACKING, NO_REPORT)."""
        if (agency, year) in self.values:
            return self.values[(agency, year)]
        return LACKING if (agency, year) in self.lacking else NO_REPORT

    def points(self, agency: str) -> tuple[SeriesPoint, ...]:
        """One agency's row as a series over every year of the grid, gaps kept with their reason."""
        out = []
        for year in self.years:
            value = self.cell(agency, year)
            out.append(SeriesPoint(year, value) if isinstance(value, float) else SeriesPoint(year, None, GAP_WHY[value]))
        return tuple(out)


def _labels(names: Mapping[str, str]) -> tuple[tuple[str, str], ...]:
    """(full name, label): the short name, or the full name when two agencies share a short name."""
    count: dict[str, int] = {}
    for short in names.values():
        count[short] = count.get(short, 0) + 1
    return tuple(sorted(((full, short if count[short] == 1 else full) for full, short in names.items()),
                        key=lambda pair: pair[1]))


def year_grid(rows: Sequence[dict[str, Any]], lacking: Sequence[Report], *, agencies: Sequence[str] = (),
              years: Sequence[int] = ()) -> YearGrid:
    """The grid of compare rows (qa.compare) and the reports lacking the metric, over the chosen agencies and years
    (none chosen: every agency seen, every year from the first to the last seen, so missing years show)."""
    names: dict[str, str] = {a: a for a in agencies}
    for r in rows:
        names[r["agency"]] = r.get("short_name") or r["agency"]
    for rep in lacking:
        names[rep.agency] = rep.short_name or rep.agency
    seen = {int(r["year"]) for r in rows if r.get("year")} | {rep.year for rep in lacking if rep.year}
    span = sorted({int(y) for y in years}) if years else (list(range(min(seen), max(seen) + 1)) if seen else [])
    values = {(r["agency"], int(r["year"])): float(r["value"]) for r in rows if r.get("year") and r.get("value") is not None}
    return YearGrid(years=tuple(span), agencies=_labels(names), values=values,
                    lacking=frozenset((rep.agency, rep.year) for rep in lacking if rep.year),
                    broken=frozenset((r["agency"], int(r["year"])) for r in rows if r.get("broken") and r.get("year")))


def _shown(value: float | str) -> Any:
    return int(value) if isinstance(value, float) and value.is_integer() else value


def grid_frame(grid: YearGrid, *, marks: bool = True) -> pd.DataFrame:
    """Agencies as rows, years as columns (2019年 …); with ``marks`` a value of a broken table carries ⚠ (not in CSV)."""
    columns = ["单位", *(f"{y}年" for y in grid.years)]
    lines = []
    for full, label in grid.agencies:
        line: list[Any] = [label]
        for year in grid.years:
            value = _shown(grid.cell(full, year))
            flagged = marks and (full, year) in grid.broken
            line.append(f"{value}{BROKEN_MARK}" if flagged else value)
        lines.append(line)
    return pd.DataFrame(lines, columns=columns).astype(object)


def grid_charts_html(grid: YearGrid, *, metric: str, unit: str = "") -> str:
    """One line chart per agency (years on x, gaps open), side by side and wrapping on a narrow screen, on one y axis
    so their heights compare."""
    if not grid.agencies:
        return ""
    if len(grid.years) < 2:
        return '<p class="govqa-chart-note">只有一个年份，没有折线图；选择更多年份或不选年份可看逐年变化。</p>'
    if len(grid.agencies) > MAX_CHARTS:
        return (f'<p class="govqa-chart-note">共 {len(grid.agencies)} 个单位：选择不超过 {MAX_CHARTS} 个单位，'
                f"可看每个单位的逐年折线图。</p>")
    high = max(grid.values.values(), default=0.0)
    figures = [chart_figure(grid.points(full), title=f"{label} · {metric}", unit=unit,
                            flagged={y for a, y in grid.broken if a == full}, high=high)
               for full, label in grid.agencies]
    return f'<div class="govqa-charts">{"".join(figures)}</div>'
