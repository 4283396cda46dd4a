"""Round-13 follow-ups and counts stated only in prose: a follow-up that changes only the year of a prose fact asked
before (2022年那会儿公众号发了多少篇), one pointing at a thing the previous turn named (这个专区 / 该栏目: never an agency
name), and counts of people, meetings or columns the prose states (几个人负责: not the 自然人 column of 表三).
Real SQLite; every report, sentence and number here is our own."""

from __future__ import annotations

from pathlib import Path

import pytest

from govqa.core.types import Cell
from govqa.qa.answer import answer_question
from govqa.qa.catalog import Catalog
from govqa.qa.conversation import Conversation
from govqa.qa.mentions import names_in
from govqa.qa.understand import find_metric, understand
from tests.qa.conftest import FakeRetriever, sentence_chunks, years_store

AGENCY, SHORT = "青梧县水利局", "水利局"
TEXTS = {
    2023: ("青梧县水利局2023年政府信息公开工作年度报告\n"
           "一、总体情况本局高度重视政务公开，由各科室指定一名联络员负责政府信息公开工作。"
           "全年召开政务公开专题会议3次，在门户网站设置专栏5个。聘请政务公开义务监督员 12 名。"
           "“青梧水利”微信公众号全年发布信息926篇，政务微博发布信息310条。"
           "本局在门户网站新增“涉水企业服务专区”，为企业提供政策咨询、许可预约和问题反映等功能。"
           "2023年共收到政府信息公开申请6件，已全部按时办结。"),
    2022: ("青梧县水利局2022年政府信息公开工作年度报告\n"
           "一、总体情况本局认真落实政务公开各项要求，主动公开政府信息214条。"
           "“青梧水利”微信公众号全年发布信息860篇，政务微博发布信息275条。"
           "2022年共收到政府信息公开申请4件，已全部按时办结。"),
    2021: ("青梧县水利局2021年政府信息公开工作年度报告\n"
           "一、总体情况本局认真落实政务公开各项要求，主动公开政府信息187条。"
           "2021年共收到政府信息公开申请3件，已全部按时办结。"),
}
APPLICANTS = ("自然人", "总计")
NEW = {2023: (4, 6), 2022: (3, 4), 2021: (3, 3)}  # 表三 row 一: 自然人, 总计


@pytest.fixture
def store(tmp_path: Path):
    """Three reports of one agency (2021 template) with the prose above and 表三's new applications."""
    cells = {year: [Cell("申请", "一", c, float(v), str(v)) for c, v in zip(APPLICANTS, NEW[year], strict=True)] for year in TEXTS}
    return years_store(tmp_path / "follow13.db", agency=AGENCY, short=SHORT, alias="青梧水利局", texts=TEXTS, cells=cells,
                       prefix="d")


@pytest.fixture
def ask(store, settings):
    retriever = FakeRetriever(sentence_chunks(TEXTS, agency=AGENCY, short=SHORT, prefix="d"))

    def _ask(text: str, chat: Conversation | None = None):
        return answer_question(text, store=store, retriever=retriever, conversation=chat, settings=settings)
    return _ask


FIRST = "青梧水利局2023年“青梧水利”微信公众号全年发了多少篇信息？"


@pytest.mark.parametrize("followup", [
    "2022年那会儿公众号发了多少篇？", "那2022年呢？", "换成2022年", "前一年呢", "2022年的时候呢？",
    "同样的问题，2022年呢？", "2022年公众号发了几篇？", "当时2022年发布了多少篇", "改成2022年看看",
])
def test_a_follow_up_changing_only_the_year_of_a_prose_count(ask, followup: str) -> None:
    chat = Conversation()
    assert "926篇" in ask(FIRST, chat).text
    a = ask(followup, chat)
    assert a.found and a.route == "retrieval", a
    assert "860篇" in a.text and a.value == 860.0 and a.sources[0].year == 2022
    assert "926" not in a.text


@pytest.mark.parametrize("followup", ["2021年那会儿公众号发了多少篇？", "那2021年呢？", "换成2021年"])
def test_a_year_whose_report_does_not_state_the_prose_count_is_not_found(ask, followup: str) -> None:
    chat = Conversation()
    ask(FIRST, chat)
    a = ask(followup, chat)
    assert not a.found and a.value is None, a  # 2021 states no 公众号 count: not found, never another number


ZONE_FIRST = "青梧水利局2023年在门户网站上新增了什么专区？"


@pytest.mark.parametrize("followup", [
    "这个专区能给企业提供哪些功能？", "该专区有什么用？", "此专区具体提供什么功能", "那个专区有哪些功能？",
    "这个专区能提供哪些服务", "这一专区为企业提供了什么功能",
])
def test_a_follow_up_pointing_at_a_thing_the_previous_turn_named(ask, followup: str) -> None:
    chat = Conversation()
    ask(ZONE_FIRST, chat)
    a = ask(followup, chat)
    assert a.found and a.reason is None, a  # never "no report of 个专区"
    assert "许可预约" in a.text and a.sources[0].year == 2023


