"""Arithmetic on 表二 (主动公开) and pooled rates (round 11), each kind in wordings of our own over a real SQLite store:
a row's share within 表二 rows the question lists (行政处罚和行政强制决定里，行政强制占几成), one agency's share of a
表二 column pooled over a place's agencies (几家单位作出的行政许可决定里，公安局占几成), each listed row's printed
本年增/减 (行政处罚、行政强制比上一年各增减了多少), a sum the user defines in brackets over one row's columns
(一共多少项？（上一年项目数加上本年增减）), the average per procurement item (采购总金额 / 采购项目数量) and an indicator
pooled over one agency's years (两年放一起看的无法提供率 = Σ分子 / Σ分母). Every number from a cell, cited; a
denominator of 0 said, never divided by."""

from __future__ import annotations

import pytest
from written_stores import Written, application_cells, ask, open_cells, written_store

from govqa.core.config import Settings
from govqa.core.types import Answer, Cell, Question
from govqa.index.store import Store
from govqa.qa import arith

PLACE = "云岭县"
DECIDED = "本年处理决定数量"  # the 2021 template's column


def _outcomes(opened: int, part: int, cannot: int, total: int) -> list[Cell]:
    return (application_cells("一", total) + application_cells("三.一", opened) + application_cells("三.二", part)
            + application_cells("三.四", cannot) + application_cells("三.七", total))


# 公安局 2022 and 2024 (2023 missing), 交通运输局 and 教育局 2024; 枫桥镇 2020 in the 2019 template with procurement
# (青石镇 bought nothing)
POLICE_22 = (_outcomes(2, 1, 3, 10) + open_cells("行政许可", **{DECIDED: 30}) + open_cells("行政处罚", **{DECIDED: 12})
             + open_cells("行政强制", **{DECIDED: 3}))
POLICE_24 = (_outcomes(5, 3, 7, 30) + open_cells("行政许可", **{DECIDED: 45}) + open_cells("行政处罚", **{DECIDED: 15})
             + open_cells("行政强制", **{DECIDED: 5}))
TRAFFIC_24 = _outcomes(4, 0, 1, 6) + open_cells("行政许可", **{DECIDED: 12}) + open_cells("行政处罚", **{DECIDED: 5})
SCHOOLS_24 = _outcomes(1, 0, 0, 1) + open_cells("行政许可", **{DECIDED: 3}) + open_cells("行政处罚", **{DECIDED: 0})
COUNTY_20 = (open_cells("行政许可", 上一年项目数量=420, **{"本年增/减": 36}, 处理决定数量=1250)
             + open_cells("行政处罚", 上一年项目数量=310, **{"本年增/减": -8}, 处理决定数量=75)
             + open_cells("行政强制", 上一年项目数量=24, **{"本年增/减": 2}, 处理决定数量=25)
             + open_cells("政府集中采购", 采购项目数量=8, 采购总金额=1250.4))
TOWN_20 = open_cells("政府集中采购", 采购项目数量=0, 采购总金额=0)


@pytest.fixture
def store(settings: Settings) -> Store:
    return written_store(settings.db_url, [
        Written("ga22", f"{PLACE}公安局", "公安局", 2022, POLICE_22),
        Written("ga24", f"{PLACE}公安局", "公安局", 2024, POLICE_24),
        Written("jt24", f"{PLACE}交通运输局", "交通运输局", 2024, TRAFFIC_24),
        Written("jy24", f"{PLACE}教育局", "教育局", 2024, SCHOOLS_24),
        Written("xz20", "溪口县枫桥镇人民政府", "枫桥镇", 2020, COUNTY_20, template="2019"),
        Written("zz20", "溪口县青石镇人民政府", "青石镇", 2020, TOWN_20, template="2019"),
    ])



def cited(answer: Answer) -> set[tuple[str, str | None, str | None]]:
    return {(s.report, s.row, s.col) for s in answer.sources}


