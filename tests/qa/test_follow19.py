"""Round-19 follow-ups about the sentence quoted before and prose facts: the items of an aspect (那保障方面加强的是哪两块),
what a sum asked before was spent on (这笔钱花在哪了), and the site a report names for itself when it prints no 网址
(年报在哪个网站公布). Real SQLite; every report, sentence and number here is our own."""

from __future__ import annotations

from pathlib import Path

import pytest

from govqa.core.types import Answer, Cell, Chunk, Source
from govqa.qa.answer import answer_question
from govqa.qa.conversation import Conversation
from govqa.qa.named_facts import site_named
from govqa.qa.prose_asks import asks_where_published
from govqa.qa.quote_followup import asked_aspect, asks_spent, aspect_items, spent_items
from tests.qa.conftest import FakeRetriever, year_id, years_store

AGENCY, SHORT = "青梧县文旅局", "文旅局"
RID = year_id("f", 2022)
MONEY = "全年安排政务公开工作经费12.5万元，较上年增长20%，主要用于政务公开专区改造，查阅设备购置。"
GUARD = "强化监督保障，落实经费保障和人员保障，将政务公开纳入年度绩效考核。"
RATE = "全年主动公开政府信息86条，应主动公开的政府信息公开率100%。"
FREE = "在县政务服务中心设立政府信息公开查阅点，配备查询设备3套，并为前来查询的群众提供免费查阅、打印、复印服务。"
SITE = "本报告在“青梧县人民政府”门户网站公布。"
TEXT = ("青梧县文旅局2022年政府信息公开工作年度报告\n"
        "一、总体情况2022年，本局" + RATE + MONEY + GUARD + FREE +
        "\n二、其他需要报告的事项本机关依申请提供政府信息，不收取费用。" + SITE + "\n青梧县文旅局 2023年1月12日")


@pytest.fixture
def ask(tmp_path: Path, settings):
    s = years_store(tmp_path / "follow19.db", agency=AGENCY, short=SHORT, texts={2022: TEXT},
                    cells={2022: [Cell("申请", "一", "总计", 3.0, "3")]}, prefix="f")
    chunks = [Chunk(id=f"{RID}:{i}", report_id=RID, agency=AGENCY, short_name=SHORT, year=2022,
                    section="总体情况", subheading="", start=TEXT.index(said), end=TEXT.index(said) + len(said), text=said)
              for i, said in enumerate((RATE, MONEY, GUARD, FREE))]
    retriever = FakeRetriever(chunks)

    def _ask(text: str, chat: Conversation | None = None):
        return answer_question(text, store=s, retriever=retriever, conversation=chat, settings=settings)
    return _ask


def _earlier(said: str) -> Answer:
    start = TEXT.index(said)
    source = Source(report=RID, agency=AGENCY, year=2022, text=said, section="总体情况", start=start,
                    end=start + len(said))
    return Answer(question="", text=said, found=True, route="retrieval", sources=(source,))


def _chat_after(said: str) -> Conversation:
    """A conversation whose last turn quoted `said` from the fixture report."""
    chat = Conversation()
    from govqa.core.types import Question
    chat.remember(Question(text="青梧县文旅局2022年的情况", agencies=(AGENCY,), years=(2022,)), _earlier(said))
    return chat


@pytest.mark.parametrize("followup", [
    "那保障方面加强的是哪两块？", "保障上加强了哪几方面？", "那加强了哪几方面的保障？", "那保障这块做了哪些？",
    "它在保障上主要抓了哪几项？", "上面说的保障方面具体是哪两块？",
])
def test_an_aspect_follow_up_lists_the_items_of_the_sentence_quoted(ask, followup: str) -> None:
    answer = ask(followup, _chat_after(GUARD))
    assert answer.found and answer.text.startswith("经费保障、人员保障。"), answer
    assert TEXT[answer.sources[0].start:answer.sources[0].end] == answer.sources[0].text


@pytest.mark.parametrize("text", [
    "青梧县文旅局2022年在保障上加强的是哪两块？", "文旅局2022年保障上加强了哪几方面？",
    "青梧县文旅局2022年政务公开经费主要用在哪些方面？", "文旅局2022年的经费花在哪了？",
])
def test_the_same_asked_with_its_report_named(ask, text: str) -> None:
    answer = ask(text)
    assert answer.found and (answer.text.startswith("经费保障、人员保障。")
                             or answer.text.startswith("政务公开专区改造、查阅设备购置。")), answer


@pytest.mark.parametrize("text", ["青梧县文旅局2022年在公开方面做了哪几方面工作？", "文旅局2022年保障方面有哪些问题？",
                                  "那在公开方面有哪些渠道？", "在保障方面用了什么办法"])
