"""Arithmetic kinds of round 14 (issue 15), over a real SQLite store written for these tests (numbers of our own):
a share pooled over listed years (三年合计的自然人申请占比 = Σ自然人 / Σ新收, one value); a share whose whole the
question defines as a group (公开了的（予以公开加部分公开）合起来，部分公开的占多少), also pooled over agencies; a group
said as X（含Y） / X加Y / 包括Y在内的X is its rows added in ratios, differences, sums and changes between years; and
applicant columns asked within a row or a group (无法提供的申请里，自然人和商业企业各多少: each column summed over
the group's rows, every cell cited)."""

from __future__ import annotations

import pytest
from written_stores import Written, application_cells, ask, assert_value, written_store

from govqa.core.config import Settings
from govqa.core.types import Cell, Question
from govqa.index.store import Store
from govqa.qa import arith
from govqa.qa.catalog import Catalog
from govqa.qa.understand import understand

Pair = tuple[int, int]  # (自然人, 商业企业)


def _row(row: str, pair: Pair) -> list[Cell]:
    return application_cells(row, pair[0] + pair[1], 自然人=pair[0], 商业企业=pair[1])


def _group(group: str, pairs: list[Pair]) -> list[Cell]:
    return [c for i, p in enumerate(pairs, 1) for c in _row(f"{group}.{i}", p)]


def _report(granted: Pair, partly: Pair, refused: list[Pair], unable: list[Pair], ignored: list[Pair],
            other: list[Pair]) -> list[Cell]:
    rows = [granted, partly, *refused, *unable, *ignored, *other]
    total = (sum(p[0] for p in rows), sum(p[1] for p in rows))
    return (_row("一", total) + _row("三.一", granted) + _row("三.二", partly) + _group("三.三", refused)
            + _group("三.四", unable) + _group("三.五", ignored) + _group("三.六", other) + _row("三.七", total))


_NONE = (0, 0)
# 交通局2023: 予以公开 14, 部分公开 4, 不予公开 4 (自然人 3, 商业企业 1), 无法提供 16 (13, 3), 不予处理 5, 其他处理 1;
# 新收 = 办理结果 = 44 (自然人 37)
JT23 = _report((12, 2), (3, 1), [(1, 0), _NONE, _NONE, _NONE, (2, 1), _NONE, _NONE, _NONE],
               [(9, 2), (3, 0), (1, 1)], [(2, 0), (3, 0), _NONE, _NONE, _NONE], [(1, 0), _NONE, _NONE])
# 交通局2022: 予以公开 6, 部分公开 2, 不予公开 1, 无法提供 6, 不予处理 2; 17 (自然人 15)
JT22 = _report((6, 0), (1, 1), [(1, 0), *[_NONE] * 7], [(4, 1), (1, 0), _NONE], [(2, 0), *[_NONE] * 4],
               [_NONE] * 3)
# 水利局2023: 予以公开 12, 部分公开 6, 不予公开 2, 无法提供 7, 不予处理 3; 30 (自然人 25)
SL23 = _report((10, 2), (5, 1), [(2, 0), *[_NONE] * 7], [(5, 1), _NONE, (1, 0)], [(2, 1), *[_NONE] * 4],
               [_NONE] * 3)


@pytest.fixture
def store(settings: Settings) -> Store:
    return written_store(settings.db_url, [
        Written("jt23", "云岭市交通运输局", "交通运输局", 2023, JT23, aliases=("交通局",)),
        Written("jt22", "云岭市交通运输局", "交通运输局", 2022, JT22, aliases=("交通局",)),
        Written("sl23", "云岭市水利局", "水利局", 2023, SL23),
    ])


YEARS_POOLED = [
    "云岭市交通运输局2022、2023两年新收的申请里，自然人申请合计占比多少？",
    "云岭市交通运输局2022年和2023年加起来，自然人提的申请占比是多少",
    "云岭市交通运输局2022到2023年合在一起算，自然人申请所占比例",
    "把云岭市交通运输局2022年、2023年的申请放在一起，自然人占了百分之几？",
    "云岭市交通运输局2022、2023年总体上自然人申请占比",
    "云岭市交通运输局2022年与2023年两年合计，个人申请的比例是多少",
]


