"""Items a report lists inside one sentence that no topic row names (qa/enumerations.py): the places a report was sent
to, the policy files updated, the rules revised (《A》《B》), the media, the units that took part, the name lists
published, the key areas, the channels opened; a number the question states pins the sentence stating that whole
before its parts. Each kind in several wordings over a hand-written report; counts, problems, measures and the work
done are not answered from an enumeration, nor is a list tied to the question by shared words alone."""

from __future__ import annotations

import pytest
from listed_parts import listed_items

from govqa.core.types import ReportRef
from govqa.qa.catalog import Catalog
from govqa.qa.enumerations import best_items, items_asked
from govqa.qa.section_list import asked_part, section_answer
from govqa.qa.sentence_names import ENUMERATED
from govqa.qa.understand import understand

AGENCY = "青梧区农业农村局"
CATALOG = Catalog.from_rows([(AGENCY, "青梧农业局", (), (2023,))])
REPORT = (
    "青梧区农业农村局2023年政府信息公开工作年度报告\n一、总体情况\n"
    "2023年，我局坚持以公开为常态、不公开为例外。一是加强组织领导。二是规范信息发布。\n"
    "全年在门户网站更新惠农补贴、农机购置、动物防疫等方面政策文件42件。\n"
    "年度报告在门户网站公布，并报送区档案馆、区图书馆和区政务服务中心（政务公开专区）供群众查阅。\n"
    "开设了网上申请、信函申请、当面申请等渠道，方便群众依法申请。\n"
    "修订完善《青梧区农业农村局政府信息公开指南》《青梧区农业农村局信息发布审核制度》，规范工作流程。\n"
    "通过“青梧农业”微信公众号、青梧日报、青梧电视台等媒体解读惠农政策。\n"
    "组织区农技站、区畜牧站和各乡镇农办参加政务公开业务培训。\n"
    "公开了耕地地力保护补贴发放名单、农机购置补贴受益名单、种粮大户名单。\n"
    "重点领域信息公开覆盖乡村振兴、农产品质量安全和动物疫病防控三个领域。\n"
    "二、主动公开政府信息情况\n"
    "截至2023年12月31日，主动公开政府信息268条，其中通知公告栏81条，政策文件栏42条，惠农政策栏96条，财政预决算栏49条。"
    "全年制作政府信息300条，其中主动公开政府信息175条，依申请公开信息125条。"
    "在主动公开的175条政府信息中，全文电子化的信息共175条，工作动态类信息120条；政策解读类信息40条；其他类信息15条。\n"
    "三、收到和处理政府信息公开申请情况\n表略。\n四、政府信息公开行政复议、行政诉讼情况\n表略。\n"
    "五、存在的主要问题及改进情况\n一是解读形式单一。二是更新不够及时。下一步，我局将拓宽公开渠道。\n"
    "六、其他需要报告的事项\n无。\n")

PLACES = ["区档案馆", "区图书馆", "区政务服务中心"]
FILES = ["惠农补贴", "农机购置", "动物防疫"]
RULES = ["《青梧区农业农村局政府信息公开指南》", "《青梧区农业农村局信息发布审核制度》"]
MEDIA = ["“青梧农业”微信公众号", "青梧日报", "青梧电视台"]
UNITS = ["区农技站", "区畜牧站", "各乡镇农办"]
NAMES = ["耕地地力保护补贴发放名单", "农机购置补贴受益名单", "种粮大户名单"]
AREAS = ["乡村振兴", "农产品质量安全", "动物疫病防控"]
CHANNELS = ["网上申请", "信函申请", "当面申请"]
COLUMNS = ["通知公告栏81条", "政策文件栏42条", "惠农政策栏96条", "财政预决算栏49条"]
KINDS = ["工作动态类信息120条", "政策解读类信息40条", "其他类信息15条"]


@pytest.mark.parametrize(("question", "items"), [
    ("年报除了挂网，还送到哪些地方供群众查阅？", PLACES), ("年度报告报送了哪些单位？", PLACES),
    ("年报还放在哪些地方供群众查阅", PLACES),
    ("全年更新了哪几方面的政策文件？", FILES), ("更新的政策文件主要涉及哪些方面", FILES), ("政策文件更新了哪些方面的", FILES),
    ("门户网站更新了哪些政策文件", FILES),
    ("修订完善了哪几项信息公开方面的制度？", RULES), ("修订了哪些制度", RULES), ("完善了哪些制度文件", RULES),
    ("通过哪些媒体解读政策？", MEDIA), ("借助了哪些媒体进行解读", MEDIA),
    ("哪些单位参加了业务培训？", UNITS), ("培训有哪些单位参加", UNITS),
    ("公开了哪些名单？", NAMES), ("都公开了哪些名单", NAMES),
    ("重点领域公开涉及哪几个领域？", AREAS), ("重点领域信息覆盖了哪些领域", AREAS),
    # the noun before the asking word, the verb after it
    ("公开的名单有哪些", NAMES), ("重点领域有哪些", AREAS), ("哪些制度修订了", RULES), ("哪些政策文件更新了", FILES),
    ("在哪些媒体上解读了政策？", MEDIA), ("名单都有哪些", NAMES), ("修订完善的制度都有什么", RULES),
    ("年报报送到哪些单位了", PLACES), ("培训都有哪些单位参加了", UNITS),
])
def test_items_no_topic_names_are_the_sentence_that_lists_them(question: str, items: list[str]) -> None:
    part = asked_part(question)
    assert part is not None and part.noun == ENUMERATED, question
    assert listed_items(REPORT, question) == items, question


@pytest.mark.parametrize("question", ["开了哪几种申请渠道？", "群众可以通过哪些渠道申请", "申请渠道有哪些", "开设了哪些申请渠道"])
def test_a_topic_whose_sentence_has_no_counts_falls_back_to_the_enumeration(question: str) -> None:
    assert listed_items(REPORT, question) == CHANNELS, question


