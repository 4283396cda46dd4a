"""Text against tables: the counts a report's prose states (收到申请 N 件, 行政复议 N 起 …) checked against its cells.

    >>> from core.types import Cell
    >>> text = "2023年共收到政府信息公开申请0件。"
    >>> [(f.kind, f.row, f.expected, f.printed, text[f.start:f.end]) for f in text_table_findings(text, [Cell("申请", "一", "总计", 3)])]
    [('text-table', '一', 3.0, 0.0, '收到政府信息公开申请0件')]

Only statements about a quantity the tables hold are read (主动公开 item counts such as 「主动公开政府信息1234条」 are
not a cell of the templates and are left alone); a statement whose cells were not printed is not checked (a missing
cell is not a zero). A received count that equals the new applications plus those carried over from last year
(「共收到75件」 beside 74 new + 1 carried over) is a reading of the same table, not a mistake: it is kept as a
note (severity "note"), listed by `govqa check --notes`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from govqa.core.numbers import cn_number
from govqa.core.types import Cell, CellRef, Finding
from govqa.index.numbers import format_number

_NUM = r"(?<![\d第.])(?P<num>\d+|[零〇一二两三四五六七八九十]{1,3})(?![\d.%％余])"
_UNIT = r"\s*(?:件|条|项|个|份|宗|起|次)(?!工作日|小时|日|天|月|年)"  # 5个工作日 is a time limit
_GAP = r"[^\d，,。；;：:（）()、中]{0,10}?"  # words between the subject and its number: not across a clause, not 其中
_CLAUSE = re.compile(r"[^，,。；;：:（）()！？!?]+")  # a line break does not end a clause: PDF text breaks mid-sentence
_SENTENCE = re.compile(r"[^。！？!?]+")

# (metric, pattern); the first pattern of a clause that matches speaks for it
_APPLICATION = r"申请(?!人)"  # 申请人 is the applicant, not the application
_CARRIED = r"(?:上年结转|结转上年度?|上年度?结转)"
_STATEMENTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("carried", re.compile(rf"{_CARRIED}[^，。；\d]{{0,12}}?{_APPLICATION}{_GAP}{_NUM}{_UNIT}")),
    ("carried", re.compile(rf"{_CARRIED}的?\s*{_NUM}{_UNIT}[^，。；\d]{{0,16}}?{_APPLICATION}")),
    ("received", re.compile(rf"(?:收到|新收|接到|受理|接收)[^，。；\d数]{{0,32}}?{_APPLICATION}{_GAP}{_NUM}{_UNIT}")),
    ("received", re.compile(rf"(?:收到|接到|受理){_NUM}(?:件|份|个|项)[^，。；\d]{{0,16}}?{_APPLICATION}")),
    ("handled", re.compile(rf"(?:办理|办结|处理)[^，。；\d数]{{0,12}}?{_APPLICATION}{_GAP}{_NUM}{_UNIT}")),
)
_APPEALS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("reconsideration", re.compile(rf"行政复议(?:案件|申请)?[^\d，。；、]{{0,4}}?{_NUM}\s*(?:起|件|宗|次|个)")),
    ("litigation", re.compile(rf"(?:行政)?诉讼(?:案件)?[^\d，。；、]{{0,4}}?{_NUM}\s*(?:起|件|宗|次|个)")),
)
_NONE_RECEIVED = re.compile(r"(?:未|没有|无)(?:收到|接到|受理)[^，。；]{0,20}?申请")
_NEGATION = re.compile(r"(?:未|没有|无)")
_RECONSIDERATION = re.compile(r"行政复议")
_LITIGATION = re.compile(r"诉讼")

# what each metric is in the tables: the cells that add up to it
TOTAL = "总计"
_CELLS: Mapping[str, tuple[tuple[str, str, str], ...]] = {
    "received": (("申请", "一", TOTAL),),
    "carried": (("申请", "二", TOTAL),),
    "handled": (("申请", "三.七", TOTAL),),
    "reconsideration": (("复议诉讼", "数量", "复议.总计"),),
    "litigation": (("复议诉讼", "数量", "直诉.总计"), ("复议诉讼", "数量", "复议后诉.总计")),
}
WORDS = {"received": "收到申请", "carried": "上年结转申请", "handled": "办理申请", "reconsideration": "行政复议",
         "litigation": "行政诉讼"}


@dataclass(frozen=True)
class Statement:
    """A count the prose states: which metric, the number, and where it stands in the report text."""

    metric: str  # received | carried | handled | reconsideration | litigation
    value: float
    start: int
    end: int


def statements(text: str) -> Iterator[Statement]:
    """Every count about applications, 行政复议 or 行政诉讼 the text states, clause by clause, in text order.

    A count of 行政复议/行政诉讼 is read only in a sentence about disclosure (it names 公开): an agency's reconsideration
    cases at large are not the table's.
    """
    for sentence in _SENTENCE.finditer(text):
        about_disclosure = "公开" in sentence.group()
        for clause in _CLAUSE.finditer(sentence.group()):
            body, base = clause.group(), sentence.start() + clause.start()
            yield from _counts(body, base, appeals=about_disclosure)
            yield from _nones(body, base)


def _counts(body: str, base: int, *, appeals: bool) -> Iterator[Statement]:
    for metric, pattern in _STATEMENTS:
        m = pattern.search(body)
        if m and (value := cn_number(m.group("num"))) is not None:
            yield Statement(metric, float(value), base + m.start(), base + m.end())
            break
    for metric, pattern in _APPEALS if appeals else ():
        for m in pattern.finditer(body):
            if (value := cn_number(m.group("num"))) is not None:
                yield Statement(metric, float(value), base + m.start(), base + m.end())


def _nones(body: str, base: int) -> Iterator[Statement]:
    """Statements of none: 「未收到…申请」, 「无…行政复议、行政诉讼」."""
    appeal = _RECONSIDERATION.search(body) or _LITIGATION.search(body)
    if appeal is None:
        if m := _NONE_RECEIVED.search(body):
            yield Statement("received", 0.0, base + m.start(), base + m.end())
        return
    neg = _NEGATION.search(body)
    if neg is None or neg.start() > appeal.start() or any(p.search(body) for _, p in _APPEALS):
        return
    for metric, pattern in (("reconsideration", _RECONSIDERATION), ("litigation", _LITIGATION)):
        if m := pattern.search(body):
            yield Statement(metric, 0.0, base + neg.start(), base + m.end())


def _value(values: Mapping[tuple[str, str, str], float], metric: str) -> tuple[float, tuple[CellRef, ...]] | None:
    """The table's figure for a metric and the cells it adds up, or None when any of them was not printed."""
    keys = _CELLS[metric]
    if not all(k in values for k in keys):
        return None
    return sum(values[k] for k in keys), tuple(CellRef(t, r, c, values[(t, r, c)]) for t, r, c in keys)


