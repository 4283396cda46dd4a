"""Figures pooled over several agencies: one agency's share of what all the agencies of a place (or the ones listed)
received (2024年平潭各部门收到的申请中，交建局占了百分之多少), and an indicator over summed cells (把这几家放在一起算，
整体公开率是多少 = Σ numerators / Σ denominators, never the average of rates).

    >>> pooled_answer(understand("2024年平潭各部门新收的申请中，交建局占百分之几", catalog=c), store=store, pairs=pairs).formula
    '交通与建设局的占比 = 交通与建设局 58 / (交通与建设局 58 + 公安局 8 + 投资促进局 0 + 旅游与文化体育局 1) 67 = 86.6%'

Every cell summed is cited; an agency of the scope without a report of that year, or whose cell is not printed or
unreadable, is named and left out of the sums (never counted as 0); a pooled denominator of 0 is said, never divided by.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from govqa.core.protocols import ReportStore
from govqa.core.types import Answer, Metric, Question
from govqa.qa import compose as cp
from govqa.qa import lexicon as lx
from govqa.qa.arith_shares import asked_shares, described_share
from govqa.qa.figures import with_col
from govqa.qa.indicators import Indicator, find_indicators, leaves, load_indicators, number, places, term_label
from govqa.qa.scope import region_agencies
from govqa.qa.table_query import MetricValue, ReportRef, find_reports, metric_values, reports_of
from govqa.qa.trend import TREND_WORDS

# every agency of a place or of the store: 各部门, 各单位, 所有机关, 全区, 全部单位, 几家单位
ALL_WORDS = re.compile(r"各(?:个|家)?(?:部门|单位|机关|局|委办局|厅局|职能部门)|(?:所有|全部|全体)的?(?:部门|单位|机关|局)|"
                       r"全(?:区|市|省|县)|这(?:几|些)(?:家|个)|(?:几|多|若干)(?:家|个)(?:单位|部门|机关)")
# the agencies taken as one: 放在一起算, 放一起看, 合在一起, 合起来看, 加在一起, 合计, 整体, 总体, 汇总, 总的, 累计
POOL_WORDS = re.compile(r"(?:放|合|加|算|并|归)(?:在|到)?一起|一起(?:算|看|来看|计算|统计)|总的(?!来说)|累计|加总|合起来|加起来|汇总|合计|合并|整体|总体|总的来看|总共来看|"
                        r"作为一个整体|打包|(?:一共|总共|共计)(?:的|算|来算|来看|占)|放(?:在)?一块儿?|算进(?:去|来)|也算上|算在内")
# a share of the whole: 中 / 里 / 当中 / 之中 after the whole, 占 (全部|总数|总量|合计) before the share word
_AMONG = re.compile(r"(?:当中|之中|里面|中|里|内)[，,]?|占(?:了)?(?:全部|所有|总数|总量|合计|全体)")
SHARE = re.compile(r"占[^，。？?；]{0,12}?(?:比例|比重|百分之|多少|几成|%|份额)|比例|占比|比重|所占|百分之(?:几|多少)|百分比|几成|份额")
# the listed agencies counted as the whole a share is asked within: 五家办理的申请里, 这三个单位收到的申请中
_LISTED_WHOLE = re.compile(r"(?:[两二三四五六七八九十\d]+|这|以上|上述)(?:家|个)(?:单位|部门|机关)?[^，。？?；]{0,20}?(?:当中|之中|里面|中|里)")
# the listed years counted as the whole a share is asked within: 这两年要办的申请里, 这几年收到的申请里, 三个年度当中
_YEARS_WHOLE = re.compile(r"(?:[两二三四五六七八九十]个?|这[两二三四五几]?个?|几个?)年度?(?:来|间|合计|加起来|一共|总共)?"
                          r"[^，。？?；]{0,30}?(?:当中|之中|里面|中|里)")
_EACH = re.compile(r"分别|各自|各是|各为|各占|哪(?:个|家|一)|最(?:高|低|多|少|大|小)|排名|排序|前[一二三四五六七八九十\d]")


# a span asked as a trend or a change is no pool of its years (qa/trend.py, arith's change)
_TREND = re.compile(r"趋势|走势|变化|变动|增|降|升|提高|减少|每年|逐年|历年|各年|分别|倍|差|(?<![占对分])比(?![例重率值])")


@dataclass(frozen=True)
class Pool:
    """What is pooled: the reports summed (part: the agencies whose share is asked, else every one) and the
    agencies of the scope that have no report of the year."""

    refs: tuple[ReportRef, ...]
    lacking: tuple[str, ...]
    part: tuple[str, ...] = ()  # the agencies whose share of the whole is asked (() for an indicator over all)
    by_year: bool = False  # one agency's reports of several years pooled (2022到2024年合起来的公开率)
    part_years: tuple[int, ...] = ()  # the years whose share of the pooled whole is asked (后两年占几成)

    def holds(self, ref: ReportRef) -> bool:
        """Whether a report is in the part whose share is asked."""
        return ref.agency in self.part if self.part else ref.year in self.part_years


def _pool_said(text: str) -> bool:
    """Whether the text takes agencies or years as one (合在一起, 整体), the catalogue's names left out: 行政诉讼合计败诉率
    is one rate, not a pool."""
    for ind in load_indicators().values():
        for alias in ind.aliases:
            text = text.replace(alias, "率")  # 综合公开率 / 总公开率: the pool word is left before 率
    return bool(POOL_WORDS.search(text) or _POOLED_RATE.search(text))


def _years_whole(text: str) -> bool:
    """Whether a share is asked within the listed years taken as one (这两年要办的申请里，结转来的占几成)."""
    return bool(SHARE.search(text) and _YEARS_WHOLE.search(text))


_POOLED_RATE = re.compile(r"(?:综合|总|整体|总体|合计)的?率")  # 两家的综合公开率, 总公开率


def recognise(q: Question) -> bool:
    """Whether q's wording asks a figure pooled over several agencies (pure and cheap, read by arith.recognise)."""
    text = q.text
    if _ranks_shares(q):
        return True  # 各部门收到的申请中，哪家占比最高
    if _EACH.search(text) or not (SHARE.search(text) or find_indicators(text)):
        return False
    if len(q.agencies) == 1 and q.metric is not None and _of_all(text):
        return True  # 各部门收到的申请中，交建局占了几成
    if len(q.agencies) >= 2 and q.metric is not None and _part_named(text, q.agencies):
        return True  # 公安局、交建局、旅文体局三家新收的申请中，交建局占比多少
    if len(q.agencies) == 1 and q.metric is not None and years_named(text, sorted(set(q.years))):
        return True  # 2021到2023年新收的申请里，后两年占几成
    span = len(set(q.years)) >= 2 or not q.years and TREND_WORDS.search(text) is not None  # 这几年总的纠错率
    years = len(q.agencies) == 1 and span and not _TREND.search(text)
    several = len(q.agencies) >= 2 or bool(q.scope) or years
    listed = len(q.agencies) >= 2 and bool(_LISTED_WHOLE.search(text)) and not _TREND.search(text)
    listed = listed or (years and _years_whole(text))
    return several and bool(_pool_said(text) or listed or (ALL_WORDS.search(text) and _AMONG.search(text)))


