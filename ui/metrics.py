"""The metric catalog: every table → row → column of the standard tables, grouped as the template groups them.

Built from the template data files (index/templates/*.json via index/templates.py), the union of all template
versions in template order, so that a UI or a script can offer "which number" without knowing the templates.

    >>> [t.key for t in metric_catalog()]
    ['主动公开', '申请', '复议诉讼']
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class MetricCol:
    """One column of a row: its canonical key and how to show it."""

    key: str
    label: str
    unit: str = ""

    @property
    def display(self) -> str:
        """The label with its unit, e.g. 采购总金额（万元）."""
        shown = self.label if self.label == self.key else f"{self.key} {self.label}"
        return f"{shown}（{self.unit}）" if self.unit else shown


@dataclass(frozen=True)
class MetricRow:
    """One row of a table with the columns it has."""

    key: str
    label: str
    cols: tuple[MetricCol, ...]
    templates: tuple[str, ...] = ()  # the template versions that print this row

    @property
    def display(self) -> str:
        """The key and the label, e.g. 三.三.2 其他法律行政法规禁止公开."""
        return self.label if self.label == self.key else f"{self.key} {self.label}"


@dataclass(frozen=True)
class MetricTable:
    """One of the three standard tables."""

    key: str
    title: str
    rows: tuple[MetricRow, ...]


def find_table(catalog: Sequence[MetricTable], table: str | None) -> MetricTable | None:
    """The table with this key, or None."""
    return next((t for t in catalog if t.key == table), None)


def find_row(catalog: Sequence[MetricTable], table: str | None, row: str | None) -> MetricRow | None:
    """The row with this key in this table, or None."""
    found = find_table(catalog, table)
    return next((r for r in found.rows if r.key == row), None) if found else None


def _insert_after(order: list[str], key: str, previous: str | None) -> None:
    """Put a row another version adds right after the row that precedes it there (2021's 三.六.1 after 三.五.5)."""
    order.insert(order.index(previous) + 1 if previous in order else len(order), key)


@lru_cache(maxsize=1)
def metric_catalog() -> tuple[MetricTable, ...]:
    """Every table, row and column of all template versions, in template order (2019 first)."""
    from govqa.index.templates import load_templates

    titles: dict[str, str] = {}
    rows: dict[str, dict[str, MetricRow]] = {}
    orders: dict[str, list[str]] = {}
    for version, template in load_templates().items():
        for name, table in template.tables.items():
            titles.setdefault(name, table.title)
            known, order = rows.setdefault(name, {}), orders.setdefault(name, [])
            units = {c.key: c.unit for c in table.columns}
            previous: str | None = None
            for row in sorted(table.rows, key=lambda r: r.position):
                cols = tuple(MetricCol(k, k, units.get(k, "")) for k in row.cols)
                old = known.get(row.key)
                if old is None:
                    known[row.key] = MetricRow(row.key, row.label or row.key, cols, (version,))
                    _insert_after(order, row.key, previous)
                else:  # the same row in another version: add the columns it prints there
                    extra = tuple(c for c in cols if c.key not in {o.key for o in old.cols})
                    known[row.key] = MetricRow(old.key, old.label, old.cols + extra, (*old.templates, version))
                previous = row.key
    return tuple(MetricTable(name, titles[name], tuple(rows[name][k] for k in orders[name])) for name in titles)


def compare_catalog() -> tuple[MetricTable, ...]:
    """The metric catalog plus the indicators, as one more table whose rows are the computable indicators."""
    from govqa.qa.indicators import INDICATOR_COL, INDICATOR_TABLE, definition, load_indicators

    rows = tuple(MetricRow(ind.name, definition(ind), (MetricCol(INDICATOR_COL, INDICATOR_COL, ind.unit),), ind.templates)
                 for ind in load_indicators().values() if not ind.parts)
    return (*metric_catalog(), MetricTable(INDICATOR_TABLE, "计算指标（由表格数值计算）", rows))
