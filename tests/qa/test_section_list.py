"""Section answers: every item of the problems, the measures or the work done, from the part of the report that
holds them (a sub-heading or the turn to what will be done splits section 五)."""

from __future__ import annotations

import pytest
from listed_parts import listed_items

from govqa.qa.section_list import MEASURES, PROBLEMS, WORK, Part, asked_part

HEAD = "前言\n本报告由东岚县水利局编制。\n一、总体情况\n"
TABLES = "二、主动公开政府信息情况\n表略。\n三、收到和处理政府信息公开申请情况\n表略。\n四、政府信息公开行政复议、行政诉讼情况\n表略。\n"
END = "六、其他需要报告的事项\n无。\n"


def test_sub_headings_split_problems_from_measures_on_a_one_line_page() -> None:
    text = (HEAD + "2023年我局做好公开工作。" + TABLES + "五、存在的主要问题及改进情况（一）存在的主要问题2023年，我局工作仍有不足："
            "一是栏目维护不及时；二是解读形式单一；三是互动回应偏少。（二）改进措施一是建立栏目巡查制度。二是推出图解和短视频解读。"
            "三是按月汇总留言并答复。" + END)
    assert listed_items(text, "东岚水利局2023年存在哪些问题？") == ["一是栏目维护不及时；", "二是解读形式单一；", "三是互动回应偏少。"]
    assert listed_items(text, "他们提出了哪些整改措施") == ["一是建立栏目巡查制度。", "二是推出图解和短视频解读。", "三是按月汇总留言并答复。"]


def test_a_sentence_that_turns_to_next_year_starts_the_measures() -> None:
    text = (HEAD + "略。\n" + TABLES + "五、存在的主要问题及改进情况\n2022年，我局公开工作取得一定成效，但也存在一些不足，主要表现在："
            "一是公开范围不全；二是更新不够及时。2023年，我局将从以下方面改进：一是梳理公开目录。二是落实专人更新。\n" + END)
    assert listed_items(text, "存在什么问题") == ["一是公开范围不全；", "二是更新不够及时。"]
    assert listed_items(text, "下一步准备从哪几方面改进？") == ["一是梳理公开目录。", "二是落实专人更新。"]


def test_last_years_rectification_is_no_list_of_problems() -> None:
    text = (HEAD + "略。\n" + TABLES + "五、存在的主要问题及改进情况\n针对上年度的问题，我局采取措施加以改进。一是修订公开目录。"
            "二是增设解读栏目。本年度仍存在一些问题。一是答复期限把握不准。二是图解数量偏少。下一步，我局将加强培训。\n" + END)
    assert listed_items(text, "存在哪些问题") == ["一是答复期限把握不准。", "二是图解数量偏少。"]
    assert listed_items(text, "下一步有哪些改进措施") == ["下一步，我局将加强培训。"]


def test_a_part_without_a_list_gives_its_sentences() -> None:
    text = (HEAD + "略。\n" + TABLES + "五、存在的主要问题及改进情况\n我局仍存在解读不够深入、互动不够及时等不足。"
            "下一步，我局将加强解读，及时回应留言。\n" + END)
    assert listed_items(text, "有哪些差距和不足") == ["我局仍存在解读不够深入、互动不够及时等不足。"]
    assert listed_items(text, "改进措施是什么") == ["下一步，我局将加强解读，及时回应留言。"]


def test_work_done_is_the_list_of_section_one_with_a_sentence_after_a_bare_title() -> None:
    text = (HEAD + "2021年，我局认真落实条例要求。（一）加强组织领导。成立由局长任组长的领导小组，每季度召开会议。"
            "（二）完善工作制度。修订公开审查办法。\n" + TABLES + "五、存在的主要问题及改进情况\n无。\n" + END)
    assert listed_items(text, "2021年在信息公开方面具体做了哪些工作？") == [
        "（一）加强组织领导。成立由局长任组长的领导小组，每季度召开会议。", "（二）完善工作制度。修订公开审查办法。"]


