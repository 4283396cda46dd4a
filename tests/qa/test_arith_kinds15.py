"""Arithmetic kinds of round 15 (issue 15), over a real SQLite store written for these tests (numbers of our own):
a row's share within 表二 rows the question lists and adds (许可、处罚和强制决定加在一起，许可占多少); each listed
year's share of their sum (两年各占百分之几); a per-month average of each listed row and of each listed year (平均每月
各作出多少, never the years' mean); the change between years of listed rows added (三类决定的总数比2022年下降了百分之
几); and an applicant column read in the row named once before it (…的申请，自然人提的是商业企业提的几倍)."""

from __future__ import annotations

import pytest
from written_stores import Written, application_cells, ask, assert_value, open_cells, written_store

from govqa.core.config import Settings
from govqa.core.types import Answer, Cell, Question
from govqa.index.store import Store
from govqa.qa import arith
from govqa.qa.catalog import Catalog
from govqa.qa.understand import understand

DECIDED = "处理决定数量"


def _decisions(permit: int, penalty: int, force: int) -> list[Cell]:
    return (open_cells("行政许可", **{DECIDED: permit}) + open_cells("行政处罚", **{DECIDED: penalty})
            + open_cells("行政强制", **{DECIDED: force}))


def _applications(new: tuple[int, int], lacking: tuple[int, int]) -> list[Cell]:
    """新收 (自然人, 商业企业) and 本机关不掌握相关政府信息 (三.四.1) of the same columns."""
    return (application_cells("一", sum(new), 自然人=new[0], 商业企业=new[1])
            + application_cells("三.四.1", sum(lacking), 自然人=lacking[0], 商业企业=lacking[1])
            + application_cells("三.四.2", 0, 自然人=0, 商业企业=0) + application_cells("三.四.3", 0, 自然人=0, 商业企业=0))


AGENCY = "云岭市市场监督管理局"


@pytest.fixture
def store(settings: Settings) -> Store:
    # 2022: 许可 120, 处罚 36, 强制 24 (180); 2023: 90, 48, 12 (150); 2024: 60, 30, 0 (90)
    return written_store(settings.db_url, [
        Written("sj22", AGENCY, "市场监督管理局", 2022, _decisions(120, 36, 24), aliases=("市场监管局",)),
        Written("sj23", AGENCY, "市场监督管理局", 2023, _decisions(90, 48, 12) + _applications((40, 10), (12, 3)),
                aliases=("市场监管局",)),
        Written("sj24", AGENCY, "市场监督管理局", 2024, _decisions(60, 30, 0), aliases=("市场监管局",)),
        Written("jt23", "云岭市交通运输局", "交通运输局", 2023, _decisions(30, 12, 6), aliases=("交通局",)),
    ])


def _cited(answer: Answer, *rows: str) -> None:
    cited = " ".join(s.text for s in answer.sources)
    assert all(r in cited for r in rows), cited


WITHIN_SUMMED = [
    "市场监管局2023年的行政许可、行政处罚和行政强制处理决定加在一起，行政许可占多少？",
    "市场监管局2023年行政许可、行政处罚、行政强制三类决定合计，行政许可占了几成",
    "市场监管局2023年把行政许可、行政处罚、行政强制的处理决定相加，其中行政许可所占比例",
    "市场监管局2023年行政许可占行政许可、行政处罚和行政强制决定总和的比例是多少",
    "市场监管局2023年行政许可、行政处罚和行政强制决定一共多少，行政许可占百分之几",
    "市场监管局2023年行政许可、行政处罚、行政强制处理决定的总数里，行政许可的占比",
]


@pytest.mark.parametrize("text", WITHIN_SUMMED)
def test_a_row_share_within_listed_and_summed_decision_rows(store: Store, settings: Settings, text: str) -> None:
    answer = ask(store, settings, text)
    assert_value(answer, 60.0, "%")  # 90 / (90 + 48 + 12), never the 许可 count
    _cited(answer, "行政许可", "行政处罚", "行政强制")


