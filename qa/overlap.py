"""Lexical overlap of a question's content words with a candidate sentence, tolerant of paraphrase.

    >>> coverage_of("累计访问 230 万人次。", {"访问量": 3.0, "网站": 2.0})   # 访问量 ⊃ 访问: 3 × 0.8 of 5
    0.48

A question word counts fully when the sentence holds it (or the sub-heading above does), and partly when the
sentence says it another way: a word of its synonym group (发出 ~ 发布, lexicon.SYNONYM_GROUPS), both halves of a
four-character word apart, a shorter word inside it, or at least half of its character bigrams (访问量 ~ 访问).
"""

from __future__ import annotations

import re
from functools import lru_cache

from govqa.qa import lexicon as lx
from govqa.qa.words import tokens

CONTEXT_SHARE = 0.5  # a word found only in the section title above a sentence counts this much
PARTIAL_SHARE = 0.5  # a word found only through a part of it (联系电话 → 电话) counts this much
SPLIT_SHARE = 0.75  # both halves of a four-character word found apart
SYNONYM_SHARE = 0.8  # a word of the same synonym group (办公地点 → 地址); less than the word itself
BIGRAM_SHARE = 0.5  # at least half of a 3+ character word's bigrams found (访问量 → 访问)


@lru_cache(maxsize=4096)
def synonyms(word: str) -> tuple[str, ...]:
    """Other words of the synonym groups that hold the word, or a member inside it (访问量 → 访问, 浏览 …)."""
    out: list[str] = []
    for group in lx.SYNONYM_GROUPS:
        if any(m == word or (len(m) >= 2 and m in word) for m in group):
            out += [m for m in group if m != word]
    return tuple(dict.fromkeys(out))


@lru_cache(maxsize=4096)
def parts(word: str) -> tuple[str, ...]:
    """Shorter words inside a word (联系电话 → 联系, 电话) and its listed partial synonyms (年报 → 报告)."""
    found = [t for t in tokens(word) if len(t) >= 2 and t != word]
    if len(word) >= 4:
        found += [word[:2], word[-2:]]
    return tuple(dict.fromkeys([*found, *lx.QUOTE_SYNONYMS.get(word, ())]))


def bigram_share(word: str, text: str) -> float:
    """The share of the word's character bigrams that occur in the text (0 for words under three characters)."""
    if len(word) < 3:
        return 0.0
    grams = {word[i:i + 2] for i in range(len(word) - 1)}
    return sum(g in text for g in grams) / len(grams)


def word_credit(word: str, text: str, *, section: str = "", heading: str = "") -> float:
    """How much one question word is found in the sentence: 1 for the word itself, less for a paraphrase."""
    if word in text or (heading and word in heading):
        return 1.0
    if word in lx.SHARE_WORDS and lx.PERCENTAGE.search(text):  # 比例 in 占26%: the share stated, not named
        return 1.0
    credit = CONTEXT_SHARE if word in section else 0.0
    if any(s in text for s in synonyms(word)):
        credit += SYNONYM_SHARE
    elif len(word) >= 4 and word[:2] in text and word[-2:] in text:
        credit += SPLIT_SHARE  # 人大代表 in 人大五次会议代表
    elif any(p in text for p in parts(word)):
        credit += PARTIAL_SHARE
    elif bigram_share(word, text) >= 0.5:
        credit += BIGRAM_SHARE
    return min(1.0, credit)


# a space between two Chinese characters is layout (电 话, 邮 编 spaced out to fill a line), not a word break
SPACED = re.compile(r"(?<=[\u4e00-\u9fff])[ \t\u3000\xa0]+(?=[\u4e00-\u9fff])")


def coverage_of(text: str, weights: dict[str, float], *, section: str = "", heading: str = "") -> float:
    """Weighted share of question words found in the text (see word_credit): a word only in the sub-heading above
    the sentence counts fully (（一）存在问题 labels the list below it), only in the section title, half."""
    text = SPACED.sub("", text)
    total = sum(weights.values()) or 1.0
    got = sum(weight * word_credit(word, text, section=section, heading=heading) for word, weight in weights.items())
    return got / total
