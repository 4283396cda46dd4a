"""Kinds of indicator question met in round 6 (issue 15), each in wordings of our own: a share whose denominator is a
group the user describes (公开了的那些申请里只公开了一部分的: of 予以公开 + 部分公开; 没公开的里面不予公开的: of the
outcomes not published), a column share within a row (部分公开的申请中自然人提出的: of that row's 总计), the combined
litigation 败诉率 over both kinds of suit (one zero denominator is no refusal, two are), and the neighbouring kinds: a
combined 纠错率 over 复议 and 诉讼, a gap in 个百分点 between years. Over a real SQLite store written for these tests
(real-looking numbers)."""

from __future__ import annotations

import pytest
from written_stores import Written, application_cells, ask, review_cells, written_store

from govqa.core.config import Settings
from govqa.core.types import Answer, Cell
from govqa.index.store import Store
from govqa.qa.indicators import find_indicators

AGENCY = "某某县自然资源局"
NONE = dict(科研机构=0, 社会公益组织=0, 其他=0)


def _rows(group: str, values: list[int]) -> list[Cell]:
    return [c for i, v in enumerate(values, 1) for c in application_cells(f"{group}.{i}", v)]


# 2022: 新收 60 (自然人 40, 商业企业 12, 法律服务机构 6, 社会公益组织 2); 予以公开 24 (自然人 18), 部分公开 6 (自然人 4,
# 商业企业 2), 不予公开 12, 无法提供 12, 不予处理 0, 其他处理 0, 总计 54; 复议 5 (纠正 1), 直诉 0, 复议后诉 2 (纠正 1)
Y2022 = (application_cells("一", 60, 自然人=40, 商业企业=12, 科研机构=0, 社会公益组织=2, 法律服务机构=6, 其他=0)
         + application_cells("三.一", 24, 自然人=18, 商业企业=4, 法律服务机构=2, **NONE)
         + application_cells("三.二", 6, 自然人=4, 商业企业=2, 法律服务机构=0, **NONE)
         + _rows("三.三", [2, 0, 0, 0, 6, 4, 0, 0]) + _rows("三.四", [9, 3, 0]) + _rows("三.五", [0, 0, 0, 0, 0])
         + _rows("三.六", [0, 0, 0]) + application_cells("三.七", 54, 自然人=36, 商业企业=12, 法律服务机构=6, **NONE)
         + application_cells("四", 6)
         + review_cells(复议_维持=3, 复议_纠正=1, 复议_其他=1, 复议_总计=5, 复议后诉_维持=1, 复议后诉_纠正=1, 复议后诉_总计=2))
# 2021: 公开率 (20 + 10) / 40 = 75%; 复议 4 (纠正 2), 直诉 3 (纠正 0), 复议后诉 1 (纠正 1)
Y2021 = (application_cells("一", 45) + application_cells("三.一", 20) + application_cells("三.二", 10)
         + application_cells("三.七", 40)
         + review_cells(复议_纠正=2, 复议_维持=2, 复议_总计=4, 直诉_维持=3, 直诉_总计=3, 复议后诉_纠正=1, 复议后诉_总计=1))
# 2020: no suit of either kind
Y2020 = application_cells("一", 10) + application_cells("三.七", 10) + review_cells(复议_维持=1, 复议_总计=1)
REPORTS = {2020: Y2020, 2021: Y2021, 2022: Y2022}


@pytest.fixture
def store(settings: Settings) -> Store:
    return written_store(settings.db_url, [Written(f"zr{year}", AGENCY, "自然资源局", year, cells, template="2021")
                                           for year, cells in REPORTS.items()])



def cited(answer: Answer) -> set[tuple[int | None, str | None, str | None]]:
    return {(s.year, s.row, s.col) for s in answer.sources}


