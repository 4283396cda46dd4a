"""The retrieval route on paraphrased questions: synonyms, the asked kind of answer and closeness in meaning pick the
sentence; a question the report does not answer still refuses. Chunks are cut from the real 镇北堡镇 seed (000_…)."""

from __future__ import annotations

from dataclasses import replace

from govqa.index.embed import HashEmbedder
from govqa.qa.answer import answer_question
from govqa.qa.extract import Quote
from govqa.qa.quote_choice import MIN_COVERAGE, RESCUE_CLOSENESS, RESCUE_COVERAGE, answers
from tests.qa.conftest import FakeRetriever, seed_chunk

AGENCY = "银川市西夏区镇北堡镇人民政府"


class EmbeddingRetriever(FakeRetriever):
    """The fake retriever with an embedder, as the real Retriever has."""

    embedder = HashEmbedder()


def _retriever() -> EmbeddingRetriever:
    def cut(needle: str, section: str, length: int) -> object:
        return seed_chunk("000_9f89ab4fe0ea1170.txt", needle, agency=AGENCY, short="镇北堡镇", section=section, length=length)

    return EmbeddingRetriever([
        cut("新浪微博公开 924 条", "总体情况", 60),
        cut("（政务公开专区）供查阅", "其他需要报告的事项", 160),
    ])


def _ask(text: str, mini_store, settings, retriever):  # type: ignore[no-untyped-def]
    return answer_question(text, store=mini_store, retriever=retriever, conversation=None, settings=settings)


def test_a_place_question_in_other_words_quotes_the_address(mini_store, settings) -> None:
    """办公位置 is nowhere in the report: 位置 ~ 地址 and the 3 楼 304 室 shape of a place pick the sentence."""
    a = _ask("镇北堡镇政府的办公位置在哪里？", mini_store, settings, _retriever())
    assert a.found and a.route == "retrieval"
    assert "304" in a.text and "微博" not in a.text


def test_a_synonym_of_the_verb_finds_the_count(mini_store, settings) -> None:
    """推送 ~ 公开/发布: the channel words carry the question, the number comes from the quoted sentence."""
    a = _ask("镇北堡镇通过微信公众号推送了多少条信息？", mini_store, settings, _retriever())
    assert a.found and a.value == 108 and a.unit == "条"


def test_an_unrelated_question_still_refuses(mini_store, settings) -> None:
    a = _ask("镇北堡镇2020年的财政收入是多少亿元？", mini_store, settings, _retriever())
    assert not a.found and a.route == "refuse"


def test_closeness_rescues_only_a_quote_that_holds_part_of_the_question() -> None:
    chunk = _retriever().chunks[0]
    quote = Quote(chunk, (), score=0.0, coverage=MIN_COVERAGE)
    assert answers(quote)
    assert answers(replace(quote, coverage=RESCUE_COVERAGE, closeness=RESCUE_CLOSENESS))
    assert not answers(replace(quote, coverage=RESCUE_COVERAGE, closeness=RESCUE_CLOSENESS - 0.1))
    assert not answers(replace(quote, coverage=RESCUE_COVERAGE - 0.1, closeness=1.0))
