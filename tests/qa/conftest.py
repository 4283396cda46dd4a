"""A small store whose cells are typed in by hand from the seed reports (tests/fixtures/seeds), for tests of the
question-answering stages that must not wait for the table parser."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path

import pytest

from govqa.core.types import Cell, Chunk, Finding, ParsedReport, Report, ScoredChunk, TableResult

APPLICANTS = ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计")


def _row(table: str, row: str, values: tuple[int, ...]) -> list[Cell]:
    return [Cell(table, row, col, float(v), str(v)) for col, v in zip(APPLICANTS, values, strict=True)]


def _open(row: str, cols: tuple[str, ...], raws: tuple[str, ...], values: tuple[float, ...]) -> list[Cell]:
    return [Cell("主动公开", row, c, v, r) for c, r, v in zip(cols, raws, values, strict=True)]


FIRST = ("本年新制作数量", "本年新公开数量", "对外公开总数量")
FIFTH = ("上一年项目数量", "本年增/减", "处理决定数量")
BUY = ("采购项目数量", "采购总金额")
REVIEW = tuple(f"{g}.{o}" for g in ("复议", "直诉", "复议后诉") for o in ("维持", "纠正", "其他", "未审结", "总计"))


def _review(values: tuple[int, ...]) -> list[Cell]:
    return [Cell("复议诉讼", "数量", c, float(v), str(v)) for c, v in zip(REVIEW, values, strict=True)]


# 002_…: 自治区人民政府办公厅 2020 (values read from the printed tables)
QU_CELLS = (
    _open("规章", FIRST, ("6", "6", "37"), (6, 6, 37)) + _open("规范性文件", FIRST, ("34", "34", "113"), (34, 34, 113))
    + _open("行政许可", FIFTH, ("5", "+1", "50"), (5, 1, 50)) + _open("行政处罚", FIFTH, ("11", "0", "24"), (11, 0, 24))
    + _open("政府集中采购", BUY, ("14", "2154.97万元"), (14, 2154.97))
    + _row("申请", "一", (4441, 6, 0, 0, 0, 0, 4447)) + _row("申请", "二", (0,) * 7)
    + _row("申请", "三.一", (10, 0, 0, 0, 0, 0, 10)) + _row("申请", "三.二", (2, 1, 0, 0, 0, 0, 3))
    + _row("申请", "三.三.1", (0,) * 7) + _row("申请", "三.三.5", (5, 0, 0, 0, 0, 0, 5))
    + _row("申请", "三.四.1", (3177, 5, 0, 0, 0, 0, 3182)) + _row("申请", "三.四.3", (1050, 0, 0, 0, 0, 0, 1050))
    + _row("申请", "三.五.2", (186, 0, 0, 0, 0, 0, 186)) + _row("申请", "三.七", (4441, 6, 0, 0, 0, 0, 4447))
    + _row("申请", "四", (0,) * 7)
    + _review((530, 0, 0, 0, 530, 6, 0, 0, 0, 6, 7, 0, 0, 0, 7))
)
# 003_…: 红寺堡区 2020
HSB_CELLS = (
    _open("规范性文件", FIRST, ("5", "5", "5"), (5, 5, 5)) + _open("行政许可", FIFTH, ("889", "+1196", "6269"), (889, 1196, 6269))
    + _open("行政处罚", FIFTH, ("1474", "+374", "1965"), (1474, 374, 1965))
    + _open("行政强制", FIFTH, ("601", "-14", "0"), (601, -14, 0))
    + _open("政府集中采购", BUY, ("199", "18336.88 万"), (199, 18336.88))
    + _row("申请", "一", (8, 0, 0, 0, 0, 0, 8)) + _row("申请", "二", (3, 0, 0, 0, 0, 0, 3))
    + _row("申请", "三.三.1", (0,) * 7) + _row("申请", "三.七", (11, 0, 0, 0, 0, 0, 11)) + _row("申请", "四", (0,) * 7)
    + _review((0,) * 15)
)
# 000_…: 镇北堡镇 2020 (its 申请 table breaks 一+二 = 三.七+四 in the 其他 column: 0 + 0 ≠ 0 + … 7 in 三.三.2)
ZBB_CELLS = (
    _open("政府集中采购", BUY, ("3", "40.94 万元"), (3, 40.94)) + _open("行政处罚", FIFTH, ("0", "0", "0"), (0, 0, 0))
    + _row("申请", "一", (0,) * 7) + _row("申请", "三.三.2", (0, 0, 0, 0, 0, 7, 7)) + _row("申请", "三.七", (0,) * 7)
    + _review((0,) * 15)
)

REPORTS = (
    ("aaaaaaaaaaa2", "宁夏回族自治区人民政府办公厅", "自治区人民政府办公厅", ("自治区政府办公厅",), QU_CELLS, ()),
    ("aaaaaaaaaaa3", "吴忠市红寺堡区人民政府", "红寺堡区", ("红寺堡",), HSB_CELLS, ()),
    ("aaaaaaaaaaa0", "银川市西夏区镇北堡镇人民政府", "镇北堡镇", ("镇北堡",), ZBB_CELLS,
     (Finding("relation", "申请", "三.七", "其他", "三.七 ≠ sum of 三.* rows", 7.0, 0.0),)),
)


@pytest.fixture
def mini_store(tmp_path: Path):
    """A real SQLite Store holding three seed reports' cells (typed in by hand)."""
    from govqa.index.store import Store

    store = Store(f"sqlite:///{tmp_path / 'mini.db'}")
    for rid, agency, short, aliases, cells, findings in REPORTS:
        report = Report(id=rid, source=f"{rid}.txt", agency=agency, short_name=short, aliases=aliases, year=2020,
                        template="2019", title=f"{short}2020年政府信息公开工作年度报告", content_hash=rid * 5, text="")
        store.save(ParsedReport(report, (), TableResult(tuple(cells), findings, "2019"), findings))
    return store


