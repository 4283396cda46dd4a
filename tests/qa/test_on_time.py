"""Whether things were done on time (都按期答复了吗 / 有没有超期的 / 答复及时吗): no table cell says when, so the
report's own sentence answers with a yes/no lead in its words (是，全部按期答复。 / 没有，…). A report that says some
were late leads with that. Real SQLite; every report, sentence and number here is our own."""

from __future__ import annotations

from pathlib import Path

import pytest

from govqa.core.types import Cell
from govqa.qa.answer import answer_question
from govqa.qa.conversation import Conversation
from govqa.qa.understand import find_metric
from tests.qa.conftest import FakeRetriever, sentence_chunks, years_store

AGENCY, SHORT = "青梧县林业局", "林业局"
TEXTS = {
    2022: ("一、总体情况2022年，本局主动公开政府信息64条。本局及时回应社会关切。"
           "全年共受理政府信息公开申请5件，均在法定期限内予以答复。\n"
           "二、其他需要报告的事项本机关依申请提供政府信息，不收取费用。\n"),
    2023: ("一、总体情况2023年，本局主动公开政府信息70条。全年受理政府信息公开申请9件，"
           "因材料调取耗时较长，逾期答复2件。\n"),
}
CELLS = {2022: (Cell("申请", "一", "总计", 5.0, "5"), Cell("申请", "三.七", "总计", 5.0, "5"),
                Cell("申请", "四", "总计", 0.0, "0")),
         2023: (Cell("申请", "一", "总计", 9.0, "9"), Cell("申请", "三.七", "总计", 9.0, "9"),
                Cell("申请", "四", "总计", 0.0, "0"))}


@pytest.fixture
def ask(tmp_path: Path, settings):
    store = years_store(tmp_path / "ontime.db", agency=AGENCY, short=SHORT, alias="青梧林业局", texts=TEXTS,
                        cells=CELLS, prefix="t")
    chunks = sentence_chunks(TEXTS, agency=AGENCY, short=SHORT, prefix="t")

    def _ask(text: str, chat: Conversation | None = None):
        return answer_question(text, store=store, retriever=FakeRetriever(chunks), conversation=chat,
                               settings=settings)
    return _ask


ON_TIME = ["都按期答复了吗？", "是不是都按时答复的", "答复及时吗", "都在法定期限内办结了吗", "有没有按期办结",
           "申请都如期回复了没有", "办理得及时吗？"]
LATE = ["有没有超期答复的？", "有超期的吗", "有没有逾期的情况", "有没有拖延的", "是否存在超过法定期限答复的"]


@pytest.mark.parametrize("text", ON_TIME)
def test_on_time_follow_up_leads_yes_with_the_sentence(ask, text: str) -> None:
    chat = Conversation()
    assert ask("林业局2022年收到几件信息公开申请？", chat).value == 5
    a = ask(text, chat)
    assert a.found and a.text.startswith("是，均在法定期限内予以答复。"), a.text
    assert any("均在法定期限内予以答复" in s.text for s in a.sources)
    assert "结转" not in a.text  # 表三's carry-over says what was answered, not when


@pytest.mark.parametrize("text", LATE)
def test_late_follow_up_leads_no(ask, text: str) -> None:
    chat = Conversation()
    ask("林业局2022年收到几件信息公开申请？", chat)
    a = ask(text, chat)
    assert a.found and a.text.startswith("没有，均在法定期限内予以答复。"), a.text


@pytest.mark.parametrize(("text", "lead"), [("青梧县林业局2023年的申请都按期答复了吗", "没有全部按期，逾期答复2件。"),
                                            ("林业局2023年有没有逾期答复的申请", "有，逾期答复2件。")])
def test_a_report_saying_some_were_late(ask, text: str, lead: str) -> None:
    a = ask(text)
    assert a.found and a.text.startswith(lead), a.text


@pytest.mark.parametrize("text", ["申请都按期答复了吗", "超期答复的申请有几件", "申请答复得及时吗"])
def test_when_is_no_table_cell(text: str) -> None:
    assert find_metric(text) is None


@pytest.mark.parametrize("text", ["办结了几件申请", "答复了多少申请", "收到多少申请"])
def test_counts_stay_table_cells(text: str) -> None:
    assert find_metric(text) is not None


def test_done_follow_up_still_reads_the_carry_over(ask) -> None:
    chat = Conversation()
    ask("林业局2022年收到几件信息公开申请？", chat)
    a = ask("都办结了吗？", chat)
    assert a.found and a.text.startswith("是，已全部办结（结转下年度继续办理0件）"), a.text


@pytest.mark.parametrize(("question", "sentence", "lead"), [
    ("都按期答复了吗", "全年受理申请3件，均按时办结。", "是，均按时办结。"),
    ("答复及时吗", "对收到的申请，坚持在法定答复期限内予以答复。", "是，在法定答复期限内予以答复。"),
    ("有没有超期的", "全年未出现逾期答复情况。", "没有，未出现逾期。"),
    ("是不是都按时回复的", "受理申请7件，其中逾期答复1件。", "没有全部按期，逾期答复1件。"),
    ("都按期答复了吗", "全年受理申请7件。", ""),  # the sentence does not say when: no lead
])
def test_the_lead_is_the_sentence_s_own_words(question: str, sentence: str, lead: str) -> None:
    from govqa.qa.compose.quotes import on_time_lead

    assert on_time_lead(question, sentence) == lead