def test_two_listed_rows_summed_are_the_whole(store: Store, settings: Settings) -> None:
    answer = ask(store, settings, "市场监管局2023年行政许可和行政处罚决定加起来，行政处罚的占比是多少")
    assert_value(answer, 34.8, "%")  # 48 / (90 + 48), 强制 left out as the question leaves it out


YEAR_SHARES = [
    "市场监管局2022年和2023年的行政许可决定加起来，两年各占百分之几？",
    "市场监管局2022年、2023年行政许可处理决定合计，每年分别占多少比例",
    "市场监管局2022年与2023年的行政许可决定总数中，两年各自占比多少",
    "市场监管局2022和2023两年行政许可决定合在一起，各占几成",
    "把市场监管局2022年和2023年的行政许可决定加在一起，两年分别占百分之多少",
]


@pytest.mark.parametrize("text", YEAR_SHARES)
def test_each_listed_year_share_of_their_sum(store: Store, settings: Settings, text: str) -> None:
    answer = ask(store, settings, text)
    assert answer.found and answer.unit == "%", answer.text
    assert "57.1%" in answer.text and "42.9%" in answer.text, answer.text  # 120 / 210, 90 / 210
    assert {"sj22", "sj23"} <= {s.report for s in answer.sources}
    assert answer.formula and answer.formula.count("/") == 2


AGENCY_SHARES = [
    "市场监管局和交通局2023年的行政许可决定加起来，两家各占百分之几？",
    "2023年市场监管局、交通局的行政许可处理决定合计，两家分别占多少",
    "市场监管局与交通局2023年行政许可决定的总数中，两个单位各自占比是多少",
]


@pytest.mark.parametrize("text", AGENCY_SHARES)
def test_each_listed_agency_share_of_their_sum(store: Store, settings: Settings, text: str) -> None:
    answer = ask(store, settings, text)
    assert answer.found and "75%" in answer.text and "25%" in answer.text, answer.text  # 90 / 120, 30 / 120
    assert {"sj23", "jt23"} <= {s.report for s in answer.sources}


ROWS_PER_MONTH = [
    "市场监管局2023年平均每月作出几个行政处罚决定、几个行政许可决定？",
    "市场监管局2023年行政处罚和行政许可决定平均每月各有多少个",
    "市场监管局2023年平均每个月分别作出多少行政处罚和行政许可决定",
    "市场监管局2023年行政处罚、行政许可决定月均各多少个",
    "市场监管局2023年的行政处罚决定和行政许可决定，平均下来每个月各几个",
    "市场监管局2023年行政处罚和行政许可每月平均分别作出多少个决定",
]


@pytest.mark.parametrize("text", ROWS_PER_MONTH)
def test_each_listed_row_per_month(store: Store, settings: Settings, text: str) -> None:
    answer = ask(store, settings, text)
    assert answer.found, answer.text
    assert "4个" in answer.text and "7.5个" in answer.text, answer.text  # 48 / 12, 90 / 12
    _cited(answer, "行政处罚", "行政许可")


YEARS_PER_MONTH = [
    "市场监管局2022年和2024年平均每月各作出多少个行政处罚决定？",
    "市场监管局2022年、2024年分别平均每个月作出多少行政处罚决定",
    "市场监管局2022年和2024年的行政处罚决定，每年平均每月多少个",
    "市场监管局2022、2024年行政处罚决定月均各是多少",
    "市场监管局2022年和2024年平均每月作出多少行政处罚决定",
]


@pytest.mark.parametrize("text", YEARS_PER_MONTH)
def test_each_year_own_monthly_average_not_the_years_mean(store: Store, settings: Settings, text: str) -> None:
    answer = ask(store, settings, text)
    assert answer.found, answer.text
    assert "3个" in answer.text and "2.5个" in answer.text, answer.text  # 36 / 12, 30 / 12
    assert "33" not in answer.text  # never the years' mean (36 + 30) / 2
    assert {"sj22", "sj24"} <= {s.report for s in answer.sources}


