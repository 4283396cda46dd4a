"""Round-12 prose facts no table cell holds, answered from the report's own sentence with its source: where the report
can be read, its 落款 date, deadlines in 工作日, fees (with a yes/no lead, also as a 那…呢 follow-up), what the
applications were about, why (the cause clause near the fact asked before), the prose's count of information items
released on application (not 表三's requests), and 2022年没办完、转到2023年 as 上年结转 of 2023 (row 二, not 四).
Real SQLite; every report, sentence and number here is our own."""

from __future__ import annotations

from pathlib import Path

import pytest

from govqa.core.types import Cell, Chunk, ParsedReport, Question, Report, TableResult
from govqa.qa import prose_facts
from govqa.qa.answer import answer_question
from govqa.qa.conversation import Conversation
from govqa.qa.understand import find_row_term
from tests.qa.conftest import FakeRetriever

AGENCY, SHORT = "青梧县水利局", "水利局"
TEXT = ("青梧县水利局2023年政府信息公开工作年度报告\n"
        "本报告中所列数据的统计期限自2023年7月1日起至2023年12月31日止。"
        "本报告的电子版可在“青梧县人民政府”门户网站（www.qingwu.example.cn）查阅下载。"
        "如对本报告有疑问，请与青梧县水利局办公室联系（地址：青梧大道18号；电话：0000-1234567）。"
        "一、总体情况本局自2023年6月份机构改革组建以来，认真落实政务公开各项要求。"
        "（一）主动公开情况2023年，本局通过门户网站主动公开政府信息58条，依申请公开信息数3条。"
        "严格落实行政许可、行政处罚决定作出之日起5个工作日内，行政强制决定作出之日起15个工作日内向社会公布相关信息。"
        "（二）依申请公开情况2023年共收到政府信息公开申请4件，主要涉及河道采砂许可方面；已全部按时办结。"
        "二、其他需要报告的事项本机关依申请提供政府信息，不收取费用。2023年未收取信息处理费。"
        "青梧县水利局 2024年1月18日")
APPLICANTS = ("自然人", "总计")


def _row(row: str, values: tuple[int, int]) -> list[Cell]:
    return [Cell("申请", row, c, float(v), str(v)) for c, v in zip(APPLICANTS, values, strict=True)]


@pytest.fixture
def store(tmp_path: Path):
    """One 2023 report (2021 template) with the prose above and a few 表三 cells."""
    from govqa.index.store import Store

    s = Store(f"sqlite:///{tmp_path / 'facts12.db'}")
    cells = _row("一", (4, 4)) + _row("二", (1, 1)) + _row("四", (0, 0)) + \
        [Cell("主动公开", "行政许可", "处理决定数量", 37.0, "37")]
    report = Report(id="ccccccccccc1", source="ccccccccccc1.txt", agency=AGENCY, short_name=SHORT, aliases=("青梧水利局",),
                    year=2023, template="2021", title=f"{AGENCY}2023年政府信息公开工作年度报告", content_hash="c" * 60,
                    text=TEXT)
    s.save(ParsedReport(report, (), TableResult(tuple(cells), (), "2021"), ()))
    return s


def _chunk(sentence: str, n: int) -> Chunk:
    start = TEXT.index(sentence)
    return Chunk(id=f"ccccccccccc1:{n}", report_id="ccccccccccc1", agency=AGENCY, short_name=SHORT, year=2023,
                 section="总体情况", subheading="", start=start, end=start + len(sentence), text=sentence)


@pytest.fixture
def ask(store, settings):
    retriever = FakeRetriever([_chunk("本报告中所列数据的统计期限自2023年7月1日起至2023年12月31日止。", 0),
                               _chunk("2023年，本局通过门户网站主动公开政府信息58条，依申请公开信息数3条。", 1)])

    def _ask(text: str, chat: Conversation | None = None):
        return answer_question(text, store=store, retriever=retriever, conversation=chat, settings=settings)
    return _ask


def _quoted(answer, needle: str) -> None:
    assert answer.found and answer.route == "retrieval", answer
    assert needle in answer.text
    assert answer.sources and needle in answer.sources[0].text
    src = answer.sources[0]
    assert TEXT[src.start:src.end].strip() == src.text  # the source points at the sentence quoted


