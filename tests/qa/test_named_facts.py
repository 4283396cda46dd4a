"""Named facts the prose states (qa/named_facts.py through qa/prose_facts.py): the rule or system a report says it
issued or follows for a purpose (下发《…管理办法》 / 落实“三审三校”制度), the ways an application can be sent in
(开设了网络、信函、当面申请等渠道) and the closing lines (抄送 / 印发), each asked in many wordings; a question on the
applications received or on a list of rules is no such fact. Real SQLite; every report and sentence here is our own."""

from __future__ import annotations

from pathlib import Path

import pytest

from govqa.core.types import ParsedReport, Report, TableResult
from govqa.qa import named_facts as nf
from govqa.qa.answer import answer_question
from govqa.qa.prose_facts import _kind_of
from tests.qa.conftest import FakeRetriever

AGENCY, SHORT = "青梧县林业局", "林业局"
TEXT = ("青梧县林业局2022年政府信息公开工作年度报告\n"
        "本报告由青梧县林业局办公室根据《条例》要求编制，报告中数据统计期限为2022年1月1日至12月31日。\n"
        "一、总体情况\n2022年，我局坚持以公开为常态，建立政务公开长效机制。"
        "（一）主动公开。全年在门户网站发布信息126条，在“青梧林业”公众号推送信息58条。"
        "印发《青梧县林业局政务新媒体管理办法（试行）》，规范公众号的内容发布和账号运维。"
        "信息发布前严格执行“三审三校”制度，确保内容准确。"
        "（二）依申请公开。健全申请受理、登记、办理、答复的工作流程，开通了网上申请、信函申请、当面申请等渠道，方便群众提出申请。"
        "2022年共收到申请6件，均按期答复。\n"
        "二、其他需要报告的事项\n无。\n"
        "青梧县林业局\n2023年1月16日\n"
        "抄送：县政务公开办公室，驻县农业农村局纪检监察组。\n"
        "青梧县林业局办公室 2023年1月16日印发\n")


@pytest.fixture
def store(tmp_path: Path):
    """One 2022 report with the prose above and no table cells."""
    from govqa.index.store import Store

    s = Store(f"sqlite:///{tmp_path / 'named.db'}")
    report = Report(id="ddddddddddd1", source="ddddddddddd1.txt", agency=AGENCY, short_name=SHORT,
                    aliases=("青梧林业局",), year=2022, template="2021",
                    title=f"{AGENCY}2022年政府信息公开工作年度报告", content_hash="d" * 60, text=TEXT)
    s.save(ParsedReport(report, (), TableResult((), (), "2021"), ()))
    return s


@pytest.fixture
def ask(store, settings):
    def _ask(text: str):
        return answer_question(text, store=store, retriever=FakeRetriever([]), conversation=None, settings=settings)
    return _ask


def _says(answer, *needles: str) -> None:
    assert answer.found and answer.sources, answer
    for needle in needles:
        assert needle in answer.text and needle in answer.sources[0].text, (needle, answer.text)
    src = answer.sources[0]
    assert TEXT[src.start:src.end].strip() == src.text


@pytest.mark.parametrize("text", [
    "青梧林业局2022年为了管好公众号，下发了个什么办法？", "青梧林业局2022年出台了什么新媒体管理办法",
    "青梧林业局2022年管理政务新媒体依据的是什么办法？", "青梧林业局2022年印发的那个办法叫什么",
    "青梧林业局2022年为规范公众号制定了什么制度？", "青梧林业局2022年管公众号用的是哪个办法",
])
def test_the_document_issued_for_a_purpose(ask, text: str) -> None:
    _says(ask(text), "《青梧县林业局政务新媒体管理办法（试行）》")


@pytest.mark.parametrize("text", [
    "青梧林业局2022年信息发布执行的是什么审校制度？", "青梧林业局2022年发布信息前落实什么审核制度",
    "青梧林业局2022年信息发布实行的是啥审校机制", "青梧林业局2022年信息审校用的什么制度",
])
def test_a_named_system_is_answered_not_refused(ask, text: str) -> None:
    _says(ask(text), "三审三校")


@pytest.mark.parametrize("text", [
    "想找青梧林业局申请信息公开，有哪些渠道可以提交？", "青梧林业局2022年申请信息公开可以通过什么方式？",
    "青梧林业局怎么申请政府信息公开", "能在网上向青梧林业局申请信息公开吗？", "青梧林业局的信息公开申请有哪些途径",
    "向青梧林业局提交申请的渠道有哪些", "青梧林业局2022年可以当面申请吗", "青梧林业局的信息公开网上能申请吗",
    "青梧林业局申请信息公开要到哪里去交",
])
def test_the_ways_to_send_an_application(ask, text: str) -> None:
    answer = ask(text)
    _says(answer, "网上申请、信函申请、当面申请")
    assert answer.text.startswith("可通过网上申请、信函申请、当面申请等渠道")


@pytest.mark.parametrize("text", ["青梧林业局2022年的年报抄送给了哪个单位？", "青梧林业局2022年报告抄送了谁",
                                  "林业局2022年年报的抄送单位有哪些"])
def test_the_copy_line(ask, text: str) -> None:
    _says(ask(text), "驻县农业农村局纪检监察组")


@pytest.mark.parametrize("text", ["青梧林业局2022年的年报是谁编制的？", "青梧林业局2022年报告的编制单位是哪个",
                                  "林业局2022年年报是哪个部门编写的"])
