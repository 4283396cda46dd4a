"""read_metadata on the five seeds (expected values read by hand from the reports) and on odd title shapes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from govqa.index.agency_names import valid_agency
from govqa.index.loaders import load_file
from govqa.index.metadata import read_metadata
from govqa.index.normalize import normalize_text

FIXTURES = Path(__file__).parent.parent / "fixtures"


def seed_meta(stem: str):
    (path,) = (FIXTURES / "seeds").glob(f"{stem}_*.txt")
    return read_metadata(normalize_text(path.read_text(encoding="utf-8")), source=path.name)


# (stem, agency, short name, aliases that must be offered, title)
SEEDS = [
    (
        "000",
        "银川市西夏区镇北堡镇人民政府",
        "镇北堡镇",
        {"镇北堡", "西夏区镇北堡镇", "镇北堡镇人民政府", "西夏区镇北堡镇人民政府"},
        "银川市西夏区镇北堡镇人民政府2020年政府信息公开工作年度报告",
    ),
    (
        "001",
        "银川市兴庆区掌政镇人民政府",  # printed in the address line; the signature says 兴庆区掌政镇人民政府
        "掌政镇",
        {"兴庆区掌政镇", "兴庆区掌政镇人民政府", "掌政镇人民政府"},
        "兴庆区掌政镇2020年政府信息公开工作年度报告",
    ),
    (
        "002",
        "宁夏回族自治区人民政府办公厅",  # 自治区 is Ningxia: 宁夏政府网, 宁夏回族自治区政府信息公开申请办理规范
        "自治区政府办公厅",
        {"自治区人民政府办公厅", "宁夏回族自治区政府办公厅"},
        "自治区人民政府办公厅2020年政府信息公开工作年度报告",
    ),
    (
        "003",
        "吴忠市红寺堡区人民政府",
        "红寺堡区",
        {"红寺堡", "红寺堡区人民政府"},
        "红寺堡区2020年政府信息公开工作年度报告",
    ),
    ("004", "银川市西夏区民政局", "西夏区民政局", set(), "银川市西夏区民政局2020年政府信息公开工作年度报告"),
]


@pytest.mark.parametrize(("stem", "agency", "short", "aliases", "title"), SEEDS)
def test_seed_metadata(stem: str, agency: str, short: str, aliases: set[str], title: str) -> None:
    meta = seed_meta(stem)
    assert meta.agency == agency
    assert meta.short_name == short
    assert aliases <= set(meta.aliases)
    assert agency not in meta.aliases and short not in meta.aliases
    assert meta.year == 2020  # the year covered, not the publication date (001 is dated 2021年1月25日)
    assert meta.title == title
    assert meta.warnings == ()


def test_aliases_are_not_generic() -> None:
    assert "民政局" not in seed_meta("004").aliases
    assert "自治区" not in seed_meta("002").aliases
    assert "人民政府" not in seed_meta("003").aliases


def test_metadata_of_the_gbk_file_matches_the_seed(settings) -> None:
    doc = load_file(FIXTURES / "formats" / "002_gbk.txt", settings=settings)
    assert read_metadata(doc.text, source=doc.source).agency == "宁夏回族自治区人民政府办公厅"


def test_metadata_from_the_pdf_and_html_fixtures(settings) -> None:
    pdf = load_file(FIXTURES / "formats" / "002.pdf", settings=settings)
    html = load_file(FIXTURES / "formats" / "003.html", settings=settings)
    assert read_metadata(pdf.text, source=pdf.source).agency == "宁夏回族自治区人民政府办公厅"
    meta = read_metadata(html.text, source=html.source)
    assert (meta.agency, meta.year) == ("吴忠市红寺堡区人民政府", 2020)


def test_no_title_line_derives_agency_and_year_from_the_text() -> None:
    text = (
        "根据《中华人民共和国政府信息公开条例》要求，由银川市西夏区民政局编制完成本报告。"
        "本报告所列数据的统计期限自 2021 年 1 月 1 日至 2021 年 12 月 31 日。\n"
        "一、总体情况\n2021年，西夏区民政局主动公开信息 1185 条。\n"
    )
    meta = read_metadata(text, source="notitle.txt")
    assert meta.agency == "银川市西夏区民政局"
    assert meta.short_name == "西夏区民政局"
    assert meta.year == 2021
    assert meta.title == "银川市西夏区民政局2021年政府信息公开工作年度报告"
    assert meta.warnings == ()


def test_title_inside_the_first_paragraph() -> None:
    text = (
        "根据《中华人民共和国政府信息公开条例》规定，现公布《兴庆区掌政镇2021年政府信息公开工作年度报告》。"
        "如有疑问，请与掌政镇人民政府党政办公室联系。\n一、总体情况\n"
        "兴庆区掌政镇人民政府坚持以公开为常态。\n兴庆区掌政镇人民政府\n2022年1月20日\n"
    )
    meta = read_metadata(text, source="inline.txt")
    assert meta.agency == "兴庆区掌政镇人民政府"
    assert meta.short_name == "掌政镇"
    assert meta.year == 2021
    assert meta.title == "兴庆区掌政镇2021年政府信息公开工作年度报告"


def test_a_2021_report_published_in_2022_covers_2021() -> None:
    text = (
        "红寺堡区2021年政府信息公开工作年度报告\n"
        "本报告由红寺堡区人民政府办公室编制，发布时间为 2022 年 1 月 28 日。\n"
        "所列数据统计期限为 2021 年 1 月 1 日至 2021 年 12 月 31 日。\n吴忠市红寺堡区人民政府\n2022年1月28日\n"
    )
    meta = read_metadata(text, source="2021.txt")
    assert meta.year == 2021
    assert meta.agency == "吴忠市红寺堡区人民政府"


def test_spaces_inside_the_title_year() -> None:
    text = "银川市西夏区镇北堡镇人民政府\n2 0 2 0 年 政府信息公开 工作年度报告\n正文。\n"
    meta = read_metadata(text, source="spaced.txt")
    assert meta.year == 2020
    assert meta.title == "银川市西夏区镇北堡镇人民政府2020年政府信息公开工作年度报告"


def test_year_not_found_gives_none_and_a_warning() -> None:
    meta = read_metadata("掌政镇政务公开工作总结\n本镇不断深化政务公开。\n掌政镇人民政府\n", source="undated.txt")
    assert meta.year is None
    assert any("undated.txt" in w and "year" in w for w in meta.warnings)
    assert meta.agency == "掌政镇人民政府"


def test_conflicting_title_and_period_years_warn() -> None:
    text = "掌政镇2021年政府信息公开工作年度报告\n统计期限自 2020 年 1 月 1 日至 2020 年 12 月 31 日。\n"
    meta = read_metadata(text, source="conflict.txt")
    assert meta.year == 2021
    assert any("2020" in w for w in meta.warnings)


# ---- title, header and signature layouts (made-up agencies; expected values in identity/expected.json) -------

IDENTITY = FIXTURES / "identity"
EXPECTED = json.loads((IDENTITY / "expected.json").read_text(encoding="utf-8"))


def test_every_identity_fixture_has_an_expectation() -> None:
    assert set(EXPECTED) == {p.name for p in IDENTITY.glob("*.txt")}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_identity_layouts(name: str) -> None:
    agency, year = EXPECTED[name]
    meta = read_metadata(normalize_text((IDENTITY / name).read_text(encoding="utf-8")), source=name)
    assert (meta.agency, meta.year) == (agency, year)
    if agency:
        assert valid_agency(meta.agency) and meta.short_name
        assert "..." not in meta.title and str(year) in meta.title
    else:
        assert any("no agency" in w for w in meta.warnings)


@pytest.mark.parametrize("name", ["河北省科学技术厅", "平潭综合实验区海坛片区管理局", "银川市兴庆区掌政镇人民政府",
                                  "上海市人民政府办公厅", "北川县林业局", "东湖街道办事处", "某某区管委会"])
def test_real_bodies_are_valid_names(name: str) -> None:
    assert valid_agency(name)


@pytest.mark.parametrize("name", ["", "海坛片区管理局关于人民政府", "关于2021年度", "本局", "我厅", "政府信息公开年报",
                                  "其他需要报告的事项无", "2021年平潭局", "首页政务公开政府信息公开", "区管委会办公室：",
                                  "我们局"])
def test_garbled_or_sentence_names_are_not_valid(name: str) -> None:
    assert not valid_agency(name)
