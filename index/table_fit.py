"""Fitting the numbers printed on a row to the row's columns, and choosing between readings with the 勾稽关系.

A row may print exactly one value per column, or values that ran together (`5100006`), or one value too few or
too many. Each row gets its candidate readings; a row with one reading is fixed, the others are decided by the
relations with the rows already fixed (row relation first, then the column relations), ties of a row that
printed too many values by dropping the trailing ones. A row that stays ambiguous yields no cells.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from itertools import combinations
from math import comb

from index.audit import checks, satisfied
from index.numbers import Token, format_number, split_tokens
from index.templates import Relation, TableTemplate, TemplateRow
from qa.types import Finding

log = logging.getLogger(__name__)
MAX_CANDIDATES = 20_000


@dataclass(frozen=True)
class Reading:
    """One way to read a row: a value and the printed text per column, with what was done to get it."""

    values: tuple[float, ...]
    raws: tuple[str, ...]
    rank: tuple[int, ...] = ()  # smaller is preferred when the relations cannot decide
    note: str = ""  # for the parse finding; "" when the row is read as printed
    col: str = ""  # the column the note is about, if one


@dataclass
class RowFit:
    """The candidate readings of one printed row."""

    row: TemplateRow
    kind: str  # printed | drop | split | fill: how the printed values were turned into readings
    printed: tuple[str, ...]
    readings: list[Reading] = field(default_factory=list)


def _row_relations(table: TableTemplate, row: TemplateRow) -> list[Relation]:
    return [r for r in table.relations if r.axis == "row" and all(k in row.cols for k in r.keys)]


def _holds(relations: list[Relation], row: TemplateRow, values: tuple[float, ...]) -> bool:
    cells = {(row.key, col): v for col, v in zip(row.cols, values, strict=True)}
    return all(check.ok for r in relations for check in checks(r, cells))


def _solve(relations: list[Relation], cols: tuple[str, ...], values: list[float | None]) -> list[float] | None:
    """Fill the None cells from the relations (non-negative counts); None when they stay undetermined."""
    index = {c: i for i, c in enumerate(cols)}
    changed = True
    while changed and None in values:
        changed = False
        for rel in relations:
            terms = [(index[rel.target], -1.0)] + [(index[k], 1.0) for k in rel.plus] + [(index[k], -1.0) for k in rel.minus]
            unknown = [(i, s) for i, s in terms if values[i] is None]
            known = 0.0
            for i, s in terms:
                value = values[i]
                if value is not None:
                    known += s * value
            if len(unknown) == 1:
                i, s = unknown[0]
                values[i] = round(-known / s, 6)
                changed = True
            elif unknown and all(s > 0 for _, s in unknown) and abs(known) < 1e-9:
                for i, _ in unknown:  # parts that must sum to zero: each is zero
                    values[i] = 0.0
                changed = True
    return None if None in values else [v for v in values if v is not None]


def _split(table: TableTemplate, row: TemplateRow, tokens: list[Token], rels: list[Relation]) -> list[Reading]:
    n = len(row.cols)
    if not rels and len(tokens) > 1 and not any(t.digits.startswith("0") and len(t.digits) > 1 for t in tokens):
        return []  # no relation to check a cut against: only a whole row that ran together is cut
    out = []
    runs = " ".join(t.text.strip() for t in tokens)
    for raws in split_tokens(tokens, n, limit=MAX_CANDIDATES):
        values = tuple(float(r) for r in raws)
        if _holds(rels, row, values):
            out.append(Reading(values, raws, (0,), f"split run-together digits '{runs}' into {'|'.join(raws)}"))
    return out


def _fill(table: TableTemplate, row: TemplateRow, tokens: list[Token], rels: list[Relation]) -> list[Reading]:
    n, m = len(row.cols), len(tokens)
    if not rels or comb(n, n - m) > MAX_CANDIDATES:
        return []
    out = []
    for gaps in combinations(range(n), n - m):
        printed = iter(tokens)
        slots: list[float | None] = [None if i in gaps else next(printed).value for i in range(n)]
        solved = _solve(rels, row.cols, slots)
        if solved is None:
            return []  # some placement leaves the missing value free: it cannot be determined
        if any(solved[i] < 0 for i in gaps) or not _holds(rels, row, tuple(solved)):
            continue
        printed = iter(tokens)
        raws = tuple("" if i in gaps else next(printed).text.strip() for i in range(n))
        filled = ", ".join(f"{row.cols[i]} = {format_number(solved[i])}" for i in gaps)
        note = f"printed {m} values for {n} columns; filled {filled} from the row relation"
        out.append(Reading(tuple(solved), raws, tuple(-i for i in sorted(gaps, reverse=True)), note, row.cols[gaps[-1]]))
    return out


def _drop(row: TemplateRow, tokens: list[Token]) -> list[Reading]:
    n, m = len(row.cols), len(tokens)
    if comb(m, m - n) > MAX_CANDIDATES:
        return []
    out = []
    for gone in combinations(range(m), m - n):
        kept = [t for i, t in enumerate(tokens) if i not in gone]
        dropped = ", ".join(f"value {i + 1} '{tokens[i].text.strip()}'" for i in gone)
        note = f"printed {m} values for {n} columns; dropped {dropped}"
        out.append(Reading(tuple(t.value for t in kept), tuple(t.text.strip() for t in kept),
                           tuple(-i for i in sorted(gone, reverse=True)), note))
    return out


def fit_row(table: TableTemplate, row: TemplateRow, tokens: list[Token]) -> RowFit:
    """Every reading of a row's printed tokens, one per distinct set of values (best rank kept)."""
    n, m = len(row.cols), len(tokens)
    rels = _row_relations(table, row)
    if m == n:
        kind, readings = "printed", [Reading(tuple(t.value for t in tokens), tuple(t.text.strip() for t in tokens))]
    elif m > n:
        kind, readings = "drop", _drop(row, tokens)
    else:
        kind, readings = "split", _split(table, row, tokens, rels)
        if not readings:
            kind, readings = "fill", _fill(table, row, tokens, rels)
    best: dict[tuple[float, ...], Reading] = {}
    for reading in sorted(readings, key=lambda r: r.rank):
        best.setdefault(reading.values, reading)
    return RowFit(row, kind, tuple(t.text.strip() for t in tokens), list(best.values()))


def resolve(table: TableTemplate, fits: list[RowFit]) -> tuple[dict[str, Reading], list[Finding]]:
    """Pick one reading per row with the relations; rows left ambiguous get a Finding and no reading."""
    chosen: dict[str, Reading] = {f.row.key: f.readings[0] for f in fits if len(f.readings) == 1}
    pending = [f for f in fits if len(f.readings) > 1]

    def values_with(fit: RowFit, reading: Reading) -> dict[tuple[str, str], float]:
        values = {(k, c): v for k, r in chosen.items() for c, v in zip(table.row(k).cols, r.values, strict=True)}
        values.update({(fit.row.key, c): v for c, v in zip(fit.row.cols, reading.values, strict=True)})
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
    findings = []
    for fit in fits:
        if fit.row.key in chosen:
            continue
        options = " / ".join("|".join(format_number(v) for v in r.values) for r in fit.readings[:6])
        printed = " ".join(fit.printed)
        message = (f"{table.name} {fit.row.key}: printed '{printed}' for {len(fit.row.cols)} columns; "
                   f"{len(fit.readings) or 'no'} readings fit the relations{': ' + options if options else ''}; no cells taken")
        log.info(message)
        findings.append(Finding("ambiguous", table.name, fit.row.key, "", message))
    return chosen, findings
