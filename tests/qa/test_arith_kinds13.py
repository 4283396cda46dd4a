"""Round-13 kinds of arithmetic and indicator questions, each asked in many wordings over a real SQLite store written
for these tests (hand-typed numbers, never report text):

1. a share named by describing its row group (“无法提供”这一类的比率, 不予公开这块占多少, 其他处理类别的占比): the row's
   share of its table's total, the catalogue's indicator where it has one;
2. an elliptic second question in the same turn (…多少个处理决定？行政强制呢？ / ，B的呢 / 那B又是多少 / B和C分别呢):
   every figure answered, each cited (qa/elliptic.py);
3. the measured column chosen by the question's unit word or noun (采购的项目多几个: 采购项目数量; 多多少万元: 采购总金额).
"""

from __future__ import annotations

import pytest
from written_stores import Written, application_cells, ask, open_cells, review_cells, written_store

from govqa.core.config import Settings
from govqa.core.types import Answer, Cell, Metric, Question
from govqa.qa import arith
from govqa.qa.elliptic import split_elliptic
from govqa.qa.indicators import find_indicators
from govqa.qa.understand import find_metric


def _rows(group: str, values: list[int]) -> list[Cell]:
    return [c for i, v in enumerate(values, 1) for c in application_cells(f"{group}.{i}", v)]


def _outcomes(new: int, granted: int, partly: int, refused: list[int], unable: list[int], ignored: list[int],
              other: list[int]) -> list[Cell]:
    return (application_cells("一", new, 自然人=new - 3, 商业企业=3) + application_cells("三.一", granted)
            + application_cells("三.二", partly) + _rows("三.三", refused) + _rows("三.四", unable)
            + _rows("三.五", ignored) + _rows("三.六", other) + application_cells("三.七", new))


def _shown(row: str, last_year: int, change: int, decisions: int) -> list[Cell]:
    return open_cells(row, **{"上一年项目数量": last_year, "本年增/减": change, "处理决定数量": decisions})


def _bought(items: int, amount: float) -> list[Cell]:
    return [Cell("主动公开", "政府集中采购", "采购项目数量", float(items), str(items)),
            Cell("主动公开", "政府集中采购", "采购总金额", amount, str(amount))]


@pytest.fixture
def store(settings: Settings):  # type: ignore[no-untyped-def]
    # 青石县 2020: outcomes 40 = 予以公开 12 + 部分公开 4 + 不予公开 3 + 无法提供 16 + 不予处理 4 + 其他处理 1
    return written_store(settings.db_url, [
        Written("qs20", "青石县人民政府", "青石县", 2020,
                _outcomes(40, 12, 4, [1, 0, 0, 0, 0, 0, 2, 0], [10, 2, 4], [1, 0, 3, 0, 0], [1, 0, 0])
                + _shown("行政许可", 30, 2, 880) + _shown("行政处罚", 12, -1, 215) + _shown("行政强制", 5, 0, 27)
                + _shown("其他对外管理服务事项", 8, 1, 64) + _bought(57, 3120.5)
                + open_cells("规章", 本年新制作数量=2, 本年新公开数量=2, 对外公开总数量=9)
                + open_cells("规范性文件", 本年新制作数量=6, 本年新公开数量=6, 对外公开总数量=31)
                + review_cells(复议_维持=3, 复议_纠正=1, 复议_总计=4, 直诉_维持=2, 直诉_总计=2), template="2019"),
        Written("bh20", "白河市发展和改革委员会", "白河发改委", 2020,
                _outcomes(10, 5, 1, [0] * 8, [2, 0, 1], [1, 0, 0, 0, 0], [0, 0, 0])
                + _shown("行政许可", 40, 0, 120) + _shown("行政处罚", 3, 0, 9) + _shown("行政强制", 1, 0, 0)
                + _shown("其他对外管理服务事项", 2, 0, 11) + _bought(12, 860.25), template="2019"),
    ])


