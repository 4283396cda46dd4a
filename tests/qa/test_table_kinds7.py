"""Round-7 table kinds (issues 10/12): a row of 表三 described in everyday words rather than named (他们手上没有那个
信息 → 三.四.1, 逾期不交钱 → 三.六.2, 要重新汇总才能给 → 三.四.2 …, every reason of 不予公开 / 无法提供 / 不予处理 /
其他处理); the outcome of a 复议 or a lawsuit said plainly (机关输了, 还没判, 撤诉了); a yes/no count on one row answers
that row (没有（0件）); a table answer whose figure the report's prose also states quotes that sentence beside the
cell. Real SQLite (hand-typed cells), no vectors; every wording here is our own."""

from __future__ import annotations

from pathlib import Path

import pytest

from govqa.core.types import Cell, ParsedReport, Report, TableResult
from govqa.qa.answer import answer_question
from govqa.qa.figures import asked_terms
from govqa.qa.understand import find_metric, understand
from tests.qa.conftest import FakeRetriever

# ---- kind 1: each reason row of 表三 reached by everyday descriptions -----------------------------------------

DESCRIBED = [
    # 三.四.1 本机关不掌握相关政府信息
    ("2022年有多少件申请是因为机关手里根本没有这些信息而没法提供的", "三.四.1"),
    ("有几件申请因为人家要的信息本单位压根没有", "三.四.1"),
    ("去年有几个申请，因为查无此信息没给", "三.四.1"),
    ("有多少申请是因为申请的信息根本不存在", "三.四.1"),
    ("要的东西他们手头没有、所以给不了的申请有几件", "三.四.1"),
    ("有几件申请要的信息不归本机关管，提供不了", "三.四.1"),
    # 三.四.2 没有现成信息需要另行制作
    ("有几件申请因为要重新汇总加工才能给而没提供", "三.四.2"),
    ("因为没有现成的信息、得另外整理才行而没法提供的申请有多少", "三.四.2"),
    ("需要专门统计才能答的申请有几件没给", "三.四.2"),
    # 三.四.3 补正后申请内容仍不明确
    ("有几件申请是让申请人补充了以后还是说不清要什么", "三.四.3"),
    ("申请写得不清楚，补正后仍然不明确的有几件", "三.四.3"),
    ("有多少申请因为内容模糊提供不了", "三.四.3"),
    # 三.三.1 … 三.三.8 不予公开
    ("有几件申请因为涉及国家秘密不给公开", "三.三.1"),
    ("因为是机密而没公开的申请有几件", "三.三.1"),
    ("有多少申请是因为法律法规不允许公开而被拒绝的", "三.三.2"),
    ("有几件申请因为公开了会危及社会稳定而没公开", "三.三.3"),
    ("因为会影响国家安全不公开的申请有多少", "三.三.3"),
    ("因为涉及别人隐私不给公开的申请有几件", "三.三.4"),
    ("有多少件申请因为会损害第三方权益没给公开", "三.三.4"),
    ("因为涉及商业秘密没有公开的申请有几件", "三.三.4"),
    ("因为是单位内部的事不公开的申请有几件", "三.三.5"),
    ("有几件申请因为要的是内部管理信息被拒了", "三.三.5"),
    ("因为是讨论记录、草稿之类的过程性东西不公开的申请有多少", "三.三.6"),
    ("有几件申请要的是还在讨论的草稿而没给公开", "三.三.6"),
    ("有几个申请因为属于执法案卷没公开", "三.三.7"),
    ("申请看案件卷宗被拒绝公开的有几件", "三.三.7"),
    ("有几件申请因为属于查询事项、可以自己去查询而没公开", "三.三.8"),
    # 三.五.1 … 三.五.5 不予处理
    ("有几件申请其实是投诉举报，所以不予处理", "三.五.1"),
    ("有多少申请是反映问题的信访件、没有受理", "三.五.1"),
    ("同样的内容又申请了一遍、没处理的有几件", "三.五.2"),
    ("有几件申请是重复提交的", "三.五.2"),
    ("有几件申请要的是报纸杂志上就有的东西，没受理", "三.五.3"),
    ("有几件申请是要已经出版的年鉴", "三.五.3"),
    ("有人三番五次地申请，这种被不予处理的有几件", "三.五.4"),
    ("因为申请人没完没了地申请而不处理的有几件", "三.五.4"),
    ("有几件申请是要求重新出具已经拿到过的文件", "三.五.5"),
    ("申请人要再开一份之前获得的信息的申请有多少", "三.五.5"),
    # 三.六.1 … 三.六.2 其他处理 (2021)
    ("有几件申请因为申请人没有按时补正材料就不再处理了", "三.六.1"),
    ("让申请人补充材料，过期不补的申请有几件", "三.六.1"),
    ("有几件申请因为申请人逾期不交费不再处理", "三.六.2"),
    ("申请人没按收费通知交钱的申请有几件", "三.六.2"),
    ("有没有因为没缴纳费用而不再处理的申请", "三.六.2"),
    ("有没有因为申请人一直不付费被终止的申请", "三.六.2"),
    # the groups and outcomes themselves
    ("有几件申请因为不再处理而结束", "三.六"),
    ("有多少申请没给公开", "三.三"),
    ("有多少申请被拒绝公开", "三.三"),
    ("有没有没给公开的申请", "三.三"),
    ("有多少件申请给不了", "三.四"),
    ("有多少件申请没受理", "三.五"),
    ("有几件申请全都给公开了", "三.一"),
    ("有几件申请只给了一部分", "三.二"),
    # the carry-over rows said plainly, with the undone part first
    ("有没有没办完、要拖到下一年的申请", "四"),
    ("还没处理完，留到明年再办的申请有几件", "四"),
    ("年底没办结、转入下一年的申请多少件", "四"),
    ("有没有没答复完要到2025年再办的申请", "四"),
    ("去年没办完结转过来的申请有多少", "二"),
]


