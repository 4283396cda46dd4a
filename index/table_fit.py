"""Fitting the numbers printed on a row to the row's columns, and choosing between readings with the 勾稽关系.

A row may print exactly one value per column, or values that ran together (`5100006`), glued to a zero
(`160 02 0 018`), cut by a stray space (`1 4` for 14), one value too few or too many, or only its non-empty
cells. fit_row gives each printed row its candidate readings, each kept only when the row's own relation holds
(or when it is the only cut there is); index/table_resolve.py decides between them with the whole table.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from itertools import accumulate, chain, combinations, pairwise
from math import comb

from govqa.index.audit import checks
from govqa.index.numbers import BLANK, Token, cut_digits, format_number, printed_value, split_tokens
from govqa.index.templates import Relation, TableTemplate, TemplateRow

MAX_CANDIDATES = 20_000
MAX_PLACEMENTS = 2_000  # ways to place the values of a row that printed only its non-empty cells


@dataclass(frozen=True)
class Reading:
    """One way to read a row: a value and the printed text per column, with what was done to get it."""

    values: tuple[float, ...]
    raws: tuple[str, ...]
    rank: tuple[int, ...] = ()  # smaller is preferred when the relations cannot decide
    note: str = ""  # for the parse finding; "" when the row is read as printed
    col: str = ""  # the column the note is about, if one
    split: bool = False  # run-together values were cut: reported once per table, not per row
    forced: bool = False  # the only cut there is, though it breaks the row relation as printed


@dataclass
class RowFit:
    """The candidate readings of one printed row."""

    row: TemplateRow
    kind: str  # printed | drop | split | fill | gaps: how the printed values were turned into readings
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
    """Readings that cut run-together values into the row's columns, kept when the row relation holds.

    A row without a relation is cut only when its values ran together (no space between them, or a value glued
    to a zero: 018): a space-separated row one value short may have lost a cell rather than glued two. When no
    cut keeps the row relation but there is only one cut at all (1000000 over seven columns), it is the reading:
    the report printed a broken row and the audit says so.
    """
    glued = any(len(t.digits) > 1 and t.digits.startswith("0") for t in tokens)
    joined = all(a.end == b.start for a, b in pairwise(tokens))
    if not rels and len(tokens) > 1 and not glued and not joined:
        return []
    runs = " ".join(t.text.strip() for t in tokens)
    signed = {i for i, col in enumerate(row.cols) if table.column(col).signed}
    every = []
    for raws in split_tokens(tokens, len(row.cols), limit=MAX_CANDIDATES):
        if any(raw[1:2].isdigit() and raw[0] in "+-" and i not in signed for i, raw in enumerate(raws)):
            continue  # a cut that puts a sign on a count (88-720 as 8|8|-720) is not a reading
        note = f"split run-together digits '{runs}' into {'|'.join(raws)}"
        every.append(Reading(tuple(printed_value(r) for r in raws), raws, (0,), note, split=True))
    fitting = [r for r in every if _holds(rels, row, r.values)]
    if fitting or len(every) != 1:
        return fitting
    return [replace(every[0], forced=True)]


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


def _gaps(row: TemplateRow, tokens: list[Token], rels: list[Relation]) -> list[Reading]:
    """Readings of a row that prints only its non-empty cells: the values in order, the other cells blank.

    Values that ran together (22 for one applicant column and 总计) are cut first when the row has a relation.
    Kept when the row relation holds with blanks as nothing; which column a value belongs to usually stays open,
    so only the cells all readings share are taken.
    """
    n, m = len(row.cols), len(tokens)
    runs: Iterable[tuple[str, ...]] = [tuple(t.text.strip() for t in tokens)]
    if rels:
        digits = sum(len(t.digits) or 1 for t in tokens)
        runs = chain(runs, *(split_tokens(tokens, k, limit=MAX_CANDIDATES) for k in range(m + 1, min(n, digits + 1))))
    out: list[Reading] = []
    work = 0
    note = f"printed '{' '.join(t.text.strip() for t in tokens)}' for {n} columns; the other cells printed empty"
    for printed_values in runs:
        k = len(printed_values)
        work += comb(n, n - k)
        if work > MAX_PLACEMENTS:
            return []  # too many ways to place the values: left open rather than half-searched
        for gaps in combinations(range(n), n - k):
            printed = iter(printed_values)
            raws = tuple(BLANK if i in gaps else next(printed) for i in range(n))
            values = tuple(printed_value(r) for r in raws)
            if _holds(rels, row, values):
                out.append(Reading(values, raws, (0,), note))
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


def _rejoin(row: TemplateRow, tokens: list[Token], rels: list[Relation]) -> list[Reading]:
    """Readings that also join values a stray space cut (1 6 0 0 2 0 0 18 is 16|0|0|2|0|0|18), kept when the row
    relation holds; only those with the fewest joins. For rows no reading that keeps every space fits.
    """
    n = len(row.cols)
    if not rels or not all(t.digits for t in tokens):
        return []
    digits = "".join(t.digits for t in tokens)
    spaces = set(accumulate(len(t.digits) for t in tokens[:-1]))
    fewest, out = len(tokens), list[Reading]()
    runs = " ".join(t.text.strip() for t in tokens)
    for count, pieces in enumerate(cut_digits(digits, n)):
        if count >= MAX_CANDIDATES:
            return []
        values = tuple(float(p) for p in pieces)
        joins = len(spaces - set(accumulate(len(p) for p in pieces[:-1])))
        if joins == 0 or joins > fewest or not _holds(rels, row, values):
            continue
        if joins < fewest:
            fewest, out = joins, []
        note = f"read '{runs}' as {'|'.join(pieces)}: {joins} space{'s' * (joins > 1)} inside a number ignored"
        out.append(Reading(values, pieces, (joins,), note))
    return out


def _glued(tokens: list[Token]) -> bool:
    """A multi-digit value with a leading zero (018) was printed: it is two values glued, not one."""
    return any(len(t.digits) > 1 and t.digits.startswith("0") for t in tokens)


def fit_row(table: TableTemplate, row: TemplateRow, tokens: list[Token]) -> RowFit:
    """Every reading of a row's printed tokens, one per distinct set of values (best rank kept).

    A row whose readings that keep every printed space all break its relation is also read with numbers a stray
    space cut rejoined (the fewest joins); a plain row of as many values as columns is read as printed.
    """
    n, m = len(row.cols), len(tokens)
    rels = _row_relations(table, row)
    fits = lambda found: any(_holds(rels, row, r.values) for r in found)  # noqa: E731
    if m == n:
        kind, readings = "printed", [Reading(tuple(t.value for t in tokens), tuple(t.text.strip() for t in tokens))]
        if _glued(tokens) and rels and not fits(readings):
            kind, readings = "join", _rejoin(row, tokens, rels) or readings
    elif m > n:
        kind, readings = "drop", _drop(row, tokens)
        if rels and not fits(readings):
            kind, readings = "join", _rejoin(row, tokens, rels) or readings
    else:
        kind, readings = "split", _split(table, row, tokens, rels)
        if rels and not fits(readings):
            kind, readings = "join", _rejoin(row, tokens, rels) or readings
        if not readings:
            kind, readings = "fill", _fill(table, row, tokens, rels)
        if not readings and (m > 1 or len(tokens[0].digits) > 1):
            kind, readings = "gaps", _gaps(row, tokens, rels)
    best: dict[tuple[tuple[float, ...], tuple[bool, ...]], Reading] = {}
    for reading in sorted(readings, key=lambda r: r.rank):
        best.setdefault((reading.values, tuple(raw == BLANK for raw in reading.raws)), reading)
    return RowFit(row, kind, tuple(t.text.strip() for t in tokens), _bounded(table, row, list(best.values())))


def _keeps(bound: Relation, row: TemplateRow, reading: Reading) -> bool:
    """Whether a reading keeps target ≥ Σplus − Σminus (a blank cell takes no part)."""
    cells = dict(zip(row.cols, zip(reading.values, reading.raws, strict=True), strict=True))
    if any(cells[k][1] in (BLANK, "") for k in bound.keys):
        return True
    value = lambda k: cells[k][0]  # noqa: E731
    return value(bound.target) >= sum(map(value, bound.plus)) - sum(map(value, bound.minus)) - 1e-9


def _bounded(table: TableTemplate, row: TemplateRow, readings: list[Reading]) -> list[Reading]:
    """Of several readings of a row, those that keep the table's bounds (现行有效 ≥ 制发 − 废止), when any does.

    A bound is no sum the report prints, only what a count can be; it chooses between cuts of run-together digits
    (7030 is 7|0|30: 70 issued, 3 repealed and none in force cannot be) and never rejects the only reading.
    """
    bounds = [b for b in table.bounds if b.axis == "row" and all(k in row.cols for k in b.keys)]
    if len(readings) < 2 or not bounds:
        return readings
    kept = [r for r in readings if all(_keeps(b, row, r) for b in bounds)]
    if not kept or len(kept) == len(readings):
        return readings
    gone = len(readings) - len(kept)
    why = "; ".join(b.explain for b in bounds)
    note = f"{gone} other reading{'s' * (gone > 1)} of the row break {why}"
    if len(kept) == 1:  # decided here: reported on the row, not in the table's list of plain cuts
        return [replace(kept[0], note=f"{kept[0].note or 'read as printed'}; {note}", split=False)]
    return kept
