"""The parts of 总体情况 asked for themselves (分哪几块 / 从哪几个方面推进), a part named in other words (监督保障 ~
信息公开保障), how the work was done (是怎样推进…的), the items one sentence names (哪几道审核), and how a 复议/诉讼
case ended (最后结果怎么样？). Layouts and wordings are our own; numbers are made up."""

from __future__ import annotations

import pytest
from listed_parts import listed_items

from govqa.core.types import Answer, Metric, Question, Source
from govqa.qa.conversation import Conversation
from govqa.qa.outcome_followup import asks_outcome, outcome_followup, outcome_sentences
from govqa.qa.section_list import WORK, asked_part

HEAD = "前言\n本报告由青梧县交通局编制。\n一、总体情况\n2022年，我局认真落实条例要求，扎实推进政务公开。"
TABLES = "二、主动公开政府信息情况\n表略。\n三、收到和处理政府信息公开申请情况\n表略。\n四、政府信息公开行政复议、行政诉讼情况\n表略。\n"
END = "五、存在的主要问题及改进情况\n无。\n六、其他需要报告的事项\n无。\n"

# one line, headings with a comma (（一）突出重点，落实公开责任。) and a protective-part heading said another way
OUTLINE = (HEAD + "（一）突出重点，压实公开责任。全年主动公开信息210条。（二）规范管理，健全公开制度。修订公开指南。"
           "（三）政府信息公开平台载体建管方面。办好网站和公众号。（四）信息公开保障方面。组织领导到位，考核考评到位。\n"
           + TABLES + END)
# headings on their own lines, one of them titled by the work (全面推进政务公开) with 一是…二是… inside
TITLED = (HEAD + "\n（一）加强机制建设\n一是成立领导小组。二是明确责任分工。\n（二）全面推进政务公开\n一是持续推进“五公开”。"
          "二是及时调整权责清单。\n（三）监督考核\n1.开展季度自查，发现问题及时整改。\n2.接受群众监督，设立意见箱。\n" + TABLES + END)


@pytest.mark.parametrize("question", [
    "青梧交通局2022年的政府信息公开工作主要从哪几个方面推进的？",
    "青梧交通局2022年政务公开工作是从哪些方面来抓的",
    "他们2022年的信息公开工作分哪几块来讲？",
    "信息公开工作主要抓了哪几块",
    "总体情况里讲了哪几个方面的工作",
    "2022年政务公开重点抓了哪几方面？",
    "他们的信息公开主要围绕哪几块展开",
    "这一年的公开工作包括哪几大块",
])
def test_the_parts_of_the_work_are_the_outline_headings(question: str) -> None:
    items = listed_items(OUTLINE, question)
    assert [i[:3] for i in items] == ["（一）", "（二）", "（三）", "（四）"]
    assert "压实公开责任" in items[0] and "信息公开保障" in items[3]


@pytest.mark.parametrize("question", ["申请主要涉及哪些方面？", "政府信息公开申请的内容涉及哪几个方面"])
def test_what_applications_were_about_is_no_part_of_the_work(question: str) -> None:
    part = asked_part(question)  # the contents one sentence lists (qa/sentence_names.py), else no list at all
    assert part is not None and part.named and part.noun == "申请内容" and not part.topic
    assert listed_items(OUTLINE, question) == []


@pytest.mark.parametrize("question", [
    "青梧交通局在政务公开监督保障上采取了哪些措施？",
    "青梧交通局在信息公开的监督保障方面做了哪几项工作？",
    "监督保障这块做了什么？",
    "在保障措施方面做了哪些工作",
    "信息公开保障方面有哪些举措？",
])
def test_a_part_named_in_other_words_finds_its_sub_heading(question: str) -> None:
    assert listed_items(OUTLINE, question) == ["组织领导到位，考核考评到位。"]  # the body after the titled line
    assert listed_items(TITLED, question) == ["1.开展季度自查，发现问题及时整改。", "2.接受群众监督，设立意见箱。"]


@pytest.mark.parametrize("question", ["平台建设方面做了哪些工作？", "在公开平台建设上采取了哪些措施"])
def test_platform_work_under_a_heading_said_otherwise(question: str) -> None:
    assert listed_items(OUTLINE, question) == ["办好网站和公众号。"]


@pytest.mark.parametrize("question", ["青梧交通局2022年是怎样全面推进政务公开的？", "他们是如何全面推进政务公开的",
                                      "在全面推进政务公开方面是怎么做的？"])
def test_how_the_work_was_done_takes_the_part_titled_so(question: str) -> None:
    assert listed_items(TITLED, question) == ["一是持续推进“五公开”。", "二是及时调整权责清单。"]


