"""Round-15 list kinds, each listed inside one sentence: the mechanisms, systems, principles or requirements one
activity kept to (办依申请公开坚持了哪几条工作机制: a list even though 依申请公开 names a table), the means of an
activity asked with its purpose (出台重点政策时用什么办法让老百姓知道), and how the work is divided among leaders and
staff (局领导之间是怎么分工抓的 → each role with its task). Real SQLite; every report, sentence and number here is our own."""

from __future__ import annotations

from pathlib import Path

import pytest

from govqa.core.types import Cell
from govqa.qa.answer import answer_question
from govqa.qa.scoped_lists import MEANS, ROLES, RULES, scope_asked, scoped_items
from tests.qa.conftest import FakeRetriever, assert_listed, years_store

AGENCY, SHORT = "青岚县交通运输局", "交通运输局"
TEXT = ("青岚县交通运输局2024年政府信息公开工作年度报告\n"
        "一、总体情况\n"
        "（一）政府信息管理。局党组高度重视政务公开，坚持一把手负总责、亲自部署，分管领导具体抓、督促落实，"
        "办公室专人负责日常信息发布。建立健全信息发布审核、保密审查、档案管理等制度，严格落实“三审三校”、“先审后发”等要求。"
        "健全舆情监测、应急回应、风险评估机制，确保发布信息准确、安全。"
        "（二）主动公开。全年主动公开政府信息126条。对于重点政策的出台，通过各社区宣传栏公示、组织网格员入户讲解，"
        "提高群众知晓率。通过座谈会、问卷调查、网上留言等方式听取群众意见。"
        "（三）依申请公开。我局不断规范申请受理流程，完善依申请公开办理工作机制，坚持专人登记、限时答复、法律顾问审核、"
        "集体研判，依法依规办理。全年收到政府信息公开申请31件，均按时答复。\n"
        "二、其他需要报告的事项\n本机关依申请提供政府信息，不收取费用。\n"
        "青岚县交通运输局 2025年1月20日")


@pytest.fixture
def store(tmp_path: Path):
    """One 2024 report (2021 template) with the prose above and a few 表三 cells."""
    return years_store(tmp_path / "scoped15.db", agency=AGENCY, short=SHORT, alias="青岚交通局", texts={2024: TEXT},
                       cells={2024: [Cell("申请", "一", "自然人", 29.0, "29"), Cell("申请", "一", "商业企业", 2.0, "2"),
                                              Cell("申请", "一", "总计", 31.0, "31")]}, prefix="e")


@pytest.fixture
def ask(store, settings):
    def _ask(text: str):
        return answer_question(text, store=store, retriever=FakeRetriever([]), conversation=None, settings=settings)
    return _ask


def _lists(answer, items: list[str], *, not_said: tuple[str, ...] = ()) -> None:
    assert_listed(answer, TEXT, items, not_said=not_said)


MECHANISMS = ["专人登记", "限时答复", "法律顾问审核", "集体研判"]
MECHANISMS_ASKED = ["青岚交通局2024年办依申请公开，坚持了哪几条工作机制？", "青岚交通局2024年依申请公开坚持哪些工作机制",
                    "2024年青岚交通局在依申请公开上实行了哪些机制？", "青岚交通局2024年依申请公开遵循了哪几条机制？",
                    "青岚交通局2024年办理依申请公开有哪几项工作机制", "青岚交通局2024年处理公开申请坚持的机制有哪些？"]


@pytest.mark.parametrize("text", MECHANISMS_ASKED)
def test_the_mechanisms_of_a_table_topic_are_a_list_not_its_count(ask, text: str) -> None:
    _lists(ask(text), MECHANISMS, not_said=("31件",))


@pytest.mark.parametrize(("text", "items"), [
    ("青岚交通局2024年信息发布建立了哪几项制度？", ["信息发布审核", "保密审查", "档案管理"]),
    ("青岚交通局2024年信息发布落实了哪些要求", ["三审三校", "先审后发"]),
    ("青岚交通局2024年通过哪些方式听取群众意见？", ["座谈会", "问卷调查", "网上留言"]),
    ("青岚交通局2024年为了确保发布信息准确安全，健全了哪几项机制？", ["舆情监测", "应急回应", "风险评估"]),
])
def test_neighbouring_lists_of_systems_requirements_and_ways(ask, text: str, items: list[str]) -> None:
    _lists(ask(text), items, not_said=("31件",))


