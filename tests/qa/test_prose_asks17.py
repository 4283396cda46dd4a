"""Round-17 prose questions that name a table word (申请, 公开, 行政许可, 案件) but ask which things, what kind or how:
the platforms a kind of information is shown on, what applicants ask for, the rules followed before publishing, how
private details are handled, what was changed on the website, the document given with a reply. Each is answered
from the prose sentence, never a table count; a count asked in the same words stays the table's. Real SQLite; every
report, sentence and number here is our own."""

from __future__ import annotations

from pathlib import Path

import pytest

from govqa.core.types import Cell
from govqa.qa.answer import answer_question
from govqa.qa.conversation import Conversation
from govqa.qa.enumerations import _candidates, items_asked
from govqa.qa.indicators import find_indicators
from govqa.qa.named_parts import facet_subject
from govqa.qa.prose_asks import asks_prose, asks_rules, asks_where_published
from govqa.qa.scoped_lists import _enumerations
from tests.qa.conftest import FakeRetriever, sentence_chunks, years_store

AGENCY, SHORT, ALIAS = "青梧县农业农村局", "农业农村局", "青梧农业农村局"
TEXT = ("青梧县农业农村局2023年政府信息公开工作年度报告\n一、总体情况"
        "2023年在“信用中华”“信用东江”“信用青梧”平台公示行政许可信息，在青梧县公共信用信息平台公示行政处罚信息。"
        "全年收到政府信息公开申请6件，申请内容涉及土地承包信息、农机补贴信息、项目资金信息等。"
        "严格执行信息发布审核制度，落实“谁起草、谁把关”“先审核后发布”“一文一审”等工作要求。"
        "在执法案件信息公开过程中，对于涉及个人隐私的敏感信息一律不予公布。"
        "对局网站栏目进行了整合，对首页版面进行了重新设计。"
        "答复申请时统一出具答复告知书，规范格式和用语。\n"
        "二、其他需要报告的事项本机关依申请提供政府信息，不收取费用。")
CELLS = (Cell("申请", "一", "总计", 6.0, "6"), Cell("申请", "一", "自然人", 6.0, "6"),
         Cell("主动公开", "行政许可", "处理决定数量", 212.0, "212"))


@pytest.fixture
def ask(tmp_path: Path, settings):
    store = years_store(tmp_path / "asks17.db", agency=AGENCY, short=SHORT, alias=ALIAS, texts={2023: TEXT},
                        cells={2023: CELLS}, prefix="f")
    retriever = FakeRetriever(sentence_chunks({2023: TEXT}, agency=AGENCY, short=SHORT, prefix="f"))

    def _ask(text: str, chat: Conversation | None = None):
        return answer_question(text, store=store, retriever=retriever, conversation=chat, settings=settings)
    return _ask


def _prose(answer, *words: str) -> None:
    assert answer.found and answer.route != "table" and answer.value is None, answer
    for word in words:
        assert word in answer.text, (word, answer.text)


@pytest.mark.parametrize("text", [
    "青梧县农业农村局2023年的行政许可信息都放在哪几个信用平台上公示？",
    "农业农村局2023年行政许可信息在哪些平台公示了？",
    "青梧农业农村局行政许可信息是放在什么平台上公开的？",
    "农业农村局2023年的行政许可结果都公示在哪些信用平台？",
    "2023年青梧县农业农村局在哪几个信用平台公示行政许可信息",
    "青梧农业农村局的行政许可信息在哪里能查到？",
])
def test_which_platforms_a_kind_of_information_is_shown_on(ask, text: str) -> None:
    _prose(ask(text), "信用中华", "信用东江", "信用青梧")


@pytest.mark.parametrize("text", [
    "农业农村局收到的信息公开申请，通常都是要哪方面的信息？",
    "青梧县农业农村局2023年群众申请公开的大多是什么信息？",
    "农业农村局的申请人一般都想要哪方面的信息？",
    "青梧农业农村局收到的申请主要是关于啥的？",
    "农业农村局2023年申请人通常想要什么信息？",
    "青梧农业农村局的申请人一般都想了解哪方面？",
    "农业农村局2023年收到的申请，申请人大都关心什么？",
])
def test_what_applicants_ask_for(ask, text: str) -> None:
    _prose(ask(text), "土地承包信息", "农机补贴信息")


