"""The thing a question asks what was done to (对不予公开的信息后续怎么管 → 不予公开的信息) and whether a sentence says
what was done to it (…对不予公开的信息进行定期复查): the sentence naming that thing after 对 answers, not a count of it.

    >>> treated_thing("对逾期未整改的单位是咋处理的")
    '逾期未整改的单位'
"""

from __future__ import annotations

import re

from govqa.qa import lexicon as lx

MIN_SHARED = 3  # characters the sentence's 对… must share in one run with the thing asked (微信公众号, 不予公开)
REACH = 16  # characters after 对 in the sentence where the thing is named
SHORT_REACH = 4  # …and where a two-character thing is (对厅网站, 对门户网站)
# 是根据什么反馈的问题来整改的 / 依据哪个意见改的: the source the work went by, said in one sentence (根据…反馈的问题)
_SOURCE_ASKED = re.compile(r"(?:根据|依据|按照|依照|基于|凭)(?:的是)?(?:什么|啥|哪个|哪份|哪一份|何种)")
# 对去年发现的问题做了哪些整改: what was done to the problems is the report's own part (整改情况), listed as such
_PROBLEMS = re.compile(r"问题|不足|短板|差距|薄弱")
_OWN = re.compile(r"^(?:自己|本单位|本局|本机关|我们|他们|它们|其)的?")  # 对自己的微信公众号: the agency's own thing


def treated_thing(question: str) -> str:
    """The thing after 对 in a 对X怎么管 / 对X做了什么 question, or "" when it asks no such thing."""
    m = lx.ASKS_TREATMENT.search(question)
    return _OWN.sub("", m.group(1)) if m and not _PROBLEMS.search(m.group(1)) else ""


def names_treated(sentence: str, thing: str) -> bool:
    """Whether the sentence says 对 + the thing (a run of MIN_SHARED characters of it right after 对)."""
    if len(thing) < 2:
        return False
    # a two-character thing (对网站: 对厅网站域名…) is named whole and close to 对
    shared, reach = (MIN_SHARED, REACH) if len(thing) >= MIN_SHARED else (2, SHORT_REACH)
    for m in re.finditer("对", sentence):
        after = sentence[m.end():m.end() + reach]
        if any(thing[i:i + shared] in after for i in range(len(thing) - shared + 1)):
            return True
    return False


def asks_one_sentence(question: str) -> bool:
    """Whether a question asks what was done to a thing or what the work went by (根据什么): one sentence answers,
    not a part's list."""
    return bool(treated_thing(question)) or _SOURCE_ASKED.search(question) is not None
