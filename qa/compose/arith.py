"""The arithmetic route's sentences: averages per period, group counts, multiples, gaps in points, and why a
figure cannot be worked out."""

from __future__ import annotations

from govqa.qa.compose.labels import number_text


def per_period_sentence(title: str, year: int | None, label: str, period: str, average: str, formula: str) -> str:
    """A year's count spread over its months: 根据《…》，2022年新收政府信息公开申请平均每月5件（…）。"""
    return f"根据{title}，{year}年{label}平均每{period}{average}（{formula}；年度报告只按全年统计，这是全年数的平均，不是逐月数据）。"


def per_period_missing(why: str) -> str:
    """No average per month: the yearly figure is not there."""
    return f"无法计算每月平均：{why}"


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


def points_gap_sentence(titles: str, listing: str, first: str, second: str, gap: float, formula: str) -> str:
    """Two rates and their gap: 根据《…》，2019年公开率为…；2021年…。2021年比2019年高44.4个百分点（…）。"""
    verb = "高" if gap >= 0 else "低"
    return f"根据{titles}，{listing}。{first}比{second}{verb}{number_text(abs(gap))}个百分点（{formula}）。"


def unrounded_note() -> str:
    """A gap taken from the unrounded rates, where it differs from the rounded ones subtracted."""
    return "，按未取整的比率相减"
