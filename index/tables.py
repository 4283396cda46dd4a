"""The standard-table parser: the three statistical tables of a report's text as canonical cells.

    >>> result = parse_tables(text)            # text as a loader returns it
    >>> result.template, len(result.cells)     # e.g. ("2019", 198)

One text parser serves every format (tables from HTML/DOCX/PDF arrive as tab-separated lines). For each table
and each template version the text between the table's anchors is cut into groups (label text followed by a
run of numbers); the groups are aligned with the template's rows in template order (label similarity plus the
count of values), the version and region that fit best are kept, and each matched row's numbers are fitted to
its columns (index/table_fit.py). The parser reads what is printed and never fixes a printed number.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from govqa.core.types import TABLES, Cell, Finding, TableResult
from govqa.index.numbers import BLANK, MONEY_UNITS, NIL_MARKS, Token, clean_chars, format_number, lex
from govqa.index.table_fit import RowFit, fit_row
from govqa.index.table_resolve import resolve
from govqa.index.templates import TableTemplate, TemplateRow, load_templates

log = logging.getLogger(__name__)

MIN_SIMILARITY = 0.6  # a printed label this close to a template label (or its tail) names that row
UNLABELLED_SIMILARITY = 0.6  # rows the template prints without a label (复议诉讼 数量) match on their values alone
HEADER_WORD_BONUS = 0.3
MIN_PREFIX = 8  # a printed label this long may be the first line of a wrapped template label
PREFIX_WEIGHT = 0.9
MAX_REGIONS = 12
REORDERED_SIMILARITY = 0.85  # a row printed out of template order is taken only when its label names it this clearly
_MARKER = re.compile(r"(?<!第)(?:\(\s*(?:[一二三四五六七八九十]+|\d{1,2})\s*\)|[一二三四五六七八九十]+、|\d[.、])")
_NOT_WORD = re.compile(r"[\W_\d]+")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Group:
    """A label (all text since the previous numbers) and the run of numbers printed after it."""

    label: str
    numbers: tuple[Token, ...]


@dataclass(frozen=True)
class Match:
    """The best alignment of one table version over one region of the text."""

    score: float
    pairs: tuple[tuple[TemplateRow, Group], ...]
    region: tuple[int, int] = (0, 0)  # the (start, end) of the text the groups were cut from


@lru_cache(maxsize=256)
def _anchor_pattern(anchor: str) -> re.Pattern[str]:
    return re.compile(r"\s*".join(re.escape(ch) for ch in anchor))


def regions(text: str, table: TableTemplate) -> list[tuple[int, int]]:
    """Candidate (start, end) spans of the table: from each anchor to the next end anchor."""
    starts = sorted({m.start() for a in table.anchors for m in _anchor_pattern(a).finditer(text)}) or [0]
    ends = sorted({m.start() for a in table.end_anchors for m in _anchor_pattern(a).finditer(text)})
    spans = []
    for start in starts[:MAX_REGIONS]:
        end = next((e for e in ends if e > start), len(text))
        spans.append((start, end))
    return spans


def groups(tokens: list[Token]) -> list[Group]:
    """Cut a token stream into (label, numbers) groups: numbers end a group, text starts the next."""
    out: list[Group] = []
    label: list[str] = []
    numbers: list[Token] = []
    for token in tokens:
        if token.kind == "num":
            numbers.append(token)
            continue
        if numbers:
            out.append(Group(" ".join(label), tuple(numbers)))
            label, numbers = [], []
        label.append(token.text)
    if numbers:
        out.append(Group(" ".join(label), tuple(numbers)))
    return out


@lru_cache(maxsize=65536)
def _core(label: str) -> str:
    """The printed label without what precedes its own enumerator (（三）, 2., 四、) and without punctuation."""
    cut = None
    for m in _MARKER.finditer(label):
        if _NOT_WORD.sub("", label[m.end():]):
            cut = m.end()
    return _NOT_WORD.sub("", label[cut:] if cut is not None else label)[-48:]


@lru_cache(maxsize=65536)
def similarity(core: str, variant: str) -> float:
    """How well a printed label core names a template label: whole-string ratio or ratio of its tail."""
    v = _NOT_WORD.sub("", variant)
    if not core or not v:
        return 0.0
    best = SequenceMatcher(None, core, v, autojunk=False).ratio()
    for size in range(max(1, len(v) - 2), len(v) + 3):
        if size < len(core):
            best = max(best, SequenceMatcher(None, core[-size:], v, autojunk=False).ratio())
    if MIN_PREFIX <= len(core) < len(v):  # a long label wrapped around its numbers: its first line names the row
        best = max(best, PREFIX_WEIGHT * SequenceMatcher(None, core, v[:len(core)], autojunk=False).ratio())
    return best


def _fit_bonus(group: Group, width: int) -> float | None:
    m = len(group.numbers)
    if m == width:
        return 0.5
    if m < width and sum(max(1, len(t.digits)) for t in group.numbers) >= width and any(len(t.digits) > 1 for t in group.numbers):
        return 0.35
    near = {1: 0.25, 2: 0.15, 3: 0.05}.get(abs(m - width))
    # A table that prints only its non-empty cells: a row of two or more values may still be the row (0 bonus).
    values = sum(max(1, len(t.digits)) for t in group.numbers)
    return near if near is not None or not (m < width and values >= 2) else 0.0


@lru_cache(maxsize=65536)
def _label_similarity(core: str, labels: tuple[str, ...]) -> float:
    """The best similarity of a printed label core to any of a row's labels."""
    return max(similarity(core, v) for v in labels)