_PIECE_END = re.compile(r"当中|之中|里面|中|里|[，,]")
# 占海岚区各部门合计的百分之几, 占全区的几成; 占平潭全部申请的百分之几 (a place before 全部: 占全部办理结果 is one report's)
_OF_ALL = re.compile(r"占[^，。？?；]{0,10}?(?:" + ALL_WORDS.pattern + ")")
_OF_PLACE = re.compile(r"占([\u4e00-\u9fff]{2,8}?)的?(?:全部|所有|全体)")
_BODY_END = re.compile(r"[局厅委办府院所站队镇乡区县市旗]|片区|部门")  # 红寺堡区: a county government said by its place


def _of_all(text: str) -> bool:
    """Whether a share is asked of every agency's figure: the whole is said after the all-word and before 中 / 里 / ，
    (各部门收到的申请中, 全区新收的申请，), or after 占 (占各部门合计的); 各部门中，X的予以公开占比 is X's own share."""
    if not SHARE.search(text):
        return False
    from govqa.qa.understand import find_metric

    if _OF_ALL.search(text) or any(find_metric(m.group(1)) is None for m in _OF_PLACE.finditer(text)):
        return True

    for m in ALL_WORDS.finditer(text):
        end = _PIECE_END.search(text, m.end())
        if end is not None and find_metric(text[m.end():end.start()]) is not None:
            return True
    return False