@pytest.mark.parametrize("text", [
    "某某县自然资源局2022年公开了的那些申请里，只公开了一部分的占多少？",
    "某某县自然资源局2022年公开的申请中，部分公开的占比是多少？",
    "某某县自然资源局2022年最终公开的申请（含部分公开）里，部分公开的占几成？",
    "某某县自然资源局2022年在获得公开的申请当中，部分公开所占比例？",
    "某某县自然资源局2022年予以公开和部分公开的申请里，部分公开的比例是多少？",
    "某某县自然资源局2022年得到公开的申请里面只公开一部分的比重多大？",
    "某某县自然资源局2022年被公开的申请中有百分之几只是部分公开？",
    "某某县自然资源局2022年部分公开的申请占全部公开申请（含部分公开）的比例？",
    "某某县自然资源局2022年部分公开占公开总数的百分之多少？",
])
def test_a_share_within_the_published_ones(store: Store, settings: Settings, text: str) -> None:
    answer = ask(store, settings, text)
    assert answer.found and answer.unit == "%" and answer.value == pytest.approx(20.0, abs=0.05), answer.text
    assert {(2022, "三.一", "总计"), (2022, "三.二", "总计")} <= cited(answer)
    assert (2022, "三.七", "总计") not in cited(answer)


@pytest.mark.parametrize("text", [
    "某某县自然资源局2022年公开了的申请里，全部公开的占多少？",
    "某某县自然资源局2022年公开的申请当中，予以公开的比例是多少？",
])
def test_the_fully_published_share_within_the_published_ones(store: Store, settings: Settings, text: str) -> None:
    answer = ask(store, settings, text)
    assert answer.found and answer.value == pytest.approx(80.0, abs=0.05), answer.text


@pytest.mark.parametrize("text", [
    "某某县自然资源局2022年没公开的申请里，不予公开的占多少？",
    "某某县自然资源局2022年未公开的申请中，不予公开的占比？",
    "某某县自然资源局2022年没有公开的那些申请当中，决定不予公开的占几成？",
    "某某县自然资源局2022年没能公开的申请里面，无法提供的占多大比例？",
])
def test_a_share_within_the_ones_not_published(store: Store, settings: Settings, text: str) -> None:
    answer = ask(store, settings, text)
    assert answer.found and answer.value == pytest.approx(50.0, abs=0.05), answer.text
    assert (2022, "三.七", "总计") not in cited(answer)
    assert (2022, "三.一", "总计") not in cited(answer)


@pytest.mark.parametrize(("text", "value", "cell"), [
    ("某某县自然资源局2022年部分公开的申请中，自然人提出的占多少？", 66.7, ("三.二", "自然人")),
    ("某某县自然资源局2022年部分公开的申请里自然人的占比是多少？", 66.7, ("三.二", "自然人")),
    ("某某县自然资源局2022年在部分公开的那些申请当中，由自然人申请的比例？", 66.7, ("三.二", "自然人")),
    ("某某县自然资源局2022年部分公开的申请，有几成是自然人提的？", 66.7, ("三.二", "自然人")),
    ("某某县自然资源局2022年部分公开的申请中，商业企业占多大比例？", 33.3, ("三.二", "商业企业")),
    ("某某县自然资源局2022年部分公开的申请中，法人或其他组织提出的占比？", 33.3, ("三.二", "商业企业")),
    ("某某县自然资源局2022年予以公开的申请中，自然人占百分之几？", 75.0, ("三.一", "自然人")),
    ("某某县自然资源局2022年予以公开的申请里面自然人所占比重是多少？", 75.0, ("三.一", "自然人")),
])
def test_a_column_share_within_a_row(store: Store, settings: Settings, text: str, value: float,
                                     cell: tuple[str, str]) -> None:
    answer = ask(store, settings, text)
    assert answer.found and answer.unit == "%" and answer.value == pytest.approx(value, abs=0.05), answer.text
    row, _ = cell
    assert (2022, row, "总计") in cited(answer) and (2022, *cell) in cited(answer)
    assert (2022, "一", "总计") not in cited(answer)


