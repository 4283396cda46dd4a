"""Question-to-sentence closeness (qa/semantic.py) with the deterministic hash embedder."""

from __future__ import annotations

import logging

import pytest

from govqa.index.embed import HashEmbedder
from govqa.qa.semantic import MAX_SENTENCES, sentence_similarity

ADDRESS = "（地址：银川市西夏区镇北堡镇人民政府 3 楼 304 室；"
OTHER = "2020 年新浪微博公开 924 条、微信公众号公开 108 条，其他渠道公开 50 余条。"


def test_the_closest_sentence_is_one_the_farthest_zero() -> None:
    sims = sentence_similarity(HashEmbedder(), "镇北堡镇人民政府的地址", [OTHER, ADDRESS, OTHER])
    assert sims.relative == {ADDRESS: 1.0, OTHER: 0.0}
    assert sims.cosine[ADDRESS] > sims.cosine[OTHER]
    assert sims.of([ADDRESS, OTHER]) == 0.5  # a window: the mean of its sentences
    assert sims.of(["never embedded"]) == 0.0


def test_without_embedder_nothing_is_close() -> None:
    sims = sentence_similarity(None, "地址", [ADDRESS])
    assert sims.relative == {} and sims.of([ADDRESS]) == 0.0


def test_candidates_are_capped() -> None:
    texts = [f"第{i}句话" for i in range(MAX_SENTENCES + 10)]
    assert len(sentence_similarity(HashEmbedder(), "第一句话", texts).cosine) == MAX_SENTENCES


class _Broken(HashEmbedder):
    def encode(self, texts, *, is_query):  # type: ignore[no-untyped-def]
        raise RuntimeError("model file missing")


def test_a_failing_embedder_is_logged_not_raised(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="govqa.qa.semantic"):
        sims = sentence_similarity(_Broken(), "地址", [ADDRESS])
    assert sims.relative == {}
    assert "model file missing" in caplog.text
