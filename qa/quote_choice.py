"""The retrieval route's choice: whether the quote found (qa/extract.py) answers the question, the number read
out of it, and the Answer that quotes it (sentence from qa/compose/quotes.py) or refuses (qa/wording.py).

    >>> retrieval_answer(question, retriever=retriever, catalog=catalog, k=settings.retrieval_k)
    Answer(text='根据《…》“总体情况”部分：“2020 年，掌政镇通过政府网站管理平台主动公开信息 98 条、…”', route='retrieval')

Below MIN_COVERAGE nothing answers (unless the quote holds RESCUE_COVERAGE and its coverage and closeness in meaning
together reach RESCUE_EVIDENCE): the route refuses rather than quote something unrelated; so does a quote that misses
the measure, channel, item or amount the question asks. No number is built: value/unit are read from the quote.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence

from govqa.core.protocols import Searcher
from govqa.core.types import Answer, Question, Source
from govqa.qa import lexicon as lx
from govqa.qa import wording as wd
from govqa.qa.catalog import Catalog
from govqa.qa.compose import done_lead, quoted
from govqa.qa.dates import point_in_time
from govqa.qa.extract import (
    ASKED_UNIT,
    FOLLOW_FRAME,
    NUM_UNIT,
    Quote,
    asked_channels,
    find_quote,
    name_words,
    says_channel,
)
from govqa.qa.overlap import SPACED, bigram_share, synonyms, word_credit
from govqa.qa.words import content_tokens

log = logging.getLogger(__name__)

MIN_COVERAGE = 0.5
RESCUE_COVERAGE = 0.3  # below MIN_COVERAGE a quote still answers when it holds this much of the question's words …
RESCUE_CLOSENESS = 0.8  # … and is among the candidates closest in meaning (relative closeness, 0..1)
# between those two cut-offs the evidence is summed, not cut twice: a quote holding a little less of the words and a
# little less close (0.45 and 0.7) answers as one at the rescue corner (0.3 and 0.8) does, so a question sitting
# at either edge does not flip on a reworded particle
RESCUE_EVIDENCE = RESCUE_COVERAGE + RESCUE_CLOSENESS
_MONEY = re.compile(r"\d(?:[\d,.]*\d)?\s*(?:万元|亿元|元)")
_ANY_COUNT = re.compile(r"[0-9０-９]|[一二两三四五六七八九十百千万]+[条件次篇期场名人个项起份本套倍家所]")
# 几个人 / 多少名 / 几位: people counted (not 人次); a quote answers with 一名 / 3人 / 两位 / 20余人次
_ASKED_PEOPLE = re.compile(r"(?:多少|几)个?(?:人(?!次)|名|位)"
                           # 参加的人有多少 / 参与人数是多少: people, said before the question word (not 个人/法人, applicants)
                           r"|(?<![个然法任工])人数?(?:一共|总共|共)?(?:有|是|为|达)?(?:多少|几)(?![次条件篇])")
_PEOPLE = re.compile(r"(?:\d+(?:\.\d+)?|[一二两三四五六七八九十百千]+)\s*[万千]?\s*[余多]?\s*(?:名|位|人)"
                     r"|人数[^，,。；;？?]{0,4}?\d"  # 多少人阅读: 阅读人数267.5万 counts people too
                     r"|(?:达|约|近|逾|超|上|数|几)[百千万]余?人(?!次)")  # 参与人数达万人 / 数千人: a round count in words
# 多少人关注 / 粉丝有几个人: followers, stated as 关注人数达6.6万 or 粉丝量1.8万 as often as with 人
_ASKED_FOLLOWERS = re.compile(r"关注|粉丝|订阅|用户")
_FOLLOWERS = re.compile(r"(?:关注|粉丝|订阅|用户)[^，,。；;？?]{0,8}?\d")
_HOW_MANY_WORD = re.compile(r"(?:多少|几)[\u4e00-\u9fff]?$")  # a token jieba cut as one word: 多少项, 几条
_ASKED_SHARE = re.compile(r"比例|占比|百分比|比重|(?<![频效])率|百分之")  # the answer is a percentage
_ASKED_MONEY = re.compile(r"(?:收入|支出|经费|金额|资金|产值|总值|税收|开支|费用|营收|GDP|花销|开销|成本|花费)"
                          r"(?:总额|总量|数额)?(?:是|为|有|达到|达|共|一共|总共)?(?:多少|几)(?![条件次篇期场名人个项起份本套倍])"
                          # 花了多少钱 / 花多少 / 用了几个钱 / 掏了多少: money asked in plain words, not by a noun
                          r"|(?:多少|几个?)钱|花(?:了|掉了?|费了?)?(?:多少|几)(?![天个小时年月日周次场条件篇期])")
# 截至…累计 / 到…为止一共: a running total up to a moment, said in the report as 累计… or after 截至…
_ASKED_CUMULATIVE = re.compile(r"累计|累积|总共累|至今|到现在|迄今")
_RUNNING_TOTAL = re.compile(r"累计|累积|截至|截止|迄今|至今")
_DURATION = re.compile(r"\d+\s*个?(?:工作日|自然日|日内|天|小时|个月|周)")  # 7个工作日内: a time limit, not a count
# 平均要多少天 / 几个工作日 / 多少小时: a length of time asked; only a length said answers it (不是 收到58件)
_ASKED_TIME = re.compile(r"(?:多少|几)个?(?:工作日|自然日|天|小时|分钟|星期|周|个月)")
_TIME_SAID = re.compile(r"(?:\d+(?:\.\d+)?|[一二两三四五六七八九十百半]+)\s*个?(?:工作日|自然日|日内|天|小时|分钟|星期|周|个月)")

# a measured quantity asked for by name: 访问量是多少, 回复率为多少
_ASKED_MEASURE = re.compile(r"([\u4e00-\u9fff]{1,4}[量率])(?:是|为|有|达到|达)?(?:多少|几)")
MIN_ITEM_WORD = 3  # characters: a follow-up's word this long names an item (吹风会, 视频号), not a frame (占比)
ITEM_BIGRAMS = 0.5  # share of the item word's character pairs the quote must hold (微信公众号 ~ 微信公众平台)


def pick_number(sentence: str, question: str, words: Sequence[str],
                prefer: Sequence[str] = ()) -> tuple[float, str] | None:
    """The number (and unit) of the sentence: the asked unit first, then one right after a ``prefer`` word (the
    channel asked), then the one closest after a question word."""
    unit = ASKED_UNIT.search(question)
    asked = unit.group(1) if unit else "%" if _ASKED_SHARE.search(question) else None
    part = sentence.find("其中") if "其中" in question else -1  # 其中…有多少: the sub-count, not the head count
    cumulative = bool(_ASKED_CUMULATIVE.search(question) or point_in_time(question)[1])
    best: tuple[int, int, int, int, int, int, float, str] | None = None
    for i, m in enumerate(NUM_UNIT.finditer(sentence)):
        before = sentence[max(0, m.start() - 12):m.start()]
        near = sum(len(w) for w in words if w in before or any(s in before for s in synonyms(w)))  # 网上 ~ 网络
        right_after = int(any(w in sentence[max(0, m.start() - 6):m.start()] for w in prefer))
        # 截至…累计多少: the count said after the moment (截止2025年1月22日，累计发送…), not the year's own
        running = int(cumulative and bool(_RUNNING_TOTAL.search(_clause_before(sentence, m.start()))))
        key = (int(asked is not None and lx.same_unit(asked, m.group(3).replace("％", "%"))), right_after, running, int(0 <= part < m.start()), near, -i)
        if best is None or key > best[:6]:
            best = (*key, float(m.group(1)), (m.group(2) or "") + m.group(3))
    return (best[6], best[7]) if best else None


def _clause_before(sentence: str, end: int) -> str:
    """The clause of a sentence that leads up to ``end`` (from the last ，；。 before it)."""
    head = sentence[:end]
    return head[max(head.rfind(c) for c in "，,；;。") + 1:]



def quote_answer(q: Question, quote: Quote, *, catalog: Catalog) -> Answer:
    """The retrieval-route Answer quoting the chosen sentences, with value/unit read from the quote."""
    chunk = quote.chunk
    value = unit = None
    asked = q.query or q.text
    if lx.QUESTION_HOW_MANY.search(asked):
        drop = list(catalog.variants)
        # 在网上申请的是几件: the count said of 网络申请; 信函的呢 after it: the follow-up's own channel
        channels = [w for g in asked_channels(q.text) or asked_channels(asked) for w in g]
        # 办结率多少 after 收到几件: the follow-up's own unit (%) is asked, not the one asked before
        own_unit = ASKED_UNIT.search(q.text) or _ASKED_SHARE.search(q.text)
        picked = pick_number(quote.text, q.text if own_unit else asked, content_tokens(asked, drop=drop),
                             prefer=channels + _own_words(q, drop))
        if picked and _unit_fits(q.text, picked[1]):
            value, unit = picked  # 有多少人参加 read from 参与人数达万人: no figure, not the 100余场 beside it
    sources = tuple(Source(report=chunk.report_id, agency=chunk.agency, year=chunk.year, text=p.text,
                           section=chunk.section, start=p.start, end=p.end) for p in quote.passages)
    said = quote.text
    text = done_lead(q.text, said) + quoted(chunk.agency, chunk.year, chunk.section, said)  # compose last
    return Answer(question=q.text, text=text, found=True, route="retrieval", value=value, unit=unit, sources=sources)


def _own_words(q: Question, drop: Sequence[str]) -> list[str]:
    """The words a follow-up says itself and the question before did not (累计 after 全年): the number after them is
    the one it asks, not the one the earlier question asked."""
    if not q.query or q.query == q.text:
        return []
    before = q.query[:len(q.query) - len(q.text)]
    return [w for w in content_tokens(q.text, drop=drop) if w not in before]


def no_quote(q: Question, *, catalog: Catalog, agencies: Sequence[str]) -> Answer:
    """The refusal of the retrieval route: nothing relevant was found."""
    return Answer(question=q.text, found=False, route="refuse", reason="no-data",
                  text=wd.no_quote("、".join(catalog.short(a) for a in agencies)))



def answers(quote: Quote) -> bool:
    """Whether a quote is relevant enough to answer: it holds half the question's words, or a good part of them and
    is close in meaning (a paraphrase: 在什么地方办公 → 地址：…), the less close the more of the words it holds."""
    if quote.coverage >= MIN_COVERAGE:
        return True
    # the rescue corner (RESCUE_COVERAGE, RESCUE_CLOSENESS) sums to RESCUE_EVIDENCE, so the sum alone decides
    return quote.coverage >= RESCUE_COVERAGE and quote.coverage + quote.closeness >= RESCUE_EVIDENCE - 1e-9



def holds_count(text: str) -> bool:
    """Whether a passage states a count with its unit (135条, 7733件), not only time limits (7个工作日内)."""
    return NUM_UNIT.search(_DURATION.sub("", text)) is not None



def _asked_kind(question: str) -> str | None:
    """The kind of quantity a question asks by its unit word: 'people', 'time', 'money', another unit, or None."""
    if _ASKED_PEOPLE.search(question):
        return "people"
    if _ASKED_TIME.search(question):
        return "time"
    unit = ASKED_UNIT.search(question)
    if unit is None or question.startswith("钱", unit.end()):  # 几个钱: money, not a count of 个
        return "money" if _ASKED_MONEY.search(question) else None
    return "money" if unit.group(1) in ("万元", "元") else unit.group(1)


def _unit_fits(question: str, unit: str) -> bool:
    """Whether a number read with ``unit`` answers the quantity a question asks: people for 几个人 (not 100余场),
    no count at all for 多少天 (a length of time is never read as a value; the quote says it)."""
    kind = _asked_kind(question)
    if kind == "people":
        return lx.same_unit("人", unit[-1:])
    return kind != "time"


def _holds_asked_amount(question: str, text: str) -> bool:
    """Whether a quote can answer a 多少+unit question: a sum of money for 多少万元, a count of people for 几个人 /
    几名, a length of time for 多少天, some count for the other units (one kind of quantity never answers another)."""
    kind = _asked_kind(question)
    if kind == "people":  # 每个科室配了几个人: 两名联络员 answers, 公开信息96条 does not
        text = SPACED.sub("", text)
        return bool(_PEOPLE.search(text) or (_ASKED_FOLLOWERS.search(question) and _FOLLOWERS.search(text)))
    if kind == "time":  # 平均要多少天: 20个工作日内 answers, 办结申请58件 does not
        return bool(_TIME_SAID.search(SPACED.sub("", text)))
    if kind == "money":  # 预算收入是多少, 多少万元: a sum of money; a count (财政预算信息2条) does not answer it
        return bool(_MONEY.search(text))
    return kind is None or bool(_ANY_COUNT.search(text))



def _names_asked_measure(question: str, text: str) -> bool:
    """Whether a quote speaks of the measure a question asks by name (访问量: 访问, 浏览, 点击 …): a count of
    something else in the same sentence (发布信息4818篇) is no 访问量."""
    text = SPACED.sub("", text)
    return all(word_credit(m.group(1), text) > 0 for m in _ASKED_MEASURE.finditer(question) if len(m.group(1)) >= 2)



def _names_asked_channel(question: str, text: str) -> bool:
    """Whether a quote says how applications came in when the question asks by channel (网上提交的有几件): the
    total of applications received is no answer to it."""
    if not lx.ASKED_CHANNEL.search(question):
        return True
    groups = asked_channels(question)
    text = SPACED.sub("", text)
    return any(says_channel(g, text) for g in groups) if groups else "方式" in text or "渠道" in text



def _names_new_item(own: str, quote: str, *, drop: Sequence[str]) -> bool:
    """Whether a quote speaks of the item an elliptic follow-up names (政策吹风会呢？): a count of something else
    (新闻发布会7次) is no answer to it. A follow-up naming no item (2023年呢？) always passes."""
    words = [w for w in content_tokens(own, drop=drop)
             if len(w) >= MIN_ITEM_WORD and w not in FOLLOW_FRAME and w not in lx.WEAK_TOPICS
             and not _HOW_MANY_WORD.match(w)]  # 多少项 asks, it names no item
    text = SPACED.sub("", quote)
    return not words or any(w in text or bigram_share(w, text) >= ITEM_BIGRAMS or any(s in text for s in synonyms(w))
                            for w in words)



def retrieval_answer(q: Question, *, retriever: Searcher, catalog: Catalog, k: int,
                     agencies: Sequence[str] = (), years: Sequence[int] = (),
                     report_text: Callable[[str], str] = lambda _id: "") -> Answer:
    """Quote the best sentences of the retrieved chunks, or refuse when nothing relevant is found."""
    quote = find_quote(q, retriever=retriever, catalog=catalog, k=k, agencies=agencies, years=years,
                       report_text=report_text)
    return quote_reply(q, quote, catalog=catalog, agencies=agencies)



def quote_reply(q: Question, quote: Quote | None, *, catalog: Catalog, agencies: Sequence[str] = ()) -> Answer:
    """The answer a fetched quote gives (a pure choice): the quote, or a refusal when it does not answer q."""
    if quote is not None and not _names_asked_measure(q.text, quote.text):
        log.info("retrieval refused %r: the best quote does not speak of the measure asked", q.text)
        return no_quote(q, catalog=catalog, agencies=agencies)
    if quote is not None and not _names_asked_channel(q.query or q.text, quote.text):
        log.info("retrieval refused %r: the quote does not say how the applications came in", q.text)
        return no_quote(q, catalog=catalog, agencies=agencies)
    if quote is not None and q.query and not _names_new_item(q.text, quote.text, drop=name_words(catalog)):
        log.info("retrieval refused %r: the quote does not speak of the item the follow-up names", q.text)
        return no_quote(q, catalog=catalog, agencies=agencies)
    if quote is not None and not _holds_asked_amount(q.text if ASKED_UNIT.search(q.text) else q.query or q.text,
                                                     quote.text):
        # 具体是多少万元 answered by sentences with no such amount: the reports do not say, so say that
        log.info("retrieval refused %r: the best quote holds no number", q.text)
        return no_quote(q, catalog=catalog, agencies=agencies)
    if quote is None or not answers(quote):
        log.info("retrieval refused %r: best coverage %.2f, closeness %.2f", q.text,
                 quote.coverage if quote else 0.0, quote.closeness if quote else 0.0)
        return no_quote(q, catalog=catalog, agencies=agencies)
    return quote_answer(q, quote, catalog=catalog)

