"""Arithmetic kinds of round 17 (issue 15), over a real SQLite store written for these tests (numbers of our own):
a share of the published applications said with the group's own words (公开出去的（含部分公开）, 算上部分公开); an
indicator pooled over agencies joined by 加上 / 连同 / 算上; every figure of a question asking three (新收多少？其中
部分公开几件、无法提供几件)."""

from __future__ import annotations

import pytest
from written_stores import Written, application_cells, ask, assert_value, open_cells, review_cells, written_store

from govqa.core.config import Settings
from govqa.core.types import Cell
from govqa.index.store import Store


def _report(new: int, granted: int, partial: int, unheld: int, ignored: int) -> list[Cell]:
    """表三 of one year: new applications all handled (三.七 = 一), 三.四.1 本机关不掌握, 三.五.1 不予处理."""
    return (application_cells("一", new) + application_cells("二", 0) + application_cells("三.一", granted)
            + application_cells("三.二", partial) + application_cells("三.四.1", unheld)
            + application_cells("三.五.1", ignored) + application_cells("三.七", new) + application_cells("四", 0))


FOREST, WATER, RIVER = "云川市林业局", "云川市交通与建设局", "云川市水务局"


@pytest.fixture
def store(settings: Settings) -> Store:
    # 林业局 新收 / 予以公开 / 部分公开 / 不掌握 / 不予处理: 2021 10/4/1/3/2, 2022 12/5/2/3/2, 2023 15/6/3/4/2,
    # 2024 20/8/4/5/3; 交通与建设局 (交建局, a short form the catalogue reads) 2023 5/1/1/3/0, 2024 9/2/1/4/2;
    # 水务局 2024 6/2/0/3/1
    rows = {2021: (10, 4, 1, 3, 2), 2022: (12, 5, 2, 3, 2), 2023: (15, 6, 3, 4, 2), 2024: (20, 8, 4, 5, 3)}
    water = {2023: (5, 1, 1, 3, 0), 2024: (9, 2, 1, 4, 2)}
    return written_store(settings.db_url, [
        *(Written(f"ly{y}", FOREST, "林业局", y, _report(*v) + review_cells(), aliases=("林业局",)) for y, v in rows.items()),
        *(Written(f"jj{y}", WATER, "交通与建设局", y, _report(*v) + review_cells()) for y, v in water.items()),
        Written("sw2024", RIVER, "水务局", 2024, _report(6, 2, 0, 3, 1) + review_cells(), aliases=("水务局",)),
    ])


PUBLISHED_SHARE = [
    "林业局2023年的申请，公开出去的（含部分公开）占比多少？",
    "林业局2023年收到的申请里，公开出去的（包括部分公开）占多少",
    "林业局2023年申请中公开出来的（连同部分公开）占比是多少",
    "林业局2023年算上部分公开，公开出去的申请占几成",
    "林业局2023年的申请，含部分公开在内，公开了的占百分之几",
    "林业局2023年的申请，同意公开的（部分公开也算）占多少",
    "林业局2023年的申请，公开的包括部分公开，占了多少",
    "林业局2023年公开出去的申请（加上部分公开的）占了多少比例",
    "林业局2023年的申请，给公开了的连同部分公开的一共占百分之几",
    "林业局2023年依申请公开中，最后公开出去的（含部分公开）比例是多少",
]


@pytest.mark.parametrize("text", PUBLISHED_SHARE)
def test_the_published_group_said_with_partial_is_the_disclosure_rate(store: Store, settings: Settings, text: str) -> None:
    answer = ask(store, settings, text)
    assert_value(answer, 60.0, "%")  # (6 + 3) / 15, never 部分公开's 3 / 15 alone
    assert "予以公开 6" in (answer.formula or "") and "部分公开 3" in (answer.formula or ""), answer.formula



PUBLISHED_COUNT_AND_POINTS = [
    ("林业局2023年，算上部分公开，公开出去的申请一共多少件", 9, "件"),  # 6 + 3
    ("林业局2023年含部分公开，公开的申请有几件", 9, "件"),
    ("林业局2023年公开出去的（含部分公开）有几件", 9, "件"),
    ("林业局2023年公开出去的（含部分公开）比2022年多了几个百分点", 1.7, "个百分点"),  # 60 − 58.33
]


