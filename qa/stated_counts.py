"""A count the prose states right after the action and thing a question names (解读政策性文件8条 for 政策性文件解读了几
条), found in the whole report: a sentence giving many counts of other actions (发布169条) or the retrieved passages
missing it do not hide it.

    >>> text = "全年发布信息169条。回应依申请公开信息3条，解读政策性文件8条。"
    >>> a, b = count_span(text, "青梧局2022年政策性文件一共解读了几条？")
    >>> text[a:b], count_said(text[a:b], "青梧局2022年政策性文件一共解读了几条？")
    ('回应依申请公开信息3条，解读政策性文件8条。', '解读政策性文件8条')
"""

from __future__ import annotations

import re

# a count asked with its unit (几条 / 多少篇); 那几条 points at things already named, it asks no count
ASKED = re.compile(r"(?:多少|(?<![那这哪])几)(?:个|件|条|次|篇|期|场|项|份|批|家|名|人)")
_UNIT = re.compile(r"(?:多少|几)(个|件|条|次|篇|期|场|项|份|批|家|名|人)")
_COUNT = re.compile(r"(\d+(?:\.\d+)?)\s*(?:余|多)?\s*(个|件|条|次|篇|期|场|项|份|批|家|名|人)")
_FILLER = re.compile(r"(?:共计|合计|累计|共|达到|达|为|了|约|近)$")
_CLAUSE = re.compile(r"[^，,。；;！!？?\n]+")
_SENTENCE = re.compile(r"[^。；;！？!?\n]+[。；;！？!?]?")  # a ；-clause of counts is quoted on its own
MIN_NAMED = 4  # characters of the question said right before the count, in two pieces (解读 + 政策性文件)…
MIN_THING = 3  # characters of the counted thing beyond the action and words every report says (政策性 of 政策性文件)
_GENERIC = re.compile(r"政府信息|信息|政府|公开|文件|内容|材料|类|的")
_TABLE_ROW = re.compile(r"\d{5,}")  # a table's cells read as one line (0000005): no sentence
MIN_WHOLE = 6  # …or in one (解读政策性文件多少条 → 解读政策性文件8条)
PIECE = 2  # the shortest piece of the question a stretch before the count is peeled by
REACH = 20  # characters before a count searched for the question's words
MAX_SENTENCE = 400  # characters: a longer run is a table read as one line


def _named_before(before: str, question: str) -> tuple[str, int]:
    """The stretch of the question's words that ends the text before a count, and in how many pieces (解读政策性文件 in
    政策性文件解读了几条: 2)."""
    before = _FILLER.sub("", before)
    named, pieces, skipped = "", 0, False
    while before:
        n = next((n for n in range(min(len(before), len(question)), PIECE - 1, -1) if before[-n:] in question), 0)
        if not n and named and not skipped and len(before) > PIECE:  # 政策性文件 for 政策文件: one character over
            n = next((n for n in range(min(len(before) - 1, len(question)), PIECE - 1, -1)
                      if before[-n - 1:-1] in question), 0)
            if n:
                named, before, skipped = before[-1] + named, before[:-1], True
        if not n:
            break
        named, pieces, before = before[-n:] + named, pieces + 1, _FILLER.sub("", before[:-n])
    return named, pieces


def _names(named: str, pieces: int, action: str) -> bool:
    """Whether the question's words before a count name what it counts: its action among them (解读, not a count of
    the same things 印发), in two pieces (解读 + 政策性文件) or a long one; with no action asked (送交两馆的信息有多少条),
    all the words before its count word."""
    if (action not in named and action.replace("的", "") not in named) or not (len(named) >= MIN_WHOLE or (pieces >= 2 and len(named) >= MIN_NAMED)):
        return False
    thing = _GENERIC.sub("", named.replace(action, "", 1))  # 公开信息83条 names no thing of 社保、就业领域公开了多少条信息
    return len(thing) >= MIN_THING or len(action) > 2  # no action asked: the whole stretch before 有多少 is said


# the action a count is asked of: the word before 了/过 and the count (解读了几条 / 公开过多少篇); with 有/是 instead
# (送交两馆的公文类信息有多少条), the whole stretch before it
_ACTION = re.compile(r"([\u4e00-\u9fff]{2})(?:了|过)?(?:一共|总共|共)?(?:多少|几)")
_THING = re.compile(r"([^\s，,。？?；;]{2,30}?)(?:都|总共|一共|共)?(?:有|是|为)(?:多少|几)")
_NO_ACTION = re.compile(r"有|是|为|共|一共|总共|年度?$")


# 对政策性文件作了几次解读: the action said last, done a number of times to the thing (the report counts the things:
# 解读政策性文件8条), read as 解读了几政策性文件 with no unit asked
_DONE_TO = re.compile(r"对([^，,。？?；;]{2,20}?)(?:作|做|进行|开展)(?:了|过)?((?:多少|几)次)([\u4e00-\u9fff]{2})")


def _as_action_first(question: str) -> str:
    """The question with an action done to a thing a number of times said action first (解读了几政策性文件)."""
    m = _DONE_TO.search(question)
    return question[:m.start()] + m.group(3) + "了" + m.group(2)[:-1] + m.group(1) + question[m.end():] if m else question


def _action(question: str) -> str:
    m = _ACTION.search(question)
    if m and not _NO_ACTION.search(m.group(1)):
        return m.group(1)
    thing = _THING.search(re.sub(r"^[^\d？?，,。]{0,30}?(?:19|20)\d{2}\s*年度?", "", question))
    return thing.group(1) if thing else "？"  # no action or thing said: nothing names the count


def _asked_text(question: str) -> str:
    """The question without its count words and its opening agency and year (青梧局2022年): what the count is of."""
    asked = re.sub(r"^[^\d？?，,。]{0,30}?(?:19|20)\d{2}\s*年度?", "", question)
    return re.sub(r"(?:多少|几)(?:个|件|条|次|篇|期|场|项|份|批|家|名|人)?|一共|总共|共|了|过|[？?，,。]", " ", asked)


def count_span(text: str, question: str) -> tuple[int, int] | None:
    """The sentence stating the count of what the question names right before the count (in the asked unit), the one
    naming most of it (the first on a tie), or None when no count is named so."""
    if not ASKED.search(question):
        return None
    question = _as_action_first(question)
    unit = _UNIT.search(question)
    asked, action = _asked_text(question), _action(question)
    best, most = None, 0
    for m in _SENTENCE.finditer(text):
        if len(m.group()) > MAX_SENTENCE or _TABLE_ROW.search(m.group()):
            continue
        for c in _COUNT.finditer(m.group()):
            if unit and c.group(2) != unit.group(1):
                continue
            named, pieces = _named_before(m.group()[max(0, c.start() - REACH):c.start()], asked)
            if _names(named, pieces, action) and len(named) > most:
                best, most = (m.start(), m.end()), len(named)
    return best


def count_said(sentence: str, question: str) -> str:
    """The clause of the sentence stating the asked count (解读政策性文件8条), or ""."""
    question = _as_action_first(question)
    asked, action = _asked_text(question), _action(question)
    unit = _UNIT.search(question)
    best, most = "", 0
    for clause in _CLAUSE.finditer(sentence):
        for c in _COUNT.finditer(clause.group()):
            if unit and c.group(2) != unit.group(1):
                continue
            named, pieces = _named_before(clause.group()[max(0, c.start() - REACH):c.start()], asked)
            if _names(named, pieces, action) and len(named) > most:
                best, most = clause.group().strip(), len(named)
    return best