@pytest.mark.parametrize(("text", "row"), DESCRIBED)
def test_a_row_described_in_everyday_words_reaches_it(text: str, row: str) -> None:
    assert find_metric(text) == find_metric_of(row), text


def find_metric_of(row: str):
    from govqa.core.types import Metric

    return Metric("申请", row, "总计")


@pytest.mark.parametrize("text", [
    "因为涉及个人隐私不给公开的申请有几件",  # 个人 belongs to 个人隐私, not to the 自然人 column
    "有几件申请因为要的是别人的隐私被拒了",
])
def test_a_description_says_no_applicant_column(text: str) -> None:
    assert find_metric(text) == find_metric_of("三.三.4")


@pytest.mark.parametrize(("text", "expected"), [
    ("平潭公安局2022年有多少项行政审批事项入驻了省网", None),  # prose: 审批事项 is no 行政许可 decision
    ("保密审查制度落实得怎么样", None),  # 保密 without applications is no row of 表三
    ("2021年度报告里哪个单位的行政事业性收费金额最高", ("主动公开", "行政事业性收费", "本年收费金额")),
    ("自然人提出的、因涉及他人隐私没公开的申请有几件", ("申请", "三.三.4", "自然人")),
])
def test_descriptions_leave_other_questions_alone(text: str, expected: tuple[str, str, str] | None) -> None:
    m = find_metric(text)
    assert (m and (m.table, m.row, m.col)) == expected, text


@pytest.mark.parametrize("text", [
    "红寺堡区2020年有没有没办完、要拖到下一年的申请？",
    "自治区政府办公厅2020年有几件申请是因为手上没有、给不了的？",
    "自治区政府办公厅2020年有几件申请因为补充以后还是说不清楚、提供不了？",
])
def test_one_described_row_is_one_figure_not_a_list(text: str, catalog) -> None:
    assert asked_terms(understand(text, catalog=catalog)) is None  # the 、 inside a description joins no figures


# ---- kind 2: the outcome of a 复议 or a lawsuit in everyday words -----------------------------------------------

