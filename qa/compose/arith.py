"""The arithmetic route's sentences: averages per period, group counts, multiples, gaps in points, and why a
figure cannot be worked out."""

from __future__ import annotations

from collections.abc import Sequence

from govqa.qa.compose.labels import number_text
from govqa.qa.compose.table import ordinal_word


def per_period_sentence(title: str, year: int | None, label: str, period: str, average: str, formula: str) -> str:
    """A year's count spread over its months: 根据《…》，2022年新收政府信息公开申请平均每月5件（…）。"""
    return f"根据{title}，{year}年{label}平均每{period}{average}（{formula}；年度报告只按全年统计，这是全年数的平均，不是逐{period}数据）。"


def per_item_sentence(title: str, year: int | None, row: str, each: str, formula: str) -> str:
    """A row's decisions per item: 根据《…》，2020年行政许可平均每项事项作出3个处理决定（…）。"""
    return f"根据{title}，{year}年{row}平均每项事项作出{each}个处理决定（{formula}；事项数 = 上一年项目数量 + 本年增/减）。"


def per_item_missing(why: str) -> str:
    """No decisions per item: a term is not there."""
    return f"无法计算平均每项事项的处理决定数：{why}"


def pooled_per_period_sentence(named: str, label: str, period: str, average: str, formula: str) -> str:
    """Reports taken as one, per period: 根据林业局、交通与建设局的年度报告，合在一起新收政府信息公开申请平均每月2.42件（…）。"""
    return (f"根据{named}的年度报告，合在一起{label}平均每{period}{average}（{formula}；年度报告只按全年统计，这是全年数的平均，"
            f"不是逐{period}数据）。")


def per_period_missing(why: str, period: str = "月") -> str:
    """No average per month (week, day …): the yearly figure is not there."""
    return f"无法计算每{period}平均：{why}"


def working_days_unknown() -> str:
    """An average per working day whose count of working days the question does not give."""
    return ("年度报告只按全年统计，也没有载明全年的工作日天数，无法算出每个工作日的平均数；"
            "如需按工作日平均，请在问题中说明按多少个工作日计算（例如“按……个工作日算”）。")


def group_count_sentence(title: str, year: int | None, group: str, col: str, total: str, formula: str) -> str:
    """A described group's count: 根据《…》，2022年公开的申请（予以公开 + 部分公开）共30件（…）。"""
    by = f"中{col}提出的" if col else ""
    return f"根据{title}，{year}年{group}{by}共{total}（{formula}）。"


def group_count_missing(group: str, why: str) -> str:
    """No count of a described group: a row of it is not there."""
    return f"无法给出{group}的合计：{why}"


def times_sentence(titles: str, listing: str, first: str, second: str, ratio: str, formula: str) -> str:
    """One figure as a multiple of another: 根据《…》，2023年公开率为…；2021年…。2023年是2021年的1.2倍（…）。"""
    return f"根据{titles}，{listing}。{first}是{second}的{ratio}倍（{formula}）。"


def zero_base(name: str) -> str:
    """The figure a multiple is taken of is 0."""
    return f"作为比较基数的{name}为0，分母为0。"


def no_multiple(why: str) -> str:
    """No multiple: a figure is missing or the base is 0."""
    return f"无法计算倍数：{why}"


def no_year_report(name: str, years: list[int], what: str) -> str:
    """A comparison between years one of which the store lacks: 知识库中没有…2019年的年度报告，无法比较公开率。"""
    return f"知识库中没有{name}{'、'.join(map(str, years))}年的年度报告，{what}。"


def points_gap_sentence(titles: str, listing: str, first: str, second: str, gap: float, formula: str,
                        unit: str = "个百分点") -> str:
    """Two rates and their gap: 根据《…》，2019年公开率为…；2021年…。2021年比2019年高44.4个百分点（…）; an amount's gap
    (unit 万元) is 多 / 少."""
    verb = ("高" if gap >= 0 else "低") if unit == "个百分点" else ("多" if gap >= 0 else "少")
    return f"根据{titles}，{listing}。{first}比{second}{verb}{number_text(abs(gap))}{unit}（{formula}）。"


def points_per_year(span: int, each: float, formula: str) -> str:
    """A gap in points spread over the years between: 这3年间平均每年提高3.33个百分点（…）。"""
    verb = "提高" if each >= 0 else "下降"
    return f"这{span}年间平均每年{verb}{number_text(abs(each))}个百分点（{formula}）。"


