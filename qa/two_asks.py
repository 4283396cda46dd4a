"""Two prose questions in one turn: 某局2021年多久报一次？材料送到哪里？ / 电话是多少，地址在哪 / 办了几期培训？讲了些什么？
No one sentence of a report need answer both, so each ask is also answered on its own (the later ones as follow-ups of
the first, so they keep its agency and year), each with its own quote and source; the asks' answers, joined, replace
the whole turn's when it found nothing or cited only part of what they cite. An ask the reports do not answer says so
for itself only.

    >>> split_asks("某局2021年多久报送一次信息？公开事项送到哪里？")
    ('某局2021年多久报送一次信息？', '公开事项送到哪里？')

The elliptic tail (…？B呢？, qa/elliptic.py) is read before this; a later ask that builds on the first one's figure
(其中 / 占多少 / 合计 / 比…多) is one question, not two, and is never split.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from govqa.core.types import Answer, Source
from govqa.qa import wording as wd
from govqa.qa.conversation import Conversation, fork
from govqa.qa.understand import find_metric

MAX_ASKS = 3
# a sentence asking something of its own
_ASKS = re.compile(r"多少|几|哪|谁|怎么|怎样|如何|什么|啥|多久|多长|吗|是否|有没有|何时|何处|何地")
# a later ask built on the first one's figure or thing: one question (其中几件 / 占比多少 / 合计 / 比上年多多少 / 分别)
_BUILDS_ON = re.compile(r"其中|当中|之中|里面|这些|那些|这个|那个|它们|他们|其[余他]|占|比例|比重|百分|率|合计|加起来|一共|总共"
                        r"|合起来|相比|比[^较如]|较|差|倍|增加|增长|减少|下降|上升|同比|分别|各自|^\s*(?:那|各|每)|呢\s*[？?]?\s*$")
# a yes/no ask then its count (有没有…？几件？), a comparison (谁多？多几件？), the years one by one (每年多少):
# one question however it is cut
_YES_NO = re.compile(r"吗|有没有|有无|是否|没有")
_COUNT = re.compile(r"几|多少")
_WHOLE_ONE = re.compile(r"(?:谁|哪个|哪家|哪[一]?年)[^？?，,]*?[多少]|最多|最少|更多|更少|多多少|多几|少多少|少几"
                        r"|每年|历年|这几年|各年|各[是有]?(?:多少|几)")
# a later ask naming only a part of the first one's things: 不合格的有多少 / 个人提的几件
_SUB_PART = re.compile(r"^[^？?，,]{0,6}的(?:有|是)?(?:多少|几)")
# a later ask naming only a contact field (电话多少 / 地址在哪): the first ask's own (联系人叫什么？电话是多少？ is the number
# beside that name), and the contact route reads every field a turn asks
_FIELD_ONLY = re.compile(r"^(?:办公|联系|通信|通讯)?(?:电话|号码|地址|邮箱|传真|邮编|网址|联系方式)(?:号码)?(?:是|为)?"
                         r"(?:多少|什么|啥|哪个|在哪里?|在哪儿)?\s*[？?。]?\s*$")
_SENTENCE_END = re.compile(r"(?<=[？?；;])")
# 电话是多少，地址在哪 / 办了几期，还有都讲了什么: a clause break that starts another ask
_CLAUSE_JOIN = re.compile(r"[，,、]\s*(?:还有|另外|以及|并且|同时|再就是)?|还有|另外|以及")
_LEADING_JOIN = re.compile(r"^\s*(?:还有|另外|以及|并且|同时|再就是|和)\s*")


def split_asks(text: str) -> tuple[str, ...] | None:
    """The turn's independent prose asks (two or three, each asking something of its own), or None when it is one
    question (a single ask, an elliptic tail, or a later ask that builds on the first one's figure)."""
    parts = [p for p in _SENTENCE_END.split(text.strip()) if p.strip()]
    if len(parts) < 2:
        parts = _clauses(text.strip())
    parts = [_LEADING_JOIN.sub("", p).strip() for p in parts]
    if not MAX_ASKS >= len(parts) >= 2 or not all(_ASKS.search(p) for p in parts):
        return None
    if any(_BUILDS_ON.search(p) or _SUB_PART.search(p) or _FIELD_ONLY.match(p) for p in parts[1:]) or any(_WHOLE_ONE.search(p) for p in parts) \
            or _YES_NO.search(parts[0]) and _COUNT.search(parts[-1]) and not _YES_NO.search(parts[-1]):
        return None
    if any(find_metric(p) is not None for p in parts):
        return None  # a table figure: the arithmetic and several-figures readings (qa/figures.py) take it whole
    return tuple(parts)


def _clauses(text: str) -> list[str]:
    """A one-sentence turn cut where a clause starts another ask (电话是多少，地址在哪), or the whole text when no
    cut leaves an ask on both sides."""
    for m in _CLAUSE_JOIN.finditer(text):
        head, tail = text[: m.start()], text[m.end():]
        if _ASKS.search(head) and _ASKS.search(tail) and len(tail.strip("？?。 ")) >= 2:
            return [head, *_clauses(tail)]
    return [text]


def asks_answer(question: str, asks: tuple[str, ...], *, ask: Callable[[str, Conversation], Answer],
                conversation: Conversation | None) -> Answer:
    """The turn answered whole, unless each ask in turn reads more (the later ones as follow-ups of the first, in a
    chat of their own): the whole finds nothing and some ask does, or every ask is found and together they cite all
    the whole cites and more. The asks' answers are joined, an unanswered one said so."""
    whole_chat, chat = fork(conversation), fork(conversation)
    whole = ask(question, whole_chat)
    answers = [ask(part, chat) for part in asks]
    found = [a for a in answers if a.found]
    read = {s for a in found for s in a.sources}
    more = len(found) == len(answers) and set(whole.sources) < read
    if not (found and (not whole.found or more)):
        chat = whole_chat
    if conversation is not None:
        conversation.turns[:] = chat.turns
    if chat is whole_chat:
        return whole
    texts: list[str] = []
    cited: set[Source] = set()
    for part, a in zip(asks, answers, strict=True):
        if a.found and a.sources and cited.issuperset(a.sources):
            continue  # the sentence quoted for an earlier ask answers this one too: quoted once
        texts.append(a.text if a.found else wd.ask_not_found(part, a.text))
        cited.update(a.sources)
    values = [a for a in found if a.value is not None]
    value, unit = (values[0].value, values[0].unit) if len(values) == 1 else (whole.value, whole.unit)
    formulas = [a.formula for a in found if a.formula]
    return Answer(question, "\n".join(texts), True, found[0].route, value=value, unit=unit,
                  sources=tuple(dict.fromkeys(s for a in found for s in a.sources)), formula="；".join(formulas) or None)