def _says(answer: Answer, *figures: str) -> None:
    assert answer.found, answer.text
    for figure in figures:
        assert figure in answer.text, answer.text


def _cited(answer: Answer) -> set[tuple[str, str, str]]:
    return {(s.report, s.row, s.col or "") for s in answer.sources}


# ---- 1. a row named by its group: its share of the table's total ----

UNABLE_SHARE = [
    "青石县2020年依申请办理结果中，“无法提供”这一类的比率是多少？",
    "青石县2020年办理结果里无法提供这一类占多少？",
    "青石县2020年无法提供这类的比例是多少",
    "青石县2020年“无法提供”类别占办理结果的百分比是多少？",
    "青石县2020年无法提供类的申请占比？",
    "青石县2020年申请办理结果当中，无法提供这一块占了百分之多少？",
    "青石县2020年无法提供这一项的比率",
    "青石县2020年无法提供这一大类的比率是多少？",
    "青石县2020年属于无法提供这类情况的比例是多少？",
]


@pytest.mark.parametrize("text", UNABLE_SHARE)
def test_a_row_described_as_a_group_is_its_share_of_all_outcomes(store, settings: Settings, text: str) -> None:  # type: ignore[no-untyped-def]
    answer = ask(store, settings, text)
    _says(answer, "40%")  # 无法提供 16 / 办理结果总计 40
    assert answer.unit == "%" and answer.value == 40.0, answer.text
    assert {("qs20", "三.四.1", "总计"), ("qs20", "三.四.3", "总计"), ("qs20", "三.七", "总计")} <= _cited(answer)


@pytest.mark.parametrize(("text", "share"), [
    ("青石县2020年不予公开这块占多少？", "7.5%"),  # 3 / 40
    ("青石县2020年办理结果中“不予处理”这一类的比率是多少？", "10%"),  # 4 / 40
    ("青石县2020年其他处理这一类占比多少？", "2.5%"),  # 1 / 40
    ("青石县2020年“予以公开”这一项占比是多少？", "30%"),  # 12 / 40
    ("青石县2020年部分公开类别的比例是多少？", "10%"),  # 4 / 40
    ("青石县2020年不予公开和无法提供这两类加起来的比率是多少？", "47.5%"),  # 19 / 40
])
def test_every_row_group_described_so_is_its_share(store, settings: Settings, text: str, share: str) -> None:  # type: ignore[no-untyped-def]
    answer = ask(store, settings, text)
    _says(answer, share)
    assert answer.unit == "%", answer.text


def test_the_catalogue_reads_a_described_row_as_its_indicator() -> None:
    for text, name in [("“无法提供”这一类的比率", "无法提供率"), ("不予公开这块占多少", "不予公开率"),
                       ("无法提供类的比例", "无法提供率"), ("“不予公开”这一项的比例", "不予公开率")]:
        assert [i.name for i in find_indicators(text)] == [name], text
    assert find_indicators("部分公开这一类占了几成") == []  # no 公开率: 部分公开 is one row


def test_a_count_of_a_described_row_stays_a_count(store, settings: Settings) -> None:  # type: ignore[no-untyped-def]
    answer = ask(store, settings, "青石县2020年无法提供这一类有多少件？")
    _says(answer, "16件")
    assert answer.unit == "件"


# ---- 2. an elliptic second question in the same turn ----

@pytest.mark.parametrize("text", [
    "青石县2020年其他对外管理服务事项作出了多少个处理决定？行政强制呢？",
    "青石县2020年其他对外管理服务事项有多少个处理决定，行政强制的呢？",
    "青石县2020年其他对外管理服务事项处理决定多少个？那行政强制呢？",
    "青石县2020年其他对外管理服务事项作出几个处理决定？行政强制又是多少？",
    "青石县2020年其他对外管理服务事项的处理决定有多少个？还有行政强制呢？",
    "青石县2020年其他对外管理服务事项作出多少个处理决定？行政强制有多少呢？",
    "青石县2020年其他对外管理服务事项作出多少个处理决定？行政强制这一项呢？",
    "青石县2020年其他对外管理服务事项作出多少个处理决定？那行政强制的话呢？",
    "青石县2020年其他对外管理服务事项作出多少个处理决定？行政强制又有几个？",
])
def test_an_elliptic_second_row_is_answered_too(store, settings: Settings, text: str) -> None:  # type: ignore[no-untyped-def]
    answer = ask(store, settings, text)
    _says(answer, "64个", "27个")
    assert {("qs20", "其他对外管理服务事项", "处理决定数量"), ("qs20", "行政强制", "处理决定数量")} <= _cited(answer)
    assert answer.question == text
    assert answer.text.count("根据《") == 1, answer.text  # one report, said once