def check_statement(stmt: Statement, values: Mapping[tuple[str, str, str], float]) -> Finding | None:
    """The finding a statement gives against the cells (None when it agrees or its cells were not printed)."""
    found = _value(values, stmt.metric)
    if found is None:
        return None
    table_value, refs = found
    table, row, col = _CELLS[stmt.metric][0]
    said = format_number(stmt.value)
    if abs(table_value - stmt.value) < 1e-6:
        return None
    carried = _value(values, "carried") if stmt.metric == "received" else None
    if carried is not None and carried[0] > 0 and abs(table_value + carried[0] - stmt.value) < 1e-6:
        message = (f"正文{WORDS['received']} {said} 件 = 表中本年新收 {format_number(table_value)} + 上年结转 "
                   f"{format_number(carried[0])}（正文把上年结转计入收到的申请）")
        return Finding("text-table", table, row, col, message, table_value, stmt.value, severity="note",
                       start=stmt.start, end=stmt.end, cells=refs + carried[1])
    where = "+".join(f"{r.row} {r.col}" for r in refs)
    message = f"正文{WORDS[stmt.metric]} {said}，表中 {table} {where} 为 {format_number(table_value)}"
    return Finding("text-table", table, row, col, message, table_value, stmt.value, start=stmt.start, end=stmt.end,
                   cells=refs)