@pytest.mark.parametrize(("text", "col"), [
    ("有人申请行政复议后，机关赢了的有几件", "复议.维持"),
    ("行政复议里原来的决定被维持了几件", "复议.维持"),
    ("行政诉讼中法院支持机关的有几件", "诉讼.维持"),
    ("官司打赢了几次", "诉讼.维持"),
    ("复议结果被改了的有几件", "复议.纠正"),
    ("行政复议中机关输了几次", "复议.纠正"),
    ("打官司输了几次", "诉讼.纠正"),
    ("复议还没出结果的有几件", "复议.未审结"),
    ("行政复议还在审的有几件", "复议.未审结"),
    ("被告上法院还没判的有几件", "诉讼.未审结"),
    ("行政诉讼里还在审理中的案子有几件", "诉讼.未审结"),
    ("复议中申请人撤回的有几件", "复议.其他"),
    ("行政复议以和解、终止等方式结束的有几件", "复议.其他"),
    ("有没有被人告到法院", "诉讼.总计"),
])
def test_a_review_or_suit_outcome_in_everyday_words(text: str, col: str) -> None:
    m = find_metric(text)
    assert m is not None and (m.table, m.col) == ("复议诉讼", col), text


@pytest.mark.parametrize(("text", "row"), [
    ("开了多少张罚单", "行政处罚"),
    ("查封扣押了多少次", "行政强制"),
    ("作出了多少个审批决定", "行政许可"),
])
def test_public_rows_in_plain_words(text: str, row: str) -> None:
    m = find_metric(text)
    assert m is not None and (m.table, m.row) == ("主动公开", row), text


# ---- kind 3: a yes/no count on one row answers that row, leading with 有 / 没有 -----------------------------

@pytest.fixture
def catalog():
    from govqa.qa.catalog import Catalog

    return Catalog.from_rows([
        ("宁夏回族自治区人民政府办公厅", "自治区人民政府办公厅", ("自治区政府办公厅",), (2020,)),
        ("吴忠市红寺堡区人民政府", "红寺堡区", ("红寺堡",), (2020,)),
    ])


@pytest.fixture
def ask(mini_store, settings):
    def _ask(text: str):
        return answer_question(text, store=mini_store, retriever=FakeRetriever([]), conversation=None,
                               settings=settings)
    return _ask


@pytest.mark.parametrize(("text", "value", "lead"), [
    ("红寺堡区2020年有没有没办完、要拖到下一年的申请？", 0, "没有（0件）"),
    ("红寺堡区2020年有拖到明年继续办的申请吗", 0, "没有（0件）"),
    ("红寺堡区2020年是否有因为涉密不给公开的申请？", 0, "没有（0件）"),
    ("自治区政府办公厅2020年有没有因为手里没有这个信息给不了的申请", 3182, "有，3182件"),
    ("自治区政府办公厅2020年有没有因为是内部的事没给公开的申请？", 5, "有，5件"),
    ("自治区政府办公厅2020年有没有同样的内容重复申请的", 186, "有，186件"),
])
def test_a_yes_no_count_answers_its_one_row(ask, text: str, value: int, lead: str) -> None:
    a = ask(text)
    assert a.found and a.route == "table" and a.value == value, a.text
    assert a.text.startswith(lead), a.text


def test_a_count_question_keeps_its_plain_sentence(ask) -> None:
    a = ask("自治区政府办公厅2020年有几件申请因为补正后仍然说不清楚而给不了？")
    assert a.value == 1050 and not a.text.startswith(("有，", "没有")), a.text


# ---- kind 4: the report's prose states the cell's figure: quoted beside the cell ------------------------------

AGENCY = "示例市测绘地理信息局"
# our own wording; the tables region prints its numbers without units
PROSE = ("示例市测绘地理信息局2023年政府信息公开工作年度报告\n一、总体情况\n2023年，本局主动公开政府信息64条；"
         "全年共办理依申请公开21件，按时答复率100%。另受理群众来电咨询21次，收到群众来信19件。\n"
         "三、收到和处理政府信息公开申请情况\n本年新收政府信息公开申请 19 0 0 0 0 0 19\n")