def test_who_compiled_the_report(ask, text: str) -> None:
    answer = ask(text)
    _says(answer, "青梧县林业局办公室")
    assert answer.text.startswith("由青梧县林业局办公室根据《条例》要求编制")


def test_the_issuing_line(ask) -> None:
    _says(ask("青梧林业局2022年的年报是哪个部门印发的？"), "青梧县林业局办公室")


@pytest.mark.parametrize("text", [
    "这些申请是通过什么方式提交的？", "青梧林业局2022年网上申请的有多少件", "申请数量是怎么变化的？",
    "青梧林业局2022年办理申请要走哪些环节", "青梧林业局2022年建立了哪些规章制度？", "健全了哪几项机制？",
])
def test_neighbours_are_no_named_fact(text: str) -> None:
    kind = _kind_of(text)
    assert kind is None or kind.name not in {"rule", "channel", "copy", "issued"}, text


def test_a_name_said_in_passing_is_no_rule() -> None:
    text = "我局建立政务公开长效机制。全年发布信息80条。"
    assert nf.rule_span(text, "为了管好公众号，下发了个什么办法？") is None


@pytest.mark.parametrize("question", [
    "青梧区2020年编制发布了个什么清单？", "青梧区编制并发布了哪个清单", "青梧区发布的是什么清单", "青梧区编制了一份什么清单",
    "那年编了个啥清单",
])
def test_a_title_broken_over_a_page_break_is_one_name(question: str) -> None:
    from govqa.qa.named_facts import rule_names, rule_span

    # a PDF's page break inside 《…》 does not end the sentence naming the list
    text = ("全年公开信息212条。编制《青梧区人民政府本级行\n\n政机关权责清单》并向社会发布，便于群众监督。"
            "持续完善政务公开制度体系，确保各项工作有章可循。")
    span = rule_span(text, question)
    assert span is not None, question
    assert [n.replace("\n", "") for n in rule_names(text[span[0]:span[1]], question)] \
        == ["《青梧区人民政府本级行政机关权责清单》"]


# a list or document made or improved, named without 《》 after its verb (制定完善了…清单), in a report whose title is
# not up front (its agency said in every sentence of the opening)
_MADE_TEXT = ("一、总体情况 2021年以来，青梧区林业局认真落实《中华人民共和国政府信息公开条例》要求，推动信息公开制度化、规范化。"
              "（一）加强平台建设。2021年，局门户网站公开专栏完成升级，制定完善了区林业局政务公开事项清单，提升了规范化水平。"
              "全年主动公开各类文件信息208条。")


@pytest.mark.parametrize("question", [
    "青梧区林业局2021年制定并完善了哪份清单？", "青梧区林业局2021年编制了哪个清单？", "2021年青梧区林业局制定了啥清单",
    "青梧区林业局2021年完善了什么事项清单？", "青梧区林业局2021年出台了一份什么清单？", "青梧区林业局2021年制定的是什么清单",
    "青梧区林业局2021年梳理了哪份清单？",
])
def test_a_list_made_is_named_from_its_sentence_not_the_opening(question: str) -> None:
    span = nf.rule_span(_MADE_TEXT, question)
    assert span is not None, question
    assert nf.rule_names(_MADE_TEXT[span[0]:span[1]], question) == ["区林业局政务公开事项清单"], question


# a system named in its own quotes (“三审制”), after another system of the same sentence said without quotes
_REVIEW_TEXT = ("二是强化审查工作。严格落实网站信息发布审批制度，加强信息审核管理，信息发布落实“三审制”，未经审核的信息不得发布。"
                "三是强化工作落实。由专人负责网站更新。")


@pytest.mark.parametrize("question", [
    "信息发布落实的审核制度是哪个？", "信息发布执行什么审核制度？", "发布信息前要走什么审核制度", "信息发布实行哪种审核机制？",
    "信息发布落实了哪个审核制度", "发信息用哪套审核制度？",
])
def test_a_review_system_in_its_own_quotes_is_named(question: str) -> None:
    assert _kind_of(question) is not None and _kind_of(question).name == "rule", question
    span = nf.rule_span(_REVIEW_TEXT, question)
    assert span is not None, question
    assert nf.rule_names(_REVIEW_TEXT[span[0]:span[1]], question)[0] == "“三审制”", question


@pytest.mark.parametrize(("question", "kind"), [
    ("青梧局用的公开指南是哪一个？", "rule"), ("青梧局发布信息用哪一套审核制度", "rule"),
    ("这份通知是哪个单位印发的？", "issued"),  # 是哪个 asks a rule only when it ends the question
])
def test_a_rule_asked_last_or_by_its_set_is_a_rule(question: str, kind: str) -> None:
    found = _kind_of(question)
    assert found is not None and found.name == kind, (question, found)


@pytest.mark.parametrize("question", ["青梧局2021年建立了什么审核制度？", "青梧局2021年信息发布实行哪种审核制度", "青梧局2021年建了个什么制度？"])
def test_a_system_set_up_with_its_verbs_le_is_named(question: str) -> None:
    text = "全年发布信息80条。我局建立了信息发布三级审核制度，确保内容准确。"
    span = nf.rule_span(text, question)
    assert span is not None, question
    assert nf.rule_names(text[span[0]:span[1]], question) == ["信息发布三级审核制度"], question
