"""The cells a finding rests on as JSON, shared by the store (findings.cells), parked versions and `govqa check --json`."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from govqa.core.types import CellRef


def _number(value: float | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else float(value)


def cell_ref_dict(ref: CellRef) -> dict[str, Any]:
    """One cell reference as a JSON object (report and year only when it is another report's cell)."""
    out: dict[str, Any] = {"table": ref.table, "row": ref.row, "col": ref.col, "value": _number(ref.value)}
    if ref.report is not None:
        out["report"] = ref.report
    if ref.year is not None:
        out["year"] = ref.year
    return out


def dump_cells(refs: Iterable[CellRef]) -> str:
    """The cell references as a JSON text."""
    return json.dumps([cell_ref_dict(r) for r in refs], ensure_ascii=False)


def load_cells(raw: str | None) -> tuple[CellRef, ...]:
    """The cell references of a JSON text written by dump_cells (empty or missing: none)."""
    return tuple(CellRef(d["table"], d["row"], d["col"], None if d.get("value") is None else float(d["value"]),
                         d.get("report"), d.get("year")) for d in json.loads(raw or "[]"))
