"""Kinds of citizen list question a fresh set asks (issue 12, round 7), each in several wordings, over hand-written
reports: a facet of the work (通过哪些形式/渠道公开), a sub-part inside a part (政府信息管理的制度建设), a part named by
its slogan (“精益求精”), items named by a word they share (哪几个“到位”, 几个“力求”), and a yes/no question that also
asks the form (做了解读吗？用的什么形式？)."""

from __future__ import annotations

import pytest
from listed_parts import holds, listed_items

from govqa.core.types import Chunk, ScoredChunk
from govqa.qa.extract import best_quote
from govqa.qa.named_parts import asked_facet, asked_words, blank_names, facet_subject, outline, shared_run
from govqa.qa.section_list import MEASURES, WORK, Part, asked_part, section_items

AGENCY = "青川县自然资源局"
TABLES = ("二、主动公开政府信息情况\n表略。\n三、收到和处理政府信息公开申请情况\n表略。\n"
          "四、政府信息公开行政复议、行政诉讼情况\n表略。\n")

# a crawled one-line page: an early item already says 主动公开, the part on the forms comes third
ONE_LINE = ("青川县自然资源局2023年政府信息公开工作年度报告一、总体情况2023年，我局扎实推进政务公开。一是突出抓好预决算公开。"
            "1.主动公开部门预算。在县政府网站公开预算表12张。2.强化预决算公开督导。为落实预决算公开要求，我局设立咨询热线、"
            "上门指导、微信工作群等多种渠道指导下属单位做好预决算公开。（一）主动公开政府信息的数量2023年主动公开信息156条。"
            "（二）主动公开政府信息的主要类别规划计划类信息8条，其他信息148条。（三）主动公开政府信息的主要形式"
            "1.门户网站在县政府网站“信息公开”栏目集中发布本局信息。2.开设政务公开栏在办事大厅设置电子显示屏，滚动公开办事指南。"
            + TABLES + "五、存在的主要问题及改进情况一是解读偏少。二是更新偏慢。六、其他需要报告的事项无。")
FORMS = ["门户网站", "开设政务公开栏"]

# a report that titles its parts with slogans, nests a list inside a sub-part, and says its safeguards as 到位 clauses
SLOGANS = ("青川县自然资源局2023年政府信息公开工作年度报告\n一、总体情况\n"
           "（一）凝心聚力，扎实做好主动公开。一是公开自然资源规划8项。二是公开用地审批结果46条。\n"
           "（二）精益求精，规范做好政府信息管理。\n1.制度建设。一是落实发文属性源头认定，明确公开方式。二是严格执行三审三校，"
           "确保内容准确。三是建立信息清理台账，按季度清理。\n2.队伍建设。明确2名专职人员负责公开工作。\n"
           "（三）久久为功，全力做好监督保障。组织保障到位，局党组3次专题研究公开工作。督查考核到位，将公开工作纳入年度考核。"
           "培训指导到位，全年举办专题培训4场次，培训干部120人次。\n"
           "（四）推进政策解读。2023年，我局创新政策解读形式，持续提升公开质量。2023年，我局制发规范性文件3件，均同步完成图解解读，解读材料与文件"
           "关联发布。\n" + TABLES +
           "五、存在的主要问题及改进情况\n（一）存在问题。一是解读形式单一。二是栏目更新偶有滞后。\n（二）改进措施。"
           "一是政策解读力求“活”，多用图解和短视频。二是栏目维护力求“快”，做到当日更新。三是队伍建设力求“专”，每季度培训一次。\n"
           "六、其他需要报告的事项\n无。\n")
RULES = ["落实发文属性源头认定", "严格执行三审三校", "建立信息清理台账"]
SAFEGUARDS = ["组织保障到位", "督查考核到位", "培训指导到位"]
STRIVES = ["政策解读力求“活”", "栏目维护力求“快”", "队伍建设力求“专”"]


@pytest.mark.parametrize("question", [
    "青川自然资源局2023年通过哪些形式主动公开政府信息？",
    "主动公开信息都用了哪些渠道？",
    "政府信息是通过什么方式公开的",
    "主动公开的形式有哪些",
    "主动公开主要通过哪几种形式？",
    "信息公开的渠道有哪些？",
    "他们用什么样的方式发布信息",
])
def test_the_forms_of_publishing_are_the_part_on_them_not_the_first_part_that_says_主动公开(question: str) -> None:
    assert holds(listed_items(ONE_LINE, question), FORMS), (question, listed_items(ONE_LINE, question))


@pytest.mark.parametrize("question", ["通过哪些渠道指导下属单位做好预决算公开？", "用什么方式指导下属单位预决算公开的"])
def test_the_channels_of_one_task_are_the_sentence_that_names_them(question: str) -> None:
    items = listed_items(ONE_LINE, question)
    assert len(items) == 1 and "咨询热线" in items[0] and "微信工作群" in items[0], items


