"""Two prose asks in one turn (多久报一次？送到哪里？ / 办了几期培训，讲了什么): when no one sentence answers both, each
ask is answered with its own quote and source and the answers joined; an ask the report does not answer says so for
itself only. Turns that are one question (其中… / 占比 / 比上年 / …呢？) are never split. Real SQLite; every report,
sentence and number here is our own."""

from __future__ import annotations

from pathlib import Path

import pytest

from govqa.qa.answer import answer_question
from govqa.qa.conversation import Conversation
from govqa.qa.two_asks import split_asks
from tests.qa.conftest import FakeRetriever, sentence_chunks, years_store

AGENCY, SHORT = "青梧县水务局", "水务局"
TEXTS = {
    2022: ("一、总体情况2022年，本局主动公开政府信息52条。本局坚持按月编报政务信息报告。"
           "公开的规范性文件及时送交县档案馆和县图书馆备查。\n"
           "全年举办政务公开业务培训4期。培训内容涵盖条例解读、申请办理流程和保密审查要点。\n"),
}


@pytest.fixture
def ask(tmp_path: Path, settings):
    store = years_store(tmp_path / "two.db", agency=AGENCY, short=SHORT, alias="青梧水务局", texts=TEXTS,
                        cells={}, prefix="w")
    chunks = sentence_chunks(TEXTS, agency=AGENCY, short=SHORT, prefix="w")

    def _ask(text: str, chat: Conversation | None = None):
        return answer_question(text, store=store, retriever=FakeRetriever(chunks), conversation=chat,
                               settings=settings)
    return _ask


def _cites(answer, *phrases: str) -> None:
    assert answer.found, answer.text
    for phrase in phrases:
        assert phrase in answer.text, (phrase, answer.text)
        assert any(phrase in s.text for s in answer.sources), phrase
    for s in answer.sources:
        assert TEXTS[2022][s.start:s.end] == s.text


@pytest.mark.parametrize("text", [
    "水务局2022年多久编报一次政务信息报告？规范性文件送交到哪里？",
    "水务局2022年政务信息报告多长时间编报一次，规范性文件送到哪些地方？",
    "青梧县水务局2022年的政务信息报告多久报一次；另外规范性文件送交哪里备查？",
    "水务局2022年政务信息报告隔多久编报一次？还有规范性文件送交了什么地方？",
    "水务局2022年政务信息报告多久编报一次以及规范性文件送交到哪里",
])
def test_frequency_and_place_each_quoted(ask, text: str) -> None:
    _cites(ask(text), "按月", "档案馆")


@pytest.mark.parametrize("text", [
    "水务局2022年举办了几期业务培训？培训内容是什么？",
    "水务局2022年办了几期政务公开培训，培训内容都涵盖了什么？",
    "水务局2022年政务公开业务培训搞了几期？以及培训内容涵盖哪些？",
])
def test_count_and_content_each_quoted(ask, text: str) -> None:
    a = ask(text)
    _cites(a, "4期", "保密审查")
    assert a.value == 4


def test_an_unanswered_ask_is_said_for_itself(ask) -> None:
    a = ask("水务局2022年多久编报一次政务信息报告？局里的无人机有几架？")
    _cites(a, "按月")
    assert "无人机有几架" in a.text and "没有找到" in a.text


def test_nothing_found_stays_a_refusal(ask) -> None:
    a = ask("水务局2022年无人机有几架？游泳池在哪里？")
    assert not a.found and a.reason == "no-data"


def test_the_chat_goes_on_from_the_asks(ask) -> None:
    chat = Conversation()
    ask("水务局2022年多久编报一次政务信息报告？规范性文件送交到哪里？", chat)
    assert chat.turns and chat.turns[-1][0].agencies == (AGENCY,)


@pytest.mark.parametrize("text", [
    "某局2021年多久报送一次信息？公开事项送到哪里？",
    "某局开展了几次培训？主要内容是什么？",
    "某局办了几期培训，都讲了什么内容",
    "某局多久报送一次以及报送到哪里",
    "某局举办了几期培训还有讲了哪些内容",
])
def test_two_independent_asks_split(text: str) -> None:
    parts = split_asks(text)
    assert parts is not None and len(parts) == 2


@pytest.mark.parametrize("text", [
    "某局收到多少申请？其中网上申请多少？",  # a part of the first figure
    "行政许可多少个？行政强制呢？",  # elliptic tail (qa/elliptic.py)
    "某局2021年一共收到几件申请？比上年多几件？",  # the first figure against another year
    "某局收到多少申请？公开率是多少？",  # a rate built on the first figure
    "某局予以公开多少件，占总数的比例是多少？",
    "某局收到多少申请？加起来一共多少？",
    "某局2022年公开了多少条信息",  # one ask
    "某局政务公开培训的主要内容是什么？",
    "某局开通了哪些栏目以及各发布了多少条",  # each of the first one's things
    "哪个局收到的申请最多，有多少件？",  # a comparison
    "某局和某委谁收到的申请多？多几件？",
    "某局有没有被人申请行政复议？一共几件？",  # a yes/no ask and its count
    "某局这几年有没有被起诉？每年几起？",  # the years one by one
    "某局快检抽检了多少批次，不合格的有多少？",  # a part of the first one's things
    "行政许可以及行政处罚各多少",
    "某局的电话是多少，地址在哪？",  # contact fields: the contact route reads them together
    "某局年报最后写的联系人是谁？电话是多少？",  # the number beside that name
    "某局的联系人是谁以及电话多少",
    "某局电话多少？还有办公地址在哪里？",
])
def test_one_question_is_not_split(text: str) -> None:
    assert split_asks(text) is None


def test_one_sentence_answering_both_is_quoted_once(tmp_path: Path, settings) -> None:
    texts = {2022: "一、总体情况2022年，本局按季度编报政务信息报告，并将规范性文件送交县档案馆备查。\n"}
    store = years_store(tmp_path / "one.db", agency=AGENCY, short=SHORT, alias="青梧水务局", texts=texts,
                        cells={}, prefix="v")
    chunks = sentence_chunks(texts, agency=AGENCY, short=SHORT, prefix="v")
    a = answer_question("水务局2022年多久编报一次政务信息报告？规范性文件送交到哪里？", store=store,
                        retriever=FakeRetriever(chunks), conversation=None, settings=settings)
    assert a.found and a.text.count("按季度编报") == 1, a.text


@pytest.mark.parametrize("text", ["水务局2022年多久做一次信息报告？", "水务局2022年信息报告隔多久做一次",
                                  "水务局2022年的信息报告多长时间报一次", "水务局2022年多久报一次信息报告"])
def test_how_often_of_weak_words(ask, text: str) -> None:
    """多久…一次 whose topic is all weak words (信息, 报告): those words find the sentence (qa/extract.py)."""
    _cites(ask(text), "按月")