@pytest.mark.parametrize(("text", "expected", "unit"), PUBLISHED_COUNT_AND_POINTS)
def test_the_published_group_counted_or_its_rate_compared(store: Store, settings: Settings, text: str,
                                                          expected: float, unit: str) -> None:
    assert_value(ask(store, settings, text), expected, unit)

POOLED_RATE = [
    "2024年林业局和交建局的综合公开率是多少",
    "2024年林业局、交建局两家的总公开率",
    "2024年林业局加上交建局，公开出去的（含部分公开）一共占多少",
    "2024年林业局加上交建局，依申请公开合起来的公开率是多少？",
    "2024年林业局加交建局合在一起算，公开率多少",
    "2024年林业局连同交建局，两家合计的公开率是多少",
    "2024年林业局和交建局加起来的公开率",
    "林业局、交建局2024年合起来算，公开率是多少",
    "把2024年交建局算上林业局，整体公开率是多少",
    "2024年林业局跟交建局两家一共的公开率是多少",
    "2024年林业局加上交建局，总的公开率是多少？",
    "2024年林业局的公开率，把交建局也算进去是多少",
    "2024年林业局和交建局放一块儿，公开率是多少",
]


@pytest.mark.parametrize("text", POOLED_RATE)
def test_an_indicator_pooled_over_two_agencies(store: Store, settings: Settings, text: str) -> None:
    answer = ask(store, settings, text)
    assert_value(answer, 51.7, "%")  # (8 + 4 + 2 + 1) / (20 + 9) = 15 / 29, never one agency's rate nor their mean


THREE_FIGURES = [
    ("林业局2023年新收到几件申请？部分公开的有几件、本机关不掌握无法提供的又有几件？", ("15件", "3件", "4件")),
    ("林业局2023年新收了多少申请，其中部分公开的有几件，本机关不掌握的有几件？", ("15件", "3件", "4件")),
    ("林业局2023年收到多少申请？当中予以公开多少件、部分公开多少件？", ("15件", "6件", "3件")),
    ("林业局2023年新收申请几件？部分公开几件？不予处理几件？", ("15件", "3件", "2件")),
    ("林业局2023年新收多少申请，部分公开和本机关不掌握的各几件？", ("15件", "3件", "4件")),
    ("林业局2023年的申请：新收多少、其中部分公开多少、不予处理多少？", ("15件", "3件", "2件")),
]


@pytest.mark.parametrize(("text", "said"), THREE_FIGURES)
def test_every_figure_asked_is_answered(store: Store, settings: Settings, text: str, said: tuple[str, ...]) -> None:
    answer = ask(store, settings, text)
    assert answer.found, answer.text
    for figure in said:
        assert figure in answer.text, (figure, answer.text)
    assert len(answer.sources) >= len(said), answer.sources


ANNUAL_RATE = [
    "林业局2021年到2024年新收申请年均增长百分之几？",
    "林业局2021至2024年收到的申请，年均增速是多少",
    "林业局从2021年到2024年，新收的申请年均增长率是多少",
    "林业局2021—2024年新收申请的年均增幅",
    "林业局新收申请2021年到2024年平均每年增长百分之多少",
    "林业局2021年到2024年新收申请的复合增长率",
    "林业局2024年新收申请比2021年年均增长了百分之几",
    "林业局这几年新收申请的年均增速是多少",  # no years said: the agency's first and last reports
    "林业局历年新收申请年均增长率",
    "林业局2021年以来新收申请年均增长多少",
]


@pytest.mark.parametrize("text", ANNUAL_RATE)
def test_a_yearly_average_growth_is_the_compound_rate(store: Store, settings: Settings, text: str) -> None:
    answer = ask(store, settings, text)
    assert_value(answer, 26.0, "%")  # (20 / 10)^(1/3) − 1 = 25.99%, never the whole span's 100% nor 100% / 3
    assert "^(1/3)" in (answer.formula or ""), answer.formula


ANNUAL_COUNT = [
    "林业局2021年到2024年新收申请平均每年增加多少件？",
    "林业局2021至2024年，收到的申请年均增加几件",
    "林业局2021年到2024年新收申请平均每年多了多少件",
]