@pytest.mark.parametrize("question", ["青梧交通局2022年是怎样全面推进政务公开的？", "他们的政务公开工作是如何开展的？",
                                      "他们是怎么做的？", "信息公开工作是怎样推进的"])
def test_how_the_work_was_done_without_such_a_part_is_the_whole_outline(question: str) -> None:
    part = asked_part(question)
    assert part is not None and part.name == WORK
    assert [i[:3] for i in listed_items(OUTLINE, question)] == ["（一）", "（二）", "（三）", "（四）"]


def test_plans_stay_the_measures() -> None:
    part = asked_part("下一步将如何推进政务公开？")
    assert part is not None and part.name != WORK


def _chunk(text: str) -> object:
    from govqa.core.types import Chunk, ScoredChunk

    chunk = Chunk(id="own:0", report_id="own", agency="青梧县交通局", short_name="交通局", year=2022,
                  section="总体情况", subheading="", start=0, end=len(text), text=text)
    return ScoredChunk(chunk, 1.0)


REVIEW = ("二是加强信息发布审核。建立健全政务信息“三审”制度，规范审核发布工作。信息发布前，由科室负责人初审后，"
          "局办公室复审，最后交由分管领导终审，专人按规定推送。三是拓展公开形式。全年编发简报12期。")


@pytest.mark.parametrize("question", [
    "交通局的信息发布前要经过哪几道审核？",
    "交通局发布政务信息的“三审”是哪三道审核？",
    "信息发布前要过哪几道审核",
    "“三审”指的是哪三个审核环节？",
])
def test_the_items_one_sentence_names_are_quoted(question: str) -> None:
    from govqa.qa.extract import best_quote
    from govqa.qa.quote_choice import answers

    quote = best_quote(question, [_chunk(REVIEW)], drop=["交通局"])
    assert quote is not None and answers(quote)
    assert all(w in quote.text for w in ("科室负责人", "局办公室", "分管领导")), quote.text


def test_which_three_is_no_count() -> None:
    from govqa.qa.extract import question_weights

    assert "道" not in question_weights("发布前要经过哪几道审核？", drop=[])
    assert "三道" not in question_weights("是哪三道审核？", drop=[])
    assert "道路" in question_weights("修了哪几条道路？", drop=[])  # a word that only starts like a measure stays


CASES = (HEAD + "全年收到申请6件。因依申请公开引发行政复议2起、行政诉讼1起，复议均被维持原答复，诉讼已按撤诉处理。"
         "\n" + TABLES.replace("表略。\n四", "表略。\n四") + "结果维持\t结果纠正\t尚未审结\n2\t0\t0\n" + END)


@pytest.mark.parametrize("text", ["最后结果怎么样？", "结果如何", "后来怎么处理的？", "最终怎么判的", "败诉了吗",
                                  "有没有被驳回", "那后来呢", "结局是什么"])
def test_asking_how_cases_ended(text: str) -> None:
    assert asks_outcome(text)


@pytest.mark.parametrize("text", ["结果维持的有几件？", "尚未审结的有多少", "最后一年呢", "那公安局呢"])
def test_a_count_or_another_report_is_no_outcome_question(text: str) -> None:
    assert not asks_outcome(text)


def test_the_outcome_sentence_is_prose_not_the_table_header() -> None:
    spans = outcome_sentences(CASES)
    assert len(spans) == 1 and "撤诉" in CASES[spans[0][0]:spans[0][1]]


def _earlier(year: int = 2022) -> Answer:
    cell = Source(report="own", agency="青梧县交通局", year=year, text="表四 行政复议 总计 = 2", table="复议诉讼",
                  row="数量", col="复议.总计")
    return Answer(question="青梧交通局2022年有几起行政复议？", text="…2件。", found=True, route="table", value=2.0,
                  unit="件", sources=(cell,))


def _q(text: str, *, years: tuple[int, ...] = (2022,)) -> Question:
    return Question(text=text, agencies=("青梧县交通局",), years=years, metric=Metric("复议诉讼", "数量", "复议.总计"),
                    intent="value", followup=True)


def test_the_outcome_follow_up_quotes_the_prose_with_offsets() -> None:
    answer = outcome_followup(_q("最后结果怎么样？"), _earlier(), report_text=lambda _id: CASES)
    assert answer is not None and answer.found and "维持原答复" in answer.text and "撤诉" in answer.text
    source = answer.sources[0]
    assert source.start is not None and CASES[source.start:source.end].startswith("因依申请公开")
    assert source.section == "总体情况"