@pytest.mark.parametrize("text", YEARS_POOLED)
def test_a_share_over_listed_years_taken_together_is_one_pooled_value(store: Store, settings: Settings,
                                                                      text: str) -> None:
    answer = ask(store, settings, text)
    assert_value(answer, 85.2, "%")  # (37 + 15) / (44 + 17), never a value per year nor their average
    assert {"jt22", "jt23"} <= {s.report for s in answer.sources}


@pytest.mark.parametrize("text", [
    "云岭市交通运输局2022、2023这两年合计的公开率是多少？",
    "云岭市交通运输局2022年和2023年合在一起的公开率",
])
def test_an_indicator_over_listed_years_taken_together(store: Store, settings: Settings, text: str) -> None:
    assert_value(ask(store, settings, text), 42.6, "%")  # (14 + 4 + 6 + 2) / (44 + 17)


DEFINED_WHOLE_POOLED = [
    "2023年交通局和水利局公开了的申请（予以公开加部分公开）合起来，只公开了一部分的占多少？",
    "2023年交通局、水利局两家合在一起，最终公开（含部分公开）的申请里部分公开的占比是多少",
    "交通局和水利局2023年加起来，予以公开和部分公开的申请当中，部分公开的占几成",
    "2023年交通局与水利局合起来算，公开的申请（包括部分公开）中只公开一部分的比例",
    "交通局和水利局2023年放在一起，部分公开占公开总数的百分之几",
]


@pytest.mark.parametrize("text", DEFINED_WHOLE_POOLED)
def test_a_share_of_a_defined_group_pooled_over_agencies(store: Store, settings: Settings, text: str) -> None:
    answer = ask(store, settings, text)
    assert_value(answer, 27.8, "%")  # (4 + 6) / (14 + 4 + 12 + 6), not 公开率
    assert {"jt23", "sl23"} <= {s.report for s in answer.sources}


@pytest.mark.parametrize(("text", "expected"), [
    ("2023年交通局和水利局合在一起，没公开的申请中不予公开的占几成", 15.8),  # (4 + 2) / (26 + 12)
    ("交通局2023年公开了的申请（予以公开加部分公开）合起来，只公开了一部分的占多少？", 22.2),  # 4 / 18
    ("交通局2023年最终公开（含部分公开）的申请中，部分公开的占比", 22.2),
])
def test_the_whole_the_question_defines_beats_a_catalogue_name(store: Store, settings: Settings, text: str,
                                                              expected: float) -> None:
    assert_value(ask(store, settings, text), expected, "%")


GROUP_RATIOS = [
    "交通局2023年无法提供的申请数，是最终公开（含部分公开）申请数的多少倍？",
    "交通局2023年无法提供的申请是予以公开加部分公开的几倍",
    "交通局2023年无法提供的件数是公开（包括部分公开）的申请的多少倍",
    "交通局2023年无法提供的申请数是包括部分公开在内的公开申请的几倍？",
    "交通局2023年无法提供的是予以公开和部分公开加起来的几倍",
    "交通局2023年无法提供的申请，是全部公开加部分公开的申请的多少倍",
]


@pytest.mark.parametrize("text", GROUP_RATIOS)
def test_a_group_said_with_its_parts_is_their_sum_in_a_ratio(store: Store, settings: Settings, text: str) -> None:
    answer = ask(store, settings, text)
    assert_value(answer, 0.89, "倍")  # 16 / (14 + 4), never 16 / 4
    assert ("jt23", "三.一") in {(s.report, s.row) for s in answer.sources}


