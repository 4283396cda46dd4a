"""All user-facing answer sentences (but the refusals and notes of qa/wording.py), one module per kind of answer:
labels.py (report titles, printed numbers, metric and column labels, cell sources), table.py (the table route's
answers), trend.py (a metric year by year), quotes.py (quoted passages, section lists, contact details) and
arith.py (the arithmetic route: indicators, shares, changes, pooled figures). `from govqa.qa import compose as cp`
then `cp.name` reaches every one of them."""

from govqa.qa.compose.arith import (
    group_count_missing,
    group_count_sentence,
    no_multiple,
    no_year_report,
    per_period_missing,
    per_period_sentence,
    points_gap_sentence,
    times_sentence,
    unrounded_note,
    zero_base,
)
from govqa.qa.compose.labels import (
    as_printed,
    cell_source,
    cell_text,
    cell_unit,
    col_label,
    metric_label,
    metric_unit,
    number_text,
    report_title,
    value_text,
)
from govqa.qa.compose.quotes import (
    contact_facts,
    contact_lead,
    contact_missing,
    contact_not_printed,
    list_lines,
    part_not_said,
    quoted,
)
from govqa.qa.compose.table import (
    absent_reason,
    breakdown_sentence,
    cannot_total,
    columns_note,
    listing,
    not_counted,
    note_broken,
    note_broken_cells,
    ordinal_word,
    ranking_caveat,
    table_reply,
    table_text,
    value_sentence,
    who,
    year_phrase,
    yes_no_lead,
)
from govqa.qa.compose.trend import trend_change, trend_text, year_gap

__all__ = [
    "absent_reason", "as_printed", "breakdown_sentence", "cannot_total", "cell_source", "cell_text", "cell_unit",
    "col_label", "columns_note", "contact_facts", "contact_lead", "contact_missing", "contact_not_printed",
    "group_count_missing", "group_count_sentence", "list_lines", "listing", "metric_label", "metric_unit",
    "no_multiple", "no_year_report", "not_counted", "note_broken", "note_broken_cells", "number_text", "ordinal_word",
    "part_not_said", "per_period_missing", "per_period_sentence", "points_gap_sentence", "quoted", "ranking_caveat",
    "report_title", "table_reply", "table_text", "times_sentence", "trend_change", "trend_text", "unrounded_note",
    "value_sentence", "value_text", "who", "year_gap", "year_phrase", "yes_no_lead", "zero_base",
]