def unrounded_note() -> str:
    """A gap taken from the unrounded rates, where it differs from the rounded ones subtracted."""
    return "，按未取整的比率相减"


# ---- indicators (rates, shares) of one report each: qa/arith_rates.py, qa/indicators.py ----

def indicator_sentence(title: str, year: int | None, name: str, value: str, formula: str) -> str:
    """One report's indicator: 根据《…》，2021年公开率为88.3%（公开率 = … = 88.3%）。"""
    return f"根据{title}，{year}年{name}为{value}（{formula}）。"


def base_same(col: str, total: str) -> str:
    """An applicant column's share over its 办理结果总计 when its 本年新收 is the same: either base gives the share."""
    return f"（分母为{col}申请的办理结果总计；{col}本年新收申请也是{total}件，按新收申请算比例相同。）"


def base_other(col: str, value: str, formula: str) -> str:
    """An applicant column's share over its 本年新收 too, when that differs from its 办理结果总计."""
    return f"（以上分母为{col}申请的办理结果总计；若按{col}本年新收的申请算，比例为{value}（{formula}）。）"


def cannot_compute(name: str, why: str) -> str:
    """No indicator of a report: 无法计算公开率：<why>."""
    return f"无法计算{name}：{why}"


def _zero_rate(lead: str, name: str, unit: str = "%") -> str:
    return f"{lead}，分母为0，{name}无从计算（不是0{unit}）。"


def report_zero_rate(who: str, year: int | None, denominator: str, name: str, unit: str = "%") -> str:
    """A report's rate whose denominator is 0: 甲局2021年新收申请 0，分母为0，公开率无从计算（不是0%）; an average in
    万元 says 不是0万元."""
    return _zero_rate(f"{who}{year}年{denominator}", name, unit)


def zero_denominator(who: str, what: str) -> str:
    """A base of 0 a growth rate or multiple would divide by: 2021年为0，分母为0，增长率无从计算。"""
    return f"{who}为0，分母为0，{what}无从计算。"


def cannot_compare(name: str) -> str:
    """无法比较公开率 (said after a missing year, or before why)."""
    return f"无法比较{name}"


def no_comparison(name: str, why: str) -> str:
    """Two indicators not compared: 无法比较公开率：<why>."""
    return f"{cannot_compare(name)}：{why}"


def indicator_listing(name: str, items: Sequence[tuple[str, str, str]]) -> str:
    """Each (who, value, formula) of one indicator: 2019年公开率为33.3%（…）；2021年公开率为77.8%（…）."""
    return "；".join(f"{who}{name}为{value}（{formula}）" for who, value, formula in items)


def ranked_item(i: int, who: str, value: str, formula: str) -> str:
    """One line of an indicator's ranking: 第一，甲局88.3%（公开率 = …）."""
    return f"{ordinal_word(i)}，{who}{value}（{formula}）"


def indicator_ranking(name: str, *, lowest: bool, best: Sequence[str], best_value: str, items: Sequence[str]) -> str:
    """The agencies with the highest (lowest) indicator, then the ranking: 公开率最高的是甲局（88.3%）。排序：…。"""
    word = "最低" if lowest else "最高"
    return f"{name}{word}的是{'、'.join(best)}（{best_value}）。排序：{'；'.join(items)}。"


def not_ranked(problems: str) -> str:
    """The reports a ranking leaves out, and why."""
    return "未排入：" + problems


# ---- figures of two reports: qa/arith_rates.py times_answer, qa/arith_changes.py ----

def two_values_head(titles: str, label: str, items: Sequence[tuple[str, str]]) -> str:
    """根据《…》、《…》，新收申请：甲局12件，乙局6件。"""
    return f"根据{titles}，{label}：" + "，".join(f"{who}{value}" for who, value in items) + "。"


def multiple_said(first: str, second: str, ratio: str, formula: str) -> str:
    """甲局是乙局的2倍（…）。"""
    return f"{first}是{second}的{ratio}倍（{formula}）。"


def no_change(why: str = "") -> str:
    """No change between two years: 无法计算变化 (then why, when given)."""
    return f"无法计算变化：{why}" if why else "无法计算变化"


def years_head(name: str, label: str, items: Sequence[tuple[int | None, str]]) -> str:
    """根据甲局2020、2021年年度报告，新收申请：2020年12件，2021年15件。"""
    years = "、".join(str(y) for y, _ in items)
    return f"根据{name}{years}年年度报告，{label}：" + "，".join(f"{y}年{value}" for y, value in items) + "。"


