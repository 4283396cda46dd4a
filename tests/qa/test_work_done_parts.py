"""List questions that name the work's parts by a count word or a noun of their own (哪几项举措, 重点抓了哪几件事,
采取了哪些办法, 有哪些特色做法 …) get the year's work (the parts of 总体情况), while 下一步 / 改进 / 整改 / 针对这些问题
get the measures and 存在哪些问题 the problems, each in several wordings, over hand-written reports (round 10)."""

from __future__ import annotations

import pytest
from listed_parts import holds, listed_items

from govqa.core.types import Question
from govqa.qa.part_words import asks_work_done, future_asked, lists_done, plans_asked
from govqa.qa.section_list import MEASURES, PROBLEMS, WORK, asked_part, followup_part

AGENCY = "碧溪县水务局"
TABLES = ("二、主动公开政府信息情况\n表略。\n三、收到和处理政府信息公开申请情况\n表略。\n"
          "四、政府信息公开行政复议、行政诉讼情况\n表略。\n")
END = "六、其他需要报告的事项\n无。\n"

# the work told as a （一）…（四） outline (a 一是 list inside one part), the problems and the measures split in section 五
REPORT = ("碧溪县水务局2023年政府信息公开工作年度报告\n一、总体情况\n2023年，我局坚持以公开为常态，全面推进政务公开。\n"
          "（一）强化组织保障，压实公开责任\n调整政务公开领导小组，局主要负责人任组长，每季度研究部署1次。\n"
          "（二）健全工作制度，规范发布流程\n一是修订信息发布审核办法。二是建立栏目巡查台账。\n"
          "（三）拓展公开渠道，提升公开实效\n在县政府网站更新信息236条，通过微信公众号推送142条。\n"
          "（四）聚焦民生领域，回应社会关切\n围绕防汛抗旱、农村供水等主题发布政策解读9篇。\n"
          + TABLES + "五、存在的主要问题及改进情况\n（一）存在的主要问题\n一是政策解读形式较单一。二是基层公开人员业务能力不足。\n"
          "（二）改进措施\n下一步，我局将从以下方面改进：一是丰富图解、视频等解读形式。二是每半年开展一次业务培训。"
          "三是完善栏目更新提醒机制。\n" + END)
WORK_PARTS = ["强化组织保障", "健全工作制度", "拓展公开渠道", "聚焦民生领域"]
PLANS = ["丰富图解", "每半年开展", "完善栏目更新"]
PROBLEM_ITEMS = ["政策解读形式", "基层公开人员"]


@pytest.mark.parametrize("question", [
    "碧溪县水务局2023年政府信息公开工作主要有哪几项举措？",
    "碧溪水务局2023年信息公开重点抓了哪几件事？",
    "碧溪水务局2023年政务公开采取了哪些举措？",
    "2023年他们信息公开主要有哪些措施",
    "这一年在政务公开上干了哪几件事",
    "碧溪水务局2023年信息公开重点做了几件事？",
    "政务公开有哪些重点工作？",
    "信息公开的主要做法有哪些",
    "2023年信息公开都抓了些什么？",
    "碧溪水务局去年信息公开干了啥？",
    "政务公开主要采取了哪些办法？",
    "信息公开工作举措有哪些？",
    "2023年信息公开的工作重点是什么",
    "信息公开方面办了哪几件实事？",
    "政务公开推出过哪几项重要举措",
    "信息公开有何重要举措？",
    "政务公开采取了何种举措",
    "信息公开完成了哪些重点任务？",
    "这一年为政务公开做出了哪些努力",
    "这一年信息公开都忙了些啥？",
    "用了哪些方法推进公开？",
    "收到申请以后做了哪些工作",
])
def test_what_was_done_in_the_year_is_the_works_outline(question: str) -> None:
    assert asked_part(question).name == WORK, question
    assert holds(listed_items(REPORT, question), WORK_PARTS), question


@pytest.mark.parametrize("question", [
    "碧溪水务局下一步有哪些举措？",
    "今后打算采取哪些措施？",
    "针对存在的问题，他们有哪些措施？",
    "针对这些问题采取了哪些措施？",
    "碧溪水务局的整改措施有哪些？",
    "明年准备抓哪几件事？",
    "2023年报告提出了哪些措施？",
    "有什么改进的办法？",
    "2024年要重点做好哪几件事？",
    "未来有哪些举措？",
    "接下来有哪些措施",
    "将采取哪些措施？",
    "还要采取哪些措施？",
    "需要采取哪些措施",
    "以后有什么举措？",
    "应采取哪些措施？",
    "为解决这些问题采取了哪些措施？",
    "针对上述问题有何举措？",
    "提出了什么对策？",
    "未来要抓哪几件事？",
    "接下来打算干啥",
    "往后还要做哪些工作？",
])
def test_what_will_be_done_or_improved_is_the_measures(question: str) -> None:
    assert asked_part(question).name == MEASURES, question
    assert holds(listed_items(REPORT, question), PLANS), question


