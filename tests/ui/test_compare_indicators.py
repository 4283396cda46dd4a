"""The compare tab offers the indicators (qa/indicators.toml) as the table 指标, with a chart and a CSV."""

from __future__ import annotations

from govqa.core.config import Settings
from govqa.index.store import Store
from govqa.qa.indicators import INDICATOR_COL, INDICATOR_TABLE
from govqa.qa.service import GovQA
from govqa.ui import validate
from govqa.ui.compare import col_choices, row_choices, run_compare
from govqa.ui.metrics import compare_catalog
from tests.qa.test_indicators import store  # noqa: F401  (the fixture: two agencies, two years, written for the tests)


def test_an_indicator_is_chosen_like_a_cell(store: Store, settings: Settings) -> None:  # noqa: F811
    catalog = compare_catalog()
    assert ("公开率 = (予以公开 + 部分公开) / 办理结果总计", "公开率") in row_choices(catalog, INDICATOR_TABLE)
    assert [key for _, key in col_choices(catalog, INDICATOR_TABLE, "公开率")] == [INDICATOR_COL]
    assert validate.metric(catalog, INDICATOR_TABLE, "结转率", INDICATOR_COL) == (INDICATOR_TABLE, "结转率", INDICATOR_COL)
    qa = GovQA(settings)
    qa.__dict__["store"] = store
    message, frame, chart, csv = run_compare(qa, catalog, INDICATOR_TABLE, "公开率", INDICATOR_COL, [], [], "数值从高到低")
    assert "2 份报告" in message
    assert list(zip(frame["单位"], frame["年份"], frame["数值"], strict=True)) == [("东城区", 2022, 90.0), ("东城区", 2021, 82.5)]
    assert frame["填报原文"][1] == "公开率 = (予以公开 30 + 部分公开 3) / 办理结果总计 40 = 82.5%"
    assert chart is not None and csv is not None and "82.5" in open(csv, encoding="utf-8-sig").read()
