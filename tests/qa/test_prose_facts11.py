"""Round-11 prose facts: a moment named in a question (截至2025年1月20日, 到2023年底为止) points into the report that
states it, not to a report of its own year; a rate the tables cannot give (办结率, 满意率, 按时答复率) is quoted from
the prose, never answered with a count, with a yes/no lead (办结了没有 → 是，已办结。); a change of items (事项比上一年
增减了多少项) that the asked year's template does not print is refused no-data before any other year is looked for;
a yes/no question on how cases ended leads with 有 / 没有; a row follow-up after a column follow-up keeps the column.
Real SQLite; every report, passage and number here is our own."""

from __future__ import annotations

from pathlib import Path

import pytest

from govqa.core.types import Cell, Chunk, Metric, ParsedReport, Report, TableResult
from govqa.qa import compose as cp
from govqa.qa import lexicon as lx
from govqa.qa.answer import answer_question
from govqa.qa.catalog import Catalog
from govqa.qa.conversation import Conversation
from govqa.qa.dates import point_in_time
from govqa.qa.quote_choice import pick_number
from govqa.qa.understand import find_metric, understand
from tests.qa.conftest import FakeRetriever

AGENCY, SHORT, ALIAS = "青梧县交通运输局", "交通运输局", "青梧交通局"
PERMITS, SHORT2 = "青梧县行政审批服务局", "行政审批服务局"
APPLICANTS = ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计")
WECHAT = ("全年门户网站发布信息96条，公众号全年发布信息415条，新增关注用户380人，截至2025年1月20日，"
          "累计发布信息2088条，累计关注用户达1570人。")
DONE = "2024年共受理政府信息公开申请3件，均已按时办结，办结率100%，群众满意率98.5%。"


def _row(row: str, values: tuple[int, ...]) -> list[Cell]:
    return [Cell("申请", row, c, float(v), str(v)) for c, v in zip(APPLICANTS, values, strict=True)]


@pytest.fixture
def store(tmp_path: Path):
    """A 2024 report (2021 template) of a transport bureau and a 2023 one of a permits bureau, no other years."""
    from govqa.index.store import Store

    s = Store(f"sqlite:///{tmp_path / 'facts.db'}")
    reports = (
        ("bbbbbbbbbbb1", AGENCY, SHORT, (ALIAS,), 2024,
         _row("一", (3, 0, 0, 0, 0, 0, 3)) + _row("三.七", (3, 0, 0, 0, 0, 0, 3)) + _row("四", (0,) * 7)),
        ("bbbbbbbbbbb2", PERMITS, SHORT2, ("青梧审批局",), 2023,
         [Cell("主动公开", "行政许可", "处理决定数量", 812.0, "812")] + _row("一", (5, 1, 0, 0, 0, 0, 6))),
    )
    for rid, agency, short, aliases, year, cells in reports:
        report = Report(id=rid, source=f"{rid}.txt", agency=agency, short_name=short, aliases=aliases, year=year,
                        template="2021", title=f"{short}{year}年政府信息公开工作年度报告", content_hash=rid * 5, text="")
        s.save(ParsedReport(report, (), TableResult(tuple(cells), (), "2021"), ()))
    return s


def _chunk(text: str, n: int) -> Chunk:
    return Chunk(id=f"bbbbbbbbbbb1:{n}", report_id="bbbbbbbbbbb1", agency=AGENCY, short_name=SHORT, year=2024,
                 section="总体情况", subheading="", start=n, end=n + len(text), text=text)


@pytest.fixture
def ask(store, settings):
    retriever = FakeRetriever([_chunk(WECHAT, 100), _chunk(DONE, 400)])

    def _ask(text: str, chat: Conversation | None = None):
        return answer_question(text, store=store, retriever=retriever, conversation=chat, settings=settings)
    return _ask


# ---- kind 1: a moment inside a report, not a report's year -------------------------------------------------

