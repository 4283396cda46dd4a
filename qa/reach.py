"""Where a citizen reaches an agency or reads its information beyond the printed contact details: the places to read
documents offline (查阅点, 档案馆, 图书馆), the name of its account or platform (微信公众号“甲”, 12345热线), read
from one sentence of the report.

    >>> account_names("充分利用“平潭甲乙”微信公众号推送信息。", "公众号叫什么")
    ['平潭甲乙']

These are prose_facts kinds (reading, account): each names the question words that ask it and finds its sentence.
"""

from __future__ import annotations

import re

from govqa.qa.named_facts import MAX_SENTENCE

_WHICH = r"(?:哪里|哪儿|哪些|哪个|哪家|哪|什么地方|什么场所|何处|啥地方|什么|啥)"
_PLACE = r"(?:查阅点|查阅场所|查阅室|查阅中心|阅览室|阅览点|图书馆|档案馆|政务服务中心|服务大厅|公开查阅)"
# 线下哪里能看 / 查阅点在哪 / 纸质版去哪看 / 送到哪些查阅场所: a place to read documents, not a web site
READING_ASKED = re.compile(
    r"(?:线下|现场|实地|纸质|纸本|当面|实体)[^？?。]{0,8}?" + _WHICH
    + r"|" + _WHICH + r"[^？?。]{0,4}?(?:线下|现场|实地|纸质|纸本|当面)"
    + r"|" + _PLACE + r"[^？?。]{0,6}?(?:在|是|设在|位于|有)?" + _WHICH
    + r"|(?:送|移送|报送|送达|放|放到|存放|摆放|交)(?:到|至|给|在)?" + _WHICH + r"[^？?。]{0,6}?" + r"(?:查阅|场所|点|馆|供)"
    + r"|除了?[^？?。]{0,8}?网[^？?。]{0,10}?(?:还|另外)?(?:在|到|去)?" + _WHICH)
READING_SAID = re.compile(_PLACE)

# the words naming an account in a question (政务新媒体 asks every kind at once)
_ACCOUNT = (r"(?:政务)?(?:新媒体(?:平台|账号)?|微信公众号|公众号|微信号|服务号|政务微博|官方微博|微博(?:号|账号)?|APP|App|app"
            r"|客户端|小程序|抖音号|抖音|视频号|头条号|人民号|强国号)")
# 公众号用的是哪个办法 / 公众号发了什么内容: another thing about the account, not its name
_NOT_NAME = r"(?!\s*(?:办法|制度|规定|文件|机制|方式|渠道|栏目|内容|信息|功能|工作|措施|部门|单位|时候|时间|样|些))"
_WHICH_ONES = r"(?:哪个|哪一个|哪些|哪几个|哪几家|哪两个|哪三个)"
_ENDS = r"(?=[？?呢吗啊，,]|$)"
# 公众号叫什么 / 政务微博名称 / 用的是哪个小程序 / 官方账号是啥 / 政务新媒体有哪些 / 办了哪三个新媒体: the account's
# name; 在哪个公众号上公开的 asks where something went (the site kind), 公众号有什么功能 what it offers
# 公众号的管理办法叫什么 / 管理公众号的制度名称: the name of a rule about the account, not the account's
_RULE_WORD = r"(?:办法|制度|规定|细则|方案|通知|文件|机制|规范|规则|意见|条例)"
_NOT_RULE = r"(?:(?!" + _RULE_WORD + r")[^？?。])"
ACCOUNT_ASKED = re.compile(
    _ACCOUNT + _NOT_RULE + r"{0,6}?(?:叫|名称|名字|名叫|称为|是|为|用的是|账号)[^？?。]{0,4}?(?:什么|啥|哪个|哪一个|哪家)" + _NOT_NAME
    + r"|(?:哪个|哪一个|什么|啥)(?:名字的?|名称的?)?" + _ACCOUNT + r"(?=[？?呢吗啊，,是叫]|$)"
    + r"|" + _ACCOUNT + r"(?:的)?(?:名称|名字|账号名|全称)(?!" + _RULE_WORD + r")"
    + r"|" + _ACCOUNT + r"(?:账号)?(?:的)?(?:是|叫|叫做|名叫|名为|有|都有|都是|包括|分别是|分别叫)?"
    r"(?:什么名字|啥名字|什么名称|什么|啥|" + _WHICH_ONES + r")(?:名字|名称|账号|号)?" + _ENDS  # 新媒体有哪些账号
    + r"|(?:提到|提及|说到|列出|写了|有|办|开通|开设|运营|主办|管理|运维)(?:了)?" + _WHICH_ONES + _ACCOUNT + _ENDS)
# the kind words a report puts beside an account's name in quotes: “甲”微信公众号 / 政务微博“乙” / 微信公众号（丙）
_KIND_WORD = (r"(?:官方)?(?:政务)?(?:微信公众号|公众号|微信号|服务号|微信|微博|视频号|抖音号|抖音|头条号|今日头条|人民号|强国号"
              r"|客户端|小程序|APP|App|app|网站|门户网站)")
_NAMED_ACCOUNT = re.compile(r"“([^“”。，,；;]{1,20})”\s*(" + _KIND_WORD + r")|(" + _KIND_WORD + r")\s*“([^“”。，,；;]{1,20})”"
                            r"|(" + _KIND_WORD + r")\s*[（(]([^）)“”。，,；;]{2,24})[）)]")
