"""Question understanding: agencies, years, metrics, intents and follow-ups (no store, no model)."""

from __future__ import annotations

import pytest

from govqa.core.types import Metric
from govqa.qa.catalog import Catalog
from govqa.qa.understand import find_metric, parse_years, understand
from govqa.qa.words import content_tokens

ROWS = [
    ("宁夏回族自治区人民政府办公厅", "自治区人民政府办公厅", (), (2020,)),
    ("吴忠市红寺堡区人民政府", "红寺堡区", (), (2020,)),
    ("银川市西夏区镇北堡镇人民政府", "镇北堡镇", (), (2020,)),
    ("银川市兴庆区掌政镇人民政府", "掌政镇", (), (2020,)),
    ("银川市西夏区民政局", "西夏区民政局", (), (2020,)),
]
QU, HSB, ZBB, ZZ, MZJ = (r[0] for r in ROWS)


@pytest.fixture
def catalog() -> Catalog:
    return Catalog.from_rows(ROWS)


@pytest.mark.parametrize("text, agencies", [
    ("自治区政府办公厅收到多少申请", [QU]),
    ("宁夏回族自治区人民政府办公厅收到多少申请", [QU]),
    ("自治区办公厅行政复议多少起", [QU]),
    ("红寺堡收到多少申请", [HSB]),
    ("红寺堡区和镇北堡的采购金额", [HSB, ZBB]),
    ("西夏区民政局行政处罚", [MZJ]),
    ("掌政镇呢", [ZZ]),
])
def test_agencies_by_any_name(catalog: Catalog, text: str, agencies: list[str]) -> None:
    assert understand(text, catalog=catalog).agencies == tuple(agencies)


@pytest.mark.parametrize("text, unknown", [
    ("北京市海淀区人民政府2020年收到多少申请", "北京市海淀区人民政府"),
    ("兴庆区民政局收到多少申请", "兴庆区民政局"),
    ("石嘴山市行政诉讼多少起", "石嘴山市"),
])
def test_unknown_agencies_are_noticed(catalog: Catalog, text: str, unknown: str) -> None:
    q = understand(text, catalog=catalog)
    assert q.agencies == () and unknown in q.unknown_agencies


def test_plain_questions_have_no_unknown_agency(catalog: Catalog) -> None:
    for text in ("哪个机关收到的申请最多", "各机关采购金额合计多少", "哪些机关有行政复议", "行政诉讼多少起"):
        assert understand(text, catalog=catalog).unknown_agencies == (), text


@pytest.mark.parametrize("text, years", [
    ("2020年", (2020,)), ("2019至2021年", (2019, 2020, 2021)), ("2019-2020年", (2019, 2020)),
    ("2019年和2020年", (2019, 2020)), ("近两年", (2019, 2020)), ("去年", (2020,)), ("前年", (2019,)),
    ("上年结转多少", ()), ("上一年项目数量", ()), ("去年上一年项目数量", (2020,)), ("收到4447件", ()), ("采购2154.97万元", ()),
])
def test_years(text: str, years: tuple[int, ...]) -> None:
    assert parse_years(text, 2020) == years


@pytest.mark.parametrize("text, years", [
    ("近三年", (2021, 2022, 2023)), ("最近两年", (2022, 2023)),
    ("自2021年以来", (2021, 2022, 2023)), ("从2022年开始算", (2022, 2023)), ("2021年至今", (2021, 2022, 2023)),
])
def test_recent_years_count_back_from_the_agencys_newest_report(text: str, years: tuple[int, ...]) -> None:
    # the store's newest year is 2024, the agency asked about has 2023 at the latest
    assert parse_years(text, 2024, latest=2023) == years


def test_recent_years_of_one_agency_come_from_its_own_reports(catalog: Catalog) -> None:
    newest = catalog.newest_year
    assert newest is not None
    agency = next(a for a in catalog.agencies if catalog.years_of(a))
    last = catalog.years_of(agency)[-1]
    q = understand(f"{agency}近两年收到多少申请", catalog=catalog)
    assert q.years == (last - 1, last)