@pytest.mark.parametrize(("text", "years"), [
    ("那到2025年1月20日为止，公众号一共累计发了多少条？", (2024,)),
    ("截至2025年1月20日，公众号累计发布了多少条信息", (2024,)),
    ("截止2025年1月底累计关注用户有多少", (2024,)),
    ("截止到2025年2月，累计发了几条", (2024,)),
    ("2025年1月20日为止累计发了多少", (2024,)),
    ("直到2025年1月20日止，一共发了多少条", (2024,)),
    ("截至2023年底，累计公开了多少条", (2023,)),
    ("到2023年年底为止网站累计发布多少条信息", (2023,)),
    ("截止2023年末有多少条", (2023,)),
    ("截至2024年12月31日，累计公开多少条", (2024,)),
])
def test_a_moment_points_into_the_report_that_states_it(text: str, years: tuple[int, ...]) -> None:
    assert point_in_time(text)[1] == years


@pytest.mark.parametrize("text", ["2019至2021年底共收到多少申请", "2024年1月至2024年3月", "2023年收到多少申请",
                                  "2020年到2023年变化了多少"])
def test_spans_and_plain_years_are_no_moments(text: str) -> None:
    assert point_in_time(text) == (text, ())


def test_the_year_asked_before_wins_when_the_moment_fits_it() -> None:
    assert point_in_time("截至2024年1月10日累计多少", anchor=2024)[1] == (2024,)  # the 2024 report's own January
    assert point_in_time("截至2024年1月10日累计多少", anchor=2020)[1] == (2023,)


@pytest.mark.parametrize("text", [
    "那到2025年1月20日为止，公众号一共累计发了多少条？",
    "截至2025年1月20日，公众号累计发布了多少条信息？",
    "到2025年1月20日止公众号累计发了几条",
    "那截止2025年1月，累计发布的信息有多少条",
    "到2025年1月20日为止呢？累计发了多少条",
])
def test_a_moment_follow_up_is_answered_from_the_report_asked_before(ask, text: str) -> None:
    chat = Conversation()
    first = ask(f"{ALIAS}2024年公众号全年发布了多少条信息？", chat)
    assert first.found and first.value == 415
    a = ask(text, chat)
    assert a.found and a.route == "retrieval", a.text
    assert a.value == 2088 and a.unit == "条" and "2088条" in a.text
    assert a.sources[0].year == 2024


def test_a_moment_question_on_its_own_names_the_report(ask) -> None:
    a = ask(f"{ALIAS}截至2025年1月20日，公众号累计发布了多少条信息？")
    assert a.found and a.value == 2088 and a.sources[0].year == 2024


@pytest.mark.parametrize("question", ["截至2025年1月20日累计发布了多少条", "到现在一共累计发了多少条信息",
                                      "累计关注用户有多少人"])
def test_a_running_total_is_the_number_after_the_moment(question: str) -> None:
    picked = pick_number(WECHAT, question, ["累计", "发布", "关注", "用户"])
    assert picked is not None and picked[0] in (2088, 1570)
    if "人" in question:
        assert picked == (1570, "人")
    else:
        assert picked == (2088, "条")


def test_a_year_count_is_still_the_year_count() -> None:
    assert pick_number(WECHAT, "公众号全年发布了多少条", ["公众号", "全年", "发布"]) == (415, "条")


# ---- kind 2: a rate the prose states ------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "办结率多少？", "那件办结了没有？办结率多少？", "申请的办结率是多少", "按时办结率有多少", "群众满意率是多少？",
    "按时答复率呢", "满意度怎么样", "政务公开知晓率达到多少", "依申请公开的答复率", "办理率是多少",
])
def test_a_prose_rate_is_no_table_cell(text: str) -> None:
    assert lx.PROSE_RATE.search(text)
    assert find_metric(text) is None


@pytest.mark.parametrize("text", ["公开率是多少", "不予公开率", "复议纠错率", "办结了多少件申请"])
def test_computable_rates_and_counts_are_not_prose_rates(text: str) -> None:
    assert not lx.PROSE_RATE.search(text)