# a subset of the listed agencies said by a group word: 江北这两个局, 城南的三家, 这两个局里的江北两家
_GROUP_COUNT = re.compile(r"(?:这|那|的)?([两二三四五六七八九\d])(?:个|家)")
_SUBSET_SEP = re.compile(r"[、，,]|和|与|及|跟|加上?")


def _best_named(piece: str, agencies: Sequence[str]) -> list[str]:
    """The listed agencies a piece of wording names best (its whole name, or an abbreviation of it)."""
    from govqa.qa.shortnames import abbreviation_score

    scores: dict[str, int] = {}
    for agency in agencies:
        best = 3 if agency in piece else 0
        for i in range(len(piece)):
            for m in _BODY_END.finditer(piece, i):
                best = max(best, abbreviation_score(piece[i:m.end()], agency))
        scores[agency] = best
    top = max(scores.values(), default=0)
    return [a for a, v in scores.items() if v and v == top]


def _group_named(tail: str, agencies: Sequence[str]) -> tuple[str, ...]:
    """The listed agencies a place word and a count name (江北这两个局: the two listed agencies of 江北), or ()."""
    from govqa.core.numbers import cn_number

    for m in _GROUP_COUNT.finditer(tail):
        n, before = cn_number(m.group(1)), tail[:m.start()]
        for size in range(min(len(before), 8), 1, -1):
            covered = tuple(a for a in agencies if before[-size:] in a)
            if covered:
                return covered if n == len(covered) < len(agencies) else ()
    return ()


_YEAR_DIGITS = re.compile(r"(?<!\d)(20\d\d)(?!\d)")
_YEAR_END = re.compile(r"(前|头|后|最后|末|最近)([一两二三四五六七八九\d])年")


def years_named(text: str, years: Sequence[int]) -> tuple[int, ...]:
    """Of several listed years pooled, the ones named again after the whole (三年新收的申请里，后两年占几成; 合计中，
    2023年占比多少), a proper subset, or ()."""
    share = SHARE.search(text)
    ends = [m for m in _PIECE_END.finditer(text, 0, share.start() if share else 0)]
    if len(years) < 2 or share is None or not ends or _TREND.search(text):
        return ()
    tail = text[ends[-1].end():share.start()]
    from govqa.core.numbers import cn_number

    chosen = tuple(sorted({int(y) for y in _YEAR_DIGITS.findall(tail)} & set(years)))
    if (m := _YEAR_END.search(tail)) and (n := cn_number(m.group(2))):
        chosen = tuple(years[:n]) if m.group(1) in ("前", "头") else tuple(years[-n:])
    return chosen if 0 < len(chosen) < len(years) else ()


def _part_named(text: str, agencies: Sequence[str]) -> tuple[str, ...]:
    """Of several agencies listed, the ones named again after the whole (三家新收的申请中，交建局占比多少; 五家一共新收
    的申请里，江北这两个局占几成), or ()."""
    from govqa.qa.understand import find_metric

    share = SHARE.search(text)
    ends = [m for m in _PIECE_END.finditer(text, 0, share.start() if share else 0)]
    if not ends or find_metric(text[: ends[-1].start()]) is None:
        return ()
    tail = text[ends[-1].end():share.start() if share else None]
    if group := _group_named(tail, agencies):
        return group
    pieces = [p for p in _SUBSET_SEP.split(tail) if p]
    named = [_best_named(p, agencies) for p in pieces]
    if len(pieces) >= 2 and all(len(n) == 1 for n in named):
        subset = tuple(dict.fromkeys(n[0] for n in named))
        return subset if len(subset) == len(pieces) < len(agencies) else ()
    whole = _best_named(tail, agencies)
    return (whole[0],) if len(whole) == 1 else ()


_RANK = re.compile(lx.RANK_DESC.pattern + "|" + lx.RANK_ASC.pattern)


def _ranks_shares(q: Question) -> bool:
    """各部门收到的申请中，哪家占比最高: each agency's share of the place's sum, ranked (no indicator named)."""
    return (not q.agencies and bool(q.scope) and q.metric is not None and bool(ALL_WORDS.search(q.text))
            and bool(SHARE.search(q.text)) and bool(_RANK.search(q.text)) and not find_indicators(q.text))


