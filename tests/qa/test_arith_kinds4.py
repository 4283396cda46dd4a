"""Kinds of arithmetic and trend question met in round 4 (issues 15 and 13), each in several wordings of its own:
谁多？多多少 asks the difference (not the larger figure), whatever names the two (agencies or years); a share said
loosely (公开了的比例, 结转到了下一年, 上年结转过来的占几成) or of a row inside an indicator's group (因补正后仍不明确而无法提供的
比例 is that row's share, not 无法提供率); the 2019 template's printed 本年增/减 read for 跟上一年比增减了多少; and 这两年 as
the agency's two newest reports. Over a real SQLite store whose cells are written for these tests (real-looking
numbers, two agencies)."""

from __future__ import annotations

import pytest
from written_stores import Written, ask, written_store

from govqa.core.config import Settings
from govqa.core.types import Answer, Cell, Metric, Question, ReportRef
from govqa.index.store import Store
from govqa.qa.compose import table_text
from govqa.qa.indicators import find_indicators
from govqa.qa.phrasing import plain
from govqa.qa.table_query import MetricValue

MARKET = "某某县市场监督管理局"
POLICE = "某某县公安局"


def _apply(row: str, total: int) -> list[Cell]:
    return [Cell("申请", row, "总计", float(total), str(total))]


def _open(row: str, col: str, value: int) -> list[Cell]:
    return [Cell("主动公开", row, col, float(value), str(value))]


# 2023: 公开率 (20 + 5) / 45 = 55.6%; 结转率 5 / (40 + 10) = 10%; 上年结转 10 / 50 = 20%; 补正后仍不明确 4 / 45 = 8.9%
MARKET_2023 = (_apply("一", 40) + _apply("二", 10) + _apply("三.一", 20) + _apply("三.二", 5) + _apply("三.三.1", 5)
               + _apply("三.四.1", 6) + _apply("三.四.3", 4) + _apply("三.五.2", 5) + _apply("三.七", 45) + _apply("四", 5)
               + _open("行政许可", "本年处理决定数量", 130))
REPORTS: dict[tuple[str, int], tuple[str, str, list[Cell]]] = {
    (MARKET, 2019): ("2019", "市场监督管理局", _apply("一", 12) + _apply("三.二", 1) + _apply("三.七", 12)
                     + _open("行政许可", "上一年项目数量", 12) + _open("行政许可", "本年增/减", 3)
                     + _open("行政许可", "处理决定数量", 50)),
    (MARKET, 2021): ("2021", "市场监督管理局", _apply("一", 30) + _apply("三.二", 2) + _apply("三.七", 30)
                     + _open("行政许可", "本年处理决定数量", 90)),
    (MARKET, 2023): ("2021", "市场监督管理局", MARKET_2023),
    (POLICE, 2023): ("2021", "公安局", _apply("一", 25) + _apply("三.一", 8) + _apply("三.二", 2) + _apply("三.七", 25)
                     + _open("行政许可", "本年处理决定数量", 160)),
}
ALIASES = {MARKET: ("县市场监管局",), POLICE: ("县公安局",)}


@pytest.fixture
def store(settings: Settings) -> Store:
    return written_store(settings.db_url, [
        Written(f"{'sj' if agency == MARKET else 'ga'}{year}", agency, short, year, cells, aliases=ALIASES[agency],
                template=template) for (agency, year), (template, short, cells) in REPORTS.items()])



def cited(answer: Answer) -> set[tuple[int | None, str | None, str | None]]:
    return {(s.year, s.row, s.col) for s in answer.sources}


@pytest.mark.parametrize(("text", "value"), [
    ("2023年某某县市场监督管理局和某某县公安局，谁新收的信息公开申请多？多多少？", 15),
    ("2023年某某县市场监督管理局和某某县公安局，谁收到的申请多？多几件？", 15),
    ("2023年某某县市场监督管理局和某某县公安局收到的申请哪个多，差多少？", 15),
    ("2023年某某县市场监督管理局和某某县公安局收到的申请相差几件？", 15),
    ("2023年某某县公安局和某某县市场监督管理局，谁收到的申请少？少几件？", 15),
    ("2023年某某县市场监督管理局和某某县公安局，哪家作出的行政许可决定更多，多出多少个？", 30),
    ("2023年某某县市场监督管理局和某某县公安局的行政许可决定谁多？高出多少？", 30),
])
def test_which_is_more_and_by_how_much_is_the_difference(store: Store, settings: Settings, text: str, value: int) -> None:
    answer = ask(store, settings, text)
    assert (answer.found, answer.value) == (True, value)