@pytest.mark.parametrize(("text", "value"), [
    ("某某县自然资源局2022年因信息公开被告上法院的案子（直接起诉和复议后起诉合起来算），败诉率多少？", 50.0),
    ("某某县自然资源局2022年的行政诉讼，两类加在一起算，败诉率是多少？", 50.0),
    ("某某县自然资源局2022年直接起诉和复议后起诉的总败诉率？", 50.0),
    ("某某县自然资源局2022年行政诉讼合计的败诉率是多少？", 50.0),
    ("某某县自然资源局2022年行政诉讼综合败诉率", 50.0),
    ("某某县自然资源局2022年行政诉讼整体败诉率是多少", 50.0),
    ("某某县自然资源局2022年两种行政诉讼合在一起的败诉率", 50.0),
    ("某某县自然资源局2021年所有行政诉讼案件加起来，败诉的比例是多少？", 25.0),
    ("某某县自然资源局2021年直诉加复议后诉，总的败诉率？", 25.0),
    ("某某县自然资源局2022年信息公开行政诉讼（含直接起诉和复议后起诉）的败诉率", 50.0),
    ("某某县自然资源局2022年所有被起诉的案件中，败诉比例是多少", 50.0),
])
def test_the_combined_litigation_loss_rate(store: Store, settings: Settings, text: str, value: float) -> None:
    answer = ask(store, settings, text)
    assert answer.found and answer.unit == "%" and answer.value == pytest.approx(value, abs=0.05), answer.text
    year = 2022 if "2022" in text else 2021
    assert {(year, "数量", f"{g}.{o}") for g in ("直诉", "复议后诉") for o in ("纠正", "总计")} <= cited(answer)


def test_the_combined_loss_rate_with_no_suit_at_all_says_the_denominator_is_0(store: Store, settings: Settings) -> None:
    answer = ask(store, settings, "某某县自然资源局2020年直接起诉和复议后起诉合起来的败诉率是多少？")
    assert not answer.found and "分母为0" in answer.text and "0%" not in answer.text.replace("不是0%", ""), answer.text


@pytest.mark.parametrize(("text", "value"), [
    ("某某县自然资源局2022年复议和诉讼合起来的纠错率是多少？", 28.6),
    ("某某县自然资源局2022年行政复议和行政诉讼的综合纠错率？", 28.6),
    ("某某县自然资源局2022年复议诉讼案件总的被纠错比例是多少？", 28.6),
    ("某某县自然资源局2021年复议加诉讼一起算，被纠正的占多少？", 37.5),
])
def test_a_combined_correction_rate_over_review_and_suits(store: Store, settings: Settings, text: str,
                                                           value: float) -> None:
    answer = ask(store, settings, text)
    assert answer.found and answer.value == pytest.approx(value, abs=0.05), answer.text


@pytest.mark.parametrize("text", [
    "行政诉讼的败诉率",
    "直接起诉的败诉率",
    "复议后起诉的败诉率",
    "复议纠错率",
])
def test_a_single_rate_stays_single(text: str) -> None:
    assert not any(i.name in ("行政诉讼合计败诉率", "复议诉讼综合纠错率") for i in find_indicators(text))


@pytest.mark.parametrize(("text", "value"), [
    ("某某县自然资源局2022年公开率比2021年下降了多少个百分点？", 19.4),
    ("某某县自然资源局2022年的公开率跟上一年比差了几个百分点？", 19.4),
    ("某某县自然资源局2021年和2022年公开率相差多少？", 19.4),
])
def test_a_gap_in_points_between_years(store: Store, settings: Settings, text: str, value: float) -> None:
    answer = ask(store, settings, text)
    assert answer.found and answer.value == pytest.approx(value, abs=0.05), answer.text


