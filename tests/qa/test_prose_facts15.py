"""Round-15 prose facts said once in the report's own words: a document it revised or compiled (修订完善…指南), the body
the report is addressed to (the line after its title), the time the web page was published (the crawled header, not
the 落款), who does an activity (委托第三方…监测: never the 网址 the question names) and what was first or newly
brought in (首次将…纳入公报). Real SQLite; every report, sentence and number here is our own."""

from __future__ import annotations

from pathlib import Path

import pytest

from govqa.core.types import Cell, ParsedReport, Question, Report, TableResult
from govqa.qa import prose_facts
from govqa.qa.answer import answer_question
from tests.qa.conftest import FakeRetriever

AGENCY, SHORT = "青梧县林业局", "林业局"
TEXT = ("政务公开 青梧县林业局2022年政府信息公开工作年度报告 来源：本站 时间：2023-01-16 09:30 分享\n"
        "青梧县林业局关于2022年度政府信息公开工作年度报告县政府办公室：\n"
        "根据条例要求，现将本局2022年度政府信息公开工作情况报告如下。\n"
        "一、总体情况2022年，本局主动公开政府信息64条。"
        "同时，修订完善青梧县林业局政府信息公开指南，方便群众查找信息。"
        "委托第三方专业机构对局门户网站进行日常巡检，发现问题及时整改。"
        "全年编发林业简报6期，并首次将护林员巡山影像纳入林业简报，内容更加丰富。"
        "二、其他需要报告的事项本机关依申请提供政府信息，不收取费用。\n"
        "青梧县林业局 2023年1月12日")
OTHER = ("青梧县水务局2022年政府信息公开工作年度报告\n一、总体情况2022年，本局主动公开政府信息20条。"
         "本局门户网站运行平稳。\n青梧县水务局 2023年1月10日")


def _report(rid: str, agency: str, short: str, text: str) -> ParsedReport:
    report = Report(id=rid, source=f"{rid}.txt", agency=agency, short_name=short, aliases=(), year=2022,
                    template="2021", title=f"{agency}2022年政府信息公开工作年度报告", content_hash=rid * 5, text=text)
    cells = (Cell("申请", "一", "总计", 2.0, "2"),)
    return ParsedReport(report, (), TableResult(cells, (), "2021"), ())


@pytest.fixture
def ask(tmp_path: Path, settings):
    from govqa.index.store import Store

    s = Store(f"sqlite:///{tmp_path / 'facts15.db'}")
    s.save(_report("ddddddddddd1", AGENCY, SHORT, TEXT))
    s.save(_report("ddddddddddd2", "青梧县水务局", "水务局", OTHER))

    def _ask(text: str):
        return answer_question(text, store=s, retriever=FakeRetriever([]), conversation=None,
                               settings=settings)
    return _ask


def _quoted(answer, needle: str) -> None:
    assert answer.found and answer.route == "retrieval", answer
    assert needle in answer.text
    src = answer.sources[0]
    assert needle in src.text and TEXT[src.start:src.end].strip() == src.text  # the source is the sentence quoted


@pytest.mark.parametrize("text", [
    "青梧县林业局2022年修订完善了哪份和信息公开有关的文件？", "林业局2022年修订了什么指南？",
    "青梧县林业局2022年更新了哪个文件", "林业局2022年修改过哪一份文件？", "青梧县林业局2022年完善了什么文件",
    "林业局2022年重新编了个什么指南",
])
def test_a_document_revised_is_named(ask, text: str) -> None:
    a = ask(text)
    _quoted(a, "政府信息公开指南")
    assert a.text.startswith("青梧县林业局政府信息公开指南")  # the name, not the verb before it


@pytest.mark.parametrize("text", [
    "青梧县林业局2022年度那份信息公开工作报告，是呈给哪个单位的？", "林业局2022年的年报报给谁？",
    "青梧县林业局2022年报告提交给哪个部门", "林业局2022年年报是上报给谁的", "青梧县林业局2022年报告送给哪个机关",
    "林业局2022年报告的主送单位是什么",
])
def test_the_addressee_after_the_title(ask, text: str) -> None:
    a = ask(text)
    _quoted(a, "县政府办公室")
    assert a.text.startswith("报告呈报县政府办公室")


