"""Question understanding without an LLM: agencies, years, the metric (a table cell address) and the intent.

    >>> understand("红寺堡区2020年收到多少政府信息公开申请？", catalog=catalog)
    Question(agencies=('吴忠市红寺堡区人民政府',), years=(2020,), metric=Metric('申请', '一', '总计'), intent='value')

Follow-ups ("那掌政镇呢？", "2019年呢？", "企业呢？") take what they do not say from ``context``, the previous
Question of the same chat.
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace

from govqa.core.numbers import arabic_years, cn_number
from govqa.core.types import Metric, Question
from govqa.qa import lexicon as lx
from govqa.qa.catalog import Catalog
from govqa.qa.dates import point_in_time
from govqa.qa.outcome_followup import asks_outcome
from govqa.qa.prose_asks import asks_manner, asks_prose
from govqa.qa.sentence_names import listed_topic

log = logging.getLogger(__name__)

_YEAR = r"((?:19|20)\d{2})"
_YEAR_RANGE = re.compile(_YEAR + r"\s*年?\s*(?:至|到|-|—|–|~|～)\s*" + _YEAR)
_YEAR_ONE = re.compile(r"(?<!\d)" + _YEAR + r"(?!\d)(?=\s*年|\s*度|[^\d.]|$)")
# 22年 / 19年度: a year said with two digits (2008-2039), not a span (近10年, 10年来, 5年前, 第3年)
_SHORT_YEAR = re.compile(r"(?<![\d.第近去最共满达为约])(0[89]|[1-3]\d)\s*年(?![代来内间前后多余])")
_RECENT = re.compile(r"(?:近|最近|过去)([一二两三四五六七八九十\d]+)年")
# the newest report named as such (最新一份年报 / 最近的报告 / 最新年度): no year said, the latest one meant
_NEWEST_REPORT = re.compile(r"(?:最新|最近)(?:的|一份|一期|那份|这份)?(?:年报|报告|年度报告|年度)|最后一份(?:年报|报告)")
_SINCE = re.compile(r"(?:从|自)\s*" + _YEAR + r"\s*年?度?\s*(?:开始|起|以来|算起|算)|(?<!\d)" + _YEAR
                    + r"\s*年?度?\s*(?:以来|至今|到现在|到今天|起至今)")
_FOLLOWUP = re.compile(r"^(?:那(?!一?年)|那么|那个|还有|再看看?|换成|改成|如果是|换)|呢\s*[？?。！!]?\s*$")
# 是不是都按时回复了 / 是不是都在期限内办结的 / 有没有超期的: a yes/no on the things just asked about, when it names no agency
# and no year of its own
_YES_NO_BACK = re.compile(r"(?:吗|(?<![什怎这那多要])么)\s*[？?]?\s*$|没有?\s*[？?]?\s*$|^(?:是不是|是否|有没有|有无)")
# 这些申请 / 这些处罚决定 / 这些都是…吗: the things just asked about, not 所有机关; 这些机关 / 这些局 are agencies
_THESE_THINGS = re.compile(r"(?:这|那)些(?!机关|单位|部门|机构|政府|地方|报告|局|厅|委|办(?!理)|街道|乡镇|区|县|镇|乡|家)")
# 是否全部公开 / 都已全部办结: 全部 says how much of the things was done, not which agencies
_ALL_DONE = re.compile(r"(?:全部|所有)(?=(?:已经?|已|都|予以|被)?(?:公开|公示|公布|挂网|办结|办理|答复|处理|纠正|维持))")
# 那会儿 / 那时候 / 当时: the time asked before, now said of another year
_THEN = re.compile(r"那会儿?|那时候?|那个时候|当时")
# 这个平台为企业提供了什么服务: what a thing does for 企业, not a count of the 商业企业 column
_WHAT = re.compile(r"什么|哪些|哪几|哪方面|哪种|怎么|如何|怎样|啥")


# 回复时开什么文书 / 用什么形式告知 / 按什么标准: a kind of thing the prose names, which no cell counts
_ASKS_THING = re.compile(r"(?:什么|哪种|哪类|哪些|啥)(?:样的?|的)?(?:文书|书面材料|材料|凭证|告知书|决定书|通知书|回执|格式|形式|载体"
                         r"|依据|标准|文件)")


def _asks_thing(text: str) -> bool:
    """Whether a question asks what kind of document, form or ground (开具什么文书) and no number."""
    return bool(_ASKS_THING.search(text)) and not lx.QUESTION_HOW_MANY.search(text)


def _asks_what_only(text: str) -> bool:
    """Whether a question asks what or how (什么功能, 哪些服务) and no number."""
    return bool(_WHAT.search(text)) and not lx.QUESTION_HOW_MANY.search(text)


# 同样的问题，2021年呢 / 一样的情况: the earlier question said again, no words of its own
_SAME_AGAIN = re.compile(r"(?:同样|一样|相同|同一个?)的?(?:问题|情况|数据|内容)[，,、]?|(?:问题|情况)(?:同上|一样)[，,、]?"
                         r"|前一年|上一年度?|上年度|去年|前年|今年|那会儿?|那个时候|那时候?|当时|那边|这边")  # said as years already
_WHICH = re.compile(r"哪个|哪些|哪几")
_WHICH_BODY = re.compile(r"个?(?:机关|单位|部门|机构|局|厅|委|办|政府|地方|区|县|镇|乡|街道|报告|家)")
_SAME_YEAR = re.compile(r"同一?年|同年度|那一?年|这一?年|当年|该年")  # 河北科技厅同一年呢: the year asked before, said
_NEWEST = re.compile(r"最新|最近(?:一|的)|最后一")  # 最新一年的年报: not the year asked before
_TEMPLATE_WORDS = re.compile(r"上一?年度?(?:项目|结转)|上年度?结转|去年结转"
                             r"|(?:项目|事项|许可|处罚|强制|收费)(?:数量?)?[比较](?:上一?年度?|去年)")  # 本年增/减, not a year
# 申请主要涉及哪些内容: what things were about, which no cell counts (unless a number is asked as well)
_CONTENT = re.compile(r"(?:涉及|关于)(?:哪些|什么|哪几|哪方面)|(?:哪些|什么|哪几|哪一?类|哪方面)(?:方面|类)?的?(?:内容|领域)")
_RELATIVE = (("前年", -1), ("上一年度", -1), ("上一年", -1), ("前一年", -1), ("去年", 0), ("上年度", 0), ("今年", 1))
_BEFORE_NAMED = frozenset({"上一年度", "上一年", "前一年", "上年度"})  # the year before the one asked, when one is
# 2021年针对上一年的问题做了哪些整改: the year before the named one, as its report speaks of it, not another report
_YEAR_BEFORE_PROBLEMS = re.compile(r"(?:上一?年度?|去年|前一年)(?=[^，。？?]{0,14}(?:问题|不足))")


def _cn_number(text: str) -> int:
    """近十二年 / 前3: the count as a number (1 when it is not one)."""
    n = cn_number(text)
    return 1 if n is None else n


def parse_years(text: str, newest: int | None, *, latest: int | None = None,
                anchor: int | None = None) -> tuple[int, ...]:
    """Years named in the text: 2020年, 2019至2021年, 近两年, 去年 (the newest report year: reports appear a year late).

    ``latest`` is the newest report year of the one agency asked about: 近三年 and 2021年以来 count back from it.
    ``anchor`` is the year asked before in a chat: 上一年呢 is the year before it.
    """
    latest = latest if latest is not None else newest
    text, moments = point_in_time(text, anchor=anchor)  # 截至2025年1月22日: a moment inside the 2024 report
    years: list[int] = list(moments)
    if (into := carried_into_asked(text)) is not None:  # 2023年有没有2022年没办完、转到2023年的: 2022 is no report asked
        text = text[:into.start()] + " " + text[into.end():]
    if _YEAR_ONE.search(lx.CARRY_TO_YEAR.sub(" ", text)):  # 2024年…留到2025年再办: 2025 is where they went
        text = lx.CARRY_TO_YEAR.sub(" ", text)
    for m in _YEAR_RANGE.finditer(text):
        a, b = sorted((int(m.group(1)), int(m.group(2))))
        years += range(a, min(b, a + 30) + 1)
    rest = _YEAR_RANGE.sub(" ", text)
    years += [int(m.group(1)) for m in _YEAR_ONE.finditer(rest)]
    years += [2000 + int(m.group(1)) for m in _SHORT_YEAR.finditer(_YEAR_ONE.sub(" ", rest))]
    if latest is not None:
        if _NEWEST_REPORT.search(text) and not years:  # 最新一份年报里…: the newest report of the agency asked
            years.append(latest)
        recent = _RECENT.search(text)
        if recent:
            years += range(latest - _cn_number(recent.group(1)) + 1, latest + 1)
        for m in _SINCE.finditer(text):
            first = int(m.group(1) or m.group(2))
            years += range(first, max(first, latest) + 1)
    if newest is not None:
        plain = row_words_blanked(text)
        if years:
            plain = _YEAR_BEFORE_PROBLEMS.sub(" ", plain)
        named = max(years) if years else anchor
        for word, delta in _RELATIVE:
            if word in plain:
                # 2021年和上一年 / 上一年呢 after a 2021 question: the year before the report asked
                before = named is not None and word in _BEFORE_NAMED
                years.append(named - 1 if before and named is not None else newest + delta)
                plain = plain.replace(word, " ")
    return tuple(sorted(set(years)))


def row_words_blanked(text: str) -> str:
    """The text with relative-year words that belong to a row's name or description blanked: 上一年项目数量, 上年结转,
    上一年没办完、结转过来的, 上一年有几个项目, 跟上一年比 (qa/arith.py reads that itself) name no report."""
    for pattern in (_TEMPLATE_WORDS, lx.CARRY_IN, lx.PRIOR_ITEMS, lx.THAN_PRIOR):
        text = pattern.sub(_spaces, text)
    return text


def carried_into_asked(text: str) -> re.Match[str] | None:
    """The 2022年没办完、转到2023年 phrase when the text names its destination year again outside it (2023年有没有…):
    that year's report is asked and the applications came into it (上年结转, row 二), else None."""
    m = lx.CARRY_BETWEEN.search(text)
    if m is None:
        return None
    rest = text[:m.start()] + " " + text[m.end():]
    return m if m.group(2) in {y.group(1) for y in _YEAR_ONE.finditer(rest)} else None