@pytest.mark.parametrize("text", [
    "云岭县公安局2024年作出的行政处罚和行政强制决定当中，行政强制占多大比例？",
    "云岭县公安局2024年行政处罚、行政强制两类处理决定里，行政强制的占比是多少",
    "2024年云岭县公安局的行政处罚与行政强制决定中，强制决定占了几成？",
    "云岭县公安局2024年行政强制决定在行政处罚和行政强制决定里占百分之几",
    "云岭县公安局2024年行政处罚和行政强制的处理决定中，有百分之几是行政强制",
    "云岭县公安局2024年作出过的行政处罚及行政强制决定里面，行政强制所占比重",
])
def test_a_rows_share_within_listed_open_table_rows(store: Store, settings: Settings, text: str) -> None:
    answer = ask(store, settings, text)
    assert answer.found and answer.unit == "%" and answer.value == pytest.approx(25.0), answer.text  # 5 / (15 + 5)
    assert {("ga24", "行政强制", DECIDED), ("ga24", "行政处罚", DECIDED)} <= cited(answer)
    assert answer.formula and "行政处罚处理决定数量 15" in answer.formula and "行政许可" not in answer.formula


@pytest.mark.parametrize("text", [
    "云岭县公安局2024年的行政许可和行政处罚决定里，许可决定占百分之几？",
    "云岭县公安局2024年行政许可、行政处罚两类决定中行政许可占多少比例",
    "2024年云岭县公安局行政许可和行政处罚的处理决定当中，行政许可占了几成",
])
def test_the_first_row_listed_as_the_part(store: Store, settings: Settings, text: str) -> None:
    answer = ask(store, settings, text)
    assert answer.found and answer.value == pytest.approx(75.0), answer.text  # 45 / (45 + 15)


def test_listed_rows_of_zero_are_said(store: Store, settings: Settings) -> None:
    answer = ask(store, settings, "云岭县教育局2024年的行政处罚和行政强制决定里，行政处罚占几成？")
    assert not answer.found and answer.value is None, answer.text  # 行政强制 not printed: no share


@pytest.mark.parametrize("text", [
    "2024年云岭县几家单位作出的行政许可决定里，公安局占几成？",
    "2024年云岭县各部门的行政许可决定数量中，公安局占了百分之多少",
    "云岭县各单位2024年作出的行政许可处理决定当中，公安局所占比例是多少",
    "2024年云岭县全县的行政许可决定里公安局占多大比例",
    "云岭县公安局2024年的行政许可决定占全县各部门合计的百分之几",
    "2024年云岭县所有部门作出的行政许可决定中，公安局的占比",
])
def test_an_agencys_share_of_an_open_table_column_over_a_place(store: Store, settings: Settings, text: str) -> None:
    answer = ask(store, settings, text)
    assert answer.found and answer.unit == "%" and answer.value == pytest.approx(75.0), answer.text  # 45 / (45+12+3)
    assert {("ga24", "行政许可", DECIDED), ("jt24", "行政许可", DECIDED), ("jy24", "行政许可", DECIDED)} <= cited(answer)


@pytest.mark.parametrize("text", [
    "枫桥镇2020年行政处罚、行政强制这两类事项，项目数量比上一年各增减了多少？",
    "枫桥镇2020年行政处罚和行政强制事项跟上年比分别增减了多少项",
    "枫桥镇2020年行政处罚与行政强制的项目较上一年各增减多少",
    "2020年枫桥镇行政处罚、行政强制事项比去年各自增减了多少个",
    "枫桥镇2020年行政处罚和行政强制比上一年分别增加或减少了多少",
])
def test_each_listed_rows_printed_change(store: Store, settings: Settings, text: str) -> None:
    answer = ask(store, settings, text)
    assert answer.found and "-8" in answer.text and "2" in answer.text, answer.text
    assert {("xz20", "行政处罚", "本年增/减"), ("xz20", "行政强制", "本年增/减")} <= cited(answer)


@pytest.mark.parametrize("text", [
    "枫桥镇2020年的行政许可事项一共有多少项？（上一年项目数加上本年增减）",
    "枫桥镇2020年行政许可事项现在有多少项（上年项目数+本年增减）？",
    "枫桥镇2020年行政许可（上一年项目数量和本年增/减合计）是多少",
    "枫桥镇2020年行政许可事项合计多少（上一年的数量加本年增减数）",
    "枫桥镇2020年行政许可上一年项目数量加上本年增/减一共多少",
])
def test_a_sum_of_one_rows_columns_the_user_defines(store: Store, settings: Settings, text: str) -> None:
    answer = ask(store, settings, text)
    assert answer.found and answer.value == pytest.approx(456.0), answer.text  # 420 + 36
    assert {("xz20", "行政许可", "上一年项目数量"), ("xz20", "行政许可", "本年增/减")} <= cited(answer)
    assert answer.formula and "420" in answer.formula and "36" in answer.formula


