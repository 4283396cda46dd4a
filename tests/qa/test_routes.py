"""qa/plan.py routes_of: the plan names the routes from the wording alone (each route module's own predicate), so a
question reaches the one route that answers it; arith, list and trend may hand on, the last route always answers."""

from __future__ import annotations

import pytest

from govqa.core.types import Metric, Question
from govqa.qa.plan import routes_of

AGENCY = "东岚县文化和旅游局"
NEW = Metric("申请", "一", "总计")
PAIRS = [(AGENCY, 2021)]


def q(text: str, *, metric: Metric | None = None, years: tuple[int, ...] = (2021,), intent: str = "value",
      agencies: tuple[str, ...] = (AGENCY,)) -> Question:
    return Question(text, agencies=agencies, years=years, metric=metric, intent=intent)


@pytest.mark.parametrize(("question", "routes"), [
    (q("东岚县文旅局2021年收到多少申请？", metric=NEW), ("table",)),
    (q("东岚县文旅局2021年收到的申请有几件", metric=NEW), ("table",)),
    (q("东岚县文旅局2021年的公开率是多少？"), ("arith", "prose")),  # an indicator: no metric of its own
    (q("东岚县文旅局2021年收到的申请比上一年多了多少？", metric=NEW), ("arith", "table")),
    (q("东岚县文旅局2021年收到的申请占比多少", metric=NEW), ("arith", "table")),
    (q("东岚县文旅局2021年办理结果中“无法提供”这一类的比率是多少？", metric=Metric("申请", "三.四", "总计")),
     ("arith", "table")),  # a row described by its group: its share (比率 is a share word)
    (q("东岚县文旅局2021年不予处理这块的百分比", metric=Metric("申请", "三.五", "总计")), ("arith", "table")),
    (q("东岚县文旅局2021年收到的申请比西岭区2019年多多少件？", metric=NEW, years=(2019, 2021),
       agencies=(AGENCY, "西岭区人民政府")), ("arith", "table")),  # two agencies, each with its own year
    (q("2021年东岚县文旅局收到的申请比西岭区多出百分之几？", metric=NEW, agencies=(AGENCY, "西岭区人民政府")),
     ("arith", "table")),
    (q("东岚县文旅局2021年的规章里新公开的占几成？", metric=Metric("主动公开", "规章", "本年新公开数量")),
     ("arith", "table")),
    (q("东岚县文旅局2019年行政许可处理决定数量是上一年项目数量的百分之多少", metric=Metric("主动公开", "行政许可", "处理决定数量"),
       years=(2019,)), ("arith", "table")),  # two columns of one 表二 row: a ratio (qa/column_ratio.py)
    (q("东岚县文旅局2019年行政处罚处理决定数是上一年项目数的几倍", metric=Metric("主动公开", "行政处罚", "处理决定数量"),
       years=(2019,)), ("arith", "table")),
    (q("2019年东岚县文旅局和西岭区两家的行政处罚，上一年项目数量加起来多少？本年增减加起来又是多少？",
       metric=Metric("主动公开", "行政处罚", "上一年项目数量"), years=(2019,), agencies=(AGENCY, "西岭区人民政府")),
     ("arith", "table")),  # a clause naming only a column: that column of the row, summed (qa/pooled_sums.py)
    (q("东岚县文旅局2019年行政处罚的处理决定数量比上一年项目数量少多少", metric=Metric("主动公开", "行政处罚", "处理决定数量"),
       years=(2019,)), ("arith", "table")),  # two columns of one row subtracted (qa/column_ratio.py)
    (q("东岚县文旅局2021年待办的申请（新收加上年结转）一共多少件？予以公开几件？", metric=NEW), ("arith", "table")),
    (q("东岚县文旅局2021年的申请有多大比例结转到了2022年？", years=(2021, 2022)), ("arith", "prose")),
    (q("东岚县文旅局2019、2021两年新收的申请里，自然人申请合计占比多少", metric=Metric("申请", "一", "自然人"),
       years=(2019, 2021)), ("arith", "table")),  # one share pooled over the years listed (占比 is no comparison)
    (q("东岚县文旅局2019年和2021年两年需办理的申请中，上年结转的占多少", metric=Metric("申请", "二", "总计"),
       years=(2019, 2021)), ("arith", "table")),  # a share within the listed years taken as one (qa/pooled.py)
    (q("东岚县文旅局2021年新公开的规章和规范性文件占这两类对外公开总数的百分之几",
       metric=Metric("主动公开", "规范性文件", "本年新公开数量")), ("arith", "table")),  # two rows added (arith_shares)
    (q("东岚县文旅局2021年被申请复议和被起诉的案件一共几件？其中被纠正的有几件？",
       metric=Metric("复议诉讼", "数量", "诉讼.总计")), ("arith", "table")),  # 表四 groups added (qa/figures.py)
    (q("东岚县文旅局2021年无法提供的申请里，自然人和商业企业分别有多少件", metric=Metric("申请", "三.四", "自然人")),
     ("arith", "table")),  # applicant columns within a row group
    (q("东岚县文旅局2021年无法提供的申请是最终公开（含部分公开）申请的多少倍", metric=Metric("申请", "三.四", "总计")),
     ("arith", "table")),  # a group said with its part: its rows added
    (q("东岚县文旅局2019到2021年新收申请年均增长百分之几", metric=NEW, years=(2019, 2021)),
     ("arith", "trend", "table")),  # a compound yearly rate first; a span may hand on to the trend
    (q("2021年东岚县文旅局和西岭区合计收到的申请比北川区多多少件", metric=NEW,
       agencies=(AGENCY, "西岭区人民政府", "北川区人民政府")), ("arith", "table")),  # a sum of two against a third
    (q("东岚县文旅局2021年公开出去的（含部分公开）占比多少？"), ("arith", "prose")),
    (q("东岚县文旅局2019到2021年收到多少申请？", metric=NEW, years=(2019, 2020, 2021)), ("trend", "table")),
    (q("东岚县文旅局近三年的申请数量变化", metric=NEW, years=()), ("trend", "table")),
    (q("东岚县文旅局的联系电话是多少？", years=()), ("contact",)),
    (q("东岚县文旅局办公地址在哪里"), ("contact",)),
    (q("东岚县文旅局2021年的年报发在哪个网站上"), ("contact", "fact")),  # no 网址 printed: the sentence naming the site
    (q("东岚县文旅局2021年存在哪些问题？"), ("list", "prose")),
    (q("东岚县文旅局2021年有哪些改进措施"), ("list", "prose")),
    (q("东岚县文旅局2021年通过新闻发布会解读政策文件几次？"), ("prose",)),
    (q("哪些机关2021年存在问题", agencies=()), ("prose",)),  # no agency named: no list of one report's part
    (q("东岚县文旅局2021年的工作经费主要花在了哪些地方"), ("items", "list", "prose")),  # the sentence saying the sum's use
    (q("东岚县文旅局2021年在保障上强化了哪几项"), ("items", "list", "prose")),  # an aspect's parts (qa/quote_followup.py)
])
def test_the_plan_names_the_routes(question: Question, routes: tuple[str, ...]) -> None:
    assert routes_of(question, PAIRS) == routes


@pytest.mark.parametrize("question", [
    q("东岚县文旅局2021年收到多少申请？", metric=NEW),
    q("东岚县文旅局2020和2021年收到多少申请？", metric=NEW, years=(2020, 2021)),
    q("东岚县文旅局2019到2021年收到多少申请？", metric=NEW, years=(2019, 2020, 2021)),
    q("东岚县文旅局2021年按申请人类型收到多少申请", metric=NEW, intent="breakdown"),
])
def test_arithmetic_answers_nothing_the_plan_does_not_route_to_it(tmp_path, question: Question) -> None:
    # the predicate's promise: when arith.recognise is False, arithmetic_answer (which reads the cells) is None too
    from govqa.qa.arith import arithmetic_answer, recognise
    from tests.written_stores import Written, application_cells, written_store

    store = written_store(f"sqlite:///{tmp_path / 'w.db'}", [
        Written(f"dl{y}abcdefgh", AGENCY, "东岚县文旅局", y, application_cells("一", n, 自然人=n))
        for y, n in ((2019, 12), (2020, 15), (2021, 20))])
    assert not recognise(question)
    assert arithmetic_answer(question, store=store, pairs=[(AGENCY, y) for y in question.years]) is None