@pytest.mark.parametrize("text, metric", [
    ("收到多少政府信息公开申请", Metric("申请", "一", "总计")),
    ("企业申请有多少", Metric("申请", "一", "商业企业")),
    ("自然人提出了几件申请", Metric("申请", "一", "自然人")),
    ("不予公开的有多少", Metric("申请", "三.三", "总计")),
    ("经过区分处理的申请有几件", Metric("申请", "三.二", "总计")),
    ("只给公开了一部分的有多少", Metric("申请", "三.二", "总计")),
    ("申请人拿到的信息只公开了部分，这种有几件", Metric("申请", "三.二", "总计")),
    ("本机关不掌握相关信息的有多少件", Metric("申请", "三.四.1", "总计")),
    ("结转了多少申请", Metric("申请", "四", "总计")),
    ("上年结转的申请", Metric("申请", "二", "总计")),
    ("重复申请有几件", Metric("申请", "三.五.2", "总计")),
    ("被告了几次", Metric("复议诉讼", "数量", "诉讼.总计")),
    ("打官司多少次", Metric("复议诉讼", "数量", "诉讼.总计")),
    ("行政复议多少起", Metric("复议诉讼", "数量", "复议.总计")),
    ("复议结果维持的有几起", Metric("复议诉讼", "数量", "复议.维持")),
    ("采购花了多少钱", Metric("主动公开", "政府集中采购", "采购总金额")),
    ("罚款多少", Metric("主动公开", "行政处罚", "处理决定数量")),
    ("制定了多少规章", Metric("主动公开", "规章", "本年新制作数量")),
    ("规范性文件对外公开总数量", Metric("主动公开", "规范性文件", "对外公开总数量")),
    ("行政许可本年增减", Metric("主动公开", "行政许可", "本年增/减")),
])
def test_metric_words(text: str, metric: Metric) -> None:
    assert find_metric(text) == metric


def test_narrative_question_has_no_metric() -> None:
    assert find_metric("镇北堡镇政务公开工作有哪些亮点") is None


@pytest.mark.parametrize("text, intent, top_n, order", [
    ("红寺堡区收到多少申请", "value", None, "desc"),
    ("自治区政府办公厅各类申请人分别多少", "breakdown", None, "desc"),
    ("哪个机关收到的申请最多", "ranking", None, "desc"),
    ("采购金额排名前三的机关", "ranking", 3, "desc"),
    ("哪个机关行政处罚最少", "ranking", None, "asc"),
    ("各机关合计收到多少申请", "sum", None, "desc"),
    ("平均每个机关采购多少万元", "average", None, "desc"),
    ("镇北堡镇和红寺堡区哪个采购金额多", "compare", None, "desc"),
    ("对比红寺堡区2019年和2020年收到的申请", "compare", None, "desc"),
    ("哪些机关收到过申请", "any", None, "desc"),
])
def test_intents(catalog: Catalog, text: str, intent: str, top_n: int | None, order: str) -> None:
    q = understand(text, catalog=catalog)
    assert (q.intent, q.top_n, q.order) == (intent, top_n, order)


def test_breakdown_asks_every_applicant_column(catalog: Catalog) -> None:
    q = understand("自治区政府办公厅各类申请人分别多少", catalog=catalog)
    assert q.metric == Metric("申请", "一", None)


def test_followups_swap_agency_year_and_column(catalog: Catalog) -> None:
    first = understand("红寺堡区2020年收到多少政府信息公开申请？", catalog=catalog)
    swap_agency = understand("那掌政镇呢？", catalog=catalog, context=first)
    assert (swap_agency.agencies, swap_agency.years, swap_agency.metric) == ((ZZ,), (2020,), first.metric)
    swap_year = understand("2019年呢？", catalog=catalog, context=swap_agency)
    assert (swap_year.agencies, swap_year.years, swap_year.metric) == ((ZZ,), (2019,), first.metric)
    swap_col = understand("企业呢？", catalog=catalog, context=swap_agency)
    assert swap_col.metric == Metric("申请", "一", "商业企业") and swap_col.agencies == (ZZ,)
    assert swap_col.followup


