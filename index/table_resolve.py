"""Choosing one reading per printed row with the 勾稽关系 of the whole table.

A row with one reading is fixed; the rows with several are decided together, by the combination of their
readings that keeps the most relation instances of the table (row by row when there are too many combinations),
ties of a row that printed too many values by dropping the trailing ones. A row still open is then held against
the report's own prose (「现行有效的规范性文件16件」 beside '5416'): the readings that disagree with a number the text
states for one of its cells are dropped, and when one reading is left it is taken with a `parse` finding naming the
passage. A row that stays open is an `ambiguous` finding with its candidates, and only the cells every candidate
left reads alike are taken: never a guess.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from itertools import product

from govqa.core.types import Finding
from govqa.index.audit import checks, satisfied
from govqa.index.numbers import BLANK, format_number
from govqa.index.table_fit import Reading, RowFit
from govqa.index.templates import TableTemplate, TemplateRow
from govqa.index.text_table import CellStatement, cell_statements

log = logging.getLogger(__name__)
MAX_COMBINATIONS = 4_096  # readings of a table's undecided rows tried together; past it, row by row
SHOWN_READINGS = 6  # an ambiguous finding's message lists at most this many readings (Finding.readings has all)


@dataclass(frozen=True)
class Resolved:
    """What the relations decide: one reading per decided row, the agreed cells of undecided rows, findings."""

    chosen: dict[str, Reading]
    agreed: dict[str, dict[str, tuple[float, str]]]  # row -> col -> (value, raw) every best reading shares
    findings: list[Finding]
    decided_by_table: tuple[str, ...] = ()  # rows with several readings of their own that the table settled


Values = dict[tuple[str, str], float]


def _row_values(fit: RowFit, reading: Reading) -> Values:
    return {(fit.row.key, c): v for c, v in zip(fit.row.cols, reading.values, strict=True)}


Instance = tuple[tuple[str, str], tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]  # target, plus, minus


def _instances(table: TableTemplate, values: Values, rows: set[str]) -> list[Instance]:
    """The relation instances over these cells that read one of `rows`, as (target, plus, minus) cell keys."""
    out = []
    for relation in table.relations:
        for check in checks(relation, values):
            target, plus, minus = check.cells
            if any(row in rows for row, _ in (target, *plus, *minus)):
                out.append((target, plus, minus))
    return out


def _best_together(table: TableTemplate, base: Values, pending: list[RowFit]) -> list[tuple[Reading, ...]] | None:
    """The combinations of the pending rows' readings that keep the most relations of the whole table.

    None when there are too many combinations to try them all.
    """
    total = 1
    for fit in pending:
        total *= len(fit.readings)
        if total > MAX_COMBINATIONS:
            return None
    values = dict(base)
    for fit in pending:
        values.update(_row_values(fit, fit.readings[0]))
    instances = _instances(table, values, {fit.row.key for fit in pending})
    scored: list[tuple[int, tuple[Reading, ...]]] = []
    for combo in product(*(fit.readings for fit in pending)):
        for fit, reading in zip(pending, combo, strict=True):
            values.update(_row_values(fit, reading))
        held = sum(abs(sum(values[k] for k in plus) - sum(values[k] for k in minus) - values[target]) <= 1e-6
                   for target, plus, minus in instances)
        scored.append((held, combo))
    top = max(score for score, _ in scored)
    return [combo for score, combo in scored if score == top]


def _greedy(table: TableTemplate, chosen: dict[str, Reading], pending: list[RowFit]) -> None:
    """Row by row: a row whose one reading keeps the most relations with the rows already fixed is fixed."""

    def values_with(fit: RowFit, reading: Reading) -> Values:
        values = {(k, c): v for k, r in chosen.items() for c, v in zip(table.row(k).cols, r.values, strict=True)}
        values.update(_row_values(fit, reading))
        return values

    def decide(tie_break: bool) -> bool:
        progress = False
        for fit in list(pending):
            scored = [(satisfied(table.relations, values_with(fit, r), touching=fit.row.key), r) for r in fit.readings]
            top = max(s for s, _ in scored)
            winners = [r for s, r in scored if s == top]
            # Too many values: when the relations tie, the trailing values are the ones dropped (best rank).
            if len(winners) == 1 or (tie_break and fit.kind == "drop"):
                chosen[fit.row.key] = min(winners, key=lambda r: r.rank)
                pending.remove(fit)
                progress = True
                if tie_break:  # one guess at a time: it may settle other rows by the relations
                    return True
        return progress

    while pending and (decide(False) or decide(True)):
        pass


def _together(table: TableTemplate, chosen: dict[str, Reading], pending: list[RowFit]) -> dict[str, list[Reading]] | None:
    """Decide the pending rows together; returns each still-open row's best readings (None: too many to try)."""
    base = {(k, c): v for k, r in chosen.items() for c, v in zip(table.row(k).cols, r.values, strict=True)}
    winners = _best_together(table, base, pending)
    if winners is None:
        return None
    open_rows: dict[str, list[Reading]] = {}
    for i, fit in enumerate(pending):
        options = list(dict.fromkeys(combo[i] for combo in winners))
        if len(options) > 1 and fit.kind == "drop":
            # Too many values: when the relations tie, the trailing values are the ones dropped (best rank).
            keep = min(options, key=lambda r: r.rank)
            winners = [combo for combo in winners if combo[i] == keep]
            options = [keep]
        if len(options) == 1:
            chosen[fit.row.key] = options[0]
        else:
            open_rows[fit.row.key] = options
    return open_rows