@pytest.mark.parametrize("text", [
    "青梧县农业农村局2023年发布政府信息时要落实哪些审核要求？",
    "农业农村局发布信息前要遵循什么原则？",
    "农业农村局2023年信息发布审核执行的是哪些要求？",
    "青梧农业农村局发布信息要坚持哪几条原则？",
    "农业农村局2023年信息发布审核都有啥要求？",
    "农业农村局2023年信息发布有哪些审查要求？",
])
def test_which_rules_apply_before_publishing(ask, text: str) -> None:
    answer = ask(text)
    _prose(answer, "谁起草、谁把关", "先审核后发布", "一文一审")
    assert "改进" not in answer.text  # the rules of one sentence, never section 五's measures


def test_quoted_phrases_side_by_side_are_one_list_of_whole_phrases() -> None:
    text = "落实“谁起草、谁把关”“先审核后发布”，以及“一文一审”等工作要求。"
    lists = _enumerations(text, 0, len(text))
    assert [text[a:b] for a, b in lists[0]] == ["谁起草、谁把关", "先审核后发布", "一文一审"]
    assert len(lists) == 1  # the 、 inside a quoted phrase starts no list of its own


def test_an_enumeration_of_quoted_rules_keeps_each_rule_whole() -> None:
    text = "严格执行发布审查制度，落实“谁起草、谁把关，谁发布、谁负责”“先审后发”，以及“一文一审”等要求，健全保密审查、风险排查机制。"
    ask = items_asked("信息发布落实了哪些审查要求？")
    assert ask is not None
    found = [[text[a:b] for a, b in spans] for _, _, spans in _candidates(text, 0, ask)]
    assert ["“谁起草、谁把关，谁发布、谁负责”", "“先审后发”", "“一文一审”"] in found
    assert not any("谁把关" in item and "“" not in item for items in found for item in items)  # no piece of a quote


@pytest.mark.parametrize("text, expected", [
    ("发布信息时要落实哪些审查要求？", True), ("信息发布遵循什么原则？", True),
    ("下一步要落实哪些要求？", False), ("针对问题提出了哪些改进要求？", False),
])
def test_asks_rules(text: str, expected: bool) -> None:
    assert asks_rules(text) is expected


@pytest.mark.parametrize("text", [
    "农业农村局公开案件信息时，碰到涉及个人隐私的内容咋处理？",
    "青梧县农业农村局公开执法案件信息时个人隐私怎么处理的？",
    "农业农村局公开案件信息遇到个人隐私如何处置？",
    "农业农村局在公开案件时如何保护个人隐私？",
    "农业农村局公开案件信息时涉及个人隐私的怎么办？",
    "农业农村局公开执法案件时，个人隐私会公开吗？",
])
def test_how_private_details_are_handled(ask, text: str) -> None:
    _prose(ask(text), "不予公布")


@pytest.mark.parametrize("text", [
    "2023年青梧县农业农村局对自己的网站做了哪些调整？",
    "农业农村局2023年网站改了什么？",
    "青梧农业农村局的网站都调整了哪些地方？",
    "农业农村局2023年对门户网站做了什么改版？",
    "农业农村局2023年网站有什么变动？",
    "农业农村局2023年网站首页改版了吗？",
])
def test_what_was_changed_on_the_website(ask, text: str) -> None:
    _prose(ask(text), "版面")


@pytest.mark.parametrize("text", [
    "青梧县农业农村局2023年答复申请时出具什么文书？", "农业农村局回复信息公开申请用的是什么文件？",
    "农业农村局2023年办理申请时给申请人开具什么文书？", "青梧农业农村局答复申请出具的是哪种告知书？",
])
def test_the_paper_given_with_a_reply(ask, text: str) -> None:
    answer = ask(text)
    _prose(answer, "答复告知书")
    assert answer.text.startswith("出具答复告知书。"), answer.text


@pytest.mark.parametrize("followup", [
    "他们答复申请时会出具哪种文书？", "答复申请时给申请人开的是什么文书？", "回复申请用的是什么文件？",
])
def test_a_follow_up_asking_the_document_given_with_a_reply(ask, followup: str) -> None:
    chat = Conversation()
    first = ask("青梧县农业农村局2023年收到几件信息公开申请？", chat)
    assert first.found and first.value == 6.0
    _prose(ask(followup, chat), "告知书")


@pytest.mark.parametrize("text, value", [
    ("青梧县农业农村局2023年收到几件信息公开申请？", 6.0),
    ("农业农村局2023年行政许可处理决定有多少个？", 212.0),
    ("农业农村局2023年作出了几个行政许可决定？", 212.0),
])
def test_counts_in_the_same_words_stay_with_the_table(ask, text: str, value: float) -> None:
    answer = ask(text)
    assert answer.route == "table" and answer.value == value, answer


