"""Table questions asked as yes/no (有没有…的案子), impossible dates inside a question, and follow-ups that refer back
with 这些/都: real SQLite (the hand-typed seed cells of tests/qa/conftest.py), no vectors."""

from __future__ import annotations

import pytest

from govqa.core.types import Chunk
from govqa.qa.answer import answer_question
from govqa.qa.conversation import Conversation
from govqa.qa.dates import impossible_period
from tests.qa.conftest import FakeRetriever

HSB = "吴忠市红寺堡区人民政府"
# a preface of our own wording that names every part of a report, the kind a retriever ranks first for 有没有…诉讼
PREFACE = Chunk(id="pre:0", report_id="aaaaaaaaaaa3", agency=HSB, short_name="红寺堡区", year=2020, section="前言",
                subheading="", start=0, end=80,
                text="本报告分为总体情况、主动公开情况、依申请公开办理情况、因政府信息公开申请行政复议和提起行政诉讼的情况、"
                     "存在的问题及改进措施等部分。")


@pytest.fixture
def ask(mini_store, settings):
    def _ask(text: str, conversation: Conversation | None = None, retriever=None):
        return answer_question(text, store=mini_store, retriever=retriever, conversation=conversation, settings=settings)
    return _ask


@pytest.mark.parametrize(("question", "col"), [
    ("红寺堡区2020年有没有未经复议直接就信息公开提起行政诉讼的案子？", "直诉.总计"),
    ("红寺堡区2020年有没有没走复议就直接告到法院的情况？", "直诉.总计"),
    ("红寺堡区2020年是否有不经过行政复议直接起诉的案件？", "直诉.总计"),
    ("红寺堡区2020年有没有人先申请复议之后又起诉的？", "复议后诉.总计"),
    ("红寺堡区2020年有没有被申请行政复议的案件？", "复议.总计"),
])
def test_yes_no_about_a_count_is_answered_by_the_cell_even_when_zero(ask, question, col):
    a = ask(question, retriever=FakeRetriever([PREFACE]))
    assert a.route == "table" and a.found and a.value == 0.0, a.text
    assert any(s.table == "复议诉讼" and s.col == col for s in a.sources), a.sources
    assert "0件" in a.text and "表四" in a.text


def test_yes_no_about_applications_names_the_zero(ask):
    a = ask("红寺堡区2020年有没有结转到下一年继续办理的申请？")
    assert a.route == "table" and a.found and a.value == 0.0 and "0件" in a.text


@pytest.mark.parametrize(("text", "bad"), [
    ("交建局2024年第14个月收到了多少件申请？", "第14个月"),
    ("红寺堡区2020年第十三个月收到几件申请", "第十三个月"),
    ("红寺堡区2020年13月份收到几件申请", "13月份"),
    ("红寺堡区二〇二〇年十三月的申请", "十三月"),
    ("红寺堡区2020年第5季度收到几件申请", "第5季度"),
    ("红寺堡区2020年第0季度收到几件申请", "第0季度"),
    ("红寺堡区2020年2月30日收到几件申请", "2月30日"),
    ("红寺堡区2020年6月31日收到几件申请", "6月31日"),
    ("红寺堡区2020年32日收到几件申请", "32日"),
    ("红寺堡区2020年第60周收到几件申请", "第60周"),
])
def test_impossible_dates_are_named(text, bad):
    assert impossible_period(text) == bad


@pytest.mark.parametrize("text", [
    "红寺堡区近14个月收到几件申请",  # a span of months
    "红寺堡区连续5个季度都没有申请吗",  # a span of quarters
    "红寺堡区2020年第四季度收到几件申请",
    "红寺堡区2020年2月29日收到几件申请",  # a leap day exists
    "红寺堡区2020年12月31日收到几件申请",
    "申请是否在20个工作日内答复",
    "60日以内办结的申请有多少",  # a time limit, not a day of the month
    "第3个月收到几件申请",
    "2020年第52周收到几件申请",
    "近60周收到几件申请",  # a span of weeks
])
def test_real_dates_and_spans_are_not_refused(text):
    assert impossible_period(text) is None


@pytest.mark.parametrize("question", [
    "红寺堡区2020年第14个月收到了多少件申请？",
    "红寺堡区2020年13月收到多少件申请？",
    "红寺堡区2020年第五季度收到多少件申请？",
])
def test_impossible_dates_are_invalid_refusals_not_the_years_figure(ask, question):
    a = ask(question)
    assert not a.found and a.route == "refuse" and a.reason == "invalid" and a.value is None, a.text