@pytest.mark.parametrize("question", [
    "碧溪水务局2023年信息公开存在哪些问题？", "有哪些不足", "还有什么短板？", "主要问题是什么", "工作中有哪些差距？",
])
def test_the_problems_still_are_the_problems(question: str) -> None:
    assert asked_part(question).name == PROBLEMS, question
    assert holds(listed_items(REPORT, question), PROBLEM_ITEMS), question


# a part of the work titled with its highlights and results
FOCUSED = ("碧溪县水务局2023年政府信息公开工作年度报告\n一、总体情况\n（一）组织领导\n局党组专题研究政务公开2次。\n"
           "（二）制度建设\n修订公开审核办法。\n（三）特色亮点与工作成效\n一是开设“水务问答”专栏。二是推出防汛信息一图读懂。\n"
           + TABLES + "五、存在的主要问题及改进情况\n无。\n" + END)
HIGHLIGHTS = ["水务问答", "防汛信息一图读懂"]


@pytest.mark.parametrize("question", [
    "碧溪水务局2023年政务公开有什么亮点？", "信息公开有哪些特色做法", "政务公开取得了哪些成效？", "信息公开的工作成效有哪些",
    "有哪些亮点做法值得一说？",
])
def test_highlights_and_results_are_the_part_titled_so(question: str) -> None:
    assert asked_part(question).name == WORK, question
    assert holds(listed_items(FOCUSED, question), HIGHLIGHTS), question


@pytest.mark.parametrize("question", ["有哪些经验做法？", "有哪些创新举措", "政务公开有什么亮点？", "取得了哪些成效"])
def test_a_focus_no_part_is_titled_with_is_the_whole_work(question: str) -> None:
    assert holds(listed_items(REPORT, question), WORK_PARTS), question


# a web page's menu pasted above the outline (1、机构职能 2、工作动态 …): no part of the work
MENU_ABOVE = ("碧溪县水务局2023年政府信息公开工作年度报告\n一、总体情况\n栏目导航：1、机构职能-2、工作动态-3、通知公告-\n"
              "（一）强化组织保障\n调整领导小组，明确专人负责。\n（二）健全工作制度\n修订信息发布审核办法。\n"
              + TABLES + "五、存在的主要问题及改进情况\n无。\n" + END)


@pytest.mark.parametrize("question", ["有哪些亮点？", "取得了哪些成效", "有哪些经验做法", "主要有哪几项举措？"])
def test_a_focus_no_part_is_titled_with_is_the_outline_not_a_pasted_menu(question: str) -> None:
    assert holds(listed_items(MENU_ABOVE, question), ["强化组织保障", "健全工作制度"]), question


# a crawled page: 一是…四是 on the work (the first holding 1. 2.), then a short （一）（二） on the year's figures
SHI_THEN_FIGURES = ("碧溪县水务局2023年政府信息公开工作年度报告一、总体情况2023年，我局扎实推进政务公开。一是突出抓好预决算公开。"
                    "1.公开部门预算。在县政府网站公开预算表15张。2.强化公开督导。对未按时公开的单位督办4次。"
                    "二是深化放管服改革公开，公开办事指南38项。三是抓好工程招投标信息公开，规范发布公告格式，做到先审后发。"
                    "四是抓好热点回应，围绕供水价格调整答复群众留言21条。（一）主动公开政府信息的数量2023年主动公开信息96条。"
                    "（二）主动公开政府信息的主要类别规划计划类信息6条。" + TABLES
                    + "五、存在的主要问题及改进情况一是解读偏少。二是更新偏慢。" + END)
SHI_WORK = ["一是突出抓好预决算公开", "二是深化放管服改革", "三是抓好工程招投标", "四是抓好热点回应"]
# …and the other way round: a short 一是 in the opening words, then the outline the work is told by
SHI_THEN_OUTLINE = ("碧溪县水务局2023年政府信息公开工作年度报告\n一、总体情况\n我局坚持一是依法公开，二是主动公开。\n"
                    "（一）强化组织保障\n调整领导小组，明确专人负责，每季度召开一次专题会议研究部署公开工作，"
                    "并将公开工作纳入年度考核。\n（二）健全工作制度\n修订信息发布审核办法，建立栏目巡查台账，每月通报一次更新情况。\n"
                    + TABLES + "五、存在的主要问题及改进情况\n无。\n" + END)