def test_no_outcome_answer_for_another_year_or_silent_prose() -> None:
    assert outcome_followup(_q("2021年结果呢？", years=(2021,)), _earlier(), report_text=lambda _id: CASES) is None
    silent = HEAD + "全年收到申请6件。\n" + TABLES + END
    assert outcome_followup(_q("最后结果怎么样？"), _earlier(), report_text=lambda _id: silent) is None
    not_cases = Answer(question="q", text="t", found=True, route="table", value=6.0,
                       sources=(Source(report="own", agency="青梧县交通局", year=2022, text="表三", table="申请"),))
    assert outcome_followup(_q("最后结果怎么样？"), not_cases, report_text=lambda _id: CASES) is None


def test_after_the_quoted_outcome_the_table_stays_the_frame() -> None:
    chat = Conversation()
    first = replace_q(_q("青梧交通局2022年有几起行政复议？"), followup=False)
    chat.remember(first, _earlier())
    outcome = outcome_followup(_q("最后结果怎么样？"), _earlier(), report_text=lambda _id: CASES)
    assert outcome is not None
    chat.remember(_q("最后结果怎么样？"), outcome)
    last = chat.last
    assert last is not None and last.metric == Metric("复议诉讼", "数量", "复议.总计")


def test_a_table_question_answered_by_a_quote_is_followed_up_as_prose() -> None:
    chat = Conversation()
    quoted = Answer(question="q", text="t", found=True, route="retrieval",
                    sources=(Source(report="own", agency="青梧县交通局", year=2022, text="全年公开210条。"),))
    chat.remember(replace_q(_q("占总制发信息的比例是多少"), followup=False), quoted)
    last = chat.last
    assert last is not None and last.metric is None


def replace_q(q: Question, **changes: object) -> Question:
    from dataclasses import replace

    return replace(q, **changes)  # type: ignore[arg-type]


# the subject's words (政府信息公开) in a heading name no part; 强化监督管理 is the supervision part
RUN_ON = (HEAD + "（一）强化组织领导。成立领导小组。（二）常态化推进政府信息公开。全年公开信息180条。"
          "（三）强化监督管理。坚持先审查后公开，落实一事一审。\n" + TABLES + END)


@pytest.mark.parametrize("question", ["在监督保障方面做了哪些工作？", "信息公开保障上有哪些举措", "监督管理这块做了什么"])
def test_the_subject_words_of_a_heading_do_not_make_it_the_part(question: str) -> None:
    assert listed_items(RUN_ON, question) == ["坚持先审查后公开，落实一事一审。"]


@pytest.mark.parametrize("question", ["信息公开分为几个方面？", "政务公开工作分成几大块", "总体情况包括几个部分"])
def test_how_many_parts_is_answered_by_the_parts(question: str) -> None:
    assert [i[:3] for i in listed_items(OUTLINE, question)] == ["（一）", "（二）", "（三）", "（四）"]


def test_a_count_of_items_is_still_a_count() -> None:
    assert asked_part("主动公开了几条规范性文件？") is None


STEPS = ("（二）突出重点工作。一是推进重点领域信息公开。二是重视舆情回应。（三）严格监督审查。我局落实审核审签制，"
         "信息材料严格遵循经办人初核、科室负责人把关、分管领导审批流程，全年登记备案信息全部归档。")


@pytest.mark.parametrize("question", ["信息材料要经过哪几道流程审批？", "信息材料审批分哪几个环节？", "信息材料要经哪三级审批"])
def test_steps_named_in_one_sentence_are_not_another_part_s_list(question: str) -> None:
    from govqa.qa.extract import best_quote

    quote = best_quote(question, [_chunk(STEPS)], drop=[])
    assert quote is not None
    assert all(w in quote.text for w in ("经办人初核", "科室负责人", "分管领导")), quote.text
    assert "重视舆情回应" not in quote.text


@pytest.mark.parametrize("question", ["监督保障咋做的？", "监督保障这块是怎么做的", "在监督保障上都干了啥"])
def test_spoken_question_words(question: str) -> None:
    assert listed_items(TITLED, question) == ["1.开展季度自查，发现问题及时整改。", "2.接受群众监督，设立意见箱。"]


NESTED = (HEAD.replace("扎实推进政务公开。", "") + "一是修订公开目录。按要求重新梳理目录，印发执行。二是突出重点领域公开。一是把土地出让信息纳入重点公开内容，"
          "按时限在网站公开。二是把环境监管信息纳入重点公开内容，及时发布执法结果。三是拓宽公开渠道。开通政务微信公众号。\n"
          + TABLES + END)


def test_a_titled_list_keeps_its_items_past_a_list_nested_in_one_of_them() -> None:
    items = listed_items(NESTED, "从哪几个方面推进的？")
    assert [i[:2] for i in items] == ["一是", "二是", "三是"] and items[2].startswith("三是拓宽公开渠道")
