"""A rate of another kind of information than 表三's applications (部门预决算的公开率, 重大决策公开比例, 行政处罚信息
公示率, 政策解读率) is stated in the prose: quoted, never the 公开率 indicator computed from 表三. The applications'
公开率 stays computed. Real SQLite; every report, sentence and number here is our own."""

from __future__ import annotations

from pathlib import Path

import pytest

from govqa.core.types import Cell
from govqa.qa.answer import answer_question
from govqa.qa.indicators import find_indicators
from govqa.qa.understand import find_metric
from tests.qa.conftest import FakeRetriever, sentence_chunks, years_store

AGENCY, SHORT = "青梧县财政局", "财政局"
TEXTS = {2022: ("一、总体情况2022年，本局主动公开政府信息88条。"
                "全县部门预决算信息在县政府门户网站集中公开，公开率达98.5%。"
                "重大行政决策事项公开比例为100%。行政处罚信息公示率为97%。"
                "全年收到政府信息公开申请4件。\n")}
CELLS = {2022: (Cell("申请", "一", "总计", 4.0, "4"), Cell("申请", "三.一", "总计", 1.0, "1"),
                Cell("申请", "三.二", "总计", 1.0, "1"), Cell("申请", "三.七", "总计", 4.0, "4"),
                Cell("申请", "四", "总计", 0.0, "0"))}


@pytest.fixture
def ask(tmp_path: Path, settings):
    store = years_store(tmp_path / "rates.db", agency=AGENCY, short=SHORT, alias="青梧财政局", texts=TEXTS,
                        cells=CELLS, prefix="r")
    chunks = sentence_chunks(TEXTS, agency=AGENCY, short=SHORT, prefix="r")

    def _ask(text: str):
        return answer_question(text, store=store, retriever=FakeRetriever(chunks), conversation=None,
                               settings=settings)
    return _ask


@pytest.mark.parametrize("text", [
    "青梧县财政局2022年部门预决算信息公开率为多少？", "财政局2022年预决算公开率多少", "财政局2022年部门预决算的公开比例是多少",
    "青梧县财政局2022年预决算信息公开率有多高", "财政局2022年部门预算决算信息的公开率",
])
def test_a_rate_of_other_information_is_quoted(ask, text: str) -> None:
    a = ask(text)
    assert a.found and a.route == "retrieval" and "98.5%" in a.text, a.text
    assert "予以公开" not in a.text and "办理结果总计" not in a.text


@pytest.mark.parametrize(("text", "said"), [("财政局2022年重大决策的公开比例", "100%"),
                                            ("财政局2022年行政处罚信息的公示率是多少", "97%")])
def test_other_subjects_quote_their_own_rate(ask, text: str, said: str) -> None:
    a = ask(text)
    assert a.found and said in a.text and "办理结果总计" not in a.text, a.text


@pytest.mark.parametrize("text", ["财政局2022年的公开率是多少", "财政局2022年申请的公开率", "财政局2022年依申请公开的公开率是多少",
                                  "财政局2022年政府信息公开申请的公开率"])
def test_the_applications_rate_stays_computed(ask, text: str) -> None:
    a = ask(text)
    assert a.found and a.value == 50.0 and "办理结果总计" in a.text, a.text


@pytest.mark.parametrize("text", ["部门预决算信息公开率", "重大决策公开比例", "行政处罚信息公示率", "政策解读率是多少",
                                  "规范性文件的公开率"])
def test_other_subject_rates_are_no_indicator_nor_cell(text: str) -> None:
    assert find_indicators(text) == [] and find_metric(text) is None


@pytest.mark.parametrize(("text", "lead"), [
    ("财政局2022年部门预决算信息公开率达到100%了吗", "不是，公开率达98.5%。"),
    ("财政局2022年预决算信息公开率达到95%了没有", "是，公开率达98.5%。"),
    ("财政局2022年部门预决算信息公开率是不是98.5%", "是，公开率达98.5%。"),
])
def test_a_rate_asked_with_its_value_leads_yes_or_no(ask, text: str, lead: str) -> None:
    a = ask(text)
    assert a.found and a.text.startswith(lead), a.text


@pytest.mark.parametrize(("question", "quote", "lead"), [
    ("办结率是100%吗", "全年办结率100%，群众满意。", "是，办结率100%。"),
    ("满意率达到90%了吗", "群众满意率为86%。", "不是，满意率为86%。"),
    ("办结率多少", "全年办结率100%。", ""),  # no value asked: no yes/no
])
def test_rate_lead(question: str, quote: str, lead: str) -> None:
    from govqa.qa.compose.quotes import rate_lead

    assert rate_lead(question, quote) == lead
