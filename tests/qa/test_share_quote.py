"""A share stated in prose (X占N%) asked by its name: 占全部的比例是多少 / 占比多少 / 占百分之几 / 所占比重. The sentence
states the share without naming it, so a share word counts as found in a sentence holding a percentage
(qa/overlap.word_credit); the quote answers whatever particle the question glues to its words (公开的 / 公开).
Real SQLite; every report, sentence and number here is our own."""

from __future__ import annotations

from pathlib import Path

import pytest

from govqa.qa.answer import answer_question
from govqa.qa.extract import question_weights
from govqa.qa.overlap import coverage_of, word_credit
from govqa.qa.quote_choice import MIN_COVERAGE
from tests.qa.conftest import sentence_chunks, years_store
from tests.qa.test_rewordings18 import OverlapRetriever

BODY = "青梧县商务局"
TEXT = {2023: ("青梧县商务局2023年政府信息公开工作年度报告\n"
               "一、总体情况本局全年共发布政府信息120条。"
               "主动公开的政府信息占41%。"
               "依申请公开的信息占59%。"
               "本局持续推进政务公开标准化建设。"
               "深入推进“马上办”“就近办”改革，事项标准化100%。"
               "梳理“就近办、马上办”事项150项，占200项的75%，完成比率居全县前列。"
               "二、其他需要报告的事项本机关未收取信息处理费。\n青梧县商务局 2024年1月20日")}


@pytest.fixture
def ask(tmp_path: Path, settings):
    store = years_store(tmp_path / "share.db", agency=BODY, short="商务局", alias="青梧商务局", texts=TEXT,
                        cells={}, prefix="s")
    retriever = OverlapRetriever(sentence_chunks(TEXT, agency=BODY, short="商务局", prefix="s"))
    return lambda text: answer_question(text, store=store, retriever=retriever, conversation=None,
                                             settings=settings)


@pytest.mark.parametrize("question", [
    "青梧县商务局2023年主动公开的政府信息占全部信息的比例是多少？",
    "商务局2023年主动公开的政府信息占比多少",
    "商务局2023年主动公开的信息占百分之几？",
    "商务局2023年主动公开信息所占的比重是多少？",
    "商务局2023年主动公开的政府信息占总数的百分比是多少",
    "商务局2023年主动公开的政府信息占了多大比例啊",
    "商务局2023年主动公开政府信息的占比是多少？",
])
def test_a_share_stated_in_prose_is_quoted(ask, question: str) -> None:
    answer = ask(question)
    assert answer.found, answer
    assert "41%" in answer.text and "59%" not in answer.text, answer.text


@pytest.mark.parametrize("question", [
    "商务局2023年能做到“就近办、马上办”的事项占比多少？", "商务局2023年“就近办、马上办”的事项占百分之几",
    "商务局2023年“就近办、马上办”事项所占比例是多少？",
])
def test_the_share_of_the_named_thing_not_any_percentage(ask, question: str) -> None:
    # the sentence before also holds a percentage (100%): the share words must not pull the quote there
    answer = ask(question)
    assert answer.found, answer
    assert "75%" in answer.text, answer.text


@pytest.mark.parametrize("word", ["比例", "占比", "比重", "百分比", "百分之几"])
def test_a_share_word_is_found_in_a_percentage(word: str) -> None:
    assert word_credit(word, "主动公开的政府信息占41%。") == 1.0
    assert word_credit(word, "主动公开的政府信息占百分之四十一。") == 1.0


def test_a_share_word_is_not_found_without_a_percentage() -> None:
    assert word_credit("比例", "主动公开政府信息80条。") == 0.0
    assert word_credit("比重", "本局持续推进政务公开标准化建设。") == 0.0


@pytest.mark.parametrize("question", ["主动公开的政府信息占全部信息的比例是多少", "主动公开政府信息占全部信息的比例是多少"])
def test_coverage_does_not_hang_on_the_particle(question: str) -> None:
    # with or without 的 glued to 公开, the percentage sentence holds well over the threshold
    assert coverage_of("主动公开的政府信息占41%。", question_weights(question, drop=())) >= MIN_COVERAGE + 0.2