def _scored(core: str, bonus: float | None, labels: tuple[str, ...]) -> float | None:
    if bonus is None:
        return None
    if not labels:  # matched on its values alone: a row that lost most of its cells is not recognisable
        return UNLABELLED_SIMILARITY + bonus if bonus > 0 else None
    sim = _label_similarity(core, labels)
    return sim + bonus if sim >= MIN_SIMILARITY else None


def pair_score(group: Group, row: TemplateRow) -> float | None:
    """Score of reading a group as a row, None when it cannot be that row."""
    return _scored(_core(group.label), _fit_bonus(group, len(row.cols)), row.labels)


def score_matrix(found: list[Group], rows: tuple[TemplateRow, ...]) -> list[list[float | None]]:
    """pair_score of every (group, row), computing each group's label core and fit bonus once."""
    widths = [len(row.cols) for row in rows]
    labels = [row.labels for row in rows]
    matrix = []
    for group in found:
        core = _core(group.label)
        bonuses = {w: _fit_bonus(group, w) for w in set(widths)}
        matrix.append([_scored(core, bonuses[w], lab) for w, lab in zip(widths, labels, strict=True)])
    return matrix


def align(found: list[Group], table: TableTemplate) -> Match:
    """The order-preserving assignment of groups to template rows with the highest total score."""
    rows = table.rows
    g, r = len(found), len(rows)
    scores = score_matrix(found, rows)
    minus_inf = float("-inf")
    best = [[0.0] * (r + 1) for _ in range(g + 1)]
    for i in range(1, g + 1):
        prev, cur, row_scores = best[i - 1], best[i], scores[i - 1]
        for j in range(1, r + 1):
            score = row_scores[j - 1]
            take = prev[j - 1] + score if score is not None else minus_inf
            cur[j] = max(prev[j], cur[j - 1], take)
    pairs = []
    i, j = g, r
    while i > 0 and j > 0:
        score = scores[i - 1][j - 1]
        if score is not None and abs(best[i][j] - (best[i - 1][j - 1] + score)) < 1e-9:
            pairs.append((rows[j - 1], found[i - 1]))
            i, j = i - 1, j - 1
        elif best[i][j] == best[i - 1][j]:
            i -= 1
        else:
            j -= 1
    return Match(best[g][r], tuple(reversed(pairs)))


def _joined(found: list[Group], table: TableTemplate) -> list[Group]:
    """A one-row table without a row label (复议诉讼) printed as lines of numbers between header lines, as one group.

    Empty when the table is not such a table or the region's groups do not hold exactly one value per column.
    """
    if len(table.rows) != 1 or table.rows[0].labels or len(found) < 2:
        return []
    if sum(len(group.numbers) for group in found) != len(table.rows[0].cols):
        return []
    return [Group(" ".join(group.label for group in found), tuple(t for group in found for t in group.numbers))]


def best_match(text: str, table: TableTemplate, *, lexed: dict[tuple[int, int], list[Group]] | None = None) -> Match:
    """The best alignment of a table version over its candidate regions of the cleaned text.

    lexed, when given, keeps each region's groups for the next table version over the same text.
    """
    best = Match(0.0, ())
    cache = lexed if lexed is not None else {}
    for start, end in regions(text, table):
        found = cache.get((start, end))
        if found is None:
            found = cache[(start, end)] = groups(lex(text, start, end))
        match = align(found, table)
        joined = _joined(found, table)
        if joined:
            match = max(match, align(joined, table), key=lambda m: m.score)
        flat = _SPACE.sub("", text[start:end])
        bonus = HEADER_WORD_BONUS * sum(word in flat for word in table.header_words)
        if match.pairs and match.score + bonus > best.score:
            best = Match(match.score + bonus, match.pairs, (start, end))
    return best


