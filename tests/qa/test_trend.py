"""qa/trend.py: one agency's metric over the years, each year's gap said (no report, the template has no such item,
the report does not list it), on the shared corpus read in place (values read by hand from its tables)."""

from __future__ import annotations

from pathlib import Path

import pytest

from govqa.core.config import Settings
from govqa.core.types import Metric, Question
from govqa.index.ingest import ingest_paths
from govqa.index.store import Store
from govqa.qa.answer import answer_question
from govqa.qa.trend import is_trend, template_prints, trend_answer

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
NEW = Metric("申请", "一", "总计")
SCJ = "平潭综合实验区市场监督管理局"


@pytest.mark.parametrize(("text", "years", "intent", "expected"), [
    ("某局2019年到2023年每年收到多少申请", (2019, 2020, 2021, 2022, 2023), "value", True),
    ("某局近两年的申请数量", (2022, 2023), "value", True),
    ("某局历年申请数量有什么变化", (), "value", True),
    ("某局2021年收到多少申请", (2021,), "value", False),  # one year: an ordinary value
    ("某局行政许可本年增减多少", (), "value", False),  # 本年增/减 is a column, not a change over the years
    ("某局收到多少申请", (), "value", False),  # no word of a span or a change
    ("某局历年申请一共多少", (), "sum", False),  # a sum is not a series
    ("某局这几年收到的申请", (), "value", True),
    ("某局从2021年开始算，申请数量", (2021, 2022, 2023), "value", True),
    ("某局近三年分别收到多少申请", (2021, 2022, 2023), "breakdown", True),  # 分别 over years: each year's figure
    ("某局近三年按申请人分别收到多少申请", (2021, 2022, 2023), "breakdown", False),  # 按申请人: a breakdown by column
    ("某局近三年申请人构成", (2021, 2022, 2023), "breakdown", False),
])
def test_is_trend(text: str, years: tuple[int, ...], intent: str, expected: bool) -> None:
    assert is_trend(Question(text, agencies=("某局",), years=years, metric=NEW, intent=intent)) is expected


def test_template_prints_follows_the_template_files() -> None:
    fee = Metric("主动公开", "行政事业性收费", "本年收费金额")
    assert (template_prints("2019", fee), template_prints("2021", fee)) == (False, True)
    made = Metric("主动公开", "规章", "本年新制作数量")  # 2021 prints it as 本年制发件数: the same item
    assert template_prints("2019", made) and template_prints("2021", made)
    assert template_prints("2019", NEW) and template_prints("mixed", fee)


needs_corpus = pytest.mark.skipif(not (CORPUS / "MANIFEST.tsv").exists(), reason=f"corpus not found at {CORPUS}")


@pytest.fixture
def store(settings: Settings) -> Store:
    store = Store(settings.db_url)
    ingest_paths(sorted(CORPUS.glob("fujian_pingtan-*.txt")) + sorted(CORPUS.glob("hebei_kjt_*.txt")),
                 settings=settings, store=store)
    return store


@needs_corpus
def test_series_over_stored_years_says_the_missing_ones(store: Store, settings: Settings) -> None:
    answer = answer_question(f"{SCJ}2019年至2023年每年新收的政府信息公开申请是多少？", store=store, retriever=None,
                             conversation=None, settings=settings)
    assert (answer.found, answer.route, answer.value, answer.unit) == (True, "table", None, "件")
    assert "2019年1件，2021年5件，2023年1件" in answer.text
    assert "2020年、2022年的报告不在知识库中" in answer.text and "不按零计" in answer.text
    # the series for the chart: every year of the span, the missing ones as gaps with their reason, never a zero
    assert answer.series is not None and (answer.series.agency, answer.series.unit) == (SCJ, "件")
    assert [(p.year, p.value) for p in answer.series.points] == [(2019, 1), (2020, None), (2021, 5), (2022, None), (2023, 1)]
    assert answer.series.points[1].gap == "的报告不在知识库中"
    assert [(s.year, s.row, s.col) for s in answer.sources] == [(2019, "一", "总计"), (2021, "一", "总计"),
                                                                (2023, "一", "总计")]


@needs_corpus
def test_a_metric_of_one_template_only_is_shown_for_its_years_and_the_gap_said(store: Store, settings: Settings) -> None:
    q = Question("交通与建设局历年行政事业性收费金额", agencies=("平潭综合实验区交通与建设局",),
                 metric=Metric("主动公开", "行政事业性收费", "本年收费金额"), intent="value")
    answer = trend_answer(q, store=store)
    assert answer is not None and answer.found
    assert "2024年0万元" in answer.text
    assert "2020年的报告采用2019版模板，没有这一项" in answer.text
    assert "2021年、2022年、2023年的报告不在知识库中" in answer.text
    assert [s.year for s in answer.sources] == [2024]
    assert answer.series is not None
    assert [(p.year, p.value, p.gap) for p in answer.series.points] == [
        (2020, None, "的报告采用2019版模板，没有这一项"), (2021, None, "的报告不在知识库中"), (2022, None, "的报告不在知识库中"),
        (2023, None, "的报告不在知识库中"), (2024, 0, "")]


@needs_corpus
def test_a_report_that_does_not_list_the_table_is_not_a_zero(store: Store) -> None:
    q = Question("科学技术厅历年行政诉讼", agencies=("河北省科学技术厅",),
                 metric=Metric("复议诉讼", "数量", "诉讼.总计"), intent="value")
    answer = trend_answer(q, store=store)
    assert answer is not None
    assert "2020年的报告中未能找到表四" in answer.text and "2021年0件，2023年0件" in answer.text
    assert all(s.year in (2021, 2023) for s in answer.sources)


@needs_corpus
def test_no_report_in_the_span_leaves_the_question_to_the_ordinary_route(store: Store) -> None:
    q = Question(f"{SCJ}2010到2012年申请数量", agencies=(SCJ,), years=(2010, 2011, 2012), metric=NEW)
    assert trend_answer(q, store=store) is None


@needs_corpus
def test_since_a_year_runs_to_the_agencys_newest_report_with_the_column_asked(store: Store, settings: Settings) -> None:
    answer = answer_question("平潭市场监管局自2021年起行政强制的决定数量每年多少，有什么变化？", store=store, retriever=None,
                             conversation=None, settings=settings)
    assert (answer.found, answer.route) == (True, "table")  # 决定数量 names the column: 变化 is the change over the years
    assert [(s.year, s.col) for s in answer.sources] == [(2021, "本年处理决定数量"), (2023, "本年处理决定数量")]
    assert "2022年的报告不在知识库中" in answer.text and "2019年" not in answer.text


@needs_corpus
def test_recent_years_count_back_from_the_agencys_own_newest_report(store: Store, settings: Settings) -> None:
    answer = answer_question("河北省科学技术厅近三年各收到几件申请？", store=store, retriever=None, conversation=None,
                             settings=settings)  # its newest report is 2023, the store's is 2024
    assert answer.found and "2021年2件" in answer.text and "2023年17件" in answer.text
    assert "2022年的报告不在知识库中" in answer.text and "2024" not in answer.text


@needs_corpus
def test_a_fall_asked_in_percent_is_its_size(store: Store, settings: Settings) -> None:
    answer = answer_question("平潭市场监管局2023年新收的申请比2021年下降了百分之几？", store=store, retriever=None,
                             conversation=None, settings=settings)
    assert (answer.found, answer.value, answer.unit) == (True, 80.0, "%")
    assert answer.formula == "增长率 = (2023年 1 − 2021年 5) / 2021年 5 = -80%" and "下降80%" in answer.text
