"""The consistency audit (勾稽关系): every relation of the template checked over a report's parsed cells.

    >>> from core.types import Cell
    >>> cells = [Cell("复议诉讼", "数量", f"复议.{c}", v) for c, v in zip(("维持", "纠正", "其他", "未审结", "总计"), (1, 0, 0, 0, 2))]
    >>> [f.message for f in audit(cells)]
    ['复议诉讼 数量 复议.总计: 应为 1（维持+纠正+其他+未审结），实际填报 2']

A relation is checked only where every cell it reads was printed: a row that is not printed is not a zero.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from govqa.core.types import TABLES, Cell, CellRef, Finding
from govqa.index.numbers import format_number
from govqa.index.templates import Relation, all_relations

TOLERANCE = 1e-6
Values = Mapping[tuple[str, str], float]  # (row, col) -> value, one table


@dataclass(frozen=True)
class Check:
    """One instance of a relation: the target cell, the value the relation expects there and the printed one."""

    relation: Relation
    row: str
    col: str
    expected: float
    printed: float

    @property
    def ok(self) -> bool:
        """True when the printed value equals the expected one."""
        return abs(self.expected - self.printed) <= TOLERANCE

    @property
    def cells(self) -> tuple[tuple[str, str], tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]:
        """The (row, col) keys this instance reads: target, the cells added, the cells subtracted."""
        rel = self.relation
        if rel.axis == "row":
            return (self.row, rel.target), tuple((self.row, k) for k in rel.plus), tuple((self.row, k) for k in rel.minus)
        return (rel.target, self.col), tuple((k, self.col) for k in rel.plus), tuple((k, self.col) for k in rel.minus)


def checks(relation: Relation, values: Values, *, touching: str | None = None) -> Iterator[Check]:
    """Every instance of the relation whose cells are all in values (only those reading row `touching`, if given)."""
    if relation.axis == "row":
        lines = {row for row, _ in values} if touching is None else {touching}
        cell = lambda line, key: (line, key)  # noqa: E731
    else:
        if touching is not None and touching not in relation.keys:
            return
        lines = {col for _, col in values}
        cell = lambda line, key: (key, line)  # noqa: E731
    for line in sorted(lines):
        if not all(cell(line, key) in values for key in relation.keys):
            continue
        expected = sum(values[cell(line, k)] for k in relation.plus) - sum(values[cell(line, k)] for k in relation.minus)
        row, col = cell(line, relation.target)
        yield Check(relation, row, col, round(expected, 6), values[(row, col)])


def satisfied(relations: Sequence[Relation], values: Values, *, touching: str) -> int:
    """How many relation instances reading row `touching` hold in values."""
    return sum(check.ok for relation in relations for check in checks(relation, values, touching=touching))


def finding_for(table: str, check: Check, values: Values | None = None) -> Finding:
    """The Finding that reports a broken relation instance (with the cells it reads, when their values are given)."""
    message = (
        f"{table} {check.row} {check.col}: 应为 {format_number(check.expected)}（{check.relation.explain}），"
        f"实际填报 {format_number(check.printed)}"
    )
    target, plus, minus = check.cells
    refs = tuple(CellRef(table, r, c, values[(r, c)]) for r, c in (target, *plus, *minus)) if values else ()
    return Finding("relation", table, check.row, check.col, message, check.expected, check.printed, cells=refs)


def audit(cells: Sequence[Cell]) -> tuple[Finding, ...]:
    """One Finding(kind="relation") per broken 勾稽关系 instance over the cells of one report."""
    findings: list[Finding] = []
    for table in TABLES:
        values = {(c.row, c.col): c.value for c in cells if c.table == table}
        if not values:
            continue
        for relation in all_relations(table):
            findings.extend(finding_for(table, check, values) for check in checks(relation, values) if not check.ok)
    return tuple(findings)