# the kinds a question's word accepts: 公众号 is a 微信 account, 新媒体 (or no kind word) any account but a web site
_ACCEPTS = (("公众号", "微信|公众号|服务号"), ("微信", "微信|公众号|服务号"), ("服务号", "微信|公众号|服务号"), ("微博", "微博"),
            ("视频号", "视频号"), ("抖音", "抖音"), ("头条", "头条"), ("人民号", "人民号"), ("强国号", "强国号"),
            ("客户端", "客户端|APP|App|app"), ("APP", "客户端|APP|App|app"), ("App", "客户端|APP|App|app"),
            ("app", "客户端|APP|App|app"), ("小程序", "小程序"))
_ANY_ACCOUNT = "微信|公众号|服务号|微博|视频号|抖音|头条|人民号|强国号|客户端|小程序|APP|App|app"
HOTLINE_ASKED = re.compile(r"热线平台|(?:便民|服务|政务)热线(?:平台)?(?:是|叫)?(?:哪个|什么|啥)|(?:哪个|什么|啥)(?:便民|服务|政务)?热线平台"
                           r"|(?:通过|用|靠|依托)(?:哪个|什么)热线"
                           # 通过哪个平台反映诉求 (a platform to apply through is the entry kind's)
                           r"|(?:通过|用|靠|依托)(?:哪个|什么)平台[^？?。]{0,8}?(?:诉求|反映|投诉|求助|举报)")
_HOTLINE_SAID = re.compile(r"(?<![\d\-—－])12345(?!\d)|热线")  # not the tail of 0592-7712345


def reading_span(text: str, question: str) -> tuple[int, int] | None:
    """The sentence naming where documents can be read offline (档案馆、图书馆查阅点), the one sharing most of the
    question's words; None when no sentence names such a place."""
    return _best(text, question, READING_SAID)


def account_span(text: str, question: str) -> tuple[int, int] | None:
    """The sentence naming an account or platform of the kind asked: for an account, the one naming most accounts of
    that kind in quotes (the first on a tie; “甲”微信公众号、“乙”政务微博), read over line breaks; for a hotline platform,
    the 12345 sentence sharing most of the question's words; None when no sentence names one."""
    if _asks_hotline(question):
        return _best(text, question, _HOTLINE_SAID)
    best, most = None, 0
    for s, e in _sentences(text):
        count = 0 if "\t" in text[s:e] else len(_named(text[s:e], question))
        if count > most:
            best, most = (s, e), count
    return best


def account_names(sentence: str, question: str) -> list[str]:
    """The names of the accounts of the asked kind a sentence gives (平潭甲乙), each once, in order."""
    return list(dict.fromkeys(name for name, _kind in _named(sentence, question)))


def accounts_said(sentence: str, question: str) -> str:
    """The accounts of the asked kind the sentence names with their kinds (“甲”微信公众号、“乙”政务微博), or ""."""
    return "、".join(f"“{name}”{kind}" for name, kind in _named(sentence, question))


def account_lead(sentence: str, question: str) -> str:
    """The plain answer before the quote: 名称为“甲” when one kind is asked (公众号叫什么); each account with its kind
    when several kinds are (政务新媒体有哪些); "" for a hotline question (its sentence is quoted as it stands)."""
    if _asks_hotline(question):
        return ""
    if not _specific(question):
        return accounts_said(sentence, question)
    names = account_names(sentence, question)
    return "名称为" + "、".join(f"“{n}”" for n in names) if names else ""


def _asks_hotline(question: str) -> bool:
    return bool(HOTLINE_ASKED.search(question)) and not ACCOUNT_ASKED.search(question)


def _asked_words(question: str) -> str:
    asked = ACCOUNT_ASKED.search(question)
    return asked.group() if asked else question


def _specific(question: str) -> bool:
    """Whether the question asks one kind of account (公众号, 微博, 小程序), not every kind (政务新媒体)."""
    words = _asked_words(question)
    return any(word in words for word, _kinds in _ACCEPTS)


def _named(sentence: str, question: str) -> list[tuple[str, str]]:
    """(name, kind) of each account of the asked kind the sentence names beside its kind, line breaks inside dropped."""
    words = _asked_words(question)
    accepted = re.compile("|".join(k for word, k in _ACCEPTS if word in words) or _ANY_ACCOUNT)
    out: list[tuple[str, str]] = []
    for m in _NAMED_ACCOUNT.finditer(re.sub(r"\s+", "", sentence)):
        name, kind = ((m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3)) if m.group(4)
                      else (m.group(6), m.group(5)))
        if accepted.search(kind) and (name, kind) not in out:
            out.append((name, kind))
    return out


def _best(text: str, question: str, said: re.Pattern[str]) -> tuple[int, int] | None:
    found = [(s, e) for s, e in _sentences(text) if said.search(text[s:e])]
    if not found:
        return None
    words = {question[i:i + 2] for i in range(len(question) - 1)}
    return max(found, key=lambda p: (sum(w in text[p[0]:p[1]] for w in words), -p[0]))


_SENTENCE = re.compile(r"[^。！？!?；;]+[。！？!?；;]?")
# a heading's own line (一、总体情况 / （二）主动公开): a list marker, a short title without punctuation, a line break
_HEADING_LINE = re.compile(r"[ \t\u3000]*(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[、.．])"
                           r"[^，,。：:\n]{0,20}\n\s*")


def _sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence cut at 。！？； only: a PDF's line-wraps (“宁夏\n\n政务发布”) are no ends; a run
    longer than MAX_SENTENCE without its spaces is a table's cells, never quoted."""
    spans = []
    for m in _SENTENCE.finditer(text):
        start = m.start() + len(m.group()) - len(m.group().lstrip())
        while (head := _HEADING_LINE.match(text, start, m.end())) and head.end() < m.end():
            start = head.end()  # 一、总体情况 on its own line above the sentence is no part of it
        if start < m.end() and len(re.sub(r"\s+", "", m.group())) <= MAX_SENTENCE:
            spans.append((start, m.end()))
    return spans
