"""Elliptic questions inside one turn: 行政许可作出了多少个处理决定？行政强制呢？ The later sentence names only another
row (column, year or agency) and means the first sentence's figure of it; each is answered as a follow-up of the first
in a chat of its own (qa/understand.py reads 那行政强制呢 so), and every figure is given with its cells.

    >>> split_elliptic("红寺堡区2020年行政许可作出多少个处理决定？行政强制和行政处罚分别呢？")
    Elliptic(head='红寺堡区2020年行政许可作出多少个处理决定？', followups=('红寺堡区2020年行政强制作出多少个处理决定？', …))
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from govqa.core.types import Answer
from govqa.qa import compose as cp
from govqa.qa.conversation import Conversation, fork


@dataclass(frozen=True)
class Elliptic:
    """A question's full first part and the follow-ups its elliptic tail stands for (那B呢？ for each B named)."""

    head: str
    followups: tuple[str, ...]


# the tail: B呢 / 那B呢 / B的呢 / B又是多少 / B和C分别呢 / 还有B呢; B names a thing, never asks anything of its own
_TAIL = re.compile(r"^\s*(?:那么?|还有|另外|再看看?)?\s*(?P<items>[^？?。！!，,；;：:]{1,24}?)\s*(?:的话|的|分别|各自|各)?\s*"
                   r"(?:(?:又|的话)?(?:是|有|为)?(?:多少|几)[个件项次条]?呢|呢|又是(?:多少|几)[个件项次条]?|又有(?:多少|几)[个件项次条]?"
                   r"|又(?:是|有)?多少|情况呢|又怎么样|又如何)"
                   r"\s*[？?。！!]?\s*$")
# a sentence asking its own figure, or a part of the first one's (其中 / 这些 / 里面: within it, no other row of it)
_ASKS = re.compile(r"多少|几|哪|谁|怎么|什么|吗|是否|有没有|比例|占|率|增|减|比|差|倍|合计|加起来|一共|总共"
                   r"|其中|当中|之中|里面|这些|那些")
_JOIN = re.compile(r"和|与|及|以及|跟|、|还有")
_SENTENCE_END = re.compile(r"(?<=[？?。！!；;])")
_CLAUSE = re.compile(r"[，,](?=[^，,]*$)")  # the last clause of one sentence: …多少个处理决定，行政强制的呢？


def split_elliptic(text: str) -> Elliptic | None:
    """The question's first part and one follow-up per thing its elliptic tail names, or None when it has no such tail."""
    sentences = [s for s in _SENTENCE_END.split(text.strip()) if s.strip()]
    if len(sentences) < 2 and (clause := _CLAUSE.search(text)) is not None:
        sentences = [text[: clause.start()] + "？", text[clause.end():]]
    first_tail = next((i for i, s in enumerate(sentences) if i and _items(s) is not None), None)
    if first_tail is None or any(_items(s) is None for s in sentences[first_tail:]):
        return None
    head = "".join(sentences[:first_tail])
    if _items(head) is not None or not _ASKS.search(head):
        return None
    followups = tuple(_in_place(head, item) or f"那{item}呢？" for s in sentences[first_tail:] for item in _items(s) or ())
    return Elliptic(head, followups)


def _in_place(head: str, item: str) -> str | None:
    """The first part asked again of another row of its table, the row's word put in place of the one it names
    (无法提供的占比是多少 → 不予处理的占比是多少: the share again, not the count), or None when the item is no such row or
    the first part names several (不予公开和无法提供加起来, 行政许可比行政处罚: which one would go is not said)."""
    from govqa.qa.figures import shared_metrics
    from govqa.qa.understand import find_row_term

    named, asked = find_row_term(head), find_row_term(item)
    if named is None or asked is None or named.table != asked.table or named.row == asked.row \
            or len(shared_metrics(head) or ()) > 1:
        return None
    word = max((w for w in named.words if w in head), key=len, default=None)
    if word is None:
        return None
    rest = find_row_term(head.replace(word, "", 1))
    if rest is not None and rest.table == named.table and rest.row != "一":
        return None  # 行政许可比行政处罚多多少？行政强制呢？: which of the two it stands for is not said
    again = head.replace(word, item, 1)
    reread = find_row_term(again)
    return again if reread is not None and reread.row == asked.row else None


def _items(sentence: str) -> tuple[str, ...] | None:
    """The things an elliptic sentence names (行政强制和行政处罚分别呢 → 行政强制, 行政处罚), or None when it is no such
    sentence (it asks something of its own)."""
    m = _TAIL.match(sentence)
    if m is None or _ASKS.search(m.group("items")):
        return None
    items = tuple(i.strip() for i in _JOIN.split(m.group("items")) if i.strip())
    return items or None


def elliptic_answer(question: str, parts: Elliptic, *, ask: Callable[[str, Conversation], Answer],
                    conversation: Conversation | None) -> Answer:
    """The question answered whole, unless the parts answered in turn read more: each part in a chat of its own (the
    earlier turns of ``conversation`` first), joined, every figure cited. Where the whole reading cites every cell the
    parts do, it stays (合在一起算，予以公开多少件？无法提供又是多少件？ is one pooled sum), and so it does when a
    follow-up finds nothing new."""
    whole_chat = fork(conversation)
    whole = ask(question, whole_chat)
    chat = fork(conversation)
    head = ask(parts.head, chat)
    answers = [head]
    for text in parts.followups if head.found else ():
        answer = ask(text, chat)
        if not answer.found or not answer.sources or any(set(answer.sources) == set(a.sources) for a in answers):
            break  # the follow-up read nothing of its own: not the elliptic question it looked like
        answers.append(answer)
    read = {s for a in answers for s in a.sources}
    if len(answers) != 1 + len(parts.followups) or not set(whole.sources) < read:
        chat = whole_chat
    if conversation is not None:
        conversation.turns[:] = chat.turns
    if chat is whole_chat:
        return whole
    units = {a.unit for a in answers}
    formulas = [a.formula for a in answers if a.formula]
    return Answer(question, cp.parts_text([a.text for a in answers]), True, head.route,
                  unit=units.pop() if len(units) == 1 else None, sources=tuple(s for a in answers for s in a.sources),
                  formula="；".join(formulas) or None)