@pytest.mark.parametrize("text", [
    "青梧水利局2023年的年报在哪里能看到？", "青梧县水利局2023年报告在哪儿可以查到", "水利局2023年年报去哪下载？",
    "青梧水利局2023年的年度报告发布在哪个网站？", "青梧水利局2023年报告公布在什么地方",
    "在哪里能看到青梧水利局2023年的报告？", "青梧水利局2023年年报挂在哪个平台上",
])
def test_where_the_report_can_be_read(ask, text: str) -> None:
    _quoted(ask(text), "门户网站")


@pytest.mark.parametrize("text", [
    "青梧水利局2023年度的年报，落款日期写的是哪天？", "青梧水利局2023年报告的落款是什么时候", "水利局2023年年报的发布日期",
    "青梧水利局2023年的报告是哪天发布的？", "青梧水利局2023年年报什么时候印发的", "青梧水利局2023年报告成文日期是哪天",
])
def test_the_date_under_the_signature(ask, text: str) -> None:
    a = ask(text)
    _quoted(a, "2024年1月18日")
    assert a.text.startswith("2024年1月18日")


@pytest.mark.parametrize("text", [
    "青梧水利局2023年行政许可、行政处罚决定作出后多少个工作日内要公开？强制类的呢？",
    "青梧水利局2023年行政许可决定几个工作日内公示？", "水利局2023年行政处罚信息作出决定后多久要公开",
    "青梧水利局2023年行政强制决定要在几天内公布", "青梧水利局2023年许可处罚信息公开的时限是多久",
])
def test_deadlines_in_working_days(ask, text: str) -> None:
    a = ask(text)
    _quoted(a, "5个工作日")
    assert "15个工作日" in a.text and a.value is None  # never a table count (37 行政许可决定)


@pytest.mark.parametrize(("text", "lead"), [
    ("找青梧水利局申请公开政府信息要交钱吗？", "不收费"), ("向青梧水利局申请信息公开收费吗", "不收费"),
    ("青梧水利局2023年收取信息处理费了吗？", "不收费"), ("青梧水利局申请政府信息公开需要付费吗", "不收费"),
    ("青梧水利局2023年有没有收取信息处理费？", "没有收取"), ("青梧水利局依申请公开是免费的吗", "不收费"),
    ("青梧水利局2023年没有收过费用吧", "没有收取"),
])
def test_fees_lead_with_yes_or_no(ask, text: str, lead: str) -> None:
    a = ask(text)
    _quoted(a, "不收取费用")
    assert a.text.startswith(lead)


def test_a_fee_follow_up_naming_another_year_keeps_the_fee(ask) -> None:
    chat = Conversation()
    ask("青梧水利局2023年有没有收取信息处理费？", chat)
    a = ask("那青梧水利局2023年呢？收了没有？", chat)
    _quoted(a, "不收取费用")


@pytest.mark.parametrize("followup", ["那主动公开了多少条？", "其中行政许可类的信息有几条？", "那申请有几件？"])
def test_a_follow_up_saying_its_own_subject_does_not_keep_the_earlier_fact(followup: str) -> None:
    earlier = Question(text="青梧水利局2023年依申请公开信息有多少条？", agencies=("青梧水利局",), years=(2023,))
    q = Question(text=followup, agencies=("青梧水利局",), years=(2023,))
    assert prose_facts.with_context(q, earlier) == q


@pytest.mark.parametrize("text", [
    "青梧水利局收到的信息公开申请主要是问哪方面的？", "青梧水利局2023年的依申请公开主要涉及什么内容",
    "青梧水利局2023年群众申请公开的主要是关于什么的", "青梧水利局2023年申请都集中在哪些方面",
    "青梧水利局2023年信息公开申请的内容是什么", "青梧水利局2023年收到的申请大多问的啥",
])
def test_what_the_applications_were_about(ask, text: str) -> None:
    a = ask(text)
    _quoted(a, "河道采砂许可")
    assert a.text.startswith("主要涉及河道采砂许可")