@pytest.mark.parametrize(("question", "items"), [
    ("主动公开的268条信息都放在哪些栏目里？", COLUMNS), ("268条信息分布在哪些栏目", COLUMNS),
    ("主动公开的175条信息主要是哪些类别？", KINDS), ("175条信息分哪几类", KINDS),
])
def test_a_number_asked_pins_the_sentence_stating_that_whole_before_its_parts(question: str, items: list[str]) -> None:
    # 其中主动公开政府信息175条 lists the 175 as a part; 在…175条政府信息中 states it as the whole, its restatement dropped
    assert listed_items(REPORT, question) == items, question


@pytest.mark.parametrize("question", [
    "存在哪些问题？", "做了哪些工作？", "下一步有哪些打算", "针对这些问题采取了哪些措施", "收到多少件申请？", "主动公开了多少条信息",
    "网上申请有几件", "行政许可事项与去年相比有什么增减？", "公开的信息比上一年有哪些变化", "两年的申请有什么不同",
])
def test_counts_problems_measures_and_work_are_not_enumerations(question: str) -> None:
    part = asked_part(question)
    assert part is None or part.noun != ENUMERATED, question


@pytest.mark.parametrize("question", ["哪些科室负责信息公开工作", "哪些企业获得了补贴？"])
def test_a_list_sharing_words_but_not_tied_to_the_question_is_no_answer(question: str) -> None:
    ask = items_asked(question)
    assert ask is not None
    assert best_items(REPORT, 0, len(REPORT), ask) == [], question


def test_a_table_row_read_as_one_line_is_no_enumeration() -> None:
    text = "一、总体情况\n申请人情况、自然人、法人或其他组织、本年新收政府信息公开申请数量2000002二、上年结转申请数量0000000三。\n"
    ask = items_asked("收到的申请分哪些申请人")
    assert ask is not None and best_items(text, 0, len(text), ask) == []


def test_the_answer_quotes_the_sentence_and_cites_each_item() -> None:
    q = understand("青梧农业局2023年的年报还送到哪些地方供群众查阅？", catalog=CATALOG)
    assert q.metric is None  # 群众 names no applicant row: the places are asked, not a count
    ref = ReportRef("r1", AGENCY, "农业局", 2023)
    answer = section_answer(q, pairs=[(AGENCY, 2023)], refs=[ref], report_text=lambda _: REPORT)
    assert answer is not None and answer.found
    assert "共3项" in answer.text and "原文：“年度报告在门户网站公布，并报送区档案馆" in answer.text
    assert [REPORT[s.start:s.end] for s in answer.sources if s.start is not None and s.end is not None] == PLACES


@pytest.mark.parametrize("question", ["哪些机关收到过申请", "行政复议的结果是什么", "哪些单位的申请最多", "收到几件申请",
                                      "制发了什么规范信息公开工作的通知", "编制了什么公开目录"])
def test_which_agencies_one_outcome_or_a_ranking_asks_no_items(question: str) -> None:
    assert items_asked(question) is None, question


def test_common_words_going_on_after_the_list_are_no_tie() -> None:
    text = "一、总体情况\n重点突出补贴发放信息、项目审批信息和其它重大农业信息公开。\n"
    ask = items_asked("把哪些领域的信息公开作为重点？")
    assert ask is not None and best_items(text, 0, len(text), ask) == []


@pytest.mark.parametrize("question", [
    "东岚区2020年建全区统一的网站信息发布流程时，共享了什么？",
    "东岚区在优化依申请办理流程的时候，新增了什么",
    "整改程序期间，他们配套了哪些东西",
    "东岚区梳理审批流程过程中，还公开了什么",
])
def test_a_process_named_as_the_setting_asks_no_steps(question: str) -> None:
    from govqa.qa.enumerations import items_asked

    # …流程时，V了什么: the thing done while building it, not the steps of the process
    ask = items_asked(question)
    assert ask is None or not ask.process, question
    assert items_asked("东岚区依申请公开的办理流程有哪些环节").process  # the steps asked stay steps


QUOTED_TEXT = ("审核时由经办人员、科室负责人、分管领导和主要领导层层把关，确保内容准确。"
               "落实信息发布专人值守、专人审签、专人上传，定期组织人员对已公开内容进行检查。")


@pytest.mark.parametrize("question", [
    "东岚水务局说的信息发布“专人”要管哪些环节？",
    "东岚水务局的“专人”都负责哪些事？",
    "信息发布落实的“专人”包括哪些？",
    "东岚水务局“专人”具体负责的是哪几道环节",
])
def test_a_quoted_word_every_item_says_picks_that_list(question: str) -> None:
    # the question quotes 专人: the list whose every item repeats it answers, not a chain of doers elsewhere
    ask = items_asked(question)
    assert ask is not None and ask.quoted == ("专人",)
    assert [QUOTED_TEXT[a:b] for a, b in best_items(QUOTED_TEXT, 0, len(QUOTED_TEXT), ask)] == ["专人值守", "专人审签", "专人上传"]


def test_the_quoted_names_themselves_are_no_items_of_the_quoted_word() -> None:
    # 在“A”“B”栏目里发布哪些信息: the quoted names listed as they are do not answer; what is published there does
    text = "在“政策解读”和“办事指南”栏目，定期发布我局收费标准、“一件事一次办”等信息。"
    ask = items_asked("东岚公安局在“政策解读”“办事指南”栏目里会定期发哪些信息？")
    assert ask is not None
    assert [text[a:b] for a, b in best_items(text, 0, len(text), ask)] != ["“政策解读”", "“办事指南”"]
