"""Kinds studied in round 22, each tested on wordings of our own: how the applications a report mentions were sent
in (那几条依申请公开的信息是怎么提交的: a sentence, not 表三's count). Every sentence here is our own."""

from __future__ import annotations

import pytest

from govqa.qa.prose_asks import asks_prose
from govqa.qa.prose_facts import _kind_of


@pytest.mark.parametrize("text", [
    "青梧局2021年那几条依申请公开的信息，申请人是拿什么方式交的？", "青梧局2021年那几件依申请公开的申请是怎么提交的？",
    "青梧局2021年依申请公开的那几条，申请人是通过什么渠道提交的？", "青梧局2021年这几件信息公开申请是以什么方式递交的？",
    "青梧局2021年依申请公开的申请人用的什么提交方式？", "青梧局2021年那几份申请是如何递交的", "这几件申请是怎么交上来的？",
])
def test_how_those_applications_came_in_is_prose(text: str) -> None:
    assert asks_prose(text), text
    kind = _kind_of(text)
    assert kind is None or kind.name != "info_count", text


@pytest.mark.parametrize("text", [
    "青梧局2021年依申请公开过几条信息？", "青梧局2021年一共收到了几件申请？", "青梧局2021年网上提交的申请有几件？",
    "青梧局2021年依申请公开多少条？",
])
def test_a_count_stays_a_count(text: str) -> None:
    assert not asks_prose(text), text


# a count of an action stated among counts of other actions (发布…169条 first): the one right after the asked action
_COUNTS_TEXT = ("在门户网站发布公文类信息，全年共发布169条，同时加强政策文件解读力度，做到应解读、尽解读。"
                "全年印发公文类信息共510条，其中主动公开169条，全年通过门户网站回应依申请公开信息3条，解读政策性文件8条。")


@pytest.mark.parametrize("question", [
    "2022年青梧局共解读政策性文件几条？", "青梧局2022年政策性文件解读了多少条？", "青梧局2022年一共解读政策性文件多少条",
    "2022年青梧局解读了多少条政策性文件", "青梧局2022年解读政策性文件多少条？", "青梧局2022年解读过几条政策文件？",
])
def test_a_count_belongs_to_the_asked_action(question: str) -> None:
    from govqa.qa import stated_counts

    span = stated_counts.count_span(_COUNTS_TEXT, question)
    assert span is not None, question
    assert stated_counts.count_said(_COUNTS_TEXT[span[0]:span[1]], question) == "解读政策性文件8条", question


@pytest.mark.parametrize("question", [
    "青梧局2022年发布了多少条公文类信息？",  # 印发…共510条 names the things, not the action
    "青梧局2022年那几条政策性文件是谁解读的？",  # those, no count
    "青梧局2022年政策性文件有几条？",
])
def test_no_count_of_another_action(question: str) -> None:
    from govqa.qa import stated_counts

    span = stated_counts.count_span(_COUNTS_TEXT, question)
    assert span is None or "510" not in _COUNTS_TEXT[span[0]:span[1]], question


def test_a_count_of_things_named_whole() -> None:
    from govqa.qa import stated_counts

    text = "全年共发布169条，送交两馆的公文类信息169条。全年印发公文类信息共510条，其中主动公开169条。"
    question = "青梧局2022年送交两馆的公文类信息有多少条？"
    span = stated_counts.count_span(text, question)
    assert span is not None
    assert stated_counts.count_said(text[span[0]:span[1]], question) == "送交两馆的公文类信息169条"


def test_a_part_whose_title_is_cut_mid_sentence_is_quoted_from_its_marker() -> None:
    from govqa.qa.named_parts import body_start, outline

    text = ("（三）平台建设情况。一是配合做好全县政府网站升级改造工作，根据县里要求配合调整主网站布局结构、单位政府信息公开界面，"
            "并在新增设模块及时补充更新信息。二是加大公开力度。")
    heads = outline(text, 0, len(text))
    first = next(h for h in heads if h.kind == "shi")
    assert text[body_start(text, first):].startswith("一是配合做好全县政府网站升级改造工作")
    whole = next(h for h in heads if h.kind == "cn")
    assert body_start(text, whole) == whole.body  # a title that ends at its full stop: the body follows it
    short = next(h for h in heads if h.kind == "shi" and h is not first)
    assert body_start(text, short) == short.body


_PROBLEMS_TEXT = ("青梧县人民政府2021年政府信息公开工作年度报告\n一、总体情况\n"
                  "（一）主动公开。全年发布信息820条。三是引入第三方对政府网站和政务新媒体全天候监测，实时反馈错别字、空白栏目等各类问题，"
                  "确保网站内容准确。\n"
                  "二、主动公开政府信息情况\n无。\n"
                  "五、存在的主要问题及改进情况\n一是部分栏目更新不够及时。二是政策解读形式单一。三是基层公开力度不够。\n"
                  "六、其他需要报告的事项\n无。\n")


@pytest.mark.parametrize("question", [
    "青梧县2021年请第三方盯着政府网站和新媒体，主要是揪出哪些问题？", "青梧县2021年第三方监测政府网站和新媒体时发现了哪些问题？",
    "青梧县2021年引入第三方监测网站和政务新媒体，反馈了哪些问题", "青梧县2021年第三方对政府网站和政务新媒体监测，主要查出什么问题？",
])
def test_the_problems_of_a_named_activity_are_its_sentences_list(question: str) -> None:
    from govqa.qa.parts import section_items
    from govqa.qa.section_list import asked_part

    part = asked_part(question)
    assert part is not None, question
    items = [p.text for p in section_items(_PROBLEMS_TEXT, part)]
    assert any("错别字" in i for i in items) and any("空白栏目" in i for i in items), (question, items)