@pytest.mark.parametrize("text", [
    "青梧县林业局2022年度的信息公开年报是什么时候挂到网上的？", "林业局2022年年报哪天挂网的", "林业局2022年报告什么时候上网的",
    "青梧县林业局2022年报告是哪天发到网上的", "林业局2022年年报的挂网时间", "林业局2022年年报放到网站上的日期",
    "青梧县林业局2022年年报哪天在网上发布的",
])
def test_the_page_time_for_when_put_online(ask, text: str) -> None:
    a = ask(text)
    _quoted(a, "2023-01-16")
    assert a.text.startswith("2023-01-16（网页所载发布时间）")


@pytest.mark.parametrize("text", ["林业局2022年报告的落款日期", "青梧县林业局2022年年报是哪天写的", "林业局2022年报告成文日期是哪天"])
def test_the_signature_date_stays_for_when_signed(ask, text: str) -> None:
    assert ask(text).text.startswith("2023年1月12日")


@pytest.mark.parametrize("text", [
    "青梧县林业局2022年局门户网站是交给谁做日常巡检的？", "林业局2022年门户网站由谁巡检？", "林业局2022年门户网站委托谁来巡检",
    "青梧县林业局2022年是谁负责门户网站巡检的", "林业局2022年网站巡检找的哪家单位", "林业局2022年局网站交由什么机构巡检",
])
def test_who_does_an_activity_is_no_contact(ask, text: str) -> None:
    a = ask(text)
    _quoted(a, "第三方专业机构")
    assert "网址" not in a.text


@pytest.mark.parametrize("text", [
    "青梧县林业局2022年的林业简报第一次加进了什么内容？", "林业局2022年林业简报首次纳入了什么", "林业局2022年简报头一回加入了啥内容",
    "青梧县林业局2022年林业简报新增了什么内容", "林业局2022年林业简报里首次加进了哪项内容",
    "林业局2022年林业简报有什么新内容",
])
def test_what_was_first_brought_in(ask, text: str) -> None:
    _quoted(ask(text), "护林员巡山影像")


@pytest.mark.parametrize("text", [
    "青梧县水务局2022年修订完善了哪份文件？", "水务局2022年年报报给谁？", "青梧县水务局2022年年报什么时候挂到网上的",
    "水务局2022年门户网站交给谁做巡检的", "水务局2022年的简报第一次加进了什么内容？",
])
def test_a_report_that_does_not_say_it_quotes_nothing_made_up(ask, text: str) -> None:
    a = ask(text)
    if a.found:  # the 落款 may answer a date question; nothing else is said
        assert "2023年1月10日" in a.text and "挂" in text
    assert "指南" not in a.text and "第三方" not in a.text and "县政府办公室" not in a.text


@pytest.mark.parametrize("text", ["林业局2022年领导小组由谁任组长？", "林业局2022年信息公开领导小组的副组长由谁担任？",
                                  "林业局2021年和2022年收到的申请哪个多？", "林业局2022年不予公开的理由是什么",
                                  "林业局2022年依靠什么渠道公开"])
def test_a_role_in_a_group_is_no_doer(text: str) -> None:
    kind = prose_facts.asked_kind(Question(text=text, agencies=(AGENCY,)))
    assert kind is None or kind.name != "doer"  # 组长/担任: the prose search quotes the group's sentence


@pytest.mark.parametrize("text", ["林业局2022年在网站上新开了哪些专栏？", "林业局2022年新增了哪些栏目"])
def test_new_columns_listed_are_no_single_added_fact(text: str) -> None:
    kind = prose_facts.asked_kind(Question(text=text, agencies=(AGENCY,)))
    assert kind is None or kind.name != "added"  # 哪些: the list routes
