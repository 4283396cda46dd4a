"""Kinds of citizen question a fresh set asks (issue 12, round 9), each in several wordings, over hand-written reports:
how a topic that is also a table row was handled (政府采购公开是怎么抓的), a 一是 part holding a 1. 2. list and a 五是
after it, the forms titled in section 二, the names one sentence gives (设置了“A”“B”信息栏), counts of information
items (多少条信息不予公开: prose, not 表三), and follow-ups about one item of the list just given (第一条里说…)."""

from __future__ import annotations

import pytest
from listed_parts import holds, listed_items

from govqa.core.types import Question
from govqa.qa import lexicon as lx
from govqa.qa.catalog import Catalog
from govqa.qa.section_list import WORK, asked_part
from govqa.qa.sentence_names import asked_noun, named_things
from govqa.qa.understand import find_metric, understand

AGENCY = "青川县财政局"
TABLES = ("二、主动公开政府信息情况\n表略。\n三、收到和处理政府信息公开申请情况\n表略。\n"
          "四、政府信息公开行政复议、行政诉讼情况\n表略。\n")

# a crawled one-line page: 一是 parts, the first holding a 1. 2. 3. list that runs on into 四是, the third a 采购 part
# whose items are sentences; 设置了 names three columns inside one sentence
ONE_LINE = ("青川县财政局2022年政府信息公开工作年度报告一、总体情况2022年，我局积极推进政务公开。一是突出抓好预算公开。"
            "1.公开部门预算。在县政府网站公开预算表18张。2.规范公开时限。各单位在批复后20日内公开。3.加强公开督导。"
            "对未按时公开的单位电话督办6次。四是严格考核。将预算公开纳入年度绩效考核。二是推进收费清单公开。公开收费项目12项。"
            "三是抓好政府采购信息公开。着力规范采购公告，统一发布格式。严把信息审核关，做到先审后发。积极开展宣传，"
            "印发采购指南300份。四是优化公开目录。在目录中设置了“财政预决算”“政府采购”“专项资金”信息栏，方便群众查找。"
            + TABLES + "五、存在的主要问题及改进情况一是解读偏少。二是更新偏慢。六、其他需要报告的事项无。")
BUDGET = ["1.公开部门预算", "2.规范公开时限", "3.加强公开督导", "四是严格考核"]
PROCUREMENT = ["着力规范采购公告", "严把信息审核关", "积极开展宣传"]
COLUMNS = ["财政预决算", "政府采购", "专项资金"]

# the forms of publishing titled as a sub-heading of section 二, and a sentence in section 一 naming one channel
FORMS_IN_TWO = ("青川县财政局2022年政府信息公开工作年度报告\n一、总体情况\n全年在县政府门户网站发布信息120条。\n"
                "二、主动公开政府信息情况\n（一）主动公开政府信息的数量\n全年主动公开信息120条。\n"
                "（二）主动公开政府信息的主要形式\n1.门户网站。在县政府网站集中发布本局信息。\n2.政务公开栏。在办事大厅设置公开栏。\n"
                "三、收到和处理政府信息公开申请情况\n表略。\n四、政府信息公开行政复议、行政诉讼情况\n表略。\n"
                "五、存在的主要问题及改进情况\n无。\n六、其他需要报告的事项\n无。\n")


@pytest.mark.parametrize("question", [
    "青川财政局2022年政府采购公开方面是怎么抓的？",
    "政府采购信息公开是怎么做的",
    "政府采购公开如何推进的？",
    "采购信息公开这块是怎样开展的",
    "在政府采购公开上采取了哪些措施？",
    "政府采购公开做了哪些工作",
    "政府采购这块咋做的",
])
def test_how_a_table_row_topic_was_handled_is_its_part_not_a_cell(question: str) -> None:
    assert find_metric(question) is None or asked_part(question) is not None
    assert holds(listed_items(ONE_LINE, question), PROCUREMENT), question


@pytest.mark.parametrize("question", [
    "行政许可公开是怎么做的？", "2021年行政处罚信息公开如何推进", "行政处罚公开采取了哪些措施", "政府集中采购公开怎么抓的",
])
def test_how_questions_on_other_table_row_topics_name_their_topic(question: str) -> None:
    part = asked_part(question)
    assert part is not None and part.name == WORK and ("许可" in part.topic or "处罚" in part.topic
                                                      or "采购" in part.topic), question


@pytest.mark.parametrize("question", ["他们的政务公开工作是如何开展的？", "下一步准备怎么做好公开？", "青川县财政局做了哪些工作？"])
def test_who_or_when_before_a_how_word_is_no_topic(question: str) -> None:
    part = asked_part(question)
    assert part is not None and part.topic == "", question


