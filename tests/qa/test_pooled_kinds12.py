"""Several figures asked in one question, each added up over the same listed agencies or years (qa/pooled_sums.py):
两家合计有多少件予以公开？又合计有多少件无法提供？ A group row (无法提供 = Σ 三.四.*) is summed with its parts cited; a
report without the figure is never counted as 0. Over a real SQLite store written for these tests."""

from __future__ import annotations

import pytest
from written_stores import Written, application_cells, ask, open_cells, written_store

from govqa.core.config import Settings
from govqa.core.types import Answer, Cell, Question
from govqa.qa import arith


def _rows(group: str, values: list[int]) -> list[Cell]:
    return [c for i, v in enumerate(values, 1) for c in application_cells(f"{group}.{i}", v)]


def _report(new: int, granted: int, refused: list[int], unable: list[int], permits: int, fines: int,
            ignored: tuple[int, ...] = (0, 0, 0, 0, 0)) -> list[Cell]:
    return (application_cells("一", new) + application_cells("三.一", granted) + application_cells("三.二", 0)
            + _rows("三.三", refused) + _rows("三.四", unable) + _rows("三.五", list(ignored))
            + application_cells("三.七", new)
            + open_cells("行政许可", 本年处理决定数量=permits) + open_cells("行政处罚", 本年处理决定数量=fines))


def _changes(row: str, last_year: int, change: int) -> list[Cell]:
    return open_cells(row, **{"上一年项目数量": last_year, "本年增/减": change})


@pytest.fixture
def store(settings: Settings):  # type: ignore[no-untyped-def]
    return written_store(settings.db_url, [
        Written("sw23", "云川市商务局", "商务局", 2023,
                _report(30, 12, [1, 0, 0, 0, 0, 0, 2, 0], [5, 1, 0], 140, 6, (0, 1, 0, 0, 0))
                + open_cells("规章", 本年新制作数量=2, 本年新公开数量=2, 对外公开总数量=12)
                + open_cells("规范性文件", 本年新制作数量=8, 本年新公开数量=8, 对外公开总数量=36)),
        Written("sw19", "云川市商务局", "商务局", 2019, _changes("行政许可", 200, 0) + _changes("行政处罚", 120, 15)
                + _changes("行政强制", 40, -3), template="2019"),
        Written("da23", "云川市档案局", "档案局", 2023, _report(0, 0, [0] * 8, [0, 0, 0], 0, 0)),
        Written("ly23", "云川市林业局", "林业局", 2023, _report(9, 4, [0] * 8, [2, 0, 1], 60, 11)),
        Written("sw21", "云川市商务局", "商务局", 2021, _report(14, 7, [0, 0, 0, 0, 0, 0, 1, 0], [0, 2, 0], 90, 3)),
    ])


def _sum_texts(answer: Answer, *figures: str) -> None:
    assert answer.found, answer.text
    for figure in figures:
        assert figure in answer.text, answer.text


AGENCY_WORDINGS = [
    "2023年商务局和林业局两家，合计有多少件申请予以公开？又合计有多少件无法提供？",
    "2023年商务局、林业局加起来，予以公开的有多少件，无法提供的有多少件？",
    "商务局和林业局2023年一共予以公开了几件申请？无法提供的一共几件？",
    "2023年商务局与林业局合在一起算，予以公开多少件？无法提供又是多少件？",
    "2023年商务局和林业局两个单位总共予以公开多少件，总共无法提供多少件？",
    "请问2023年商务局和林业局合计：予以公开的申请几件；无法提供的申请几件？",
    "2023年商务局和林业局两家的予以公开和无法提供各合计多少件？",
    "商务局、林业局2023年加起来，予以公开、无法提供分别是多少件？",
]


@pytest.mark.parametrize("text", AGENCY_WORDINGS)
def test_two_figures_each_summed_over_the_listed_agencies(store, settings: Settings, text: str) -> None:  # type: ignore[no-untyped-def]
    answer = ask(store, settings, text)
    _sum_texts(answer, "合计16件", "合计9件")  # 予以公开 12 + 4; 无法提供 (5+1+0) + (2+0+1)
    cited = {(s.report, s.row) for s in answer.sources}
    assert {("sw23", "三.一"), ("ly23", "三.一"), ("sw23", "三.四.1"), ("ly23", "三.四.3")} <= cited


@pytest.mark.parametrize("text", [
    "2021年和2023年加起来，商务局新收了多少件信息公开申请？其中予以公开的合计几件？",
    "商务局2021、2023两年合计，不予公开的申请有几件，无法提供的有几件？",
    "商务局2021年和2023年总共收到多少申请，一共予以公开多少件？",
])
def test_two_figures_each_summed_over_one_agencys_years(store, settings: Settings, text: str) -> None:  # type: ignore[no-untyped-def]
    answer = ask(store, settings, text)
    assert answer.found and len({s.report for s in answer.sources}) == 2, answer.text
    assert answer.text.count("合计") >= 2, answer.text
    if "不予公开" in text:
        _sum_texts(answer, "合计4件", "合计8件")  # 不予公开 3 + 1; 无法提供 6 + 2
    else:
        _sum_texts(answer, "合计44件", "合计19件")


@pytest.mark.parametrize("text", [
    "2023年商务局和林业局两家，行政许可决定合计多少个？行政处罚决定合计多少个？",
    "商务局、林业局2023年的行政许可和行政处罚决定，加起来各有多少个？合计行政许可多少个？行政处罚多少个？",
    "2023年商务局和林业局两家加起来，行政许可和行政处罚决定各多少个？",
])
def test_two_table_two_rows_summed(store, settings: Settings, text: str) -> None:  # type: ignore[no-untyped-def]
    answer = ask(store, settings, text)
    _sum_texts(answer, "合计200个", "合计17个")


