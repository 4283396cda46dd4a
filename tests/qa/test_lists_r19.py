"""Round-19 list kinds: a list whose sentence starts on an earlier PDF line (审查记 / 录台账 wrap mid-word): the sentence
is found across the line breaks, so the first item is whole. Every report, sentence and number here is our own."""

from __future__ import annotations

from pathlib import Path

import pytest

from govqa.qa.answer import answer_question
from govqa.qa.prose_asks import asks_where_published
from govqa.qa.scoped_lists import RULES, scope_asked, scope_label, scoped_items
from tests.qa.conftest import FakeRetriever, years_store

WRAPPED = ("（三）政府信息管理方面。严格公文属性审查，累计核定公文\n\n属性 210余件。健全门户网站信息发布审核机制和三级\n\n"
           "复核台账、原始资料归档备查制度，建立统一的信息发布\n\n流程，落实专人维护。\n\n（四）平台建设方面。")
RULES_ASKED = ["某厅2021年在网站信息发布方面完善了哪些制度？", "某厅2021年在门户网站信息发布上健全了哪几项制度",
               "某厅2021年网站发信息这块建立了什么制度？", "某厅2021年为规范网站信息发布完善了哪些制度呢",
               "某厅2021年门户网站信息发布方面都健全了啥制度"]


@pytest.mark.parametrize("text", RULES_ASKED)
def test_a_sentence_wrapped_over_lines_keeps_its_first_item_whole(text: str) -> None:
    scope = scope_asked(text, ("某厅",))
    assert scope is not None and scope.kind == RULES, scope
    found = scoped_items(WRAPPED, scope)
    items = ["".join(WRAPPED[a:b].split()) for a, b in found.items]
    assert any("三级复核台账" in item for item in items), items
    assert any("原始资料归档备查" in item for item in items), items
    assert found.sentence is not None and "健全门户网站" in WRAPPED[found.sentence[0]:found.sentence[1]]


def test_a_heading_line_is_no_part_of_the_sentence_after_it() -> None:
    text = "（一）制度建设\n\n健全信息发布审核、保密审查、档案留存制度。"
    scope = scope_asked("某厅2021年在信息发布方面健全了哪些制度？", ("某厅",))
    assert scope is not None
    found = scoped_items(text, scope)
    assert found.sentence is not None and text[found.sentence[0]:found.sentence[1]].startswith("健全")


# --- where a kind of information was published: the sentence naming the site, not the report's own 网址 line ---

SITE_TEXT = ("青禾县住房和城乡建设局2022年政府信息公开工作年度报告\n"
             "本年报电子版可在青禾县人民政府门户网站（www.qinghe.gov.cn）下载。\n"
             "一、总体情况\n"
             "2022年，本局主动公开政府信息共96条。严格规范公开流程，及时主动在“青禾之窗网”上公布政府公开信息。"
             "将房屋征收决定公告、征收补偿方案公告在“青禾在线”门户网站主动公开。"
             "将招标公告、中标结果等按照时限在“青禾公共资源交易网”及时公开。\n"
             "二、其他需要报告的事项\n本机关依申请提供政府信息，不收取费用。\n"
             "青禾县住房和城乡建设局 2023年1月20日")
GENERAL_ASKED = ["青禾住建局2022年的政府信息是主动放在哪个网上公开的？", "青禾住建局2022年主动公开的信息发布在哪个网站",
                 "青禾住建局2022年政府信息都公布到什么网站上了？", "青禾住建局2022年的公开信息挂在哪个网上",
                 "青禾住建局2022年政府信息在哪个网上能看到？"]
NOTICE_ASKED = ["青禾住建局2022年的房屋征收决定公告、征收补偿方案公告，是放在哪个网站公开的？",
                "青禾住建局2022年房屋征收决定公告发布在什么网站上", "青禾住建局2022年征收补偿方案公告在哪个网站能查到？",
                "青禾住建局2022年把房屋征收公告贴在哪个网站了", "青禾住建局2022年在哪个网站公布房屋征收决定公告的？"]
TENDER_ASKED = ["青禾住建局2022年的招标公告、中标结果是在哪个网上公开的？", "青禾住建局2022年中标结果公示在什么网站"]


@pytest.fixture
def site_ask(tmp_path: Path, settings):
    store = years_store(tmp_path / "site19.db", agency="青禾县住房和城乡建设局", short="住建局", alias="青禾住建局",
                        texts={2022: SITE_TEXT}, cells={2022: []}, prefix="s")

    def _ask(text: str):
        return answer_question(text, store=store, retriever=FakeRetriever([]), conversation=None, settings=settings)
    return _ask