@pytest.mark.parametrize(("first", "followup", "value"), [
    ("红寺堡区2020年收到几件信息公开申请？", "这些都是个人申请的吗？自然人提出了几件？", 8.0),
    ("红寺堡区2020年收到几件信息公开申请？", "这些申请都是自然人提的吗？", None),
    ("红寺堡区2020年收到几件信息公开申请？", "其中自然人提出了几件？", 8.0),
    ("红寺堡区2020年作出了多少行政处罚决定？", "这些处罚决定都有记录吗？一共几个？", 1965.0),
    ("自治区政府办公厅2020年收到多少申请？", "这些都是个人提出的吗？", None),
])
def test_followup_with_these_stays_on_the_previous_agency_and_year(ask, first, followup, value):
    chat = Conversation()
    ask(first, conversation=chat)
    a = ask(followup, conversation=chat)
    agencies = {s.agency for s in a.sources}
    asked = chat.turns[0][0].agencies
    assert a.found and agencies == set(asked), (a.text, agencies)
    assert {s.year for s in a.sources} == {2020}
    if value is not None:
        assert a.value == value, a.text


def test_these_agencies_still_asks_across_agencies(ask):
    chat = Conversation()
    ask("2020年哪个机关收到的申请最多？", conversation=chat)
    a = ask("这些机关的行政处罚决定都是多少？", conversation=chat)
    assert len({s.agency for s in a.sources}) >= 2, a.text


def test_an_unread_2021_row_is_named_as_the_2021_template_prints_it(mini_store, ask):
    from govqa.core.types import Cell, Finding, ParsedReport, Report, TableResult

    agency = "石嘴山市大武口区市场监督管理局"
    cells = (Cell("主动公开", "行政许可", "本年处理决定数量", 12.0, "12"),
             Cell("申请", "一", "总计", 3.0, "3"))
    finding = Finding("ambiguous", "主动公开", "行政规范性文件", "",
                      "主动公开 行政规范性文件: printed '24026' for 3 columns; 3 readings fit the relations: "
                      "2|40|26 / 2|402|6 / 24|0|26; no cells taken")
    report = Report(id="bbbbbbbbbbb1", source="dwk_2022.txt", agency=agency, short_name="大武口区市场监管局",
                    aliases=(), year=2022, template="2021", title="大武口区市场监督管理局2022年政府信息公开工作年度报告",
                    content_hash="b" * 60, text="")
    mini_store.save(ParsedReport(report, (), TableResult(cells, (finding,), "2021"), (finding,)))
    a = ask("大武口区市场监督管理局2022年现行有效的规范性文件有几件？")
    assert not a.found and a.reason == "no-data", a.text
    assert "24026" in a.text and "现行有效行政规范性文件" in a.text and "对外公开总数量" not in a.text


PUBLISHED = Chunk(id="hsb:1", report_id="aaaaaaaaaaa3", agency=HSB, short_name="红寺堡区", year=2020, section="总体情况",
                  subheading="", start=100, end=160,
                  text="全年依法作出行政处罚决定1965起，处罚决定均已在区政府门户网站予以公开。")


@pytest.mark.parametrize("followup", ["这些处罚决定都公开了吗？", "这些都公示了吗？", "这些行政处罚决定是否全部公开了？"])
def test_whether_a_tables_counted_items_were_published_is_said_by_the_passage(ask, followup):
    chat = Conversation()
    retriever = FakeRetriever([PUBLISHED, PREFACE])
    ask("红寺堡区2020年作出了多少行政处罚决定？", conversation=chat, retriever=retriever)
    a = ask(followup, conversation=chat, retriever=retriever)
    assert a.found and "予以公开" in a.text, a.text
    assert {s.agency for s in a.sources} == {HSB} and any(s.section == "总体情况" for s in a.sources)


def test_whether_applications_were_published_stays_with_table_three(ask):
    chat = Conversation()
    retriever = FakeRetriever([PUBLISHED, PREFACE])
    ask("红寺堡区2020年收到几件申请？", conversation=chat, retriever=retriever)
    a = ask("这些申请都公开了吗？", conversation=chat, retriever=retriever)
    assert a.route == "table" and {s.table for s in a.sources} == {"申请"}, a.text
