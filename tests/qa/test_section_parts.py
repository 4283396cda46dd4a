"""A part of 总体情况 named in everyday words gets every item of that part, whatever the layout: heading and first item
on one line, newlines and full-width spaces, 一是 / 1. / bold numbering, a list inside one sentence."""

from __future__ import annotations

import pytest
from listed_parts import holds, listed_items

from govqa.qa.section_list import MEASURES, WORK, asked_part, section_items

HEAD = "前言\n本报告由东岚县水利局编制。\n一、总体情况\n"
TABLES = "二、主动公开政府信息情况\n表略。\n三、收到和处理政府信息公开申请情况\n表略。\n四、政府信息公开行政复议、行政诉讼情况\n表略。\n"
END = "五、存在的主要问题及改进情况\n一是解读偏少。二是更新偏慢。下一步，我局将做好以下工作：一是充实解读队伍。二是按周更新栏目。" \
      "三是开展业务培训。三是完善考核办法。\n六、其他需要报告的事项\n无。\n"

ONE_LINE = (HEAD + "2023年，我局认真落实条例。（一）主动公开方面。一是公开财政预决算；二是公开重点项目进展。"
            "（二）政府信息管理方面一是健全发布审查机制。二是清理历史文件。三是更新公开指南。（三）平台建设　一是改版门户网站，"
            "新增解读专栏。二是开通政务微信。（四）监督保障。一是纳入年度绩效考核；二是开展季度自查。\n" + TABLES + END)
NEWLINES = (HEAD + "（一）政府信息管理\n　　1.健全发布审查机制。\n　　2.清理历史文件。\n　　3.更新公开指南。\n"
            "（二）平台建设\n　　**一是**改版门户网站。**二是**开通政务微信。\n（三）监督保障\n"
            "　　按照年度要点，我局做好保障工作。一是纳入年度绩效考核。二是开展季度自查。\n" + TABLES + END)
MANAGEMENT = ["健全发布审查机制", "清理历史文件", "更新公开指南"]
PLATFORM = ["改版门户网站", "开通政务微信"]
OVERSIGHT = ["纳入年度绩效考核", "开展季度自查"]


@pytest.mark.parametrize("text", [ONE_LINE, NEWLINES])
@pytest.mark.parametrize("question, wanted", [
    ("东岚水利局2023年政府信息管理这块做了哪些工作？", MANAGEMENT),
    ("2023年在政府信息管理上是怎么做的", MANAGEMENT),
    ("政府信息管理方面都干了啥", MANAGEMENT),
    ("他们在信息管理这一块有哪些举措？", MANAGEMENT),
    ("在平台建设上做了哪两件事？", PLATFORM),
    ("平台建设这方面有什么亮点", PLATFORM),
    ("2023年，平台建设方面搞了什么", PLATFORM),
    ("东岚水利局2023年监督保障方面做了什么？", OVERSIGHT),
    ("监督保障工作具体有哪些", OVERSIGHT),
    ("在监督保障、绩效考核上做了哪些工作？", OVERSIGHT),
])
def test_a_named_part_gets_every_item_of_that_part(text: str, question: str, wanted: list[str]) -> None:
    assert holds(listed_items(text, question), wanted), (question, listed_items(text, question))


@pytest.mark.parametrize("question", ["2023年在主动公开上具体做了哪几件事？", "主动公开这方面有什么亮点？",
                                      "主动公开方面做了啥"])
def test_the_part_heading_with_a_full_stop_is_no_item(question: str) -> None:
    assert holds(listed_items(ONE_LINE, question), ["公开财政预决算", "公开重点项目进展"])


@pytest.mark.parametrize("question", ["东岚镇2022年主动公开了哪几类政府信息？", "主动公开的信息有哪些类别",
                                      "2022年主动公开的政府信息包括哪几类？", "主动公开的政府信息有哪些？",
                                      "2022年主动公开了哪些内容", "主动公开都公开了些啥信息"])
def test_kinds_listed_inside_one_sentence_are_all_given(question: str) -> None:
    text = (HEAD + "1.主动公开情况。2022年，本镇通过网站主动公开信息98条。本镇主动公开的政府信息有：一是机构概况，包括职能；"
            "二是财政资金，包括预决算；三是惠民政策，包括补贴发放。2.依申请公开情况。未收到申请。\n" + TABLES + END)
    assert holds(listed_items(text, question), ["机构概况", "财政资金", "惠民政策"])


@pytest.mark.parametrize("question", ["下一步准备怎么把信息公开做好？", "今后打算如何进一步做好公开工作", "明年怎么改进？"])
def test_plans_said_with_how_are_every_measure_and_a_number_said_twice_is_one_more(question: str) -> None:
    part = asked_part(question)
    assert part is not None and part.name == MEASURES
    assert holds(listed_items(ONE_LINE, question), ["充实解读队伍", "按周更新栏目", "开展业务培训", "完善考核办法"])


def test_the_whole_work_is_the_outline_when_no_part_is_named() -> None:
    part = asked_part("2023年信息公开主要抓了哪几方面工作？")
    assert part is not None and part.name == WORK and not part.topic
    assert [p.text[:3] for p in section_items(ONE_LINE, part)] == ["（一）", "（二）", "（三）", "（四）"]


@pytest.mark.parametrize("question", ["2023年主动公开了多少条信息？", "监督保障方面发了几个文件"])
def test_a_count_on_a_part_is_no_list(question: str) -> None:
    assert asked_part(question) is None


def test_parts_numbered_one_dot_two_dot_end_at_the_next_number() -> None:
    text = (HEAD + "1.主动公开情况。全年公开信息90条。2.政府信息管理。一是健全发布审查机制；二是清理历史文件；三是更新公开指南。"
            "3.平台建设。一是改版门户网站。二是开通政务微信。\n" + TABLES + END)
    assert holds(listed_items(text, "政府信息管理这块做了哪些工作？"), MANAGEMENT)
    assert holds(listed_items(text, "平台建设方面做了什么"), PLATFORM)
