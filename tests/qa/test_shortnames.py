"""Agencies named by short forms (made-up agencies of a made-up region): matched, ambiguous or refused by name."""

from __future__ import annotations

from pathlib import Path

import pytest

from govqa.core.types import Cell, ParsedReport, Report, TableResult
from govqa.qa.answer import answer_question
from govqa.qa.catalog import Catalog
from govqa.qa.shortnames import abbreviation_score, short_matches

ZONE = "青湾综合试验区"  # a made-up zone the region data does not know
AGENCIES = {
    f"{ZONE}交通与水利局": (2021, 17),
    f"{ZONE}公安局": (2021, 9),
    f"{ZONE}市场监督管理局": (2022, 31),
    f"{ZONE}农业发展局": (2021, 4),
    f"{ZONE}农业农村局": (2021, 6),
    f"{ZONE}石屿片区管理局": (2022, 3),
    "东岚省工业和信息化厅": (2021, 52),
    "东岚省科学技术厅": (2021, 44),
    "东岚省发展和改革委员会": (2021, 12),
}


@pytest.mark.parametrize(("mention", "agency"), [
    ("交水局", f"{ZONE}交通与水利局"),
    ("青湾交水局", f"{ZONE}交通与水利局"),
    ("青湾公安局", f"{ZONE}公安局"),
    ("区公安局", f"{ZONE}公安局"),  # the region shortened to its level word
    ("市场监管局", f"{ZONE}市场监督管理局"),
    ("监督管理局", f"{ZONE}市场监督管理局"),
    ("石屿片区", f"{ZONE}石屿片区管理局"),  # the place names the body governing it
    ("东岚工信厅", "东岚省工业和信息化厅"),
    ("省科技厅", "东岚省科学技术厅"),
    ("东岚发改委", "东岚省发展和改革委员会"),  # 委员会 shortened to 委
])
def test_short_form_names_one_agency(mention: str, agency: str) -> None:
    assert short_matches(mention, AGENCIES) == (agency,)


@pytest.mark.parametrize("mention", [
    "西川市市场监督管理局",  # a region of its own: another body
    "东岚省公安厅",  # 厅 is not 局
    "东岚省交通运输厅",  # characters no stored body holds
    "东岚省科学技术协会",  # another kind of body
    f"{ZONE}教育局",
    "礁湾片区",  # another 片区
    "管理局",  # a bare body word
])
def test_look_alike_is_not_matched(mention: str) -> None:
    assert short_matches(mention, AGENCIES) == ()


def test_piece_of_the_name_beats_scattered_characters() -> None:
    assert abbreviation_score("农业局", f"{ZONE}农业发展局") == abbreviation_score("农业局", f"{ZONE}农业农村局") == 1
    assert short_matches("农业农村局", AGENCIES) == (f"{ZONE}农业农村局",)


def test_catalog_reports_ambiguous_short_forms() -> None:
    catalog = Catalog.from_rows([(a, a, (), (y,)) for a, (y, _) in AGENCIES.items()])
    mentions = catalog.find_mentions("农业局2021年和东岚工信厅比呢")
    assert mentions.agencies == ("东岚省工业和信息化厅",)
    assert mentions.ambiguous == (("农业局", (f"{ZONE}农业农村局", f"{ZONE}农业发展局")),)
    assert mentions.unknown == ()


@pytest.fixture
def ask(tmp_path: Path, settings):
    """Questions against a real SQLite store holding one 申请 total per made-up agency."""
    from govqa.index.store import Store

    store = Store(f"sqlite:///{tmp_path / 'short.db'}")
    for i, (agency, (year, total)) in enumerate(AGENCIES.items()):
        rid = f"{i:012d}"
        report = Report(id=rid, source=f"{rid}.txt", agency=agency, short_name=agency, aliases=(), year=year,
                        template="2019", title=f"{agency}{year}年政府信息公开工作年度报告", content_hash=rid * 5, text="")
        cells = (Cell("申请", "一", "总计", float(total), str(total)), Cell("申请", "一", "自然人", float(total), str(total)))
        store.save(ParsedReport(report, (), TableResult(cells, (), "2019"), ()))

    def _ask(text: str):
        return answer_question(text, store=store, retriever=None, conversation=None, settings=settings)
    return _ask


def test_short_form_reaches_the_stored_report(ask) -> None:
    a = ask("青湾交水局2021年收到多少政府信息公开申请？")
    assert a.found and a.value == 17, a.text
    assert {s.agency for s in a.sources} == {f"{ZONE}交通与水利局"}
    b = ask("2021年东岚工信厅和省科技厅谁收到的申请多？")
    assert b.found and "52" in b.text and "44" in b.text, b.text


def test_ambiguous_short_form_lists_the_candidates(ask) -> None:
    a = ask("农业局2021年收到多少政府信息公开申请？")
    assert (a.found, a.reason, a.value) == (False, "ambiguous", None)
    assert f"{ZONE}农业发展局" in a.text and f"{ZONE}农业农村局" in a.text


