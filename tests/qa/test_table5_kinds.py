"""Round-6 table kinds (issue 10): a body the store lacks (海关, 税务局, 某某法院 …) named with no stored agency is
refused naming it, and stays a topic beside a stored agency; years written in Chinese numerals (二〇二二年,
两千零二十年) are years; the zeroth of a period (第0年, 第0季度, 公元0年) is invalid input. Real SQLite (the
hand-typed seed cells of tests/qa/conftest.py), no vectors; every wording here is our own."""

from __future__ import annotations

import pytest

from govqa.core.numbers import arabic_years
from govqa.core.types import Chunk
from govqa.index.metadata import read_metadata
from govqa.qa.answer import answer_question
from govqa.qa.catalog import Catalog
from govqa.qa.dates import impossible_period
from govqa.qa.understand import understand
from tests.qa.conftest import FakeRetriever

HSB = "吴忠市红寺堡区人民政府"
ROWS = [
    ("宁夏回族自治区人民政府办公厅", "自治区人民政府办公厅", ("自治区政府办公厅",), (2020,)),
    (HSB, "红寺堡区", ("红寺堡",), (2020,)),
    ("银川市西夏区镇北堡镇人民政府", "镇北堡镇", ("镇北堡",), (2020,)),
]
# our own wording: a passage of a stored report that a search for any agency's 主动公开 would find
PROSE = "2020年，本机关主动公开政府信息328条，其中政策文件41条。"
CHUNK = Chunk(id="hsb:zd", report_id="aaaaaaaaaaa3", agency=HSB, short_name="红寺堡区", year=2020,
              section="主动公开政府信息情况", subheading="", start=0, end=len(PROSE), text=PROSE)


@pytest.fixture
def catalog() -> Catalog:
    return Catalog.from_rows(ROWS)


@pytest.fixture
def ask(mini_store, settings):
    def _ask(text: str):
        return answer_question(text, store=mini_store, retriever=FakeRetriever([CHUNK]), conversation=None,
                               settings=settings)
    return _ask


# ---- kind 1: a body the store lacks, with no stored agency named, is refused naming it ----------------------

@pytest.mark.parametrize(("text", "named"), [
    ("吴忠海关2020年主动公开了多少条政府信息？", "吴忠海关"),
    ("海关2020年收到几件政府信息公开申请", "海关"),
    ("银川海关去年被申请行政复议了几次", "银川海关"),
    ("宁夏的海关2020年主动公开了多少条信息", "海关"),
    ("请问海关总署2020年收到几件申请", "海关总署"),
    ("红寺堡海关2020年收到多少申请", "红寺堡海关"),  # a stored place's name begins it: still another body
    ("吴忠市人民法院2020年收到多少申请", "吴忠市人民法院"),
    ("吴忠中级人民法院2020年主动公开多少条", "吴忠中级人民法院"),
    ("银川市人民检察院2020年主动公开了多少条", "银川市人民检察院"),
    ("银川边检站2020年收到几件申请", "银川边检站"),
    ("吴忠消防救援支队2020年收到几件申请", "吴忠消防救援支队"),
    ("宁夏台办2020年收到几件申请", "宁夏台办"),
    ("吴忠税务局2020年收到多少件政府信息公开申请", "吴忠税务局"),
    ("银川市发展和改革委员会2020年收到几件申请", "银川市发展和改革委员会"),
])
def test_a_body_the_store_lacks_is_refused_by_name(ask, text: str, named: str) -> None:
    a = ask(text)
    assert not a.found and a.route == "refuse" and a.reason == "no-agency", (text, a.text)
    assert f"“{named}”" in a.text, a.text
    assert a.value is None


@pytest.mark.parametrize(("text", "named"), [
    ("红寺堡区和吴忠海关2020年谁收到的申请多", "吴忠海关"),
    ("红寺堡区2020年跟海关比谁的申请多", "海关"),  # 2020年跟…: the 跟 after a year word joins, it is no name
    ("海关与镇北堡镇2020年谁收到的申请多", "海关"),
])
def test_a_body_set_beside_a_stored_agency_is_asked(catalog: Catalog, text: str, named: str) -> None:
    q = understand(text, catalog=catalog)
    assert q.agencies and q.unknown_agencies == (named,), (text, q.unknown_agencies)


@pytest.mark.parametrize("text", [
    "红寺堡区2020年配合海关开展了几次检查",
    "红寺堡区2020年在海关网站上公开了几条信息",
    "红寺堡区2020年向海关转办了几件申请",
    "红寺堡区2020年协助海关处理了几件申请",
    "红寺堡区2020年会同税务局公开了几条信息",  # 会同 is a verb, not 同 (beside)
    "红寺堡区2020年被起诉到法院的有几件",
])
def test_a_body_spoken_of_beside_a_stored_agency_is_a_topic(catalog: Catalog, text: str) -> None:
    q = understand(text, catalog=catalog)
    assert q.agencies == (HSB,) and q.unknown_agencies == (), (text, q.unknown_agencies)


