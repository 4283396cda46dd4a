"""Answers over the hand-typed store: text, sources, values, refusals and follow-ups."""

from __future__ import annotations

import pytest

from govqa.qa.answer import answer_question
from govqa.qa.conversation import Conversation


@pytest.fixture
def ask(mini_store, settings):
    def _ask(text: str, conversation: Conversation | None = None, retriever=None):
        return answer_question(text, store=mini_store, retriever=retriever, conversation=conversation, settings=settings)
    return _ask


def test_value_answer_names_report_table_and_unit(ask) -> None:
    a = ask("自治区政府办公厅2020年收到多少政府信息公开申请？")
    assert a.found and a.route == "table" and a.value == 4447 and a.unit == "件"
    # the issue's own example: the total, then who applied
    assert a.text == ("根据《宁夏回族自治区人民政府办公厅2020年政府信息公开工作年度报告》表三，"
                      "2020年新收政府信息公开申请4447件（自然人4441件，商业企业6件）。")
    [src] = [s for s in a.sources if s.col == "总计"]
    assert (src.table, src.row, src.col, src.year) == ("申请", "一", "总计", 2020)
    assert src.text == "表三 一、本年新收政府信息公开申请数量 总计 = 4447"
    assert len(a.sources) == 7  # every column of the row is a source


def test_breakdown_lists_applicants(ask) -> None:
    a = ask("自治区政府办公厅各类申请人分别提交了多少申请")
    assert "4447件" in a.text and "自然人4441件" in a.text and "商业企业6件" in a.text
    assert len(a.sources) == 7


def test_column_question(ask) -> None:
    a = ask("自治区政府办公厅收到的企业申请有多少？")
    assert a.value == 6 and "商业企业" in a.text and "6件" in a.text


def test_amount_printed_as_printed(ask) -> None:
    a = ask("红寺堡区政府集中采购花了多少钱")
    assert "18336.88万元" in a.text and a.unit == "万元" and a.value == pytest.approx(18336.88)


def test_signed_change(ask) -> None:
    assert "-14个" in ask("红寺堡区行政强制本年增减多少").text


def test_litigation_sums_two_columns_and_cites_both(ask) -> None:
    a = ask("自治区政府办公厅当被告打了几次官司")
    assert "13件" in a.text and "6件" in a.text and "7件" in a.text and len(a.sources) == 2


def test_ranking_lists_every_value(ask) -> None:
    a = ask("哪个机关采购金额最高？")
    assert a.text.index("红寺堡区") < a.text.index("2154.97万元") < a.text.index("40.94万元")
    assert "最多的是红寺堡区" in a.text and len(a.sources) == 3


def test_sum_and_average(ask) -> None:
    s = ask("各机关合计收到多少申请")
    assert "合计4455件" in s.text and s.value == 4455
    avg = ask("平均每个机关收到多少申请")
    assert "平均为1485件" in avg.text


def test_compare_two_agencies(ask) -> None:
    a = ask("红寺堡区和镇北堡镇哪个采购金额多")
    assert a.route == "table" and "红寺堡区比镇北堡镇多" in a.text


def test_any(ask) -> None:
    a = ask("哪些机关有行政复议案件")
    assert "自治区人民政府办公厅530件" in a.text and "红寺堡区" in a.text and "为0" in a.text


def test_broken_relation_is_noted(ask) -> None:
    assert "勾稽关系不一致" in ask("镇北堡镇收到多少申请").text


def test_refuses_unknown_agency_listing_known(ask) -> None:
    a = ask("石嘴山市大武口区2020年收到多少申请")
    assert not a.found and a.route == "refuse" and "红寺堡区人民政府" in a.text and "0件" not in a.text
    assert a.reason == "no-agency"


def test_refuses_absent_year_listing_held_years(ask) -> None:
    a = ask("红寺堡区2019年收到多少申请")
    assert not a.found and "2019" in a.text and "2020年" in a.text and a.reason == "no-year"