def _share_ranking(q: Question, *, store: ReportStore, refs: Sequence[ReportRef]) -> Answer | None:
    """Each agency's share of the figure summed over refs, highest first (lowest with 最低 / 最少)."""
    metric = with_col(q.metric) if q.metric is not None else None
    if metric is None or len(refs) < 2:
        return None
    values = metric_values(store, metric, reports=refs)
    shown = [v for v in values if v.value is not None]
    sources = tuple(cp.cell_source(c) for v in values for c in v.cells)
    total = sum(v.value or 0.0 for v in shown)
    notes = "".join(cp.left_out(cp.absent_reason(metric, v)) for v in values if v.value is None)
    label = term_label(metric)
    if total == 0:
        return Answer(q.text, cp.pooled_zero(refs[0].year, label, notes), False, "refuse",
                      sources=sources, reason="no-data")
    ranked = sorted(shown, key=lambda v: v.value or 0.0, reverse=not lx.RANK_ASC.search(q.text))
    parts = " + ".join(f"{v.report.short_name} {cp.number_text(v.value or 0.0)}" for v in shown)
    share = {v.report.id: round((v.value or 0.0) / total * 100, 1) for v in shown}
    top = ranked[0]
    best = "、".join(v.report.short_name for v in ranked if share[v.report.id] == share[top.report.id])
    items = [cp.share_item(i, v.report.short_name, cp.number_text(v.value or 0.0), number(share[v.report.id], "%"))
             for i, v in enumerate(ranked)]
    formula = (f"{top.report.short_name}的占比 = {top.report.short_name} {cp.number_text(top.value or 0.0)} / "
               f"({parts}) {cp.number_text(total)} = {number(share[top.report.id], '%')}")
    text = cp.shares_ranking(top.report.year, [v.report.short_name for v in shown], label, cp.number_text(total),
                             lowest=bool(lx.RANK_ASC.search(q.text)), best=best, formula=formula, items=items, notes=notes)
    return Answer(q.text, text, True, "table", value=share[top.report.id], unit="%", sources=sources, formula=formula)


def pooled_answer(q: Question, *, store: ReportStore, pairs: Sequence[tuple[str, int]]) -> Answer | None:
    """The answer to a pooled question, or None when q is not one (the ordinary arithmetic then answers); the share
    a wording asks of one report (qa/arith_shares.py) is pooled here over the agencies."""
    if not recognise(q):
        return None
    years = sorted({y for _, y in pairs} | set(q.years))
    if len(years) > 1:
        return _years_pooled(q, store=store, pairs=pairs)
    if not q.years and TREND_WORDS.search(q.text) and (span := _years_pooled(q, store=store, pairs=pairs)) is not None:
        return span  # 这几年总的公开率: every year of the agency's reports, whichever year the plan picked
    if not years:
        return None
    if _ranks_shares(q):
        return _share_ranking(q, store=store, refs=reports_of(store, pairs))
    if len(q.agencies) == 1 and q.metric is not None and _of_all(q.text):
        pool = _place_pool(q, store=store, year=years[0])
        if pool is None:
            return None
        whole = with_col(q.metric)
        share = Indicator(f"{_name(pool, q.agencies[0])}的占比", (), (whole,), (whole,), 100, "%")
        return _compose(q, share, pool, store=store)
    refs = reports_of(store, pairs)
    if len(q.agencies) >= 2 and q.metric is not None and (part := _part_named(q.text, q.agencies)):
        if not set(part) <= {r.agency for r in refs}:
            return None
        whole = with_col(q.metric)
        pool = Pool(tuple(refs), (), part)  # a listed agency without a report: answer.py names it
        share = Indicator(f"{_names(pool, part)}的占比", (), (whole,), (whole,), 100, "%")
        return _compose(q, share, pool, store=store)
    ind = _indicator(q)
    if ind is None:
        return None
    if len({r.agency for r in refs}) < 2:
        return None
    short = {r.agency: r.short_name for r in find_reports(store, agencies=list(q.scope))}
    lacking = tuple(f"{short.get(a, a)}{years[0]}年" for a in q.scope if a not in {r.agency for r in refs})
    return _compose(q, ind, Pool(tuple(refs), lacking), store=store)  # listed agencies lacking one: answer.py names