@pytest.mark.parametrize("text", ANNUAL_COUNT)
def test_a_yearly_average_change_of_a_count(store: Store, settings: Settings, text: str) -> None:
    answer = ask(store, settings, text)
    assert_value(answer, 3.33, "件")  # (20 − 10) / 3


SUM_AGAINST_ONE = [
    "2024年林业局和交建局合计新收的申请比水务局多多少件？",
    "2024年林业局加上交建局收到的申请，一共比水务局多几件",
    "2024年林业局、交建局两家加起来的新收申请比水务局多了多少",
    "2024年新收申请，林业局和交建局合起来比水务局多多少",
    "2024年水务局新收的申请比林业局和交建局合计少多少件",
]


@pytest.mark.parametrize("text", SUM_AGAINST_ONE)
def test_the_sum_of_two_agencies_against_a_third(store: Store, settings: Settings, text: str) -> None:
    answer = ask(store, settings, text)
    assert answer.found, answer.text
    assert answer.value is not None and abs(answer.value) == pytest.approx(23), answer.text  # (20 + 9) − 6
    assert "23件" in answer.text, answer.text


SUM_AGAINST_ONE_RATIO = [
    ("2024年林业局和交建局新收的申请合计比水务局多百分之几", 383.3, "%"),  # (29 − 6) / 6
    ("2024年林业局加上交建局收到的申请，一共比水务局高出百分之多少", 383.3, "%"),
    ("2024年林业局和交建局合计新收申请是水务局的几倍", 4.83, "倍"),  # 29 / 6
    ("2024年林业局、交建局两家加起来收到的申请是水务局的多少倍", 4.83, "倍"),
]


@pytest.mark.parametrize(("text", "expected", "unit"), SUM_AGAINST_ONE_RATIO)
def test_the_sum_of_two_agencies_against_a_third_as_a_ratio(store: Store, settings: Settings, text: str,
                                                            expected: float, unit: str) -> None:
    assert_value(ask(store, settings, text), expected, unit)


SUM_AGAINST_YEAR = [
    ("林业局和交建局两家加起来，2024年新收的申请比2023年多了多少？", 9, "件"),  # (20 + 9) − (15 + 5)
    ("2024年林业局加上交建局新收的申请合计比上一年多几件", 9, "件"),
    ("林业局和交建局2024年合计收到的申请比2023年增长了百分之几", 45.0, "%"),  # 9 / 20
    ("林业局连同交建局，新收申请2024年一共比2023年多多少件", 9, "件"),
]


@pytest.mark.parametrize(("text", "expected", "unit"), SUM_AGAINST_YEAR)
def test_the_change_of_a_sum_of_two_agencies(store: Store, settings: Settings, text: str, expected: float,
                                             unit: str) -> None:
    assert_value(ask(store, settings, text), expected, unit)




PER_PERIOD = [
    ("林业局2024年平均每月收到多少申请？", 1.67, "个月"),  # 20 / 12
    ("林业局2024年月均新收申请几件", 1.67, "个月"),
    ("林业局2024年平均每周收到几件申请", 0.38, "周"),  # 20 / 52
    ("林业局2024年每个星期平均新收多少申请", 0.38, "周"),
    ("林业局2024年新收申请平均每个季度多少件", 5, "个季度"),
    ("林业局2024年日均收到多少申请", 0.05, "天"),  # 20 / 366 (2024 is a leap year)
    ("林业局2023年平均每天新收几件申请", 0.04, "天"),  # 15 / 365
    ("按250个工作日算，林业局2024年平均每个工作日收到多少申请", 0.08, "个工作日"),
    ("林业局2024年新收的申请，一年按250个工作日计，平均每个工作日几件", 0.08, "个工作日"),
]


@pytest.mark.parametrize(("text", "expected", "period"), PER_PERIOD)
def test_a_yearly_count_per_period(store: Store, settings: Settings, text: str, expected: float, period: str) -> None:
    answer = ask(store, settings, text)
    assert_value(answer, expected, "件")
    assert f"{period} =" in (answer.formula or ""), answer.formula