def _carry_term(text: str) -> lx.RowTerm | None:
    """The carry-over row a text describes in plain words (上一年没办完、结转过来的 → 二, 留到明年办 → 四), or None."""
    if carried_into_asked(text) is not None:
        return next(t for t in lx.ROW_TERMS if t.table == "申请" and t.row == "二")
    found = [(m.start(), row) for pattern, row in ((lx.CARRY_IN, "二"), (lx.CARRY_OUT, "四"))
             if (m := pattern.search(text))]
    if not found:
        return None
    row = min(found)[1]
    return next(t for t in lx.ROW_TERMS if t.table == "申请" and t.row == row)


def find_row_term(text: str) -> lx.RowTerm | None:
    """The template row a text names (the longest, weightiest word; the bare 申请 weighs least; a row of a group
    named with the group, 因涉密不予公开, beats the group; a carry-over row said in plain words first), or None."""
    if (carry := _carry_term(text)) is not None:
        return carry
    best: tuple[int, int] | None = None
    found: lx.RowTerm | None = None
    named: dict[lx.RowTerm, tuple[int, int]] = {}
    said = [(term, word, text.find(word)) for term in lx.ROW_TERMS for word in term.words]
    said += [(term, word, start) for term, word, start, _ in described_rows(text)]
    for term, word, i in said:
        if i >= 0 and (best is None or (len(word) + term.weight, -i) > best):
            best, found = (len(word) + term.weight, -i), term
        if i >= 0:
            named[term] = max(named.get(term, (0, 0)), (len(word) + term.weight, -i))
    if found is not None and found.table == "申请" and found.row == "一" \
            and lx.HANDLED_APPLICATIONS.search(text) and not lx.RECEIVED_APPLICATIONS.search(text) \
            and not (lx.NOT_IN_TABLES.search(text) or lx.ASKED_CHANNEL.search(text)):  # 办理一件平均要几天: no row
        return next(t for t in lx.ROW_TERMS if t.row == "三.七")  # 每年办理的申请总数: the outcomes' total
    if found is not None and found.row in lx.GROUP_ROWS:  # 因补正后仍不明确而无法提供: the row within the group
        inside = [t for t in named if t.table == found.table and t.row.startswith(found.row + ".")]
        found = max(inside, key=lambda t: named[t], default=found)
    return found