def growth_times(later: int | None, earlier: int | None, times: str, whole: str, formula: str) -> str:
    """增长了几倍: 2021年比2020年增长28倍，是2020年的29倍（…）。"""
    return f"{later}年比{earlier}年增长{times}倍，是{earlier}年的{whole}倍（{formula}）。"


def growth_rate(later: int | None, earlier: int | None, diff: float, amount: str, rate: float, percent: str,
                formula: str) -> str:
    """增长了百分之几: 2021年比2020年多3件，增长25%（…）。"""
    more = "多" if diff >= 0 else "少"
    verb = "增长" if rate >= 0 else "下降"
    return f"{later}年比{earlier}年{more}{amount}，{verb}{percent}（{formula}）。"


def annual_growth_rate(later: int, earlier: int, rate: float, percent: str, formula: str) -> str:
    """年均增长百分之几: 2020年到2023年的3年间年均增长26%（复合增长率：…）。"""
    verb = "增长" if rate >= 0 else "下降"
    return f"{earlier}年到{later}年的{later - earlier}年间年均{verb}{percent}（按复合增长率计：{formula}）。"


def annual_difference(later: int, earlier: int, diff: float, amount: str, formula: str) -> str:
    """年均增加多少件: 2020年到2023年的3年间平均每年多3.33件（…）。"""
    verb = "多" if diff >= 0 else "少"
    return f"{earlier}年到{later}年的{later - earlier}年间平均每年{verb}{amount}（{formula}）。"


def sum_side(items: Sequence[tuple[str, float]], unit: str) -> tuple[str, str]:
    """One side of a difference of sums, from (name, value) pairs: the terms ((林业局 20件 + 交通与建设局 9件)) and
    what the answer calls the side (林业局和交通与建设局合计)."""
    terms = " + ".join(f"{name} {number_text(value, unit=unit)}" for name, value in items)
    names = "和".join(name for name, _ in items)
    return (f"({terms})" if len(items) > 1 else terms), (f"{names}合计" if len(items) > 1 else names)


def sum_gap_sentence(year: int | None, label: str, sides: Sequence[tuple[str, str]], diff: float, amount: str,
                     formula: str) -> str:
    """甲局和乙局合计比丙局多23件: 根据各机关2024年年度报告，林业局和交通与建设局合计的新收政府信息公开申请比水务局多23件（…）。"""
    verb = "多" if diff >= 0 else "少"
    return f"根据各机关{year}年年度报告，{sides[0][1]}的{label}比{sides[1][1]}{verb}{amount}（{formula}）。"


def sum_gap_times(year: int | None, label: str, sides: Sequence[tuple[str, str]], times: str, formula: str) -> str:
    """甲局和乙局合计是丙局的几倍: 根据各机关2024年年度报告，林业局和交通与建设局合计的…是水务局的4.83倍（…）。"""
    return f"根据各机关{year}年年度报告，{sides[0][1]}的{label}是{sides[1][1]}的{times}倍（{formula}）。"


def year_difference(later: int | None, earlier: int | None, diff: float, amount: str, formula: str) -> str:
    """2021年比2020年多3件（…）。"""
    verb = "多" if diff >= 0 else "少"
    return f"{later}年比{earlier}年{verb}{amount}（{formula}）。"


# ---- figures of one report added or set against each other: qa/figures.py ----

def terms_lead(title: str, year: int | None) -> str:
    """根据《…》，2021年 (the figures follow)."""
    return f"根据{title}，{year}年"


def term_said(label: str, values: Sequence[tuple[str, str]], total: str = "") -> str:
    """A described figure: 予以公开10件, or its rows and their total: 予以公开10件，部分公开2件，公开共12件."""
    if not total:
        return f"{label}{values[0][1]}"
    return "，".join(f"{row}{value}" for row, value in values) + f"，{label}共{total}"


def terms_listed(how: str, lead: str, said: Sequence[str], why: str, note: str, *, refused: bool) -> str:
    """The figures that were read, then why the others are missing (无法给出合计：/无法计算差值： first when refused)."""
    word = {"sum": "无法给出合计：", "diff": "无法计算差值："}.get(how, "") if refused else ""
    return word + lead + "；".join(said) + "。" + why + note


def terms_sum(lead: str, said: Sequence[str], total: str, formula: str, note: str) -> str:
    """…，合计12件（…）。"""
    return f"{lead}{'；'.join(said)}，合计{total}（{formula}）。{note}"


