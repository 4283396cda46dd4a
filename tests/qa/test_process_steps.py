"""The steps of a process a report states in one sentence (qa/process_steps.py through qa/enumerations.py): a review
chain joined by 、, a chain of clauses (…后报…，最后由…), arrows and levels (三级审核), asked in many wordings; a report
stating no process answers none; and a column newly opened (新开 / 新增) is read from the sentence that says it new,
its names joined by 和 kept whole inside a 、-list (qa/sentence_names.py). Hand-written reports."""

from __future__ import annotations

import pytest
from listed_parts import holds, listed_items

from govqa.qa.process_steps import chain_steps, process_asked

REPORT = (
    "青梧区交通运输局2023年政府信息公开工作年度报告\n一、总体情况\n"
    "2023年，我局坚持以公开为常态、不公开为例外，按照“谁公开、谁审查”原则开展工作。\n"
    "信息发布严格执行拟稿人初核、科室负责人把关、分管领导审批流程，确保信息准确。\n"
    "在门户网站开设政策文件、通知公告、工作动态等栏目，公开信息215条。\n"
    "及时在门户网站专题专栏内维护3个，新增安全生产、道路运输规则和标准、优化营商环境专栏3个。\n"
    "二、主动公开政府信息情况\n表略。\n")
CHAIN = (
    "青梧区文旅局2022年政府信息公开工作年度报告\n一、总体情况\n"
    "在信息管理方面，实行由各科室负责采编把关，办公室汇总修改审核后报分管领导审定，最后由办公室统一报送的机制。\n"
    "二、主动公开政府信息情况\n表略。\n")
NONE = "青梧区水务局2023年政府信息公开工作年度报告\n一、总体情况\n全年开设政策文件、通知公告、工作动态等栏目。\n"
STEPS = ["拟稿人初核", "科室负责人把关", "分管领导审批"]
CHAINED = ["采编把关", "汇总修改审核", "分管领导审定", "统一报送"]
ASKED = ["一条信息发出去之前要过哪几道关？", "信息发布要经过哪些环节", "发布信息的审核流程是怎样的？有哪些步骤",
         "信息公开前要走哪些流程", "发信息要过几道关", "信息发布前的审批流程都有哪些环节", "信息发出去要经过谁签字？",
         "发布一条信息中间要经过哪些程序", "信息发布实行几级审核"]


@pytest.mark.parametrize("question", ASKED)
def test_the_steps_of_a_review_chain_are_read_in_order(question: str) -> None:
    assert process_asked(question), question
    assert holds(listed_items(REPORT, question), STEPS), question


@pytest.mark.parametrize("question", ["信息从采编到报送，中间要经过哪些环节？", "信息报送要过哪几道关", "信息报送的流程是怎样的，有哪些环节"])
def test_a_chain_of_clauses_is_read_step_by_step(question: str) -> None:
    assert holds(listed_items(CHAIN, question), CHAINED), question


@pytest.mark.parametrize("question", ASKED[:4])
def test_a_report_stating_no_process_answers_none(question: str) -> None:
    assert listed_items(NONE, question) == [], question


@pytest.mark.parametrize(("text", "steps"), [
    ("信息发布实行拟稿→科室审核→分管领导签发。", ["拟稿", "科室审核", "分管领导签发"]),
    ("实行承办科室、办公室、分管领导三级审核。", ["承办科室", "办公室", "分管领导"]),
    ("坚持先审查后公开原则，经科室初审、法规科复核后，报主要领导签发。", ["科室初审", "法规科复核", "报主要领导签发"]),
])
def test_arrows_levels_and_a_chain_going_on_after_its_list(text: str, steps: list[str]) -> None:
    assert [text[a:b] for a, b in chain_steps(text, 0)] == steps


@pytest.mark.parametrize("question", ["在哪些媒体发布了信息", "重点公开了哪些领域", "开设了哪些栏目", "收到多少件申请", "通过哪些渠道申请",
                                      "通过哪些媒体解读政策", "回应过哪些热点问题"])
def test_neighbours_are_no_process(question: str) -> None:
    assert not process_asked(question), question


@pytest.mark.parametrize("question", ["在政府网站上新开了哪些专栏？", "新增了哪些专栏", "今年增设了哪几个专栏",
                                      "网站上新建了哪些专栏"])
def test_a_column_newly_opened_is_read_from_the_sentence_saying_it_new(question: str) -> None:
    assert listed_items(REPORT, question) == ["安全生产", "道路运输规则和标准", "优化营商环境"], question


@pytest.mark.parametrize("question", ["网站开设了哪些栏目", "门户网站设置了哪些栏目"])
def test_columns_asked_without_new_keep_the_first_sentence(question: str) -> None:
    assert listed_items(REPORT, question) == ["政策文件", "通知公告", "工作动态"], question


def test_a_sentence_moving_columns_after_a_noun_already_said_names_no_set_up_columns() -> None:
    text = ("青梧区林业局2022年政府信息公开工作年度报告\n一、总体情况\n"
            "对接调整门户网站的栏目设置，如取消“林木采伐”栏目，并将该栏目内容移转至“涉林补贴”栏目。\n"
            "微信公众号设置了“林业动态”“政策解读”“互动交流”等3个栏目，方便公众获取信息。\n")
    assert listed_items(text, "微信公众号设了哪几个栏目？") == ["林业动态", "政策解读", "互动交流"]


ROLES = ("青梧区林业局2021年政府信息公开工作年度报告\n一、总体情况\n"
         "2021年，我局明确了信息公开的申请、受理、审查、处理、答复等各个环节的要求。\n"
         "凡对外发布的信息都经办公室信息员、业务股室负责人和分管副局长严格审核后才能上网，涉密信息一律不发布。\n"
         "二、主动公开政府信息情况\n表略。\n")
REVIEWERS = ["办公室信息员", "业务股室负责人", "分管副局长"]


@pytest.mark.parametrize("question", [
    "青梧区林业局2021年信息对外发布之前要哪几级签批？", "青梧区林业局2021年信息上网前由谁审核？",
    "青梧区林业局2021年发布信息要经过哪几级审核", "青梧区林业局2021年信息发布谁来把关",
    "青梧区林业局2021年对外发布的信息需要哪些人审核", "青梧区林业局2021年的信息要经过谁审批才能公开"])
def test_reviewers_before_a_shared_verb_are_the_chain_when_asked_who(question: str) -> None:
    assert listed_items(ROLES, question) == REVIEWERS


def test_reviewers_chain_keeps_each_role_and_drops_the_shared_verb() -> None:
    text = "稿件由经办人、股室负责人及局主要领导逐级审定后上网。"
    assert [text[a:b] for a, b in chain_steps(text, 0)] == ["经办人", "股室负责人", "局主要领导"]
    text = "经科室初审、法规科复核后，报主要领导签发。"
    assert [text[a:b] for a, b in chain_steps(text, 0)] == ["科室初审", "法规科复核", "报主要领导签发"]
