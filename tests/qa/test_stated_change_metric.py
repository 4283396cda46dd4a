"""A change the report states against a year the store lacks is quoted only when the clause is about the metric
asked (占比提高了多少 is the share's clause, not the count's; 行政许可 is in neither: refused); the prose check does not
quote a passage again when the answer's sources already hold one. Texts and numbers are our own."""

from __future__ import annotations

import pytest

from govqa.core.types import Answer, Metric, Question, Source
from govqa.qa.arbiter import backed_by_prose, quotes_prose
from govqa.qa.catalog import Catalog
from govqa.qa.stated_change import asked_unit, stated_change_answer
from govqa.qa.table_query import ReportRef
from govqa.qa.understand import understand

AGENCY = "青川县财政局"
CATALOG = Catalog.from_rows([(AGENCY, "青川财政局", (), (2021,))])
REF = ReportRef(id="qc21", agency=AGENCY, short_name="青川财政局", year=2021)
TEXT = ("一、总体情况\n全年主动公开政府信息212条，比2020年增加35条。主动公开信息占全部制发信息的比例达88.5%，"
        "较2020年上升2.3个百分点。全年收到政府信息公开申请14件，较上年减少3件。\n")


def _said(question: str) -> str | None:
    q = understand(question, catalog=CATALOG)
    answer = stated_change_answer(q, [REF], lacking=(2020,), report_text=lambda _id: TEXT)
    return answer.sources[0].text if answer is not None else None


@pytest.mark.parametrize("question", [
    "青川财政局2021年主动公开信息的占比比2020年提高了多少？",
    "青川财政局2021年主动公开的比例较2020年上升了几个百分点",
    "青川财政局2021年主动公开信息占比跟2020年比变化多大",
])
def test_a_share_asked_quotes_the_share_clause(question: str) -> None:
    said = _said(question)
    assert said is not None and "2.3个百分点" in said, said


@pytest.mark.parametrize("question", [
    "青川财政局2021年主动公开的信息比2020年多了多少条？",
    "青川财政局2021年主动公开政府信息条数比2020年增加了多少",
])
def test_a_count_asked_quotes_the_count_clause(question: str) -> None:
    said = _said(question)
    assert said is not None and "增加35条" in said, said


@pytest.mark.parametrize("question", [
    "青川财政局2021年收到的申请比2020年少了多少件",
    "青川财政局2021年信息公开申请比2020年减少了几件？",
])
def test_applications_asked_quote_the_applications_clause(question: str) -> None:
    said = _said(question)
    assert said is not None and "减少3件" in said, said


@pytest.mark.parametrize("question", [
    "青川财政局2021年行政许可比2020年增加了多少项？",
    "青川财政局2021年行政复议比2020年多了几件",
    "青川财政局2021年的采购金额较2020年提高了多少",
])
def test_a_clause_on_another_figure_is_no_answer(question: str) -> None:
    assert _said(question) is None  # refused as before: a missing report is never a zero


def test_the_unit_asked() -> None:
    assert asked_unit("占比提高了多少") == "百分点"
    assert asked_unit("多了多少条") == "条"
    assert asked_unit("变化大吗") is None


def _cell_answer(*sources: Source) -> Answer:
    cell = Source(report="qc21", agency=AGENCY, year=2021, text="表三 一 总计 = 14", table="申请", row="一", col="总计")
    return Answer(question="q", text="根据…表三，2021年新收政府信息公开申请14件。", found=True, route="table", value=14.0,
                  unit="件", sources=(cell, *sources))


def test_an_answer_that_already_quotes_a_passage_is_not_backed_again() -> None:
    q = Question(text="青川财政局2021年收到的政府信息公开申请有几件？", agencies=(AGENCY,), years=(2021,),
                 metric=Metric("申请", "一", "总计"), intent="value")
    passage = Source(report="qc21", agency=AGENCY, year=2021, text="全年收到政府信息公开申请14件", start=90, end=104)
    quoted = _cell_answer(passage)  # whatever its wording says, its sources hold a passage
    assert quotes_prose(quoted) and not quotes_prose(_cell_answer())
    assert backed_by_prose(q, quoted, catalog=CATALOG, report_text=lambda _id: TEXT) is quoted
    backed = backed_by_prose(q, _cell_answer(), catalog=CATALOG, report_text=lambda _id: TEXT)
    assert any(s.table is None and "收到政府信息公开申请14件" in s.text for s in backed.sources)
    # an answer whose words happen to say 报告正文 but quotes nothing is still backed by the prose
    worded = _cell_answer()
    worded = Answer(question=worded.question, text=worded.text + "（报告正文另有说明）", found=True, route="table",
                    value=14.0, unit="件", sources=worded.sources)
    assert any(s.table is None for s in backed_by_prose(q, worded, catalog=CATALOG, report_text=lambda _id: TEXT).sources)


@pytest.mark.parametrize("follow_up", ["比2020年提高了多少？", "较2020年上升了几个百分点", "和2020年比变化了多少"])
def test_a_follow_up_on_a_share_quotes_the_share_clause(follow_up: str) -> None:
    from govqa.qa.stated_change import asks_change

    earlier = understand("青川财政局2021年主动公开信息占全部制发信息的比例是多少？", catalog=CATALOG)
    q = understand(follow_up, catalog=CATALOG, context=earlier)
    assert asks_change(q.text) and 2020 in q.years
    answer = stated_change_answer(q, [REF], lacking=(2020,), report_text=lambda _id: TEXT)
    assert answer is not None and "2.3个百分点" in answer.sources[0].text


@pytest.mark.parametrize("text", ["主动公开的比例是多少", "比2020年的报告多了哪些内容", "2020年有哪些措施"])
def test_no_change_asked(text: str) -> None:
    from govqa.qa.stated_change import asks_change

    assert not asks_change(text)
