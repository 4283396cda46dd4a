"""Round-5 table kinds (issue 10): relative-year words that belong to a row (上一年项目数量, 上一年没办完、结转过来的)
are no report year; the carry-over rows said in plain words both ways; a body the store lacks named beside a stored
agency as a topic; applications asked by channel (网上提交的 / 信函寄来的), which no cell counts. Real SQLite (the
hand-typed seed cells of tests/qa/conftest.py), no vectors; every wording here is our own."""

from __future__ import annotations

import pytest

from govqa.core.types import Chunk
from govqa.qa.answer import answer_question
from govqa.qa.catalog import Catalog
from govqa.qa.conversation import Conversation
from govqa.qa.quote_choice import pick_number
from govqa.qa.understand import find_metric, parse_years, understand
from tests.qa.conftest import FakeRetriever

HSB = "吴忠市红寺堡区人民政府"
ROWS = [
    ("吴忠市红寺堡区人民政府", "红寺堡区", (), (2019, 2020)),
    ("银川市兴庆区掌政镇人民政府", "掌政镇", (), (2020,)),
]


@pytest.fixture
def catalog() -> Catalog:
    return Catalog.from_rows(ROWS)


@pytest.fixture
def ask(mini_store, settings):
    def _ask(text: str, conversation: Conversation | None = None, retriever=None):
        return answer_question(text, store=mini_store, retriever=retriever, conversation=conversation, settings=settings)
    return _ask


# ---- kind 1: a relative year inside a row's name or description names no report ----------------------------

@pytest.mark.parametrize("text", [
    "2021年有没有上一年没办完、结转过来的申请",
    "2021年上一年没有办结的申请转过来几件",
    "2021年有多少件是去年没处理完带过来的",
    "2021年上年度遗留下来的申请有几件",
    "2021年行政事业性收费上一年有几个项目",
    "2021年行政许可上一年度有多少项",
    "2021年行政许可事项跟上一年比增减了多少",
    "2021年行政处罚和去年相比变化了几个",
    "2021年行政强制比上一年多了几项",
])
def test_relative_words_of_a_row_add_no_year(text: str) -> None:
    assert parse_years(text, 2024) == (2021,)


@pytest.mark.parametrize("text", ["那行政事业性收费上一年有几个项目？", "上一年的项目数量呢", "有没有从上年转过来的申请"])
def test_relative_words_of_a_row_add_no_year_without_a_named_year(text: str) -> None:
    assert parse_years(text, 2024) == ()
    assert parse_years(text, 2024, anchor=2020) == ()


@pytest.mark.parametrize(("text", "anchor", "years"), [
    ("2021年和上一年各收到多少申请", None, (2020, 2021)),
    ("2021年和前一年分别收到几件申请", None, (2020, 2021)),
    ("上一年呢？", 2021, (2020,)),
    ("那上一年的报告里呢？", 2020, (2019,)),
    ("上一年度呢", 2022, (2021,)),
    ("去年收到多少申请", None, (2024,)),  # the newest report: reports appear a year late
    ("上一年收到多少申请", None, (2023,)),
])
def test_relative_years_that_name_a_report_resolve_against_the_year_asked(text, anchor, years) -> None:
    assert parse_years(text, 2024, anchor=anchor) == years


def test_a_followup_says_the_year_before_the_one_asked(catalog: Catalog) -> None:
    first = understand("红寺堡区2020年收到多少申请？", catalog=catalog)
    assert understand("上一年呢？", catalog=catalog, context=first).years == (2019,)
    row = understand("那行政事业性收费上一年有几个项目？", catalog=catalog, context=first)
    assert row.years == (2020,) and row.metric is not None and row.metric.col == "上一年项目数量"


def test_the_printed_change_is_answered_for_the_year_asked(ask) -> None:
    for text in ("红寺堡区2020年行政许可跟上一年比增减了多少？", "红寺堡区2020年行政许可和去年相比变化了多少"):
        a = ask(text)
        assert a.route == "table" and a.found and a.value == 1196.0, a.text
        assert any(s.col == "本年增/减" for s in a.sources)


def test_a_column_followup_after_a_plain_value_is_one_cell(ask) -> None:
    chat = Conversation()
    first = ask("红寺堡区2020年行政处罚上一年有几个项目？", conversation=chat)
    assert first.value == 1474.0, first.text
    then = ask("那本年增减了多少？", conversation=chat)
    assert then.route == "table" and then.value == 374.0 and "1474" not in then.text, then.text


# ---- kind 2: the carry-over rows in plain words, both directions -------------------------------------------

@pytest.mark.parametrize("text", [
    "有没有上一年没办完、结转过来的申请",
    "从上年转过来的申请有几件",
    "上年遗留的申请多少件",
    "去年没处理完带过来的申请有几件",
    "上一年度未办结的申请有多少",
    "从去年结转过来了几件申请",
    "上年结转的申请",
    "有几件是跨年结转过来的",
])
def test_carried_in_from_the_year_before(text: str) -> None:
    assert find_metric(text) is not None and find_metric(text).row == "二", text


