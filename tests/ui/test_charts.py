"""Line charts (ui/charts.py), the chat's trend chart and the compare tab's years × agencies view (ui/compare_years.py).

The views run over a real SQLite store whose cells are written for the tests (tests/qa/test_indicators.py: 东城区 2021
and 2022, 西城区 2022 with a broken 申请 relation) and one more report of our own that prints no 申请 table.
"""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from govqa.core.config import Settings
from govqa.core.types import Answer, Cell, ParsedReport, Report, Series, SeriesPoint, Source, TableResult
from govqa.index.store import Store
from govqa.qa.indicators import INDICATOR_COL, INDICATOR_TABLE
from govqa.qa.service import GovQA
from govqa.ui import chat
from govqa.ui.charts import line_chart_svg, nice_top, segments, value_label
from govqa.ui.compare import compare_result
from govqa.ui.compare_years import LACKING, MAX_CHARTS, NO_REPORT, grid_charts_html, grid_frame, year_grid
from govqa.ui.metrics import compare_catalog
from tests.qa.test_indicators import EAST, WEST, store  # noqa: F401  (the fixture)

POINTS = (SeriesPoint(2019, 120.0), SeriesPoint(2020, 135.0), SeriesPoint(2021, None, "的报告不在知识库中"),
          SeriesPoint(2022, 98.0), SeriesPoint(2023, 0.0))


def test_a_gap_breaks_the_line_and_is_never_drawn_as_zero() -> None:
    assert [[p.year for p in run] for run in segments(POINTS)] == [[2019, 2020], [2022, 2023]]
    svg = line_chart_svg(POINTS, unit="件", label="新收申请")
    assert svg.count('class="govqa-pt"') == 4  # the four values, 0 included; none for 2021
    assert svg.count('class="govqa-seg"') == 2 and svg.count('class="govqa-gap"') == 1
    assert "<title>2021年的报告不在知识库中</title>" in svg and ">无数据<" in svg
    assert all(f">{v}<" in svg for v in ("120", "135", "98", "0", "2021", "200 件"))
    assert "\n" not in svg  # one line: Markdown in the chat keeps it as one HTML block
    assert "viewBox" not in svg  # the chat's sanitizer drops it; x positions are percentages instead
    lone = line_chart_svg((SeriesPoint(2020, None, "的报告不在知识库中"), SeriesPoint(2021, 5.0)))
    assert lone.count('class="govqa-pt"') == 1 and "govqa-seg" not in lone  # a point alone: no line to draw


def test_labels_and_axis_top() -> None:
    assert [value_label(v, u) for v, u in ((4447.0, ""), (12.5, "件"), (88.333, "%"), (100.0, "%"))] == \
        ["4447", "12.5", "88.3%", "100%"]
    assert [nice_top(v) for v in (0, 1, 3, 142, 4447, 87.3)] == [1.0, 1, 5, 200, 5000, 100]


def test_flagged_years_are_marked() -> None:
    svg = line_chart_svg(POINTS[:2], flagged={2020})
    assert ">135⚠<" in svg and svg.count("#d9822b") == 1


def _trend_answer() -> Answer:
    src = Source("r1", "某某市东城区人民政府", 2019, "表三 一、本年新收政府信息公开申请数量 总计 = 120", table="申请", row="一", col="总计")
    return Answer(question="q", text="根据某某市东城区人民政府2019、2020、2022年年度报告表三，…", found=True, route="table",
                  unit="件", sources=(src,), series=Series("某某市东城区人民政府", "新收政府信息公开申请", "件", POINTS))


def test_a_trend_answer_gets_its_chart_after_streaming() -> None:
    answer = _trend_answer()

    class TrendQA:
        store = SimpleNamespace(get_report=lambda rid: SimpleNamespace(text=""))

        def ask(self, question: str, *, conversation: Any = None) -> Answer:
            return answer

    steps = [h[-1]["content"] for h, _, _ in chat.respond(TrendQA(), "东城区历年收到多少申请？", [], object())]  # type: ignore[arg-type]
    assert all("<svg" not in s for s in steps[:-1])  # the typing state and the streamed text stay light
    final = steps[-1]
    assert final.index("govqa-lead") < final.index("<svg") < final.index("govqa-sources")
    assert "某某市东城区人民政府 · 新收政府信息公开申请" in final
    assert chat.trend_chart_html(Answer(question="q", text="x", found=True, route="table")) == ""  # no series, no chart
    one = Series("某局", "新收", "件", (SeriesPoint(2020, 3.0),))
    assert chat.trend_chart_html(Answer(question="q", text="x", found=True, route="table", series=one)) == ""