def test_two_elliptic_rows_asked_each(store, settings: Settings) -> None:  # type: ignore[no-untyped-def]
    answer = ask(store, settings, "青石县2020年行政许可作出多少个处理决定？行政处罚和行政强制分别呢？")
    _says(answer, "880个", "215个", "27个")


@pytest.mark.parametrize(("text", "figures"), [
    ("青石县2020年予以公开多少件？无法提供的呢？", ("12件", "16件")),  # 表三 rows
    ("青石县2020年自然人提了多少申请？商业企业呢？", ("37件", "3件")),  # 表三 columns
    ("青石县2020年行政复议维持了几件？纠正的呢？", ("3件", "1件")),  # 表四 columns
    ("青石县2020年政府集中采购多少个项目？金额呢？", ("57个", "3120.5万元")),  # one 表二 row's columns
    ("青石县2020年公开率是多少？白河发改委呢？", ("40%", "60%")),  # another agency: (12 + 4) / 40, (5 + 1) / 10
])
def test_elliptic_tails_over_every_table(store, settings: Settings, text: str, figures: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    _says(ask(store, settings, text), *figures)


@pytest.mark.parametrize("text", [
    "青石县2020年收到多少申请？其中予以公开的有多少？",  # 其中: a part of the first, no ellipsis
    "青石县2020年收到多少申请？其中予以公开的呢？",
    "青石县2020年予以公开多少件？无法提供的占比是多少？",  # the second asks its own figure
    "那青石县呢？",  # a follow-up of its own, no first part
])
def test_sentences_that_ask_their_own_figure_are_no_ellipsis(text: str) -> None:
    assert split_elliptic(text) is None


def test_an_elliptic_tail_with_nothing_to_read_leaves_the_question_whole(store, settings: Settings) -> None:  # type: ignore[no-untyped-def]
    answer = ask(store, settings, "青石县2020年收到多少申请？2018年呢？")  # no 2018 report: the first still answered
    _says(answer, "40件")


# ---- 3. the unit word or noun picks the measured column ----

COUNT_WORDINGS = [
    "2020年青石县政府集中采购的项目比白河发改委多几个？",
    "2020年青石县政府集中采购的项目数比白河发改委多多少？",
    "2020年青石县和白河发改委政府集中采购项目相差多少个？",
    "2020年青石县政府集中采购比白河发改委多采购了几项？",
    "青石县2020年政府集中采购的项目，比白河发改委多出多少个",
]


@pytest.mark.parametrize("text", COUNT_WORDINGS)
def test_a_difference_in_items_is_of_the_item_count(store, settings: Settings, text: str) -> None:  # type: ignore[no-untyped-def]
    answer = ask(store, settings, text)
    _says(answer, "45个")  # 57 − 12
    assert answer.unit == "个" and answer.value == 45.0, answer.text
    assert {("qs20", "政府集中采购", "采购项目数量"), ("bh20", "政府集中采购", "采购项目数量")} <= _cited(answer)


@pytest.mark.parametrize(("text", "figure", "unit"), [
    ("2020年青石县和白河发改委政府集中采购的项目加起来有几项？", "69个", "个"),
    ("2020年青石县和白河发改委政府集中采购一共多少个项目？", "69个", "个"),
    ("2020年青石县政府集中采购的金额比白河发改委多多少？", "2260.25万元", "万元"),
    ("2020年青石县政府集中采购比白河发改委多花了多少万元？", "2260.25万元", "万元"),
    ("青石县2020年政府集中采购项目的总金额是多少？", "3120.5万元", "万元"),
    ("青石县2020年政府集中采购了多少个？", "57个", "个"),
])
def test_sums_and_values_take_the_column_the_measure_word_says(store, settings: Settings, text: str, figure: str,
                                                               unit: str) -> None:  # type: ignore[no-untyped-def]
    answer = ask(store, settings, text)
    _says(answer, figure)
    assert answer.unit == unit, answer.text


@pytest.mark.parametrize(("text", "col"), [
    ("政府集中采购的项目比去年多几个", "采购项目数量"),
    ("政府集中采购项目的总金额", "采购总金额"),
    ("政府集中采购花了多少钱", "采购总金额"),
    ("政府集中采购有几项", "采购项目数量"),
    ("政府集中采购多少万元", "采购总金额"),
])
def test_the_last_measure_word_names_the_column(text: str, col: str) -> None:
    metric = find_metric(text)
    assert metric is not None and metric.col == col, metric


def test_the_new_wordings_reach_the_arithmetic_route() -> None:
    share = Metric("申请", "三.四", "总计")
    assert arith.recognise(Question("青石县2020年“无法提供”这一类的比率是多少？", agencies=("青石县人民政府",),
                                    years=(2020,), metric=share))
    assert arith.recognise(Question("青石县2020年无法提供这块的百分比", agencies=("青石县人民政府",), years=(2020,),
                                    metric=share))


@pytest.mark.parametrize(("text", "figures", "unit"), [
    ("青石县2020年无法提供的占比是多少？不予处理的呢？", ("40%", "10%"), "%"),  # the share again, not the count
    ("青石县2020年无法提供这一类的比率是多少？不予公开这块呢？", ("40%", "7.5%"), "%"),
    ("青石县2020年规章本年新制作了多少件？规范性文件呢？", ("2件", "6件"), "件"),  # the column asked stays
    ("青石县2020年其他对外管理服务事项有多少个处理决定？行政处罚、行政强制呢？", ("64个", "215个", "27个"), "个"),
])
def test_an_elliptic_row_is_asked_the_first_parts_question(store, settings: Settings, text: str,
                                                           figures: tuple[str, ...], unit: str) -> None:  # type: ignore[no-untyped-def]
    answer = ask(store, settings, text)
    _says(answer, *figures)
    assert answer.unit == unit, answer.text
    assert "31件" not in answer.text  # 规范性文件's 对外公开总数量 is not asked


def test_a_tail_after_two_rows_keeps_the_whole_reading(store, settings: Settings) -> None:  # type: ignore[no-untyped-def]
    parts = split_elliptic("青石县2020年行政许可的处理决定比行政处罚多多少个？行政强制呢？")
    assert parts is not None and parts.followups == ("那行政强制呢？",)  # not 行政强制比行政处罚: which one goes is unsaid
    answer = ask(store, settings, "青石县2020年不予公开和无法提供加起来多少件？不予处理呢？")
    _says(answer, "19件", "4件")


@pytest.mark.parametrize(("text", "share"), [
    ("2020年青石县和白河发改委收到的申请里，青石县占几成？", "80%"),  # 40 / (40 + 10): a county said by its place
    ("2020年青石县和白河发改委政府集中采购的金额里，青石县占比多少？", "78.4%"),  # 3120.5 / 3980.75: the amount
    ("2020年青石县和白河发改委政府集中采购的项目加起来，青石县占几成？", "82.6%"),  # 57 / 69: the items
])
def test_one_listed_agencys_share_of_the_pair_takes_the_measured_column(store, settings: Settings, text: str,
                                                                       share: str) -> None:  # type: ignore[no-untyped-def]
    answer = ask(store, settings, text)
    _says(answer, share)
    assert answer.unit == "%", answer.text