@pytest.mark.parametrize(("text", "value"), [
    ("某某县自然资源局2022年法人或其他组织的申请中，部分公开的占多少？", 11.1),  # 2 of the organisations' 18
    ("某某县自然资源局2022年自然人提出的申请里，予以公开的比例？", 50.0),  # 18 of 36
    ("某某县自然资源局2022年公开了的申请中，自然人的占比？", 73.3),  # (18 + 4) of (24 + 6)
    ("某某县自然资源局2022年被公开的申请里面，自然人提出的占几成？", 73.3),
])
def test_a_row_within_a_column_and_a_column_across_a_group(store: Store, settings: Settings, text: str,
                                                           value: float) -> None:
    answer = ask(store, settings, text)
    assert answer.found and answer.value == pytest.approx(value, abs=0.05), answer.text


@pytest.mark.parametrize("text", [
    "某某县自然资源局2022年有百分之几的申请没有公开？",
    "某某县自然资源局2022年没公开的申请占比是多少？",
    "某某县自然资源局2022年没公开的申请占全部申请的比例？",
    "某某县自然资源局2022年申请中没能公开的占几成？",
    "某某县自然资源局2022年未公开的比例是多少",
    "某某县自然资源局2022年，没有公开的申请占多少？",
])
def test_the_share_not_published_is_every_outcome_but_the_two_published(store: Store, settings: Settings,
                                                                        text: str) -> None:
    answer = ask(store, settings, text)
    assert answer.found and answer.value == pytest.approx(44.4, abs=0.05), answer.text
    assert {(2022, "三.三.1", "总计"), (2022, "三.四.1", "总计"), (2022, "三.七", "总计")} <= cited(answer)


@pytest.mark.parametrize("text", [
    "某某县自然资源局2022年因为无法提供而没公开的比例是多少？",
    "某某县自然资源局2022年因无法提供没能公开的占几成？",
    "某某县自然资源局2022年无法提供的比例",
])
def test_one_reason_not_to_publish_is_that_rows_share(store: Store, settings: Settings, text: str) -> None:
    answer = ask(store, settings, text)
    assert answer.found and answer.value == pytest.approx(22.2, abs=0.05), answer.text


@pytest.mark.parametrize(("text", "value"), [
    ("某某县自然资源局2022年公开了的申请一共多少件？", 30),
    ("某某县自然资源局2022年被公开的申请有几件？", 30),
    ("某某县自然资源局2022年没公开的申请有多少件？", 24),
    ("某某县自然资源局2022年没能公开的申请共有几件", 24),
    ("某某县自然资源局2022年被公开的申请里自然人提的有几件？", 22),
    ("某某县自然资源局2022年公开了的申请里面商业企业的有多少件？", 6),
])
def test_a_count_of_a_described_group_adds_its_rows(store: Store, settings: Settings, text: str, value: int) -> None:
    answer = ask(store, settings, text)
    assert answer.found and answer.value == value and answer.unit == "件", answer.text
    assert answer.formula and answer.formula.endswith(f"= {value}")


@pytest.mark.parametrize("text", [
    "某某县自然资源局2022年收到多少申请？",
    "某某县自然资源局2022年公开的申请数量是多少？",  # said bare, 公开的申请 may be the disclosure applications
])
def test_applications_received_stay_row_one(store: Store, settings: Settings, text: str) -> None:
    answer = ask(store, settings, text)
    assert answer.found and answer.value == 60, answer.text


@pytest.mark.parametrize(("text", "value"), [
    ("某某县自然资源局2022年平均每月收到多少申请？", 5.0),
    ("某某县自然资源局2022年月均新收申请多少件？", 5.0),
    ("某某县自然资源局2022年每个月平均办结多少件申请？", 4.5),
    ("某某县自然资源局2022年平均一个月受理几件申请", 5.0),
    ("某某县自然资源局2022年平均每季度收到几件申请？", 15.0),
])
def test_a_count_per_month_is_the_years_count_divided(store: Store, settings: Settings, text: str, value: float) -> None:
    answer = ask(store, settings, text)
    assert answer.found and answer.value == pytest.approx(value) and answer.unit == "件", answer.text
    assert "全年数的平均，不是逐" in answer.text and answer.formula  # 逐月 / 逐季度: the period asked


