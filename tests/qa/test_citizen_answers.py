"""Citizen questions end to end over a real SQLite store of hand-written reports (issue 12): contact details, whole
lists, questions without a year (the newest report, said), follow-ups that change agency or year."""

from __future__ import annotations

from pathlib import Path

import pytest

from govqa.core.types import ParsedReport, Report, TableResult
from govqa.qa.answer import answer_question
from govqa.qa.conversation import Conversation

AGENCY = "青禾市东湖区水务局"
OTHER = "青禾市东湖区文旅局"
TABLES = ("二、主动公开政府信息情况\n表略。\n三、收到和处理政府信息公开申请情况\n表略。\n"
          "四、政府信息公开行政复议、行政诉讼情况\n表略。\n")


def _text(year: int, *, contact: str, problems: str, measures: str) -> str:
    return (f"青禾市东湖区水务局{year}年政府信息公开工作年度报告\n本报告电子版可在东湖区政府网站（www.donghu.gov.cn）查阅。"
            f"如对本报告有疑问，请与东湖区水务局办公室联系{contact}。\n"
            f"一、总体情况\n{year}年，我局认真落实条例。一是加强组织领导。成立领导小组。二是完善审查制度。先审后发。\n"
            + TABLES + f"五、存在的主要问题及改进情况\n{problems}{measures}\n六、其他需要报告的事项\n无。\n")


REPORTS = (
    ("bbbbbbbbbb21", AGENCY, "东湖区水务局", 2021,
     _text(2021, contact="（地址：东湖区河西路8号；电话：0791-6660001）",
           problems="（一）存在问题一是栏目更新慢；二是解读偏少。",
           measures="（二）改进措施一是每周巡查栏目。二是每月发布解读。")),
    ("bbbbbbbbbb23", AGENCY, "东湖区水务局", 2023,
     _text(2023, contact="（地址：东湖区滨江路18号；电话：0791-6660023）",
           problems="2023年，我局工作仍有不足，主要表现在：一是互动回应不够及时；二是公开目录不够细；三是培训次数偏少。",
           measures="2024年，我局将着力做好以下工作：一是建立留言限时答复制度。二是细化公开目录。三是每季度组织培训。")),
    ("cccccccccc23", OTHER, "东湖区文旅局", 2023,
     _text(2023, contact="", problems="我局仍存在宣传不够、人手不足等问题。", measures="")),
    ("dddddddddd23", "江北省科学技术厅", "江北科技厅", 2023, _text(2023, contact="", problems="无。", measures="")),
    ("eeeeeeeeee22", "青禾市西岭区交通局", "西岭区交通局", 2022,
     _text(2022, contact="（电话：0791-7770100）", problems="无。", measures="")
     + "青禾市西岭区交通局\n2023年1月18日\n（联系人：方晓岚，联系方式：0791-7770188）\n"),
)


@pytest.fixture
def ask(tmp_path: Path, settings):
    from govqa.index.store import Store

    store = Store(f"sqlite:///{tmp_path / 'citizen.db'}")
    for rid, agency, short, year, text in REPORTS:
        report = Report(id=rid, source=f"{rid}.txt", agency=agency, short_name=short, aliases=(), year=year,
                        template="2021", title=f"{short}{year}年政府信息公开工作年度报告", content_hash=rid * 5,
                        text=text)
        store.save(ParsedReport(report, (), TableResult((), (), "2021"), ()))

    def _ask(text: str, conversation: Conversation | None = None, retriever=None):
        return answer_question(text, store=store, retriever=retriever, conversation=conversation, settings=settings)
    return _ask


def _quoted(answer) -> list[str]:
    return [s.text for s in answer.sources]


def test_contact_question_without_a_year_reads_the_newest_report_and_says_so(ask) -> None:
    a = ask("东湖区水务局的联系电话是多少？")
    assert a.found and "0791-6660023" in a.text and "0791-6660001" not in a.text
    assert "最新的2023年" in a.text and a.text.startswith("据《青禾市东湖区水务局2023年")
    [src] = a.sources
    assert src.year == 2023 and "0791-6660023" in src.text and src.start is not None


def test_contact_question_with_a_year_and_two_kinds(ask) -> None:
    a = ask("东湖区水务局2021年报里的地址和电话")
    assert "东湖区河西路8号" in a.text and "0791-6660001" in a.text and "最新" not in a.text


def test_a_detail_the_report_does_not_print_is_refused_not_guessed(ask) -> None:
    a = ask("东湖区文旅局的电话是多少？")
    assert not a.found and a.reason == "no-data" and "没有载明电话" in a.text
    b = ask("东湖区水务局的邮箱是多少？")
    assert not b.found and b.reason == "no-data"


