"""Agencies as entities: one body under several names across years, the alias file, regions, `govqa agencies`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from govqa.core.config import Settings
from govqa.core.errors import ConfigError
from govqa.index.agencies import entities, load_aliases, resolve_agency, same_body
from govqa.index.ingest import ingest_paths
from govqa.index.store import Store
from govqa.qa.catalog import Catalog
from govqa.qa.cli import main
from govqa.qa.understand import understand

LAYOUT = Path(__file__).parent.parent / "fixtures" / "layouts" / "2021_format.txt"


def report_of(folder: Path, agency: str, year: int) -> Path:
    """Our own 2021-format layout fixture, titled for another agency and year."""
    body = LAYOUT.read_text(encoding="utf-8").split("\n", 1)[1].replace("2021年1月1日起至2021年12月31日", f"{year}年1月1日起至{year}年12月31日")
    path = folder / f"{agency}_{year}.txt"
    path.write_text(f"{agency}{year}年政府信息公开工作年度报告\n{body}", encoding="utf-8")
    return path


@pytest.mark.parametrize(("a", "b", "same"), [
    ("淮安市洪泽区人民政府", "洪泽区人民政府", True),
    ("淮安市洪泽区人民政府", "洪泽区政府", True),
    ("福州市鼓楼区人民政府", "鼓楼区人民政府", True),
    ("南京市鼓楼区人民政府", "福州市鼓楼区人民政府", False),
    ("河北省科学技术厅", "山西省科学技术厅", False),
    ("河北省科学技术厅", "科学技术厅", False),  # no place left: could be any province's
    ("淮安市洪泽区人民政府", "淮安市洪泽区财政局", False),
])
def test_same_body(a: str, b: str, same: bool) -> None:
    assert same_body(a, b) is same


def test_resolve_prefers_the_alias_file_then_the_one_stored_body() -> None:
    aliases = {"青禾市城市管理局": ("青禾市城管局",)}
    assert resolve_agency("青禾市城管局", known=[], aliases=aliases) == "青禾市城市管理局"
    assert resolve_agency("洪泽区人民政府", known=["淮安市洪泽区人民政府"], aliases={}) == "淮安市洪泽区人民政府"
    both = ["南京市鼓楼区人民政府", "徐州市鼓楼区人民政府"]
    assert resolve_agency("鼓楼区人民政府", known=both, aliases={}) == "鼓楼区人民政府"  # ambiguous: kept


def test_one_agency_two_names_is_one_entity_across_years(settings: Settings, tmp_path: Path) -> None:
    store = Store(settings.db_url)
    files = [report_of(tmp_path, "淮安市洪泽区人民政府", 2020), report_of(tmp_path, "洪泽区人民政府", 2021)]
    summary = ingest_paths(files, settings=settings, store=store)
    assert (summary.added, summary.refused) == (2, [])
    assert {(r.agency, r.year) for r in store.reports()} == {("淮安市洪泽区人民政府", 2020), ("淮安市洪泽区人民政府", 2021)}

    catalog = Catalog.from_store(store)
    q = understand("洪泽区2020年和2021年分别收到多少政府信息公开申请？", catalog=catalog)
    assert q.agencies == ("淮安市洪泽区人民政府",) and q.unknown_agencies == ()
    assert catalog.years_of("淮安市洪泽区人民政府") == (2020, 2021)

    [entity] = entities(store.agencies(), aliases={})
    assert entity.canonical == "淮安市洪泽区人民政府" and entity.years == (2020, 2021)
    assert "洪泽区人民政府" in entity.names and "洪泽区" in entity.short_forms
    assert entity.region == "江苏省淮安市洪泽区"


def test_alias_file_names_the_canonical_agency(settings: Settings, tmp_path: Path) -> None:
    settings.home.mkdir(parents=True, exist_ok=True)
    (settings.home / "agencies.toml").write_text('"青禾市城市管理局" = ["青禾市城管局"]\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["ingest", "--no-vectors", str(report_of(tmp_path, "青禾市城管局", 2022))])
    assert result.exit_code == 0, result.output
    listing = json.loads(CliRunner().invoke(main, ["agencies", "--json"]).output)
    assert [(e["canonical"], e["years"]) for e in listing] == [("青禾市城市管理局", [2022])]
    assert "青禾市城管局" in listing[0]["names"]
    assert "青禾市城市管理局" in CliRunner().invoke(main, ["agencies"]).output


def test_a_malformed_alias_file_says_how_to_write_it(tmp_path: Path) -> None:
    path = tmp_path / "agencies.toml"
    path.write_text('"青禾市城市管理局" = 3\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="must map to a list of names"):
        load_aliases(path)


def test_full_names_in_questions_reach_their_reports(settings: Settings, tmp_path: Path) -> None:
    store = Store(settings.db_url)
    files = [report_of(tmp_path, "上海市人民政府办公厅", 2021), report_of(tmp_path, "上海市浦东新区人民政府", 2021)]
    cut = report_of(tmp_path, "河北省科学技术厅", 2021)  # a crawler cut the title short
    cut.write_text(cut.read_text(encoding="utf-8").replace("工作年度报告\n", "工作年度报...\n", 1), encoding="utf-8")
    summary = ingest_paths([*files, cut], settings=settings, store=store)
    assert (summary.added, summary.refused) == (3, [])
    catalog = Catalog.from_store(store)
    for question, agency in [("上海市人民政府办公厅2021年收到多少申请", "上海市人民政府办公厅"),
                             ("浦东新区2021年行政复议几起", "上海市浦东新区人民政府"),
                             ("河北省科学技术厅2021年收到多少申请", "河北省科学技术厅")]:
        q = understand(question, catalog=catalog)
        assert (q.agencies, q.unknown_agencies) == ((agency,), ()), question


def test_names_added_to_the_alias_file_later_are_understood(settings: Settings, tmp_path: Path) -> None:
    from govqa.qa.answer import user_aliases

    store = Store(settings.db_url)
    ingest_paths([report_of(tmp_path, "青禾市城市管理局", 2022)], settings=settings, store=store)
    catalog = Catalog.from_store(store)
    assert understand("城管执法局2022年收到多少申请", catalog=catalog).agencies == ()
    (settings.home / "agencies.toml").write_text('"青禾市城市管理局" = ["城管执法局"]\n', encoding="utf-8")
    q = understand("城管执法局2022年收到多少申请", catalog=catalog.with_names(user_aliases(settings.home)))
    assert (q.agencies, q.unknown_agencies) == (("青禾市城市管理局",), ())