def described_rows(text: str) -> list[tuple[lx.RowTerm, str, int, int]]:
    """The rows the text describes in everyday words (lx.ROW_DESCRIPTIONS): (term, words matched, start, end); the
    申请 table's reason rows only when the text speaks of applications."""
    out = []
    for table, row, pattern in lx.ROW_DESCRIPTIONS:
        if table == "申请" and not lx.APPLICATION_CONTEXT.search(text):
            continue
        for m in pattern.finditer(text):
            term = next(t for t in lx.ROW_TERMS if t.table == table and t.row == row)
            out.append((term, m.group(), m.start(), m.end()))
    return out


def described_blanked(text: str) -> str:
    """The text with its 申请 rows' descriptions blanked: 涉及个人隐私 says no applicant column (个人 → 自然人)."""
    for term, _, start, end in described_rows(text):
        if term.table != "申请":
            continue
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def find_col(text: str, table: str, row: str | None = None) -> str | None:
    """The column a text names for one table (for 复议诉讼 only the outcome: 维持 / 纠正 / 其他 / 未审结)."""
    text = lx.WITH_LAST_YEAR.sub(r"比\1", text)  # 跟上一年比 / 和去年相比 say 比上一年 / 比去年 (本年增/减)
    if table == "主动公开" and row in lx.MEASURE_COLS and (measured := _measured_col(text, row)) is not None:
        return measured
    for word, col in sorted(lx.COL_TERMS.get(table, ()), key=lambda wc: -len(wc[0])):
        if word in text and (table != "主动公开" or row is None or col in lx.ROW_COLS.get(row, (col,))):
            return col
    return next((col for pattern, col in lx.COL_DESCRIPTIONS.get(table, ()) if pattern.search(text)), None)