def test_a_part_s_work_or_problems_is_no_aspect(text: str) -> None:
    assert asked_aspect(text) == ""


@pytest.mark.parametrize("followup", [
    "这笔钱主要用在了哪些地方？", "这些经费用在了哪些方面？", "那这笔资金用来干什么了？", "钱都花到哪儿去了？",
    "这个经费的用途是什么？", "上面说的经费主要用于哪些事？", "它们花在哪了？", "这笔钱是干什么用的？",
])
def test_a_money_follow_up_names_what_it_was_spent_on(ask, followup: str) -> None:
    answer = ask(followup, _chat_after(MONEY))
    assert answer.found and "政务公开专区改造" in answer.text and "查阅设备购置" in answer.text, answer


def test_the_money_asked_first_then_where_it_went(ask) -> None:
    chat = Conversation()
    first = ask("青梧县文旅局2022年安排了多少政务公开工作经费？", chat)
    assert first.found
    answer = ask("这笔钱主要用在了哪些地方？", chat)
    assert answer.found and answer.text.startswith("政务公开专区改造、查阅设备购置。"), answer


@pytest.mark.parametrize("text", [
    "青梧县文旅局2022年那份年报是在哪个网站上公布的？", "文旅局2022年的年报在哪里能看到？", "文旅局2022年年报发布在哪？",
    "青梧县文旅局2022年报告挂在什么网站上？", "去哪个网站能查到青梧县文旅局2022年的年报？",
])
def test_the_site_a_report_names_is_said_when_no_address_is_printed(ask, text: str) -> None:
    answer = ask(text)
    assert answer.found and answer.text.startswith("在“青梧县人民政府”门户网站发布。"), answer
    assert answer.sources[0].text == SITE


def test_an_address_question_still_says_no_address_is_printed(ask) -> None:
    answer = ask("青梧县文旅局2022年的网址是什么？")
    assert not answer.found and "网址" in answer.text
    assert "“青梧县人民政府”门户网站" in answer.text  # the site the report names, said beside the refusal


@pytest.mark.parametrize("text", [
    "青梧县文旅局2022年应主动公开政府信息的公开率是多少？", "文旅局2022年主动公开率多少？",
    "青梧县文旅局2022年主动公开的比例是多少", "文旅局2022年主动公开信息的公开率是多少？",
    "文旅局2022年应主动公开信息的公开率有多少？", "青梧县文旅局2022年应主动公开信息的公开率达到多少了？",
])
def test_a_proactive_rate_is_the_prose_s_never_the_applications(ask, text: str) -> None:
    answer = ask(text)
    assert answer.found and answer.route == "retrieval" and "100%" in answer.text, answer
    assert "分母" not in answer.text


@pytest.mark.parametrize("text", [
    "青梧县文旅局2022年的政府信息公开查阅点给来查询的群众提供哪些免费服务？", "文旅局2022年查阅点提供的免费服务有哪些？",
    "青梧县文旅局2022年查阅点有哪些免费的服务？", "文旅局2022年查阅点免费提供什么服务？",
])
def test_free_services_are_the_items_of_a_sentence_not_a_fee_answer(ask, text: str) -> None:
    answer = ask(text)
    assert answer.found, answer
    assert all(w in answer.text for w in ("查阅", "打印", "复印")) and "不收取费用" not in answer.text


def test_whether_a_service_costs_money_stays_a_fee_question(ask) -> None:
    assert ask("青梧县文旅局2022年申请信息公开要交钱吗？").text.startswith("不收费")


@pytest.mark.parametrize("text", ["甲局2022年行政处罚信息在哪个网站公示？", "甲局的政策文件在什么平台上能查到？",
                                  "甲局在哪个网站公开行政许可信息？"])
def test_where_a_kind_of_information_is_published_is_no_address_question(text: str) -> None:
    assert asks_where_published(text)


def test_the_parts() -> None:
    assert spent_items("安排经费8万元，主要用于培训，设备采购和专区建设。") == ["培训", "设备采购", "专区建设"]
    assert aspect_items("加强经费和人员保障。", "保障") == ["经费保障", "人员保障"]
    assert aspect_items("加强人员保障。", "保障") == []  # one item: no list
    assert asked_aspect("这两年公开了哪些信息？") == "" or asked_aspect("这两年公开了哪些信息？") != "这两年"
    assert not asks_spent("那保障方面加强的是哪两块？")
    assert site_named("本报告在本局网站公布。") == ""
    assert site_named("本报告同时在甲省人民政府网站上公布。") == "甲省人民政府网站"