def test_a_list_question_gets_every_item_each_cited(ask) -> None:
    a = ask("东湖区水务局2023年存在哪些问题？")
    assert a.found and "存在的问题共3项" in a.text.splitlines()[0]
    assert _quoted(a) == ["一是互动回应不够及时；", "二是公开目录不够细；", "三是培训次数偏少。"]
    b = ask("东湖区水务局下一步准备从哪几方面改进？")  # no year: the newest report
    assert _quoted(b) == ["一是建立留言限时答复制度。", "二是细化公开目录。", "三是每季度组织培训。"]
    assert "最新的2023年" in b.text


def test_follow_ups_change_the_part_the_year_and_the_agency(ask) -> None:
    chat = Conversation()
    assert ask("东湖区水务局2021年存在哪些问题？", chat).sources[0].text == "一是栏目更新慢；"
    assert _quoted(ask("那改进措施有哪些？", chat)) == ["一是每周巡查栏目。", "二是每月发布解读。"]  # same report
    assert _quoted(ask("问题呢？", chat)) == ["一是栏目更新慢；", "二是解读偏少。"]  # and back to the problems
    assert "0791-6660001" in ask("地址和电话呢？", chat).text  # still 2021
    # a full question about another agency does not keep 2021 (the other agency has only 2023)
    other = ask("东湖区文旅局存在哪些问题？", chat)
    assert other.reason != "no-year" and all(s.year == 2023 for s in other.sources)


def test_a_short_follow_up_asking_a_contact_detail_drops_the_table_cell(ask) -> None:
    chat = Conversation()
    ask("东湖区水务局2021年的联系电话", chat)
    assert "0791-6660023" in ask("那2023年呢？", chat).text  # the detail asked before, in the new year
    chat = Conversation()
    ask("东湖区水务局2021年收到多少申请？", chat)
    a = ask("它的地址在哪？", chat)
    assert a.found and "东湖区河西路8号" in a.text and all(s.table is None for s in a.sources)


def test_an_elliptic_follow_up_about_another_agency_keeps_the_part_asked(ask) -> None:
    chat = Conversation()
    ask("东湖区水务局存在哪些问题？", chat)
    other = ask("那东湖区文旅局呢？", chat)
    assert other.found and [s.text for s in other.sources] == ["我局仍存在宣传不够、人手不足等问题。"]
    chat = Conversation()
    ask("东湖区水务局的地址", chat)
    assert "没有载明地址" in ask("那东湖区文旅局呢？", chat).text


def test_a_place_word_scopes_the_prose_search(ask) -> None:
    from tests.qa.conftest import FakeRetriever

    retriever = FakeRetriever([])
    a = ask("在青禾市东湖区关注政务新媒体的有多少人？", retriever=retriever)
    assert not a.found and a.reason == "no-data"
    assert retriever.calls and set(retriever.calls[-1][1]) == {AGENCY, OTHER}  # not 江北省科学技术厅
    # a bare place asked about names its government, which the store lacks (not its bureaus' reports)
    bare = ask("青禾市东湖区的政务新媒体有多少粉丝？", retriever=FakeRetriever([]))
    assert not bare.found and bare.reason == "no-agency"


def test_the_contact_person_left_at_the_end_and_the_number_beside_the_name(ask) -> None:
    a = ask("西岭区交通局年报结尾留的联系人是谁？电话多少？")
    assert a.found and "方晓岚" in a.text and "0791-7770188" in a.text and "0791-7770100" not in a.text
    assert all("方晓岚" in s.text for s in a.sources)
    closing = ask("西岭区交通局报告文末留的联系方式")  # what the closing lines print, not the preamble's office
    assert "方晓岚" in closing.text and "0791-7770188" in closing.text and "0791-7770100" not in closing.text
    office = ask("西岭区交通局的联系电话是多少？")
    assert "0791-7770100" in office.text and "0791-7770188" not in office.text  # the preamble's office number


def test_a_follow_up_continues_a_question_a_quote_answered_not_the_cell_it_resembled() -> None:
    from govqa.core.types import Answer, Metric, Question, Source

    asked = Question(text="东湖区水务局2021年依申请公开占总制发信息的比例是多少", agencies=(AGENCY,), years=(2021,),
                     metric=Metric("申请", "一", "总计"), intent="value")
    chat = Conversation()
    quoted = Answer(question=asked.text, text="…占总制发信息的80%", found=True, route="retrieval",
                    sources=(Source(report="bbbbbbbbbb21", agency=AGENCY, year=2021, text="占80%", start=0, end=3),))
    chat.remember(asked, quoted)
    last = chat.last
    assert last is not None and last.metric is None and last.intent == "narrative" and last.years == (2021,)
    chat.remember(asked, Answer(question=asked.text, text="8件", found=True, route="table", value=8.0, unit="件"))
    assert chat.last == asked  # a cell answered it: 2023年呢？ asks for the same cell