def _measured_col(text: str, row: str) -> str | None:
    """The column of a count-and-amount row the last measure word picks (多几个 → 采购项目数量, 多少万元 → 采购总金额)."""
    count, money = lx.MEASURE_COLS[row]
    said = [(m.end(), count) for m in lx.COUNT_MEASURE.finditer(text)] + [(m.end(), money) for m in lx.MONEY_MEASURE.finditer(text)]
    return max(said)[1] if said else None


_LISTED = re.compile(r"等(?:等)?")  # 本机关不掌握、没有现成信息等原因无法提供: the rows listed stand for their group


def _group_of_listed(text: str, term: lx.RowTerm) -> lx.RowTerm:
    """The group a sub-row belongs to when the text lists sub-rows and then names the group after 等, else term."""
    parent = term.row.rpartition(".")[0]
    if parent not in lx.GROUP_ROWS:
        return term
    for m in _LISTED.finditer(text):
        group = find_row_term(text[m.end():])
        if group is not None and group.table == term.table and group.row == parent:
            return group
    return term


def find_metric(text: str) -> Metric | None:
    """The table cell address the text asks about, or None when it names no table metric."""
    if lx.PROSE_RATE.search(text):
        return None  # 办结率多少 / 满意度如何: the prose states it; 办理结果总计 is no answer
    text = lx.PEOPLE_COUNT.sub(lambda m: m.group().replace("个人", "个 "), text)  # 几个人负责: staff, not 自然人
    term = find_row_term(text)
    if term is not None:
        term = _group_of_listed(text, term)
    if term is None:
        if "申请" in text or (find_col(text, "申请") and not _asks_what_only(text)):
            term = lx.RowTerm(("申请",), "申请", "一", "总计")
        else:
            return None
    if term.table == "申请" and lx.ASKED_ON_TIME.search(text):
        return None  # 申请是不是都按时回复了 / 有没有超期的: when, which 表三 never counts; the prose says it
    if term.table == "申请" and term.row == "一" and (lx.NOT_IN_TABLES.search(text) or lx.ASKED_CHANNEL.search(text)):
        return None  # 被驳回的申请 / 网上提交的申请 is no row of the table: never the total of new applications
    if term.row == "三.五.1" and not lx.COMPLAINT_AS_APPLICATION.search(text):
        return None
    if term.table == "申请" and lx.INFO_ITEMS.search(text) and not lx.APPLICATION_UNIT.search(text):
        return None  # 有多少条信息不予公开: information items the prose counts (主动公开), not 表三's applications
    col = find_col(described_blanked(text), term.table, term.row)
    if term.table == "复议诉讼":
        default = term.default_col or "复议.总计"
        group = ("直诉" if lx.DIRECT_SUIT.search(text) else "复议后诉" if lx.REVIEW_THEN_SUIT.search(text)
                 else default.split(".")[0])
        return Metric(term.table, term.row, f"{group}.{col or default.split('.')[1]}")
    return Metric(term.table, term.row, col or term.default_col)