@pytest.mark.parametrize("text", [
    "枫桥镇2020年的政府集中采购，平均每个项目多少万元？",
    "枫桥镇2020年政府集中采购平均一个项目花了多少万元？",
    "枫桥镇2020年每个采购项目平均多少钱",
    "枫桥镇2020年采购项目的平均金额是多少",
    "枫桥镇2020年平均每项政府采购的金额",
    "2020年枫桥镇政府集中采购项目平均规模多大",
    "枫桥镇2020年集中采购的单个项目平均金额",
])
def test_the_average_per_procurement_item(store: Store, settings: Settings, text: str) -> None:
    answer = ask(store, settings, text)
    assert answer.found and answer.unit == "万元" and answer.value == pytest.approx(156.3, abs=0.01), answer.text
    assert {("xz20", "政府集中采购", "采购总金额"), ("xz20", "政府集中采购", "采购项目数量")} <= cited(answer)
    assert answer.formula and "1250.4" in answer.formula and "/ 政府集中采购项目数量 8" in answer.formula


def test_no_procurement_item_is_said(store: Store, settings: Settings) -> None:
    answer = ask(store, settings, "青石镇2020年政府集中采购平均每个项目多少万元？")
    assert not answer.found and answer.value is None and "0" in answer.text, answer.text


@pytest.mark.parametrize(("text", "value"), [
    ("云岭县公安局2022年和2024年的申请放一起看，无法提供率是多少？", 25.0),  # (3 + 7) / (10 + 30)
    ("云岭县公安局2022年和2024年两年合计的公开率是多少", 27.5),  # (2 + 1 + 5 + 3) / 40
    ("云岭县公安局这几年总的公开率是多少", 27.5),
    ("云岭县公安局2022年、2024年合在一起算，无法提供的比例是多少", 25.0),
    ("云岭县公安局2022年和2024年加起来的公开率", 27.5),
    ("把云岭县公安局2022年和2024年放到一起，无法提供率多少", 25.0),
    ("云岭县公安局2022到2024年累计的无法提供率", 25.0),
])
def test_an_indicator_pooled_over_one_agencys_years(store: Store, settings: Settings, text: str, value: float) -> None:
    answer = ask(store, settings, text)
    assert answer.found and answer.value == pytest.approx(value), answer.text
    assert answer.formula and "合计" in answer.formula
    assert {("ga22", "三.七", "总计"), ("ga24", "三.七", "总计")} <= cited(answer)


@pytest.mark.parametrize("text", [
    "云岭县公安局2024年作出的行政处罚和行政强制决定当中，行政强制占多大比例？",
    "枫桥镇2020年行政处罚、行政强制这两类事项，项目数量比上一年各增减了多少？",
    "枫桥镇2020年的政府集中采购，平均每个项目多少万元？",
    "云岭县公安局2022年和2024年的申请放一起看，无法提供率是多少？",
    "2024年云岭县几家单位作出的行政许可决定里，公安局占几成？",
])
def test_arith_recognises_each_kind(text: str) -> None:
    from govqa.qa.understand import find_metric

    agencies = ("云岭县公安局",) if "公安局" in text else ("溪口县枫桥镇人民政府",)
    years = tuple(int(y) for y in ("2020", "2022", "2024") if y in text)
    q = Question(text=text, agencies=agencies, years=years, metric=find_metric(text))
    assert arith.recognise(q)


# 商业企业: 5 received this year, 6 handled (one carried in); 自然人: 20 received and 20 handled
FIRMS = (application_cells("一", 25, 自然人=20, 商业企业=5) + application_cells("三.一", 8, 自然人=6, 商业企业=2)
         + application_cells("三.二", 3, 自然人=2, 商业企业=1) + application_cells("三.七", 26, 自然人=20, 商业企业=6))


@pytest.fixture
def firms(settings: Settings) -> Store:
    return written_store(settings.db_url, [Written("sj23", "溪口县市场监督管理局", "市场监督管理局", 2023, FIRMS)])


