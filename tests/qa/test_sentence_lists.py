"""Lists stated inside one sentence of a report, asked as list questions (qa/sentence_names.py): the 舆情 responded to,
what applications asked for, how they were made, the kinds of information published (with their counts, or the
sentence stating the number asked), what a training covered. Each kind in several wordings over hand-written reports;
none of them is a table count."""

from __future__ import annotations

import pytest
from listed_parts import listed_items

from govqa.core.types import ReportRef
from govqa.qa.catalog import Catalog
from govqa.qa.section_list import asked_part, section_answer
from govqa.qa.sentence_names import listed_topic, named_things
from govqa.qa.understand import understand

AGENCY = "青梧区住房和城乡建设局"
CATALOG = Catalog.from_rows([(AGENCY, "青梧住建局", (), (2022,))])
REPORT = (
    "青梧区住房和城乡建设局2022年政府信息公开工作年度报告\n一、总体情况\n"
    "2022年，我局扎实推进政务公开。一是加强组织领导。调整公开工作领导小组。二是规范信息发布。严格落实三审制度。\n"
    "全年通过官方微博回应了城区停车收费调整、老旧小区加装电梯、农贸市场改造等多个舆情问题。\n"
    "全年共受理政府信息公开申请23件，其中网络申请15件，信函申请6件，当面申请2件，"
    "申请内容主要集中在征地补偿、规划许可和不动产登记等方面。\n"
    "组织开展政务公开业务培训2次，培训内容涵盖新修订《条例》解读、依申请公开办理流程、保密审查等。\n"
    "通过区政府门户网站、“青梧住建”微信公众号、政务公开栏等渠道及时发布信息。\n"
    "二、主动公开政府信息情况\n"
    "2022年主动公开政府信息312条，其中规范性文件类信息12条，财政预算、决算类信息9条，行政许可类信息143条，其他类信息148条。"
    "在政务新媒体发布信息86条，其中工作动态54条，通知公告32条。\n表略。\n"
    "三、收到和处理政府信息公开申请情况\n表略。\n四、政府信息公开行政复议、行政诉讼情况\n表略。\n"
    "五、存在的主要问题及改进情况\n一是解读形式单一。二是更新不够及时。\n六、其他需要报告的事项\n无。\n")
# a report naming its kinds without counts, and 舆情 in form A (舆情…主要涉及), one of them only
PLAIN = (
    "青梧区住房和城乡建设局2021年政府信息公开工作年度报告\n一、总体情况\n"
    "本年度网络舆情主要涉及物业服务纠纷。收到政府信息公开申请4件，主要涉及房屋征收补偿方面。\n"
    "召开推进会1次、培训会3场，组织学习公开目录编制、答复文书规范等内容。\n"
    "二、主动公开政府信息情况\n主动公开政府信息类别主要涉及通知公告、规划计划、项目审批、政策解读。\n"
    "三、收到和处理政府信息公开申请情况\n表略。\n五、存在的主要问题及改进情况\n无。\n")

OPINION = ["城区停车收费调整", "老旧小区加装电梯", "农贸市场改造"]
CONTENTS = ["征地补偿", "规划许可", "不动产登记"]
WAYS = ["网络申请15件", "信函申请6件", "当面申请2件"]
KINDS = ["规范性文件类信息12条", "财政预算、决算类信息9条", "行政许可类信息143条", "其他类信息148条"]
TRAINING = ["新修订《条例》解读", "依申请公开办理流程", "保密审查"]


@pytest.mark.parametrize("question", [
    "青梧住建局2022年回应了哪些舆情？", "回应过哪些热点问题", "都回应了哪些网络舆情？", "对哪些社会关切作了回应",
    "回应的舆情都有哪些", "他们回应了啥舆情", "舆情回应主要涉及哪些事", "2022年回应了哪些舆情问题？",
    "舆情方面回应了哪些问题", "网上有哪些热点事件得到回应", "回应群众关切涉及哪些事项",
])
def test_the_opinion_a_report_responded_to_is_the_sentence_that_lists_it(question: str) -> None:
    assert listed_topic(question) == "舆情", question
    assert listed_items(REPORT, question) == OPINION, question


@pytest.mark.parametrize("question", [
    "青梧住建局2022年大家申请公开的内容主要是哪些方面的？", "收到的信息公开申请都是要些什么信息？", "群众都申请公开些什么信息",
    "收到的申请主要涉及哪些内容", "依申请公开的事项集中在哪些领域", "申请人想要哪些信息", "申请的都是啥信息",
    "政府信息公开申请的内容涉及哪几个方面", "信息公开申请主要是关于什么的",
    "申请人主要想了解哪方面的信息", "大家都申请了啥？", "都有哪些申请事项", "群众申请最多的是哪类信息",
])
def test_what_applications_asked_for_is_listed_not_counted(question: str) -> None:
    assert listed_topic(question) == "申请内容", question
    assert listed_items(REPORT, question) == CONTENTS, question
    assert understand(question, catalog=CATALOG).metric is None, question  # what they were about is no count


@pytest.mark.parametrize("question", ["申请方式有哪些", "群众通过什么方式提出申请", "都是怎么申请的？", "申请渠道主要有哪几种",
    "收到的申请是怎么提交的？", "申请都是通过什么方式提出的", "大家一般用啥方式申请"])