@pytest.fixture
def prose_store(tmp_path: Path):
    from govqa.index.store import Store

    store = Store(f"sqlite:///{tmp_path / 'prose.db'}")
    cells = [Cell("申请", "一", "总计", 19.0, "19"), Cell("申请", "二", "总计", 2.0, "2"),
             Cell("申请", "三.一", "总计", 21.0, "21"), Cell("申请", "三.七", "总计", 21.0, "21"),
             Cell("申请", "四", "总计", 0.0, "0")]
    report = Report(id="bbbbbbbbbbb1", source="chx_2023.txt", agency=AGENCY, short_name="测绘地理信息局",
                    aliases=("示例测绘局",), year=2023, template="2021", title=f"{AGENCY}2023年政府信息公开工作年度报告",
                    content_hash="b" * 60, text=PROSE)
    store.save(ParsedReport(report, (), TableResult(tuple(cells), (), "2021"), ()))
    return store


@pytest.fixture
def ask_prose(prose_store, settings):
    def _ask(text: str):
        return answer_question(text, store=prose_store, retriever=FakeRetriever([]), conversation=None,
                               settings=settings)
    return _ask


@pytest.mark.parametrize("text", [
    "测绘地理信息局办理了多少件依申请公开？",
    "测绘地理信息局2023年依申请公开办理了几件",
    "示例测绘局2023年一共办理了多少件依申请公开",
])
def test_the_prose_sentence_stating_the_figure_backs_the_cell(ask_prose, text: str) -> None:
    a = ask_prose(text)
    assert a.route == "table" and a.value == 21, a.text
    assert any(s.row == "三.七" for s in a.sources), a.sources
    quoted = [s for s in a.sources if s.start is not None]
    assert len(quoted) == 1 and PROSE[quoted[0].start:quoted[0].end].endswith("办理依申请公开21件"), quoted
    assert "报告正文" in a.text


@pytest.mark.parametrize("text", [
    "测绘地理信息局2023年收到多少件申请？",  # 收到…来信19件 counts letters, not applications: the cell alone
    "测绘地理信息局2023年予以公开了几件申请",  # 21 is stated, but of 办理, not of 予以公开
])
def test_no_sentence_is_quoted_when_the_prose_states_another_metric(ask_prose, text: str) -> None:
    a = ask_prose(text)
    assert a.route == "table" and a.found, a.text
    assert all(s.start is None for s in a.sources) and "报告正文" not in a.text, a.text


@pytest.mark.parametrize(("text", "row"), [
    ("有几件申请是因为机关没有这方面的信息而没提供", "三.四.1"),
    ("有几件申请因为申请人钱一直没交就不再处理了", "三.六.2"),
    ("申请人材料始终没补、被终止的申请有几件", "三.六.1"),
])
def test_more_everyday_reasons(text: str, row: str) -> None:
    assert find_metric(text) == find_metric_of(row), text


@pytest.mark.parametrize(("text", "lead"), [
    ("红寺堡区2020年是否收到过政府信息公开申请？", "有，8件"),
    ("红寺堡区2020年收到过申请吗", "有，8件"),
    ("红寺堡区2020年有没有作出行政强制决定", "没有（0个）"),  # its 处理决定数量 is 0
])
def test_yes_no_on_other_rows(ask, text: str, lead: str) -> None:
    a = ask(text)
    assert a.found and a.text.startswith(lead), a.text


def test_a_change_is_no_yes_no_count(ask) -> None:
    a = ask("红寺堡区2020年行政许可比上一年有没有增加？")
    assert not a.text.startswith(("有，", "没有（")), a.text


@pytest.mark.parametrize("text", [
    "还有几件申请没办完",
    "尚未办结的申请有多少件",
    "年底前没办结的申请几件",
    "到年底还有几件申请没处理完",
])
def test_an_unfinished_application_is_carried_out(text: str) -> None:
    assert find_metric(text) == find_metric_of("四"), text


@pytest.mark.parametrize(("text", "row"), [
    ("上一年没办完结转过来的申请有多少", "二"),  # the year before's unfinished ones came in
    ("2021年办完了多少件申请", "三.七"),  # finished: the outcomes' total
])
def test_finished_and_carried_in_stay(text: str, row: str) -> None:
    assert find_metric(text) == find_metric_of(row), text


@pytest.mark.parametrize("text", ["老百姓提的申请有几件", "市民提出的申请有多少", "普通居民申请了几件"])
def test_everyday_names_of_natural_persons(text: str) -> None:
    m = find_metric(text)
    assert m is not None and (m.row, m.col) == ("一", "自然人"), text
