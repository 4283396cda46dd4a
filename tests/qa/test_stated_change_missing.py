"""A change asked against a year the store lacks, through the whole answer path: the held report's own clause is
quoted whether the wording reads as a table comparison (比2020年高了多少), a change against 上年 / 同比 that names no
year, or a follow-up; a clause in another unit (上升…个百分点 for 多了几件) is no answer and the comparison is refused
as before. Real SQLite; every report, sentence and number here is our own."""

from __future__ import annotations

from pathlib import Path

import pytest

from govqa.core.types import Cell
from govqa.qa.answer import answer_question
from govqa.qa.conversation import Conversation
from govqa.qa.stated_change import stated_change
from tests.qa.conftest import FakeRetriever, sentence_chunks, years_store

AGENCY, SHORT = "青川县商务局", "商务局"
TEXTS = {2021: ("一、总体情况\n2021年，本局共制发政府信息150条，其中主动公开90条、依申请公开30条，主动公开和依申请公开"
                "信息占制发信息总数的80%，较2020年上升4.2个百分点。全年收到政府信息公开申请6件。\n")}
CELLS = {2021: (Cell("申请", "一", "总计", 6.0, "6"), Cell("申请", "三.七", "总计", 6.0, "6"),
                Cell("申请", "四", "总计", 0.0, "0"))}


@pytest.fixture
def ask(tmp_path: Path, settings):
    store = years_store(tmp_path / "stated.db", agency=AGENCY, short=SHORT, alias="青川商务局", texts=TEXTS,
                        cells=CELLS, prefix="s")
    chunks = sentence_chunks(TEXTS, agency=AGENCY, short=SHORT, prefix="s")

    def _ask(text: str, chat: Conversation | None = None):
        return answer_question(text, store=store, retriever=FakeRetriever(chunks), conversation=chat,
                               settings=settings)
    return _ask


@pytest.mark.parametrize("text", [
    "商务局2021年主动公开加上依申请公开的信息占比，较2020年涨了几个点？",
    "青川县商务局2021年主动公开和依申请公开信息的占比较上年提高了几个百分点",
    "商务局2021年主动和依申请公开信息所占比例同比增加了多少",
    "商务局2021年主动公开跟依申请公开的信息占制发总数的比例比去年高了多少",
    "商务局2021年主动公开和依申请公开的比重与2020年相比上升了多少",
])
def test_the_held_report_states_the_change(ask, text: str) -> None:
    a = ask(text)
    assert a.found and "4.2个百分点" in a.text, a.text
    assert TEXTS[2021][a.sources[0].start:a.sources[0].end].strip() == a.sources[0].text


@pytest.mark.parametrize("text", ["商务局2021年收到的申请比2020年多了几件", "商务局2021年收到的申请比上年多了几件"])
def test_a_clause_in_another_unit_is_no_answer(ask, text: str) -> None:
    a = ask(text)
    assert not a.found and a.reason == "no-year" and "百分点" not in a.text, a.text


def test_the_unit_asked_must_be_the_clause_s() -> None:
    words = {"申请": 2.0, "依申请◇◇": 5.0}
    assert stated_change(TEXTS[2021], lacking=(2020,), year=2021, words=words, unit="件") is None
    assert stated_change(TEXTS[2021], lacking=(2020,), year=2021, words=words, unit="百分点") is not None


@pytest.mark.parametrize("follow_up", ["比上年提高了多少？", "和2020年比呢？", "同比呢", "较去年上升了几个百分点", "跟2020年比涨了多少"])
def test_a_follow_up_on_a_prose_share(ask, follow_up: str) -> None:
    chat = Conversation()
    first = ask("商务局2021年主动公开和依申请公开的信息占制发信息总数的比例是多少？", chat)
    assert first.found and "80%" in first.text
    a = ask(follow_up, chat)
    assert a.found and "4.2个百分点" in a.text, a.text
