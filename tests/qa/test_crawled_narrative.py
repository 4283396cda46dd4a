"""Narrative answers over a crawled one-line report (tests/fixtures/crawled): real SQLite store, real chunker, real
BM25; each answer quotes the passage that holds the fact, with offsets into the stored text."""

from __future__ import annotations

from pathlib import Path

import pytest

from govqa.core.types import Answer, ParsedReport, Report, TableResult
from govqa.index.bm25 import Bm25Index
from govqa.index.chunks import chunk_report
from govqa.index.normalize import normalize_text
from govqa.index.sections import split_sections
from govqa.index.store import Store
from govqa.qa.answer import answer_question
from govqa.qa.conversation import Conversation

CRAWLED = Path(__file__).resolve().parent.parent / "fixtures" / "crawled" / "one_line_report.txt"
AGENCY = "青川县示范区文化旅游局"


class Bm25Retriever:
    """The keyword half of the hybrid retriever over the fixture's real chunks (no embedding model needed)."""

    def __init__(self, index: Bm25Index) -> None:
        self.index = index

    def search(self, query: str, *, agencies=(), years=(), k: int = 5):
        return self.index.search(query, agencies=agencies, years=years, k=k)


@pytest.fixture
def crawled(tmp_path: Path, settings):
    text = normalize_text(CRAWLED.read_text(encoding="utf-8"))
    report = Report(id="crawled00001", source=CRAWLED.name, agency=AGENCY, short_name="青川文旅局", aliases=(),
                    year=2023, template="2021", title="t", content_hash="c" * 64, text=text)
    sections = split_sections(text)
    store = Store(f"sqlite:///{tmp_path / 'crawled.db'}")
    store.save(ParsedReport(report, sections, TableResult((), (), "2021"), ()))
    retriever = Bm25Retriever(Bm25Index(chunk_report(report, sections, size=settings.chunk_size), extra_words=[AGENCY]))

    def ask(question: str, conversation: Conversation | None = None) -> Answer:
        return answer_question(question, store=store, retriever=retriever, conversation=conversation, settings=settings)

    return text, ask


def _quoted(text: str, answer: Answer, phrase: str) -> None:
    """The answer states the phrase and one of its sources quotes it, with offsets that slice the stored text."""
    assert answer.found and answer.route == "retrieval", answer.text
    assert phrase in answer.text
    assert any(s.start is not None and phrase in text[s.start:s.end] for s in answer.sources), answer.sources
    for s in answer.sources:
        assert text[s.start:s.end].replace("\u3000", "").replace(" ", "") == s.text.replace(" ", "")


@pytest.mark.parametrize(("question", "phrase"), [
    (f"{AGENCY}2023年报告留的联系电话是多少？", "0839-7201234"),
    (f"{AGENCY}的传真号码是多少", "0839-7201235"),
    (f"{AGENCY}的电子邮箱是什么？", "qcwl2023@163.com"),
    (f"{AGENCY}的办公地址在哪里？", "迎宾大道88号"),
    (f"{AGENCY}2023年报告的统计期限从哪天开始？", "3月1日"),
    (f"{AGENCY}2023年主动公开的政府信息占比是多少？", "61.5%"),
    (f"{AGENCY}2023年微信公众号发布了多少篇信息？", "1024篇"),
    (f"{AGENCY}政务公开工作领导小组组长是谁？", "王明远"),
])
def test_a_fact_is_quoted_from_the_passage_that_holds_it(crawled, question: str, phrase: str) -> None:
    text, ask = crawled
    _quoted(text, ask(question), phrase)


def test_a_problem_list_quotes_every_item(crawled) -> None:
    text, ask = crawled
    a = ask(f"{AGENCY}2023年政府信息公开工作存在哪些问题？")
    assert a.found
    assert [s.text for s in a.sources] == ["一是信息发布的及时性还需提高；", "二是政策解读形式比较单一；", "三是工作人员业务能力有待加强。"]
    for s in a.sources:
        assert text[s.start:s.end] == s.text
    assert "二是政策解读形式比较单一" in a.text


def test_a_measures_list_after_its_sub_heading_quotes_every_item(crawled) -> None:
    text, ask = crawled
    a = ask(f"{AGENCY}2023年报告提出了哪些改进措施？")
    assert a.found
    assert [s.text[:2] for s in a.sources] == ["一是", "二是", "三是"]
    assert a.sources[0].start == text.index("一是建立信息发布提醒机制")
    assert "短视频" in a.text and "每半年组织一次业务培训" in a.text


def test_a_prose_follow_up_searches_with_the_earlier_question(crawled) -> None:
    text, ask = crawled
    chat = Conversation()
    ask(f"{AGENCY}2023年通过门户网站公开了多少条政府信息？", chat)
    a = ask("那微信公众号呢？", chat)
    _quoted(text, a, "1024篇")


def test_a_fact_the_report_does_not_hold_is_not_found(crawled) -> None:
    _, ask = crawled
    a = ask(f"{AGENCY}2023年召开了几场新闻发布会？")
    assert not a.found and a.sources == ()
