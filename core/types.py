"""Typed values passed between the pipeline stages (ingest → parse → store → route → answer → present).

Every stage takes and returns these frozen dataclasses; no stage passes raw dicts to another.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

TableName = Literal["主动公开", "申请", "复议诉讼"]
TABLES: tuple[str, ...] = ("主动公开", "申请", "复议诉讼")


@dataclass(frozen=True)
class TableBlock:
    """A table found by a loader in markup (HTML/DOCX/PDF): rows of cell texts, merged cells expanded."""

    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class LoadedDocument:
    """What a loader returns: the report's plain text (tables rendered as tab-separated lines)."""

    source: str  # the file name as given by the user (no directories)
    text: str
    content_hash: str  # sha256 hex of the raw file bytes
    encoding: str | None = None  # detected text encoding, None for binary formats
    fmt: str = "txt"  # txt | md | html | pdf | docx
    tables: tuple[TableBlock, ...] = ()


@dataclass(frozen=True)
class Identity:
    """Who published a report and for which year, as the user gives them (`govqa ingest --agency --year`, the
    upload fields); None: read it from the report."""

    agency: str | None = None
    year: int | None = None


@dataclass(frozen=True)
class ReportMeta:
    """Who published the report, for which year, on which template."""

    agency: str  # full name of the 发布机关, e.g. 银川市西夏区镇北堡镇人民政府
    short_name: str  # e.g. 镇北堡镇
    aliases: tuple[str, ...]  # other names a user may type: 镇北堡, 西夏区镇北堡镇 ...
    year: int | None  # the year the report covers (not the publication year); None only with a warning
    title: str
    template: str = "2019"  # "2019" | "2021" (decided from the tables as printed)
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Subsection:
    """A sub-heading inside a section: （一）…, 1. …, 一是…."""

    title: str
    start: int  # offsets into Report.text
    end: int


@dataclass(frozen=True)
class Section:
    """One of the six standard sections (number 1-6), or number 0 for the preamble before 一、总体情况."""

    number: int
    title: str  # the standard title, e.g. 总体情况
    start: int  # character offsets into Report.text
    end: int
    text: str
    subsections: tuple[Subsection, ...] = ()


@dataclass(frozen=True)
class Cell:
    """One value of a standard table, keyed by the template's own labels (see shared spec)."""

    table: str  # 主动公开 | 申请 | 复议诉讼
    row: str  # e.g. 规章, 三.三.2, 数量
    col: str  # e.g. 本年新制作数量, 总计, 复议.维持
    value: float  # amounts in 万元; counts are whole numbers
    raw: str = ""  # the text as printed, e.g. "40.94 万元", "+1196"


@dataclass(frozen=True)
class CellRef:
    """A table cell a finding rests on, with its value; report/year set when it is another report's cell."""

    table: str
    row: str
    col: str
    value: float | None = None
    report: str | None = None  # report id, None: the finding's own report
    year: int | None = None


SEVERITIES = ("error", "check", "note")  # a problem | worth a look (e.g. a jump between years) | information
FINDING_KINDS = ("relation", "text-table", "yoy", "parse", "ambiguous", "unit", "missing", "note")


@dataclass(frozen=True)
class Finding:
    """A problem found while parsing or auditing: a broken 勾稽 relation, an ambiguous split, an odd unit, a text
    that disagrees with its table (text-table), a year that disagrees with the previous one (yoy)."""

    kind: str  # relation | parse | ambiguous | unit | missing | text-table | yoy | note (a split the relations confirm)
    table: str
    row: str
    col: str
    message: str
    expected: float | None = None
    printed: float | None = None
    severity: str = "error"  # one of SEVERITIES
    start: int | None = None  # the passage of Report.text the finding rests on (text-table)
    end: int | None = None
    cells: tuple[CellRef, ...] = ()  # the cells it rests on
    # an ambiguous row: every reading the relations leave, in the row's column order (None: a cell left blank);
    # kept with the parsed report for ingest (index/chain.py), not stored
    readings: tuple[tuple[float | None, ...], ...] = ()


@dataclass(frozen=True)
class TableResult:
    """What the table parser returns for one report."""

    cells: tuple[Cell, ...]
    findings: tuple[Finding, ...]
    template: str  # "2019" | "2021" | "mixed"


@dataclass(frozen=True)
class Report:
    """An ingested report as the store holds it."""

    id: str  # stable id: first 12 hex digits of the content hash
    source: str  # ingested file name
    agency: str
    short_name: str
    aliases: tuple[str, ...]
    year: int | None
    template: str
    title: str
    content_hash: str
    text: str = ""


@dataclass(frozen=True)
class ParsedReport:
    """Everything ingest produces for one file, saved to the store in one transaction."""

    report: Report
    sections: tuple[Section, ...]
    tables: TableResult
    findings: tuple[Finding, ...]  # tables.findings plus the audit's


@dataclass(frozen=True)
class Chunk:
    """A piece of one section's prose, embedded into the vector store."""

    id: str  # stable: report id + section + offset, so re-ingest replaces, never duplicates
    report_id: str
    agency: str
    short_name: str
    year: int | None
    section: str  # standard section title, e.g. 主动公开政府信息情况
    subheading: str
    start: int  # offsets into Report.text
    end: int
    text: str