def _lacking_report(store: Store) -> None:  # noqa: F811
    report = Report(id="w23", source="w23.txt", agency=WEST, short_name="西城区", aliases=(), year=2023, template="2021",
                    title=f"{WEST}2023年政府信息公开工作年度报告", content_hash="w23" * 20, text="")
    cells = (Cell("主动公开", "规章", "本年新制作数量", 2.0, "2"),)
    store.save(ParsedReport(report, (), TableResult(cells, (), "2021"), ()))


def test_years_by_agencies_for_a_cell(store: Store, settings: Settings) -> None:  # noqa: F811
    _lacking_report(store)
    qa = GovQA(settings)
    qa.__dict__["store"] = store
    result = compare_result(qa, compare_catalog(), "申请", "一", "总计", [], [], "数值从高到低")
    assert result.grid is not None
    assert list(result.grid.columns) == ["单位", "2021年", "2022年", "2023年"]
    assert result.grid.values.tolist() == [["东城区", 40, 50, NO_REPORT], ["西城区", NO_REPORT, "20 ⚠", LACKING]]
    assert "以下 1 份报告没有这项数据（不计为 0）：西城区 2023。" in result.message  # listed, not dropped
    assert result.charts.count("<figure") == 2 and "东城区 · 新收政府信息公开申请 · 总计" in result.charts
    assert result.charts.count(">50<") == 3  # one y axis for both (0 · 25 · 50), and 东城区 2022 labelled 50
    assert result.grid_csv is not None
    csv = Path(result.grid_csv).read_text(encoding="utf-8-sig").splitlines()
    assert csv == ["单位,2021年,2022年,2023年", f"东城区,40,50,{NO_REPORT}", f"西城区,{NO_REPORT},20,{LACKING}"]
    # chosen agencies and years: exactly those, an agency without any report in them still a row
    picked = compare_result(qa, compare_catalog(), "申请", "一", "总计", [WEST], ["2021", "2022"], "数值从高到低")
    assert picked.grid is not None and picked.grid.values.tolist() == [["西城区", NO_REPORT, "20 ⚠"]]
    one_year = compare_result(qa, compare_catalog(), "申请", "一", "总计", [], ["2022"], "数值从高到低")
    assert "<svg" not in one_year.charts and "只有一个年份" in one_year.charts  # a point is no line: the table says it


def test_years_by_agencies_for_an_indicator(store: Store, settings: Settings) -> None:  # noqa: F811
    qa = GovQA(settings)
    qa.__dict__["store"] = store
    result = compare_result(qa, compare_catalog(), INDICATOR_TABLE, "公开率", INDICATOR_COL, [EAST], [], "数值从高到低")
    assert result.grid is not None and result.grid.values.tolist() == [["东城区", 82.5, 90]]
    assert ">82.5%<" in result.charts and ">90%<" in result.charts and "东城区 · 公开率" in result.charts
    assert re.search(r"「计算指标.*公开率", result.message)


def test_grid_of_nothing_and_duplicate_short_names() -> None:
    empty = year_grid([], [])
    assert empty.years == () and grid_frame(empty).empty
    rows = [{"agency": "甲市财政局", "short_name": "财政局", "year": 2020, "value": 3.0},
            {"agency": "乙市财政局", "short_name": "财政局", "year": 2022, "value": 4.0}]
    grid = year_grid(rows, [])
    assert grid.years == (2020, 2021, 2022)  # the missing year between is a column, said as missing
    assert grid_frame(grid).values.tolist() == [["乙市财政局", NO_REPORT, NO_REPORT, 4], ["甲市财政局", 3, NO_REPORT, NO_REPORT]]
    assert [p.value for p in grid.points("甲市财政局")] == [3.0, None, None]
    many = year_grid([{"agency": f"{i}号局", "year": y, "value": 1.0} for i in range(MAX_CHARTS + 1) for y in (2020, 2021)], [])
    assert "<svg" not in grid_charts_html(many, metric="x") and f"共 {MAX_CHARTS + 1} 个单位" in grid_charts_html(many, metric="x")