@pytest.mark.parametrize("question", ["青梧县2021年存在哪些问题？", "青梧县2021年政府信息公开工作还存在什么问题？"])
def test_the_reports_own_problems_stay_its_problems_list(question: str) -> None:
    from govqa.qa.parts import section_items
    from govqa.qa.section_list import asked_part

    part = asked_part(question)
    assert part is not None, question
    items = [p.text for p in section_items(_PROBLEMS_TEXT, part)]
    assert items and items[0].startswith("一是部分栏目更新不够及时"), (question, items)


_USES_TEXT = ("四是组织编写青梧区人民政府本级行政机关机构职能清单（横版用于做册存档，竖版用于网站上传），集中公开23个部门主要职能。"
              "五是编印便民手册，供群众取阅。")


@pytest.mark.parametrize("question", [
    "青梧区编的机构职能清单分横版和竖版，各自拿来干嘛？", "青梧区2021年机构职能清单横版、竖版分别用来做什么？",
    "青梧区机构职能清单横版竖版各有什么用途？", "青梧区2021年的机构职能清单两个版本的用途分别是什么？",
    "职能清单的横版和竖版分别用于什么？", "横版和竖版各自是干什么的",
])
def test_what_each_version_is_for(question: str) -> None:
    from govqa.qa import named_facts as nf

    kind = _kind_of(question)
    assert kind is not None and kind.name == "uses", question
    span = nf.uses_span(_USES_TEXT, question)
    assert span is not None, question
    assert nf.uses_said(_USES_TEXT[span[0]:span[1]], question) == "横版用于做册存档；竖版用于网站上传", question


def test_one_use_is_no_answer_for_each() -> None:
    from govqa.qa import named_facts as nf

    assert nf.uses_span("五是编印便民手册，供群众取阅。", "便民手册和宣传册各拿来干什么用？") is None


_RESTART_TEXT = ("青梧县审批局2021年政府信息公开工作年度报告\n一、总体情况\n2021年，我局加强信息发布。"
                 "（一）强化组织领导，成立领导小组，定期研究部署公开工作。"
                 "（二）完善规章制度，规范公开工作一是印发公文制发和信息公开的通知，重新梳理公开流程。"
                 "二是推动重大行政决策预公开，对涉及群众切身利益的事项在正式决定前向社会征求意见建议，并及时反馈采纳情况。"
                 "（三）加强平台建设，提升公开水平一是在门户网站增设“企业办事专区”模块，提供咨询、投诉等功能。"
                 "二是推动热线平台与“政企直通车”联通融合，畅通企业表达诉求的渠道。"
                 "（四）推进审批改革，推动政务服务提速一是完成标准化事项目录梳理。二是推出“一件事”打包办理服务。"
                 "今年公开政务信息278条。\n二、主动公开政府信息情况\n无。\n")


@pytest.mark.parametrize("question", [
    "青梧县审批局2021年在重大行政决策上是如何搞预公开的？", "青梧县审批局2021年重大行政决策预公开是怎么搞的？",
    "青梧县审批局2021年重大行政决策方面开展了哪些工作？", "青梧县审批局2021年重大行政决策方面预公开是怎么做的？",
])
def test_a_practice_named_inside_an_item_is_that_item(question: str) -> None:
    from govqa.qa.parts import section_items
    from govqa.qa.section_list import asked_part

    part = asked_part(question)
    assert part is not None, question
    items = [p.text for p in section_items(_RESTART_TEXT, part)]
    assert len(items) == 1 and "征求意见建议" in items[0], (question, items)


def test_a_list_that_starts_again_at_one_is_another_list() -> None:
    from govqa.qa.parts import section_items
    from govqa.qa.section_list import asked_part

    part = asked_part("青梧县审批局2021年在平台建设上做了哪些事？")
    assert part is not None
    items = [p.text for p in section_items(_RESTART_TEXT, part)]
    assert len(items) == 2 and "企业办事专区" in items[0] and "政企直通车" in items[1], items


def test_a_stated_count_is_found_when_the_search_misses_its_sentence(tmp_path, settings) -> None:
    from govqa.qa.answer import answer_question
    from tests.qa.conftest import FakeRetriever, sentence_chunks, years_store

    agency, short = "青梧县社会事业局", "社会事业局"
    texts = {2022: "一、总体情况\n" + _COUNTS_TEXT + "\n"}
    store = years_store(tmp_path / "stated.db", agency=agency, short=short, alias="青梧社会事业局", texts=texts,
                        cells={}, prefix="s")
    chunks = [c for c in sentence_chunks(texts, agency=agency, short=short, prefix="s") if "8条" not in c.text]
    answer = answer_question("青梧社会事业局2022年政策性文件一共解读了几条？", store=store, retriever=FakeRetriever(chunks),
                             conversation=None, settings=settings)
    assert answer.found and answer.value == 8 and "解读政策性文件8条" in answer.text, answer.text
    src = answer.sources[0]
    assert "解读政策性文件8条" in texts[2022][src.start:src.end]


@pytest.mark.parametrize("question", ["青梧局2021年在扶贫、教育这些民生领域公开了多少条信息？", "青梧局2021年依申请公开的信息有几条"])
def test_a_count_of_information_in_general_is_no_stated_count(question: str) -> None:
    from govqa.qa import stated_counts

    text = "在专题专栏公开信息83条。主动公开政府信息128条、依申请公开130条。"
    assert stated_counts.count_span(text, question) is None, question