@pytest.mark.parametrize(("text", "expected", "unit"), [
    ("交通局2023年无法提供的比最终公开（含部分公开）的少多少件", 2, "件"),
    ("交通局2023年包括部分公开在内的公开申请比无法提供的多几件", 2, "件"),
    ("交通局2023年无法提供的和公开了的（含部分公开）加起来一共多少件", 34, "件"),
    ("交通局2023年最终公开（含部分公开）的申请有多少件", 18, "件"),
    ("交通局2023年最终公开（含部分公开）的申请比2022年多了几件", 10, "件"),  # 18 − 8
    ("交通局2023年公开了的申请（予以公开加部分公开）比2022年增长了百分之几", 125, "%"),
])
def test_a_group_said_with_its_parts_in_differences_sums_and_changes(store: Store, settings: Settings, text: str,
                                                                    expected: float, unit: str) -> None:
    assert_value(ask(store, settings, text), expected, unit)


GROUP_COLUMNS = [
    "交通局2023年无法提供的申请里，自然人提的和商业企业提的分别有多少件？",
    "交通局2023年无法提供的申请中，自然人和商业企业各有几件",
    "交通局2023年无法提供的里面，自然人、商业企业提出的分别是多少",
    "交通局2023年办理结果为无法提供的申请当中，自然人提出的和商业企业提出的各多少件",
    "交通局2023年无法提供的申请里面自然人的和商业企业的各有多少",
]


@pytest.mark.parametrize("text", GROUP_COLUMNS)
def test_applicant_columns_within_a_row_group_are_summed_over_its_rows(store: Store, settings: Settings,
                                                                       text: str) -> None:
    answer = ask(store, settings, text)
    assert answer.found and "13件" in answer.text and "3件" in answer.text, answer.text  # 9+3+1 and 2+0+1
    assert "37件" not in answer.text and "44" not in answer.text, answer.text  # not the applicants' totals
    cited = {(s.row, s.col) for s in answer.sources}
    assert {("三.四.1", "自然人"), ("三.四.3", "自然人"), ("三.四.1", "商业企业"), ("三.四.3", "商业企业")} <= cited


@pytest.mark.parametrize(("text", "figures"), [
    ("交通局2023年不予公开的申请里，自然人和商业企业分别多少件", ("3件", "1件")),
    ("交通局2023年没公开的申请中，自然人提的和商业企业提的各有几件", ("22件", "4件")),  # 3+13+5+1, 1+3
    ("交通局2023年没公开的申请中商业企业提的有几件", ("4件",)),
    ("交通局2023年最终公开（含部分公开）的申请里，自然人提的有多少件", ("15件",)),  # 12 + 3
])
def test_applicant_columns_within_a_described_group(store: Store, settings: Settings, text: str,
                                                    figures: tuple[str, ...]) -> None:
    answer = ask(store, settings, text)
    assert answer.found, answer.text
    for figure in figures:
        assert figure in answer.text, answer.text


@pytest.mark.parametrize("text", [*YEARS_POOLED[:2], *DEFINED_WHOLE_POOLED[:2], *GROUP_RATIOS[:2], *GROUP_COLUMNS[:2]])
def test_the_kinds_are_recognised_as_arithmetic(store: Store, settings: Settings, text: str) -> None:
    question: Question = understand(text, catalog=Catalog.for_store(store))
    assert arith.recognise(question), question


@pytest.mark.parametrize("text", [
    "2023年交通局和水利局两家合计，无法提供的申请里自然人提的有多少件",
    "交通局、水利局2023年加起来，无法提供的申请中自然人提出的共几件",
])
def test_a_column_within_a_row_summed_over_agencies_says_its_column(store: Store, settings: Settings,
                                                                    text: str) -> None:
    answer = ask(store, settings, text)
    assert_value(answer, 19, "件")  # 13 + 6: the 自然人 column, not the rows' 总计 (16 + 7)
    assert "自然人" in answer.text, answer.text


def test_a_group_is_read_only_where_applications_are_meant() -> None:
    from govqa.qa.figures import described_group
    from govqa.qa.understand import find_metric

    for text in ("最终公开（含部分公开）的申请", "予以公开加部分公开", "包括部分公开在内的公开申请", "没公开的申请"):
        assert described_group(text, find_metric(text)) is not None, text
    for text in ("公开了多少件人大建议", "政务公开了哪些文件", "不予处理这些没公开的申请"):
        assert described_group(text, find_metric(text)) is None, text
