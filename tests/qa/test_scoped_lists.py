"""Round-13 list kinds: the items of ONE named thing, listed inside the sentence that names it — an area or a platform
(水资源管理这块重点公开哪些信息 / 在某某网上公开了哪些信息: not the report's overall category list), the forms of one
activity (培训骨干用了哪些形式: not the 公开形式 part), an abbreviation (“三公开”是哪三个, or that the report never
spells it out), a slogan with gaps (“谁…谁…”是怎么说的); and a fee question answered with every fee sentence.
Real SQLite; every report, sentence and number here is our own."""

from __future__ import annotations

from pathlib import Path

import pytest

from govqa.core.types import Cell
from govqa.qa.answer import answer_question
from govqa.qa.scoped_lists import ABBREVIATION, AREA, MEANS, SLOGAN, scope_asked, scoped_items
from tests.qa.conftest import FakeRetriever, assert_listed, years_store

AGENCY, SHORT = "青梧县水利局", "水利局"
TEXT = ("青梧县水利局2023年政府信息公开工作年度报告\n"
        "本报告电子版可在“青梧县人民政府”门户网站查阅。\n"
        "一、总体情况\n"
        "2023年，本局主动公开政府信息共82条，主动公开类别主要涉及通知公告、规划计划、财政预决算、行政许可。"
        "（一）突出重点领域公开。一是把水资源管理纳入重点公开内容。重点突出取水许可信息、水资源公报、节水评价和水土保持方案审批信息公开。"
        "二是将河道采砂规划、采砂许可、砂石拍卖结果，河长名单、巡河记录等按照时限在“青梧水务网”及时公开。"
        "（二）持续推进“三公开”。全面推进本局决策、执行、结果“三公开”，均做到应公开尽公开。"
        "落实“四个一”工作要求，推动公开工作常态化。"
        "开通政务微博、微信公众号和客户端（“两微一端”），扩大信息覆盖面。"
        "（三）加强队伍建设。本局采取“以会代训”、“跟班学习”、专题讲座、参加市局举办的培训班等多种形式，"
        "对业务骨干进行培训。本局聚焦防汛领域，通过微信公众号、视频号等平台，发布汛情预警、水库水位、抢险动态等信息。"
        "建立信息发布“三审”制度。信息发布前，由科室负责人审核后，局办公室再审核，最后交由分管领导审定。"
        "严格信息发布审查，落实“谁起草、谁负责，谁审核、谁把关”“先审后发”等要求。\n"
        "二、其他需要报告的事项\n"
        "本机关依申请提供政府信息，不收取费用。2023年共收到政府信息公开申请5件。"
        "解读形式还不够丰富，未运用动画、音频、视频等形式开展解读。"
        "申请数量、频次明显超过合理范围的，本机关依照有关规定收取信息处理费。\n"
        "青梧县水利局 2024年1月18日")


@pytest.fixture
def store(tmp_path: Path):
    """One 2023 report (2021 template) with the prose above and a few 表三 cells."""
    return years_store(tmp_path / "scoped13.db", agency=AGENCY, short=SHORT, alias="青梧水利局", texts={2023: TEXT},
                       cells={2023: [Cell("申请", "一", "自然人", 5.0, "5"), Cell("申请", "一", "总计", 5.0, "5")]}, prefix="d")


@pytest.fixture
def ask(store, settings):
    def _ask(text: str):
        return answer_question(text, store=store, retriever=FakeRetriever([]), conversation=None, settings=settings)
    return _ask


def _lists(answer, items: list[str], *, not_said: tuple[str, ...] = ()) -> None:
    assert_listed(answer, TEXT, items, not_said=not_said)


WATER = ["取水许可信息", "水资源公报", "节水评价"]
AREA_ASKED = ["青梧水利局2023年水资源管理这块重点公开哪些信息？", "青梧水利局2023年在水资源管理方面公开了哪些信息",
              "青梧水利局2023年水资源管理领域公开了啥信息", "青梧县水利局2023年在水资源管理上都公开了什么内容？",
              "水利局2023年在水资源管理这一块主要公开哪些信息呢"]
PLATFORM = ["河道采砂规划", "采砂许可", "砂石拍卖结果", "河长名单", "巡河记录"]
PLATFORM_ASKED = ["青梧水利局2023年在“青梧水务网”上公开了哪些信息？", "青梧水利局2023年在青梧水务网上发布了什么内容",
                  "青梧水利局2023年在青梧水务网里公示了哪些信息", "2023年青梧水利局在青梧水务网上公开过哪些内容？"]


@pytest.mark.parametrize("text", AREA_ASKED)
def test_an_area_lists_the_sentence_naming_it_not_the_overall_categories(ask, text: str) -> None:
    _lists(ask(text), WATER, not_said=("规划计划",))