@pytest.mark.parametrize("text", [
    "溪口县市场监督管理局2023年商业企业提出的信息公开申请里，有百分之几是部分公开的？",
    "溪口县市场监督管理局2023年商业企业的申请中部分公开的占比是多少",
    "2023年溪口县市场监督管理局商业企业提出的申请当中，部分公开占几成",
    "溪口县市场监督管理局2023年企业申请里面部分公开的比例",
    "溪口县市场监督管理局2023年商业企业提交的申请，部分公开的占多大比例？",
])
def test_an_applicant_columns_share_says_both_bases_when_they_differ(firms: Store, settings: Settings, text: str) -> None:
    answer = ask(firms, settings, text)
    assert answer.found and answer.value == pytest.approx(16.7), answer.text  # 1 / 6 (办理结果总计, the standard base)
    assert "办理结果总计" in answer.text and "本年新收" in answer.text and "20%" in answer.text  # 1 / 5 said too
    assert {("sj23", "三.二", "商业企业"), ("sj23", "三.七", "商业企业"), ("sj23", "一", "商业企业")} <= cited(answer)
    assert answer.formula and "/ 办理结果总计（商业企业） 6" in answer.formula and "5 = 20%" in answer.formula


@pytest.mark.parametrize("text", [
    "溪口县市场监督管理局2023年自然人提出的信息公开申请中，最后予以公开的比例是多少？",
    "溪口县市场监督管理局2023年个人申请里予以公开的占百分之几",
])
def test_an_applicant_columns_share_cites_the_same_received_count(firms: Store, settings: Settings, text: str) -> None:
    answer = ask(firms, settings, text)
    assert answer.found and answer.value == pytest.approx(30.0), answer.text  # 6 / 20, either base
    assert "也是20件" in answer.text and ("sj23", "一", "自然人") in cited(answer)


def test_the_standard_rate_keeps_its_base(firms: Store, settings: Settings) -> None:
    answer = ask(firms, settings, "溪口县市场监督管理局2023年的公开率是多少？")
    assert answer.found and answer.value == pytest.approx(42.3), answer.text  # (8 + 3) / 26
    assert "本年新收" not in answer.text


@pytest.mark.parametrize("text", [
    "枫桥镇2020年行政处罚事项比上一年变化了百分之几？",
    "枫桥镇的行政处罚事项2020年较上年变动了百分之多少",
    "枫桥镇2020年行政处罚项目数量同上一年相比增减了百分之几",
])
def test_a_change_asked_with_no_direction_is_signed_and_its_direction_said(store: Store, settings: Settings,
                                                                            text: str) -> None:
    answer = ask(store, settings, text)
    assert answer.found and answer.value == pytest.approx(-2.6), answer.text  # -8 / 310
    assert "即下降2.6%" in answer.text


@pytest.mark.parametrize("text", [
    "云岭县公安局2024年行政处罚、行政强制决定数量比2022年各增减了多少？",
    "云岭县公安局行政处罚和行政强制决定2024年较2022年分别变化了多少",
    "2024年云岭县公安局的行政处罚与行政强制决定跟2022年比各多了多少",
])
def test_each_listed_rows_change_between_two_years(store: Store, settings: Settings, text: str) -> None:
    answer = ask(store, settings, text)
    assert answer.found and "3个" in answer.text and "2个" in answer.text, answer.text  # 15 − 12, 5 − 3
    assert {("ga22", "行政处罚", DECIDED), ("ga24", "行政处罚", DECIDED), ("ga22", "行政强制", DECIDED),
            ("ga24", "行政强制", DECIDED)} <= cited(answer)


@pytest.mark.parametrize("text", ["近两年政府集中采购总金额平均每年多少", "政府集中采购平均每月花多少万元",
                                  "政府集中采购总金额是多少", "平均每个机关的政府集中采购总金额是多少？",
                                  "政府集中采购金额平均每家单位多少", "平均每个部门采购花了多少万元"])
def test_a_per_period_or_plain_procurement_figure_is_no_item_average(text: str) -> None:
    from govqa.qa.indicators import find_indicators

    assert "平均每个采购项目金额" not in [i.name for i in find_indicators(text)]