def test_followup_keeps_a_ranking(catalog: Catalog) -> None:
    first = understand("哪个机关行政处罚最多", catalog=catalog)
    then = understand("那最少的呢？", catalog=catalog, context=first)
    assert (then.intent, then.order, then.metric) == ("ranking", "asc", first.metric)


def test_a_new_full_question_is_not_a_followup(catalog: Catalog) -> None:
    first = understand("红寺堡区收到多少申请", catalog=catalog)
    fresh = understand("哪个机关采购金额最高", catalog=catalog, context=first)
    assert fresh.agencies == () and fresh.intent == "ranking"
    assert fresh.metric == Metric("主动公开", "政府集中采购", "采购总金额")


@pytest.mark.parametrize(
    ("question", "row", "col"),
    [
        ("有多少件申请是因为办公厅手里根本没有这个信息所以没法提供？", "三.四.1", "总计"),
        ("有多少件申请因为是重复提交的而没有处理？", "三.五.2", "总计"),
        ("先申请了复议、之后又告到法院，这样的官司有几起？", "数量", "复议后诉.总计"),
        ("对外公开的规章一共有多少件？", "规章", "对外公开总数量"),
        ("行政复议维持了几起", "数量", "复议.维持"),
    ],
)
def test_everyday_wording_finds_the_cell(question: str, row: str, col: str) -> None:
    metric = find_metric(question)
    assert metric is not None and (metric.row, metric.col) == (row, col)


def test_a_pronoun_keeps_the_agency_but_not_the_metric(catalog: Catalog) -> None:
    first = understand("红寺堡区2020年收到多少政府信息公开申请？", catalog=catalog)
    for text in ("他们的办公地址在哪里？", "该单位的传真号码是多少？", "这个机关的邮箱是什么？"):
        q = understand(text, catalog=catalog, context=first)
        assert q.agencies == first.agencies and q.years == (2020,), text
        assert q.metric is None and q.query == "", text  # a new thing asked: searched with its own words
    # without a pronoun too: in a chat a question naming no agency is about the one just asked about
    for text in ("办公地址在哪里？请告诉我详细的门牌号码", "最新一年的年报里电话是多少？"):
        plain = understand(text, catalog=catalog, context=first)
        assert plain.agencies == first.agencies and plain.metric is None, text
    assert understand("最新一年的年报里电话是多少？", catalog=catalog, context=first).years == ()  # the newest, not 2020
    # unless it asks about all of them, or names another
    assert understand("哪些机关公开了办公地址？", catalog=catalog, context=first).agencies == ()
    assert understand("掌政镇的办公地址在哪里？", catalog=catalog, context=first).agencies == (ZZ,)


def test_a_full_question_about_another_agency_does_not_keep_the_year(catalog: Catalog) -> None:
    first = understand("红寺堡区2020年收到多少政府信息公开申请？", catalog=catalog)
    other = understand("镇北堡镇人民政府收到的政府信息公开申请一共有多少件？", catalog=catalog, context=first)
    assert other.agencies != first.agencies and other.years == ()
    assert understand("那镇北堡镇呢？", catalog=catalog, context=first).years == (2020,)  # clearly following up


def test_a_follow_up_agency_without_a_report_of_the_year_asked_reads_its_newest() -> None:
    catalog = Catalog.from_rows([("山海省科学技术厅", "山海科技厅", (), (2021, 2023)),
                                 ("山海省工业和信息化厅", "山海工信厅", (), (2019, 2021))])
    first = understand("山海科技厅2023年存在哪些问题", catalog=catalog)
    assert understand("山海工信厅呢？", catalog=catalog, context=first).years == ()  # no 2023 report: its newest
    earlier = understand("山海科技厅2021年存在哪些问题", catalog=catalog)
    assert understand("山海工信厅呢？", catalog=catalog, context=earlier).years == (2021,)  # it has 2021: kept