@dataclass(frozen=True)
class ScoredChunk:
    """A retrieved chunk with its fused score and the per-retriever ranks that produced it."""

    chunk: Chunk
    score: float
    vector_rank: int | None = None
    bm25_rank: int | None = None


Intent = Literal["value", "breakdown", "ranking", "sum", "average", "compare", "any", "outcome", "narrative"]  # outcome: how 复议/诉讼 cases ended


@dataclass(frozen=True)
class Metric:
    """A table cell address, possibly partial (col None = every column of the row)."""

    table: str
    row: str
    col: str | None = None


@dataclass(frozen=True)
class Question:
    """A question after understanding: who, when, what, and what kind of answer."""

    text: str
    agencies: tuple[str, ...] = ()  # full agency names as stored
    years: tuple[int, ...] = ()
    metric: Metric | None = None
    intent: str = "narrative"
    top_n: int | None = None  # for rankings: 前三 → 3
    order: str = "desc"  # ranking direction: desc (最多) | asc (最少)
    unknown_agencies: tuple[str, ...] = ()  # agency-like names in the text that the store does not hold
    ambiguous_agencies: tuple[tuple[str, tuple[str, ...]], ...] = ()  # short forms several stored agencies fit
    followup: bool = False  # True when parts were carried over from the previous question of the chat
    scope: tuple[str, ...] = ()  # agencies a place word covers when none is named (平潭各部门), kept for follow-ups
    query: str = ""  # what to search the prose for when it is more than text: "2019年呢？" + the earlier question


@dataclass(frozen=True)
class Source:
    """Where a number or sentence in an answer came from."""

    report: str  # report id
    agency: str
    year: int | None
    text: str  # quoted passage, or "表三 行 列 = 值" for a cell
    section: str | None = None
    table: str | None = None
    row: str | None = None
    col: str | None = None
    start: int | None = None
    end: int | None = None
    implied: bool = False  # a blank cell the table's relations prove 0 (qa/implied_zeros.py), not a printed one


@dataclass(frozen=True)
class SeriesPoint:
    """One year of a trend: its value, or None with why it has none (a gap is never a zero)."""

    year: int
    value: float | None
    gap: str = ""  # why there is no value, e.g. 的报告不在知识库中


@dataclass(frozen=True)
class Series:
    """A trend answer's series (qa/trend.py): one agency's metric over every year of the span, gaps kept."""

    agency: str
    label: str  # the metric in words, e.g. 新收政府信息公开申请
    unit: str
    points: tuple[SeriesPoint, ...]


RefusalReason = Literal["no-agency", "ambiguous", "no-year", "no-data", "invalid"]
REFUSAL_REASONS: tuple[str, ...] = ("no-agency", "ambiguous", "no-year", "no-data", "invalid")


@dataclass(frozen=True)
class Answer:
    """The answer to one question, with its sources; a refusal (found=False) says why in ``reason``."""

    question: str
    text: str
    found: bool
    route: str  # table | retrieval | refuse
    value: float | None = None
    unit: str | None = None
    sources: tuple[Source, ...] = field(default_factory=tuple)
    # refusals only: no-agency (not in the store) | ambiguous (a short form several stored agencies fit) | no-year (agency stored, not that year) |
    # no-data (the reports do not hold it) | invalid (impossible input, e.g. year 99999)
    reason: str | None = None
    formula: str | None = None  # the arithmetic of a computed value: 公开率 = (予以公开 50 + 部分公开 3) / 总计 60 = 88.3%
    series: Series | None = None  # trend answers: the yearly values, for a chart


# ---- the table route's view of stored cells (qa/table_query.py reads them, qa/compose/ writes them out) ----

@dataclass(frozen=True)
class ReportRef:
    """A stored report, as the table route needs it: a projection of Report (id, names, year, template)."""

    id: str
    agency: str
    short_name: str
    year: int | None
    template: str = ""  # "2019" | "2021" | "mixed", as printed


@dataclass(frozen=True)
class CellHit:
    """One stored cell (a Cell) with the report it belongs to; the cell's and the report's fields read
    through (hit.value, hit.row, hit.agency; hit.report is the report id)."""

    ref: ReportRef
    cell: Cell
    # a cell printed blank that the table's relations prove to be 0 (qa/implied_zeros.py): the relation's total
    # and its other parts; empty for a printed cell
    basis: tuple[CellHit, ...] = ()

    @property
    def implied(self) -> bool:
        """Whether the cell was printed blank and is 0 by the table's 勾稽关系, not read from the report."""
        return bool(self.basis)

    @property
    def report(self) -> str:
        """The id of the cell's report."""
        return self.ref.id

    @property
    def agency(self) -> str:
        """The report's agency."""
        return self.ref.agency

    @property
    def short_name(self) -> str:
        """The report's agency, short."""
        return self.ref.short_name

    @property
    def year(self) -> int | None:
        """The report's year."""
        return self.ref.year

    @property
    def table(self) -> str:
        """The cell's table key."""
        return self.cell.table

    @property
    def row(self) -> str:
        """The cell's row key."""
        return self.cell.row

    @property
    def col(self) -> str:
        """The cell's column key."""
        return self.cell.col

    @property
    def value(self) -> float:
        """The cell's value."""
        return self.cell.value

    @property
    def raw(self) -> str:
        """The cell's text as printed."""
        return self.cell.raw
