"""Stores written for a test: hand-typed cells with real-looking numbers (never report text), saved through the real
Store. Shared by the arithmetic, indicator and figure tests (tests/qa/test_figures.py, test_indicators.py,
test_arith_kinds*.py), which build stores of the same shape."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pytest

from govqa.core.config import Settings
from govqa.core.types import Answer, Cell, Finding, ParsedReport, Report, TableResult
from govqa.index.store import Store
from govqa.qa.answer import answer_question

REVIEW = tuple(f"{g}.{o}" for g in ("复议", "直诉", "复议后诉") for o in ("维持", "纠正", "其他", "未审结", "总计"))


def application_cells(row: str, total: int, **cols: int) -> list[Cell]:
    """One 表三 row: the named applicant columns, then 总计."""
    cells = [Cell("申请", row, col, float(v), str(v)) for col, v in cols.items()]
    return cells + [Cell("申请", row, "总计", float(total), str(total))]


def open_cells(row: str, **cols: int) -> list[Cell]:
    """One 表二 row: the named columns."""
    return [Cell("主动公开", row, col, float(v), str(v)) for col, v in cols.items()]


def review_cells(**outcomes: int) -> list[Cell]:
    """The 表四 row, every column; outcomes named with _ for . (复议_维持=3), the others 0."""
    return [Cell("复议诉讼", "数量", c, float(outcomes.get(c.replace(".", "_"), 0)), str(outcomes.get(c.replace(".", "_"), 0)))
            for c in REVIEW]


@dataclass(frozen=True)
class Written:
    """One report to write: its id, agency, short name, year, cells, parser findings, aliases and template version."""

    id: str
    agency: str
    short_name: str
    year: int
    cells: Sequence[Cell]
    findings: tuple[Finding, ...] = ()
    aliases: tuple[str, ...] = ()
    template: str = "2021"


def written_store(db_url: str, reports: Iterable[Written]) -> Store:
    """A real SQLite store holding the given reports."""
    store = Store(db_url)
    for w in reports:
        report = Report(id=w.id, source=f"{w.id}.txt", agency=w.agency, short_name=w.short_name, aliases=w.aliases,
                        year=w.year, template=w.template, title=f"{w.agency}{w.year}年政府信息公开工作年度报告",
                        content_hash=w.id * 20, text="")
        store.save(ParsedReport(report, (), TableResult(tuple(w.cells), w.findings, w.template), w.findings))
    return store


def ask(store: Store, settings: Settings, text: str) -> Answer:
    """One question answered from a written store alone: no passages, no conversation (the table and arithmetic routes)."""
    return answer_question(text, store=store, retriever=None, conversation=None, settings=settings)


def assert_value(answer: Answer, expected: float, unit: str) -> None:
    """An answer that found its figure: the value (approximately) and the unit expected."""
    assert answer.found, answer.text
    assert answer.unit == unit and answer.value == pytest.approx(expected), answer.text
