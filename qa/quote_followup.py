"""A follow-up about the sentence the earlier answer quoted, answered from that report: the items of an aspect the
earlier sentence (or its report) names (那保障上强化了哪几项: 经费保障、人员保障) and what a sum of money asked before
was spent on (这些经费都用到哪儿了: the 主要用于… clause said with the sum). A question that names its report asks
the same without a follow-up (report_items: 经费主要用在哪些方面 / 保障上强化了哪几项).

    >>> spent_items("安排工作经费 56.3 万元，主要用于建设查询点，开展业务培训。")
    ['建设查询点', '开展业务培训']

Nothing found: None, and the question goes on to the routes as before.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from govqa.core.types import Answer, Question, Source
from govqa.qa import compose as cp
from govqa.qa.table_query import ReportRef

# 这笔钱花在哪 / 经费用在了哪些方面 / 那些资金用来干什么 / 钱的用途是什么: what money asked before was spent on
_MONEY = r"(?:钱|经费|资金|款项?|预算|费用|投入|拨款)"
_SPENT_ASKED = re.compile(
    rf"{_MONEY}[^？?。]{{0,8}}?(?:花|用|投|使用|支出|开支|安排)(?:到|在|于|向|来|去)?了?(?:都|主要|大多|具体)?(?:在|到|于|给|来|去)?"
    r"(?:哪些|哪几|哪|什么|啥|何处|哪儿|干什么|做什么|干啥|干嘛|做啥)"
    rf"|{_MONEY}[^？?。]{{0,6}}?(?:的)?(?:用途|去向|用处|花销|支出方向)"
    rf"|{_MONEY}[^？?。]{{0,6}}?(?:干什么|做什么|干啥|干嘛|做啥|派什么|派了什么|什么)(?:用|用途|用场)"
    rf"|(?:花|用|投)(?:到|在)了?(?:哪些|哪几|哪|什么)[^？?。]{{0,6}}?(?:方面|地方|事|项目|上)?[^？?。]{{0,4}}?[？?]?$")
# 主要用于A，B / 全部用在A和B上 / 重点投向A、B: the clause a sum was spent on, up to the sentence's end
_SPENT_SAID = re.compile(r"(?:主要|全部|重点|专门|均|都|集中)?(?:用于|用在|用来|投入到?|投向|花在|支出用于)"
                         r"([^。；;！？!?\n]{2,120})")
_SPENT_STOP = re.compile(r"较上一?年|比上一?年|同比|\d")  # a figure after the use (，较上年增长5%) is no use
# 保障上强化了哪几项 / 保障上做了哪几方面 / 加强了哪几方面的保障: the aspect whose items are asked
_ASPECT_ASKED = (
    re.compile(r"(?:在|从|就|对)?([\u4e00-\u9fff]{2,4}?)(?:方面|这块|这一块|这方面|上面|上|领域|环节)"
               r"[^？?。]{0,8}?(?:哪[两三四五几]|哪些|什么|啥)(?:个|项|块|类|种|点|方面|个方面)?(?:呢|啊|了)?[？?]?$"),
    re.compile(r"(?:哪[两三四五几]|哪些)(?:个|项|块|类|种)?(?:方面)?的([\u4e00-\u9fff]{2,4})"),
)
_PART_LIST = re.compile(r"工作|措施|举措|做法|问题|不足|短板|成效|亮点|计划|打算|信息|内容|栏目|文件|政策")
_MONEY_WORD = re.compile(_MONEY)
_SENTENCE = re.compile(r"[^。！？!?\n]+[。！？!?]?")
_MONEY_SAID = re.compile(r"\d\s*(?:万元|元|亿元)|经费|资金")
_LEAD_VERB = re.compile(r"^(?:进一步|不断|持续|切实|全面)?(?:加强|强化|做好|落实|完善|提升|提高|健全|抓好|注重|突出|加大|保障|确保)了?")
_NEAR_SENTENCES = 3  # sentences around the quote; further away (nearest first) a 用于… clause must state a sum


def asks_spent(text: str) -> bool:
    """Whether a follow-up asks what a sum asked before was spent on (这些经费都用到哪儿了)."""
    return _SPENT_ASKED.search(text) is not None


def asked_aspect(text: str) -> str:
    """The aspect whose items a follow-up asks (那保障上强化了哪几项 → 保障), or "" (also when it asks the work,
    measures or problems of a part: 在公开方面做了哪几方面工作 is the part's list)."""
    if _PART_LIST.search(text):
        return ""
    for pattern in _ASPECT_ASKED:
        m = pattern.search(text)
        word = re.split(r"的|在|从|对|就|关于|那|这|它们?|他们|该[局委办厅]|年", m.group(1))[-1][-2:] if m else ""  # 厅保障 → 保障
        if len(word) >= 2 and not re.search(r"哪|什么|这|那|些", word):
            return word
    return ""


def spent_items(sentence: str) -> list[str]:
    """The things a sentence says a sum was spent on (主要用于A，B → [A, B]), or []."""
    m = _SPENT_SAID.search(sentence)
    if m is None:
        return []
    items = [i.strip(" 等上方面") for i in re.split(r"[，,、；;]|以及|和(?=[\u4e00-\u9fff]{2})", m.group(1))]
    items = [i for i in items if len(i) >= 2 and not _SPENT_STOP.search(i)]
    return items


def aspect_items(sentence: str, aspect: str) -> list[str]:
    """The items of an aspect a sentence names (加强经费保障和人员保障 / 加强经费和人员保障 → 经费保障, 人员保障)."""
    word = re.escape(aspect)
    joined = re.search(rf"((?:[\u4e00-\u9fff]{{1,8}}?{word}(?:和|与|及|、|以及)){{1,5}}[\u4e00-\u9fff]{{1,8}}?{word})", sentence)
    if joined:
        items = [_LEAD_VERB.sub("", i) for i in re.split(r"和|与|及|、|以及", joined.group(1)) if i]
        return [i for i in dict.fromkeys(items) if len(i) > len(aspect)]
    shared = re.search(rf"((?:[\u4e00-\u9fff]{{2,4}}(?:和|与|及|、|以及)){{1,5}}[\u4e00-\u9fff]{{2,4}}){word}", sentence)
    if shared:
        heads = [_LEAD_VERB.sub("", h) for h in re.split(r"和|与|及|、|以及", shared.group(1)) if h]
        return [h + aspect for h in dict.fromkeys(heads) if h]
    return []


# 保障上强化了哪几项 / 保障上抓了哪几个方面: a question without a follow-up names the aspect and asks its parts
_PARTS_ASKED = re.compile(r"哪[两三四五几](?:块|个方面|方面|项|个|类|种)")
MAX_REPORTS = 3


def _asked_items(q: Question) -> tuple[bool, str]:
    """(asks what a sum was spent on, the aspect whose parts are asked or "") for a question that is no follow-up."""
    if q.followup or q.metric is not None:
        return False, ""
    spent = asks_spent(q.text) and _MONEY_WORD.search(q.text) is not None
    aspect = "" if spent or not _PARTS_ASKED.search(q.text) else asked_aspect(q.text)
    return spent, aspect


def recognise(q: Question) -> bool:
    """Whether q (no follow-up, no table metric) asks what a sum was spent on or the parts of an aspect (route "items")."""
    spent, aspect = _asked_items(q)
    return spent or bool(aspect)


def report_items(q: Question, *, refs: Sequence[ReportRef], report_text: Callable[[str], str]) -> Answer | None:
    """A question naming its report that asks what a sum was spent on (经费主要用在哪些方面) or the parts of an aspect
    (保障上强化了哪几项): the first sentence of each report that says it; None when none does."""
    spent, aspect = _asked_items(q)
    if not spent and not aspect or not refs or len(refs) > MAX_REPORTS:
        return None
    texts, sources = [], []
    for ref in refs:
        text = report_text(ref.id)
        found = _said(text, [(m.start(), m.end()) for m in _SENTENCE.finditer(text)], aspect, far=0)
        if found is not None:
            items, (a, b) = found
            texts.append(cp.items_lead(items) + cp.quoted(ref.agency, ref.year, None, text[a:b]))
            sources.append(Source(report=ref.id, agency=ref.agency, year=ref.year, text=text[a:b], start=a, end=b))
    if not sources:
        return None
    return Answer(question=q.text, text="\n".join(texts), found=True, route="retrieval", sources=tuple(sources))


def _said(text: str, spans: Sequence[tuple[int, int]], aspect: str, *, far: int) -> tuple[list[str], tuple[int, int]] | None:
    """The items of the first sentence (of spans, in order) that names the aspect's parts or a sum's use, and its
    trimmed span; past the first `far` sentences a 用于… clause counts only in a sentence stating a sum."""
    for n, (a, b) in enumerate(spans):
        sentence = text[a:b]
        if not aspect and n >= far and not _MONEY_SAID.search(sentence):
            continue
        items = aspect_items(sentence, aspect) if aspect else spent_items(sentence)
        if len(items) >= (2 if aspect else 1):
            said = sentence.strip()
            start = a + sentence.index(said)
            return items, (start, start + len(said))
    return None


def quote_followup(q: Question, earlier: Answer | None, *, report_text: Callable[[str], str]) -> Answer | None:
    """The answer to a follow-up about what the earlier answer quoted (its aspect's items, where its sum went), read
    from the sentences around that quote in the same report; None when it asks neither or no sentence says it."""
    if not q.followup or earlier is None or not earlier.found or not earlier.sources:
        return None
    aspect = "" if asks_spent(q.text) else asked_aspect(q.text)
    if not aspect and not asks_spent(q.text):
        return detail_followup(q, earlier, report_text=report_text)  # 那里的设备是什么型号: a detail of that quote
    for source in earlier.sources[:3]:
        if source.start is None or source.end is None:
            continue
        text = report_text(source.report)
        found = _said(text, _around(text, source.start, source.end), aspect, far=_NEAR_SENTENCES + 1)
        if found is not None:
            items, (a, b) = found
            said = Source(report=source.report, agency=source.agency, year=source.year, text=text[a:b], start=a, end=b,
                          section=source.section)
            return Answer(question=q.text, text=cp.items_lead(items) + cp.quoted(source.agency, source.year,
                                                                                  source.section, text[a:b]),
                          found=True, route="retrieval", sources=(said,))
    return None


def _around(text: str, start: int, end: int) -> Sequence[tuple[int, int]]:
    """The sentences of the quote first, then the rest of the report, nearest first (after before before)."""
    spans = [(m.start(), m.end()) for m in _SENTENCE.finditer(text)]
    inside = [i for i, (a, b) in enumerate(spans) if a < end and b > start]
    if not inside:
        return []
    first, last = inside[0], inside[-1]
    order = list(range(first, last + 1))
    for step in range(1, len(spans)):
        order += [i for i in (last + step, first - step) if 0 <= i < len(spans)]
    return [spans[i] for i in order]


# a detail of a thing the earlier quote names: 那边的自助终端是什么型号 / 几台 / 放在哪 / 谁负责
_DETAIL_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("count", re.compile(r"(?:几|多少)(?:台|套|个|部|块|处|家|辆|间|座)|数量(?:是|有|为)?多少")),  # 件: a table's count
    ("where", re.compile(r"(?:放|摆|设|装|建|安)(?:在|到)?了?(?:哪|什么地方)|在哪(?:里|儿)?(?:放|设|装|建)"
                         r"|(?:在|设在|放在)(?:哪些|哪几个|哪个)(?:地方|地点|位置|场所)|(?:地点|位置)(?:在哪|是哪)")),
    ("who", re.compile(r"谁(?:来)?(?:负责|管|维护|运营|运维)|(?:哪个|什么)(?:部门|单位|科室)(?:来)?(?:负责|管)")),
    ("what", re.compile(r"(?:什么|啥|哪种|哪款|哪个|哪一种|何种)(?:样的|牌子的?)?(?:型号|机器|机子|设备|品牌|规格|尺寸|配置|东西|机型|款)"
                        r"|(?:什么|啥|哪个)(?:牌子|品牌)|(?:是)?(?:哪种|哪款|哪一款|什么样)的?[？?]?$"
                        r"|(?:型号|规格|尺寸|品牌|配置)(?:是|为)?(?:什么|啥|多少|多大)|多大|(?:几|多少)寸")),
)
_DETAIL_STOP = re.compile(r"[\s？?，,。、“”]|什么|哪|那里|这里|那个|这个|那些|这些|里的|配的|的是|是什|多少|几|谁|负责|放在|设在")
_BRACKET = re.compile(r"[（(]([^）)]{2,40})[）)]")
_COUNT_SAID = re.compile(r"\d+(?:\.\d+)?\s*(?:余)?\s*(?:台|套|个|部|块|处|件|家|辆|间|座)")
_WHERE_SAID = re.compile(r"(?:在|于)([^，。；;]{2,80}?)(?:建设|建立|设置|设立|配备|安装|放置|摆放|开设|布设)")
_WHO_SAID = re.compile(r"由([^，。；;]{2,30}?)(?:负责|管理|维护|运营|运维)")
_OTHER_REPORT = re.compile(r"(?:19|20)\d{2}|去年|前年|今年|上一?年|下一?年|换成|换到|改成|改为|换个")
DETAIL_REACH = 40  # characters after the thing named within which its bracket or count stands