@pytest.mark.parametrize(("text", "value", "lead"), [
    ("那件办结了没有？办结率多少？", 100, "是，已办结。"),
    ("都办完了吗？办结率是多少", 100, "是，已办完。"),
    ("是否已经办结？办结率呢", 100, "是，已办结。"),
    ("办结率多少", 100, ""),
    ("群众满意率是多少？", 98.5, ""),
    ("那满意率呢", 98.5, ""),
])
def test_a_prose_rate_follow_up_quotes_the_rate(ask, text: str, value: float | None, lead: str) -> None:
    chat = Conversation()
    first = ask(f"{ALIAS}2024年收到几件政府信息公开申请？", chat)
    assert first.found and first.value == 3 and first.route == "table"
    a = ask(text, chat)
    assert a.found and a.route == "retrieval", a.text
    assert "办结率100%" in a.text
    if value is not None:
        assert (a.value, a.unit) == (value, "%")
    assert a.text.startswith(lead) and (lead or a.text.startswith("根据"))


@pytest.mark.parametrize(("question", "quote", "lead"), [
    ("办结了没有", "2件申请均已办结。", "是，已办结。"),
    ("办完了吗", "办结率100%。", "是，已办完。"),
    ("有没有答复", "全部按时答复。", "是，已答复。"),
    ("办结了吗", "尚有1件未办结，结转下年办理。", "没有，尚未办结。"),
    ("办结了没有", "收到申请2件。", ""),
    ("收到几件", "均已办结。", ""),
])
def test_the_done_lead(question: str, quote: str, lead: str) -> None:
    assert cp.done_lead(question, quote) == lead


# ---- kind 3: the asked column is not in the asked year's template -------------------------------------------

@pytest.mark.parametrize("question", [
    "青梧审批局2023年行政许可事项比上一年增减了多少项？",
    "青梧审批局2023年行政许可事项跟上一年比增减了多少",
    "青梧审批局2023年行政许可项目较去年增加了几项？",
    "青梧审批局2023年行政许可事项和上一年相比变化了多少？",
    "青梧审批局2023年行政许可事项比去年少了几项",
    "青梧审批局2023年的行政许可事项比上年多了多少项",
])
def test_an_item_change_the_template_lacks_is_no_data_first(ask, question: str) -> None:
    a = ask(question)
    assert (a.found, a.reason) == (False, "no-data"), a.text
    assert "2021年版模板" in a.text and "2022" not in a.text


def test_a_change_of_decisions_still_needs_the_year_before(ask) -> None:
    a = ask("青梧审批局2023年行政许可决定比上一年多了几个？")  # 处理决定数量 is printed: the 2022 report is what lacks
    assert (a.found, a.reason) == (False, "no-year"), a.text


# ---- kind 4: yes/no on how cases ended; a row follow-up keeps the column -----------------------------------

def _outcomes(**cols: float | None) -> dict[str, object]:
    from govqa.qa.table_query import MetricValue, ReportRef

    ref = ReportRef(id="x", agency=AGENCY, short_name=SHORT, year=2024, template="2021")
    return {c: MetricValue(ref, cols.get(c), ()) for c in ("总计", "维持", "纠正", "其他", "未审结")}


@pytest.mark.parametrize(("question", "cols", "lead"), [
    ("复议被纠正了吗", {"总计": 2, "维持": 2, "纠正": 0, "其他": 0, "未审结": 0}, "没有被纠正（结果纠正0件）。"),
    ("有没有被纠正", {"总计": 3, "维持": 1, "纠正": 2, "其他": 0, "未审结": 0}, "有，2件被纠正。"),
    ("复议决定被撤销过吗", {"总计": 1, "维持": 0, "纠正": 1, "其他": 0, "未审结": 0}, "有，1件被纠正。"),
    ("官司输了没有", {"总计": 1, "维持": 1, "纠正": 0, "其他": 0, "未审结": 0}, "没有被纠正（结果纠正0件）。"),
    ("官司赢了没有", {"总计": 1, "维持": 1, "纠正": 0, "其他": 0, "未审结": 0}, "是，1件结果维持，没有被纠正。"),
    ("打官司赢了吗", {"总计": 2, "维持": 1, "纠正": 1, "其他": 0, "未审结": 0}, "没有全赢，1件被纠正。"),
    ("是否胜诉", {"总计": 1, "维持": 0, "纠正": 0, "其他": 0, "未审结": 1}, ""),  # not decided yet: no lead
    ("结果怎么样", {"总计": 2, "维持": 2, "纠正": 0, "其他": 0, "未审结": 0}, ""),
    ("被纠正了吗", {"总计": 0, "维持": 0, "纠正": 0, "其他": 0, "未审结": 0}, ""),  # no case at all
    ("被纠正了吗", {"总计": 2, "维持": 2, "纠正": None, "其他": 0, "未审结": 0}, ""),  # a cell not read
])
def test_the_outcome_lead(question: str, cols: dict[str, float | None], lead: str) -> None:
    assert cp.outcome_lead(question, [("复议", _outcomes(**cols))]) == lead  # type: ignore[list-item]