def text_table_findings(text: str, cells: Sequence[Cell]) -> tuple[Finding, ...]:
    """One Finding(kind="text-table") per statement of the prose that disagrees with the report's own cells.

    `expected` is the table's figure, `printed` the number the text states, start/end the statement's offsets in
    text, cells the cells it was compared with.
    """
    values = {(c.table, c.row, c.col): c.value for c in reversed(cells)}  # the first cell of a key wins
    out = (check_statement(stmt, values) for stmt in statements(text))
    return tuple(f for f in out if f is not None)


# ---- statements of one cell of table 二 (主动公开), for choosing among the readings of a row printed run together ----

# how a report's prose names a column of table 二: 制定规范性文件5件, 现行有效的规范性文件16件, 作出行政处罚决定784起
COLUMN_WORDS: Mapping[str, tuple[str, ...]] = {
    "本年新制作数量": ("制定", "制发", "新制作", "印发", "出台"),
    "本年制发件数": ("制定", "制发", "新制作", "印发", "出台"),
    "本年新公开数量": ("新公开",),
    "本年废止件数": ("废止",),
    "现行有效件数": ("现行有效",),
    "处理决定数量": ("决定",),
    "本年处理决定数量": ("决定",),
}
_STATED = re.compile(rf"{_NUM}{_UNIT}")
_STATED_AFTER = re.compile(rf"{_NUM}{_UNIT}(?:予以|已经|已|被|均已|均)?(?P<word>废止|现行有效)")


@dataclass(frozen=True)
class CellStatement:
    """A number the prose states for one cell of a row: the column, the value, its offsets in the text."""

    col: str
    value: float
    start: int
    end: int


def _last_word(body: str, words: Sequence[str], end: int) -> tuple[int, str] | None:
    """The last of the words that starts before end in body, as (start, word)."""
    found = [(body.rfind(w, 0, end), w) for w in words]
    found = [(i, w) for i, w in found if i >= 0]
    return max(found, key=lambda x: (x[0], len(x[1]))) if found else None


def cell_statements(text: str, row_words: Sequence[str], cols: Sequence[str],
                    other_rows: Sequence[str] = ()) -> Iterator[CellStatement]:
    """The counts the text states for cells of one row: a clause naming the row and a column, then N件/个/起….

    The row must be the last row named before the number (「规章2件、规范性文件5件」 gives 规范性文件 5 only).
    """
    for sentence in _SENTENCE.finditer(text):
        for clause in _CLAUSE.finditer(sentence.group()):
            body, base = clause.group(), sentence.start() + clause.start()
            for m in _STATED.finditer(body):
                row = _last_word(body, row_words, m.start())
                if row is None:
                    continue
                other = _last_word(body, other_rows, m.start())
                if other is not None and other[0] > row[0] and other[1] not in row[1]:
                    continue
                value = cn_number(m.group("num"))
                for col in cols:
                    said = _last_word(body, COLUMN_WORDS.get(col, ()), m.start())
                    if said is not None and value is not None:
                        yield CellStatement(col, float(value), base + min(row[0], said[0]), base + m.end())
        yield from _said_after(sentence.group(), sentence.start(), row_words, cols, other_rows)


def _said_after(body: str, base: int, row_words: Sequence[str], cols: Sequence[str],
                other_rows: Sequence[str]) -> Iterator[CellStatement]:
    """「…规范性文件进行清理，其中…1件予以废止」: the column word right after the number, the row named earlier in
    the same sentence (a clause apart) and no other row named after it."""
    for m in _STATED_AFTER.finditer(body):
        col = next((c for c in cols if m.group("word") in COLUMN_WORDS.get(c, ())), None)
        row = _last_word(body, row_words, m.start())
        value = cn_number(m.group("num"))
        if col is None or row is None or value is None:
            continue
        other = _last_word(body, other_rows, m.start())
        if other is not None and other[0] > row[0] and other[1] not in row[1]:
            continue
        yield CellStatement(col, float(value), base + m.start(), base + m.end())