@pytest.mark.parametrize(("text", "value"), [
    ("某某县自然资源局2022年行政诉讼败诉率是多少（两类合计）？", 50.0),
    ("某某县自然资源局2022年败诉率，两者合起来算是多少？", 50.0),
    ("某某县自然资源局2022年申请人拿到信息的比例？", 55.6),
    ("某某县自然资源局2022年有百分之几的申请人得到了所申请信息？", 55.6),
])
def test_more_wordings_of_combined_and_open_rates(store: Store, settings: Settings, text: str, value: float) -> None:
    answer = ask(store, settings, text)
    assert answer.found and answer.value == pytest.approx(value, abs=0.05), answer.text


@pytest.mark.parametrize(("text", "value"), [
    ("某某县自然资源局2021年的公开率是2022年的几倍？", 1.35),  # 75% / 55.6%
    ("某某县自然资源局2022年行政诉讼合计败诉率是2021年的多少倍？", 2.0),  # 50% / 25%
])
def test_an_indicator_as_a_multiple_of_another_years(store: Store, settings: Settings, text: str, value: float) -> None:
    answer = ask(store, settings, text)
    assert answer.found and answer.unit == "倍" and answer.value == pytest.approx(value, abs=0.01), answer.text


def test_a_multiple_of_a_rate_whose_denominator_is_0_is_refused(store: Store, settings: Settings) -> None:
    answer = ask(store, settings, "某某县自然资源局2022年行政诉讼合计败诉率是2020年的几倍？")
    assert not answer.found and "分母为0" in answer.text, answer.text


@pytest.mark.parametrize(("text", "names"), [
    ("复议和诉讼的纠错率分别是多少", ["复议纠错率", "诉讼败诉率"]),
    ("复议和诉讼各自的纠错率", ["复议纠错率", "诉讼败诉率"]),
    ("复议、诉讼被纠错的比例各是多少", ["复议纠错率", "诉讼败诉率"]),
    ("直接起诉和复议后起诉的败诉率分别是多少", ["诉讼败诉率"]),  # both kinds, side by side
    ("直接起诉和复议后起诉的败诉率", ["诉讼败诉率"]),
    ("直接起诉和复议后起诉合计的败诉率", ["行政诉讼合计败诉率"]),
    ("两类行政诉讼加在一起的败诉率", ["行政诉讼合计败诉率"]),
])
def test_a_combined_rate_asked_each_is_its_parts(text: str, names: list[str]) -> None:
    assert [i.name for i in find_indicators(text)] == names


@pytest.mark.parametrize(("text", "value"), [
    # the rate said after a comma, with the 复议 context in the clause before it
    ("某某县自然资源局2022年因信息公开被申请行政复议，纠错率是多少？", 20.0),
    ("某某县自然资源局2022年被人申请了行政复议，纠正率多少", 20.0),
    ("某某县自然资源局2021年的行政复议案件，其纠错率是多少？", 50.0),
    ("某某县自然资源局2021年遇到的复议，这些案件的纠错率？", 50.0),
])
def test_a_review_rate_said_after_a_comma(store: Store, settings: Settings, text: str, value: float) -> None:
    answer = ask(store, settings, text)
    assert answer.found and answer.unit == "%" and answer.value == pytest.approx(value, abs=0.05), answer.text


@pytest.mark.parametrize("text", ["复议后起诉的案件，纠错率", "复议和诉讼，纠错率分别是多少"])
def test_a_comma_after_another_case_kind_keeps_that_kind(text: str) -> None:
    assert "复议后起诉败诉率" in {i.name for i in find_indicators(text)} or "诉讼败诉率" in {i.name for i in find_indicators(text)}