def test_a_time_filler_is_no_content_word() -> None:
    assert content_tokens("2021年的时候呢？") == []


def test_these_applications_point_back_at_the_asked_agency(catalog: Catalog) -> None:
    first = understand("红寺堡区2020年收到多少政府信息公开申请？", catalog=catalog)
    q = understand("这些申请是通过什么渠道递交的？", catalog=catalog, context=first)
    assert q.agencies == first.agencies and q.years == (2020,)


def test_what_applications_were_about_is_no_cell(catalog: Catalog) -> None:
    first = understand("红寺堡区2020年收到多少政府信息公开申请？", catalog=catalog)
    for text in ("这些申请主要涉及哪些内容？", "涉及什么内容？", "申请主要是关于哪些方面的？"):
        q = understand(text, catalog=catalog, context=first)
        assert (q.metric, q.agencies, q.years) == (None, (HSB,), (2020,)), text
    listed = understand("红寺堡区2020年在依申请公开方面做了哪些工作？", catalog=catalog)
    assert listed.metric is None  # the items under that sub-heading, not the count of applications
    counted = understand("涉及不动产登记的申请有多少件？", catalog=catalog, context=first)
    assert counted.metric is not None  # a number asked: the table may hold it


def test_that_year_points_back_at_the_agency_without_keeping_the_metric(catalog: Catalog) -> None:
    first = understand("红寺堡区2020年作出了多少行政处罚决定？", catalog=catalog)
    then = understand("那年接收办理的群众信访投诉事项有多少件？", catalog=catalog, context=first)
    assert (then.agencies, then.years, then.metric, then.intent) == ((HSB,), (2020,), None, "narrative")
    short = understand("那年呢？", catalog=catalog, context=first)
    assert short.metric == first.metric and short.agencies == (HSB,)


@pytest.mark.parametrize("text, metric", [
    ("红寺堡区2020年收到的信访举报投诉类申请有几件", Metric("申请", "三.五.1", "总计")),
    ("红寺堡区2020年因属于信访举报投诉而不予处理的有几件", Metric("申请", "三.五.1", "总计")),
    ("红寺堡区2020年处置信访投诉事项多少件", None),  # the agency's complaint handling: prose, not the table
])
def test_complaints_are_the_table_row_only_as_applications(text: str, metric: Metric | None) -> None:
    assert find_metric(text) == metric


@pytest.mark.parametrize("text, years", [
    ("红寺堡区22年收到多少申请", (2022,)),
    ("19年度和20年度哪年多", (2019, 2020)),
    ("近10年的申请", tuple(range(2011, 2021))),
    ("这项工作开展10年来", ()),
    ("5年前的数字", ()),
])
def test_two_digit_years(text: str, years: tuple[int, ...]) -> None:
    assert parse_years(text, 2020) == years


@pytest.mark.parametrize("text", [
    "东岚区农业局2020年对不予公开的政府信息后续怎么管？",
    "对不予公开的信息是如何处理的",
    "东岚区对不予公开的政府信息一般怎样管理",
    "对落实不到位的单位是咋处理的？",
    "对不予公开的那些信息平时怎么复查",
    "东岚区2021年对依申请公开的答复做了哪些规范",
    "对公开不及时的科室采取了什么措施",
])
def test_what_was_done_to_a_thing_is_no_table_count(catalog: Catalog, text: str) -> None:
    # 对X怎么管 / 对X做了什么: the prose sentence about X, even when X names a table row (不予公开)
    assert understand(text, catalog=catalog).metric is None, text


@pytest.mark.parametrize("text", [
    "对不予公开的申请有多少件",
    "东岚区2021年行政复议案件最后是怎么处理的",
])
def test_a_count_or_a_case_outcome_keeps_its_cell(catalog: Catalog, text: str) -> None:
    assert understand(text, catalog=catalog).metric is not None, text