@pytest.mark.parametrize("text", ["林业局2024年平均每个工作日收到多少申请", "林业局2024年每个工作日平均新收几件申请"])
def test_working_days_not_given_are_not_made_up(store: Store, settings: Settings, text: str) -> None:
    answer = ask(store, settings, text)
    assert not answer.found and answer.value is None, answer.text
    assert "工作日" in answer.text, answer.text


POINTS_PER_YEAR = [
    "林业局2021年至2024年公开率年均提高多少个百分点",  # (60 − 50) / 3
    "林业局的公开率从2021年到2024年平均每年上升了几个百分点",
    "林业局2024年的公开率比2021年年均高多少个百分点",
]


@pytest.mark.parametrize("text", POINTS_PER_YEAR)
def test_a_rate_gap_spread_over_the_years(store: Store, settings: Settings, text: str) -> None:
    assert_value(ask(store, settings, text), 3.33, "个百分点")



@pytest.fixture
def items_store(settings: Settings) -> Store:
    # 2019 template: 行政许可 上一年 40 项, 本年增/减 +10, 处理决定 150 (3 per item); 行政强制 0 items, 4 decisions
    cells = (open_cells("行政许可", 上一年项目数量=40, 处理决定数量=150, **{"本年增/减": 10})
             + open_cells("行政强制", 上一年项目数量=2, 处理决定数量=4, **{"本年增/减": -2}) + application_cells("一", 3))
    return written_store(settings.db_url, [Written("cy2020", "云川市城管局", "城管局", 2020, cells, aliases=("城管局",),
                                                   template="2019")])


PER_ITEM = [
    "城管局2020年的行政许可事项（上一年项目数加上本年增减）平均每项作出几个处理决定？",
    "城管局2020年行政许可平均每个事项作出多少个决定",
    "城管局2020年行政许可每项事项平均作出几个处理决定",
    "城管局2020年，一项行政许可事项平均有多少个处理决定",
]


@pytest.mark.parametrize("text", PER_ITEM)
def test_decisions_per_item(items_store: Store, settings: Settings, text: str) -> None:
    answer = ask(items_store, settings, text)
    assert_value(answer, 3.0, "个")  # 150 / (40 + 10)
    assert "/ (上一年项目数量 40 + 本年增/减 10)" in (answer.formula or ""), answer.formula


def test_decisions_per_item_of_no_items_are_not_divided(items_store: Store, settings: Settings) -> None:
    answer = ask(items_store, settings, "城管局2020年行政强制平均每项事项作出几个处理决定")
    assert not answer.found and "分母为0" in answer.text, answer.text


@pytest.mark.parametrize("text", [*PUBLISHED_SHARE, *POOLED_RATE, *(t for t, _ in THREE_FIGURES), *ANNUAL_RATE,
                                  *ANNUAL_COUNT, *SUM_AGAINST_ONE, *(t for t, _, _ in PUBLISHED_COUNT_AND_POINTS), *(t for t, _, _ in SUM_AGAINST_YEAR),
                                  *(t for t, _, _ in SUM_AGAINST_ONE_RATIO), *POINTS_PER_YEAR,
                                  *(t.replace("城管局", "林业局") for t in PER_ITEM),
                                  *(t for t, _, _ in PER_PERIOD), "林业局2024年平均每个工作日收到多少申请"])
def test_the_plan_sends_every_wording_to_arithmetic(store: Store, text: str) -> None:
    from govqa.qa import arith
    from govqa.qa.catalog import Catalog
    from govqa.qa.understand import understand

    assert arith.recognise(understand(text, catalog=Catalog.for_store(store)))


POOLED_PER_PERIOD = [
    ("2024年林业局和交建局合计平均每月收到多少申请", 2.42),  # (20 + 9) / 12
    ("2024年林业局、交建局两家一共平均每周收到几件申请", 0.56),  # 29 / 52
    ("林业局2023年和2024年加起来平均每月新收多少申请", 1.46),  # (15 + 20) / 24, never the years' mean 17.5
    ("林业局2024年平均每个月公开出去（含部分公开）几件", 1.0),  # (8 + 4) / 12
]


@pytest.mark.parametrize(("text", "expected"), POOLED_PER_PERIOD)
def test_reports_taken_as_one_per_period(store: Store, settings: Settings, text: str, expected: float) -> None:
    assert_value(ask(store, settings, text), expected, "件")