def asked_detail(text: str) -> str:
    """The kind of detail a follow-up asks of a thing (count / where / who / what), or ""."""
    return next((name for name, pattern in _DETAIL_KINDS if pattern.search(text)), "")


def _thing_at(sentence: str, question: str) -> int:
    """Where in the sentence the thing the question names ends (its longest run of 2+ shared characters), or -1."""
    best, at = 1, -1
    for i in range(len(question)):
        for j in range(i + best + 1, len(question) + 1):
            part = question[i:j]
            if _DETAIL_STOP.search(part):
                break
            found = sentence.find(part)
            if found < 0:
                break
            best, at = len(part), found + len(part)
    return at


def detail_of(sentence: str, question: str, detail: str) -> str:
    """The detail the sentence says of the thing the question names (查询设备（65寸…一体机）→ 65寸…一体机), or ""."""
    at = _thing_at(sentence, question)
    if at < 0:
        return ""
    after = sentence[at:at + DETAIL_REACH]
    if detail == "what":
        m = _BRACKET.search(after)
        return m.group(1).strip() if m and m.start() <= 6 else ""
    if detail == "count":
        m = _COUNT_SAID.search(_BRACKET.sub("", after))
        return m.group().replace(" ", "") if m else ""
    pattern = _WHERE_SAID if detail == "where" else _WHO_SAID
    m = pattern.search(sentence[:at + DETAIL_REACH])
    return m.group(1).strip() if m else ""


