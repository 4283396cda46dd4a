"""Kinds of arithmetic and trend question met in round 3 (issues 15 and 13): a share whose item follows the share word
(有多少比例结转到下一年, 有百分之几没能提供), 办结 / 处理完 as the outcomes' total beside 依申请公开 with a second figure after
其中, a sum glossed in brackets or joined by 加, a difference between two named years of a count (比2021年减少了多少, which
the 2021 template prints no 本年增/减 for), and a trend of 公开的规章 mapped across the two templates' columns.
Over a real SQLite store whose cells are written for these tests (real-looking numbers, one agency, three years)."""

from __future__ import annotations

import pytest
from written_stores import Written, ask, written_store

from govqa.core.config import Settings
from govqa.core.types import Answer, Cell, Finding, ParsedReport, Report, TableResult
from govqa.index.store import Store
from govqa.qa import compose as cp
from govqa.qa.indicators import find_indicators

AGENCY = "某某县住房和城乡建设局"


def _apply(row: str, total: int) -> list[Cell]:
    return [Cell("申请", row, "总计", float(total), str(total))]


def _open(row: str, col: str, value: int) -> list[Cell]:
    return [Cell("主动公开", row, col, float(value), str(value))]


APPLY_2023 = (_apply("一", 40) + _apply("二", 2) + _apply("三.一", 14) + _apply("三.二", 6) + _apply("三.三.1", 3)
              + _apply("三.四.1", 5) + _apply("三.四.2", 1) + _apply("三.七", 38) + _apply("四", 4))
YEARS: dict[int, tuple[str, list[Cell]]] = {
    2019: ("2019", _open("规章", "本年新制作数量", 1) + _open("规章", "本年新公开数量", 1) + _open("规章", "对外公开总数量", 5)
           + _open("行政处罚", "处理决定数量", 80)),
    2021: ("2021", _open("规章", "本年制发件数", 0) + _open("规章", "本年废止件数", 0) + _open("规章", "现行有效件数", 6)
           + _open("行政处罚", "本年处理决定数量", 120)),
    2023: ("2021", APPLY_2023 + _open("规章", "本年制发件数", 2) + _open("规章", "本年废止件数", 1)
           + _open("规章", "现行有效件数", 7) + _open("行政处罚", "本年处理决定数量", 95)),
}


@pytest.fixture
def store(settings: Settings) -> Store:
    return written_store(settings.db_url, [Written(f"zj{year}", AGENCY, "住房和城乡建设局", year, cells, aliases=("县住建局",),
                                                   template=template) for year, (template, cells) in YEARS.items()])



def cited(answer: Answer) -> list[tuple[int | None, str | None, str | None]]:
    return [(s.year, s.row, s.col) for s in answer.sources]


@pytest.mark.parametrize("text", [
    "县住建局2023年的申请有多少比例结转到下一年办理？",
    "县住建局2023年收到的申请里，有百分之几要留到下一年再办？",
    "县住建局2023年有多大比例的申请被结转到下一年？",
])
def test_a_share_whose_item_follows_the_share_word_is_the_carried_over_rate(store: Store, settings: Settings,
                                                                          text: str) -> None:
    answer = ask(store, settings, text)
    assert (answer.found, answer.value, answer.unit) == (True, 9.5, "%")
    assert answer.formula and answer.formula.startswith("结转率 = 结转下年度继续办理的申请 4 / (") and "= 9.5%" in answer.formula
    assert (2023, "四", "总计") in cited(answer) and (2023, "一", "总计") in cited(answer)


@pytest.mark.parametrize(("text", "value", "numerator"), [
    ("县住建局2023年有百分之几的申请没能提供信息？", 15.8, "无法提供 6"),
    ("县住建局2023年的申请有百分之多少因为本机关不掌握而无法提供？", 13.2, "本机关不掌握相关政府信息 5"),
    ("县住建局2023年办结的申请里，有几成是本机关不掌握相关信息的？", 13.2, "本机关不掌握相关政府信息 5"),
])
def test_a_share_of_an_outcome_said_as_a_verb_phrase_is_over_the_outcomes_total(store: Store, settings: Settings,
                                                                              text: str, value: float, numerator: str) -> None:
    answer = ask(store, settings, text)
    assert (answer.found, answer.value, answer.unit) == (True, value, "%")
    assert answer.formula and f"= {numerator} / 办理结果总计 38 =" in answer.formula
    assert (2023, "三.七", "总计") in cited(answer)


@pytest.mark.parametrize(("text", "second", "said"), [
    ("县住建局2023年依申请公开办结了多少件？其中因为本机关不掌握相关信息而无法提供的有多少？", "三.四.1", "申请5件"),
    ("县住建局2023年依申请公开处理完了几件？其中部分公开的几件？", "三.二", "申请6件"),
    ("县住建局2023年办理完毕的申请有多少，其中予以公开的有多少", "三.一", "申请14件"),
])
def test_finished_applications_are_the_outcomes_total_with_the_figure_after_qizhong(store: Store, settings: Settings,
                                                                                  text: str, second: str, said: str) -> None:
    answer = ask(store, settings, text)
    assert answer.found and "办理结果总计38件" in answer.text and said in answer.text
    assert cited(answer) == [(2023, "三.七", "总计"), (2023, second, "总计")]
    assert "新收" not in answer.text


