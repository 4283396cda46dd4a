"""Round-10 follow-up kinds: a 其中… follow-up that names only an applicant column (其中个人申请的 / 那企业的呢) keeps
the 申请 row asked before; how 复议 / 诉讼 cases ended (结果怎么样, 最后怎么判的, 赢了没有, 被纠正了吗) is answered by each
asked group's outcome columns of 表四 and the prose sentence that says how they ended. Real SQLite (the hand-typed
seed cells of tests/qa/conftest.py); every wording and passage here is our own."""

from __future__ import annotations

import pytest

from govqa.core.types import Metric
from govqa.qa import case_outcome
from govqa.qa.answer import answer_question
from govqa.qa.catalog import Catalog
from govqa.qa.conversation import Conversation
from govqa.qa.plan import routes_of
from govqa.qa.table_query import find_reports
from govqa.qa.understand import understand

ROWS = [
    ("吴忠市红寺堡区人民政府", "红寺堡区", (), (2019, 2020)),
    ("宁夏回族自治区人民政府办公厅", "自治区人民政府办公厅", ("自治区政府办公厅",), (2020,)),
]
QU = "自治区政府办公厅"


@pytest.fixture
def catalog() -> Catalog:
    return Catalog.from_rows(ROWS)


@pytest.fixture
def ask(mini_store, settings):
    def _ask(text: str, conversation: Conversation | None = None):
        return answer_question(text, store=mini_store, retriever=None, conversation=conversation, settings=settings)
    return _ask


# ---- kind 1: 其中 + an applicant column keeps the row asked before ----------------------------------------

@pytest.mark.parametrize(("text", "col"), [
    ("其中个人申请的有几件？", "自然人"),
    ("其中个人申请的有多少", "自然人"),
    ("其中个人提出申请的有几件", "自然人"),
    ("这里面企业申请的有几件", "商业企业"),
    ("其中企业的呢", "商业企业"),
    ("那法人呢", "法人或其他组织"),
    ("这些申请里公益组织提的有几件？", "社会公益组织"),
    ("其中律师事务所申请了几件", "法律服务机构"),
    ("当中老百姓申请的呢", "自然人"),
    ("这当中公司申请的多少件", "商业企业"),
])
@pytest.mark.parametrize("first,row", [
    ("红寺堡区2020年予以公开的申请有几件？", "三.一"),
    ("红寺堡区2020年部分公开的有多少件", "三.二"),
    ("红寺堡区2020年有多少申请不予公开？", "三.三"),
])
def test_a_column_follow_up_keeps_the_row_asked_before(catalog, text, col, first, row) -> None:
    context = understand(first, catalog=catalog)
    assert context.metric is not None and context.metric.row == row
    q = understand(text, catalog=catalog, context=context)
    assert q.metric == Metric("申请", row, col), text
    assert q.agencies == ("吴忠市红寺堡区人民政府",) and q.years == (2020,)


@pytest.mark.parametrize(("text", "row"), [
    ("新收的申请中个人的有几件？", "一"),  # names the row of new applications itself
    ("其中因为涉密不予公开的有几件", "三.三.1"),  # names a row of its own
])
def test_a_follow_up_that_names_a_row_asks_that_row(catalog, text, row) -> None:
    context = understand("红寺堡区2020年有多少申请不予公开？", catalog=catalog)
    q = understand(text, catalog=catalog, context=context)
    assert q.metric is not None and q.metric.row == row


def test_a_full_question_in_a_chat_asks_its_own_row(catalog) -> None:
    context = understand("红寺堡区2020年予以公开的申请有几件？", catalog=catalog)
    q = understand("红寺堡区2019年个人申请的有几件？", catalog=catalog, context=context)
    assert q.metric == Metric("申请", "一", "自然人")


def test_the_column_follow_up_answers_the_row_cell(ask) -> None:
    chat = Conversation()
    ask(f"{QU}2020年部分公开的申请有几件？", chat)
    people = ask("其中个人申请的有几件？", chat)
    assert people.found and people.value == 2  # 三.二 自然人, not 一 自然人 (4441)
    assert people.sources[0].row == "三.二" and people.sources[0].col == "自然人"
    firms = ask("那企业的呢", chat)
    assert firms.value == 1 and firms.sources[0].row == "三.二"


# ---- kind 2: how 复议 / 诉讼 cases ended ----------------------------------------------------------------------

@pytest.mark.parametrize(("text", "groups"), [
    ("复议和官司最后结果怎么样", ("复议", "诉讼")),
    ("行政诉讼和行政复议结果如何", ("诉讼", "复议")),
    ("复议后起诉的案子最后怎么判的", ("复议后诉",)),
    ("未经复议直接起诉的结局呢", ("直诉",)),
    ("打官司赢了没有", ("诉讼",)),
    ("最后结果怎么样", ("复议",)),
])
def test_the_groups_asked(text, groups) -> None:
    assert case_outcome.asked_groups(text, "复议") == groups