@pytest.mark.parametrize(("text", "value"), [
    ("某某县两个局2023年谁收到的申请多？多多少？", 15), ("某某县的两个局2023年收到的申请谁少？少几件？", 15),
    ("某某县两个局2023年谁收到的申请多？", 40),
])
def test_two_ranked_agencies_of_a_place_by_how_much(text: str, value: int) -> None:
    # a place's agencies (qa/scope.py) are ranked; two of them and 多多少 are compared instead
    q = Question(text=text, agencies=(), years=(2023,), metric=Metric("申请", "一", "总计"), intent="ranking")
    values = [MetricValue(ReportRef(f"r{i}", name, name, 2023), float(v), ()) for i, (name, v) in
              enumerate((("某某县市场监督管理局", 40), ("某某县公安局", 25)))]
    assert table_text(q, Metric("申请", "一", "总计"), values)[1] == value


@pytest.mark.parametrize(("text", "value"), [
    ("2023年某某县市场监督管理局和某某县公安局，谁收到的申请多？", 40),
    ("2023年某某县市场监督管理局和某某县公安局，谁收到的申请少？", 25),
])
def test_which_is_more_without_how_much_is_the_figure(store: Store, settings: Settings, text: str, value: int) -> None:
    assert ask(store, settings, text).value == value


@pytest.mark.parametrize("text", [
    "县市场监管局2021年和2023年，哪年收到的申请多？多多少？",
    "县市场监管局2021年和2023年收到的申请，哪一年少？少了几件？",
])
def test_which_year_is_more_and_by_how_much_is_the_difference(store: Store, settings: Settings, text: str) -> None:
    answer = ask(store, settings, text)
    assert (answer.found, answer.value) == (True, 10)


@pytest.mark.parametrize("text", [
    "2023年某某县市场监督管理局和某某县公安局，公开率谁高？高多少？",
    "2023年某某县市场监督管理局和某某县公安局的公开率相差几个百分点？",
])
def test_an_indicators_difference_between_agencies(store: Store, settings: Settings, text: str) -> None:
    answer = ask(store, settings, text)  # 公安局 (8 + 2) / 25 = 40%, 市场监管局 55.6%
    assert (answer.found, answer.value, answer.unit) == (True, 15.6, "个百分点")
    assert "市场监督管理局比公安局高15.6个百分点" in answer.text


@pytest.mark.parametrize("text", [
    "县市场监管局2023年收到的信息公开申请，最后公开了的比例是多少？",
    "县市场监管局2023年收到的申请，最终公开的比例是多少？",
    "县市场监管局2023年的申请里有多少比例最后公开了？",
    "县市场监管局2023年的申请，公开了的占多少？",
    "县市场监管局2023年的申请最终有几成公开了？",
    "县市场监管局2023年信息公开申请有百分之几公开过？",
])
def test_a_share_of_published_said_loosely_is_the_publication_rate(store: Store, settings: Settings, text: str) -> None:
    answer = ask(store, settings, text)
    assert (answer.found, answer.value, answer.unit) == (True, 55.6, "%")
    assert answer.formula and answer.formula.startswith("公开率 = (予以公开 20 + 部分公开 5)")


@pytest.mark.parametrize("text", [
    "县市场监管局2023年的信息公开申请有多少比例结转到了下一年？",
    "县市场监管局2023年的信息公开申请有多少比例结转到下一年？",
    "县市场监管局2023年的政府信息公开申请中，结转到了下一年的占多少比例？",
    "县市场监管局2023年的信息公开申请有百分之几被结转了？",
    "县市场监管局2023年有百分之几的申请转到了下一年办理？",
])
def test_a_carried_over_share_is_the_carried_over_rate_whatever_the_particles(store: Store, settings: Settings,
                                                                            text: str) -> None:
    answer = ask(store, settings, text)
    assert (answer.found, answer.value) == (True, 10.0)
    assert answer.formula and answer.formula.startswith("结转率")


@pytest.mark.parametrize("text", [
    "县市场监管局2023年要办的信息公开申请（新收的加上年结转的）里面，上年结转过来的占百分之几？",
    "县市场监管局2023年上年结转的申请占全部要办申请的比例是多少？",
    "县市场监管局2023年新收加上年结转的申请里，上年结转的占几成？",
    "县市场监管局2023年有多少比例的申请是上年结转过来的？",
])
def test_a_share_carried_in_is_of_new_and_carried_in(store: Store, settings: Settings, text: str) -> None:
    answer = ask(store, settings, text)
    assert (answer.found, answer.value) == (True, 20.0)
    assert {(2023, "二", "总计"), (2023, "一", "总计")} <= cited(answer) and (2023, "四", "总计") not in cited(answer)