def _agreed(fit: RowFit, options: list[Reading]) -> dict[str, tuple[float, str]]:
    """The cells every option reads alike (same value, none of them blank)."""
    out = {}
    for i, col in enumerate(fit.row.cols):
        values = {r.values[i] for r in options}
        raws = [r.raws[i] for r in options]
        if len(values) == 1 and BLANK not in raws and "" not in raws:
            out[col] = (options[0].values[i], raws[0])
    return out


def _printed_values(table: TableTemplate, chosen: dict[str, Reading],
                    agreed: dict[str, dict[str, tuple[float, str]]]) -> Values:
    """The cells taken so far that were printed (a blank is not a zero)."""
    values: Values = {}
    for key, reading in chosen.items():
        for col, value, raw in zip(table.row(key).cols, reading.values, reading.raws, strict=True):
            if raw not in (BLANK, ""):
                values[(key, col)] = value
    values.update({(key, col): v for key, cells in agreed.items() for col, (v, _) in cells.items()})
    return values


def _solve(table: TableTemplate, values: Values, cell: tuple[str, str]) -> float | None:
    """The value the relation instances give `cell` when every other cell they read is known (None when none does,
    or when two disagree)."""
    row, col = cell
    found: set[float] = set()
    for relation in table.relations:
        key = col if relation.axis == "row" else row
        if key not in relation.keys:
            continue
        at = {k: (row, k) if relation.axis == "row" else (k, col) for k in relation.keys}
        if not all(at[k] in values for k in relation.keys if k != key):
            continue
        total = sum(values[at[k]] for k in relation.plus if k != key) - sum(values[at[k]] for k in relation.minus if k != key)
        if key == relation.target:
            found.add(round(total, 6))
            continue
        target = values[at[relation.target]]
        found.add(round(target - total if key in relation.plus else total - target, 6))
    return found.pop() if len(found) == 1 else None


def derived_by_relations(table: TableTemplate, fit: RowFit, options: list[Reading], values: Values) -> dict[str, float]:
    """Cells of an open row that a relation of the table fixes from printed cells (四 = 一 + 二 − 三.七), kept only
    where some option prints that value in the cell and no option prints another: the printing agrees, the
    relation decides which of its columns the digits belong to."""
    out: dict[str, float] = {}
    for i, col in enumerate(fit.row.cols):
        if (fit.row.key, col) in values:
            continue
        solved = _solve(table, values, (fit.row.key, col))
        printed = {r.values[i] for r in options if r.raws[i] not in (BLANK, "")}
        if solved is not None and printed == {solved}:
            out[col] = solved
    return out


def row_words(row: TemplateRow) -> tuple[str, ...]:
    """How prose names a row: its labels, and 规范性文件 for 行政规范性文件 (a 行政 prefix the text may leave out)."""
    short = [label.removeprefix("行政") for label in row.labels]
    return tuple(dict.fromkeys([*row.labels, *(w for w in short if len(w) >= 4)]))


@dataclass(frozen=True)
class ProseChoice:
    """What the report's prose says about an open row: the readings it leaves, the passages that decided."""

    options: list[Reading]
    used: tuple[CellStatement, ...]


def by_prose(table: TableTemplate, fit: RowFit, options: list[Reading], text: str) -> ProseChoice:
    """Keep the readings that agree with the numbers the prose states for the row's cells.

    A statement no reading agrees with is about something else (or a slip) and is ignored; one every reading
    agrees with decides nothing.
    """
    others = [w for row in table.rows if row.key != fit.row.key for w in row_words(row)]
    used: list[CellStatement] = []
    for stmt in cell_statements(text, row_words(fit.row), fit.row.cols, others) if text else ():
        i = fit.row.cols.index(stmt.col)
        agree = [r for r in options if r.values[i] == stmt.value and r.raws[i] not in (BLANK, "")]
        if agree and len(agree) < len(options):
            options = agree
            used.append(stmt)
    return ProseChoice(options, tuple(used))


def _passages(used: tuple[CellStatement, ...], text: str) -> str:
    return "; ".join(f"{s.col} = {format_number(s.value)} at [{s.start}:{s.end}] '{text[s.start:s.end]}'" for s in used)


