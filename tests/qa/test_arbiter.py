"""qa/arbiter.py: when a question the lexicon maps to a table cell is really about prose (real seed wording)."""

from __future__ import annotations

from govqa.core.types import Answer, Chunk, Metric, Source
from govqa.qa.arbiter import beside, prefer_quote, prose_cue, table_fit
from govqa.qa.extract import Quote
from govqa.qa.passages import Passage
from govqa.qa.words import tokens

NAMES = ["镇北堡镇", "掌政镇", "自治区政府办公厅"]
NAMES += [t for name in NAMES for t in tokens(name)]  # as extract.name_words drops them
CHUNK = Chunk(id="c", report_id="r", agency="a", short_name="s", year=2020, section="总体情况", subheading="",
              start=0, end=10, text="")


def _quote(text: str, coverage: float) -> Quote:
    return Quote(CHUNK, (Passage(0, len(text), text, "总体情况"),), coverage, coverage)


def test_a_table_question_is_fully_explained_by_its_cell() -> None:
    fit = table_fit("自治区政府办公厅2020年收到多少政府信息公开申请？", Metric("申请", "一", "总计"), drop=NAMES)
    assert fit.share == 1.0 and fit.residual == ()
    fit = table_fit("自治区政府办公厅因本机关不掌握相关政府信息而无法提供的申请有多少？", Metric("申请", "三.四.1", "总计"), drop=NAMES)
    assert fit.share == 1.0  # 相关 is in the row's printed label



def test_making_a_decision_is_how_the_decisions_column_is_said() -> None:
    fit = table_fit("镇北堡镇2020年作出了多少行政处罚决定？", Metric("主动公开", "行政处罚", "处理决定数量"), drop=NAMES)
    assert fit.share == 1.0 and fit.residual == ()  # no prose check: 作出之日起7个工作日 is no count of decisions

def test_prose_words_are_left_over() -> None:
    fit = table_fit("掌政镇接到多少条微博投诉事件，回复率是多少？", Metric("申请", "一", "总计"), drop=NAMES)
    assert fit.share < 0.5 and "微博" in fit.residual and "投诉" in fit.residual
    assert prose_cue("掌政镇接到多少条微博投诉事件，回复率是多少？") == "多少条"
    assert prose_cue("自治区政府办公厅2020年收到多少政府信息公开申请？") is None


def test_the_quote_wins_only_when_it_matches_better() -> None:
    fit = table_fit("镇北堡镇有多少条政民互动信息？答复了吗？", Metric("申请", "三.七", "总计"), drop=NAMES)
    good = _quote("2020 年主动公开的 120 条政府信息中，政民互动信息 18 条，均已答复。", 1.0)
    assert prefer_quote(fit, good, prose_cue("镇北堡镇有多少条政民互动信息？答复了吗？"))
    table_q = table_fit("自治区政府办公厅当了几次被告？", Metric("复议诉讼", "数量", "诉讼.总计"), drop=NAMES)
    unrelated = _quote("2020 年累计应对行政复议案件 530起，行政诉讼案件 13起，均无败诉。", 0.3)
    assert not prefer_quote(table_q, unrelated, prose_cue("自治区政府办公厅当了几次被告？"))
    assert not prefer_quote(fit, None, "多少条")


def test_words_naming_the_asked_agency_or_joining_the_question_are_not_left_over() -> None:
    agencies = ["云州市交通与建设局", "河东省工业和信息化厅"]
    for text, metric in [("云州交建局2021年一共收到几件政府信息公开申请？", Metric("申请", "一", "总计")),
                         ("河东工信厅2022年部分公开的申请有几件", Metric("申请", "三.二", "总计")),
                         ("云州交建局因为申请人逾期不补正而不再处理的申请有多少件", Metric("申请", "三.六.1", "总计"))]:
        fit = table_fit(text, metric, drop=NAMES, agencies=agencies)
        assert fit.residual == () and fit.share == 1.0, (text, fit)
    # without the asked agencies the short form is left over, as before
    assert "交建局" in table_fit("云州交建局2021年一共收到几件政府信息公开申请？", Metric("申请", "一", "总计"),
                                drop=NAMES).residual


def test_a_passage_stating_the_cells_number_is_quoted_beside_the_cell() -> None:
    cell = Source(report="r", agency="a", year=2021, text="表三 一 总计 = 6", section=None, table="申请", row="一", col="总计")
    passage = Source(report="r", agency="a", year=2021, text="全年收到申请6件。", section="总体情况")
    table = Answer(question="q", text="新收申请6件。", found=True, route="table", value=6.0, unit="件", sources=(cell,))
    quoted = Answer(question="q", text="“全年收到申请6件。”", found=True, route="retrieval", value=6.0, unit="件",
                    sources=(passage,))
    both = beside(table, quoted)
    assert both.route == "table" and both.value == 6.0 and both.sources == (cell, passage)
    assert both.text.startswith("新收申请6件。") and "全年收到申请6件" in both.text


def test_choose_is_a_pure_choice_between_the_cell_and_the_quote() -> None:
    from govqa.core.types import Question
    from govqa.qa.arbiter import ProseCheck, choose
    from govqa.qa.catalog import Catalog

    catalog = Catalog.from_rows([("银川市兴庆区掌政镇人民政府", "掌政镇", (), (2020,))])
    text = "掌政镇2020年有多少条政民互动留言？"
    q = Question(text=text, agencies=("银川市兴庆区掌政镇人民政府",), years=(2020,), metric=Metric("申请", "一", "总计"))
    check = ProseCheck(table_fit(text, q.metric, drop=NAMES), prose_cue(text))  # type: ignore[arg-type]
    table = Answer(question=text, text="表三：新收申请3件。", found=True, route="table", value=3.0)
    # no quote, or one that says less than the cell: the cell answers, unchanged
    assert choose(q, table, None, check, catalog=catalog) is table
    weak = _quote("掌政镇高度重视政府信息公开工作。", 0.1)
    assert choose(q, table, weak, check, catalog=catalog) is table
    # a quote that counts the asked thing in 条 answers instead of the cell
    good = _quote("2020年共收到政民互动留言46条，均已按时答复。", 1.0)
    chosen = choose(q, table, good, check, catalog=catalog)
    assert chosen.route == "retrieval" and "46条" in chosen.text and "新收申请3件" not in chosen.text