def _years_pooled(q: Question, *, store: ReportStore, pairs: Sequence[tuple[str, int]]) -> Answer | None:
    """One agency's indicator over the summed cells of several years (2022到2024年合在一起的公开率), or several
    listed agencies' over each one's reports of those years (甲和乙2019到2023年所有年报加在一起的公开率)."""
    refs = [r for r in find_reports(store, agencies=list(q.agencies)) if (r.agency, r.year) in set(pairs)]
    if len(q.agencies) == 1 and q.metric is not None and (chosen := years_named(q.text, sorted(set(q.years)))):
        whole = with_col(q.metric)
        pool = Pool(tuple(refs), (), by_year=True, part_years=chosen)
        label = f"{refs[0].short_name}{'、'.join(str(y) for y in chosen)}年" if refs else ""
        share = Indicator(f"{label}的占比", (), (whole,), (whole,), 100, "%")
        return _compose(q, share, pool, store=store) if len(refs) >= 2 else None
    if not q.agencies or not (_pool_said(q.text) or _years_whole(q.text)) or (ind := _indicator(q)) is None:
        return None
    from govqa.qa.arith_rates import series_refs

    lacking: tuple[str, ...] = ()
    if len(q.agencies) == 1 and not q.years and (series := series_refs(q, store=store)) is not None:  # 这几年总的
        refs, unheld = series
        lacking = tuple(f"{refs[0].short_name}{y}年" for y in unheld)
    return _compose(q, ind, Pool(tuple(refs), lacking, by_year=True), store=store) if len(refs) >= 2 else None


def _indicator(q: Question) -> Indicator | None:
    """The one computable indicator or share asked (公开率, 法人或其他组织申请占比), or None; a whole the question
    describes (公开了的（予以公开加部分公开）合起来，部分公开的占多少) or lists beats a catalogue name sharing its words."""
    from govqa.qa.arith_within import listed_group_share
    from govqa.qa.column_ratio import column_ratio

    if SHARE.search(q.text) and (within := listed_group_share(q.text) or described_share(q.text)) is not None:
        return within
    if (columns := column_ratio(q)) is not None:
        return columns  # 两家的处理决定数量合计相当于上一年项目数量合计的百分之几: two columns of one 表二 row
    found = [leaf for ind in find_indicators(q.text) for leaf in leaves(ind)]
    if len(found) == 1:
        return found[0]
    if found:
        return None
    asked = asked_shares(q) if q.metric is not None else []
    return asked[0] if len(asked) == 1 else None


def _place_pool(q: Question, *, store: ReportStore, year: int) -> Pool | None:
    """The reports of year of every agency the place word covers (all stored agencies when it names none)."""
    every = find_reports(store)
    agencies = sorted({r.agency for r in every})
    scope = region_agencies(q.text, agencies) or _own_place(q.agencies[0], q.text, agencies) or agencies
    if q.agencies[0] not in scope:
        return None
    refs = tuple(r for r in every if r.year == year and r.agency in scope)
    if len(refs) < 2 or q.agencies[0] not in {r.agency for r in refs}:
        return None
    held = {r.agency for r in refs}
    short = {r.agency: r.short_name for r in every}
    return Pool(refs, tuple(f"{short[a]}{year}年" for a in scope if a not in held), (q.agencies[0],))


def _own_place(agency: str, text: str, agencies: Sequence[str]) -> list[str]:
    """The agencies sharing the place the named agency's full name begins with (海岚区交通运输局 …占全区: 海岚区's)."""
    for size in range(len(agency) - 1, 1, -1):
        covered = [a for a in agencies if a.startswith(agency[:size])]
        if agency[:size] in text and 2 <= len(covered) < len(agencies):
            return covered
    return []


def _name(pool: Pool, agency: str) -> str:
    return next((r.short_name for r in pool.refs if r.agency == agency), agency)


def _names(pool: Pool, agencies: Sequence[str]) -> str:
    return "、".join(_name(pool, a) for a in agencies)


def _label(pool: Pool, ref: ReportRef) -> str:
    """A report as a sum names it: its agency, or its agency and year when one agency's years are pooled."""
    return f"{ref.short_name}{ref.year}年" if pool.by_year else ref.short_name