def test_the_ways_applications_came_in_keep_their_counts(question: str) -> None:
    assert listed_topic(question) == "申请方式", question
    assert listed_items(REPORT, question) == WAYS, question


@pytest.mark.parametrize("question", [
    "主动公开的信息分哪几类？", "主动公开了哪些类别的信息", "公开的信息主要有哪几类", "主动公开信息主要涉及哪些方面",
    "主动发布的信息有哪几种", "主动公开内容分几类", "公开了什么信息", "主动公开的312条信息都是哪些类别？",
    "今年公开的信息分为哪几大类", "主动公开的政府信息具体有哪些类型", "主动公开的信息主要是哪些方面的",
])
def test_the_kinds_of_information_published_are_listed_with_their_counts(question: str) -> None:
    assert listed_topic(question) == "主动公开类别", question
    assert listed_items(REPORT, question) == KINDS, question
    assert understand(question, catalog=CATALOG).metric is None, question


@pytest.mark.parametrize("question", ["在政务新媒体发布的86条信息分哪几类？", "新媒体上发的86条信息都是什么类别"])
def test_a_number_in_the_question_picks_the_sentence_stating_it(question: str) -> None:
    assert listed_items(REPORT, question) == ["工作动态54条", "通知公告32条"], question


@pytest.mark.parametrize("question", ["培训了哪些内容？", "培训内容主要有哪些", "组织的培训都讲了些什么", "业务培训涉及哪些方面"])
def test_what_a_training_covered_is_the_sentence_listing_it(question: str) -> None:
    assert listed_topic(question) == "培训内容", question
    assert listed_items(REPORT, question) == TRAINING, question


def test_a_sentence_naming_one_item_with_a_sure_verb_and_kinds_without_counts() -> None:
    assert listed_items(PLAIN, "2021年回应了哪些舆情") == ["物业服务纠纷"]
    assert listed_items(PLAIN, "申请主要涉及哪些方面？") == ["房屋征收补偿方面"]
    assert listed_items(PLAIN, "主动公开的信息主要有哪几类？") == ["通知公告", "规划计划", "项目审批", "政策解读"]
    assert listed_items(PLAIN, "组织学习了哪些内容") == ["公开目录编制", "答复文书规范"]  # 学习A、B等内容


@pytest.mark.parametrize("question", [
    "在舆情回应方面做了哪些工作？", "针对舆情采取了哪些措施", "收到多少件申请？", "网络申请有几件", "主动公开了多少条信息",
    "依申请公开方面做了哪些工作", "信息公开工作包括哪些方面？", "政务公开工作分了哪几个方面来做？",
])
def test_the_work_measures_and_counts_are_no_list_inside_a_sentence(question: str) -> None:
    part = asked_part(question)
    assert part is None or not part.noun, question


def test_a_list_sentence_needs_its_topic_and_a_marked_list() -> None:
    text = "收到公民、法人和其他组织提出的政府信息公开申请5件。通过网站和微信公开信息。"
    assert named_things(text, "申请内容", 0, len(text)) == []  # who applied, not what they asked for
    assert listed_items(text + "\n", "回应了哪些舆情") == []


def test_the_answer_quotes_the_sentence_and_cites_each_item() -> None:
    q = understand("青梧住建局2022年回应了哪些舆情？", catalog=CATALOG)
    ref = ReportRef("r1", AGENCY, "住建局", 2022)
    answer = section_answer(q, pairs=[(AGENCY, 2022)], refs=[ref], report_text=lambda _: REPORT)
    assert answer is not None and answer.found
    assert "回应的舆情共3项" in answer.text and "原文：“全年通过官方微博回应了" in answer.text
    assert [REPORT[s.start:s.end] for s in answer.sources if s.start is not None and s.end is not None] == OPINION


def test_a_counted_list_in_brackets_ends_with_its_bracket() -> None:
    text = ("一、总体情况\n全年共收到政府信息公开申请5件（其中：网上申请3件，信函申请2件），办结5件（其中：予以公开4件、"
            "不予公开1件），办结率100%。\n")
    assert listed_items(text, "申请都是通过什么方式提交的？") == ["网上申请3件", "信函申请2件"]


@pytest.mark.parametrize("followup", ["那2021年呢？", "2021年的呢"])
def test_a_followup_for_another_year_keeps_the_topic(followup: str) -> None:
    catalog = Catalog.from_rows([(AGENCY, "青梧住建局", (), (2021, 2022))])
    earlier = understand("青梧住建局2022年回应了哪些舆情？", catalog=catalog)
    q = understand(followup, catalog=catalog, context=earlier)
    refs = [ReportRef("r21", AGENCY, "住建局", 2021), ReportRef("r22", AGENCY, "住建局", 2022)]
    answer = section_answer(q, pairs=[(AGENCY, 2021)], refs=refs, report_text=lambda rid: PLAIN if rid == "r21" else REPORT)
    assert answer is not None and "物业服务纠纷" in answer.text, followup


def test_who_applied_is_no_content_of_the_applications() -> None:
    text = "一、总体情况\n收到政府信息公开申请5件，分别为公民、法人提出。申请事项主要为工程招标、项目验收。\n"
    assert listed_items(text, "申请的内容主要有哪些？") == ["工程招标", "项目验收"]