def test_highlights_are_the_list_under_their_own_sub_heading() -> None:
    text = (HEAD + "（一）工作部署\n（1）基本情况。我局按要求推进公开。\n（2）主要亮点和成效。一是开通政策问答专栏。二是\n\n"
            "建立月度通报制度。\n（3）任务落实情况。按期完成。\n" + TABLES + "五、存在的主要问题及改进情况\n无。\n" + END)
    assert listed_items(text, "东岚水利局政务公开有哪些亮点？") == ["一是开通政策问答专栏。", "二是建立月度通报制度。"]
    plain = HEAD + "一是开通政策问答专栏。二是建立月度通报制度。\n" + TABLES + END
    assert listed_items(plain, "有哪些亮点") == ["一是开通政策问答专栏。", "二是建立月度通报制度。"]  # no such sub-heading: the work


def test_which_questions_ask_for_a_whole_part() -> None:
    assert asked_part("年报里自己承认存在哪些问题？").name == PROBLEMS
    assert asked_part("针对这些问题提出了哪些整改措施？").name == MEASURES  # measures win over the problems named
    assert asked_part("明年打算做哪几件事").name == MEASURES
    assert asked_part("去年有哪些亮点和成效") == Part(WORK, 1, "亮点")
    assert asked_part("在监督保障方面做了哪些工作？") == Part(WORK, 1, topic="监督保障")  # the sub-heading on it
    assert asked_part("在政务公开上主要做了哪些方面的工作？") == Part(WORK, 1)  # the report's whole subject
    assert asked_part("在依申请公开方面有哪些举措？") == Part(WORK, 1, topic="依申请公开")  # done, not planned
    assert asked_part("在依申请公开方面下一步有哪些改进措施？") == Part(MEASURES, 5, topic="依申请公开")
    assert asked_part("年报里查摆出来的问题都有哪些").name == PROBLEMS
    assert asked_part("那份年报说的问题是什么").name == PROBLEMS
    assert asked_part("明年要着力做好哪四个方面？").name == MEASURES
    listed = asked_part("在网站上公开了哪些信息")  # no part of the report: the kinds one sentence lists, if one does
    assert listed is not None and listed.named and listed.noun == "主动公开类别"
    assert asked_part("报告指出了哪几个问题？").name == PROBLEMS
    assert asked_part("2022年采取了哪些措施推进政务公开？") == Part(WORK, 1)  # done, not planned
    assert asked_part("针对这些问题采取了哪些整改措施？").name == MEASURES
    assert asked_part("收到哪些申请，共多少件") is None
    listed = asked_part("2023年回应了哪些舆情问题？")  # a topic's items one sentence lists, not the work's shortcomings
    assert listed is not None and listed.named and listed.noun == "舆情"
    assert asked_part("主要问题有哪些").name == PROBLEMS
    assert asked_part("2021年存在的主要问题").name == PROBLEMS
    assert asked_part("明年工作重点是什么？").name == MEASURES
    assert asked_part("今后打算怎么做？").name == MEASURES
    assert asked_part("下一步有什么改进措施？").name == MEASURES
    assert asked_part("联系电话是多少") is None


def test_a_topic_question_gets_the_items_under_that_sub_heading() -> None:
    text = (HEAD + "2022年，我局扎实推进公开工作。（一）健全工作机制。一是成立领导小组。二是建立审核制度。三是开展季度通报。"
            "（二）依申请公开办理情况。一是规范受理登记。二是按期答复申请人。（三）平台建设。网站改版一次。\n" + TABLES
            + "五、存在的主要问题及改进情况\n一是解读偏少。二是更新偏慢。下一步，我局将加强培训。\n" + END)
    assert listed_items(text, "东岚水利局2022年在健全工作机制上具体做了哪些工作？") == [
        "一是成立领导小组。", "二是建立审核制度。", "三是开展季度通报。"]
    assert listed_items(text, "在依申请公开方面有哪些主要举措") == ["一是规范受理登记。", "二是按期答复申请人。"]
    assert listed_items(text, "在平台建设方面做了什么工作") == ["网站改版一次。"]  # no list under it: its sentences
    assert listed_items(text, "在信息公开上做了哪些方面的工作") == [
        "（一）健全工作机制。一是成立领导小组。", "（二）依申请公开办理情况。一是规范受理登记。", "（三）平台建设。网站改版一次。"]
    assert listed_items(text, "在舆情回应方面做了哪些工作") == []  # no sub-heading on it: the retrieval route answers