@pytest.mark.parametrize("text", [
    "县市场监管局2023年有多大比例的申请，是因为补正后内容还不明确而无法提供的？",
    "县市场监管局2023年补正后申请内容仍不明确的申请占比是多少？",
    "县市场监管局2023年因为补正后仍不明确而无法提供的比例是多少？",
    "县市场监管局2023年因补正后内容不明确没法提供的申请占了多大比例？",
])
def test_a_row_named_inside_a_group_beats_the_groups_indicator(store: Store, settings: Settings, text: str) -> None:
    answer = ask(store, settings, text)
    assert (answer.found, answer.value) == (True, 8.9)
    assert (2023, "三.四.3", "总计") in cited(answer)


@pytest.mark.parametrize(("text", "value"), [
    ("县市场监管局2023年无法提供的比例是多少？", 22.2),
    ("县市场监管局2023年的无法提供率？", 22.2),
    ("县市场监管局2023年部分公开的比例是多少？", 11.1),
])
def test_a_group_or_outcome_share_keeps_its_own_indicator(store: Store, settings: Settings, text: str, value: float) -> None:
    assert ask(store, settings, text).value == value


@pytest.mark.parametrize("text", [
    "县市场监管局2019年行政许可事项跟上一年比增减了多少？",
    "县市场监管局2019年行政许可事项比上一年增减了多少？",
    "县市场监管局2019年行政许可事项和上年相比增加了多少？",
    "县市场监管局2019年行政许可事项同上一年比变化了多少？",
    "县市场监管局2019年行政许可事项与去年相比有什么增减？",
])
def test_the_2019_templates_printed_change_answers_a_change_from_the_year_before(store: Store, settings: Settings,
                                                                                text: str) -> None:
    answer = ask(store, settings, text)
    assert (answer.found, answer.value) == (True, 3)
    assert (2019, "行政许可", "本年增/减") in cited(answer)


@pytest.mark.parametrize("text", [
    "县市场监管局这两年部分公开的信息公开申请各有几件？",
    "县市场监管局前后两年部分公开的申请分别有几件？",
    "县市场监管局这两年部分公开了几件申请？",
])
def test_these_two_years_are_the_agencys_two_newest_reports(store: Store, settings: Settings, text: str) -> None:
    answer = ask(store, settings, text)
    assert answer.found and answer.series is not None
    assert [(p.year, p.value) for p in answer.series.points] == [(2021, 2), (2023, 5)]


def test_plain_wording_drops_particles_but_keeps_words_that_hold_them() -> None:
    assert plain("最后公开了的比例") == "最后公开比例"
    assert plain("结转过来的") == "结转来"
    assert plain("通过网站了解过程性信息") == "通过网站了解过程性信息"
    assert plain("信息公开申请") == "信息◇◇申请" and plain("予以公开申请") == "予以公开申请"


@pytest.mark.parametrize(("text", "names"), [
    ("有多少比例结转到了下一年", ["结转率"]),
    ("信息公开申请有多少比例结转到下一年", ["结转率"]),
    ("上年结转过来的占百分之几", []),
    ("部分公开了的比例", []),
    ("没能公开的比例", ["未公开比例"]),  # every outcome not published (round 7), never 公开率
    ("最后公开了的比例", ["公开率"]),
    ("不予公开了的比例", ["不予公开率"]),
])
def test_indicators_are_found_in_the_plain_wording(text: str, names: list[str]) -> None:
    assert [i.name for i in find_indicators(text)] == names


@pytest.mark.parametrize(("text", "value"), [
    ("县市场监管局2021年到2023年收到的申请增加了多少？", 10),
    ("县市场监管局2021至2023年收到的申请多了几件？", 10),
    ("县市场监管局2021年和2023年相比，收到的申请差多少？", 10),
    ("县市场监管局2023年收到的申请跟2021年比多了多少？", 10),
])
def test_a_change_between_two_years_said_many_ways(store: Store, settings: Settings, text: str, value: int) -> None:
    answer = ask(store, settings, text)
    assert (answer.found, answer.value) == (True, value)


@pytest.mark.parametrize(("text", "value"), [
    ("县市场监管局2023年收到的申请和予以公开的申请哪个多，多多少？", 20),
    ("县市场监管局2023年予以公开和部分公开的申请哪个多？多几件？", 15),
    ("县市场监管局2023年予以公开的和部分公开的相差几件？", 15),
    ("县市场监管局2023年予以公开和部分公开的申请哪个多？", 20),
])
def test_two_figures_of_one_report_which_and_by_how_much(store: Store, settings: Settings, text: str, value: int) -> None:
    answer = ask(store, settings, text)
    assert (answer.found, answer.value) == (True, value)
