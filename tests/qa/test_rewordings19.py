"""Round-19 robustness to rewording (issue 12): a passing question said another way by another citizen must still be
answered. Kinds: the work under a quoted heading word asked as a noun (“周密细致”都指哪些做法 / 有哪些“强化”的措施):
the part's items, not the word's expansion as an abbreviation; the agency named after a year (2022年江北财政局…): its
short stretch 江北 is no content word, as when the name comes first; a part's title before 是怎么做的 / 都做了哪些工作
after the year and the agency (2020年东岚局全面推进政务公开是怎么做的): that part, not the outline. Real SQLite; every report, sentence and number here
is our own."""

from __future__ import annotations

from pathlib import Path

import pytest

from govqa.qa.answer import answer_question
from govqa.qa.extract import scope_words
from govqa.qa.scoped_lists import ABBREVIATION, scope_asked
from govqa.qa.section_list import asked_topic
from govqa.qa.words import content_tokens
from tests.qa.conftest import FakeRetriever, sentence_chunks, years_store

PORT = "青梧县港航局"
PORT_TEXT = {2022: ("青梧县港航局2022年政府信息公开工作年度报告\n"
                    "一、总体情况\n"
                    "（一）强化组织保障。局主要领导牵头，调整政务公开领导小组成员12名。\n"
                    "（二）强化审核把关。对拟公开信息实行三级审核，全年审核稿件356篇。\n"
                    "（三）强化平台建设。改版门户网站政务公开专栏，新增栏目7个。\n"
                    "（四）精准细致，做好信息管理。一是按月清理过期文件，二是建立公开台账。\n"
                    "二、存在的主要问题及改进情况一是解读形式单一。二是栏目更新偏慢。\n青梧县港航局 2023年1月16日")}


@pytest.fixture
def ask(tmp_path: Path, settings):
    store = years_store(tmp_path / "reword19.db", agency=PORT, short="港航局", alias="青梧港航局", texts=PORT_TEXT,
                        cells={}, prefix="p")
    retriever = FakeRetriever(sentence_chunks(PORT_TEXT, agency=PORT, short="港航局", prefix="p"))

    def _ask(text: str):
        return answer_question(text, store=store, retriever=retriever, conversation=None, settings=settings)
    return _ask


@pytest.mark.parametrize("question", [
    "港航局2022年政务公开上有哪些“强化”的做法呢", "港航局2022年采取了哪些“强化”措施？",
    "港航局2022年那几个“强化”都是些什么工作", "港航局2022年有哪几项“强化”举措",
])
def test_the_work_under_a_quoted_heading_word(ask, question: str) -> None:
    answer = ask(question)
    assert answer.found, answer
    for item in ("强化组织保障", "强化审核把关", "强化平台建设"):
        assert item in answer.text, answer.text


@pytest.mark.parametrize("question", [
    "港航局说的“精准细致”都指哪些做法", "港航局2022年“精准细致”具体指的是哪些工作？",
])
def test_a_quoted_heading_asked_by_its_work_is_no_abbreviation(question: str) -> None:
    scope = scope_asked(question)
    assert scope is None or scope.kind != ABBREVIATION, scope


@pytest.mark.parametrize("question", ["“五公开”指的是哪些工作", "“放管服”指的是什么", "“两微一端”都有哪些"])
def test_an_abbreviation_is_still_expanded(question: str) -> None:
    scope = scope_asked(question)
    assert scope is not None and scope.kind == ABBREVIATION, scope


@pytest.mark.parametrize("question", [
    "2022年江北财政局主动公开信息占全部信息的比例", "今年江北财政局的信息公开情况", "那么江北财政局的信息呢",
    "江北财政局2022年主动公开信息",
])
def test_a_name_after_a_year_locates_the_report_whole(question: str) -> None:
    """A short stretch of the name (江北) before a longer one (财政局) names the agency wherever the name stands."""
    named = [w for w in content_tokens(question) if w in "江北财政局"]
    assert "江北" in named and set(named) <= set(scope_words(question, ["江北区财政局"])), named


def test_a_short_stretch_alone_inside_the_question_is_a_word() -> None:
    """信息 inside 工业和信息化厅 is no name when it stands alone after a year."""
    assert scope_words("2019年信息公开工作做了什么", ["河北省工业和信息化厅"]) == []


@pytest.mark.parametrize("question", [
    "2022年港航局强化审核把关是怎么做的？", "港航局2022年强化审核把关都做了哪些工作呢", "2022年青梧港航局强化审核把关是如何开展的",
])
def test_a_named_part_before_how_it_was_done(ask, question: str) -> None:
    """The part's title said before 是怎么做的 / 都做了哪些工作, after the year and the agency in either order."""
    answer = ask(question)
    assert answer.found, answer
    assert "三级审核" in answer.text and "新增栏目" not in answer.text, answer.text


@pytest.mark.parametrize(("question", "topic"), [
    ("2021年东岚水利局政府采购公开是怎么抓的", "政府采购公开"), ("东岚水利局2021年行政许可公开都做了哪些工作", "行政许可公开"),
    ("东岚水利局2021年政务公开工作是如何开展的", ""), ("2022年东岚水利局下一步准备怎么做", ""),
    ("2022年东岚水利局信息公开是怎么落实专人的", ""), ("东岚水利局信息公开工作是怎么抓的呢", ""),
])
def test_the_agency_and_year_are_no_part_of_the_topic(question: str, topic: str) -> None:
    assert asked_topic(question) == topic


def test_a_name_before_a_short_form_after_a_year() -> None:
    """江北 before the short form 经发局 (江北区经济发展局) names the agency, the year first or not."""
    for question in ("2022年江北经发局信息发布是几审几校", "江北经发局2022年信息发布是几审几校"):
        assert "江北" in scope_words(question, ["江北区经济发展局"]), scope_words(question, ["江北区经济发展局"])