def test_year_compare_with_missing_year_refuses(ask) -> None:
    a = ask("红寺堡区2019年和2020年收到的申请哪个多")
    assert not a.found and "2019" in a.text and a.reason == "no-year"


def test_followups_through_a_conversation(ask) -> None:
    chat = Conversation()
    assert ask("红寺堡区2020年收到多少申请？", chat).value == 8
    assert ask("那自治区政府办公厅呢？", chat).value == 4447
    assert ask("企业呢？", chat).value == 6
    refused = ask("2019年呢？", chat)
    assert not refused.found and "2020年" in refused.text and refused.reason == "no-year"
    assert len(chat.turns) == 4


def test_a_badly_named_stored_report_breaks_no_other_question(mini_store, settings) -> None:
    from govqa.core.types import ParsedReport, Report, TableResult

    for rid, agency in (("bbbbbbbbbbb1", ""), ("bbbbbbbbbbb2", "平潭综合实验区某某局关于人民政府")):
        report = Report(id=rid, source=f"{rid}.txt", agency=agency, short_name=agency[-6:], aliases=(), year=2019,
                        template="2019", title="", content_hash=rid * 5, text="")
        mini_store.save(ParsedReport(report, (), TableResult((), (), "2019"), ()))

    def ask(text: str):
        return answer_question(text, store=mini_store, retriever=None, conversation=None, settings=settings)

    a = ask("红寺堡区2020年收到多少政府信息公开申请？")
    assert a.found and a.route == "table"
    refused = ask("石门市丰年区2020年收到多少政府信息公开申请？")
    assert not refused.found and refused.route == "refuse"
    assert "知识库中没有“石门市丰年区”的年度报告" in refused.text
    other = ask("平潭综合实验区财政局2020年收到多少申请？")
    assert not other.found and "“平潭综合实验区财政局”" in other.text


def _store_without_tables(tmp_path):
    from govqa.core.types import Finding, ParsedReport, Report, TableResult
    from govqa.index.store import Store

    store = Store(f"sqlite:///{tmp_path / 'notables.db'}")
    text = "一、总体情况。本年度全年在门户网站发布信息316条。三、收到和处理政府信息公开申请情况。本年度未收到政府信息公开申请。"
    missing = tuple(Finding("missing", t, "", "", f"{t}: table not found in the text") for t in ("申请", "复议诉讼"))
    report = Report(id="ccccccccccc1", source="c.txt", agency="云州市科技局", short_name="科技局", aliases=(), year=2021,
                    template="2019", title="云州市科技局2021年政府信息公开工作年度报告", content_hash="c" * 60, text=text)
    store.save(ParsedReport(report, (), TableResult((), missing, "2019"), missing))
    return store, text


def test_a_report_without_the_table_is_answered_from_its_prose_only_when_the_prose_names_the_metric(
        tmp_path, settings) -> None:
    from govqa.core.types import Chunk
    from tests.qa.conftest import FakeRetriever

    store, text = _store_without_tables(tmp_path)
    chunks = [Chunk(id=f"c{i}", report_id="ccccccccccc1", agency="云州市科技局", short_name="科技局", year=2021,
                    section=section, subheading="", start=text.index(part), end=text.index(part) + len(part), text=part)
              for i, (section, part) in enumerate([("总体情况", "本年度全年在门户网站发布信息316条。"),
                                                   ("收到和处理政府信息公开申请情况", "本年度未收到政府信息公开申请。")])]
    retriever = FakeRetriever(chunks)

    def ask(question: str):
        return answer_question(question, store=store, retriever=retriever, conversation=None, settings=settings)

    said = ask("云州市科技局2021年收到过政府信息公开申请吗？")
    assert said.found and said.route == "retrieval" and "未收到" in said.text and "表三" in said.text
    refused = ask("云州市科技局2021年被申请行政复议的有几件？")  # the prose never names 行政复议: no number from it
    assert not refused.found and refused.value is None and refused.reason == "no-data"