class FakeRetriever:
    """Returns the given chunks in order (filtered by agency), like Retriever.search."""

    def __init__(self, chunks: list[Chunk]) -> None:
        self.chunks = chunks
        self.calls: list[tuple[str, tuple[str, ...], tuple[int, ...], int]] = []

    def search(self, query: str, *, agencies=(), years=(), k: int = 5) -> list[ScoredChunk]:
        self.calls.append((query, tuple(agencies), tuple(years), k))
        hits = [c for c in self.chunks if (not agencies or c.agency in agencies) and (not years or c.year in years)]
        return [ScoredChunk(c, 1.0 / (1 + i)) for i, c in enumerate(hits[:k])]


def year_id(prefix: str, year: int) -> str:
    """A 12-character report id of one agency's year (prefix repeated, then the year)."""
    return f"{prefix * 7}{year}"[:12].ljust(12, prefix)


def years_store(db_path: Path | None, *, agency: str, short: str, alias: str = "", texts: Mapping[int, str],
                cells: Mapping[int, Sequence[Cell]], prefix: str, store=None):
    """A real SQLite Store holding one agency's reports (2021 template): each year's prose and cells (alias "": none).
    Given ``store``, the agency's reports are added to it (a second agency beside the first)."""
    from govqa.index.store import Store

    s = store if store is not None else Store(f"sqlite:///{db_path}")
    for year, text in texts.items():
        report = Report(id=year_id(prefix, year), source=f"{year_id(prefix, year)}.txt", agency=agency,
                        short_name=short, aliases=(alias,) if alias else (), year=year, template="2021",
                        title=f"{agency}{year}年政府信息公开工作年度报告", content_hash=f"{prefix}{year}" * 12, text=text)
        s.save(ParsedReport(report, (), TableResult(tuple(cells.get(year, ())), (), "2021"), ()))
    return s


def sentence_chunks(texts: Mapping[int, str], *, agency: str, short: str, prefix: str) -> list[Chunk]:
    """Each report's sentences as chunks (a FakeRetriever ranks none above another: the quote choice decides)."""
    out = []
    for year, text in texts.items():
        rid = year_id(prefix, year)
        for n, m in enumerate(re.finditer(r"[^。\n]+。", text)):
            out.append(Chunk(id=f"{rid}:{n}", report_id=rid, agency=agency, short_name=short, year=year,
                             section="总体情况", subheading="", start=m.start(), end=m.end(), text=m.group()))
    return out


def assert_listed(answer, text: str, items: Sequence[str], *, not_said: Sequence[str] = ()) -> None:
    """A prose list answer: every item said and cited, each source at its own place in ``text``, ``not_said`` absent."""
    assert answer.found and answer.route == "retrieval", answer
    for item in items:
        assert item in answer.text, (item, answer.text)
        assert any(item in s.text for s in answer.sources), item
    for s in answer.sources:
        assert text[s.start:s.end] == s.text  # each item cited at its own place in the report
    for word in not_said:
        assert word not in answer.text, answer.text


SEEDS = Path(__file__).resolve().parent.parent / "fixtures" / "seeds"


def seed_chunk(name: str, needle: str, *, agency: str, short: str, section: str, length: int = 300) -> Chunk:
    """A chunk cut from a real seed text around ``needle`` (offsets into the file text)."""
    text = (SEEDS / name).read_text(encoding="utf-8")
    start = text.index(needle)
    return Chunk(id=f"{name}:{start}", report_id=name[:12], agency=agency, short_name=short, year=2020,
                 section=section, subheading="", start=start, end=start + length, text=text[start:start + length])


@pytest.fixture
def zhangzheng_retriever() -> FakeRetriever:
    """Chunks of the 掌政镇 seed (001_…) about 主动公开 and 依申请公开."""
    agency = "银川市兴庆区掌政镇人民政府"
    return FakeRetriever([
        seed_chunk("001_c2bcf9dd95c89acf.txt", "1. 主动公开的政府信息数量", agency=agency, short="掌政镇", section="总体情况", length=120),
        seed_chunk("001_c2bcf9dd95c89acf.txt", "2020年，共收到政府信息公开申请3件", agency=agency, short="掌政镇", section="总体情况", length=150),
    ])