def detect_intent(text: str, *, n_agencies: int, n_years: int, metric: Metric | None) -> tuple[str, int | None, str]:
    """(intent, top_n, order) from the question words and how many agencies / years it names."""
    order = "asc" if lx.RANK_ASC.search(text) else "desc"
    top = lx.TOP_N.search(text)
    top_n = _cn_number(top.group(1)) if top else None
    if metric is None:
        return "narrative", None, order
    ranked = bool(lx.RANK_DESC.search(text) or lx.RANK_ASC.search(text))
    contrast = lx.COMPARE_WORDS.search(text) or lx.DIFF_WORDS.search(text) or lx.WITH_CONTRAST.search(text)
    if (n_agencies >= 2 or n_years >= 2) and (contrast or (ranked and n_agencies <= 2)):
        return "compare", None, order
    several = n_agencies != 1 or n_years >= 2  # a sum or mean runs over agencies, or over one agency's years
    if lx.AVG_WORDS.search(text) and several:
        return "average", None, order
    if lx.SUM_WORDS.search(text) and several:
        return "sum", None, order
    if not ranked and n_agencies == 0 and lx.COMPARE_WORDS.search(text) and not lx.DIFF_WORDS.search(text):
        # 河北两个厅谁的许可多: a comparison over a place's agencies (qa/scope.py) names none; it ranks them
        ranked, order = True, "asc" if lx.LESS_WORDS.search(text) else order
    if ranked and n_agencies != 1:
        return "ranking", top_n, order
    if lx.ANY_WORDS.search(text) and n_agencies != 1:
        return "any", None, order
    if metric.col is None or (lx.BREAKDOWN_WORDS.search(_beyond_modifiers(text)) and n_agencies <= 1
                               and metric.table == "申请"):
        return "breakdown", None, order
    if metric.table == "复议诉讼" and asks_outcome(text):
        return "outcome", None, order  # 复议最后结果怎么样 / 官司赢了没有: how the cases ended (qa/case_outcome.py)
    return "value", None, order


def _beyond_modifiers(text: str) -> str:
    """The text without words that qualify a total rather than ask its parts: 因各种原因, and 各类 / 各种 beside a word of
    sum (各类无法提供的申请加起来)."""
    text = lx.CAUSE_WORDS.sub("", text)
    return re.sub(r"各类|各种|各项", "", text) if lx.SUM_WORDS.search(text) else text


def _column_breakdown(q: Question) -> Question:
    if q.intent == "breakdown" and q.metric is not None and q.metric.table == "申请":
        return replace(q, metric=replace(q.metric, col=None))
    return q


