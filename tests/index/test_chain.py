"""A run-together 行政规范性文件 row of a 2021-template report, settled by the chain with the same agency's stored
report of the year before or after (index/chain.py): real SQLite, tables only, reports of our own made in tmp from
tests/fixtures/layouts/2021_format.txt with the row printed differently."""

from __future__ import annotations

from pathlib import Path

import pytest

from govqa.core.config import Settings
from govqa.index.ingest import ingest_paths
from govqa.index.store import Store

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "layouts" / "2021_format.txt"
PRINTED = "行政规范性文件\t4\t1\t12"  # 制发 4, 废止 1, 现行有效 12 in the fixture's 2021 report


def report(tmp: Path, year: int, row: str, name: str | None = None) -> Path:
    """The fixture report moved to `year` with its 行政规范性文件 row printed as `row`."""
    text = FIXTURE.read_text(encoding="utf-8")
    assert PRINTED in text
    path = tmp / (name or f"xq_{year}.txt")
    path.write_text(text.replace("2021年", f"{year}年").replace(PRINTED, f"行政规范性文件\t{row}"), encoding="utf-8")
    return path


@pytest.fixture
def ingest(tmp_path: Path):
    settings = Settings(home=tmp_path / "home")
    settings.home.mkdir(exist_ok=True)
    store = Store(settings.db_url)

    def _ingest(*paths: Path):
        summary = ingest_paths(list(paths), settings=settings, store=store)
        assert not summary.refused, [r.error for r in summary.refused]
        return summary
    return store, _ingest


def row_of(store: Store, year: int) -> tuple[dict[str, float], list[str]]:
    (rid,) = store.report_ids(agency="银川市兴庆区市场监督管理局", year=year)
    cells = {c.col: c.value for c in store.cells(report_id=rid, table="主动公开", row="行政规范性文件")}
    kinds = [f"{f.kind}: {f.message}" for f in store.findings(rid) if f.row == "行政规范性文件"]
    return cells, kinds


def test_the_year_before_settles_the_row_and_the_note_names_it(ingest, tmp_path):
    store, run = ingest
    run(report(tmp_path, 2021, "4\t1\t12"))
    run(report(tmp_path, 2022, "5215"))  # 5|2|15 or 5|21|5; 12 + 5 − 2 = 15 leaves the first
    cells, findings = row_of(store, 2022)
    assert cells == {"本年制发件数": 5, "本年废止件数": 2, "现行有效件数": 15}
    assert len(findings) == 1 and findings[0].startswith("note:") and "xq_2021.txt" in findings[0], findings


def test_the_year_after_settles_the_row(ingest, tmp_path):
    store, run = ingest
    run(report(tmp_path, 2023, "5\t2\t15"))
    run(report(tmp_path, 2022, "4112"))  # 4|1|12 or 4|11|2 (or 41|1|2); 现行有效 + 5 − 2 = 15 leaves 4|1|12
    cells, findings = row_of(store, 2022)
    assert cells == {"本年制发件数": 4, "本年废止件数": 1, "现行有效件数": 12}
    assert findings[0].startswith("note:") and "xq_2023.txt" in findings[0]


def test_two_readings_the_chain_keeps_stay_open(ingest, tmp_path):
    store, run = ingest
    run(report(tmp_path, 2021, "4\t1\t12"))
    run(report(tmp_path, 2022, "3114"))  # 3|1|14 and 3|11|4 both give 12 + 制发 − 废止 = 现行有效
    cells, findings = row_of(store, 2022)
    assert "现行有效件数" not in cells and "本年废止件数" not in cells
    assert findings and findings[0].startswith("ambiguous:")


def test_without_a_stored_neighbour_nothing_is_guessed(ingest, tmp_path):
    store, run = ingest
    run(report(tmp_path, 2020 + 4, "5215"))  # 2024: no 2023 or 2025 stored
    run(report(tmp_path, 2021, "4\t1\t12"))  # 2021 is not beside 2024
    cells, findings = row_of(store, 2024)
    assert "现行有效件数" not in cells and findings[0].startswith("ambiguous:")


def test_a_stored_report_is_never_changed_by_its_neighbour_and_reingest_changes_nothing(ingest, tmp_path):
    store, run = ingest
    late = report(tmp_path, 2022, "5215")
    run(late)
    before = row_of(store, 2022)
    first = report(tmp_path, 2021, "4\t1\t12")
    run(first)
    assert row_of(store, 2022) == before  # the stored 2022 report stays as it was (still open)
    summary = run(late, first, report(tmp_path, 2022, "5215", name="copy_of_xq_2022.txt"))
    assert summary.unchanged == 3 and summary.added == summary.replaced == summary.inactive == 0
    assert row_of(store, 2022) == before