@pytest.mark.parametrize("text", PLATFORM_ASKED)
def test_a_platform_lists_what_was_published_there_even_past_a_comma(ask, text: str) -> None:
    _lists(ask(text), PLATFORM, not_said=("规划计划", "取水许可"))


FORMS = ["以会代训", "跟班学习", "专题讲座", "参加市局举办的培训班"]
FORMS_ASKED = ["青梧水利局2023年培训业务骨干用了哪些形式？", "青梧水利局2023年培训业务骨干采取了什么方式",
               "青梧水利局2023年是通过哪些办法培训业务骨干的？", "青梧水利局2023年对骨干的培训形式有哪些？",
               "青梧水利局2023年开展业务培训用了哪几种形式", "青梧水利局2023年培训骨干采用了哪些方法",
               "青梧水利局是通过哪些办法培训业务骨干的？"]


@pytest.mark.parametrize("text", FORMS_ASKED)
def test_the_forms_of_one_activity_are_the_list_before_its_means_word(ask, text: str) -> None:
    _lists(ask(text), FORMS, not_said=("门户网站",))


THREE_ASKED = ["青梧水利局2023年报里说的“三公开”是哪三个？", "青梧水利局2023年报告中的“三公开”指什么",
               "青梧水利局2023年三公开具体是指哪些？", "青梧水利局2023年“三公开”都包括什么", "青梧水利局2023年的三公开分别是哪三个"]


@pytest.mark.parametrize("text", THREE_ASKED)
def test_an_abbreviation_is_spelled_out_where_the_report_spells_it(ask, text: str) -> None:
    a = ask(text)
    _lists(a, ["决策", "执行", "结果"])
    assert [s.text for s in a.sources] == ["决策", "执行", "结果"]  # the body (本局) is no part of the first item


def test_an_abbreviation_in_brackets_after_its_parts(ask) -> None:
    _lists(ask("青梧水利局2023年的“两微一端”是哪些？"), ["政务微博", "微信公众号", "客户端"])


@pytest.mark.parametrize("text", ["青梧水利局2023年“四个一”是哪四个？", "青梧水利局2023年报告里的四个一具体指什么"])
def test_an_abbreviation_never_spelled_out_says_so_with_the_sentence_naming_it(ask, text: str) -> None:
    a = ask(text)
    assert a.found and "没有逐项列出" in a.text and "落实“四个一”工作要求" in a.text
    assert "报告电子版" not in a.text  # never the preamble


@pytest.mark.parametrize("text", ["青梧水利局2023年“谁…谁…”责任具体是怎么说的？", "青梧水利局2023年落实的“谁……谁……”原话是什么",
                                  "青梧水利局2023年报告里谁…谁…的要求是怎么写的", "青梧水利局2023年“先…后…”是怎么说的"])
def test_a_slogan_with_gaps_quotes_the_phrase_that_fills_them(ask, text: str) -> None:
    a = ask(text)
    said = "谁起草、谁负责，谁审核、谁把关" if "谁" in text else "先审后发"
    _lists(a, [said])


@pytest.mark.parametrize("text", ["找青梧水利局申请公开政府信息要交钱吗？", "向青梧水利局申请信息公开收费吗",
                                  "青梧水利局申请政府信息需要付费吗", "青梧水利局依申请公开是免费的吗"])
def test_a_fee_answer_quotes_every_fee_sentence(ask, text: str) -> None:
    a = ask(text)
    assert a.found and a.text.startswith("不收费")
    assert "不收取费用" in a.text and "收取信息处理费" in a.text
    assert len(a.sources) == 2 and all(TEXT[s.start:s.end] == s.text for s in a.sources)
    assert "5件" not in a.text  # the sentence between them is no fee sentence


@pytest.mark.parametrize(("text", "kind", "words"), [
    ("某局2023年在门户网站上发布了哪些内容？", AREA, "门户网站"), ("某局2023年政务新媒体这块推送了哪些信息", AREA, "政务新媒体"),
    ("某局2023年宣传条例的形式有哪些？", MEANS, "宣传条例"), ("某局2023年政策解读用了哪些方式", MEANS, "政策解读"),
    ("某局2023年“五公开”是哪五个", ABBREVIATION, "五公开"), ("某局2023年“谁…谁…”是怎么说的", SLOGAN, "谁…谁…"),
])
def test_neighbouring_wordings_are_read_as_a_scope(text: str, kind: str, words: str) -> None:
    scope = scope_asked(text, ("某局",))
    assert scope is not None and (scope.kind, scope.words) == (kind, words)