def understand(text: str, *, catalog: Catalog, context: Question | None = None) -> Question:
    """Turn a question into a Question; ``context`` is the previous Question of the chat, for follow-ups."""
    text = arabic_years(text.strip())  # 二〇二二年 / 两千零二十年: every reader downstream sees 2022年
    mentions = catalog.find_mentions(text)
    agencies, unknown = list(mentions.agencies), list(mentions.unknown)
    if agencies:  # 河北科技厅…科技部网站采用了多少篇: a body beside a stored agency asked about is a topic
        unknown = [name for name in unknown if _set_beside(text, name)]
    if agencies or context is not None and context.agencies:  # 人大常委会交办的呢: a topic of the report asked about
        unknown = [name for name in unknown if not _NO_REPORT_BODY.search(name)]
    held = catalog.years_of(agencies[0]) if len(agencies) == 1 else []
    anchor = context.years[-1] if context is not None and len(context.years) == 1 else None
    years = parse_years(text, catalog.newest_year, latest=held[-1] if held else None, anchor=anchor)
    metric = None if asks_content(text) or _asks_list(text) or _asks_treatment(text) or asks_prose(text) or _asks_thing(text) \
        or context is not None and lx.ITEM_REF.search(text) else find_metric(text)  # 第一条里说安排了几个人: inside an item of the list just given, not a cell
    if context is not None:
        q = _followup(text, catalog=catalog, context=context, agencies=agencies,
                      unknown=[*unknown, *(name for name, _ in mentions.ambiguous)], years=years, metric=metric)
        return replace(q, unknown_agencies=tuple(unknown), ambiguous_agencies=mentions.ambiguous)
    intent, top_n, order = detect_intent(text, n_agencies=len(agencies), n_years=len(years), metric=metric)
    q = Question(text=text, agencies=tuple(agencies), years=years, metric=metric, intent=intent, top_n=top_n,
                 order=order, unknown_agencies=tuple(unknown), ambiguous_agencies=mentions.ambiguous)
    log.debug("understood %r as %s", text, q)
    return _column_breakdown(q)


# 红寺堡区和海淀区 / 海淀区比红寺堡区 / 、海淀区: a second agency asked about, not a body the question speaks of
_BESIDE_BEFORE = re.compile(r"(?:和|与|跟|及|以及|、|或者?|还是|(?<!会)同|比|较|对比|相比|比较|vs\.?)\s*$")  # 会同: a verb
_BESIDE_AFTER = re.compile(r"^\s*(?:(?:19|20)\d{2}\s*年度?)?\s*(?:和|与|跟|及|以及|、|或者?|还是|同|比|较|对比|相比|呢|谁|哪)")


# bodies that publish no 政府信息公开 annual report (a people's congress, a CPPCC, a party or village committee): beside
# a report's agency, named or carried from the chat, they are what the question is about (人大代表建议, 政协提案)
_NO_REPORT_BODY = re.compile(r"人大|政协|党委|党组|纪委|常委|居委|村委|支部")


def _set_beside(text: str, name: str) -> bool:
    """Whether a name the store lacks stands beside another agency as one more asked about (joined by 和, 比, 、 …)."""
    for m in re.finditer(re.escape(name), text):
        if _BESIDE_BEFORE.search(text, 0, m.start()) or _BESIDE_AFTER.match(text[m.end():]):
            return True
    return False


def asks_content(text: str) -> bool:
    """Whether a question asks what things were about (申请主要涉及哪些内容) and no number: no cell holds that."""
    return _CONTENT.search(text) is not None and not lx.QUESTION_HOW_MANY.search(text)


def _asks_treatment(text: str) -> bool:
    """Whether a question asks what was done to a thing (对不予公开的信息怎么管) and no number: the prose says it."""
    return lx.ASKS_TREATMENT.search(text) is not None and not lx.QUESTION_HOW_MANY.search(text) \
        and not re.search(r"复议|诉讼|官司", text)


_WHICH_ITEMS = re.compile(r"哪几[条项个点种](?=[^，。？?\d]{0,4}(?:机制|制度|原则|做法|要求|措施|举措|规定|办法|方式|途径|渠道"
                          r"|形式|经验|亮点|特色|环节|步骤))")


def _asks_list(text: str) -> bool:
    """Whether a question asks for a part of the report as a list (在依申请公开方面做了哪些工作) and no number."""
    from govqa.qa.scoped_lists import lists_rules_or_roles
    from govqa.qa.section_list import asked_part

    # 分哪几类 / 分几类: the items a sentence lists, not a count (各多少条 stays the table's)
    # 坚持了哪几条机制 / 建立了哪几项制度: which ones (a list), not how many; a table row's count stays a count
    which = _WHICH_ITEMS.sub("哪些", text)
    how_many = "多少" in which if listed_topic(which) else lx.QUESTION_HOW_MANY.search(which)
    return asked_part(text) is not None and not how_many or lists_rules_or_roles(text)


