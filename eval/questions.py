"""Evaluation question files: one JSON object a line, checked line by line.

    {"id": "table-001", "question": "红寺堡区2020年收到多少政府信息公开申请？", "kind": "table",
     "expect": ["44"], "found": true, "history": []}

``expect`` items are strings (or numbers); an item that is a list holds alternatives, any of which counts.
``history`` holds the earlier questions of the same chat, asked first through one conversation.

The strict format (eval/README.md) adds the gold the strict scorer (eval/score.py) checks:

    {"id", "kind": table|narrative|compare|follow-up|refuse|indicator|trend, "question", "history": [...], "found",
     "value", "unit", "cells": [{"file", "table", "row", "col"}], "expect": [...],
     "evidence": [{"file", "start", "end"}], "reason", "agency", "year", "note",
     "values": [...] (indicator: two figures at once), "formula",
     "series": [{"year", "value", "cells"}], "gaps": [years] (trend)}

``file`` names a report file (looked up in the folders given with ``--with`` and the bundled samples); evidence
offsets are Python str indices into that file as read. ``"scoring": "legacy"`` labels an item that has no strict
gold and is scored by the old substring rule only.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from difflib import get_close_matches
from pathlib import Path
from typing import Any

from govqa.core.errors import InvalidQuestionSet

REQUIRED = ("id", "question", "kind")
KNOWN = REQUIRED + ("expect", "found", "history", "value", "unit", "cells", "evidence", "reason", "agency", "year",
                    "note", "scoring", "values", "series", "gaps", "formula")
REASONS = ("no-agency", "ambiguous", "no-year", "no-data", "invalid")


@dataclass(frozen=True)
class GoldCell:
    """A table cell the answer must cite: report file name and the template address."""

    file: str
    table: str
    row: str
    col: str


@dataclass(frozen=True)
class GoldSpan:
    """A passage the answer must quote: report file name and [start, end) str offsets into that file as read."""

    file: str
    start: int
    end: int


@dataclass(frozen=True)
class SeriesPoint:
    """One year of a trend question's gold series: the value and the cells it comes from."""

    year: int
    value: float
    cells: tuple[GoldCell, ...] = ()


@dataclass(frozen=True)
class EvalItem:
    """One evaluation question with its hand-written expectation (and, in the strict format, its gold)."""

    id: str
    question: str
    kind: str  # table | compare | narrative | refuse | follow-up
    expect: tuple[Any, ...] = ()
    found: bool = True
    history: tuple[str, ...] = ()
    value: float | None = None
    unit: str | None = None
    cells: tuple[GoldCell, ...] = ()
    evidence: tuple[GoldSpan, ...] = ()
    quoted_evidence: str | None = None  # the old format's evidence: a quoted string, not checked by the scorers
    reason: str | None = None
    agency: str | None = None
    year: int | None = None
    legacy: bool = False  # labelled "scoring": "legacy": no strict gold, scored by the substring rule
    is_list: bool = False  # "list": true: every evidence span (one per list item) must be quoted, not just one
    values: tuple[float, ...] = ()  # indicator questions asking two figures at once: each must be stated
    series: tuple[SeriesPoint, ...] = ()  # trend questions: each year's value, stated with its cells cited
    gaps: tuple[int, ...] = ()  # trend questions: years asked about that have no value, named, never a number
    formula: str | None = None  # indicator questions: the author's computation, documentation only

    @property
    def numeric(self) -> bool:
        """Whether the strict scorer checks value, unit and cells (a table-route answer)."""
        return self.found and self.value is not None

    def expected(self) -> dict[str, Any]:
        """The expectation in the shape :func:`eval.score.score` takes."""
        return {"found": self.found, "expect": list(self.expect)}


def _is_item(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, (str, int, float)):
        return str(value).strip() != ""
    return isinstance(value, list) and bool(value) and all(_is_item(v) and not isinstance(v, list) for v in value)


