"""Round-24 robustness to rewording: 毛病/不足/短板/漏洞 for 问题 in a problems question; a stated count asked with
the thing first (解读的政策性文件有几条 / 对政策性文件作了几次解读); the accounts an agency runs asked as 有哪些账号.
Real SQLite; every report, sentence and number here is our own."""

from __future__ import annotations

from pathlib import Path

import pytest

from govqa.qa.answer import answer_question
from govqa.qa.section_list import PROBLEMS, asked_part
from tests.qa.conftest import sentence_chunks, years_store
from tests.qa.test_rewordings23 import EveryRetriever

AGENCY = "青梧区水利局"
TEXT = {2022: ("青梧区水利局2022年政府信息公开工作年度报告\n"
               "一、总体情况\n"
               "（一）主动公开。全年主动公开政府信息96条。全年解读政策性文件7条，召开新闻发布会2场。"
               "主办政务新媒体账号3个，分别为“青梧水利”微信公众号、“青梧水利”政务微博和“青梧水务”抖音号。\n"
               "（二）监督保障。建立健全信息发布审核制度、工作考核制度和责任追究制度。"
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
    answer = ask(question)
    assert answer.found and all(n in answer.text for n in ("青梧水利", "青梧水务")), (question, answer.text)