def test_an_outcome_yes_no_question_leads_with_the_answer(mini_store, settings) -> None:
    a = answer_question("自治区政府办公厅2020年行政复议被纠正了吗？", store=mini_store, retriever=None, conversation=None,
                        settings=settings)
    assert a.found and a.text.startswith("没有被纠正（结果纠正0件）。") and "结果维持530件" in a.text
    a = answer_question("自治区政府办公厅2020年的官司赢了没有", store=mini_store, retriever=None, conversation=None,
                        settings=settings)
    assert a.found and a.text.startswith("是，13件结果维持，没有被纠正。"), a.text


@pytest.mark.parametrize(("text", "row"), [
    ("那部分公开的呢", "三.二"), ("部分公开的呢？", "三.二"), ("那不予公开的有几件", "三.三"),
    ("那转到下一年办的呢", "四"), ("那因为涉密不予公开的呢", "三.三.1"),
])
def test_a_row_follow_up_after_a_column_follow_up_keeps_the_column(text: str, row: str) -> None:
    catalog = Catalog.from_rows([("吴忠市红寺堡区人民政府", "红寺堡区", (), (2020,))])
    first = understand("红寺堡区2020年予以公开的申请有几件？", catalog=catalog)
    firms = understand("其中企业的呢", catalog=catalog, context=first)
    assert firms.metric == Metric("申请", "三.一", "商业企业")
    q = understand(text, catalog=catalog, context=firms)
    assert q.metric == Metric("申请", row, "商业企业"), text


@pytest.mark.parametrize("text", ["那部分公开的一共多少", "那部分公开的总数呢", "那部分公开的个人的呢"])
def test_a_row_follow_up_that_names_a_column_or_the_whole_row_does_not_keep_it(text: str) -> None:
    catalog = Catalog.from_rows([("吴忠市红寺堡区人民政府", "红寺堡区", (), (2020,))])
    first = understand("红寺堡区2020年予以公开的申请有几件？", catalog=catalog)
    firms = understand("其中企业的呢", catalog=catalog, context=first)
    q = understand(text, catalog=catalog, context=firms)
    assert q.metric is not None and q.metric.row == "三.二" and q.metric.col != "商业企业"


@pytest.mark.parametrize(("text", "lead"), [
    ("那件办结了没有？", "是，已全部办结（结转下年度继续办理0件）。"),
    ("都办完了吗", "是，已全部办完（结转下年度继续办理0件）。"),
    ("是否都已答复？", "是，已全部答复（结转下年度继续办理0件）。"),
    ("这些申请有没有办结", "是，已全部办结（结转下年度继续办理0件）。"),
])
def test_a_done_question_on_applications_leads_with_what_was_carried_over(ask, text: str, lead: str) -> None:
    chat = Conversation()
    ask(f"{ALIAS}2024年收到几件政府信息公开申请？", chat)
    a = ask(text, chat)
    assert a.found and a.route == "table" and a.text.startswith(lead), a.text
    assert any(s.row == "四" for s in a.sources)


def test_a_count_question_has_no_done_lead(ask) -> None:
    a = ask(f"{ALIAS}2024年收到几件政府信息公开申请？")
    assert a.found and a.text.startswith("根据") and not any(s.row == "四" for s in a.sources)
