"""The strict scorer (eval/score.py score_strict), its gold resolver (eval/gold.py) and saved answers (eval/answers.py).

Reports here are written for the tests (real-looking numbers), stored in a real SQLite store where the run needs one.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from govqa.core.types import Answer, Source
from govqa.eval.answers import load_answers, save_answers
from govqa.eval.gold import Gold, StoredReport, locate
from govqa.eval.questions import EvalItem, GoldSpan, parse_item
from govqa.eval.run import score_saved
from govqa.eval.score import contains_strict, score, score_strict, value_matches

FILE_TEXT = ("某某县民政局2021年政府信息公开工作年度报告\n\n一、总体情况\n\n  2021年，我局主动公开政府信息 215 条，\n"
             "召开新闻发布会 8 场。上年结转的申请3件，结转下年度继续办理的申请0件。\n副镇长带队检查。\n")
STORED = FILE_TEXT.replace("  ", "").replace("\n\n", "\n")  # the store normalises whitespace differently
REPORT = StoredReport("r1", "minzheng_2021.txt", "某某县民政局", 2021, STORED)


@pytest.fixture
def gold(tmp_path: Path) -> Gold:
    (tmp_path / "minzheng_2021.txt").write_text(FILE_TEXT, encoding="utf-8")
    return Gold.build([REPORT], folders=[tmp_path])


def _item(**fields):  # type: ignore[no-untyped-def]
    fields.setdefault("id", "x")
    return parse_item({"question": "问", **fields}, where="test")


def _cell(table: str, row: str, col: str, *, agency: str = "某某县民政局", year: int = 2021) -> Source:
    return Source(report="r1", agency=agency, year=year, text="表", table=table, row=row, col=col)


def _span(text: str, *, report: str = "r1") -> Source:
    start = STORED.index(text)
    return Source(report=report, agency="某某县民政局", year=2021, text=text, section="总体情况",
                  start=start, end=start + len(text))


@pytest.mark.parametrize(("item", "text", "unit", "expected"), [
    ("0", "上年结转的申请3件，结转下年度继续办理的申请0件", "件", True),
    ("0", "上年结转的申请3件，其余30件", "件", False),  # 0 with its unit: never the 0 inside 30件
    ("0", "共10件", None, False),  # a bare number is a whole number
    ("8场", "召开新闻发布会 8 场", None, True),
    ("8场", "召开新闻发布会 18 场", None, False),
    ("8场", "召开新闻发布会 8 次", None, False),
    ("镇长", "副镇长带队检查", None, False),
    ("镇长", "镇长带队检查", None, True),
    ("公开", "不予公开", None, False),
    ("215", "公开政府信息 215 条", "条", True),
    (["215条", "二百一十五条"], "公开二百一十五条", None, True),
])
def test_contains_strict(item, text: str, unit: str | None, expected: bool) -> None:
    assert contains_strict(item, text, unit=unit) is expected


@pytest.mark.parametrize(("gold_value", "got", "expected"), [
    (739.0766, 739.0766, True), (739.0766, 739.08, False), (40.94, 40.940000001, True),
    (58, 58.0, True), (58, 58.4, True), (58, 59.0, False), (0, None, False), (-15, 15, False),
])
def test_value_matches_at_the_printed_precision(gold_value: float, got: float | None, expected: bool) -> None:
    assert value_matches(gold_value, got) is expected


TABLE = {"kind": "table", "found": True, "value": 3, "unit": "件",
         "cells": [{"file": "minzheng_2021.txt", "table": "申请", "row": "二", "col": "总计"}]}


def test_table_passes_on_value_unit_and_cell(gold: Gold) -> None:
    ok = Answer("问", "上年结转3件。", True, "table", value=3.0, unit="件", sources=(_cell("申请", "二", "总计"),))
    assert score_strict(_item(**TABLE), ok, gold).passed


@pytest.mark.parametrize(("answer", "problem"), [
    (Answer("问", "上年结转的申请3件", True, "retrieval"), "value None"),  # the substring is not enough
    (Answer("问", "3万元", True, "table", value=3.0, unit="万元", sources=(_cell("申请", "二", "总计"),)), "unit"),
    (Answer("问", "3件", True, "table", value=3.0, unit="件", sources=(_cell("申请", "一", "总计"),)), "not cited"),
    (Answer("问", "3件", True, "table", value=3.0, unit="件",
            sources=(_cell("申请", "二", "总计", year=2020),)), "not cited"),  # another year's report
])
def test_table_fails_without_value_unit_or_cell(gold: Gold, answer: Answer, problem: str) -> None:
    verdict = score_strict(_item(**TABLE), answer, gold)
    assert not verdict.passed and any(problem in p for p in verdict.problems), verdict
    assert score({"found": True, "expect": ["3"]}, answer) or problem != "value None"  # the old scorer passed it


def test_template_label_variants_are_the_same_cell(gold: Gold) -> None:
    item = _item(kind="table", found=True, value=12, unit="件",
                 cells=[{"file": "minzheng_2021.txt", "table": "主动公开", "row": "行政许可", "col": "本年处理决定数量"}])
    answer = Answer("问", "12件", True, "table", value=12.0, unit="件", sources=(_cell("主动公开", "行政许可", "处理决定数量"),))
    assert score_strict(item, answer, gold).passed


def test_gold_span_is_found_in_the_normalised_stored_text(gold: Gold) -> None:
    start = FILE_TEXT.index("召开新闻发布会")
    where = gold.span(GoldSpan("minzheng_2021.txt", start, start + len("召开新闻发布会 8 场")))
    assert where is not None and STORED[where.start:where.end] == "召开新闻发布会 8 场"
    assert locate("主动公开政府信息215条", STORED) is not None  # whitespace-insensitive
    assert gold.span(GoldSpan("other.txt", 0, 5)) is None


def _narrative() -> dict:
    start = FILE_TEXT.index("召开新闻发布会")
    return {"kind": "narrative", "found": True, "expect": ["8场"],
            "evidence": [{"file": "minzheng_2021.txt", "start": start, "end": start + 12}]}


def test_narrative_needs_an_overlapping_quote_and_the_phrase(gold: Gold) -> None:
    good = Answer("问", "召开新闻发布会 8 场", True, "retrieval", sources=(_span("召开新闻发布会 8 场"),))
    assert score_strict(_item(**_narrative()), good, gold).passed
    elsewhere = Answer("问", "召开新闻发布会 8 场", True, "retrieval", sources=(_span("主动公开政府信息"),))
    assert not score_strict(_item(**_narrative()), elsewhere, gold).passed
    no_phrase = Answer("问", "召开新闻发布会若干场", True, "retrieval", sources=(_span("召开新闻发布会 8 场"),))
    assert not score_strict(_item(**_narrative()), no_phrase, gold).passed
    other_report = Answer("问", "召开新闻发布会 8 场", True, "retrieval",
                          sources=(_span("召开新闻发布会 8 场", report="r2"),))
    assert not score_strict(_item(**_narrative()), other_report, gold).passed


def test_a_list_question_needs_every_item_quoted(gold: Gold) -> None:
    spans = [FILE_TEXT.index(t) for t in ("召开新闻发布会", "副镇长带队")]
    item = _item(kind="narrative", found=True, list=True, expect=["新闻发布会", "带队检查"],
                 evidence=[{"file": "minzheng_2021.txt", "start": a, "end": a + 5} for a in spans])
    both = Answer("问", "一是召开新闻发布会 8 场；二是副镇长带队检查。", True, "retrieval",
                  sources=(_span("召开新闻发布会 8 场"), _span("副镇长带队检查")))
    assert score_strict(item, both, gold).passed
    one = Answer("问", "一是召开新闻发布会 8 场；二是带队检查。", True, "retrieval", sources=(_span("召开新闻发布会 8 场"),))
    verdict = score_strict(item, one, gold)
    assert not verdict.passed and any("no quote overlaps" in p for p in verdict.problems)


def test_refusal_needs_a_reason_and_an_error_is_not_one(gold: Gold) -> None:
    item = _item(kind="refuse", found=False, reason="no-year")
    assert score_strict(item, Answer("问", "没有该年度报告", False, "refuse", reason="no-year"), gold).passed
    assert not score_strict(item, Answer("问", "没有该机关", False, "refuse", reason="no-agency"), gold).passed
    error = Answer("问", "出错了：数据库无法打开", False, "refuse")
    assert score({"found": False, "expect": []}, error)  # the old scorer took an error for a refusal
    assert not score_strict(item, error, gold).passed
    assert score_strict(_item(kind="refuse", found=False), Answer("问", "无", False, "refuse", reason="no-data"), gold).passed


def test_legacy_items_use_the_old_rule(gold: Gold) -> None:
    item = _item(kind="narrative", found=True, expect=["8"], scoring="legacy")
    assert score_strict(item, Answer("问", "共8场", True, "retrieval"), gold).passed


def test_an_item_without_gold_fails_strictly(gold: Gold) -> None:
    verdict = score_strict(_item(kind="narrative", found=True, expect=["8"]), Answer("问", "共8场", True, "retrieval"), gold)
    assert not verdict.passed and "no strict gold" in verdict.problems[0]


def test_saved_answers_round_trip_and_score_without_asking(tmp_path: Path, gold: Gold) -> None:
    from govqa.eval.run import score_item

    item = _item(**TABLE)
    answer = Answer("问", "上年结转3件。", True, "table", value=3.0, unit="件", sources=(_cell("申请", "二", "总计"),))
    path = tmp_path / "answers.json"
    save_answers(path, [score_item(item, answer, 0.01, gold)], [REPORT])
    assert json.loads(path.read_text(encoding="utf-8"))["answers"][0]["answer"]["reason"] is None
    saved, reports = load_answers(path)
    assert saved["x"][0] == answer and reports == [REPORT]
    result = score_saved([item, _item(id="y", **TABLE)], saved, Gold.build(reports, folders=gold.folders))
    assert [r.passed for r in result.results] == [True, False]  # y has no saved answer
    assert result.strict and result.old_overall is not None


def test_cli_scores_saved_answers_without_asking(tmp_path: Path, gold: Gold) -> None:
    from click.testing import CliRunner

    from govqa.eval.run import score_item
    from govqa.qa.cli import main

    questions = tmp_path / "q.jsonl"
    questions.write_text(json.dumps({"id": "x", "question": "问", **TABLE}, ensure_ascii=False) + "\n", encoding="utf-8")
    right = Answer("问", "上年结转3件。", True, "table", value=3.0, unit="件", sources=(_cell("申请", "二", "总计"),))
    saved = tmp_path / "answers.json"
    save_answers(saved, [score_item(_item(**TABLE), right, 0.01, gold)], [REPORT])
    result = CliRunner().invoke(main, ["eval", str(questions), "--score-answers", str(saved), "--with", str(tmp_path),
                                       "--min", "table=1.0"])
    assert result.exit_code == 0, result.output
    assert "strict accuracy" in result.output and "not in eval/sets.toml" in result.output
    wrong = tmp_path / "wrong.json"
    save_answers(wrong, [score_item(_item(**TABLE), Answer("问", "上年结转3件。", True, "table"), 0.01, gold)], [REPORT])
    failed = CliRunner().invoke(main, ["eval", str(questions), "--score-answers", str(wrong), "--with", str(tmp_path),
                                       "--min", "table=1.0"])
    assert failed.exit_code == 1 and "value None, expected 3" in failed.output


def test_counting_words_state_the_same_count_but_amount_units_do_not() -> None:
    from govqa.eval.score import units_match

    assert units_match("件", "起") and units_match("个", "件") and units_match("万元", "万元")
    assert not units_match("万元", "元") and not units_match("件", "万元") and not units_match("件", None)
    assert units_match("%", "个百分点") and units_match("个百分点", "%") and not units_match("%", "件")


# ---- indicator and trend kinds (eval/score.py; the question format in eval/questions.py) ---------------------------

def _c(row: str, col: str = "总计", *, file: str = "minzheng_2021.txt") -> dict:
    return {"file": file, "table": "申请", "row": row, "col": col}


RATE = {"kind": "indicator", "found": True, "value": 88.3, "unit": "%", "formula": "(50+3)/60",
        "cells": [_c("三.一"), _c("三.二"), _c("三.七")]}
RATE_CELLS = (_cell("申请", "三.一", "总计"), _cell("申请", "三.二", "总计"), _cell("申请", "三.七", "总计"))


def test_indicator_passes_on_percent_value_unit_and_every_cell(gold: Gold) -> None:
    ok = Answer("问", "公开率 = (予以公开 50 + 部分公开 3) / 办理结果总计 60 = 88.3%。", True, "table", value=88.3,
                unit="%", sources=RATE_CELLS, formula="公开率 = (50 + 3) / 60 = 88.3%")
    assert score_strict(_item(**RATE), ok, gold).passed
    assert score_strict(_item(**RATE), Answer("问", "88.33%", True, "table", value=88.33, unit="%", sources=RATE_CELLS),
                        gold).passed  # the gold's precision: 88.33 is 88.3


@pytest.mark.parametrize(("answer", "problem"), [
    (Answer("问", "88.3", True, "table", value=0.883, unit=None, sources=RATE_CELLS), "value 0.883"),  # a fraction is not a percent
    (Answer("问", "88.3%", True, "table", value=88.3, unit="件", sources=RATE_CELLS), "unit"),
    (Answer("问", "88.3%", True, "table", value=88.3, unit="%", sources=RATE_CELLS[:2]), "三.七/总计 not cited"),
])
def test_indicator_fails_without_value_unit_or_a_cell(gold: Gold, answer: Answer, problem: str) -> None:
    verdict = score_strict(_item(**RATE), answer, gold)
    assert not verdict.passed and any(problem in p for p in verdict.problems), verdict


def test_two_figure_question_states_each_value_with_its_unit(gold: Gold) -> None:
    item = _item(kind="indicator", found=True, values=[60, 50], unit="件", cells=[_c("一"), _c("三.一")])
    cells = (_cell("申请", "一", "总计"), _cell("申请", "三.一", "总计"))
    assert score_strict(item, Answer("问", "新收申请60件；予以公开50件。", True, "table", unit="件", sources=cells), gold).passed
    verdict = score_strict(item, Answer("问", "新收申请60件；予以公开150件。", True, "table", unit="件", sources=cells), gold)
    assert not verdict.passed and verdict.problems == ("value 50件 not stated",)
    assert not score_strict(item, Answer("问", "新收申请60件；予以公开50万元。", True, "table", sources=cells), gold).passed


def test_indicator_with_a_zero_denominator_is_a_no_data_refusal(gold: Gold) -> None:
    item = _item(kind="indicator", found=False, reason="no-data", note="denominator 0")
    refusal = Answer("问", "办理结果总计 0，分母为0，公开率无从计算。", False, "refuse", reason="no-data")
    assert score_strict(item, refusal, gold).passed
    divided = Answer("问", "公开率0%", True, "table", value=0.0, unit="%", sources=RATE_CELLS)
    assert not score_strict(item, divided, gold).passed


TREND = {"kind": "trend", "found": True, "unit": "件", "gaps": [2020, 2022]}


@pytest.fixture
def trend_gold(tmp_path: Path) -> Gold:
    (tmp_path / "minzheng_2021.txt").write_text(FILE_TEXT, encoding="utf-8")
    (tmp_path / "minzheng_2019.txt").write_text(FILE_TEXT.replace("2021", "2019"), encoding="utf-8")
    older = StoredReport("r0", "minzheng_2019.txt", "某某县民政局", 2019, STORED.replace("2021", "2019"))
    return Gold.build([REPORT, older], folders=[tmp_path])


def _trend_item() -> EvalItem:
    series: list[dict[str, Any]] = [{"year": 2019, "value": 1, "cells": [_c("一", file="minzheng_2019.txt")]},
                                    {"year": 2021, "value": 5, "cells": [_c("一")]}]
    return _item(**{**TREND, "series": series})


TREND_CELLS = (_cell("申请", "一", "总计", year=2019), _cell("申请", "一", "总计", year=2021))


def test_trend_states_each_year_with_its_cell_and_names_the_gaps(trend_gold: Gold) -> None:
    text = "新收申请逐年为：2019年1件，2021年5件。（2020年、2022年的报告不在知识库中，不按零计。）"
    assert score_strict(_trend_item(), Answer("问", text, True, "table", unit="件", sources=TREND_CELLS), trend_gold).passed


@pytest.mark.parametrize(("text", "sources", "problem"), [
    ("2019年1件，2021年6件。2020年、2022年缺。", TREND_CELLS, "2021: value 5 not stated"),
    ("2019年1件，2021年5件，2020年0件。2022年缺。", TREND_CELLS, "gap year 2020 given a number"),  # a gap is no zero
    ("2019年1件，2021年5件。2020年缺。", TREND_CELLS, "gap year 2022 not named"),
    ("2019年1件，2021年5件。2020年、2022年缺。", TREND_CELLS[1:], "2019: cell"),
])
def test_trend_fails_on_a_wrong_year_a_filled_gap_or_a_missing_cell(trend_gold: Gold, text: str, sources, problem: str) -> None:
    verdict = score_strict(_trend_item(), Answer("问", text, True, "table", unit="件", sources=sources), trend_gold)
    assert not verdict.passed and any(p.startswith(problem) for p in verdict.problems), verdict


def test_a_year_value_after_a_title_naming_the_same_year_is_found() -> None:
    from govqa.eval.score import year_value_stated

    text = "根据《某某县民政局2022年政府信息公开工作年度报告》表二，2022年行政事业性收费本年收费金额35.5万元。"
    assert year_value_stated(2022, 35.5, text) and not year_value_stated(2022, 35.6, text)
