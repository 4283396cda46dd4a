"""Round-24 robustness to rewording: 毛病/不足/短板/漏洞 for 问题 in a problems question; a stated count asked with
the thing first (解读的政策性文件有几条 / 对政策性文件作了几次解读); the accounts an agency runs asked as 有哪些账号.
Real SQLite; every report, sentence and number here is our own."""

from __future__ import annotations

from pathlib import Path

import pytest

from govqa.qa.answer import answer_question
from govqa.qa.reach import ACCOUNT_ASKED
from govqa.qa.section_list import PROBLEMS, asked_part
from govqa.qa.stated_counts import count_said
from tests.qa.conftest import sentence_chunks, years_store
from tests.qa.test_rewordings23 import EveryRetriever

AGENCY = "青梧区水利局"
TEXT = {2022: ("青梧区水利局2022年政府信息公开工作年度报告\n"
               "一、总体情况\n"
               "（一）主动公开。全年主动公开政府信息96条。全年解读政策性文件7条，召开新闻发布会2场。明确财政预决算、重大项目审批、行政处罚结果等事项一律公开。"
               "主办政务新媒体账号3个，分别为“青梧水利”微信公众号、“青梧水利”政务微博和“青梧水务”抖音号。\n"
               "（二）监督保障。建立健全保密审查制度、工作考核制度和责任追究制度。"
               "将政务公开工作纳入年度绩效考核，并列入局党组重点工作。\n"
               "二、存在的主要问题及改进情况\n"
               "（一）存在问题。一是公开内容不够全面；二是政策解读形式单一；三是新媒体更新不够及时。\n"
               "（二）改进措施。下一步将继续提升公开质量。\n"
               "青梧区水利局 2023年1月16日")}


@pytest.fixture
def ask(tmp_path: Path, settings):
    store = years_store(tmp_path / "reword24.db", agency=AGENCY, short="水利局", alias="青梧水利局", texts=TEXT,
                        cells={}, prefix="v")
    retriever = EveryRetriever(sentence_chunks(TEXT, agency=AGENCY, short="水利局", prefix="v"))

    def _ask(text: str):
        return answer_question(text, store=store, retriever=retriever, conversation=None, settings=settings)
    return _ask


@pytest.mark.parametrize("question", [
    "青梧水利局2022年年报主要是挑了哪些毛病？",
    "青梧水利局2022年信息公开存在啥毛病？",
    "青梧水利局2022年政务公开工作还有哪些不足？",
    "青梧水利局2022年工作存在哪些短板？",
    "青梧水利局2022年信息公开有什么漏洞？",
    "水利局2022年暴露出哪些毛病",
])
def test_problems_said_in_other_words(question: str) -> None:
    part = asked_part(question)
    assert part is not None and part.name == PROBLEMS, (question, part)


@pytest.mark.parametrize("question", ["青梧水利局2022年信息公开有什么漏洞？", "青梧水利局2022年还有哪些不足？"])
def test_problems_said_otherwise_find_the_listed_problems(ask, question: str) -> None:
    answer = ask(question)  # no parts stored here: the sentences are chosen by the quote choice alone
    assert answer.found and "形式单一" in answer.text and "不够及时" in answer.text, (question, answer.text)


@pytest.mark.parametrize("question", [
    "青梧水利局2022年解读的政策性文件有几条？",
    "青梧水利局2022年对政策性文件作了几次解读？",
    "青梧水利局2022年解读过的政策性文件一共多少条",
    "青梧水利局2022年对政策性文件进行了几次解读",
])
def test_a_stated_count_asked_thing_first(ask, question: str) -> None:
    answer = ask(question)
    assert answer.found and "7" in answer.text and "解读政策性文件" in answer.text, (question, answer.text)


@pytest.mark.parametrize("question", [
    "青梧水利局2022年主办的政务新媒体有哪些账号？",
    "青梧水利局2022年的新媒体都有哪些账号",
    "青梧水利局2022年开通的政务新媒体账号有哪些？",
])
def test_accounts_asked_as_which_accounts(ask, question: str) -> None:
    assert ACCOUNT_ASKED.search(question), question
    answer = ask(question)
    assert answer.found and all(n in answer.text for n in ("青梧水利", "青梧水务")), (question, answer.text)


@pytest.mark.parametrize("question", [
    "青梧水利局2022年把政务公开放进了哪些东西里？",
    "青梧水利局2022年政务公开纳进了哪些工作里？",
    "青梧水利局2022年政务公开写进了哪些地方",
    "青梧水利局2022年政务公开工作列进了哪些东西",
])
def test_what_the_work_was_put_into_said_in_everyday_verbs(ask, question: str) -> None:
    answer = ask(question)
    assert answer.found and "纳入年度绩效考核" in answer.text and "局党组重点工作" in answer.text, (question, answer.text)


@pytest.mark.parametrize("question", [
    "青梧水利局2022年规定了哪些事项必须全部公开？",
    "青梧水利局2022年哪些事项都必须公开？",
    "青梧水利局2022年哪些事项一律公开",
    "青梧水利局2022年明确哪些事项要全部公开",
])
def test_what_must_all_be_disclosed(ask, question: str) -> None:
    answer = ask(question)
    assert answer.found, (question, answer.text)
    assert all(item in answer.text for item in ("财政预决算", "重大项目审批", "行政处罚结果")), (question, answer.text)


@pytest.mark.parametrize("question", [
    "青梧水利局2022年建立健全了什么制度？",
    "青梧水利局2022年建了什么制度",
    "青梧水利局2022年健全了啥制度？",
])
def test_what_system_gives_every_system_the_sentence_lists(ask, question: str) -> None:
    answer = ask(question)
    lead = answer.text.split("根据")[0]
    assert answer.found and all(n in lead for n in ("保密审查制度", "工作考核制度", "责任追究制度")), answer.text
    assert "健全保密" not in lead, answer.text


@pytest.mark.parametrize("question", [
    "青梧水利局2022年监督保障方面建了哪些制度？",
    "青梧水利局2022年在监督保障上建起了哪些制度？",
    "青梧水利局2022年监督保障方面建立了哪些制度",
])
def test_systems_built_said_plainly(ask, question: str) -> None:
    answer = ask(question)
    assert answer.found and "坚持的制度共3项" in answer.text, answer.text
    assert all(f"· {n}" in answer.text for n in ("保密审查制度", "工作考核制度", "责任追究制度")), answer.text
    assert "纳入年度绩效考核" not in answer.text, answer.text  # the systems, not every line of the part


COUNTS = "全年主动公开政府信息96条，回应依申请公开信息3条，解读政策性文件7条，召开新闻发布会2场。"


@pytest.mark.parametrize("question", [
    "水利局2022年解读的政策性文件有几条",
    "水利局2022年对政策性文件作了几次解读",
    "水利局2022年对政策性文件进行了多少次解读？",
    "水利局2022年解读过的政策性文件一共多少条",
    "水利局2022年政策性文件解读了多少条",
])
def test_the_count_said_after_its_action_whatever_the_order(question: str) -> None:
    assert count_said(COUNTS, question) == "解读政策性文件7条", question


@pytest.mark.parametrize("question", ["水利局2022年对新闻发布会作了几次报道", "水利局2022年对政策性文件作了几次审查"])
def test_another_action_done_to_the_thing_is_no_stated_count(question: str) -> None:
    assert count_said(COUNTS, question) == "", question