@pytest.mark.parametrize("text", [
    "县住建局2023年最后公开了（全部公开加部分公开）多少件申请？",
    "县住建局2023年予以公开加上部分公开的申请有多少件？",
    "县住建局2023年有多少申请得到公开（予以公开和部分公开）？",
])
def test_a_sum_glossed_in_brackets_or_joined_by_jia_is_added_up_with_its_parts(store: Store, settings: Settings,
                                                                             text: str) -> None:
    answer = ask(store, settings, text)
    assert (answer.found, answer.value) == (True, 20)
    assert answer.formula == "予以公开 14 + 部分公开 6 = 20"
    assert cited(answer) == [(2023, "三.一", "总计"), (2023, "三.二", "总计")]


def test_joined_figures_asked_each_stay_a_list(store: Store, settings: Settings) -> None:
    answer = ask(store, settings, "县住建局2023年予以公开和部分公开的申请各多少件？")
    assert answer.found and answer.value is None and "合计" not in answer.text
    assert "14件" in answer.text and "6件" in answer.text


@pytest.mark.parametrize(("text", "value", "first"), [
    ("县住建局2023年的行政处罚决定比2021年减少了多少个？", 25, "2023年比2021年少25个"),
    ("县住建局2023年比2021年少作出多少个行政处罚决定？", 25, "少25个"),
    ("县住建局2021年的行政处罚决定数比2023年多多少？", 25, "2021年比2023年多25个"),
    ("县住建局2021年的行政处罚决定比2019年增加了多少个？", 40, "2021年比2019年多40个"),
])
def test_a_difference_between_two_named_years_is_computed_from_both_cells(store: Store, settings: Settings,
                                                                          text: str, value: float, first: str) -> None:
    answer = ask(store, settings, text)
    assert (answer.found, answer.value) == (True, value), answer.text
    assert first in answer.text
    assert "本年增/减" not in answer.text and len(answer.sources) == 2
    assert {s.col for s in answer.sources} <= {"处理决定数量", "本年处理决定数量"}


@pytest.mark.parametrize("text", ["县住建局历年公开的规章数量", "县住建局这几年公开的规章有多少件？"])
def test_a_trend_of_published_rules_takes_each_templates_column_and_says_which(store: Store, settings: Settings,
                                                                             text: str) -> None:
    answer = ask(store, settings, text)
    assert answer.found and answer.series is not None
    assert [p.value for p in answer.series.points] == [5, None, 6, None, 7]
    assert cited(answer) == [(2019, "规章", "对外公开总数量"), (2021, "规章", "现行有效件数"), (2023, "规章", "现行有效件数")]
    assert "2019年为“对外公开总数量”" in answer.text and "2021年、2023年为“现行有效件数”" in answer.text


def test_a_trend_of_newly_made_rules_keeps_the_made_column(store: Store, settings: Settings) -> None:
    answer = ask(store, settings, "县住建局近几年每年新制作的规章数量")
    assert cited(answer) == [(2019, "规章", "本年新制作数量"), (2021, "规章", "本年制发件数"), (2023, "规章", "本年制发件数")]


def test_the_broken_relation_note_is_one_wording() -> None:
    assert cp.note_broken_cells([]) == ""
    assert cp.note_broken_cells(["住建局2023年的予以公开、部分公开", "", "住建局2021年的办理结果总计"]) == (
        "（注：答案所用的住建局2023年的予以公开、部分公开；住建局2021年的办理结果总计所在表格勾稽关系不一致，数值按原文照录。）")


def test_a_broken_relation_under_a_sum_is_named(settings: Settings) -> None:
    store = Store(settings.db_url)
    report = Report(id="zb", source="zb.txt", agency=AGENCY, short_name="住房和城乡建设局", aliases=("县住建局",), year=2023,
                    template="2021", title=f"{AGENCY}2023年政府信息公开工作年度报告", content_hash="zb" * 20, text="")
    finding = Finding("relation", "申请", "三.七", "总计", "申请 三.七: 办理结果总计 38 ≠ 各项之和 39")
    store.save(ParsedReport(report, (), TableResult(tuple(APPLY_2023), (finding,), "2021"), (finding,)))
    answer = ask(store, settings, "县住建局2023年依申请公开办结了多少件？其中予以公开的有多少？")
    assert answer.found and "答案所用的表三 （七）总计" in answer.text and "勾稽关系不一致" in answer.text


@pytest.mark.parametrize(("text", "name"), [
    ("有多大比例的行政复议被纠错", "复议纠错率"),
    ("百分之几的复议案件最后被撤销了", "复议纠错率"),
    ("有多少比例的行政诉讼败诉了", "诉讼败诉率"),
    ("有百分之几的申请最终公开了", "公开率"),
    ("有百分之几的申请没有公开", "未公开比例"),  # every outcome not published, not 不予公开 alone (round 7)
    ("有几成申请要结转到下一年", "结转率"),
])
def test_an_indicator_asked_with_the_share_word_first_is_found(text: str, name: str) -> None:
    assert [i.name for i in find_indicators(text)] == [name]


@pytest.mark.parametrize("text", ["县住建局2023年的行政处罚决定比前一年少了多少个？", "县住建局2023年的行政处罚决定与前一年相比减少了多少？"])
def test_the_year_before_said_as_qian_yi_nian_is_a_change_and_its_missing_report_is_said(store: Store, settings: Settings,
                                                                                      text: str) -> None:
    answer = ask(store, settings, text)
    assert (answer.found, answer.reason) == (False, "no-year"), answer.text
    assert "2022" in answer.text and "2021年" not in answer.text
