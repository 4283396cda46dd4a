"""index/yoy.py and index/findings.py: each report against its agency's previous year, over a real SQLite store,
plus the findings columns of m005 (stored, parked in a version, upgraded in place) and `govqa check` on them."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import delete, insert

from govqa.core.config import Settings, load_settings
from govqa.core.errors import ConfigError
from govqa.core.types import Cell, CellRef, Finding, ParsedReport, Report, TableResult
from govqa.index import schema
from govqa.index.findings import report_findings
from govqa.index.ingest import ingest_paths
from govqa.index.store import Store
from govqa.index.yoy import yoy_findings
from govqa.qa.cli import main

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
AGENCY = "某市某区发展和改革局"


def report(year: int, *, new: float = 5, carried: float = 0, forward: float = 0, reconsidered: float = 0,
           agency: str = AGENCY) -> ParsedReport:
    """A hand-made parsed report of one year: its main counts only."""
    rid = f"{abs(hash((agency, year))) % 10**12:012d}"
    rep = Report(id=rid, source=f"{year}.txt", agency=agency, short_name="发改局", aliases=(), year=year,
                 template="2021", title=f"{agency}{year}年报告", content_hash=rid + "0" * 52, text=f"{year}年报告")
    cells = (Cell("申请", "一", "总计", new), Cell("申请", "二", "总计", carried), Cell("申请", "四", "总计", forward),
             Cell("复议诉讼", "数量", "复议.总计", reconsidered))
    return ParsedReport(rep, (), TableResult(cells, (), "2021"), ())


def run(*parsed: ParsedReport, ratio: float = 3, min_count: float = 10) -> dict[str, list[Finding]]:
    reps = [p.report for p in parsed]
    return yoy_findings(reps, {p.report.id: list(p.tables.cells) for p in parsed}, ratio=ratio, min_count=min_count)


def test_carried_over_that_is_not_last_years_carried_forward_is_an_error() -> None:
    last, this = report(2021, forward=3), report(2022, carried=2)
    found = run(last, this)
    assert found[last.report.id] == []
    [f] = found[this.report.id]
    assert (f.kind, f.severity, f.table, f.row, f.col, f.expected, f.printed) == ("yoy", "error", "申请", "二", "总计", 3, 2)
    assert f.cells == (CellRef("申请", "二", "总计", 2), CellRef("申请", "四", "总计", 3, last.report.id, 2021))
    assert run(report(2021, forward=2), report(2022, carried=2))[this.report.id] == []


def test_carried_over_needs_the_year_just_before() -> None:
    # 2020 is not stored: 2019's carried-forward says nothing about 2021's carried-over (a missing report is no zero)
    assert run(report(2019, forward=4), report(2021, carried=0)) == {report(2019).report.id: [],
                                                                     report(2021).report.id: []}


def test_a_jump_beyond_the_ratio_is_a_check_and_the_gap_is_said() -> None:
    this = report(2023, new=40)
    [f] = run(report(2021, new=5), this)[this.report.id]
    assert (f.kind, f.severity, f.row, f.expected, f.printed) == ("yoy", "check", "一", 5, 40)
    assert "2021年 5 → 2023年 40" in f.message and "未入库" in f.message
    assert f.cells[1].report == report(2021).report.id
    assert run(report(2021, new=5), this, ratio=10)[this.report.id] == []  # 8x is within a ratio of 10
    assert run(report(2022, new=2), report(2023, new=7))[this.report.id] == []  # small numbers do not jump
    [drop] = run(report(2022, reconsidered=12), report(2023, reconsidered=0))[this.report.id]
    assert (drop.col, drop.expected, drop.printed, "未入库" in drop.message) == ("复议.总计", 12, 0, False)


def test_other_agencies_are_not_compared() -> None:
    a, b = report(2021, forward=3), report(2022, carried=0, agency="另一个局")
    assert run(a, b) == {a.report.id: [], b.report.id: []}


def test_the_ratio_is_a_setting_checked_when_built() -> None:
    assert load_settings({"GOVQA_YOY_RATIO": "5", "GOVQA_YOY_MIN_COUNT": "20"}).yoy_ratio == 5
    with pytest.raises(ConfigError, match="yoy_ratio must be greater than 1"):
        load_settings({"GOVQA_YOY_RATIO": "1"})


def test_findings_keep_severity_passage_and_cells_in_the_store_and_when_parked(settings: Settings) -> None:
    store = Store(settings.db_url)
    base = report(2022)
    finding = Finding("text-table", "申请", "一", "总计", "正文与表不符", 5, 6, start=0, end=4,
                      cells=(CellRef("申请", "一", "总计", 5),))
    note = Finding("note", "申请", "", "", "split", severity="note")
    store.save(replace(base, findings=(finding, note)))
    assert store.findings(base.report.id) == [finding, note]
    other = replace(base, report=replace(base.report, id="ffffffffffff", content_hash="f" * 64), findings=())
    store.save(other, replace=True)  # parks the first version as JSON
    store.activate(base.report.id)
    assert store.findings(base.report.id) == [finding, note]


def test_m005_upgrades_a_store_made_before_it(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    store = Store(url)
    rid = report(2021).report.id
    store.save(report(2021))
    with store.engine.begin() as conn:  # make it look like a store of before m005
        for column in ("severity", "span_start", "span_end", "cells"):
            conn.exec_driver_sql(f"ALTER TABLE findings DROP COLUMN {column}")
        conn.execute(delete(schema.schema_migrations).where(schema.schema_migrations.c.name == "m005_finding_spans"))
        conn.exec_driver_sql("INSERT INTO findings (report_id, kind, tbl, row, col, message, seq) "
                             f"VALUES ('{rid}', 'note', '申请', '', '', 'split', 0), ('{rid}', 'relation', '申请', '一', '总计', 'x', 1)")
    assert Store(url).migrate() == [] and Store(url).findings(rid)[0].severity == "note"
    [note, relation] = Store(url).findings(rid)
    assert (note.severity, relation.severity, relation.start, relation.cells) == ("note", "error", None, ())
    with Store(url).engine.begin() as conn:  # and it writes the new columns
        conn.execute(insert(schema.findings).values(report_id=rid, kind="yoy", tbl="申请", row="二", col="总计",
                                                    message="m", seq=2, severity="check", span_start=3, span_end=5))
    assert Store(url).findings(rid)[2].severity == "check"


needs_corpus = pytest.mark.skipif(not (CORPUS / "MANIFEST.tsv").exists(), reason=f"corpus not found at {CORPUS}")


@needs_corpus
def test_corpus_years_of_one_agency_jumps_and_no_carried_check(settings: Settings) -> None:
    store = Store(settings.db_url)
    ingest_paths(sorted(CORPUS.glob("*.txt")), settings=settings, store=store)
    reps = store.reports()
    found = report_findings(store, reps, settings=settings, kinds=("yoy",))
    by_source = {r.source: found[r.id] for r in reps if found[r.id]}
    # the corpus holds no two consecutive years of one agency: no carried-over check applies, only jumps
    assert all(f.severity == "check" for items in by_source.values() for f in items)
    [jump] = by_source["fujian_pingtan-jtj_2024.txt"]
    earlier = next(r for r in reps if r.source == "fujian_pingtan-jtj_2020.txt")
    assert (jump.row, jump.col, jump.expected, jump.printed) == ("一", "总计", 2, 58)
    assert jump.cells == (CellRef("申请", "一", "总计", 58), CellRef("申请", "一", "总计", 2, earlier.id, 2020))

    result = CliRunner().invoke(main, ["check", "--json", "--kind", "text-table", "--kind", "yoy"],
                                catch_exceptions=False)
    data = {item["report"]["source"]: item["findings"] for item in json.loads(result.output)}
    assert {f["kind"] for items in data.values() for f in items} == {"text-table", "yoy"}
    [text] = data["fujian_pingtan-jjf_2023.txt"]
    assert (text["kind"], text["severity"], text["row"], text["expected"], text["printed"]) == (
        "text-table", "error", "一", 3, 0)
    assert text["passage"] and text["start"] < text["end"] and text["cells"] == [
        {"table": "申请", "row": "一", "col": "总计", "value": 3}]
    assert data["fujian_pingtan-jtj_2024.txt"][0]["cells"][1] == {
        "table": "申请", "row": "一", "col": "总计", "value": 2, "report": earlier.id, "year": 2020}
    relation = CliRunner().invoke(main, ["check", "--json", "--kind", "relation"], catch_exceptions=False)
    kinds = {f["kind"] for item in json.loads(relation.output) for f in item["findings"]}
    assert kinds == {"relation"}
    assert all(f["cells"] for item in json.loads(relation.output) for f in item["findings"])


def test_a_version_parked_before_m005_unpacks_with_default_severity() -> None:
    from govqa.index.versions import pack, unpack

    note = Finding("note", "申请", "", "", "split", severity="note")
    payload = json.loads(pack(replace(report(2021), findings=(note,))))
    payload["findings"] = [item[:7] for item in payload["findings"]]  # the shape of a payload parked before m005
    [read] = unpack(json.dumps(payload, ensure_ascii=False)).findings
    assert (read.kind, read.severity, read.start, read.cells) == ("note", "note", None, ())
