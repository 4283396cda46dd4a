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

_ACCOUNT = r"(?:微信公众号|公众号|微信号|服务号|政务微博|官方微博|微博|APP|App|app|客户端|小程序|抖音号|抖音|视频号|头条号)"
# 公众号用的是哪个办法 / 公众号发了什么内容: another thing about the account, not its name
_NOT_NAME = r"(?!\s*(?:办法|制度|规定|文件|机制|方式|渠道|栏目|内容|信息|功能|工作|措施|部门|单位|时候|时间|样|些))"
# 公众号叫什么 / 政务微博名称 / 用的是哪个小程序 / 官方账号是啥: the account's name
ACCOUNT_ASKED = re.compile(
    _ACCOUNT + r"[^？?。]{0,6}?(?:叫|名称|名字|名叫|称为|是|为|用的是|账号)[^？?。]{0,4}?(?:什么|啥|哪个|哪一个|哪家)" + _NOT_NAME
    + r"|(?:哪个|哪一个|什么|啥)(?:名字的?|名称的?)?" + _ACCOUNT
    + r"|" + _ACCOUNT + r"(?:的)?(?:名称|名字|账号名|全称)")
# “甲”微信公众号 / 微信公众号“甲” / 微信公众号（甲）
_NAMED_ACCOUNT = re.compile(
    r"[“\"「]([^”\"」]{2,24})[”\"」](?:官方)?(?:政务)?" + _ACCOUNT
    + r"|" + _ACCOUNT + r"\s*[“\"「（(]([^”\"」）)]{2,24})[”\"」）)]")
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
    """The sentence naming an account or platform of the kind asked (“甲”微信公众号; 12345热线), or None."""
    if HOTLINE_ASKED.search(question) and not ACCOUNT_ASKED.search(question):
        return _best(text, question, _HOTLINE_SAID)
    asked = re.search(_ACCOUNT, question)
    kind = _account_word(asked.group()) if asked else ""
    found = [(s, e) for s, e in _sentences(text)
             if any(kind in _account_word(m.group()) for m in _NAMED_ACCOUNT.finditer(text[s:e]))]
    return found[0] if found else None


def account_names(sentence: str, question: str) -> list[str]:
    """The names of the accounts of the asked kind a sentence gives (平潭甲乙), each once."""
    asked = re.search(_ACCOUNT, question)
    kind = _account_word(asked.group()) if asked else ""
    names = [m.group(1) or m.group(2) for m in _NAMED_ACCOUNT.finditer(sentence) if kind in _account_word(m.group())]
    return list(dict.fromkeys(names))


def account_lead(sentence: str, question: str) -> str:
    """名称为“甲” before the quote, or "" (a 12345 question's sentence is quoted as it stands)."""
    names = account_names(sentence, question)
    return "名称为" + "、".join(f"“{n}”" for n in names) if names else ""


def _account_word(word: str) -> str:
    """The kind of account a word names (公众号 for 微信公众号 and 服务号, 微博, APP …), lower-cased."""
    w = word.lower()
    for kind, words in (("公众号", ("公众号", "微信号", "服务号")), ("微博", ("微博",)), ("app", ("app", "客户端")),
                        ("小程序", ("小程序",)), ("抖音", ("抖音",)), ("视频号", ("视频号",)), ("头条号", ("头条号",))):
        if any(x in w for x in words):
            return kind
    return w


def _best(text: str, question: str, said: re.Pattern[str]) -> tuple[int, int] | None:
    found = [(s, e) for s, e in _sentences(text) if said.search(text[s:e])]
    if not found:
        return None
    words = {question[i:i + 2] for i in range(len(question) - 1)}
    return max(found, key=lambda p: (sum(w in text[p[0]:p[1]] for w in words), -p[0]))


_SENTENCE = re.compile(r"[^。！？!?；;]+[。！？!?；;]?")


def _sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence cut at 。！？； only: a PDF's line-wraps (“宁夏\n\n政务发布”) are no ends; a run
    longer than MAX_SENTENCE without its spaces is a table's cells, never quoted."""
    spans = []
    for m in _SENTENCE.finditer(text):
        start = m.start() + len(m.group()) - len(m.group().lstrip())
        if start < m.end() and len(re.sub(r"\s+", "", m.group())) <= MAX_SENTENCE:
            spans.append((start, m.end()))
    return spans