def _reading_text(reading: Reading) -> str:
    return "|".join("_" if raw == BLANK else format_number(v) for v, raw in zip(reading.values, reading.raws, strict=True))


def resolve(table: TableTemplate, fits: list[RowFit], text: str = "") -> Resolved:
    """Pick one reading per row with the relations of the whole table; rows left open get a finding.

    A row with several readings of its own is decided by the combination of all open rows that keeps the most
    relations of the table; when several combinations tie, a row they read differently stays open: an
    `ambiguous` finding lists its candidates and only the cells every candidate reads alike are taken.
    """
    chosen: dict[str, Reading] = {f.row.key: f.readings[0] for f in fits if len(f.readings) == 1}
    pending = [f for f in fits if len(f.readings) > 1]
    several = [f.row.key for f in pending]
    open_rows = _together(table, chosen, pending) if pending else {}
    if open_rows is None:
        _greedy(table, chosen, pending)
        open_rows = {f.row.key: f.readings for f in pending}
    settled = tuple(k for k in several if k in chosen)  # by the relations; the prose may settle more below
    findings: list[Finding] = []
    agreed: dict[str, dict[str, tuple[float, str]]] = {}
    open_fits: list[tuple[RowFit, list[Reading]]] = []
    for fit in fits:
        if fit.row.key in chosen:
            continue
        options = open_rows.get(fit.row.key, fit.readings)
        prose = by_prose(table, fit, options, text) if len(options) > 1 else ProseChoice(options, ())
        span = (prose.used[0].start, max(s.end for s in prose.used)) if prose.used else (None, None)
        said = f"the report's text states {_passages(prose.used, text)}" if prose.used else ""
        if prose.used and len(prose.options) == 1:
            chosen[fit.row.key] = prose.options[0]
            message = (f"{table.name} {fit.row.key}: printed '{' '.join(fit.printed)}'; {len(options)} readings fit the "
                       f"relations; {said}, which only the reading {_reading_text(prose.options[0])} agrees with")
            log.info(message)
            findings.append(Finding("parse", table.name, fit.row.key, prose.used[0].col, message,
                                    start=span[0], end=span[1]))
            continue
        if prose.used:
            said = f"{len(prose.options)} of them agree with {said}"
        options = prose.options
        agreed[fit.row.key] = _agreed(fit, options) if options else {}
        open_fits.append((fit, options))
        shown = " / ".join(_reading_text(r) for r in options[:SHOWN_READINGS])
        taken = ", ".join(f"{col} = {format_number(v)}" for col, (v, _) in agreed[fit.row.key].items())
        gaps = " (only its non-empty cells printed)" if fit.kind == "gaps" else ""
        message = (f"{table.name} {fit.row.key}: printed '{' '.join(fit.printed)}' for {len(fit.row.cols)} columns{gaps}; "
                   f"{len(open_rows.get(fit.row.key, fit.readings)) or 'no'} readings fit the relations"
                   f"{'; ' + said if said else ''}"
                   f"{': ' + shown if shown else ''}; "
                   + (f"only the cells they share are taken ({taken})" if taken else "no cells taken"))
        log.info(message)
        every = tuple(tuple(None if raw == BLANK else v for v, raw in zip(r.values, r.raws, strict=True)) for r in options)
        findings.append(Finding("ambiguous", table.name, fit.row.key, "", message, start=span[0], end=span[1],
                                readings=every))
    derived = _derive(table, chosen, agreed, open_fits)
    whole = {f.row for f in derived if set(agreed.get(f.row, {})) == set(table.row(f.row).cols)}
    findings = [f for f in findings if not (f.kind == "ambiguous" and f.row in whole)] + derived
    return Resolved(chosen, agreed, findings, settled)


def _derive(table: TableTemplate, chosen: dict[str, Reading], agreed: dict[str, dict[str, tuple[float, str]]],
            open_fits: list[tuple[RowFit, list[Reading]]]) -> list[Finding]:
    """Take the cells of open rows the relations fix (see derived_by_relations), until no more are fixed."""
    findings: list[Finding] = []
    progress = True
    while progress:
        progress = False
        values = _printed_values(table, chosen, agreed)
        for fit, options in open_fits:
            derived = derived_by_relations(table, fit, options, values)
            if not derived:
                continue
            progress = True
            for col, value in derived.items():
                agreed.setdefault(fit.row.key, {})[col] = (value, format_number(value))
                values[(fit.row.key, col)] = value
            taken = ", ".join(f"{col} = {format_number(v)}" for col, v in derived.items())
            message = (f"{table.name} {fit.row.key}: printed '{' '.join(fit.printed)}'; the relations of the table fix "
                       f"{taken} from the printed rows, and the printed digits agree")
            log.info(message)
            findings.append(Finding("parse", table.name, fit.row.key, next(iter(derived)), message))
    return findings
