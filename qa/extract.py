"""The retrieval route's fetch: search the prose, then find the sentence(s) that best answer, verbatim, with
offsets (`find_quote` -> `Quote`); whether that quote answers, and the Answer, are qa/quote_choice.py's.

    >>> find_quote(q, retriever=retriever, catalog=catalog, k=settings.retrieval_k)
    Quote(chunk=…, passages=(Passage('2020 年，掌政镇通过政府网站管理平台主动公开信息 98 条、…'),), coverage=0.8, …)

A window of one to three consecutive sentences is scored by how much of the question's content words it holds
(jieba tokens, longer words weigh more, the words after 哪些/多少 twice; a heading above the sentence counts half;
synonyms and character bigrams count partly, see qa/overlap.py), plus its closeness in meaning to the question
(qa/semantic.py, the retriever's embedder); a 多少/几 question prefers a number with the asked unit, a 在哪 question
a place; a list answer grows to its items (up to LIST_BUDGET).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from govqa.core.protocols import Embedder, Searcher
from govqa.core.types import Chunk, Question, ScoredChunk
from govqa.index.sections import split_sections
from govqa.qa import lexicon as lx
from govqa.qa import stated_counts
from govqa.qa.catalog import Catalog
from govqa.qa.lists import LIST_ALL, introduces_list, is_subheading, list_items, starts_item
from govqa.qa.overlap import SPACED, coverage_of
from govqa.qa.passages import Passage, passage_sentences
from govqa.qa.semantic import Similarity, sentence_similarity
from govqa.qa.shortnames import abbreviation_score
from govqa.qa.treated import names_treated, treated_thing
from govqa.qa.words import content_tokens, tokens

SEMANTIC_WEIGHT = 0.15  # the candidate closest in meaning gains this much over the farthest (see qa/semantic.py)
ANSWER_BONUS = 0.3  # the window holds the kind of answer asked for: a number with the asked unit, a place
STATEMENT_BONUS = 0.1  # the count stated right after the words that name it (see _statement_bonus)
ITEM_BONUS = 0.3  # …when those words name the item asked (环境执法信息21条), not only the whole (政府信息186条)
WINDOW_PENALTY = 0.1  # per extra sentence: a longer quote must earn its length
MAX_WINDOW = 2  # sentences scored together (联系。联系电话：…); lists grow afterwards, see _extend
LIST_BUDGET = 220  # characters a 哪些/如何 answer may quote
NUM_UNIT = re.compile(r"(\d+(?:\.\d+)?)\s*(万余|余万|余|万)?\s*(?:[大小子](?=项))?(人次|万元|条|件|次|篇|期|场|人|名|个|项|起|份|本|套|字|分|倍|%|％)")
_FILLER_BEFORE_COUNT = re.compile(r"(?:共计|合计|累计|共|达|为)$")
_DIGITS = re.compile(r"\d[\d\-—－]{4,}\d")  # telephone numbers, postcodes: numbers without a unit
ASKED_UNIT = re.compile(r"(?:多少|几)(?:[大小子](?=项)|个(?=人(?!次)))?(人次|万元|元|条|件|次|回|篇|期|场|人|名|个|项|起|份|本|套|分|倍)")
_FOCUS = re.compile(r"(?:哪些|哪个|哪家|哪里|什么|多少|几|如何|怎样|怎么|谁)(.*)$")
_FIRST_ITEM = re.compile(r"^\s*(?:一是|1\s*[.．、]|[（(]\s*[一1]\s*[）)])")
_LATER_ITEM = re.compile(r"^\s*(?:[二三四五六七八九]是|[2-9]\s*[.．、]|[（(]\s*[二三四五六七八九2-9]\s*[）)])")
_MEASURES = "条篇件次名个项场期位本份起"
_PEOPLE_MEASURES = "人名位"
LIST_QUESTION = re.compile(r"哪些|什么|如何|怎样|怎么|哪几|哪[两三四五六七八九十]")
# 哪几道 / 哪三道 asks which things, not how many: said as 哪些 before the count words are looked for
_WHICH_N = re.compile(r"哪[几两三四五六七八九十]+|几(?=[\u4e00-\u9fff]几)|(?<=几[\u4e00-\u9fff])几")  # 几审几校 → 三审三校
# the measure word after 哪几 (哪几道审核 → 道, 哪三个方面 → 三个): it counts the items, the text names them instead
_WHICH_MEASURE = re.compile(r"^[几两三四五六七八九十]?[道个项条类种步次件层级关点]$")
_MEASURE_QUESTION = re.compile(r"措施|改进|整改|计划|打算|下一步|举措")
_MEASURE_WORDS = re.compile(r"措施|改进|整改|计划|打算|下一步|举措|将")
LEAD_IN = 15  # characters before a list that say what it lists ((一) 存在问题 / 将做好以下工作)
# kinds of answer a question asks for, and what a quote holding one looks like
_DATE_QUESTION = re.compile(r"哪天|哪一天|什么时候|何时|哪个月|几月|几号|什么日期|哪个日期|起止|期限")
_DATE_ANSWER = re.compile(r"\d{1,2}\s*月\s*\d{1,2}\s*[日号]|\d{1,2}\s*[日号]")
# 多久统计一次 / 多长时间报送一次 / 推送频率: how often, answered by 每季度 / 定期 / 按月
_FREQUENCY_QUESTION = re.compile(r"(?:多久|多长时间|隔多久|几天|多少天)[^，,。？?]{0,12}?(?:一次|1次)|频率|频次|多久(?:报|更新|统计|推送|发布|检查|召开|开)")
_FREQUENCY_ANSWER = re.compile(r"每[一个]?(?:天|日|周|星期|月|季度?|半年|年)|定期|实时|按(?:月|季度?|周|年|日)|逐月|月度|季度|每半年")
_CJK_WORD = re.compile(r"[\u4e00-\u9fff]{2,}")
_ASK_WORDS = frozenset({"什么", "怎么", "怎样", "如何", "哪里", "哪儿", "是否", "有没有", "是不是", "我们", "你们"})
_FREQUENCY_FRAME = frozenset({"多久", "多长", "多长时间", "隔多久", "一次", "1次", "频率", "频次", "几天", "多少天"})
_PERCENT_QUESTION = re.compile(r"占比|比例|比重|百分之|百分比|[^\w]?\w{0,4}率(?:是|为|有)?多少")
_PERCENT_ANSWER = re.compile(r"\d\s*[%％]|百分之")
_CONTACTS: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...] = (
    (re.compile(r"传真"), re.compile(r"传\s*真[^\d]{0,6}\d[\d\-—－ ]{5,}")),
    (re.compile(r"电话|热线|手机|座机"), re.compile(r"(?:电\s*话|热线)[^\d]{0,6}\d[\d\-—－ ]{5,}|\d{3,4}\s*[-—－]\s*\d{6,8}")),
    (re.compile(r"邮箱|电子邮件|e-?mail|邮件", re.IGNORECASE), re.compile(r"[\w.\-]+\s*[@＠]\s*[\w\-]+\.[\w.]+")),
    (re.compile(r"邮编|邮政编码"), re.compile(r"邮\s*(?:政\s*)?编\s*(?:码)?[^\d]{0,3}\d{6}")),
    (re.compile(r"网址|网站地址|网页地址|域名"), re.compile(r"(?:https?://|www\.)[\w./\-]+")),
)


@dataclass(frozen=True)
class Quote:
    """Consecutive sentences of one chunk chosen to answer, with how well they cover the question."""

    chunk: Chunk
    passages: tuple[Passage, ...]
    score: float
    coverage: float  # lexical: weighted share of the question's words the sentences hold (qa/overlap.py)
    closeness: float = 0.0  # semantic: 0..1 among the candidates, 1 for the sentence closest to the question

    @property
    def text(self) -> str:
        """The quoted sentences joined."""
        return "".join(p.text for p in self.passages)


def question_weights(question: str, *, drop: Sequence[str]) -> dict[str, float]:
    """Content words of the question with weights: longer words more, the words after 哪些/多少 (the focus) double."""
    words = [_trim_word(w, question) for w in content_tokens(question, drop=drop)]
    if not words and lx.QUESTION_HOW_MANY.search(question):  # 全年公开了多少条信息: only the weak words say what
        words = [w for w in tokens(question) if w in lx.WEAK_TOPICS and w not in drop]
    focus = _FOCUS.search(question)
    tail = focus.group(1) if focus else ""
    if focus and words and not any(w in tail for w in words):  # 联系电话是多少: the focus is the word before
        before = [w for w in words if w in question[:focus.start()]]
        tail = before[-1] if before else ""
    if any(w in question for w in lx.REPORT_WORDS):  # 年报在哪个网站 asks about the report itself: 本报告…
        words.append("报告")
    words = [w for w in words if w and w not in _FRAME_WORDS]
    # 哪几个 / 几项 / 几类 / 些: the ask itself, never in the answer; weighed, it only makes every coverage smaller and
    # leaves a question one reworded particle away from the cut-off
    words = [w for w in words if not _ASKING_WORD.fullmatch(w)] or words
    weights = {w: float(min(len(w), 4)) * (2.0 if w in tail else 1.0) for w in dict.fromkeys(words)}
    if _FREQUENCY_QUESTION.search(question) and len(weights) > 1:  # 多久…一次: the frame of the answer (每季度), no content
        content = {w: v for w, v in weights.items() if w not in _FREQUENCY_FRAME}
        if all(len(w) < 2 for w in content):  # only 隔 / 报 / 做 left: the weak words say what is done (信息报告)
            content = {**content, **_topic_of_frequency(question, drop)}
        weights = content or weights
    for m in (*_ANSWER_KIND.finditer(question), *_ANSWER_KIND_AFTER.finditer(question), *lx.AVOIDED_ASKED.finditer(question)):
        # 用的什么形式 / 要避免什么问题: the quote names the form (图文解读) or the risk (失管脱管), not the word 形式 / 问题
        word = next((g for g in m.groups() if g), "")
        if word in weights and len(weights) > 1:
            weights[word] = ANSWER_KIND_WEIGHT
    for m in _QUOTED.finditer(question):  # “一趟不用跑、最多跑一趟”: the item's own name, said whole
        phrase = SPACED.sub("", m.group(1))
        if len(phrase) >= MIN_QUOTED and phrase not in weights:
            weights[phrase] = QUOTED_WEIGHT
    return weights


def _trim_word(word: str, question: str) -> str:
    """jieba glues a measure word or a particle to a content word (多少条政民 → 条政民, 答复了): cut it off."""
    if len(word) >= 3 and word[0] in _MEASURES and re.search(r"(?:多少|几)" + re.escape(word), question):
        word = word[1:]
    # 几个人管 / 多少名负责: the people counted glued to the verb after them (人管 → 管)
    if len(word) >= 2 and word[0] in _PEOPLE_MEASURES and re.search(r"(?:多少|几)个?" + re.escape(word), question):
        word = word[1:]
    if _WHICH_MEASURE.match(word) and re.search(r"哪" + (r"[几两三四五六七八九十]?" if len(word) == 1 else "")
                                                + re.escape(word), question):
        return ""
    # 公开率有多少 / 达到多少了: 有 glued to the measure (率有 → 率), and 达到 before 多少 is the frame, not a content word
    if len(word) >= 2 and word[-1] == "有" and re.search(re.escape(word) + r"(?:多少|几)", question):
        word = word[:-1]
    if word in {"达到", "到达", "达"} and re.search(re.escape(word) + r"了?(?:多少|几)", question):
        return ""
    if len(word) >= 2 and word[0] == "几":  # 几楼 / 几号: the text says 3 楼 / 304 室
        word = word[1:]
    if len(word) >= 3 and word[-1] in "了过着吗呢的啊呀吧嘛":  # 公开的 / 负责呀: the particle cut off
        word = word[:-1]
    return word


def answer_kinds(question: str) -> tuple[re.Pattern[str], ...]:
    """What a quote answering the question must look like: a date, a percentage, a phone number, an e-mail …"""
    kinds = [answer for ask, answer in _CONTACTS if ask.search(question)]
    if _DATE_QUESTION.search(question):
        kinds.append(_DATE_ANSWER)
    if _PERCENT_QUESTION.search(question):
        kinds.append(_PERCENT_ANSWER)
    if _FREQUENCY_QUESTION.search(question):
        kinds.append(_FREQUENCY_ANSWER)
    return tuple(kinds)


def _answer_bonus(text: str, *, asks_number: bool, asked_unit: str | None, asks_place: bool,
                  kinds: Sequence[re.Pattern[str]] = ()) -> float:
    """Credit for holding the kind of answer the question asks for: a place, a date, a phone number, a number with
    its unit."""
    if kinds:
        held = sum(1 for k in kinds if k.search(text))
        return ANSWER_BONUS * held / len(kinds) if held else (-0.2 if asks_number else 0.0)
    if asks_place and lx.PLACE_ANSWER.search(text):
        return ANSWER_BONUS
    return _number_bonus(text, asked_unit) if asks_number else 0.0


def _number_bonus(text: str, asked_unit: str | None) -> float:
    units = {m.group(3) for m in NUM_UNIT.finditer(text)}
    if asked_unit and any(lx.same_unit(asked_unit, u) for u in units):
        return ANSWER_BONUS
    if units:
        return 0.15
    return 0.05 if _DIGITS.search(text) else -0.2


# a word after 什么 / 哪种 that says what kind of answer is asked (形式, 方式, 渠道), which the answer itself need not say
_ANSWER_KIND = re.compile(r"(?:什么|啥|哪些|哪种|哪几种|何种)(?:样的|的)?(形式|方式|渠道|途径|手段|办法|载体|方法)"
                          # 上的是哪个栏目 / 参加的什么节目: the quote names the programme (做客…之“X”), not the word
                          r"|(?:什么|啥|哪个|哪一个|哪档|哪些)(栏目|节目|专栏)")
# 审批程序是怎样的 / 流程如何: the quote says the procedure (逐级签批), not the word 程序
_ANSWER_KIND_AFTER = re.compile(r"(程序|流程|步骤|方式|形式|办法)(?:是|都是|又是)?(?:怎样|怎么样|如何|什么样|啥样)")
ANSWER_KIND_WEIGHT = 1.0
_ASKING_WORD = re.compile(r"哪?几[个项类种条件次位名道家所]?|哪一?[个项类种]|些")
_FRAME_WORDS = frozenset({"其中"})  # 其中…有多少: says the count is a part of the one before, not what it is of
_QUOTED = re.compile(r"[“「\"‘]([^”」\"’]{2,30})[”」\"’]")
MIN_QUOTED, QUOTED_WEIGHT = 5, 6.0  # a quoted name this long is matched whole, weighing more than any one word
# words a follow-up says around what it changes (换成2023年的报告呢): none names a new item
FOLLOW_FRAME = frozenset({"换成", "改成", "换", "看看", "再看", "报告", "年报", "那么", "还有", "如果", "同一年", "同年",
                           "那一年", "这一年", "当年", "呢", "那会儿", "那会", "那时候", "那时", "当时",
                           "那个时候", "时候", "前一年", "上一年", "上一年度", "上年度",
                           "去年", "前年", "今年", "那边", "这边", "那年", "这年", "一年", "到", "又", "再", "也", "的话", "要是", "换到", "改到", "又是"})
OWN_WEIGHT, EARLIER_WEIGHT = 2.0, 0.25  # a follow-up's own words against the earlier question's, in the joined query
# the header a crawler keeps of a web page: breadcrumbs, source and time, share buttons
CRAWLER_HEADER = re.compile(r"当前位置|来源[：:]|时间[：:]\s*\d{4}-|微信\s*微博|QQ空间|全真版|文字版|相关链接[：:]")


def asked_part(question: str) -> str:
    """What a count question asks within a whole it names first (主动公开的215条里，工作动态的有几条 → 工作动态的有几条),
    or "" when it names no such whole."""
    within = lx.WITHIN_WHOLE.search(question)
    part = question[within.end():] if within else ""
    return part if lx.QUESTION_HOW_MANY.search(part) and content_tokens(part, drop=()) else ""


def best_quote(question: str, hits: Sequence[ScoredChunk], *, drop: Sequence[str],
               report_text: Callable[[str], str] = lambda _id: "", embedder: Embedder | None = None,
               own: str = "") -> Quote | None:
    """The best window of consecutive sentences over the retrieved chunks, or None when nothing is quotable.

    A window scores its lexical coverage plus SEMANTIC_WEIGHT times its closeness in meaning (when an embedder is
    given), a small bonus for the hit rank and, for 多少/在哪 questions, one for holding the asked kind of answer.
    ``own`` is a follow-up's own text when question joins it to the earlier one (三公经费信息呢？): its words weigh
    more, and they alone name what a count must be stated of."""
    weights = question_weights(question, drop=drop)
    if not weights:
        return None
    own_words = [w for w in weights if w in own and w not in FOLLOW_FRAME]
    if own_words:  # the earlier question's words set the frame; the item they named is what the follow-up replaces
        weights = {w: v * (OWN_WEIGHT if w in own_words else EARLIER_WEIGHT) for w, v in weights.items()}
    asks_number = bool(lx.QUESTION_HOW_MANY.search(_WHICH_N.sub("哪些", question)))
    unit = ASKED_UNIT.search(own) or ASKED_UNIT.search(question)  # 那一年多少项… after 多少篇: the follow-up's unit
    asked_unit = unit.group(1) if unit else None
    asks_place = bool(lx.PLACE_QUESTION.search(question)) and not lx.UNIT_PLACEMENT.search(question)
    kinds = answer_kinds(question)
    treated = treated_thing(question)
    if asks_place:
        kinds = (*kinds, lx.PLACE_ANSWER) if kinds else ()
    listing = bool(LIST_QUESTION.search(question)) and not asks_number and not asks_place and not kinds
    whole_list = listing and bool(LIST_ALL.search(question))
    topic = _topic_words(question, weights, drop=drop) if asks_number and not kinds else ()
    if topic and own_words:  # 三公经费信息呢？ after 财税金融政策有几条: the count stated of the new item
        topic = tuple(w for w in topic if w in own)
    if asks_number and (part := asked_part(question)):  # 主动公开的215条里，工作动态的有几条: the part's count
        weights = {w: v if w in part else v * EARLIER_WEIGHT for w, v in weights.items()}
        topic = tuple(w for w in topic if w in part) or topic
    candidates = [(rank, hit, passage_sentences(hit.chunk, report_text(hit.chunk.report_id)))
                  for rank, hit in enumerate(hits)]
    # 其中是从网上递交的占几件: the count said of that channel (网络申请数14件), not another count near a channel word
    counted_by = channel_count(asked_channels(own or question)) if asks_number else None
    similar = sentence_similarity(embedder, question, [p.text for _, _, ss in candidates for p in ss])
    best: Quote | None = None
    scored: Quote | None = None  # the best window as scored, before a list answer grows it
    for rank, hit, sentences in candidates:
        for i in range(len(sentences)):
            for n in range(1, MAX_WINDOW + 1):
                window = tuple(sentences[i:i + n])
                if len(window) < n:
                    break
                if whole_list and any(CRAWLER_HEADER.search(p.text) for p in window):
                    continue  # a crawled page's header (当前位置, 来源, 微信 微博) lists nothing (its 文号 is a fact)
                quote = _score_window(hit.chunk, window, weights, similar, rank=rank, asks_number=asks_number,
                                      asked_unit=asked_unit, asks_place=asks_place, listing=listing, kinds=kinds,
                                      topic=topic, treated=treated)
                if counted_by is not None and counted_by.search(SPACED.sub("", quote.text)):
                    quote = replace(quote, score=quote.score + ANSWER_BONUS)
                if best is None or quote.score > best.score + 1e-9:
                    best = scored = quote
        if best is not None and listing and best.chunk is hit.chunk:
            best = _extend(best, sentences)
    if best is not None and asks_number and not kinds and not own:  # 解读了几条: the count of that action, not of 发布
        best = _stated_count(best, question, report_text(best.chunk.report_id))
    if best is not None and (groups := asked_channels(question)):
        best = _cover_channels(best, groups, passage_sentences(best.chunk, report_text(best.chunk.report_id)))
    if best is not None and scored is not None and listing and LIST_ALL.search(question) \
            and not _STEPS_ASKED.search(question):
        whole = _whole_list(scored, report_text(best.chunk.report_id), measures=bool(_MEASURE_QUESTION.search(question)))
        best = whole if whole is not scored else best
    return best


def _stated_count(quote: Quote, question: str, text: str) -> Quote:
    """The quote, or, when it states no count right after the action and thing the question asks (发布…169条 for 解读了
    几条政策性文件), the sentence of the same report that does (解读政策性文件8条), found in the whole text."""
    if not text or stated_counts.count_said(quote.text, question):
        return quote
    span = stated_counts.count_span(text, question)
    if span is None:
        return quote
    start, end = span
    start += len(text[start:end]) - len(text[start:end].lstrip())
    section = next((s.title for s in split_sections(text) if s.start <= start < s.end), quote.chunk.section)
    passage = Passage(start, end, re.sub(r"\s+", "", text[start:end]), section)
    return replace(quote, chunk=replace(quote.chunk, section=section), passages=(passage,))


ITEM_SLACK = 3  # characters between a quoted sentence's start and its item marker (spaces, a bracket)
# 哪几道审核 / 哪三个环节 / 哪几级: the steps one sentence names (部门负责人、局办公室、分管领导), not a list of parts
_STEPS_ASKED = re.compile(r"哪[几两三四五六七八九十]+(?:道|步|级|关|层|个?环节|个?步骤|个?程序|个?流程|个?部门|个?单位|家|位|名|种|审)")


def _whole_list(quote: Quote, text: str, *, measures: bool = False) -> Quote:
    """A 存在哪些问题 answer: every item of the list the quote is in (or introduces), one brief quote each; a question
    about measures takes the list after a problems list when a measures heading (改进情况, 下一步…) stands between."""
    if not text:
        return quote
    first = next((p for p in quote.passages if starts_item(p.text) and not is_subheading(p.text)), None)
    if first is not None:
        items = list_items(text, first.start, section=first.section, heading=first.heading)
        if not any(first.start <= p.start <= first.start + ITEM_SLACK for p in items):
            items = []  # a list that ended before the quote's item ((三)… after 一是…二是… of part (二)) is not its list
    elif introduces_list(quote.passages[-1].text):  # the list may begin inside it: 主要表现在：一是…
        last = quote.passages[-1]
        items = list_items(text, last.start, section=last.section, heading=last.heading, following=True)
    else:
        items = []
    if items and measures and not _MEASURE_WORDS.search(text[max(0, items[0].start - LEAD_IN):items[0].start]):
        last = items[-1]
        after = list_items(text, last.end, section=last.section, heading=last.heading, following=True)
        if after and _MEASURE_WORDS.search(text[last.end:after[0].start]):
            items = after
    return replace(quote, passages=tuple(items)) if items else quote


def _topic_of_frequency(question: str, drop: Sequence[str]) -> dict[str, float]:
    """What a 多久…一次 question asks the frequency of when its words are all weak or stop words (多久做一次信息报告:
    信息, 报告): those words, each weighed by its length, since the frame (多久, 一次) is never in the answer."""
    words = [w for w in tokens(question) if _CJK_WORD.fullmatch(w) and w not in drop and w not in _FREQUENCY_FRAME
             and not lx.QUESTION_HOW_MANY.search(w) and w not in _ASK_WORDS]
    return {w: float(min(len(w), 4)) for w in dict.fromkeys(words)}


def _topic_words(question: str, weights: dict[str, float], *, drop: Sequence[str]) -> tuple[str, ...]:
    """The words that say what a 多少 question counts, weak ones included (主动公开, 政府信息), longest first."""
    weak = [w for w in tokens(question) if w in lx.WEAK_TOPICS and w not in drop]
    return tuple(sorted({*weights, *weak, *(w for w in lx.WEAK_TOPICS if w in question)}, key=len, reverse=True))


def _statement_bonus(text: str, topic: Sequence[str], asked_unit: str | None) -> float:
    """Credit for stating the count right after the words that name it (主动公开政府信息90条), the more when no other
    count comes first: 「共制发313条，其中主动公开128条」 is about the 313, 「在主动公开的90条信息中，…」 states nothing."""
    best = 0.0
    specific = {w for w in topic if len(w) >= 2 and not any(w in weak for weak in lx.WEAK_TOPICS)}
    for i, m in enumerate(NUM_UNIT.finditer(text)):
        if not topic or (asked_unit and not lx.same_unit(asked_unit, m.group(3))):
            continue
        before = _FILLER_BEFORE_COUNT.sub("", text[max(0, m.start() - 24):m.start()])
        named = []
        while word := next((w for w in topic if before.endswith(w)), ""):
            before = before[:-len(word)]
            named.append(word)
        # 主动公开+政府信息: one weak word (政府信息313条) may name a larger whole; an item the question names
        # (环境执法信息有几条) is stated only by a count its own words name, not by the whole (政府信息186条)
        if specific.intersection(named) if specific else len(named) >= 2:
            bonus = ITEM_BONUS if specific else STATEMENT_BONUS
            best = max(best, bonus - bonus / 2 * min(i, 2))
    return best


def _score_window(chunk: Chunk, window: tuple[Passage, ...], weights: dict[str, float], similar: Similarity, *,
                  rank: int, asks_number: bool, asked_unit: str | None, asks_place: bool, listing: bool,
                  kinds: Sequence[re.Pattern[str]] = (), topic: Sequence[str] = (), treated: str = "") -> Quote:
    text = "".join(p.text for p in window)
    coverage = coverage_of(text, weights, section=window[0].section, heading=window[0].heading)
    closeness = similar.of([p.text for p in window])
    # a 哪些 question is answered by a list whose items do not restate it, while the sentence that does (还存在一些
    # 不足。) lists nothing: there closeness only rescues, it does not rank
    weight = 0.0 if listing else SEMANTIC_WEIGHT
    score = coverage + weight * closeness + 0.05 / (1 + rank) - WINDOW_PENALTY * (len(window) - 1)
    score += _answer_bonus(text, asks_number=asks_number, asked_unit=asked_unit, asks_place=asks_place, kinds=kinds)
    score += _statement_bonus(text, topic, asked_unit) if topic else 0.0
    score += ANSWER_BONUS if treated and names_treated(text, treated) else 0.0  # 对X…: the sentence on doing to X
    return Quote(chunk, window, score, coverage, closeness)


def _extend(quote: Quote, sentences: Sequence[Passage]) -> Quote:
    """A 哪些/如何 answer quotes a list from its first item (一是 / 1.) and up to three sentences within LIST_BUDGET."""
    first = sentences.index(quote.passages[0])
    if _LATER_ITEM.match(quote.passages[0].text):
        for i in range(first - 1, max(-1, first - 6), -1):
            if sentences[i].heading != quote.passages[0].heading:
                break
            if _FIRST_ITEM.match(sentences[i].text):
                first = i
                break
    passages = [sentences[first]]
    i = first + 1
    while len(passages) < 3 and i < len(sentences) and sum(len(p.text) for p in passages) + len(sentences[i].text) <= LIST_BUDGET:
        if is_subheading(sentences[i].text):  # （三）政府信息管理情况。 opens the next part: the quote ends here
            break
        passages.append(sentences[i])
        i += 1
    if quote.passages[-1] not in passages:  # the list is too long: keep the sentences that scored
        return _extend_forward(quote, sentences)
    return replace(quote, passages=tuple(passages))


def _extend_forward(quote: Quote, sentences: Sequence[Passage]) -> Quote:
    passages = list(quote.passages)
    i = sentences.index(passages[-1]) + 1
    while len(passages) < 3 and i < len(sentences) and sum(len(p.text) for p in passages) + len(sentences[i].text) <= LIST_BUDGET:
        if is_subheading(sentences[i].text):
            break
        passages.append(sentences[i])
        i += 1
    return replace(quote, passages=tuple(passages))


def find_quote(q: Question, *, retriever: Searcher, catalog: Catalog, k: int, agencies: Sequence[str] = (),
               years: Sequence[int] = (), report_text: Callable[[str], str] = lambda _id: "") -> Quote | None:
    """Search the prose for the question (the k best chunks) and return the best quote (None when nothing was
    retrieved)."""
    text = q.query or q.text
    hits = retriever.search(text, agencies=tuple(agencies), years=tuple(years), k=k)
    drop = [*name_words(catalog), *scope_words(text, agencies)]
    return best_quote(text, hits, drop=drop, report_text=report_text, embedder=getattr(retriever, "embedder", None),
                      own=q.text if q.query else "")


def scope_words(question: str, agencies: Sequence[str]) -> list[str]:
    """Stretches of the question that spell part of an asked agency's name (平潭财政金融局 → 平潭, 财政金融局): they
    say where to look, not what to find. Short stretches count only at the start or right before a longer stretch or
    a short form (2022年平潭财政金融局 / 2023年平潭经发局: 平潭 too), since 信息 in 工业和信息化厅 is a word."""
    stretches: list[tuple[int, int]] = []
    i = 0
    while i < len(question):
        j = i
        while j < len(question) and any(question[i:j + 1] in a for a in agencies):
            j += 1
        if j > i:
            stretches.append((i, j))
        i = max(j, i + 1)
    words = content_tokens(question)
    # a short form (科技厅 for 河北省科学技术厅) names the agency as much as a stretch of its name does
    short_forms = [w for w in words if len(w) >= 3 and any(abbreviation_score(w, a) > 0 for a in agencies)]
    longs = {i for i, j in stretches if j - i >= 3}
    spans = [question[i:j] for i, j in stretches
             if j - i >= 3 or (j - i >= 2 and (i == 0 or j in longs or question.startswith(tuple(short_forms), j)))]
    spans += _short_form_runs(question, stretches, agencies)
    return [w for w in words if any(w in span for span in spans) or w in short_forms]


def _short_form_runs(question: str, stretches: Sequence[tuple[int, int]], agencies: Sequence[str]) -> list[str]:
    """Runs of adjacent name stretches that together spell a short form of an asked agency (平潭|执法|应急|局 →
    平潭执法应急局): each piece is short, the run names the agency."""
    runs: list[tuple[int, int]] = []
    for i, j in stretches:
        if j - i >= 3:  # a long piece names the agency by itself (the rule above): a run is of short pieces only
            runs.append((j, j))
        elif runs and runs[-1][1] == i and runs[-1][0] != runs[-1][1]:
            runs[-1] = (runs[-1][0], j)
        else:
            runs.append((i, j))
    return [question[i:j] for i, j in runs
            if j - i >= 3 and any(abbreviation_score(question[i:j], a) > 0 for a in agencies)]


def name_words(catalog: Catalog) -> list[str]:
    """Agency names and their jieba tokens: words that locate a report, not what the question asks."""
    return list(catalog.name_words)


def asked_channels(question: str) -> list[tuple[str, ...]]:
    """The channels a question asks applications by (网上提交的和信函寄来的 → the 网上 and the 信函 groups)."""
    asked = [m.group(0) for m in lx.ASKED_CHANNEL.finditer(question)]
    return [g for g in lx.CHANNELS if any(w in a for a in asked for w in g)]


def channel_count(groups: Sequence[Sequence[str]]) -> re.Pattern[str] | None:
    """A count said of one of the channels (网络申请数14件 / 通过信函提交的44件), or None when none is asked."""
    words = "|".join(re.escape(w) for g in groups for w in g)
    return re.compile(rf"(?:{words})[^，,。；;？?（(]{{0,6}}?\d+\s*件") if words else None


def says_channel(group: Sequence[str], text: str) -> bool:
    return any(w in text for w in group)


def _cover_channels(quote: Quote, groups: Sequence[Sequence[str]], sentences: Sequence[Passage]) -> Quote:
    """A quote grown by the neighbouring sentences that state the other channels asked (网络申请3件；信函申请4件)."""
    if quote.passages[0] not in sentences:
        return quote
    passages = list(quote.passages)
    for _ in range(MAX_WINDOW):
        missing = [g for g in groups if not says_channel(g, "".join(p.text for p in passages))]
        if not missing:
            break
        first, last = sentences.index(passages[0]), sentences.index(passages[-1])
        if last + 1 < len(sentences) and any(says_channel(g, sentences[last + 1].text) for g in missing):
            passages.append(sentences[last + 1])
        elif first > 0 and any(says_channel(g, sentences[first - 1].text) for g in missing):
            passages.insert(0, sentences[first - 1])
        else:
            break
    return replace(quote, passages=tuple(passages))