@pytest.mark.parametrize("text", [
    "某局2023年在主动公开方面做了哪些工作？", "某局2023年通过哪些渠道公开政府信息", "某局2023年针对舆情采取了哪些措施",
    "某局2023年主动公开了哪几类信息", "某局2023年收到多少件申请", "某局2023年在政府信息管理方面有哪些问题",
    "某局2023年在“全面推进政务公开”这块具体做了啥？", "某局是通过哪些方式做好政府信息平台建设的？",
    "某局2023年通过什么方式推进政务公开",  "某局2023年“强化平台建设”具体包括哪些工作",
])
def test_questions_on_a_part_or_a_count_are_no_scope(text: str) -> None:
    assert scope_asked(text, ("某局",)) is None


def test_an_area_the_report_lists_only_as_an_item_is_no_answer() -> None:
    text = "主动公开类别主要涉及通知公告、水资源管理、财政预决算。"
    scope = scope_asked("某局2023年水资源管理这块公开了哪些信息", ("某局",))
    assert scope is not None and scoped_items(text, scope).items == []


@pytest.mark.parametrize("text", ["青梧水利局2023年在微信公众号上发布了哪些内容？", "青梧水利局2023年防汛领域这块发布了哪些信息",
                                  "青梧水利局2023年在防汛方面公开了什么信息"])
def test_what_was_published_not_where_it_was_published(ask, text: str) -> None:
    a = ask(text)
    _lists(a, ["汛情预警", "水库水位", "抢险动态"])
    assert [s.text for s in a.sources] == ["汛情预警", "水库水位", "抢险动态"]


def test_forms_the_report_says_were_not_used_are_no_answer() -> None:
    text = "解读形式还不够丰富，未运用动画、音频、视频等形式开展解读。"
    scope = scope_asked("某局2023年政策解读用了哪些形式？", ("某局",))
    assert scope is not None and scoped_items(text, scope).items == []


@pytest.mark.parametrize("text", ["青梧水利局2023年“先审后发”是怎么说的", "青梧水利局2023年报告里“先审后发”的原话是什么"])
def test_a_quoted_phrase_asked_for_its_wording_quotes_it(ask, text: str) -> None:
    a = ask(text)
    _lists(a, ["先审后发"])
    assert [s.text for s in a.sources] == ["先审后发"]  # the phrase, not the 、-run of the quote before it
    assert "原文：“" in a.text and "严格信息发布审查" in a.text


@pytest.mark.parametrize("text", ["青梧水利局2023年发布信息的“三审”是哪三道审核？", "青梧水利局2023年的三审分别是指什么"])
def test_an_abbreviation_spelled_out_as_steps_in_the_next_sentence(ask, text: str) -> None:
    _lists(ask(text), ["科室负责人", "局办公室", "分管领导"])


@pytest.mark.parametrize(("text", "items"), [
    ("根据省里、市里的工作要点要求，在政府网站开设政策文件、应急预案、政策宣传等专栏，公开发布信息60条。",
     ["政策文件", "应急预案", "政策宣传"]),  # 根据A、B的要求 is no list: neither led nor closed by 等
    ("编制完成标准目录，分别是水利工程、防汛抗旱共2个目录，并在政府网站上公开。", ["水利工程", "防汛抗旱"]),  # 共2个 cut
    ("在网站和公众号开设专栏，运用图片、图解、视频等方式解读，全年更新法规、解读、文件20余件。", ["法规", "解读", "文件20余件"]),
])
def test_an_area_takes_a_marked_list_what_was_published_first(text: str, items: list[str]) -> None:
    scope = scope_asked("某局2023年在政府网站上发布了哪些内容？" if "政府网站" in text else "某局2023年在公众号上发布了哪些内容？",
                        ("某局",))
    assert scope is not None
    assert [text[a:b] for a, b in scoped_items(text, scope).items] == items


@pytest.mark.parametrize("text", ["青梧水利局2023年的“五个一”是哪五个？", "青梧水利局2023年“既…又…”原话怎么说的",
                                  "青梧水利局2023年“一网通办”具体指什么"])
def test_a_quoted_term_the_report_never_uses_is_said_to_be_absent(ask, text: str) -> None:
    a = ask(text)
    assert not a.found and a.reason == "no-data" and "没有提到" in a.text
    assert "报告电子版" not in a.text  # never the preamble


def test_a_series_quoted_by_its_first_items_lists_the_whole_series() -> None:
    text = "本局坚持为民导向，全过程推进公开，全方位回应关切，全链条优化服务，为发展营造良好氛围。"
    scope = scope_asked("某局2023年报里那一串“全过程、全方位……”具体都是啥？", ("某局",))
    assert scope is not None and scope.kind == SLOGAN
    assert [text[a:b] for a, b in scoped_items(text, scope).items] == ["全过程推进公开", "全方位回应关切", "全链条优化服务"]