@pytest.mark.parametrize("text", ["这个专区", "该专区", "此专区", "那个委员会", "这些园区", "这一专区", "这个区和青梧水利局"])
def test_a_pointed_thing_is_never_an_agency_name(text: str) -> None:
    assert all("专区" not in n and "委员会" not in n and "园区" not in n for n in names_in(text))


def test_a_name_that_begins_with_a_measure_word_stays_a_name() -> None:
    assert names_in("个旧市") == ["个旧市"]  # a real city: only a 个 after 这/那 points back
    assert names_in("这个区和青梧水利局") == ["青梧水利局"]


def test_a_pointer_follow_up_names_no_unknown_agency(store) -> None:
    catalog = Catalog.for_store(store)
    earlier = understand(ZONE_FIRST, catalog=catalog)
    q = understand("这个专区能给企业提供哪些功能？", catalog=catalog, context=earlier)
    assert q.unknown_agencies == () and q.agencies == (AGENCY,) and q.years == (2023,)
    assert ZONE_FIRST in q.query  # retrieval searches with the earlier question's words as well


@pytest.mark.parametrize("text", [
    "青梧水利局2023年每个科室安排了几个人负责政府信息公开？", "青梧水利局2023年每个科室配备了几名联络员？",
    "青梧水利局2023年各科室有几个人专门负责信息公开", "青梧水利局2023年信息公开工作每个科室由几个人负责",
    "青梧水利局2023年每个科室指定了多少个人负责信息公开？", "青梧水利局2023年每科室安排几位联络员",
])
def test_a_count_of_people_stated_in_prose_is_quoted_not_a_table_cell(ask, text: str) -> None:
    a = ask(text)
    assert a.found and a.route == "retrieval", a
    assert "一名联络员" in a.text and "自然人" not in a.text and a.value != 4.0


@pytest.mark.parametrize(("text", "said"), [
    ("青梧水利局2023年开了几次政务公开专题会？", "3次"), ("青梧水利局2023年召开了多少次政务公开专题会议", "3次"),
    ("青梧水利局2023年在门户网站设了几个专栏？", "5个"), ("青梧水利局2023年网站上开设了多少个专栏", "5个"),
])
def test_counts_of_meetings_and_columns_are_quoted_from_prose(ask, text: str, said: str) -> None:
    a = ask(text)
    assert a.found and a.route == "retrieval" and said in a.text, a


@pytest.mark.parametrize("text", ["青梧水利局2023年聘请了多少名义务监督员？", "青梧水利局2023年有几位政务公开义务监督员"])
def test_a_people_count_printed_with_spaces_is_quoted(ask, text: str) -> None:
    a = ask(text)
    assert a.found and "12 名" in a.text, a  # PDF text: 12 名, the number and its measure word apart


def test_a_people_count_follow_up_on_a_report_without_one_is_not_found(ask) -> None:
    chat = Conversation()
    ask("青梧水利局2023年每个科室安排了几个人负责政府信息公开？", chat)
    a = ask("那2022年呢？", chat)
    assert not a.found and a.value is None, a  # 2022 states 214条 and 860篇: no count of people


@pytest.mark.parametrize("text", ["几个人负责政府信息公开", "有几个人专职做信息公开", "信息公开由多少个人在做",
                                  "每个人负责哪些栏目"])
def test_a_count_of_people_names_no_applicant_column(text: str) -> None:
    assert find_metric(text) is None


@pytest.mark.parametrize("text", ["2023年有多少个人申请？", "有几个人提出了申请", "个人申请了多少件"])
def test_individual_applicants_still_name_the_column(text: str) -> None:
    metric = find_metric(text)
    assert metric is not None and metric.col == "自然人"


def test_individual_applicants_are_still_read_from_the_table(ask) -> None:
    a = ask("青梧水利局2023年有多少个人申请信息公开？")
    assert a.found and a.route == "table" and a.value == 4.0, a


@pytest.mark.parametrize("followup", ["那个专区有哪些功能？", "这个专区能办哪些事？", "该专区都有哪些内容"])
def test_a_pointer_follow_up_is_no_list_of_the_reports_work(store, followup: str) -> None:
    from govqa.qa.section_list import recognise

    catalog = Catalog.for_store(store)
    q = understand(followup, catalog=catalog, context=understand(ZONE_FIRST, catalog=catalog))
    assert not recognise(q, pairs=[(AGENCY, 2023)])  # the thing named before, not 工作情况's items


def test_a_list_follow_up_without_a_pointer_is_still_a_list(store) -> None:
    from govqa.qa.section_list import recognise

    catalog = Catalog.for_store(store)
    earlier = understand("青梧水利局2023年存在哪些问题？", catalog=catalog)
    assert recognise(understand("改进措施呢？", catalog=catalog, context=earlier), pairs=[(AGENCY, 2023)])


@pytest.mark.parametrize("followup", ["同样的问题，2022年呢？", "前一年呢", "2022年那会儿呢", "那边2022年呢"])
def test_frame_words_of_a_follow_up_add_nothing_to_the_query(store, followup: str) -> None:
    catalog = Catalog.for_store(store)
    q = understand(followup, catalog=catalog, context=understand(FIRST, catalog=catalog))
    assert q.years == (2022,) and q.query.startswith(FIRST)
    assert not any(w in q.query for w in ("同样", "前一年", "那会", "那边"))