def asks_other_than_cells(text: str) -> bool:
    """Whether a question asks for a contact detail, a list of the report or what things were about (它的地址呢,
    存在哪些问题, 涉及哪些内容): a short follow-up of that kind does not keep the previous question's table cell."""
    from govqa.qa.contacts import asked_kinds  # the answer side's modules import this one
    from govqa.qa.section_list import asked_part

    return bool(asked_kinds(text)) or asked_part(text) is not None or asks_content(text) or asks_prose(text) or _asks_thing(text)


def _spaces(m: re.Match[str]) -> str:
    return " " * len(m.group(0))


def _asks_all(text: str) -> bool:
    """Whether a follow-up asks across agencies (所有机关, 哪个局最多); 有哪些措施 asks for items, not agencies."""
    blank = _ALL_DONE.sub(_spaces, _THESE_THINGS.sub(_spaces, text))  # same length: offsets still index text
    for m in lx.ALL_SCOPE.finditer(blank):
        if not _WHICH.fullmatch(m.group(0)) or _WHICH_BODY.match(text, m.end()):
            return True
    return False


# words that say an applicant applied (个人提出申请的) rather than name the row of new applications
_APPLIED = frozenset({"提出申请", "申请数量", "申请量"})


def _column_of_same_rows(text: str, metric: Metric, before: Metric) -> bool:
    """Whether a follow-up names only an applicant column (其中个人申请的 / 那企业的呢 / 法人呢) after a question on
    another 申请 row: the bare 申请 it is said with is no row of its own (新收 / 收到 would be)."""
    if metric.table != "申请" or before.table != "申请" or metric.row != "一" or before.row == "一":
        return False
    if metric.col in (None, "总计"):
        return False
    term = find_row_term(text)
    return term is None or term.weight < 0 \
        or all(w in _APPLIED for w in term.words if w in text)


def _row_of_same_column(text: str, metric: Metric, before: Metric) -> bool:
    """Whether a follow-up names only another 申请 row (那部分公开的呢) after a question on one applicant column (其中
    企业的呢): the column asked before stays."""
    if metric.table != "申请" or before.table != "申请" or before.col in (None, "总计") or metric.col not in (None, "总计"):
        return False
    return metric.row != before.row and find_col(described_blanked(text), "申请", metric.row) is None \
        and not _ALL_APPLICANTS.search(text)


_ALL_APPLICANTS = re.compile(r"总计|总共|合计|一共|共计|所有|全部|各类|总数")  # 那部分公开的一共多少: the whole row


def _points_back(text: str, *, context: Question, agencies: list[str], years: tuple[int, ...],
                 metric: Metric | None) -> bool:
    """Whether a follow-up naming no table cell asks the earlier question again: of another year only (2021年那会儿
    公众号发了多少篇 after a 2023 question), or of a thing the earlier turn named (这个专区 / 该栏目 / 那个平台)."""
    if metric is not None or context.metric is not None:
        return False
    if lx.POINTED_BACK.search(text) or _THEN.search(text):
        return True
    return not agencies and bool(years) and bool(context.years) and set(years) != set(context.years)


