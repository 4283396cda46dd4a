"""The quote choice's edge (qa/quote_choice.answers): between the plain cut-off (MIN_COVERAGE) and the rescue
corner (RESCUE_COVERAGE with RESCUE_CLOSENESS) a quote's word coverage and closeness in meaning are summed, so a
question holding slightly fewer of the quote's words is not refused for a reworded particle. Our own sentence."""

from __future__ import annotations

import pytest

from govqa.core.types import Chunk
from govqa.qa.extract import Quote
from govqa.qa.passages import Passage
from govqa.qa.quote_choice import MIN_COVERAGE, RESCUE_COVERAGE, answers

SENTENCE = "本局按月编报政务信息报告。"
CHUNK = Chunk(id="q:0", report_id="qqqqqqq2022q", agency="青梧县水务局", short_name="水务局", year=2022,
              section="总体情况", subheading="", start=0, end=len(SENTENCE), text=SENTENCE)


def _quote(coverage: float, closeness: float) -> Quote:
    return Quote(CHUNK, (Passage(0, len(SENTENCE), SENTENCE, "总体情况"),), coverage + closeness, coverage, closeness)


@pytest.mark.parametrize(("coverage", "closeness"), [
    (MIN_COVERAGE, 0.0), (0.3, 0.8), (0.3, 0.95),  # the two cut-offs as before
    (0.45, 0.7), (0.4, 0.72), (0.35, 0.76),  # between them: a little less of each answers
])
def test_enough_evidence_answers(coverage: float, closeness: float) -> None:
    assert answers(_quote(coverage, closeness))


@pytest.mark.parametrize(("coverage", "closeness"), [
    (0.45, 0.6), (0.4, 0.65), (0.35, 0.7),  # too far from the question in meaning for the words held
    (RESCUE_COVERAGE - 0.01, 1.0),  # too few of the question's words, however close
    (0.49, 0.0),  # no embedder: the word cut-off alone
])
def test_too_little_evidence_refuses(coverage: float, closeness: float) -> None:
    assert not answers(_quote(coverage, closeness))


@pytest.mark.parametrize("text", ["某局多久做一次信息报告？", "某局信息报告多长时间做一次", "某局隔多久做一次信息报告"])
def test_frequency_of_weak_words_keeps_them(text: str) -> None:
    from govqa.qa.extract import question_weights

    weights = question_weights(text, drop=["某局"])
    assert "报告" in weights and "多久" not in weights and "一次" not in weights, weights


@pytest.mark.parametrize(("text", "kept"), [
    ("某局要求实现哪几个“全”", "全"), ("某局定下了哪几个目标", "目标"), ("某局有哪几项措施", "措施"),
    ("某局公开了哪几类信息目录", "目录"), ("某局提供了哪几种申请方式", "方式"),
])
def test_the_ask_itself_weighs_nothing(text: str, kept: str) -> None:
    """哪几个 / 几项 / 几类 / 几种 are never in the answer: weighed, they only push every quote toward the cut-off."""
    from govqa.qa.extract import question_weights

    weights = question_weights(text, drop=["某局"])
    assert kept in weights and not any(w.startswith(("哪", "几")) for w in weights), weights


@pytest.mark.parametrize("text", ["某局多久向档案馆和图书馆报送一次材料", "某局多久往“两馆”报送一次信息合订本",
                                  "某局隔多长时间对门户网站栏目检查一次"])
def test_how_often_with_a_long_middle_weighs_no_frame(text: str) -> None:
    """多久 … 一次 with the thing done between them: 多久 and 一次 are the frame of the answer (每月), not its words."""
    from govqa.qa.extract import question_weights

    weights = question_weights(text, drop=["某局"])
    assert not {"多久", "一次", "多长时间"} & set(weights) and weights, weights