PUBLICITY = ["各社区宣传栏公示", "组织网格员入户讲解"]
PUBLICITY_ASKED = ["青岚交通局2024年出台重点政策的时候，是用什么办法让老百姓知道的？",
                   "青岚交通局2024年重点政策出台后，通过什么途径告诉群众？", "青岚交通局2024年出台重点政策时怎么让群众了解的？",
                   "青岚交通局2024年靠什么方式让老百姓知道新出台的重点政策？", "青岚交通局2024年通过哪些渠道让公众知晓重点政策",
                   "青岚交通局2024年用啥法子让群众知道出台的重点政策", "青岚交通局2024年出台重点政策，如何让群众知晓？"]


@pytest.mark.parametrize("text", PUBLICITY_ASKED)
def test_the_means_of_an_activity_asked_with_its_purpose(ask, text: str) -> None:
    _lists(ask(text), PUBLICITY, not_said=("座谈会",))


ROLES_SAID = ["一把手负总责", "分管领导具体抓", "办公室专人负责日常信息发布"]
ROLES_ASKED = ["青岚交通局2024年的信息公开工作，局领导之间是怎么分工抓的？", "青岚交通局2024年政务公开谁负责什么？",
               "青岚交通局2024年信息公开工作的责任是怎么划分的", "青岚交通局2024年政务公开的组织架构是怎样的？",
               "青岚交通局2024年领导是怎么抓信息公开工作的？", "青岚交通局2024年信息公开工作是怎么分工的",
               "青岚交通局2024年政务公开领导和科室各自负责什么？"]


@pytest.mark.parametrize("text", ROLES_ASKED)
def test_the_division_of_work_lists_each_role_with_its_task(ask, text: str) -> None:
    _lists(ask(text), ROLES_SAID, not_said=("31件",))


@pytest.mark.parametrize("text", ["青岚交通局2024年收到几件申请？", "青岚交通局2024年依申请公开办了几条？",
                                  "青岚交通局2024年企业申请了多少件"])
def test_counts_of_a_table_row_stay_with_the_table(ask, text: str) -> None:
    a = ask(text)
    assert a.found and a.route == "table", a


@pytest.mark.parametrize(("text", "kind"), [
    ("某局2024年办依申请公开，坚持了哪几条工作机制？", RULES), ("某局2024年政府采购遵循了哪些原则", RULES),
    ("某局2024年出台重点政策时是用什么办法让老百姓知道的？", MEANS), ("某局2024年局领导是怎么分工抓的？", ROLES),
])
def test_the_kinds_are_read_from_the_wording(text: str, kind: str) -> None:
    scope = scope_asked(text, ("某局",))
    assert scope is not None and scope.kind == kind, scope


def test_the_list_ending_at_the_rule_word_comes_before_the_one_after_it() -> None:
    text = "健全信息发布审核、保密审查、风险排查机制，确保信息准确、安全。"
    scope = scope_asked("某局2024年为了信息准确安全健全了哪几项机制？", ("某局",))
    assert scope is not None and [text[a:b] for a, b in scoped_items(text, scope).items] == ["信息发布审核", "保密审查", "风险排查"]


def test_a_sentence_naming_one_role_only_is_no_division() -> None:
    scope = scope_asked("某局2024年信息公开工作是怎么分工的？", ("某局",))
    assert scope is not None and scoped_items("办公室负责信息发布，全年发布信息30条。", scope).items == []


def test_a_list_in_a_clause_before_the_one_naming_the_platform_is_not_its_list() -> None:
    from govqa.qa.scoped_lists import AREA, Scope, scoped_items

    # 在某平台发布的是什么: the list said of another channel, one clause (；) earlier, does not answer
    text = ("依托门户网站专栏，发布政策解读38条、工作动态12期；在东岚省网上办事大厅同步发布“一网通办”事项，"
            "并及时更新办事指南。")
    assert scoped_items(text, Scope(AREA, "东岚省网上办事大厅")).items == []
    after = "在东岚省网上办事大厅发布社保办理、户籍迁移、证照补办等事项。"
    items = scoped_items(after, Scope(AREA, "东岚省网上办事大厅")).items
    assert [after[a:b] for a, b in items] == ["社保办理", "户籍迁移", "证照补办"]