@pytest.mark.parametrize(("asked", "site", "not_site"), [
    *[(q, "青禾之窗网", "青禾在线") for q in GENERAL_ASKED],
    *[(q, "青禾在线", "青禾之窗网") for q in NOTICE_ASKED],
    *[(q, "青禾公共资源交易网", "青禾在线") for q in TENDER_ASKED],
])
def test_where_a_kind_of_information_went_names_the_site_of_its_sentence(site_ask, asked: str, site: str,
                                                                          not_site: str) -> None:
    answer = site_ask(asked)
    assert answer.found and answer.text.startswith(f"在“{site}”"), answer.text
    assert not_site not in answer.text and "www.qinghe.gov.cn" not in answer.text, answer.text


def test_the_report_itself_stays_the_where_to_read_fact(site_ask) -> None:
    answer = site_ask("青禾住建局2022年的年报在哪个网站能看到？")
    assert "青禾县人民政府门户网站" in answer.text and "青禾之窗网" not in answer.text, answer.text


# --- items joined past a comma by 以及 after the question's own verb (实时更新A，以及B) ---

ALSO_TEXT = ("青禾县市场监督管理局2023年政府信息公开工作年度报告\n"
             "一、总体情况\n"
             "2023年，本局依据《青禾县政务公开工作要点》推进公开，主动公开政府信息共64条。"
             "同时，修订本局政府信息公开指南，方便群众查阅；动态更新完善我局领导分工信息，以及食品抽检和特种设备检验的办理时限，"
             "不断提升公开工作规范化水平。\n"
             "二、其他需要报告的事项\n本机关依申请提供政府信息，不收取费用。\n"
             "青禾县市场监督管理局 2024年1月22日")
ALSO_ASKED = ["青禾市监局2023年动态更新完善了哪些信息？", "青禾市监局2023年动态更新完善的信息有哪些",
              "青禾市监局2023年都动态更新完善过什么信息", "青禾市监局2023年动态更新完善了啥内容？"]


@pytest.fixture
def also_ask(tmp_path: Path, settings):
    store = years_store(tmp_path / "also19.db", agency="青禾县市场监督管理局", short="市监局", alias="青禾市监局",
                        texts={2023: ALSO_TEXT}, cells={2023: []}, prefix="m")

    def _ask(text: str):
        return answer_question(text, store=store, retriever=FakeRetriever([]), conversation=None, settings=settings)
    return _ask


@pytest.mark.parametrize("asked", ALSO_ASKED)
def test_items_joined_by_yiji_past_a_comma_after_the_asked_verb(also_ask, asked: str) -> None:
    answer = also_ask(asked)
    assert answer.found and "领导分工信息" in answer.text and "办理时限" in answer.text, answer.text
    assert "政务公开工作要点" not in answer.text, answer.text


@pytest.mark.parametrize("asked", ["某局2022年主动公开的信息都放在哪些栏目里？", "某局2022年的信息发布在门户网站的哪些栏目",
                                   "某局2022年政府信息挂在哪个网站的哪些栏目上"])
def test_which_columns_is_a_list_not_the_site(asked: str) -> None:
    assert not asks_where_published(asked)


@pytest.mark.parametrize("asked", GENERAL_ASKED + NOTICE_ASKED + TENDER_ASKED)
def test_where_published_is_recognised(asked: str) -> None:
    assert asks_where_published(asked)


# --- a requirement made of someone (对各村提了什么要求): the sentence 要求各村要A，明确B, each clause an item ---

TOLD = ("（二）加强队伍建设。本镇2名干部参加了全市政务公开业务培训。回来后组织各社区学习了新修订的《条例》。"
        "要求各社区要加强对居民群的管理，明确专人审核发布内容，严格按照上级要求发布信息。\n\n"
        "六是做好建议提案办理，包括对人大代表建议、政协委员提案的答复。")


@pytest.mark.parametrize("asked", ["某镇参加培训回来以后，对各社区提了什么要求？", "某镇培训回来后对各社区有什么要求",
                                   "某镇2021年对各社区提出了哪些要求", "某镇2021年对各社区提了啥要求？"])
def test_a_requirement_made_of_someone_is_the_sentence_that_makes_it(asked: str) -> None:
    scope = scope_asked(asked, ("某镇",))
    assert scope is not None and scope.kind == RULES, scope
    found = scoped_items(TOLD, scope)
    items = [TOLD[a:b] for a, b in found.items]
    assert items[:2] == ["加强对居民群的管理", "明确专人审核发布内容"], items


def test_a_requirement_made_of_someone_is_labelled_as_made_of_them() -> None:
    scope = scope_asked("某镇培训回来后对各社区有什么要求", ("某镇",))
    assert scope is not None and scope_label(scope) == "培训回来后对各社区提出的要求"