SUM_PER_MONTH = [
    "市场监管局2023年行政许可、行政处罚和行政强制决定加起来，平均每月多少个？",
    "市场监管局2023年行政许可、行政处罚、行政强制三类决定合计月均多少个",
    "市场监管局2023年平均每个月一共作出多少个行政许可、行政处罚和行政强制决定",
]


@pytest.mark.parametrize("text", SUM_PER_MONTH)
def test_listed_rows_added_then_per_month(store: Store, settings: Settings, text: str) -> None:
    answer = ask(store, settings, text)
    assert_value(answer, 12.5, "个")  # (90 + 48 + 12) / 12
    _cited(answer, "行政许可", "行政处罚", "行政强制")


SUM_CHANGES = [
    "市场监管局行政许可、行政处罚、行政强制三类决定的总数，2024年比2022年下降了百分之多少？",
    "市场监管局2024年行政许可、行政处罚和行政强制决定加起来，比2022年下降了百分之几",
    "市场监管局行政许可、处罚、强制决定合计2024年较2022年减少了百分之多少",
    "市场监管局2022年到2024年，行政许可、行政处罚、行政强制三类决定合在一起下降了百分之几？",
]


@pytest.mark.parametrize("text", SUM_CHANGES)
def test_the_change_of_listed_rows_added_between_two_years(store: Store, settings: Settings, text: str) -> None:
    answer = ask(store, settings, text)
    assert_value(answer, 50.0, "%")  # (90 − 180) / 180, a fall of 50%
    for year in ("sj22", "sj24"):
        rows = {s.text for s in answer.sources if s.report == year}
        assert all(any(r in t for t in rows) for r in ("行政许可", "行政处罚", "行政强制")), rows


def test_the_sum_change_as_a_difference(store: Store, settings: Settings) -> None:
    answer = ask(store, settings, "市场监管局2024年行政许可和行政处罚决定合计比2022年少了多少个")
    assert_value(answer, 66.0, "个")  # (120 + 36) − (60 + 30)


def test_each_listed_row_change_stays_each(store: Store, settings: Settings) -> None:
    answer = ask(store, settings, "市场监管局2024年行政许可、行政处罚决定比2022年各减少了多少个")
    assert answer.found and "60" in answer.text and "6个" in answer.text, answer.text  # 120 − 60, 36 − 30


ROW_ONCE = [
    "市场监管局2023年因本机关不掌握信息而无法提供的申请，自然人提的是商业企业提的多少倍？",
    "市场监管局2023年本机关不掌握相关政府信息的申请，自然人提出的是商业企业的几倍",
    "市场监管局2023年办理结果为本机关不掌握相关政府信息的申请中，自然人是商业企业的几倍",
]


@pytest.mark.parametrize("text", ROW_ONCE)
def test_a_row_named_once_applies_to_both_columns_of_a_ratio(store: Store, settings: Settings, text: str) -> None:
    answer = ask(store, settings, text)
    assert_value(answer, 4.0, "倍")  # 12 / 3, never 12 / 10 (商业企业's new applications)


def test_a_row_named_once_applies_to_both_columns_of_a_difference(store: Store, settings: Settings) -> None:
    answer = ask(store, settings, "市场监管局2023年本机关不掌握相关政府信息的申请，自然人提的比商业企业提的多几件")
    assert_value(answer, 9.0, "件")  # 12 − 3


@pytest.mark.parametrize("text", [
    *WITHIN_SUMMED[:2], *YEAR_SHARES[:2], *ROWS_PER_MONTH[:2], *YEARS_PER_MONTH[:2], *SUM_CHANGES[:2], ROW_ONCE[0],
])
def test_round_15_kinds_are_recognised_as_arithmetic(store: Store, text: str) -> None:
    q: Question = understand(text, catalog=Catalog.for_store(store))
    assert arith.recognise(q)
