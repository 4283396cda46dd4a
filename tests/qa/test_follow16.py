"""Round-16 follow-ups and counts said in prose: what the applications an earlier turn counted were about (申请什么的 /
什么内容的申请 / 主要问的是哪方面), how many people each office names for the work (几个人管: 一名信息员), and a
problems question whose agency and 自己说 come before 信息公开这块 (no topic). Real SQLite; every report, sentence and
number here is our own."""

from __future__ import annotations

from pathlib import Path

import pytest

from govqa.core.types import Cell, Chunk, ParsedReport, Report, TableResult
from govqa.qa.answer import answer_question
from govqa.qa.conversation import Conversation
from govqa.qa.extract import question_weights
from govqa.qa.section_list import PROBLEMS, asked_part, asked_topic
from tests.qa.conftest import FakeRetriever

AGENCY, SHORT = "青梧县民政局", "民政局"
STAFF = "明确各股室职责，由各股室确定一名信息员负责政府信息公开工作，确保信息及时发布。"
TEXT = ("青梧县民政局2023年政府信息公开工作年度报告\n"
        "一、总体情况2023年，本局主动公开政府信息73条。" + STAFF +
        "2023年共收到政府信息公开申请5件，申请内容涉及低保救助信息、婚姻登记信息、殡葬管理信息等，均已按时答复。\n"
        "二、其他需要报告的事项本机关依申请提供政府信息，不收取费用。\n青梧县民政局 2024年1月15日")


@pytest.fixture
def ask(tmp_path: Path, settings):
    from govqa.index.store import Store

    s = Store(f"sqlite:///{tmp_path / 'follow16.db'}")
    report = Report(id="eeeeeeeeeee1", source="eeeeeeeeeee1.txt", agency=AGENCY, short_name=SHORT, aliases=("青梧民政局",),
                    year=2023, template="2021", title=f"{AGENCY}2023年政府信息公开工作年度报告", content_hash="e" * 60,
                    text=TEXT)
    cells = (Cell("申请", "一", "总计", 5.0, "5"), Cell("申请", "一", "自然人", 5.0, "5"))
    s.save(ParsedReport(report, (), TableResult(cells, (), "2021"), ()))
    start = TEXT.index(STAFF)
    chunk = Chunk(id="eeeeeeeeeee1:0", report_id="eeeeeeeeeee1", agency=AGENCY, short_name=SHORT, year=2023,
                  section="总体情况", subheading="", start=start, end=start + len(STAFF), text=STAFF)
    retriever = FakeRetriever([chunk])

    def _ask(text: str, chat: Conversation | None = None):
        return answer_question(text, store=s, retriever=retriever, conversation=chat, settings=settings)
    return _ask


@pytest.mark.parametrize("followup", [
    "剩下那几件是申请什么的？", "都是些什么内容的申请？", "主要问的是哪方面的内容？", "他们都想要啥信息？",
    "申请的都是啥？", "这些申请主要涉及哪些方面？", "大家申请的是哪类信息？", "都是哪方面的申请？",
])
def test_a_follow_up_asking_what_the_applications_were_about_quotes_their_subjects(ask, followup: str) -> None:
    chat = Conversation()
    first = ask("青梧县民政局2023年收到几件信息公开申请？", chat)
    assert first.found and first.value == 5.0
    answer = ask(followup, chat)
    assert answer.found and answer.value is None, answer  # the prose's subjects, never the table's count again
    assert "低保救助信息" in answer.text and "婚姻登记信息" in answer.text
    assert TEXT[answer.sources[0].start:answer.sources[0].end] == answer.sources[0].text


def test_a_count_follow_up_still_goes_to_the_table(ask) -> None:
    chat = Conversation()
    ask("青梧县民政局2023年收到几件信息公开申请？", chat)
    answer = ask("其中自然人提出的有几件？", chat)
    assert answer.route == "table" and answer.value == 5.0


@pytest.mark.parametrize("text", [
    "青梧县民政局2023年每个股室指定几个人管信息公开？", "青梧县民政局2023年各股室安排了几名人员负责信息公开？",
    "青梧县民政局2023年每个股室配备几个人管信息公开？", "青梧县民政局2023年每个股室确定了几位信息员？",
])
def test_people_per_office_are_quoted_with_a_chinese_numeral(ask, text: str) -> None:
    answer = ask(text)
    assert answer.found and "一名信息员" in answer.text, answer


def test_people_counted_are_cut_from_the_verb_jieba_glues_them_to() -> None:
    weights = question_weights("每个处室指定几个人管信息公开？", drop=())
    assert "人管" not in weights and "管" in weights


@pytest.mark.parametrize("text", [
    "青梧民政局自己说信息公开这块还有啥不足？", "青梧民政局政务公开这块有什么短板？",
    "青梧民政局自己觉得信息公开这块哪里不够好？", "民政局信息公开这块存在哪些问题？",
])
def test_an_agency_said_before_the_work_is_no_topic_of_the_problems(text: str) -> None:
    assert asked_topic(text) == ""
    part = asked_part(text)
    assert part is not None and part.name == PROBLEMS and part.topic == ""


def test_a_real_topic_after_the_agency_is_kept() -> None:
    assert asked_topic("青梧民政局自己讲平台建设这块哪里不够好？") == "平台建设"
    assert asked_topic("政府信息管理这块做了哪些工作") == "政府信息管理"
