"""Paraphrase-tolerant word overlap (qa/overlap.py): synonym groups, character bigrams, weighted coverage."""

from __future__ import annotations

import pytest

from govqa.qa.overlap import BIGRAM_SHARE, SYNONYM_SHARE, bigram_share, coverage_of, synonyms, word_credit

# sentences of the seed reports (tests/fixtures/seeds/002_… and 003_…)
VISITS = "自治区政府门户网站发布各类政府信息6928 条，累计访问 230 万人次。"
POSTS = "其中，通过政府网站发布政府信息4611条、政务新媒体发布政府信息3720条。"


@pytest.mark.parametrize(("word", "alternative"), [("发出", "发布"), ("推送", "发布"), ("办公地点", "地址"),
                                                   ("浏览量", "访问"), ("授课", "培训"), ("公众号", "微信")])
def test_a_word_has_its_group_as_synonyms(word: str, alternative: str) -> None:
    assert alternative in synonyms(word)


def test_unrelated_words_have_no_synonyms() -> None:
    assert synonyms("财政收入") == ()
    assert "发布" not in synonyms("地址")


def test_bigram_share_counts_the_bigrams_of_the_word_found() -> None:
    assert bigram_share("访问量", "累计访问 230 万人次") == 0.5  # 访问 yes, 问量 no
    assert bigram_share("财政收入", VISITS) == 0.0
    assert bigram_share("访问", "访问") == 0.0  # two characters: the word itself or nothing


def test_word_credit_orders_exact_synonym_bigram() -> None:
    assert word_credit("访问", VISITS) == 1.0
    assert word_credit("发出", POSTS) == SYNONYM_SHARE  # 发出 ~ 发布
    assert word_credit("点击率", VISITS) == SYNONYM_SHARE  # holds 点击, a synonym of 访问
    assert word_credit("访问率", "访问") == SYNONYM_SHARE
    assert word_credit("新闻量", "新闻发布") == BIGRAM_SHARE  # 新闻 of 新闻/闻量
    assert word_credit("财政收入", POSTS) == 0.0


def test_coverage_weighs_the_paraphrase() -> None:
    weights = {"网站": 2.0, "发出": 4.0}
    assert coverage_of(POSTS, weights) == pytest.approx((2.0 + 4.0 * SYNONYM_SHARE) / 6.0)
    assert coverage_of("全年出刊 4 期，编校 2600 万余字。", weights) == 0.0


def test_spaced_out_characters_still_hold_the_word() -> None:
    assert coverage_of("电 话：0591-1234567；传　真：0591-7654321", {"电话": 2.0, "传真": 2.0}) == 1.0