@pytest.mark.parametrize("text", [
    "为什么只从7月份才开始统计？", "为何统计期限从7月开始", "统计为什么不是从1月开始？", "什么原因只统计了半年",
    "怎么只从7月才开始算", "为啥从7月1日才开始统计",
])
def test_why_quotes_the_cause_near_the_fact_asked_before(ask, text: str) -> None:
    chat = Conversation()
    first = ask("青梧水利局2023年年报的数据是从什么时候开始统计的？", chat)
    assert first.found
    _quoted(ask(text, chat), "机构改革")


@pytest.mark.parametrize("text", [
    "那依申请公开的信息数呢？", "那依申请公开的信息有多少条？", "依申请公开信息数是多少", "依申请公开了几条信息",
    "依申请公开的政府信息数量呢",
])
def test_information_released_on_application_is_the_prose_count(ask, text: str) -> None:
    chat = Conversation()
    ask("青梧水利局2023年在门户网站主动公开了几条政府信息？", chat)
    a = ask(text, chat)
    _quoted(a, "依申请公开信息数3条")
    assert "3条" in a.text.split("根据")[0]


@pytest.mark.parametrize(("text", "row"), [
    ("青梧水利局2023年有没有2022年没办完、转到2023年接着办的信息公开申请？", "二"),
    ("2023年有几件是2022年没处理完结转到2023年的申请", "二"),
    ("青梧水利局2023年收到的申请里，2022年未办结、转入2023年的有多少", "二"),
    ("2023年有多少申请没办完要转到2024年", "四"),
    ("2023年还没办完的申请留到2024年接着办的有几件", "四"),
])
def test_carried_between_named_years(text: str, row: str) -> None:
    term = find_row_term(text)
    assert term is not None and term.row == row


def test_carried_in_from_a_year_the_store_lacks_reads_row_two(ask) -> None:
    a = ask("青梧水利局2023年有没有2022年没办完、转到2023年接着办的信息公开申请？")
    assert a.found and a.value == 1 and a.sources[0].row == "二"


@pytest.mark.parametrize("text", [
    "青梧水利局2023年收到多少件申请？", "青梧水利局2023年主动公开了多少条信息", "青梧水利局2023年的电话是多少",
    "青梧水利局2023年行政许可处理决定有多少个", "青梧水利局2023年报告里哪里提到了政策解读",
    "青梧水利局2023年报告在哪些方面还存在不足", "青梧水利局2023年行政事业性收费金额是多少", "青梧水利局2023年收费项目有几个",
    "青梧水利局2023年有没有因逾期不交费而不再处理的申请", "青梧水利局2023年公报免费赠阅了多少本",
    "青梧水利局2023年年报写的办公地址在哪里",
])
def test_counts_and_contacts_are_no_prose_facts(text: str) -> None:
    assert prose_facts.asked_kind(Question(text=text, agencies=(AGENCY,))) is None


@pytest.mark.parametrize("sentence", [
    "本报告通过青梧县人民政府门户网站（网址：www.qingwu.example.cn）和县档案馆、图书馆政府信息公开查阅场所公布。",
    "本报告在“青梧县人民政府”门户网站公布。",
    "本年报的电子版可在青梧县政府网站（www.qingwu.example.cn）下载。",
    "如需查阅本报告，可以登录青梧县人民政府网站查看年度报告。",
])
def test_the_sentences_that_say_where_the_report_is_read(sentence: str) -> None:
    where = next(k for k in prose_facts.KINDS if k.name == "where")
    assert where.states.search(sentence)


def test_a_fee_question_the_report_does_not_answer_is_no_table_count(tmp_path: Path, settings) -> None:
    from govqa.index.store import Store

    s = Store(f"sqlite:///{tmp_path / 'nofee.db'}")
    report = Report(id="ccccccccccc2", source="ccccccccccc2.txt", agency=AGENCY, short_name=SHORT, aliases=(), year=2023,
                    template="2021", title=f"{AGENCY}2023年政府信息公开工作年度报告", content_hash="d" * 60,
                    text="2023年共收到政府信息公开申请4件，已全部办结。")
    s.save(ParsedReport(report, (), TableResult(tuple(_row("一", (4, 4))), (), "2021"), ()))
    a = answer_question("找青梧县水利局申请公开政府信息要交钱吗？", store=s, retriever=FakeRetriever([]), conversation=None,
                        settings=settings)
    assert a.value != 4 and a.route != "table"
