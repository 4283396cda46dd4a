"""Lists whose items are in the prose (round 19): the principles one named service kept to (按“A，B”的原则), rules
listed as lines under a heading that names them, and the steps of one named mechanism picked by the question's
qualifier words over another process's longer list. Fixtures are written for these tests."""

from __future__ import annotations

import pytest

from govqa.core.types import Question
from govqa.qa import prose_facts
from govqa.qa.enumerations import best_items, items_asked
from govqa.qa.parts import PROBLEM_WORDS
from govqa.qa.scoped_lists import RULES, scope_asked, scoped_items

SERVICE = ("三是优化审批服务。紧扣群众办事需求，按照“一窗受理，一次告知，限时办结”的原则，推出“一件事”套餐服务事项8项。")
PRINCIPLE_ASKED = ["某局2022年推“一件事”套餐服务，按的是什么原则？", "某局推出一件事套餐服务遵循了哪些原则",
                   "“一件事”套餐服务是按照什么原则推的？", "某局搞套餐服务讲究什么原则", "套餐服务的原则有哪些？",
                   "某局套餐服务是本着哪几条原则来办的", "“一件事”套餐服务依据的原则是什么？", "一件事套餐服务坚持啥原则",
                   "推“一件事”套餐服务有什么要求", "“一件事”套餐服务的原则是哪几条"]


@pytest.mark.parametrize("question", PRINCIPLE_ASKED)
def test_quoted_principles_of_a_named_service(question: str) -> None:
    scope = scope_asked(question)
    assert scope is not None and scope.kind == RULES
    assert [SERVICE[a:b] for a, b in scoped_items(SERVICE, scope).items] == ["一窗受理", "一次告知", "限时办结"]


def test_a_quoted_term_asked_itself_is_still_its_parts() -> None:
    scope = scope_asked("某局2022年报里的“三公开”是指哪三个？")
    assert scope is not None and scope.kind != RULES


HEADED = ("二、政务公开原则\n\n依法依规\n公开事项依照法律法规进行；\n\n真实准确\n公开内容真实可信，及时更新；\n\n"
          "便民利民\n方便群众查询和监督。\n\n\n某某县人民政府\n")
NUMBERED = "五、公开工作原则\n1、依法公开\n2、及时准确\n3、便于监督\n六、其他\n"
HEADED_ASKED = ["某县政务公开讲究哪几条原则？", "某县的政务公开原则有哪些", "某县搞政务公开要坚持什么原则",
                "某县政务公开遵循哪些原则", "政务公开按照什么原则来做"]


@pytest.mark.parametrize("question", HEADED_ASKED)
def test_principles_listed_as_lines_under_a_heading(question: str) -> None:
    scope = scope_asked(question)
    assert scope is not None and scope.kind == RULES
    assert [HEADED[a:b] for a, b in scoped_items(HEADED, scope).items] == ["依法依规", "真实准确", "便民利民"]


def test_numbered_lines_end_at_the_next_heading() -> None:
    scope = scope_asked("公开工作遵循哪几条原则？")
    assert scope is not None
    assert [NUMBERED[a:b] for a, b in scoped_items(NUMBERED, scope).items] == ["依法公开", "及时准确", "便于监督"]


MECHANISMS = ("制定申请办理规范，含收件、登记、审查、补正、办理、答复、送达等 10个环节，覆盖办理全流程。"
              "畅通救济渠道，建立政府信息公开投诉举报受理、核查、回复工作机制，规范办理投诉举报，全年受理投诉举报12件；做好复议工作。")
MECHANISM_ASKED = ["某厅2020年建立的政府信息公开投诉举报工作机制包括哪几个环节？", "某厅的投诉举报机制有哪些环节",
                   "投诉举报是怎么处理的，分哪几步？", "投诉举报工作机制都有啥流程", "某厅办投诉举报要经过哪些环节？",
                   "投诉举报机制具体有哪几个步骤", "某厅投诉举报机制有哪几个环节", "投诉举报的机制包括哪些环节"]


