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


def _report(new: int, granted: int, refused: list[int], unable: list[int], permits: int, fines: int) -> list[Cell]:
    return (application_cells("一", new) + application_cells("三.一", granted) + application_cells("三.二", 0)
            + _rows("三.三", refused) + _rows("三.四", unable) + application_cells("三.七", new)
            + open_cells("行政许可", 本年处理决定数量=permits) + open_cells("行政处罚", 本年处理决定数量=fines))


@pytest.fixture
def store(settings: Settings):  # type: ignore[no-untyped-def]
    return written_store(settings.db_url, [
        Written("sw23", "云川市商务局", "商务局", 2023, _report(30, 12, [1, 0, 0, 0, 0, 0, 2, 0], [5, 1, 0], 140, 6)),
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
