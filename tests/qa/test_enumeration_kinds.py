"""Kinds of list question a fresh set brought to the enumeration fallback (qa/enumerations.py): the topics a piece of
work centred on (围绕 / 聚焦 / 紧扣), the items of a domain published (哪些采购信息 — the noun said after 等 and the
items' shared head), kinds of what a site published (发的信息是哪几种), the platforms where something was posted
(在“A”“B”平台公示), in several wordings each over a hand-written report."""

from __future__ import annotations

import pytest
from listed_parts import listed_items

REPORT = (
    "青梧区财政局2023年政府信息公开工作年度报告\n一、总体情况\n"
    "2023年，我局加强组织领导、完善制度建设、强化监督考核，推动政务公开工作。\n"
    "始终将政策解读作为推进政务公开的重要抓手，围绕稳就业、保民生、优化营商环境、乡村振兴等群众关切问题加强解读回应。\n"
    "严格执行政府采购信息发布制度，做到采购意向、采购公告、采购文件、采购合同等采购项目信息及时规范公开。\n"
    "全年公开预算、决算、“三公”经费等财政信息86条。\n"
    "以推动政务公开制度化、规范化为着力点，主动公开政府信息。\n"
    "全年门户网站发布财政动态、通知公告、政策解读、预决算公开等各类信息1260篇。\n"
    "2023年我局主动公开的214条信息中，通知公告类120条，部门文件类（含重点领域）52条，政策解读类30条，其他类12条。\n"
    "依托门户网站、政务微博和微信公众号等平台公开政府信息。\n"
    "2023年在“信用中国”“信用青梧”“青梧发布”平台公示行政许可信息，在青梧公共信用信息平台公示行政处罚信息。\n"
    "二、主动公开政府信息情况\n表略。\n")
FOCUS = ["稳就业", "保民生", "优化营商环境", "乡村振兴"]
BUYING = ["采购意向", "采购公告", "采购文件", "采购合同"]


@pytest.mark.parametrize("question", [
    "做政策解读，主要围绕哪些社会关心的事？", "政策解读重点围绕了哪些问题", "解读工作聚焦哪些热点", "政策解读围绕哪几个方面展开",
    "解读都围绕什么", "政策解读紧扣哪些群众关切", "政策解读主要聚焦了哪些方面？",
])
def test_the_topics_a_piece_of_work_centred_on(question: str) -> None:
    assert listed_items(REPORT, question) == FOCUS, question


@pytest.mark.parametrize("question", [
    "政府采购这块，具体把哪些采购信息公开了？", "公开了哪些政府采购信息", "哪些采购信息做到了及时公开", "采购方面公开了哪些采购信息",
    "政府采购方面都公开了哪些采购项目信息",
])
def test_the_items_of_a_domain_published(question: str) -> None:
    assert listed_items(REPORT, question) == BUYING, question


KINDS = ["财政动态", "通知公告", "政策解读", "预决算公开"]
COUNTED = ["通知公告类120条", "部门文件类（含重点领域）52条", "政策解读类30条", "其他类12条"]


@pytest.mark.parametrize("question", [
    "门户网站上发的信息主要是哪几种？", "网站发布的信息分哪几类", "门户网站发的信息都有哪几种", "网站上发布的信息主要有哪几类",
    "门户网站发布了哪几种信息",
])
def test_kinds_of_what_a_site_published_are_its_verb_and_noun_not_the_first_sentence_on_the_topic(question: str) -> None:
    assert listed_items(REPORT, question) == KINDS, question


@pytest.mark.parametrize("question", ["主动公开的那214条信息都分哪几类？", "214条信息分哪几类", "主动公开的214条信息有哪些类别"])
def test_a_counted_part_with_an_aside_stays_one_item(question: str) -> None:
    assert listed_items(REPORT, question) == COUNTED, question


CREDIT = ["“信用中国”", "“信用青梧”", "“青梧发布”"]
BOTH = [*CREDIT, "青梧公共信用信息平台"]  # the next clause adds one in the same words


@pytest.mark.parametrize("question", [
    "行政许可和行政处罚信息都挂在哪些平台上公示？", "行政许可信息在哪些平台公示", "在哪些平台公示了行政许可信息",
    "行政许可在哪几个平台上公示的", "许可信息放在哪些平台公示",
])
def test_the_platforms_a_sentence_names_where_the_question_says_what_was_published(question: str) -> None:
    assert listed_items(REPORT, question) == BOTH, question


@pytest.mark.parametrize("question", ["通过哪些平台公开信息", "依托哪些平台公开政府信息"])
def test_a_platform_question_echoing_no_sentence_keeps_the_channels_list(question: str) -> None:
    assert CREDIT[0] not in listed_items(REPORT, question), question
