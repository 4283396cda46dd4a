"""The question side's jieba tokens: template terms and agency names kept whole, stop words dropped.

    >>> add_names(["镇北堡镇"])
    >>> tokens("镇北堡镇收到多少申请")[0]
    '镇北堡镇'

Shared by understanding (qa/understand.py), the agency catalog (qa/catalog.py) and quote scoring (qa/extract.py,
qa/overlap.py). jieba's global tokenizer, set up by index/words.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

import jieba.posseg

from govqa.index.words import question_tokenizer, stop_words
from govqa.qa import lexicon as lx


@lru_cache(maxsize=1)
def _load_lexicon_words() -> bool:
    tok = question_tokenizer()
    for term in lx.ROW_TERMS:
        for word in term.words:
            tok.add_word(word)
    for pairs in lx.COL_TERMS.values():
        for word, _ in pairs:
            tok.add_word(word)
    for word in lx.QUESTION_NOUNS:
        tok.add_word(word)
    return True


_known_names: set[str] = set()
_INVITED = re.compile(r"[了来过的到谁]")  # the word after 请 when 请 invites someone
_INVITE = frozenset({"请来", "请到", "请了"})  # …or 请 glued to it by jieba


def add_names(names: Iterable[str]) -> None:
    """Teach jieba agency names so that 镇北堡镇 stays one token."""
    tok = question_tokenizer()
    for name in names:
        if name not in _known_names:
            tok.add_word(name)
            _known_names.add(name)


def ends_in_verb(text: str) -> bool:
    """Whether text ends in a verb of two characters or more by jieba's part-of-speech tags (想下载, 知道, 关注; not
    海滨 or 对海滨, places)."""
    question_tokenizer()
    tagged = jieba.posseg.lcut(text)
    return bool(tagged) and tagged[-1].flag.startswith("v") and len(tagged[-1].word) >= 2


def without_lead_verb(text: str) -> str:
    """text without a verb of two characters or more it opens with by jieba's tags (知道海滨交建局 → 海滨交建局)."""
    question_tokenizer()
    tagged = jieba.posseg.lcut(text)
    if len(tagged) > 1 and tagged[0].flag.startswith("v") and len(tagged[0].word) >= 2:
        return text[len(tagged[0].word):]
    return text


def tokens(text: str) -> list[str]:
    """jieba tokens of the text, with template terms and agency names kept whole."""
    _load_lexicon_words()
    return [t for t in question_tokenizer().lcut(text) if t.strip()]


def content_tokens(text: str, *, drop: Iterable[str] = ()) -> list[str]:
    """Tokens that carry meaning: no stop words, numbers, years, punctuation or the given names."""
    dropped = set(drop)
    out = []
    said = tokens(text)
    for i, t in enumerate(said):
        if i > 0 and (t in _INVITE or t == "请" and i + 1 < len(said) and _INVITED.match(said[i + 1])):
            t = "邀请"  # 开放日请了哪些人 / 请来讲课的: the verb invite, not the polite 请 that opens a question
        if t in stop_words("question") or t in dropped or re.fullmatch(r"[\d.%％年月日]+|[^\w]+", t):
            continue
        out.append(t)
    return out
