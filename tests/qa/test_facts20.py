"""Round-20 prose facts and follow-ups: the column an application is sent in through online (从哪个入口递申请 →
“政务公开”专栏 → “依申请公开”栏目), who takes the work over when its staff leave (调走了谁来接 → 后任…), and a detail
(model, count, place, who) of a thing the earlier answer's quote names (那里的查询设备是什么型号). Real SQLite; every
report, sentence and number here is our own."""

from __future__ import annotations

from pathlib import Path

import pytest

from govqa.core.types import Answer, Cell, Question, Source
from govqa.qa import named_facts as nf
from govqa.qa.answer import answer_question
from govqa.qa.conversation import Conversation
from govqa.qa.prose_facts import _kind_of
from govqa.qa.quote_followup import asked_detail, detail_of
from tests.qa.conftest import FakeRetriever, year_id, years_store

AGENCY, SHORT = "青梧县住建局", "住建局"
ENTRY = "申请人可登录青梧县人民政府门户网站，在“政务公开”专栏下的“依申请公开”栏目在线提交申请，也可以信函方式提出。"
HANDOVER = "明确办公室专人负责信息发布，相关人员因工作变动离开岗位后，由接任人员继续承担该项工作，做到无缝衔接。"
DEVICE = ("在县政务服务中心和各乡镇便民服务大厅设立政府信息公开查阅点，统一配备自助查询终端（55 寸立式触摸查询机）"
          "8 台，由办公室负责日常维护，并为群众提供免费查阅服务。")
COUNT = "全年共受理政府信息公开申请14件，均按期答复。"
TEXT = ("青梧县住建局2022年政府信息公开工作年度报告\n一、总体情况2022年，本局主动公开政府信息52条。" + DEVICE + HANDOVER
        + "\n二、依申请公开情况" + COUNT + ENTRY + "\n三、其他需要报告的事项本机关依申请提供政府信息，不收取费用。"
        + "\n青梧县住建局 2023年1月15日")


@pytest.fixture
def ask(tmp_path: Path, settings):
    s = years_store(tmp_path / "facts20.db", agency=AGENCY, short=SHORT, texts={2022: TEXT},
                    cells={2022: [Cell("申请", "一", "总计", 14.0, "14")]}, prefix="e")

    def _ask(text: str, chat: Conversation | None = None):
        return answer_question(text, store=s, retriever=FakeRetriever([]), conversation=chat, settings=settings)
    return _ask


def _quotes(answer, sentence: str) -> None:
    assert answer.found and answer.route == "retrieval", answer
    src = answer.sources[0]
    assert src.text in sentence and TEXT[src.start:src.end] == src.text  # the sentence quoted, where it stands


@pytest.mark.parametrize("text", [
    "想在网上给青梧县住建局递政府信息公开申请，要从哪个入口进？", "住建局2022年网上申请信息公开在哪里提交？",
    "在住建局网站上提申请去哪个栏目？", "青梧县住建局的依申请公开入口在哪？", "要在线向住建局申请信息公开，点哪个栏目？",
    "通过什么平台可以向青梧县住建局提交公开申请？", "住建局网上递申请从哪进？", "青梧县住建局从哪个通道可以在线提出申请？",
])
def test_the_column_to_apply_through_is_named(ask, text: str) -> None:
    answer = ask(text)
    assert answer.text.startswith("入口：“政务公开”专栏 → “依申请公开”栏目。"), answer
    _quotes(answer, ENTRY)


@pytest.mark.parametrize("text", [
    "青梧县住建局管信息公开的人要是调走了，这摊工作谁来接？", "住建局信息公开工作人员离职了怎么办？",
    "住建局人员变动后工作怎么交接？", "青梧县住建局经办人员调离以后谁接手？", "住建局负责公开的同志换岗了，谁来接替？",
    "要是住建局的工作人员退休了，由谁接班？",
])
def test_who_takes_over_when_staff_leave(ask, text: str) -> None:
    answer = ask(text)
    assert answer.text.startswith("由接任人员继续承担该项工作。"), answer
    _quotes(answer, HANDOVER)


@pytest.mark.parametrize("text", ["可以通过哪些渠道申请？", "年报在哪个平台公布？", "在哪个平台公开了多少条信息？",
                                  "网上申请了多少件？", "这些申请是从哪个平台提交的？", "申请数量变动如何？",
                                  "门户网站可以查到哪些信息？", "公众号能看到哪些栏目？"])
def test_neighbours_stay_their_own_kind(text: str) -> None:
    kind = _kind_of(text)
    assert kind is None or kind.name not in {"entry", "handover", "offers"}