@pytest.mark.parametrize("question", [
    "在预算公开这块具体做了哪些事？",
    "预算公开方面都做了些什么",
    "预算公开是怎么抓的？",
    "预算公开上采取了哪些措施",
    "在预算公开方面开展了哪些工作？",
])
def test_a_shi_part_gives_its_numbered_list_and_the_item_after_it(question: str) -> None:
    assert holds(listed_items(ONE_LINE, question), BUDGET), question


@pytest.mark.parametrize("question", [
    "主要通过什么形式主动公开信息？", "通过哪些渠道公开政府信息", "信息公开的方式有哪些", "主动公开用了哪几种形式",
    "平时都通过啥渠道发布信息？",
])
def test_forms_titled_in_section_two_beat_one_channel_sentence_in_section_one(question: str) -> None:
    assert holds(listed_items(FORMS_IN_TWO, question), ["1.门户网站", "2.政务公开栏"]), question


@pytest.mark.parametrize("question", [
    "在信息公开目录里设置了哪几个信息栏？", "公开目录都开了哪些栏目", "目录里有什么栏目", "设了几个栏目？", "新设了哪些专栏",
    "目录中设置了哪些信息栏目呢",
])
def test_names_set_up_inside_one_sentence_are_each_an_item(question: str) -> None:
    assert asked_noun(question) == "栏"
    assert listed_items(ONE_LINE, question) == COLUMNS, question


def test_names_listed_with_commas_and_an_aside_are_split_and_a_single_name_is_none() -> None:
    text = "我局在网站开设了政策解读、办事服务（含表格下载、在线咨询等子栏目）以及通知公告等栏目，便于查阅。"
    assert [text[a:b] for a, b in named_things(text, "栏", 0, len(text))] == ["政策解读", "办事服务", "通知公告"]
    one = "我局开设了“政策解读”专栏。"
    assert named_things(one, "栏", 0, len(one)) == []
    assert asked_noun("开展了哪些专题培训") == ""  # a training's topic, not a zone set up
    assert asked_noun("网站有哪些板块") == "块"


@pytest.mark.parametrize("question", [
    "有多少条信息是不予公开的？", "不予公开的信息有几条", "不予公开信息多少条？", "几条政府信息属于不予公开",
    "依申请公开的信息有多少条？",
])
def test_counts_of_information_items_are_no_application_cell(question: str) -> None:
    assert find_metric(question) is None, question


@pytest.mark.parametrize("question", ["不予公开的申请有多少件？", "有多少件申请不予公开", "不予公开的有多少"])
def test_counts_of_applications_stay_table_cells(question: str) -> None:
    metric = find_metric(question)
    assert metric is not None and metric.table == "申请", question


CATALOG = Catalog.from_rows([(AGENCY, "青川财政局", (), (2022,))])


@pytest.mark.parametrize("question", [
    "第一条里说专门安排了几个人？", "第二条里提到了什么？", "第三点具体说了啥", "第一项中讲了几个人", "第二点里面说的是什么",
])
def test_a_followup_about_an_item_keeps_the_list_and_takes_no_cell(question: str) -> None:
    earlier = understand("青川财政局2022年的信息公开工作都做了哪些？", catalog=CATALOG)
    q = understand(question, catalog=CATALOG, context=earlier)
    assert q.metric is None and q.query, question
    part = asked_part(q.query)
    assert part is not None and part.name == WORK


def test_a_table_row_numbered_like_an_item_is_no_item_reference() -> None:
    assert not lx.ITEM_REF.search("第二十条第（五）项的行政许可有多少")
    assert isinstance(understand("青川财政局2022年收到多少申请？", catalog=CATALOG), Question)


# a change against an earlier year stated in the asked report's own prose (the store lacks that year's report)
CHANGE = ("青川县财政局2021年政府信息公开工作年度报告\n一、总体情况\n全年主动公开信息212条，比2020年增加35条。"
          "主动公开信息占比达88.5%，较2020年上升2.3个百分点。\n" + TABLES)


def test_a_change_the_report_states_against_a_lacking_year_is_found() -> None:
    from govqa.qa.stated_change import stated_change

    span = stated_change(CHANGE, lacking=(2020,), year=2021)
    assert span is not None and "比2020年增加35条" in CHANGE[span[0]:span[1]]
    said = CHANGE.replace("2020年", "上年")  # 比上年: the year before the report's own
    span = stated_change(said, lacking=(2020,), year=2021)
    assert span is not None and "增加35条" in said[span[0]:span[1]]
    assert stated_change(CHANGE, lacking=(2018,), year=2021) is None  # another year: still refused, never a zero
    assert stated_change("全年主动公开信息212条。", lacking=(2020,), year=2021) is None