def reordered(found: list[Group], table: TableTemplate, match: Match, text: str) -> Match:
    """Add rows printed out of template order (行政处罚 before 行政许可): the alignment keeps template order only.

    A row the alignment left unmatched takes an unmatched group printed after the table's first matched group
    when that group's label names the row clearly and names no other row as well. Past the last matched group
    only a run of such rows is taken, each a tab-separated table line (its first value after a tab): the first
    group that is not one ends the table, so a sentence after it (全年办理行政许可 900 件) is never read as a row.
    """
    index = {id(group): i for i, group in enumerate(found)}
    spots = [index[id(group)] for _, group in match.pairs if id(group) in index]
    if len(spots) < 2:
        return match
    taken, paired = set(spots), {row.key for row, _ in match.pairs}
    extra = []
    for i in range(min(spots) + 1, len(found)):
        if i in taken:
            continue
        group, core = found[i], _core(found[i].label)
        named = [row for row in table.rows if row.labels and _label_similarity(core, row.labels) >= REORDERED_SIMILARITY]
        in_row = i < max(spots) or text[group.numbers[0].start - 1: group.numbers[0].start] == "\t"
        if in_row and len(named) == 1 and named[0].key not in paired and pair_score(group, named[0]) is not None:
            extra.append((named[0], group))
            paired.add(named[0].key)
        elif i > max(spots):
            break
    if not extra:
        return match
    log.info("%s: %d rows printed out of template order: %s", table.name, len(extra), ", ".join(r.key for r, _ in extra))
    return Match(match.score, match.pairs + tuple(extra), match.region)


def declared_units(text: str, table: TableTemplate) -> dict[str, str]:
    """Amount columns whose header or row label declares a unit, e.g. 采购总金额（元） or 政府集中采购（元）: col -> unit."""
    out: dict[str, str] = {}
    for col in table.columns:
        if col.unit != "万元":
            continue
        words = [*col.words, *(label for row in table.rows if col.key in row.cols for label in row.labels)]
        for word in words:
            m = re.search(_anchor_pattern(word).pattern + _DECLARED_UNIT, text)
            if m:
                out[col.key] = m.group(1)
                break
    return out


_DECLARED_UNIT = r"\s*\(\s*(?:单位\s*:\s*)?(元|万元|亿元)\s*\)"


def _cell(table: TableTemplate, row: str, col: str, value: float, raw: str,
          declared: dict[str, str] | None = None) -> tuple[Cell | None, Finding | None]:
    """One printed cell as a Cell (None when printed blank), with the finding it calls for, if any.

    An amount printed without a unit under a header that declares one (采购总金额（元）) is in that unit.
    """
    if raw == BLANK:  # a blank cell is not a zero: no cell, and say so
        message = f"{table.name} {row} {col}: the cell is printed blank; no value taken (a blank is not 0)"
        return None, Finding("missing", table.name, row, col, message)
    finding = None
    unit = next((u for u in sorted(MONEY_UNITS, key=len, reverse=True) if raw.endswith(u)), "")
    header = (declared or {}).get(col, "")
    if not unit and header and header != "万元" and raw not in NIL_MARKS:
        value = round(value * MONEY_UNITS[header], 6)
        message = (f"{table.name} {row} {col}: printed '{raw}' under a header in {header}, "
                   f"converted to {format_number(value)} 万元")
        return Cell(table.name, row, col, value, raw), Finding("unit", table.name, row, col, message, printed=value)
    if unit and unit not in ("万元", "万") and table.column(col).unit == "万元":
        message = f"{table.name} {row} {col}: printed '{raw}' in {unit}, converted to {format_number(value)} 万元"
        finding = Finding("unit", table.name, row, col, message, printed=value)
    return Cell(table.name, row, col, value, raw), finding