def terms_difference(lead: str, said: Sequence[str], first: str, second: str, diff: float, amount: str, formula: str,
                     note: str, *, same: bool = False) -> str:
    """…，予以公开比部分公开多8件（…）。 (两者相同。 when asked which is larger and they are equal)."""
    verb = "多" if diff >= 0 else "少"
    return f"{lead}{'；'.join(said)}，{first}比{second}{verb}{amount}（{formula}）。{note}" + ("两者相同。" if same else "")


def terms_ratio(lead: str, first: str, second: str, ratio: str, formula: str, note: str) -> str:
    """…，予以公开是部分公开的5倍（…）。"""
    return f"{lead}，{multiple_said(first, second, ratio, formula)}{note}"


def terms_zero_base(lead: str, second: str) -> str:
    """…。部分公开为0，分母为0，倍数无从计算。"""
    return f"{lead}。{zero_denominator(second, '倍数')}"


# ---- figures pooled over agencies or years: qa/pooled.py ----

def left_out(reason: str) -> str:
    """A report whose figure is not printed: <reason>该报告未计入合计。"""
    return f"{reason}该报告未计入合计。"


def pool_lacking(lacking: Sequence[str]) -> str:
    """（甲局2021年的报告不在知识库中，未计入，不按零计。）"""
    return f"（{'、'.join(lacking)}的报告不在知识库中，未计入，不按零计。）"


def pooled_zero(year: int | None, label: str, notes: str) -> str:
    """2021年各机关的新收申请合计为0，占比无从计算（不是0%）。"""
    return f"{year}年各机关的{label}合计为0，占比无从计算（不是0%）。{notes}"


def share_item(i: int, who: str, value: str, share: str) -> str:
    """One line of a share ranking: 第一，甲局 12，占40%."""
    return f"{ordinal_word(i)}，{who} {value}，占{share}"


def shares_ranking(year: int | None, names: Sequence[str], label: str, total: str, *, lowest: bool, best: str,
                   formula: str, items: Sequence[str], notes: str) -> str:
    """2021年甲局、乙局共2家的新收申请合计30，占比最高的是甲局（…）。排序：…。"""
    word = "最低" if lowest else "最高"
    return (f"{year}年{'、'.join(names)}共{len(names)}家的{label}合计{total}，占比{word}的是{best}（{formula}）。"
            f"排序：{'；'.join(items)}。{notes}")


def pooled_part_lead(year: str, names: str, count: str, label: str, total: str) -> str:
    """2021年甲局、乙局共2家的新收申请合计30."""
    return f"{year}{names}共{count}的{label}合计{total}"


def pooled_lead(year: str, names: str, count: str) -> str:
    """2021年甲局、乙局共2家合在一起计算."""
    return f"{year}{names}共{count}合在一起计算"


def pooled_detail(numerator: str, denominator: str) -> str:
    """其中<the numerator's sums>；<the denominator's>。 (once when they are the same)."""
    return f"其中{numerator}；{denominator}。" if denominator and numerator != denominator else f"其中{numerator}。"


def pooled_zero_rate(titles: str, lead: str, name: str, notes: str, unit: str = "%") -> str:
    """根据《…》、《…》，<lead>，分母为0，公开率无从计算（不是0%）。"""
    return _zero_rate(f"根据{titles}，{lead}", name, unit) + notes


def pooled_sentence(titles: str, lead: str, name: str, value: str, formula: str, detail: str, notes: str) -> str:
    """根据《…》、《…》，<lead>，公开率为80%（…）。其中…"""
    return f"根据{titles}，{lead}，{name}为{value}（{formula}）。{detail}{notes}"


def direction_note(change: float, *, asked_fall: bool, asked_rise: bool) -> str:
    """The direction of a change in percent, said plainly: 即下降50% where a fall was asked or no direction was (变化了
    百分之几: the value stays signed), 实际是增长了… where the change ran the other way than asked."""
    size = f"{abs(change):g}%"
    if asked_fall:
        return f"即下降{size}。" if change <= 0 else f"实际不是下降，而是增长了{size}。"
    if asked_rise and change < 0:
        return f"实际不是增长，而是下降了{size}。"
    if not asked_rise and change:  # 变化了百分之几 (no direction asked): the signed rate, and its direction said
        return f"即{'下降' if change < 0 else '增长'}{size}。"
    return ""