def test_a_plan_question_with_a_count_of_aspects_gets_the_plan_list() -> None:
    text = (HEAD + "略。\n" + TABLES + "五、存在的主要问题及改进情况\n本年度仍有不足，主要是互动偏少。2024年，我局将重点做好两个方面："
            "一是办好政策问答栏目。二是每月通报留言办理情况。\n" + END)
    assert listed_items(text, "东岚水利局在2023年报里说2024年要着重做好哪两方面？") == [
        "一是办好政策问答栏目。", "二是每月通报留言办理情况。"]
    assert listed_items(text, "年报里自查出的问题有哪些") == ["本年度仍有不足，主要是互动偏少。"]


def test_work_done_is_the_sections_own_outline_not_a_pasted_list_above_it() -> None:
    pasted = "本局主动公开下列信息：\n1、机构职能\n2、部门文件\n3、工作动态\n" + "栏目截图说明。" * 120 + "\n"
    text = (HEAD + "2020年，我局做好各项公开工作。\n" + pasted + "（一）主动公开\n全年公开信息320条。\n"
            "（二）依申请公开\n全年收到申请2件。\n" + "网页说明。" * 300 + "\n（三）平台建设\n开通政务微博。\n" + TABLES + END)
    assert listed_items(text, "东岚水利局做了哪些工作？") == [
        "（一）主动公开全年公开信息320条。", "（二）依申请公开全年收到申请2件。", "（三）平台建设开通政务微博。"]
    plain = HEAD + "2020年，我局做好公开工作。1、更新栏目。2、答复申请。\n" + TABLES + END
    assert listed_items(plain, "做了哪些工作") == ["1、更新栏目。", "2、答复申请。"]  # no outline: the first list there is


def test_a_follow_up_naming_another_topic_lists_that_topic() -> None:
    from govqa.core.types import Question
    from govqa.qa.section_list import followup_part

    def part(text: str, earlier: str) -> Part | None:
        return followup_part(Question(text=text, query=f"{earlier} {text}"))

    assert part("依申请公开方面呢？", "2022年在平台建设上做了哪些工作") == Part(WORK, 1, topic="依申请公开")
    assert part("那在平台建设方面呢？", "做了哪些工作") == Part(WORK, 1, topic="平台建设")
    assert part("那2021年呢？", "在平台建设上做了哪些工作") == Part(WORK, 1, topic="平台建设")  # the topic kept


def test_what_still_needs_strengthening_asks_the_problems_not_the_plans() -> None:
    for question in ("政务公开还有哪些需要加强的地方？", "信息公开哪些方面还有待提高", "公开工作哪里做得还不够？",
                     "年报里说哪些环节比较薄弱", "公开工作还有什么需要改进的？", "有哪些不到位的地方",
                     "公开还存在哪些薄弱环节", "哪些地方亟待完善呢", "政务公开还有哪些短板"):
        part = asked_part(question)
        assert part is not None and part.name == PROBLEMS, question
    for question in ("下一步需要加强哪些方面？", "今后还需要加强的地方有哪些", "针对问题采取了哪些改进措施",
                     "针对短板采取了哪些措施", "对薄弱环节提出了哪些改进措施"):
        part = asked_part(question)
        assert part is not None and part.name == MEASURES, question


def test_a_need_said_in_the_problems_is_listed_when_asked_what_needs_strengthening() -> None:
    text = (HEAD + "略。\n" + TABLES + "五、存在的主要问题及改进情况\n2022年，我局公开工作稳步推进，但仍有不足，栏目更新的及时性、"
            "解读材料的可读性仍需加强。下一步，我局将健全更新机制，丰富解读形式。\n" + END)
    items = listed_items(text, "东岚水利局2022年信息公开还有哪些需要加强的地方？")
    assert items and "可读性" in items[0] and not any("健全更新机制" in item for item in items)


@pytest.mark.parametrize(("question", "name"), [
    # 要做到 said of the work (舆情要做到…) is a requirement the year's work meets, not next year's plan …
    ("东岚执法应急局舆情处置要做到哪几个第一时间", WORK),
    ("舆情回应要做到哪些第一时间？", WORK),
    ("政务公开要做到哪几个统一", WORK),
    ("信息发布要做到哪三个及时", WORK),
    # … a plan after a year, a plan word, or as something put forward
    ("2024年要做到哪几个力求", MEASURES),
    ("东岚局提出要抓好哪几点", MEASURES),
    ("明年要做到哪些", MEASURES),
    ("下一步要做到哪几点", MEASURES),
])
def test_yao_zuodao_is_a_plan_only_with_a_year_or_a_plan_word(question: str, name: str) -> None:
    part = asked_part(question)
    assert part is not None and part.name == name