def _cells(table: TableTemplate, fits: list[RowFit], declared: dict[str, str],
           prose: str = "") -> tuple[list[Cell], list[Finding]]:
    resolved = resolve(table, fits, prose)
    cells: list[Cell] = []
    findings = list(resolved.findings)
    split: list[str] = []
    for fit in fits:
        reading = resolved.chosen.get(fit.row.key)
        if reading is None:
            printed = [(col, value, raw) for col, (value, raw) in resolved.agreed.get(fit.row.key, {}).items()]
        else:
            printed = list(zip(fit.row.cols, reading.values, reading.raws, strict=True))
            if fit.row.key in resolved.decided_by_table:
                others = len(fit.readings) - 1
                message = (f"{table.name} {fit.row.key}: {reading.note or 'read as printed'}; the only reading that keeps "
                           f"the relations of the whole table ({others} other reading{'s' * (others > 1)} of this row alone)")
                findings.append(Finding("parse", table.name, fit.row.key, reading.col, message))
            elif reading.split:
                split.append(fit.row.key + (" (the only cut; it breaks the row's relation as printed)" * reading.forced))
            elif reading.note:
                findings.append(Finding("parse", table.name, fit.row.key, reading.col, f"{table.name} {fit.row.key}: {reading.note}"))
        for col, value, raw in printed:
            cell, finding = _cell(table, fit.row.key, col, value, raw, declared)
            if cell is not None:
                cells.append(cell)
            if finding is not None:
                findings.append(finding)
    if split:
        rows = f"{len(split)} row{'s' * (len(split) > 1)}"
        message = (f"{table.name}: {rows} printed with run-together digits split into their only reading (the only cut, "
                   f"or the only one the relations allow): {', '.join(split)}")
        findings.append(Finding("note", table.name, "", "", message, severity="note"))
    return cells, findings


def _parse_table(cleaned: str, name: str, lexed: dict[tuple[int, int], list[Group]]) -> tuple[str | None, bool, list[Cell], list[Finding]]:
    """One standard table: (version read, whether that version alone fitted best, cells, findings)."""
    templates = load_templates()
    scored = [(best_match(cleaned, t.tables[name], lexed=lexed), version, t.tables[name])
              for version, t in templates.items()]
    top = max(m.score for m, _, _ in scored)
    winners = [(m, v, t) for m, v, t in scored if m.score == top]
    match, version, table = winners[0]
    if not match.pairs:
        return None, False, [], [Finding("missing", name, "", "", f"{name}: table not found in the text")]
    match = reordered(lexed[match.region], table, match, cleaned)
    fits = [fit_row(table, row, list(group.numbers)) for row, group in match.pairs]
    found = {row.key for row, _ in match.pairs}
    start, end = match.region
    prose = cleaned[:start] + " " * (end - start) + cleaned[end:]  # the text around the table, offsets kept
    cells, findings = _cells(table, fits, declared_units(cleaned[start:end], table), prose)
    flat = _NOT_WORD.sub("", cleaned[slice(*match.region)])
    for row in table.rows:
        if row.key in found or row.optional:
            continue
        words = [w for w in (_NOT_WORD.sub("", label) for label in row.labels) if len(w) >= 2]
        what = ("label printed with no values (blank cells, not 0)" if any(w in flat for w in words)
                else "row not found in the printed table")
        findings.append(Finding("missing", name, row.key, "", f"{name} {row.key}: {what}"))
    return version, len(winners) == 1, cells, findings


def parse_tables(text: str) -> TableResult:
    """The cells of the three standard tables printed in a report's text, with the parser's own findings.

    A table the parser fails on becomes a `parse` finding with the error; the other tables are still read.
    """
    cleaned = clean_chars(text)
    cells: list[Cell] = []
    findings: list[Finding] = []
    decided: set[str] = set()
    lexed: dict[tuple[int, int], list[Group]] = {}  # a region's groups, shared by every table and version
    for name in TABLES:
        try:
            version, alone, table_cells, table_findings = _parse_table(cleaned, name, lexed)
        except Exception as exc:  # noqa: BLE001 — one unreadable table must not lose the rest of the report
            log.exception("%s: the table parser failed", name)
            message = f"{name}: the table could not be read ({type(exc).__name__}: {exc}); no cells taken"
            findings.append(Finding("parse", name, "", "", message))
            continue
        if alone and version is not None:
            decided.add(version)
        cells.extend(table_cells)
        findings.extend(table_findings)
    template = "mixed" if len(decided) > 1 else (decided.pop() if decided else "2019")
    log.debug("parsed %d cells, %d findings, template %s", len(cells), len(findings), template)
    return TableResult(tuple(cells), tuple(findings), template)