@pytest.mark.parametrize("text, expected", [
    ("行政许可信息在哪几个平台上公示？", True),
    ("申请一般都要哪方面的信息？", True),
    ("案件信息里的个人隐私咋处理？", True),
    ("网站做了哪些调整？", True),
    ("行政处罚信息在哪里能查到？", True),
    ("行政许可公示了多少条？", False),
    ("哪个局收到的申请最多？", False),
    ("不予公开的理由有哪些？", False),
    ("复议案件最后是什么结果？", False),
    ("被起诉的案子后来怎么处理的？", False),
    ("予以公开的申请数量怎么变化？", False),
])
def test_asks_prose(text: str, expected: bool) -> None:
    assert asks_prose(text) is expected


# neighbouring kinds: which columns a site has, what was merged, launched or upgraded, the forms a notice takes
FOREST, FOREST_SHORT, FOREST_ALIAS = "青梧县林业局", "林业局", "青梧林业局"
FOREST_TEXT = ("青梧县林业局2023年政府信息公开工作年度报告\n"
               "本局门户网站设置了“政策文件”“政策解读”“办事服务”“互动交流”等栏目。"
               "年内将“通知公告”和“工作动态”两个栏目合并为“林业要闻”栏目，并上线“青梧林情”微信小程序。"
               "对政务服务系统进行了升级，新增了在线预约和进度查询功能。"
               "防火通知通过村务公开栏、广播、微信群等形式及时发布。"
               "全年收到政府信息公开申请4件，均按期答复。\n")


@pytest.fixture
def ask_forest(tmp_path: Path, settings):
    texts = {2023: FOREST_TEXT}
    store = years_store(tmp_path / "forest.db", agency=FOREST, short=FOREST_SHORT, alias=FOREST_ALIAS, texts=texts,
                        cells={2023: (Cell("申请", "一", "总计", 4.0, "4"),)}, prefix="g")
    retriever = FakeRetriever(sentence_chunks(texts, agency=FOREST, short=FOREST_SHORT, prefix="g"))
    return lambda text, chat=None: answer_question(text, store=store, retriever=retriever, conversation=chat,
                                                   settings=settings)


@pytest.mark.parametrize("text, words, not_said", [
    ("林业局2023年网站设了哪些栏目？", ("政策文件", "互动交流"), ("林业要闻",)),
    ("青梧林业局网站有啥栏目？", ("政策文件", "办事服务"), ()),
    ("林业局2023年合并了哪些栏目？", ("通知公告", "工作动态"), ("政策解读",)),
    ("林业局哪两个栏目合并了？", ("通知公告", "工作动态"), ("政策解读",)),
    ("林业局2023年上线了什么小程序？", ("青梧林情",), ()),
    ("林业局2023年政务服务系统做了哪些升级？", ("在线预约", "进度查询"), ("政策文件",)),
    ("林业局的政务服务系统进行了什么优化？", ("在线预约",), ("政策文件",)),
    ("林业局2023年政务服务系统有什么变化？", ("在线预约",), ("政策文件",)),
    ("林业局防火通知通过什么形式发布？", ("村务公开栏", "广播", "微信群"), ()),
    ("林业局防火通知是以哪些方式发布的？", ("村务公开栏", "微信群"), ()),
])
def test_neighbouring_kinds_are_answered_from_their_own_sentence(ask_forest, text: str, words: tuple[str, ...],
                                                                 not_said: tuple[str, ...]) -> None:
    answer = ask_forest(text)
    _prose(answer, *words)
    for word in not_said:
        assert word not in answer.text, answer.text


def test_a_count_beside_them_stays_with_the_table(ask_forest) -> None:
    answer = ask_forest("林业局2023年收到几件申请？")
    assert answer.route == "table" and answer.value == 4.0


HILL, HILL_SHORT, HILL_ALIAS = "青梧县水务局", "水务局", "青梧水务局"
HILL_TEXT = ("青梧县水务局2023年政府信息公开工作年度报告\n一、总体情况\n（一）主动公开\n本局主动公开政府信息58条。\n"
             "（二）平台建设\n依托门户网站、微信公众号和政务服务网发布政策文件、工作动态等信息。"
             "在“信用中华”“信用东江”平台公示取水许可信息，在青梧县公共信用信息平台公示行政处罚信息。"
             "微信公众号设置了“水务要闻”“办事指南”等栏目，方便群众查阅。\n"
             "二、其他需要报告的事项\n无。\n")