@pytest.mark.parametrize("text", ["2020年被起诉到法院的有几件", "2020年各机关被诉到人民法院的案件有几件",
                                  "2020年复议后又起诉到人民法院的有几件"])
def test_a_court_said_as_where_a_case_went_is_no_agency(catalog: Catalog, text: str) -> None:
    assert understand(text, catalog=catalog).unknown_agencies == (), text


# ---- kind 2: years written in Chinese numerals ----------------------------------------------------------------

@pytest.mark.parametrize(("text", "digits"), [
    ("二〇五〇年", "2050年"),
    ("二零二二年", "2022年"),
    ("二○二三年度", "2023年度"),  # ○ as typed for 〇
    ("一九九九年", "1999年"),
    ("二0二二年", "2022年"),  # a zero typed as a digit among the numerals
    ("二０二三年度", "2023年度"),
    ("2022年", "2022年"),
    ("两千零二十年", "2020年"),
    ("二千零二十二年", "2022年"),
    ("两千年", "2000年"),
    ("二〇二〇至二〇二二年", "2020至2022年"),
    ("两千零二十一到两千零二十三年", "2021到2023年"),
    ("三千年前", "三千年前"),  # a span, not a year
    ("近两千年来", "近两千年来"),
    ("收到一二三四件", "收到一二三四件"),
    ("第一二三四年", "第一二三四年"),
])
def test_arabic_years(text: str, digits: str) -> None:
    assert arabic_years(text) == digits


@pytest.mark.parametrize(("text", "years"), [
    ("红寺堡区二〇二〇年收到多少申请", (2020,)),
    ("红寺堡区二零二零年度收到多少申请", (2020,)),
    ("红寺堡区两千零二十年收到几件申请", (2020,)),
    ("红寺堡区二0二0年收到几件申请", (2020,)),
    ("二〇二〇年红寺堡区的行政处罚有多少", (2020,)),
    ("红寺堡区二〇一九至二〇二〇年的申请数分别是多少", (2019, 2020)),
])
def test_a_year_in_numerals_is_read(catalog: Catalog, text: str, years: tuple[int, ...]) -> None:
    assert understand(text, catalog=catalog).years == years


@pytest.mark.parametrize("text", [
    "红寺堡区二〇五〇年收到多少件信息公开申请？",
    "红寺堡区二零五零年收到几件申请",
    "红寺堡区两千零五十年的申请有多少",
    "红寺堡区一九九九年收到多少申请",
    "红寺堡区二〇〇五年度行政处罚有多少",
])
def test_an_impossible_year_in_numerals_is_invalid(ask, text: str) -> None:
    a = ask(text)
    assert not a.found and a.reason == "invalid", (text, a.text)


@pytest.mark.parametrize("text", ["红寺堡区二〇二〇年收到多少件信息公开申请？", "红寺堡区两千零二十年新收了几件申请",
                                  "红寺堡区二零二零年度收到多少申请"])
def test_a_stored_year_in_numerals_answers(ask, text: str) -> None:
    a = ask(text)
    assert a.found and a.value == 8 and a.route == "table", (text, a.text)


def test_a_report_titled_with_a_year_in_numerals() -> None:
    text = "银川市某某区人民政府二〇二二年政府信息公开工作年度报告\n本报告所列数据的统计期限自……\n"
    assert read_metadata(text, source="x.txt").year == 2022


# ---- kind 3: the zeroth of a period ------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "红寺堡区第0年的行政处罚决定有多少？",
    "红寺堡区第零年收到多少申请",
    "红寺堡区2020年第0季度收到多少申请",
    "红寺堡区2020年第〇季度收到几件申请",
    "红寺堡区2020年第0个月收到几件申请",
    "红寺堡区2020年第0周收到几件申请",
    "红寺堡区2020年的第0天收到几件申请",
    "红寺堡区2020年第０个季度收到几件申请",
])
def test_the_zeroth_period_is_invalid(ask, text: str) -> None:
    assert impossible_period(text) is not None, text
    a = ask(text)
    assert not a.found and a.reason == "invalid", (text, a.text)


@pytest.mark.parametrize("text", ["红寺堡区公元0年收到多少申请", "红寺堡区公元零年收到几件申请", "红寺堡区公元五百年的行政处罚有多少"])
def test_an_era_year_no_report_covers_is_invalid(ask, text: str) -> None:
    a = ask(text)
    assert not a.found and a.reason == "invalid", (text, a.text)


@pytest.mark.parametrize("text", ["红寺堡区第3年收到多少申请", "红寺堡区公元2020年收到多少申请",
                                  "红寺堡区2020年第一季度收到多少申请", "红寺堡区近10个月收到多少申请"])
def test_real_periods_stay_valid(text: str) -> None:
    assert impossible_period(text) is None, text