@pytest.mark.parametrize("question", ["在政府信息管理的制度建设上有哪几条规定？", "政府信息管理方面的制度建设包括哪些内容",
                                      "制度建设有哪几条", "政府信息管理里制度建设是怎么做的",
                                      "信息管理这块的制度建设都有啥"])
def test_a_sub_part_inside_a_part_gets_its_own_items(question: str) -> None:
    assert holds(listed_items(SLOGANS, question), RULES), (question, listed_items(SLOGANS, question))


def test_the_part_itself_still_gets_its_own_outline() -> None:
    assert holds(listed_items(SLOGANS, "政府信息管理方面做了哪些工作？"), ["制度建设", "队伍建设"])


@pytest.mark.parametrize("question", ["“精益求精”具体指做了哪些事？", "在“精益求精”上做了哪些工作", "精益求精方面做了什么",
                                      "“精益求精”这部分讲了什么", "精益求精具体有哪些做法"])
def test_a_part_named_by_its_slogan_gets_that_parts_items(question: str) -> None:
    assert holds(listed_items(SLOGANS, question), ["制度建设", "队伍建设"]), (question, listed_items(SLOGANS, question))


def test_a_list_question_without_section_words_is_answered_by_the_part_it_names_or_not_at_all() -> None:
    named = Part(WORK, 1, asked="报告里精益求精都包括哪些", named=True)
    assert holds([p.text for p in section_items(SLOGANS, named)], ["制度建设", "队伍建设"])
    # a word inside a title that is no whole clause of it names no part: the retrieval route answers
    assert section_items(SLOGANS, Part(WORK, 1, asked="三审三校都包括哪些", named=True)) == []


@pytest.mark.parametrize("question", ["“久久为功”是指哪些工作？", "信息公开的保障工作讲了哪几个“到位”？", "讲了哪几个到位？",
                                      "监督保障方面有哪些“到位”", "保障这块提了几个“到位”？"])
def test_items_named_by_a_shared_word_are_the_clauses_that_carry_it(question: str) -> None:
    assert holds(listed_items(SLOGANS, question), SAFEGUARDS), (question, listed_items(SLOGANS, question))


@pytest.mark.parametrize("question", ["改进措施提了哪几个“力求”？", "下一步有哪几个力求？", "2024年要做到哪几个“力求”"])
def test_items_named_by_a_shared_word_in_the_measures(question: str) -> None:
    part = asked_part(question)
    assert part is not None and part.words == ("力求",)
    assert holds(listed_items(SLOGANS, question), STRIVES), (question, listed_items(SLOGANS, question))


def test_the_measures_without_a_shared_word_are_unchanged() -> None:
    part = asked_part("下一步有哪些改进措施？")
    assert part is not None and part.name == MEASURES and not part.words
    assert holds(listed_items(SLOGANS, "下一步有哪些改进措施？"), STRIVES)


@pytest.mark.parametrize("question", [
    "在“河北工信”公众号上整合了哪些功能？",  # a quoted name, no part
    "“青川自然”公众号发了多少篇？",
    "可以通过什么方式提交信息公开申请？",  # 申请: the tables' channels
    "通过微信公众号等渠道发布了多少条信息？",  # a count
    "有没有通过新闻发布会的形式解读政策？",  # yes/no: one fact, quoted
])
def test_quoted_names_counts_and_yes_no_questions_name_no_part(question: str) -> None:
    part = asked_part(question)
    assert part is None or (not part.words and not part.facet), (question, part)


def test_the_helpers_on_their_own() -> None:
    assert asked_words("讲了哪几个“到位”？") == ("到位",)
    assert asked_words("“周密细致”具体指什么") == ("周密细致",)
    assert asked_facet("用的什么样的方式") == "方式" and asked_facet("公开渠道有哪些") == "渠道"
    assert facet_subject("通过什么方式回应舆情的？") == "回应舆情" and facet_subject("通过哪些渠道公开政府信息？") == ""
    assert shared_run("红寺堡区2020年压实责任有哪些做法", "压实责任，全力做好监督保障") == "压实责任"
    assert shared_run("2020年政府信息公开做了哪些工作", "2020年政府信息公开工作") == ""  # a year, generic words
    assert blank_names("青川自然资源局制度建设", [AGENCY]).strip() == "制度建设"
    heads = outline(SLOGANS, SLOGANS.index("（二）"), SLOGANS.index("（三）"))
    assert [(h.title, h.depth) for h in heads][:3] == [("精益求精，规范做好政府信息管理", 0), ("制度建设", 1),
                                                        ("落实发文属性源头认定", 2)]


@pytest.mark.parametrize("question", ["规范性文件都做了解读吗？用的什么形式？", "制发的规范性文件有没有解读，以什么形式解读的？",
                                      "规范性文件是否都解读了？采用哪种方式？", "规范性文件解读用的是啥形式"])