def _side(terms: Sequence[Metric], values: dict[Metric, list[MetricValue]], used: Sequence[ReportRef],
          pool: Pool, *, told: Sequence[Metric] = ()) -> tuple[float, str, str]:
    """A side's sum over the reports used, its formula text (予以公开 12 + 部分公开 4) and each term's parts (a term
    ``told`` already, by the numerator, not again)."""
    sums, parts, total = [], [], 0.0
    for m in terms:
        vs = [v for v in values[m] if v.report in used]
        each = sum(v.value or 0.0 for v in vs)
        total += each
        sums.append(f"{term_label(m)} {cp.number_text(each)}")
        if m not in told:
                parts.append(f"{term_label(m)} {cp.number_text(each)} = "
                         + " + ".join(f"{_label(pool, v.report)} {cp.number_text(v.value or 0.0)}" for v in vs))
    text = " + ".join(sums)
    return total, f"({text})" if len(terms) > 1 else text, "；".join(parts)


def pooled_indicator(q: Question, ind: Indicator, refs: Sequence[ReportRef], *, store: ReportStore) -> Answer | None:
    """One indicator over the summed cells of the given reports (Σ numerators / Σ denominators), every cell cited."""
    return _compose(q, ind, Pool(tuple(refs), ()), store=store)


def _compose(q: Question, ind: Indicator, pool: Pool, *, store: ReportStore) -> Answer | None:
    terms = list(dict.fromkeys([*ind.numerator, *ind.denominator]))
    values = {m: metric_values(store, m, reports=pool.refs) for m in terms}
    unread = [(m, v) for m in terms for v in values[m] if v.value is None]
    left_out = {v.report.id for _, v in unread}
    used = [r for r in pool.refs if r.id not in left_out]
    sources = tuple(cp.cell_source(c) for m in terms for v in values[m] for c in v.cells)
    year = f"{pool.refs[0].year}年" if not pool.by_year else ""
    first: dict[str, tuple[Metric, MetricValue]] = {}  # one note per report left out: its first unread term's
    for m, v in unread:
        first.setdefault(v.report.id, (m, v))
    notes = "".join(cp.left_out(cp.absent_reason(m, v)) for m, v in first.values())
    if pool.lacking:
        notes += cp.pool_lacking(pool.lacking)
    if any(pool.holds(v.report) for _, v in unread) and (pool.part or pool.part_years):
        return Answer(q.text, notes, False, "refuse", sources=sources, reason="no-data")
    names = "、".join(_label(pool, r) for r in used)
    count = f"{len(used)}{'家' if not pool.by_year else '年' if len({r.agency for r in used}) == 1 else '份报告'}"
    if pool.part or pool.part_years:
        part = [v for v in values[ind.numerator[0]] if pool.holds(v.report) and v.report in used]
        top = sum(v.value or 0.0 for v in part)
        named = " + ".join(f"{_label(pool, v.report)} {cp.number_text(v.value or 0.0)}" for v in part)
        whole = [v for v in values[ind.denominator[0]] if v.report in used]
        bottom = sum(v.value or 0.0 for v in whole)
        parts = " + ".join(f"{_label(pool, v.report)} {cp.number_text(v.value or 0.0)}" for v in whole)
        named = f"({named}) {cp.number_text(top)}" if len(part) > 1 else named
        formula = f"{ind.name} = {named} / ({parts}) {cp.number_text(bottom)}"
        lead = cp.pooled_part_lead(year, names, count, term_label(ind.numerator[0]), cp.number_text(bottom))
        detail = ""
    else:
        top, num_text, num_parts = _side(ind.numerator, values, used, pool)
        bottom, den_text, den_parts = _side(ind.denominator, values, used, pool, told=ind.numerator)
        formula = f"{ind.name}（{count}合计） = {num_text} / {den_text}"
        lead = cp.pooled_lead(year, names, count)
        detail = cp.pooled_detail(num_parts, den_parts)
    titles = "、".join(cp.report_title(r.agency, r.year) for r in used)
    if bottom == 0:
        text = cp.pooled_zero_rate(titles, lead, ind.name, notes, ind.unit)
        return Answer(q.text, text, False, "refuse", sources=sources, reason="no-data", formula=formula)
    value = round(top / bottom * ind.scale, places(ind.unit))
    formula = f"{formula} = {number(value, ind.unit)}"
    text = cp.pooled_sentence(titles, lead, ind.name, number(value, ind.unit), formula, detail, notes)
    return Answer(q.text, text, True, "table", value=value, unit=ind.unit, sources=sources, formula=formula)