@pytest.mark.parametrize("text", [
    "水务局2023年取水许可信息公示在哪些平台？",
    "青梧水务局取水许可信息在哪些平台公示？",
    "水务局2023年的取水许可都挂在什么平台上？",
])
def test_the_platforms_of_one_kind_of_information_inside_a_platform_part(tmp_path: Path, settings, text: str) -> None:
    texts = {2023: HILL_TEXT}
    store = years_store(tmp_path / "hill.db", agency=HILL, short=HILL_SHORT, alias=HILL_ALIAS, texts=texts, cells={},
                        prefix="h")
    retriever = FakeRetriever(sentence_chunks(texts, agency=HILL, short=HILL_SHORT, prefix="h"))
    answer = answer_question(text, store=store, retriever=retriever, conversation=None, settings=settings)
    _prose(answer, "信用中华", "信用东江")
    assert "水务要闻" not in answer.text and "门户网站" not in answer.text, answer.text


@pytest.mark.parametrize("text, subject", [
    ("农业农村局2022年行政许可信息公示在哪些平台？", "行政许可"), ("行政处罚结果在什么平台公布？", "行政处罚结果"),
    ("平时都通过啥渠道发布信息？", ""), ("通过什么方式回应舆情的", "回应舆情"),
])
def test_facet_subject_before_or_after_the_facet(text: str, subject: str) -> None:
    assert facet_subject(text) == subject


@pytest.mark.parametrize("followup", ["都按期答复了吗？", "有没有逾期答复的？", "是不是都在法定期限内回复了？", "都按时答复了没有？"])
def test_whether_replies_were_on_time_is_the_prose_not_the_table(ask_forest, followup: str) -> None:
    chat = Conversation()
    assert ask_forest("林业局2023年收到几件申请？", chat).value == 4.0
    answer = ask_forest(followup, chat)  # the quote's sentence, whose 4件 may ride along; never the table's cell
    assert answer.found and answer.route == "retrieval" and "按期答复" in answer.text, answer


@pytest.mark.parametrize("text, expected", [
    ("都按期答复了吗？", True), ("有没有逾期办结的？", True), ("逾期答复的有几件？", False), ("按时答复率是多少？", False),
])
def test_asks_prose_on_time(text: str, expected: bool) -> None:
    assert asks_prose(text) is expected


def test_a_chat_moving_from_counts_to_prose_kinds_answers_each_from_its_own_sentence(ask) -> None:
    chat = Conversation()
    assert ask("青梧县农业农村局2023年收到几件信息公开申请？", chat).value == 6.0
    _prose(ask("这些申请主要想要什么信息？", chat), "土地承包信息")
    handled = ask("那他们是怎么处理涉及隐私的信息的？", chat)  # a manner of its own, not the subjects again
    _prose(handled, "不予公布")
    assert "土地承包" not in handled.text
    rules = ask("他们发布信息要遵循哪些要求？", chat)
    _prose(rules, "先审核后发布")
    assert "他们" not in rules.text  # the label names the activity, not the pronoun
    assert ask("其中自然人提出的有几件？", chat).value == 6.0


@pytest.mark.parametrize("text, expected", [
    ("行政处罚公示在什么网站上？", True), ("在哪个网站公示行政许可信息？", True), ("政策文件发布在哪些平台？", True),
    ("年报在哪个网站公布？", False), ("网址是什么？", False), ("网站是哪个？", False),
])
def test_asks_where_published(text: str, expected: bool) -> None:
    assert asks_where_published(text) is expected


@pytest.mark.parametrize("text", ["农业农村局2023年行政处罚公示在什么网站上？", "农业农村局2023年在哪个网站公示行政许可信息？"])
def test_where_a_kind_of_information_is_published_is_its_sentence_not_the_web_address(ask, text: str) -> None:
    answer = ask(text)
    _prose(answer, "信用")
    assert answer.route == "retrieval" and "网址" not in answer.text, answer.text


@pytest.mark.parametrize("text, named", [
    ("部门预决算信息公开率为多少？", False), ("预决算公开率多少？", False), ("收费目录的公开率是多少？", False),
    ("2022年的公开率是多少？", True), ("依申请公开率是多少？", True),
])
def test_the_share_of_a_kind_of_information_published_is_no_application_rate(text: str, named: bool) -> None:
    assert any(ind.name == "公开率" for ind in find_indicators(text)) is named