def parse_item(obj: Any, *, where: str) -> EvalItem:
    """Check one decoded line and build its EvalItem; ``where`` (file:line) prefixes every error message."""
    if not isinstance(obj, dict):
        raise InvalidQuestionSet(f"{where}: expected a JSON object, got {type(obj).__name__}")
    for key in REQUIRED:
        if not isinstance(obj.get(key), str) or not obj[key].strip():
            raise InvalidQuestionSet(f"{where}: field {key!r} must be a non-empty string; got {obj.get(key)!r}")
    # extra fields (agency, year, evidence, note …) document a question and are ignored, but a misspelt
    # known field would silently drop an expectation
    typos = {k: close[0] for k in set(obj) - set(KNOWN) if (close := get_close_matches(k, KNOWN, n=1, cutoff=0.7))}
    if typos:
        raise InvalidQuestionSet(f"{where}: unknown fields {sorted(typos)}; did you mean {sorted(typos.values())}?")
    expect = obj.get("expect", [])
    if not isinstance(expect, list) or not all(_is_item(e) for e in expect):
        raise InvalidQuestionSet(f"{where}: 'expect' must be a list of non-empty strings or lists of them; got {expect!r}")
    found = obj.get("found", True)
    if not isinstance(found, bool):
        raise InvalidQuestionSet(f"{where}: 'found' must be true or false; got {found!r}")
    value = obj.get("value")
    if value is not None and (isinstance(value, bool) or not isinstance(value, (int, float))):
        raise InvalidQuestionSet(f"{where}: 'value' must be a number or null; got {value!r}")
    cells = _cells(obj.get("cells", []), where)
    evidence, quoted = _evidence(obj.get("evidence"), where)
    values, series, gaps = _numbers(obj.get("values", []), where, "values"), _series(obj.get("series", []), where), \
        _years(obj.get("gaps", []), where)
    if found and not expect and value is None and not evidence and not values and not series:
        raise InvalidQuestionSet(f"{where}: a question with found=true needs 'expect' items, a 'value' or 'evidence' "
                                 "(indicator: 'values'; trend: 'series')")
    history = obj.get("history", [])
    if not isinstance(history, list) or not all(isinstance(h, str) and h.strip() for h in history):
        raise InvalidQuestionSet(f"{where}: 'history' must be a list of question strings; got {history!r}")
    reason = obj.get("reason")
    if reason is not None and reason not in REASONS:
        raise InvalidQuestionSet(f"{where}: 'reason' must be one of {list(REASONS)} or null; got {reason!r}")
    unit, agency, year = obj.get("unit"), obj.get("agency"), obj.get("year")
    return EvalItem(
        id=obj["id"],
        question=obj["question"],
        kind=obj["kind"],
        expect=tuple(tuple(e) if isinstance(e, list) else e for e in expect),
        found=found,
        history=tuple(history),
        value=None if value is None else float(value),
        unit=unit if isinstance(unit, str) and unit.strip() else None,
        cells=cells,
        evidence=evidence,
        quoted_evidence=quoted,
        reason=reason,
        agency=agency if isinstance(agency, str) else None,
        year=year if isinstance(year, int) and not isinstance(year, bool) else None,
        legacy=obj.get("scoring") == "legacy",
        is_list=obj.get("list") is True,
        values=values,
        series=series,
        gaps=gaps,
        formula=obj["formula"] if isinstance(obj.get("formula"), str) else None,
    )


def _is_number(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _numbers(raw: Any, where: str, key: str) -> tuple[float, ...]:
    if not isinstance(raw, list) or not all(_is_number(v) for v in raw):
        raise InvalidQuestionSet(f"{where}: {key!r} must be a list of numbers; got {raw!r}")
    return tuple(float(v) for v in raw)


def _years(raw: Any, where: str) -> tuple[int, ...]:
    if not isinstance(raw, list) or not all(isinstance(v, int) and not isinstance(v, bool) for v in raw):
        raise InvalidQuestionSet(f"{where}: 'gaps' must be a list of years; got {raw!r}")
    return tuple(raw)


def _series(raw: Any, where: str) -> tuple[SeriesPoint, ...]:
    ok = isinstance(raw, list) and all(isinstance(p, dict) and isinstance(p.get("year"), int)
                                       and _is_number(p.get("value")) for p in raw)
    if not ok:
        raise InvalidQuestionSet(f"{where}: 'series' must be a list of {{year, value, cells}}; got {raw!r}")
    return tuple(SeriesPoint(p["year"], float(p["value"]), _cells(p.get("cells", []), where)) for p in raw)


def _cells(raw: Any, where: str) -> tuple[GoldCell, ...]:
    keys = ("file", "table", "row", "col")
    if not isinstance(raw, list) or not all(
            isinstance(c, dict) and all(isinstance(c.get(k), str) and c[k] for k in keys) for c in raw):
        raise InvalidQuestionSet(f"{where}: 'cells' must be a list of {{file, table, row, col}} strings; got {raw!r}")
    return tuple(GoldCell(c["file"], c["table"], c["row"], c["col"]) for c in raw)


def _evidence(raw: Any, where: str) -> tuple[tuple[GoldSpan, ...], str | None]:
    if raw is None:
        return (), None
    if isinstance(raw, str):
        return (), raw
    ok = isinstance(raw, list) and all(
        isinstance(e, dict) and isinstance(e.get("file"), str) and _offset(e.get("start")) and _offset(e.get("end"))
        and e["start"] < e["end"] for e in raw)
    if not ok:
        raise InvalidQuestionSet(f"{where}: 'evidence' must be a list of {{file, start, end}} with start < end; got {raw!r}")
    return tuple(GoldSpan(e["file"], e["start"], e["end"]) for e in raw), None


def _offset(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def parse_lines(lines: Iterable[str], *, source: str) -> list[EvalItem]:
    """Parse JSONL lines (blank lines skipped); ids must be unique within the file."""
    items: list[EvalItem] = []
    seen: dict[str, str] = {}
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InvalidQuestionSet(f"{where}: not valid JSON ({exc.msg})") from exc
        item = parse_item(obj, where=where)
        if item.id in seen:
            raise InvalidQuestionSet(f"{where}: duplicate id {item.id!r} (first at {seen[item.id]})")
        seen[item.id] = where
        items.append(item)
    return items


def load_questions(path: Path) -> list[EvalItem]:
    """Read and check a question file; raises InvalidQuestionSet naming the file and line."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InvalidQuestionSet(f"{path}: cannot read the question file ({exc.strerror})") from exc
    items = parse_lines(text.splitlines(), source=str(path))
    if not items:
        raise InvalidQuestionSet(f"{path}: holds no questions")
    return items