def _chat_after(said: str) -> Conversation:
    """A conversation whose last turn quoted `said` from the fixture report."""
    start = TEXT.index(said)
    source = Source(report=year_id("e", 2022), agency=AGENCY, year=2022, text=said, section="总体情况", start=start,
                    end=start + len(said))
    chat = Conversation()
    chat.remember(Question(text="青梧县住建局2022年的查阅点提供什么服务", agencies=(AGENCY,), years=(2022,)),
                  Answer(question="", text=said, found=True, route="retrieval", sources=(source,)))
    return chat


@pytest.mark.parametrize(("followup", "lead"), [
    ("那里的查询终端配的是什么机器？", "55 寸立式触摸查询机。"), ("自助查询终端是什么型号的？", "55 寸立式触摸查询机。"),
    ("那个查询终端多大？", "55 寸立式触摸查询机。"), ("查询终端一共几台？", "8台。"), ("配了多少台查询终端？", "8台。"),
    ("查阅点设在哪里？", "县政务服务中心和各乡镇便民服务大厅"), ("查询终端由谁负责维护？", "办公室。"),
    ("那些查询终端是什么牌子的？", "55 寸立式触摸查询机。"), ("配的查询终端是哪一款？", "55 寸立式触摸查询机。"),
    ("查询终端的数量是多少？", "8台。"), ("查阅点在哪些地方？", "县政务服务中心和各乡镇便民服务大厅"),
    ("查询终端由谁来管？", "办公室。"),
])
def test_a_detail_of_the_thing_the_quote_names(ask, followup: str, lead: str) -> None:
    answer = ask(followup, _chat_after(DEVICE))
    assert answer.text.startswith(lead), answer
    _quotes(answer, DEVICE)


def test_the_parts() -> None:
    assert asked_detail("那里的设备是什么型号？") == "what" and asked_detail("几台？") == "count"
    assert asked_detail("今年公开了哪些信息？") == ""
    assert detail_of(DEVICE, "自助查询终端几台", "count") == "8台"
    sentence = "在“青梧网”之“政府信息公开”模块可以查阅信息:通过“依申请公开”子栏目，可以向本局提出申请。"
    assert nf.entry_names(sentence) == "“政府信息公开”模块 → “依申请公开”子栏目"
    assert nf.handover_clause(HANDOVER) == "由接任人员继续承担该项工作"


OFFER_TEXT = ("青梧县交通局2022年政府信息公开工作年度报告\n一、总体情况2022年，本局主动公开政府信息40条。"
              "本局在县政府门户网站开设“交通服务”专栏，群众可以在线查询客运班次和路况信息。"
              "申请人通过“依申请公开”栏目提交申请后，可以查看申请的办理进度。\n青梧县交通局 2023年1月9日")


@pytest.fixture
def ask_offers(tmp_path: Path, settings):
    s = years_store(tmp_path / "offers20.db", agency="青梧县交通局", short="交通局", texts={2022: OFFER_TEXT},
                    cells={2022: [Cell("申请", "一", "总计", 3.0, "3")]}, prefix="g")
    return lambda text: answer_question(text, store=s, retriever=FakeRetriever([]), conversation=None, settings=settings)


@pytest.mark.parametrize("text", [
    "青梧县交通局2022年的“交通服务”专栏能干什么？", "交通局2022年交通服务专栏可以查些什么？",
    "青梧县交通局2022年交通服务专栏有什么功能？", "交通局的交通服务专栏是干什么用的？",
])
def test_what_a_named_column_offers(ask_offers, text: str) -> None:
    answer = ask_offers(text)
    assert answer.found and answer.text.startswith("可以在线查询客运班次和路况信息。"), answer


@pytest.mark.parametrize("text", [
    "青梧县交通局2022年申请了之后在哪查办理进度？", "向交通局递了申请，怎么查看处理情况？", "交通局的申请在哪里能看到办理结果？",
])
def test_where_an_application_s_progress_is_followed(ask_offers, text: str) -> None:
    answer = ask_offers(text)
    assert answer.found and answer.text.startswith("“依申请公开”栏目：可以查看申请的办理进度。"), answer


@pytest.mark.parametrize("followup", ["换成2021年，查询终端是多少台？", "那去年配了几台查询终端？", "查询终端改成问2023年呢，几台？"])
def test_a_detail_of_another_year_is_not_read_from_the_quote(ask, followup: str) -> None:
    answer = ask(followup, _chat_after(DEVICE))
    assert not answer.text.startswith("8台。"), answer


def test_an_offer_prefers_what_is_provided_over_a_feature_s_可() -> None:
    sentence = "在县图书馆设立查阅点，配备可触控的查询机2台，并为群众提供免费查阅、打印服务。"
    assert nf.offered(sentence, "查阅点能干什么？") == "提供免费查阅、打印服务"