def _followup(text: str, *, catalog: Catalog, context: Question, agencies: list[str], unknown: list[str],
              years: tuple[int, ...], metric: Metric | None) -> Question:
    # 比2020年多多少 / 和公安局比呢: the new year or agency is set beside the previous one
    contrast = bool(lx.DIFF_WORDS.search(text) or lx.WITH_CONTRAST.search(text) or lx.THAN_EARLIER_CHANGE.search(text))
    marked = bool(_FOLLOWUP.search(text)) or len(text) <= 8 or contrast or bool(lx.ITEM_REF.search(text)) \
        or _points_back(text, context=context, agencies=agencies, years=years, metric=metric) \
        or not agencies and not years and bool(_YES_NO_BACK.search(text))
    own_metric = metric  # what the new text names itself (a carried one is the earlier question's)
    carried = False
    if metric is not None and context.metric is not None and (marked or lx.PART_OF.match(text)) \
            and _column_of_same_rows(text, metric, context.metric):
        metric, carried = replace(context.metric, col=metric.col), True  # 其中个人申请的: the row asked before
    if metric is not None and context.metric is not None and marked and not carried \
            and _row_of_same_column(text, metric, context.metric):
        metric, carried = replace(metric, col=context.metric.col), True  # 那部分公开的呢 after 其中企业的呢: 企业's
    if metric is None and context.metric is not None and not asks_other_than_cells(text) \
            and not lx.PROSE_RATE.search(text) and not lx.ASKED_ON_TIME.search(text) \
            and not lx.ASKED_CHANNEL.search(text):  # 是不是都按时回复了 / 网上申请的几件呢: the prose, no cell
        col = find_col(text, context.metric.table, context.metric.row)
        if col is not None and context.metric.table == "复议诉讼":
            col = f"{(context.metric.col or '复议.总计').split('.')[0]}.{col}"
        if col is not None or marked:  # "企业呢" swaps the column; "那掌政镇呢" keeps the metric
            metric = replace(context.metric, col=col) if col is not None else context.metric
            carried = True
    scope_all = _asks_all(text)
    # in a chat a question that names no agency and not all of them is about the one just asked about
    # (微信公众号推送了多少原创信息？ after a question on 投资促进局; 他们的电话; 年报里的地址), whether or not it says 那/呢
    if not agencies and not unknown and not scope_all and context.agencies:
        agencies, carried = list(context.agencies), True
    # a full question naming another agency starts afresh: the year asked before was that agency's, not this one's
    fresh = bool(agencies) and not marked and not contrast and not set(agencies) <= set(context.agencies)
    if contrast and agencies and context.agencies and not set(agencies) <= set(context.agencies):
        agencies, carried = list(dict.fromkeys([*context.agencies, *agencies])), True
    if contrast and years and context.years and not set(years) <= set(context.years):
        years, carried = tuple(sorted({*context.years, *years})), True
    # 那工信厅呢？ after a 2023 question: an agency without a report of that year is answered from its newest one
    held_none = bool(agencies) and not set(agencies) <= set(context.agencies) and not any(
        y in catalog.years_of(a) for a in agencies if a not in context.agencies for y in context.years)
    said_same = bool(_SAME_YEAR.search(text))
    if not years and context.years and (said_same or not fresh and not held_none) and not _NEWEST.search(text):
        years, carried = context.years, True
    intent, top_n, order = detect_intent(text, n_agencies=len(agencies), n_years=len(years), metric=metric)
    multi = context.intent not in ("value", "breakdown", "narrative")
    if context.intent == "outcome" and (metric is None or metric.table != "复议诉讼" or lx.QUESTION_HOW_MANY.search(text)):
        multi = False  # 其中维持的有几件 after how the cases ended: a count again
    if marked and intent in ("value", "breakdown") and multi and (carried or not agencies):
        intent, top_n = context.intent, context.top_n  # "那最少的呢" keeps the ranking
        if lx.RANK_ASC.search(text) is None and lx.RANK_DESC.search(text) is None:
            order = context.order
        if not agencies:
            agencies = list(context.agencies)
    if context.metric is not None and metric is not None and metric.col is None and context.intent == "breakdown":
        intent = "breakdown"
    # a prose follow-up ("2019年呢？", "通过微信公众号呢？") searches with the earlier question's words as well
    # …and so does an arithmetic follow-up (掌政镇呢？ after a 公开率 or a sum), read by qa/arith.py
    # …but not one asking how a thing is handled (那他们是怎么处理涉及隐私的信息的): a question of its own
    query = f"{context.query or context.text} {_SAME_AGAIN.sub('', text)}" \
        if own_metric is None and marked and not asks_manner(text) else ""
    q = Question(text=text, agencies=tuple(agencies), years=years, metric=metric, intent=intent, top_n=top_n,
                 order=order, unknown_agencies=tuple(unknown), followup=carried, query=query)
    return _column_breakdown(q)