def _q(text: str) -> Question:
    from govqa.qa.understand import find_metric

    return Question(text=text, agencies=("云川市商务局", "云川市林业局"), years=(2023,), metric=find_metric(text))


@pytest.mark.parametrize("text", AGENCY_WORDINGS[:3])
def test_recognised_as_arithmetic(text: str) -> None:
    assert arith.recognise(_q(text))


@pytest.mark.parametrize("text", [
    "2023年商务局、林业局、档案局三家办理的信息公开申请里，被不予处理的占几成？",
    "商务局、林业局和档案局这三个单位2023年办理的申请当中，不予处理的比例是多少？",
    "2023年商务局、林业局、档案局三家合在一起，不予处理的申请占比多少？",
    "把商务局、林业局、档案局2023年的办理结果加在一起，不予处理占百分之几？",
    "2023年商务局、林业局、档案局3家办理结果中，不予处理的占百分之多少",
    "2023年商务局、林业局、档案局整体来看，不予处理的申请占比是多少？",
])
def test_a_share_pooled_over_the_listed_agencies(store, settings: Settings, text: str) -> None:  # type: ignore[no-untyped-def]
    answer = ask(store, settings, text)
    assert answer.found and answer.unit == "%" and answer.value == pytest.approx(2.6, abs=0.05), answer.text
    assert answer.formula and "/" in answer.formula  # 不予处理 1 / 办理结果总计 39 (档案局's 0 counted in the pool)
    assert {("da23", "三.七"), ("sw23", "三.五.2"), ("ly23", "三.七")} <= {(s.report, s.row) for s in answer.sources}


@pytest.mark.parametrize("text", [
    "商务局和林业局2021到2023年所有年报里的依申请公开都加在一起，公开率是多少？",
    "把商务局、林业局2021年至2023年的申请合起来算，总的公开率是多少",
    "商务局与林业局2021到2023年合计的公开率是多少",
    "2021到2023年商务局和林业局整体的公开率是多少？",
    "商务局、林业局2021-2023年的年报汇总起来，公开率多少？",
])
def test_an_indicator_pooled_over_agencies_and_years(store, settings: Settings, text: str) -> None:  # type: ignore[no-untyped-def]
    answer = ask(store, settings, text)
    assert answer.found and answer.value == pytest.approx(43.4, abs=0.05), answer.text  # (7 + 12 + 4) / (14 + 30 + 9)
    assert {"sw21", "sw23", "ly23"} <= {s.report for s in answer.sources}
    assert "林业局2021年" in answer.text  # the missing report is named, not counted as 0


def test_a_pooled_denominator_of_zero_is_said(store, settings: Settings) -> None:  # type: ignore[no-untyped-def]
    answer = ask(store, settings, "2023年档案局和林业局两家合在一起，不予处理的申请占比多少？")
    assert answer.found and answer.value == pytest.approx(0.0), answer.text  # 0 / (0 + 9): 档案局's 0 is in the pool
    assert ("da23", "三.七") in {(s.report, s.row) for s in answer.sources}


@pytest.mark.parametrize("text", [
    "商务局2023年对外公开的规章和规范性文件总数中，规章占百分之多少？",
    "商务局2023年对外公开的规章和规范性文件里，规章占几成",
    "2023年商务局规章和规范性文件对外公开总数量中规章的占比",
    "商务局2023年现行有效的规章和规范性文件当中，规章所占比例是多少？",
    "2023年商务局对外公开的规章、规范性文件合计中，规章占了多少比例？",
])
def test_a_rows_share_within_listed_open_rows_of_the_column_asked(store, settings: Settings, text: str) -> None:  # type: ignore[no-untyped-def]
    answer = ask(store, settings, text)
    assert answer.found and answer.unit == "%" and answer.value == pytest.approx(25.0), answer.text  # 12 / (12 + 36)
    assert {("规章", "对外公开总数量"), ("规范性文件", "对外公开总数量")} <= {(s.row, s.col) for s in answer.sources}


def test_the_column_said_is_kept(store, settings: Settings) -> None:  # type: ignore[no-untyped-def]
    answer = ask(store, settings, "商务局2023年本年新制作的规章和规范性文件中，规范性文件占几成？")
    assert answer.found and answer.value == pytest.approx(80.0), answer.text  # 8 / (2 + 8)


@pytest.mark.parametrize("text", [
    "商务局2019年行政处罚和行政强制事项，按上一年项目数量加上本年增减算，各有多少项？",
    "2019年商务局的行政处罚、行政强制，上一年项目数量加本年增减，分别是多少项",
    "商务局2019年行政处罚和行政强制各有多少项？按上一年项目数量+本年增减计算",
    "按上一年项目数量加上本年增减计算，商务局2019年行政处罚、行政强制事项分别有几项？",
    "商务局2019年行政处罚与行政强制两类事项，用上一年项目数量再加本年增减，各是多少项？",
])
def test_columns_added_for_each_listed_row(store, settings: Settings, text: str) -> None:  # type: ignore[no-untyped-def]
    answer = ask(store, settings, text)
    _sum_texts(answer, "合计135个", "合计37个")  # 120 + 15; 40 − 3
    assert {("行政处罚", "本年增/减"), ("行政强制", "上一年项目数量")} <= {(s.row, s.col) for s in answer.sources}


def test_three_rows_each_added(store, settings: Settings) -> None:  # type: ignore[no-untyped-def]
    answer = ask(store, settings, "商务局2019年行政许可、行政处罚和行政强制三类事项，上一年项目数量加上本年增减后各是多少？")
    _sum_texts(answer, "合计200个", "合计135个", "合计37个")