@pytest.mark.parametrize("question", MECHANISM_ASKED)
def test_the_named_mechanisms_steps_over_a_longer_list(question: str) -> None:
    scope = scope_asked(question)
    assert scope is None or scope.kind != RULES  # a mechanism's steps, not the mechanisms it kept to
    ask = items_asked(question)
    assert ask is not None and ask.process
    assert [MECHANISMS[a:b] for a, b in best_items(MECHANISMS, 0, len(MECHANISMS), ask)] == ["受理", "核查", "回复"]


@pytest.mark.parametrize("question", ["某厅办理申请的规范含哪些环节？", "申请办理规范规定了哪几个环节"])
def test_the_other_process_still_answers_its_own_question(question: str) -> None:
    ask = items_asked(question)
    assert ask is not None
    assert [MECHANISMS[a:b] for a, b in best_items(MECHANISMS, 0, len(MECHANISMS), ask)] == \
        ["收件", "登记", "审查", "补正", "办理", "答复", "送达"]


CHECKED = "部分栏目更新不及时，解读形式单一。下一步，我局将加强培训。同时，我局将对更新频率和信息内容进行常态化自查，做到发现问题及时整改。"
CHECKED_ASKED = ["某局2024年年报提到要对哪几方面开展常态化自查？", "某局要对哪些东西搞常态化自查", "常态化自查查的是哪几块？",
                 "某局常态化自查哪些方面", "某局打算对哪几个方面进行常态化自查"]


@pytest.mark.parametrize("question", CHECKED_ASKED)
def test_two_items_joined_by_and_before_the_questions_own_words(question: str) -> None:
    ask = items_asked(question)
    assert ask is not None
    assert [CHECKED[a:b] for a, b in best_items(CHECKED, 0, len(CHECKED), ask)] == ["更新频率", "信息内容"]


def test_what_is_checked_is_not_the_problems_part() -> None:
    assert not PROBLEM_WORDS.search("某局会对哪几方面开展常态化自查？")
    assert PROBLEM_WORDS.search("自查发现了哪些不足")


def test_two_pieces_of_work_are_no_pair_of_things() -> None:
    text = "六是强化政务信息管理和完善政务公开制度体系。"
    ask = items_asked("某局2020年健全完善了哪些政务公开方面的制度？")
    assert ask is not None and best_items(text, 0, len(text), ask) == []


def test_the_columns_the_question_names_are_not_what_they_hold() -> None:
    text = "根据要求，在“规划信息”和“重点领域”栏目，定期发布我局预算执行、抽查结果、行政处罚等信息。"
    ask = items_asked("某局在“规划信息”“重点领域”栏目里定期发布哪些信息？")
    assert ask is not None
    assert [text[a:b] for a, b in best_items(text, 0, len(text), ask)] == ["我局预算执行", "抽查结果", "行政处罚"]


def test_a_chain_of_review_beats_a_list_before_a_process_word() -> None:
    text = ("规范信息公开流程、公开属性界定、信息建档归类等流程，及时公开信息。"
            "信息发布前严格遵循经办人初核、科室负责人把关、分管领导审批的流程。")
    ask = items_asked("某局一条信息发出去之前要过哪几道关？")
    assert ask is not None
    assert [text[a:b] for a, b in best_items(text, 0, len(text), ask)] == ["经办人初核", "科室负责人把关", "分管领导审批"]


STRENGTHENED = ("（五）强化监督保障。厅主要负责人高度重视，积极协调解决难点问题。加强经费保障和人员保障，将政务公开工作列入年度绩效考核。"
                "全年加强主动公开、决策公开、执行公开，发布各类信息4987篇。")


@pytest.mark.parametrize("question", ["那保障方面加强的是哪两块？", "某厅2023年在保障上加强了哪些方面", "某厅2023年加强了哪几方面的保障"])
def test_a_pair_right_after_the_questions_verb(question: str) -> None:
    ask = items_asked(question)
    assert ask is not None
    assert [STRENGTHENED[a:b] for a, b in best_items(STRENGTHENED, 0, len(STRENGTHENED), ask)] == ["经费保障", "人员保障"]


