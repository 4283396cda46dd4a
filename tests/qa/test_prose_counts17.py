"""Counts the prose states and no table holds (人大代表建议、政协委员提案办理结果, 新闻发布会, 政策解读, 培训), and the
yes/no follow-ups after a count of applications (收费了吗, 都按期答复了吗): the report's own sentence, quoted, never a 表三
cell; a phrase of the question's topic (政协委员, 代表建议) is no agency. Real SQLite; every report, sentence and number
here is our own."""

from __future__ import annotations

from pathlib import Path

import pytest

from govqa.core.types import Cell
from govqa.qa.answer import answer_question
from govqa.qa.catalog import Catalog
from govqa.qa.conversation import Conversation
from govqa.qa.understand import understand
from tests.qa.conftest import FakeRetriever, sentence_chunks, years_store

AGENCY, SHORT = "东岚省工业和信息化厅", "工业和信息化厅"
TEXTS = {2021: ("一、总体情况\n2021年，厅门户网站更新各类信息2100余条。通过政务新媒体发布信息1500篇。"
                "公开人大代表建议、政协委员提案办理结果16件。全年举办新闻发布会5场。发布政策解读材料12篇。"
                "组织政务公开业务培训3次，参训人员180人次。全年收到政府信息公开申请4件，均在法定期限内答复。"
                "本机关依申请提供信息，未收取任何费用。答复申请时统一出具规范的告知书等文书，载明救济途径。\n")}
CELLS = {2021: (Cell("申请", "一", "总计", 4.0, "4"), Cell("申请", "三.七", "总计", 4.0, "4"),
                Cell("申请", "四", "总计", 0.0, "0"))}


@pytest.fixture
def ask(tmp_path: Path, settings):
    store = years_store(tmp_path / "counts.db", agency=AGENCY, short=SHORT, alias="东岚工信厅", texts=TEXTS,
                        cells=CELLS, prefix="c")
    chunks = sentence_chunks(TEXTS, agency=AGENCY, short=SHORT, prefix="c")

    def _ask(text: str, chat: Conversation | None = None):
        return answer_question(text, store=store, retriever=FakeRetriever(chunks), conversation=chat,
                               settings=settings)
    return _ask


@pytest.mark.parametrize(("text", "said"), [
    ("东岚工信厅2021年人大代表建议、政协委员提案的办理结果公开了多少件？", "16件"),
    ("东岚工信厅2021年人大建议和政协提案的办理结果公开了几件", "16件"),
    ("2021年东岚工信厅公开政协委员提案办理结果多少件", "16件"),
    ("东岚工信厅2021年建议提案办理结果公开了多少", "16件"),
    ("东岚工信厅2021年开了几场新闻发布会？", "5场"),
    ("东岚工信厅2021年举办新闻发布会多少次", "5场"),
    ("东岚工信厅2021年发布了多少篇政策解读", "12篇"),
    ("东岚工信厅2021年政策解读材料发了几篇？", "12篇"),
    ("东岚工信厅2021年组织了几次政务公开培训", "3次"),
    ("东岚工信厅2021年培训了多少人次", "180人次"),
    ("东岚工信厅2021年政务新媒体发布信息多少篇", "1500篇"),
])
def test_a_prose_count_is_quoted(ask, text: str, said: str) -> None:
    a = ask(text)
    assert a.found and said in a.text, a.text
    assert a.reason is None and "表三" not in a.text


@pytest.mark.parametrize(("follow_up", "lead"), [
    ("都按期答复了吗？", "是，均在法定期限内答复。"),
    ("有没有超期的？", "没有，均在法定期限内答复。"),
])
def test_yes_no_follow_ups_after_a_count(ask, follow_up: str, lead: str) -> None:
    chat = Conversation()
    assert ask("东岚工信厅2021年收到几件信息公开申请？", chat).value == 4
    a = ask(follow_up, chat)
    assert a.found and a.text.startswith(lead), a.text


@pytest.mark.parametrize("follow_up", ["收费了吗？", "收没收钱", "要交费吗"])
def test_fee_follow_up_after_a_count(ask, follow_up: str) -> None:
    chat = Conversation()
    ask("东岚工信厅2021年收到几件信息公开申请？", chat)
    a = ask(follow_up, chat)
    assert a.found and "未收取任何费用" in a.text and a.text.startswith(("没有收取", "不收费")), a.text


@pytest.mark.parametrize(("text", "said"), [
    ("东岚工信厅2021年政协委员的提案办理结果公开了几件", "16件"),
    ("东岚工信厅2021年人大代表的建议办理结果公开多少件？", "16件"),
    ("东岚工信厅2021年代表建议委员提案的办理结果公开了多少件", "16件"),
    ("东岚工信厅2021年两会建议提案办理结果公开情况", "16件"),
    ("东岚工信厅2021年新闻发布会开了几次", "5场"),
    ("东岚工信厅2021年搞了几回业务培训", "3次"),
    ("东岚工信厅2021年参加培训的有多少人次", "180人次"),
    ("东岚工信厅2021年门户网站更新了多少条信息", "2100余条"),
])
def test_more_wordings_of_a_prose_count(ask, text: str, said: str) -> None:
    a = ask(text)
    assert a.found and said in a.text, a.text


@pytest.mark.parametrize("follow_up", ["那新闻发布会呢？", "新闻发布会开了几场？", "那政策解读呢"])
def test_a_count_follow_up_on_another_activity(ask, follow_up: str) -> None:
    chat = Conversation()
    assert "16件" in ask("东岚工信厅2021年公开了多少件建议提案办理结果？", chat).text
    a = ask(follow_up, chat)
    assert a.found and ("5场" in a.text or "12篇" in a.text), a.text


@pytest.mark.parametrize(("first", "then", "said"), [
    ("东岚工信厅2021年收到几件信息公开申请？", "收钱了没有", "未收取任何费用"),
    ("东岚工信厅2021年收到几件信息公开申请？", "答复得及时不及时", "均在法定期限内答复"),
    ("东岚工信厅2021年开了几场新闻发布会？", "培训呢？", "培训3次"),
    ("东岚工信厅2021年开了几场新闻发布会？", "解读材料发了多少篇", "12篇"),
])
def test_follow_ups_on_the_same_report(ask, first: str, then: str, said: str) -> None:
    chat = Conversation()
    assert ask(first, chat).found
    a = ask(then, chat)
    assert a.found and said in a.text and "表三" not in a.text, a.text


@pytest.mark.parametrize("then", ["他们答复申请时会出具哪种文书？", "答复时给申请人出具什么样的文书", "答复用的是什么文书",
                                  "答复申请出具哪种告知书", "答复的时候开的什么文书"])
def test_what_document_is_no_cell(ask, then: str) -> None:
    """出具什么文书 after a count: the prose names the document; no 表三 total answers it."""
    chat = Conversation()
    ask("东岚工信厅2021年收到几件信息公开申请？", chat)
    a = ask(then, chat)
    assert a.route != "table" and "表三" not in a.text and a.value is None, a.text  # a kind of document, not a count
    assert understand(then, catalog=Catalog.from_rows([(AGENCY, SHORT, (), (2021,))])).metric is None
