"""An answer that used a blank cell the table's relations prove 0 says so and cites the relation's cells.

Routes read such cells through qa/table_query.metric_values like any other (their Source is marked `implied`);
this last step, whatever the route, adds the note and the total and parts as sources.
"""

from __future__ import annotations

from dataclasses import replace

from govqa.core.protocols import ReportStore
from govqa.core.types import Answer, Source
from govqa.qa import compose as cp
from govqa.qa.implied_zeros import roots
from govqa.qa.table_query import implied_cell


def explain_implied(answer: Answer, store: ReportStore) -> Answer:
    """The answer with the note on its derived zeros and their relations' cells as sources (unchanged if none)."""
    marked = [s for s in answer.sources if s.implied and s.table and s.row and s.col]
    if not marked or not answer.found:
        return answer
    hits = [h for s in marked if (h := implied_cell(store, s.report, s.table or "", s.row or "", s.col or ""))]
    note = cp.implied_note(hits)
    if not note:
        return answer
    cited = {s.text for s in answer.sources}
    extra: dict[tuple[str, str], Source] = {}
    for hit in hits:
        for total, parts in roots(hit):
            for cell in (total, *parts):
                source = cp.cell_source(cell)
                if source.text not in cited and not cell.implied:
                    extra.setdefault((source.report, source.text), source)
    return replace(answer, text=answer.text + note, sources=(*answer.sources, *extra.values()))