@pytest.mark.parametrize("text", [
    "有没有转到下一年继续办的申请",
    "结转到了下一年的申请有几件",
    "留到明年办的申请有多少",
    "年底还没办完的申请有几件",
    "年底仍未办结的申请",
    "下年度继续办理的有多少",
    "推到明年再处理的申请",
    "结转下年度继续办理的申请",
])
def test_carried_over_to_the_next_year(text: str) -> None:
    assert find_metric(text) is not None and find_metric(text).row == "四", text


@pytest.mark.parametrize(("text", "years"), [
    ("2024年有几件申请要留到2025年再办", (2024,)),
    ("2023年结转到了2024年的申请有几件", (2023,)),
    ("2022年转入2023年度继续办理的申请", (2022,)),
])
def test_the_year_carried_into_is_no_report_asked(text, years) -> None:
    assert parse_years(text, 2024) == years
    assert find_metric(text) is not None and find_metric(text).row == "四", text


def test_a_carried_in_question_cites_row_two(ask) -> None:
    a = ask("红寺堡区2020年有没有上一年没办完、结转过来的申请？")
    assert a.route == "table" and a.found and a.value == 3.0, a.text
    assert any(s.row == "二" for s in a.sources) and "2023" not in a.text


# ---- kind 3: a body the store lacks is a topic beside the agency asked -------------------------------------

@pytest.mark.parametrize("text", [
    "红寺堡区2020年，科技部网站采用了多少篇它的信息？",
    "红寺堡区2020年向国务院办公厅报送了多少条信息",
    "红寺堡区2020年被自治区人民政府办公厅采用了几条信息",
    "掌政镇给兴庆区民政局转办了几件申请",
])
def test_a_body_spoken_of_is_not_an_agency_asked(catalog: Catalog, text: str) -> None:
    q = understand(text, catalog=catalog)
    assert q.agencies and q.unknown_agencies == (), (text, q.unknown_agencies)


@pytest.mark.parametrize("text", [
    "红寺堡区和北京市海淀区人民政府2020年谁收到的申请多",
    "北京市海淀区人民政府比红寺堡区多收到几件申请",
    "红寺堡区、北京市海淀区人民政府2020年各收到多少申请",
    "红寺堡区跟科技部比，谁的申请多",
])
def test_a_body_set_beside_the_agency_is_still_asked(catalog: Catalog, text: str) -> None:
    q = understand(text, catalog=catalog)
    assert q.unknown_agencies, text


# ---- kind 4: applications asked by channel ------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "网上提交的和信函寄来的各有几件",
    "网上申请的有几件",
    "通过信函申请的有多少件",
    "在线提交的申请有几件",
    "当面来申请的有几件",
    "用传真提交的申请有几件",
    "申请的方式分别是什么，各几件",
])
def test_a_channel_is_no_cell(text: str) -> None:
    assert find_metric(text) is None, text


# our own wording, real-looking numbers
CHANNEL_PROSE = ("全年收到政府信息公开申请9件，均已按时答复。从申请方式看，网络申请5件，占56%；信函申请4件，占44%。"
                 "本机关未收到当面申请。")
CHANNEL_CHUNK = Chunk(id="hsb:ch", report_id="aaaaaaaaaaa3", agency=HSB, short_name="红寺堡区", year=2020,
                      section="总体情况", subheading="", start=0, end=len(CHANNEL_PROSE), text=CHANNEL_PROSE)
PLAIN_PROSE = "全年收到政府信息公开申请9件，均已按时答复。"
PLAIN_CHUNK = Chunk(id="hsb:pl", report_id="aaaaaaaaaaa3", agency=HSB, short_name="红寺堡区", year=2020,
                    section="总体情况", subheading="", start=0, end=len(PLAIN_PROSE), text=PLAIN_PROSE)


@pytest.mark.parametrize(("text", "value"), [
    ("红寺堡区2020年网上申请的有几件？", 5.0),
    ("红寺堡区2020年在线提交的申请有多少件", 5.0),
    ("红寺堡区2020年通过信函申请的有几件", 4.0),
    ("红寺堡区2020年邮寄来的申请有几件", 4.0),
])
def test_a_channel_is_answered_from_the_passage_that_names_it(ask, text, value) -> None:
    a = ask(text, retriever=FakeRetriever([CHANNEL_CHUNK]))
    assert a.route == "retrieval" and a.found and a.value == value, a.text


def test_two_channels_are_quoted_together(ask) -> None:
    a = ask("红寺堡区2020年收到的申请，网上提交的和信函寄来的各有几件？", retriever=FakeRetriever([CHANNEL_CHUNK]))
    assert a.route == "retrieval" and a.found and "5件" in a.text and "4件" in a.text, a.text


def test_a_channel_the_reports_do_not_state_is_not_answered_with_the_total(ask) -> None:
    for text in ("红寺堡区2020年网上申请的有几件？", "红寺堡区2020年用传真提交的申请有几件"):
        a = ask(text, retriever=FakeRetriever([PLAIN_CHUNK]))
        assert not a.found and a.value is None, a.text


def test_the_number_after_the_channel_word_is_picked() -> None:
    sentence = "收到申请9件，均已答复。网络申请5件，信函申请4件。"
    assert pick_number(sentence, "网上申请的有几件", ["申请"], prefer=["网络", "网上"]) == (5.0, "件")
    assert pick_number(sentence, "收到几件申请", ["收到", "申请"]) == (9.0, "件")