@pytest.mark.parametrize("question", ["某区的查阅点给来查询的群众提供哪些免费服务？", "某区查阅点能免费提供哪些服务",
                                      "某区查阅点为群众提供了哪几种免费服务"])
def test_which_free_services_is_a_list_not_a_fee(question: str) -> None:
    kind = prose_facts.asked_kind(Question(text=question, agencies=("某区人民政府",)))
    assert kind is None or kind.name != "fee"
    text = "一是建设查阅点，配备查询设备5套，并对查询群众提供免费查询、打印、复印服务。二是推行小程序。"
    ask = items_asked(question)
    assert ask is not None
    items = [text[a:b] for a, b in best_items(text, 0, len(text), ask)]
    assert len(items) == 3 and "打印" in items


@pytest.mark.parametrize("question", ["某区查信息要收费吗", "某区申请信息公开收不收费"])
def test_a_fee_is_still_a_fee(question: str) -> None:
    kind = prose_facts.asked_kind(Question(text=question, agencies=("某区人民政府",)))
    assert kind is not None and kind.name == "fee"


NEIGHBOURS = ("建立信息发布审核制度，明确发布前须经过拟稿、审核、签发三个环节。开展“清理僵尸栏目”专项行动，要求做到栏目有更新、内容有审核、"
              "问题有整改。“政务公开专区”设有政策查阅、办事咨询、意见收集三个功能区。")


@pytest.mark.parametrize(("question", "expected"), [
    ("信息发布审核制度包括哪几个环节？", ["拟稿", "审核", "签发"]),
    ("发布前要经过哪几步", ["拟稿", "审核", "签发"]),
    ("清理僵尸栏目专项行动要求做到哪几点？", ["栏目有更新", "内容有审核", "问题有整改"]),
    ("政务公开专区里有哪些功能区？", ["政策查阅", "办事咨询", "意见收集"]),
])
def test_neighbouring_kinds_a_system_a_campaign_a_platform(question: str, expected: list[str]) -> None:
    ask = items_asked(question)
    assert ask is not None
    assert [NEIGHBOURS[a:b] for a, b in best_items(NEIGHBOURS, 0, len(NEIGHBOURS), ask)] == expected


def test_a_named_campaigns_requirements_as_a_scope() -> None:
    scope = scope_asked("“清理僵尸栏目”行动有哪些要求")
    assert scope is not None and scope.kind == RULES
    assert [NEIGHBOURS[a:b] for a, b in scoped_items(NEIGHBOURS, scope).items] == ["栏目有更新", "内容有审核", "问题有整改"]


def test_two_aims_after_a_verb_are_no_pair_of_items() -> None:
    text = ("下一步，我局将紧紧围绕片区中心工作和社会公众关切，推进公开。公众号及时更新工作动态、政策解读、答复咨询等内容。")
    ask = items_asked("某局2021年微信公众号发的文章主要涉及哪些内容？")
    assert ask is not None
    assert [text[a:b] for a, b in best_items(text, 0, len(text), ask)] == ["工作动态", "政策解读", "答复咨询"]


SPENT = "三是安排政务公开工作经费20万元，较上年增长10%，主要用于打造标准化查询示范点、政务公开专区建设。同时选聘监督员10名。"


@pytest.mark.parametrize("question", ["某区2020年政务公开经费主要用在哪些地方？", "某区政务公开工作经费花在哪些方面了",
                                      "这笔经费都用于哪些事"])
def test_what_money_went_to(question: str) -> None:
    ask = items_asked(question)
    assert ask is not None
    assert [SPENT[a:b] for a, b in best_items(SPENT, 0, len(SPENT), ask)] == ["打造标准化查询示范点", "政务公开专区建设"]