@pytest.mark.parametrize("text", [
    "红寺堡区2020年行政复议最后结果怎么样？",
    "红寺堡区2020年的行政诉讼最后怎么判的",
    "红寺堡区2020年打官司赢了没有",
    "红寺堡区2020年行政复议被纠正了吗",
    "红寺堡区2020年复议和诉讼的结局如何？",
    "红寺堡区2020年的官司输了吗",
    "红寺堡区2020年被起诉的案子后来怎么处理的",
    "红寺堡区2020年行政复议的结果是什么",
    "红寺堡区2020年行政复议被纠正过吗",
    "红寺堡区2020年行政复议案件办得怎么样",
    "红寺堡区2020年复议和诉讼都是什么结果",
    "红寺堡区2020年的行政复议后来怎么样了",
    "红寺堡区2020年行政诉讼判了没有",
    "红寺堡区2020年被告上法院的结果如何",
])
def test_an_outcome_question_takes_the_outcome_route(catalog, text) -> None:
    q = understand(text, catalog=catalog)
    assert case_outcome.recognise(q), q
    assert routes_of(q, [("吴忠市红寺堡区人民政府", 2020)])[-2:] == ("outcome", "table")


@pytest.mark.parametrize("text", [
    "红寺堡区2020年结果维持的行政复议有几件？",
    "红寺堡区2020年行政复议有几件",
    "红寺堡区2020年行政诉讼尚未审结的有多少",
])
def test_a_count_of_cases_is_no_outcome_question(catalog, text) -> None:
    assert not case_outcome.recognise(understand(text, catalog=catalog))


def test_both_groups_are_answered_with_their_outcome_columns(ask) -> None:
    answer = ask(f"{QU}2020年的行政复议和行政诉讼最后结果怎么样？")
    assert answer.found and answer.route == "table"
    assert "行政复议530件（结果维持530件，结果纠正0件，其他结果0件，尚未审结0件）" in answer.text
    assert "行政诉讼13件（结果维持13件，结果纠正0件，其他结果0件，尚未审结0件）" in answer.text
    assert {s.col for s in answer.sources} >= {"复议.维持", "直诉.维持", "复议后诉.维持", "复议.未审结"}


def test_an_outcome_follow_up_after_a_question_on_applications(ask) -> None:
    chat = Conversation()
    ask(f"{QU}2020年收到多少申请？", chat)
    answer = ask("因为这些申请引起的复议和官司，最后结果怎么样？", chat)
    assert answer.found and "行政复议530件" in answer.text and "行政诉讼13件" in answer.text
    answer = ask("最后怎么判的？", chat)  # after the outcome answer: the same cases
    assert answer.found and "结果维持" in answer.text


PROSE = ("一、总体情况\n全年收到申请9件。因依申请公开引发行政复议2起、行政诉讼1起，复议均维持原答复，诉讼经法院裁定驳回起诉。"
         "\n四、政府信息公开行政复议、行政诉讼情况\n结果维持\t结果纠正\n2\t0\n")


def test_the_prose_on_how_cases_ended_is_quoted_beside_the_table(mini_store, catalog) -> None:
    q = understand("红寺堡区2020年的复议和官司，最后结果怎么样？", catalog=catalog)
    refs = find_reports(mini_store, agencies=["吴忠市红寺堡区人民政府"], years=[2020])
    answer = case_outcome.outcome_answer(q, store=mini_store, refs=refs, report_text=lambda _id: PROSE)
    assert answer is not None and answer.found
    assert "行政复议0件（结果维持0件" in answer.text and "行政诉讼0件" in answer.text
    assert "报告正文" in answer.text and "驳回起诉" in answer.text
    passage = next(s for s in answer.sources if s.table is None)
    assert passage.start is not None and PROSE[passage.start:passage.end].startswith("因依申请公开")
    assert passage.section == "总体情况"


def test_no_outcome_answer_without_table_or_prose(mini_store, catalog) -> None:
    q = understand("红寺堡区2020年的复议最后结果怎么样？", catalog=catalog)
    refs = find_reports(mini_store, agencies=["吴忠市红寺堡区人民政府"], years=[2019])  # not stored
    assert case_outcome.outcome_answer(q, store=mini_store, refs=refs, report_text=lambda _id: "") is None


def test_a_follow_up_after_an_outcome_asks_the_outcome_of_the_cases_it_names(catalog) -> None:
    first = understand("红寺堡区2020年行政复议最后结果怎么样？", catalog=catalog)
    assert first.intent == "outcome"
    suits = understand("那诉讼呢", catalog=catalog, context=first)
    assert suits.intent == "outcome" and suits.metric is not None and suits.metric.col == "诉讼.总计"
    year = understand("那2019年呢", catalog=catalog, context=first)
    assert year.intent == "outcome" and year.years == (2019,)
    count = understand("其中维持的有几件", catalog=catalog, context=suits)
    assert count.intent == "value" and count.metric is not None and count.metric.col == "诉讼.维持"
    other = understand("那予以公开的申请呢", catalog=catalog, context=first)
    assert other.intent != "outcome"


def test_the_outcome_chain_is_answered_from_the_table(ask) -> None:
    chat = Conversation()
    ask(f"{QU}2020年行政复议最后结果怎么样？", chat)
    suits = ask("那诉讼呢", chat)
    assert suits.found and "行政诉讼13件（结果维持13件" in suits.text and "行政复议" not in suits.text
    count = ask("其中结果纠正的有几件？", chat)
    assert count.found and count.value == 0 and {s.col for s in count.sources} == {"直诉.纠正", "复议后诉.纠正"}


def test_over_several_reports_the_ones_without_cases_are_named_together(ask) -> None:
    answer = ask("宁夏各机关2020年的行政复议最后结果怎么样？")
    assert answer.found and "行政复议530件（结果维持530件" in answer.text
    assert "另有" in answer.text and "红寺堡区2020年" in answer.text and "镇北堡镇2020年" in answer.text
    assert answer.text.endswith("的报告表四中行政复议均为0件。")