def relative_sentence(first: str, second: str, rate: float, formula: str, *, asked_fall: bool) -> str:
    """The first figure against the second in percent of the second: 甲局比乙局多600%（…）; a fall asked of a rise
    (or a rise of a fall) is said plainly."""
    size = f"{abs(rate):g}%"
    word = "多" if rate >= 0 else "少"
    text = f"{first}比{second}{word}{size}（{formula}）。"
    if asked_fall and rate > 0:
        text += f"实际不是少，而是多了{size}。"
    return text


def count_gap_sentence(first: str, second: str, diff: float, size: str, formula: str, *, asked_fall: bool) -> str:
    """The difference of two reports' counts: 甲局2023年比乙局2021年多13件（…）; the other way than asked said plainly."""
    word = "多" if diff >= 0 else "少"
    text = f"{first}比{second}{word}{size}（{formula}）。"
    if asked_fall and diff > 0:
        text += f"实际不是少，而是多了{size}。"
    return text


def opposite_change(*, asked_fall: bool, diff: float) -> str:
    """A change that ran the other way than asked (问少了多少，实际是多了): said plainly; empty otherwise."""
    if asked_fall and diff > 0:
        return "问的是减少，实际是增加。"
    return ""


# ---- a figure pooled over several agencies in two years: qa/pooled_change.py ----

def pooled_change_head(label: str, items: Sequence[tuple[int, int, str, str, str]]) -> str:
    """根据各机关年度报告，新收政府信息公开申请：2021年5家合计29件（甲局 6 + … = 29）；2022年…。 (平均每家: averaged)"""
    said = "；".join(f"{year}年{count}家{word}{total}（{listing}）" for year, count, listing, word, total in items)
    return f"根据各机关年度报告，{label}：{said}。"


def pooled_change_sets(base: int, later: int, only_base: Sequence[str], only_later: Sequence[str]) -> str:
    """（注意：两年计入的机关不同：甲局只有2021年的报告，乙局只有2022年的报告，变化也包含机关不同的影响。）"""
    said = [f"{'、'.join(only_base)}只有{base}年的报告"] if only_base else []
    said += [f"{'、'.join(only_later)}只有{later}年的报告"] if only_later else []
    if not said:
        return ""
    return f"（注意：两年计入的机关不同：{'，'.join(said)}；变化也包含报告机关不同的影响。）"


def pooled_change_no_year(years: str) -> str:
    """知识库中没有这些机关2020年的报告，无法计算合计的变化。"""
    return f"知识库中没有这些机关{years}的报告，无法计算合计的变化（缺少的年份不按零计）。"


def pooled_rate_change(name: str, later: int, base: int, rate_later: str, rate_base: str, gap: float, size: str,
                       formula: str) -> str:
    """各机关合在一起计算，2022年公开率为80%，2021年为75%，2022年比2021年高5个百分点（…）。"""
    verb = "高" if gap >= 0 else "低"
    return (f"根据各机关年度报告，各机关合在一起计算，{later}年{name}为{rate_later}，{base}年为{rate_base}，"
            f"{later}年比{base}年{verb}{size}个百分点（{formula}）。")


def group_sum_sentence(group: str, col: str, items: Sequence[tuple[str, str]], total: str, formula: str) -> str:
    """A described group's count added over several reports: 根据各年度报告，公开的申请（…）：甲局2021年 … = 5件；
    甲局2023年 … = 1件；合计6件（…）。"""
    by = f"中{col}提出的" if col else ""
    said = "；".join(f"{who}{listing}" for who, listing in items)
    return f"根据各年度报告，{group}{by}：{said}；合计{total}（{formula}）。"


def report_share_item(who: str, value: str, share: str) -> str:
    """One report's part of a listed sum: 2021年1689个，占62.1%."""
    return f"{who}{value}，占{share}"


def report_shares_sentence(titles: str, names: Sequence[str], label: str, total: str, items: Sequence[str],
                           formula: str, notes: str) -> str:
    """根据《…》、《…》，2021年、2023年的行政许可处理决定数量合计2718个：2021年1689个，占62.1%；…（…）。"""
    return f"根据{titles}，{'、'.join(names)}的{label}合计{total}：{'；'.join(items)}（{formula}）。{notes}"


def report_shares_zero(names: Sequence[str], label: str) -> str:
    """2021年、2023年的行政许可处理决定数量合计为0，各自的占比无从计算（不是0%）。"""
    return f"{'、'.join(names)}的{label}合计为0，各自的占比无从计算（不是0%）。"