@pytest.mark.parametrize("question", ["信息公开重点抓了哪几件事？", "政务公开工作主要有哪几项举措"])
def test_a_long_shi_list_before_a_short_outline_of_figures_is_the_work(question: str) -> None:
    assert holds(listed_items(SHI_THEN_FIGURES, question), SHI_WORK), question


def test_a_short_shi_list_in_the_opening_words_leaves_the_outline() -> None:
    assert holds(listed_items(SHI_THEN_OUTLINE, "信息公开重点抓了哪几件事？"), ["强化组织保障", "健全工作制度"])


@pytest.mark.parametrize("question", [
    "2023年收到几件申请？", "申请都涉及哪些事项？", "公开了哪些事项", "有哪些工作人员负责信息公开？", "发布了几条工作动态？",
    "信息公开工作机构是什么？", "重点领域信息公开有哪些？", "公开了哪些任务分工？", "如何回应关切？",
])
def test_things_that_are_no_work_done_name_no_work_list(question: str) -> None:
    assert not lists_done(question), question
    part = asked_part(question)
    # none, another part, a topic of the work, or a topic's own items listed in one sentence (申请都涉及哪些事项)
    assert part is None or part.name != WORK or part.topic or part.noun, question


def test_the_word_helpers() -> None:
    assert asks_work_done("重点抓了哪几件事？") and asks_work_done("干了啥") and asks_work_done("有哪些特色做法")
    assert not asks_work_done("收到了哪些申请")
    assert plans_asked("针对这些问题采取了哪些措施") and plans_asked("存在的问题和措施") and plans_asked("下一步有哪些举措")
    assert not plans_asked("主要有哪几项举措") and not plans_asked("在主动公开方面采取了哪些措施")
    assert not plans_asked("推出了哪几项重要举措") and not plans_asked("收到申请以后采取了哪些措施")
    assert future_asked("将从哪几方面采取措施") and future_asked("接下来") and not future_asked("回应了哪些关切")


def _follow(text: str, earlier: str) -> str:
    part = followup_part(Question(text=text, agencies=(AGENCY,), years=(2023,), metric=None, intent="narrative",
                                  query=f"{earlier} {text}"))
    assert part is not None, text
    assert part.focus == ("亮点" if "亮点" in text else ""), text
    return part.name


def test_follow_ups_turn_between_the_work_the_problems_and_the_measures() -> None:
    assert _follow("那措施呢？", "存在哪些问题？") == MEASURES
    assert _follow("下一步呢？", "重点抓了哪几件事？") == MEASURES
    assert _follow("问题呢？", "主要有哪几项举措？") == PROBLEMS
    assert _follow("2022年呢？", "重点抓了哪几件事？") == WORK
    assert _follow("接下来呢？", "主要有哪几项举措？") == MEASURES
    assert _follow("那亮点呢？", "存在哪些问题？") == WORK


@pytest.fixture
def ask(tmp_path, settings):
    from govqa.core.types import Chunk, ParsedReport, Report, TableResult
    from govqa.index.store import Store
    from govqa.qa.answer import answer_question
    from tests.qa.conftest import FakeRetriever

    store = Store(f"sqlite:///{tmp_path / 'workdone.db'}")
    report = Report(id="bxbxbx2023", source="bx.txt", agency=AGENCY, short_name="碧溪县水务局", aliases=(),
                    year=2023, template="2021", title=f"{AGENCY}2023年政府信息公开工作年度报告", content_hash="bx" * 16,
                    text=REPORT)
    store.save(ParsedReport(report, (), TableResult((), (), "2021"), ()))
    start = REPORT.index("下一步")
    chunk = Chunk(id="bxbxbx2023:1", report_id="bxbxbx2023", agency=AGENCY, short_name="碧溪县水务局", year=2023,
                  section="存在的主要问题及改进情况", subheading="", start=start, end=REPORT.index("\n", start),
                  text=REPORT[start:REPORT.index("\n", start)])
    retriever = FakeRetriever([chunk])
    return lambda text: answer_question(text, store=store, retriever=retriever, conversation=None, settings=settings)


def test_end_to_end_the_work_and_the_measures(ask) -> None:
    for question in ("碧溪县水务局2023年政府信息公开工作主要有哪几项举措？", "碧溪县水务局2023年信息公开重点抓了哪几件事？"):
        a = ask(question)
        assert a.found and [s.text[3:9] for s in a.sources] == WORK_PARTS, question
    a = ask("碧溪县水务局2023年下一步有哪些举措？")
    assert a.found and len(a.sources) == len(PLANS) and all(w in a.text for w in PLANS)