@pytest.mark.parametrize("name", ["西川市市场监督管理局", "东岚省公安厅", "东岚省科学技术协会", f"{ZONE}教育局", "西川市发改委"])
def test_look_alike_is_refused_by_its_full_name(ask, name: str) -> None:
    a = ask(f"{name}2021年收到多少政府信息公开申请？")
    assert (a.found, a.reason) == (False, "no-agency"), a.text
    assert f"“{name}”" in a.text


@pytest.mark.parametrize(("agency", "short"), [
    (f"{ZONE}交通与水利局", "交通与水利局"),  # a zone's body reads by its own name
    (f"{ZONE}石屿片区管理局", "石屿片区管理局"),
    ("东岚省工业和信息化厅", "东岚省工业和信息化厅"),  # a province keeps its name
    ("淮安市洪泽区财政局", "洪泽区财政局"),
])
def test_short_name_drops_a_zone_prefix(agency: str, short: str) -> None:
    from govqa.index.metadata import names_for

    assert names_for(agency)[0] == short


def test_zone_is_placed_by_the_county_of_its_name() -> None:
    from govqa.index.regions import region_of

    region = region_of("长汀综合试验区农业农村局")  # 长汀县 of 龙岩市 in the region data
    assert region is not None and (region.province, region.city, region.county) == ("福建省", "龙岩市", "长汀县")
    assert region_of(f"{ZONE}公安局") is None  # no county of that name: the region stays unknown
    assert short_matches("福建长汀农业农村局", ["长汀综合试验区农业农村局"]) == ("长汀综合试验区农业农村局",)
    assert short_matches("龙岩市农业农村局", ["长汀综合试验区农业农村局"]) == ()  # the city's own bureau


def test_a_short_name_two_agencies_share_is_not_used() -> None:
    catalog = Catalog.from_rows([(f"{ZONE}公安局", "公安局", (), (2021,)), ("白沙综合试验区公安局", "公安局", (), (2021,)),
                                 (f"{ZONE}农业农村局", "农业农村局", (), (2021,))])
    assert catalog.short(f"{ZONE}公安局") == f"{ZONE}公安局"
    assert catalog.short(f"{ZONE}农业农村局") == "农业农村局"


def test_a_lone_level_word_must_fit_the_agency() -> None:
    catalog = Catalog.from_rows([(f"{ZONE}公安局", "公安局", (), (2021,))])
    assert catalog.find_mentions("2021年区公安局收到多少申请").agencies == (f"{ZONE}公安局",)
    mentions = catalog.find_mentions("2021年市公安局收到多少申请")  # a city's bureau, not the zone's (区)
    assert (mentions.agencies, mentions.unknown) == ((), ("市公安局",))


@pytest.mark.parametrize("question", [
    "东岚工信厅2021年人大代表建议、政协委员提案的办理结果公开了多少件？",
    "东岚工信厅2021年办理的政协委员提案有几件",
    "2021年东岚工信厅答复人大代表和政协委员的建议提案多少件",
    "东岚工信厅2021年公开政协委员提案、人大代表建议办理结果几件？",
    "东岚工信厅2021年对委员提案公开了几件",
])
def test_a_person_word_inside_a_topic_is_no_agency(question: str) -> None:
    """政协委员 / 委员提案: 委 followed by 员 is a person of the topic, never a body the store lacks."""
    catalog = Catalog.from_rows([(a, a, (), (y,)) for a, (y, _) in AGENCIES.items()])
    mentions = catalog.find_mentions(question)
    assert (mentions.agencies, mentions.unknown) == (("东岚省工业和信息化厅",), ())


def test_a_committee_is_still_an_agency() -> None:
    catalog = Catalog.from_rows([(a, a, (), (y,)) for a, (y, _) in AGENCIES.items()])
    assert catalog.find_mentions("西川市卫生健康委员会2021年收到几件申请").unknown == ("西川市卫生健康委员会",)


@pytest.mark.parametrize("follow_up", ["人大常委会交办的呢", "省人大和省政协的建议提案一共多少", "那省政协委员会的提案呢",
                                       "区委交办的事项有几件", "村委会相关的信息公开了多少"])
def test_a_body_with_no_report_is_a_topic_in_a_chat(follow_up: str) -> None:
    """人大 / 政协 / 党委 / 村委 publish no annual report: after a question on a stored agency they are its topic."""
    from govqa.qa.understand import understand

    catalog = Catalog.from_rows([(a, a, (), (y,)) for a, (y, _) in AGENCIES.items()])
    earlier = understand("东岚工信厅2021年人大代表建议办理结果公开了多少件？", catalog=catalog)
    q = understand(follow_up, catalog=catalog, context=earlier)
    assert (q.agencies, q.unknown_agencies) == (("东岚省工业和信息化厅",), ())


def test_a_body_with_no_report_asked_alone_is_still_unknown() -> None:
    from govqa.qa.understand import understand

    catalog = Catalog.from_rows([(a, a, (), (y,)) for a, (y, _) in AGENCIES.items()])
    assert understand("西川省人大常委会2021年收到多少申请", catalog=catalog).unknown_agencies != ()