def test_a_yes_no_question_that_asks_the_form_quotes_the_fact_not_the_word_形式(question: str) -> None:
    start = SLOGANS.index("2023年，我局创新")
    end = SLOGANS.index("\n", start)
    chunk = Chunk(id="qc:1", report_id="qc", agency=AGENCY, short_name="自然资源局", year=2023, section="总体情况",
                  subheading="", start=start, end=end, text=SLOGANS[start:end])
    quote = best_quote(question, [ScoredChunk(chunk, 1.0)], drop=[AGENCY], report_text=lambda _id: SLOGANS)
    assert quote is not None and "图解解读" in quote.text, (question, quote and quote.text)


def test_a_named_part_is_found_in_a_work_question_without_a_topic() -> None:
    part = asked_part("久久为功这一块具体有哪些做法？")
    assert part is not None and part.name == WORK
    assert holds(listed_items(SLOGANS, "久久为功这一块具体有哪些做法？"), SAFEGUARDS)


@pytest.mark.parametrize("question", ["制度建设有几条？", "政府信息管理的制度建设一共有几条", "制度建设包括几项？"])
def test_how_many_items_a_part_has_is_answered_by_the_list(question: str) -> None:
    assert holds(listed_items(SLOGANS, question), RULES), (question, listed_items(SLOGANS, question))


@pytest.mark.parametrize(("question", "name"), [("存在几个问题？", "存在的问题"), ("有几点不足", "存在的问题"),
                                                ("下一步提了几条措施？", MEASURES)])
def test_a_count_of_problems_or_measures_is_a_list_question(question: str, name: str) -> None:
    part = asked_part(question)
    assert part is not None and part.name == name


@pytest.mark.parametrize(("question", "nth"), [("存在的问题第二条是什么？", 2), ("改进措施的第三条是什么", 3),
                                               ("制度建设里第1项讲的啥", 1), ("第二个问题是什么", 2)])
def test_an_ordinal_asks_one_item_of_the_list(question: str, nth: int) -> None:
    part = asked_part(question)
    assert part is not None and part.nth == nth


@pytest.mark.parametrize("question", ["发布了几条信息？", "收到几件申请", "行政许可有几项？"])
def test_counts_of_things_are_no_list_questions(question: str) -> None:
    assert asked_part(question) is None


@pytest.fixture
def ask(tmp_path, settings):
    from govqa.core.types import ParsedReport, Report, TableResult
    from govqa.index.store import Store
    from govqa.qa.answer import answer_question
    from tests.qa.conftest import FakeRetriever

    store = Store(f"sqlite:///{tmp_path / 'kinds7.db'}")
    report = Report(id="qcqcqc2023", source="qc.txt", agency=AGENCY, short_name="青川县自然资源局", aliases=(),
                    year=2023, template="2021", title=f"{AGENCY}2023年政府信息公开工作年度报告", content_hash="qc" * 16,
                    text=SLOGANS)
    store.save(ParsedReport(report, (), TableResult((), (), "2021"), ()))
    start = SLOGANS.index("（四）推进政策解读")
    chunk = Chunk(id="qcqcqc2023:1", report_id="qcqcqc2023", agency=AGENCY, short_name="青川县自然资源局", year=2023,
                  section="总体情况", subheading="", start=start, end=SLOGANS.index("\n", start),
                  text=SLOGANS[start:SLOGANS.index("\n", start)])
    retriever = FakeRetriever([chunk])
    return lambda text: answer_question(text, store=store, retriever=retriever, conversation=None, settings=settings)


def test_end_to_end_one_item_a_shared_word_and_a_sub_part(ask) -> None:
    a = ask("青川县自然资源局2023年改进措施的第二条是什么？")
    assert a.found and len(a.sources) == 1 and "栏目维护力求" in a.text and "共3项，第2项是" in a.text
    a = ask("青川县自然资源局2023年监督保障讲了哪几个“到位”？")
    assert a.found and [s.text[:6] for s in a.sources] == SAFEGUARDS
    a = ask("青川县自然资源局在政府信息管理的制度建设上有哪几条规定？")  # no year: the one report
    assert a.found and len(a.sources) == 3 and all(w in a.text for w in RULES)


@pytest.mark.parametrize("question", ["主动公开的信息里，土地出让类有几条？", "财税金融政策及解读有几条？"])
def test_a_count_of_a_kind_of_information_is_no_list_question(question: str) -> None:
    assert asked_part(question) is None


def test_follow_ups_pick_another_item_or_another_slogan() -> None:
    from govqa.core.types import Question
    from govqa.qa.section_list import followup_part

    def follow(text: str, earlier: str) -> Part | None:
        return followup_part(Question(text=text, agencies=(AGENCY,), years=(2023,), metric=None, intent="narrative",
                                      query=f"{earlier} {text}"))

    third = follow("第三条呢？", "存在的问题第二条是什么？")
    assert third is not None and third.nth == 3 and third.name == "存在的问题"
    other = follow("那“久久为功”呢？", "“精益求精”具体指做了哪些事？")
    assert other is not None and other.name == WORK and other.words == ("久久为功",)
    assert holds([p.text for p in section_items(SLOGANS, other)], SAFEGUARDS)