def detail_followup(q: Question, earlier: Answer | None, *, report_text: Callable[[str], str]) -> Answer | None:
    """A follow-up asking a detail (model, count, place, who) of a thing the earlier quote names, read from the
    sentences of that quote (then those near it); None when it asks none or no nearby sentence says it."""
    detail = asked_detail(q.text)
    if not detail or not q.followup or earlier is None or not earlier.found or not earlier.sources \
            or _OTHER_REPORT.search(q.text):  # 换成2021年，复文是多少件: another report's figure, not this quote's
        return None
    for source in earlier.sources[:3]:
        if source.start is None or source.end is None or (q.agencies and source.agency not in q.agencies):
            continue
        text = report_text(source.report)
        for a, b in list(_around(text, source.start, source.end))[:_NEAR_SENTENCES + 1]:
            said = detail_of(text[a:b], q.text, detail)
            if said:
                sentence = text[a:b].strip()
                start = a + text[a:b].index(sentence)
                quote = Source(report=source.report, agency=source.agency, year=source.year, text=sentence,
                               start=start, end=start + len(sentence), section=source.section)
                return Answer(question=q.text, text=f"{said}。" + cp.quoted(source.agency, source.year, source.section,
                                                                           sentence),
                              found=True, route="retrieval", sources=(quote,))
    return None
