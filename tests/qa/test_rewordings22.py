"""Round-22 robustness to rewording (issue 12): a passing question said another way by another citizen must still be
answered. Kinds: a short name spelt in short pieces of the full name (东岚执法应急局 for 东岚新区综合执法与应急管理局)
locates the report and is no content word (else the report's closing line, which spells the name, wins the quote);
the verb of issuing a rule said another way (下发 / 印发 / 出台 / 颁布 ~ 制发), with 工作 before it no kind of rule;
a preposition before whom a service is for (为群众 / 给企业) is no content of a list asked; a place noun kept whole
when jieba would glue it to the next character (查阅点为 → 查阅点); filler words (为了 / 说的 / 具体 / 咋) say nothing
of what is asked. Real SQLite; every report, sentence and number here is our own."""

from __future__ import annotations

from pathlib import Path

import pytest

from govqa.core.types import Cell, Metric, ScoredChunk
from govqa.qa.answer import answer_question
from govqa.qa.arbiter import table_fit
from govqa.qa.contacts import asked_kinds
from govqa.qa.conversation import Conversation
from govqa.qa.enumerations import items_asked
from govqa.qa.extract import scope_words
from govqa.qa.mentions import names_in
from govqa.qa.named_parts import asked_words
from govqa.qa.scoped_lists import scope_asked
from govqa.qa.understand import parse_years
from govqa.qa.words import content_tokens, tokens
from tests.qa.conftest import FakeRetriever, sentence_chunks, years_store

LAW = "东岚新区综合执法与应急管理局"
LAW_TEXT = {2023: ("东岚新区综合执法与应急管理局2023年政府信息公开工作年度报告\n"
                   "一、总体情况\n"
                   "（一）主动公开。全年主动公开信息136条，开展“安全进万家”宣讲培训60余场，参与人数达万人。局长做客东岚之声之“民生直通车”，现场解答群众问题12个。\n"
                   "（二）严格审核。案件办理结果公开前逐件审核，对于涉及个人隐私的内容一律不予公布。"
                   "舆情处置做到第一时间发现、登记，第一时间研判、处置，第一时间回应、反馈。\n"
                   "（三）完善制度，规范信息公开工作。重新梳理权责清单后，及时公开了机构职责、人员配置等信息，并把修订后的《东岚新区综合执法与应急管理局人员编制规定》在门户网站向社会公开。一是制发了《东岚新区综合执法与应急管理局关于做好公文处理和信息发布的通知》，"
                   "梳理发布流程。二是加强学习，组织学习了《东岚新区管委会办公室关于推进政务公开工作有关事项的通知》等文件。\n"
                   "（四）平台建设。秉持公正透明、便民高效、接受监督原则，凡列入办事指南的事项，只要不涉及国家秘密，一律对外公开。在便民服务中心建设信息公开查阅点，为来访群众提供免费查询、打印、扫描服务。\n"
                   "（五）监督保障\n1.提高站位，强化组织领导。成立政务公开领导小组。\n"
                   "2.规范操作。结合实际，健全完善了信息发布、舆情回应、考核评议、保密审查等一系列制度，规范公开程序。\n"
                   "3.提升能力。全年组织业务培训2次。\n"
                   "二、存在的主要问题及改进情况\n"
                   "下一步将切实为群众和企业提供更便捷、更高效、更公平的服务。\n"
                   "按照收费管理办法规定，我局本年度没有产生信息处理费。\n"
                   "联系地址：东岚新区滨海大道88号，邮编：350999。\n"
                   "东岚新区综合执法与应急管理局 2024年1月20日")}


class OverlapRetriever(FakeRetriever):
    """FakeRetriever ranking the sentences by the character pairs they share with the query (a keyword search's
    order), so a fixture's sentence is found wherever it stands in the report; the quote choice still decides."""

    def search(self, query: str, *, agencies=(), years=(), k: int = 5) -> list[ScoredChunk]:
        pairs = {query[i:i + 2] for i in range(len(query) - 1)}
        hits = [c for c in self.chunks if (not agencies or c.agency in agencies) and (not years or c.year in years)]
        ranked = sorted(hits, key=lambda c: -sum(p in c.text for p in pairs))
        return [ScoredChunk(c, 1.0 / (1 + i)) for i, c in enumerate(ranked[:k])]


@pytest.fixture
def ask(tmp_path: Path, settings):
    store = years_store(tmp_path / "reword22.db", agency=LAW, short="执法应急局", alias="东岚执法局", texts=LAW_TEXT,
                        cells={}, prefix="z")
    retriever = OverlapRetriever(sentence_chunks(LAW_TEXT, agency=LAW, short="执法应急局", prefix="z"))

    def _ask(text: str, chat: Conversation | None = None):
        return answer_question(text, store=store, retriever=retriever, conversation=chat, settings=settings)
    return _ask


@pytest.mark.parametrize("question", [
    "东岚执法应急局公开案件信息时，碰到个人隐私是怎么处理的？",
    "东岚执法应急局公开案件时碰到个人隐私咋处理",
    "2023年东岚执法应急局公开案件办理结果，涉及个人隐私的怎么办？",
    "请问东岚执法应急局公开案件信息时遇到个人隐私是怎么处理的",
])
def test_a_short_name_in_pieces_is_no_content(ask, question: str) -> None:
    answer = ask(question)
    assert answer.found, answer
    assert "不予公布" in answer.text and "2024年1月20日" not in answer.text, answer.text


@pytest.mark.parametrize(("question", "name"), [
    ("东岚环保应急局遇到个人隐私怎么处理", "东岚环保应急局"),
    ("2023年东岚环保应急局主动公开了多少条", "东岚环保应急局"),
    ("东岚执法应急局遇到个人隐私怎么处理", "东岚执法应急局"),
])
def test_scope_words_take_a_run_of_short_pieces(question: str, name: str) -> None:
    """However jieba cuts the short name (东岚|环保|应急|局), every piece of it locates the report."""
    named = scope_words(question, ["东岚新区生态环保与应急管理局", LAW])
    pieces = [w for w in content_tokens(question) if w in name]
    assert pieces and set(pieces) <= set(named), (pieces, named)


def test_a_word_after_a_long_piece_of_the_name_stays_content() -> None:
    """建设 after 交通与建设局 is what the question asks (建设了什么), not another piece of the name."""
    named = scope_words("东岚交通与建设局建设了什么查阅场所", ["东岚新区交通与建设局"])
    assert "查阅" not in named and "场所" not in named, named


@pytest.mark.parametrize("question", [
    "东岚执法应急局2023年为规范信息公开印发了哪个通知？",
    "东岚执法应急局2023年为规范信息公开工作印发了什么通知",
    "执法应急局2023年规范信息公开工作出台了个啥通知",
    "东岚执法应急局2023年为规范信息公开专门制发了什么通知？",
    "2023年东岚执法应急局颁布过什么规范信息公开的通知",
])
def test_a_rule_issued_said_by_another_verb(ask, question: str) -> None:
    answer = ask(question)
    assert answer.found, answer
    assert "公文处理和信息发布的通知" in answer.text, answer.text
    assert not answer.text.startswith("《东岚新区管委会办公室"), answer.text


@pytest.mark.parametrize("question", [
    "东岚执法应急局的信息公开查阅点给群众免费提供哪些服务呢？",
    "执法应急局查阅点给老百姓免费提供哪些服务",
    "东岚执法应急局信息公开查阅点为来访群众免费提供哪些服务？",
])
def test_a_preposition_before_whom_is_no_content_of_a_list(ask, question: str) -> None:
    answer = ask(question)
    assert answer.found, answer
    for item in ("打印", "扫描"):
        assert item in answer.text, answer.text
    assert "更高效" not in answer.text, answer.text


@pytest.mark.parametrize("text", ["查阅点为群众提供", "受理点为企业办理", "服务点为老人提供"])
def test_a_place_noun_stays_whole(text: str) -> None:
    assert tokens(text)[0] in ("查阅点", "受理点", "服务点"), tokens(text)


@pytest.mark.parametrize(("question", "filler"), [
    ("为了规范信息公开下发了什么通知", "为了"), ("金水局说的专人管哪些环节", "说"),
    ("报告里讲的三审三校具体指什么", "具体"), ("遇到隐私咋处理", "咋"),
    ("能不能告诉我查阅点在哪", "能不能"),
])
def test_filler_words_are_no_content(question: str, filler: str) -> None:
    assert filler not in content_tokens(question), content_tokens(question)


@pytest.mark.parametrize("question", [
    "东岚执法应急局在监督保障上建立健全了哪些制度？", "东岚执法应急局监督保障方面都健全了哪些制度",
    "东岚执法应急局在监督保障这块完善了哪些制度呢", "东岚执法应急局在监督保障上健全完善的制度有哪些？",
])
def test_the_rule_verb_ties_the_sentence_within_a_part(ask, question: str) -> None:
    """健全了哪些制度 within 监督保障: the sentence that 健全完善 the systems, not the part's three sub-titles."""
    answer = ask(question)
    assert answer.found, answer
    for item in ("舆情回应", "考核评议"):
        assert item in answer.text, answer.text
    assert "提升能力" not in answer.text, answer.text


@pytest.mark.parametrize(("question", "words"), [
    ("在监督保障上健全了哪些制度", "在监督保障上健全"), ("办依申请公开，坚持了哪几条机制", "办依申请公开"),
    ("信息发布方面建立了哪些机制", "信息发布方面建立"),
])
def test_the_rule_verb_stays_with_its_activity(question: str, words: str) -> None:
    scope = scope_asked(question, (LAW,))
    assert scope is not None and scope.words == words, scope


@pytest.mark.parametrize("question", [
    "东岚执法应急局2023年上的是东岚之声哪个栏目？", "东岚执法应急局2023年参加的是东岚之声的哪个节目",
    "东岚执法应急局2023年去东岚之声上了什么栏目", "东岚执法应急局2023年做客的是东岚之声哪个栏目？",
])
def test_the_programme_asked_by_its_kind(ask, question: str) -> None:
    """哪个栏目: the sentence names the programme (做客…之“X”) without the word 栏目."""
    answer = ask(question)
    assert answer.found and "民生直通车" in answer.text, answer


@pytest.mark.parametrize("question", [
    "想问一下东岚水务局的电子邮箱地址是什么呢", "我想了解东岚水务局的联系电话", "能不能告诉我东岚水务局的地址",
    "麻烦查一下东岚水务局2023年主动公开了多少条", "可不可以告诉我东岚水务局的年报在哪看",
])
def test_a_polite_opening_is_no_part_of_the_name(question: str) -> None:
    """想了解一下 / 能不能告诉我 before a name: the name starts after it (not 解一下东岚水务局)."""
    names = names_in(question)
    assert names and names[0].startswith("东岚水务局"), names


@pytest.mark.parametrize("question", [
    "想了解一下东岚执法应急局2023年主动公开了多少条信息", "能不能告诉我东岚执法应急局2023年主动公开多少条信息啊",
])
def test_a_polite_opening_still_finds_the_report(ask, question: str) -> None:
    answer = ask(question)
    assert answer.found and "136" in answer.text, answer


@pytest.mark.parametrize("question", [
    "东岚执法应急局2023年舆情处置要做到哪些第一时间", "东岚执法应急局2023年舆情处置做到了哪几个第一时间呢",
    "东岚执法应急局2023年处置舆情时做到了哪些“第一时间”？",
])
def test_a_word_the_items_share_said_without_quotes(ask, question: str) -> None:
    answer = ask(question)
    assert answer.found, answer
    for item in ("第一时间发现", "第一时间研判", "第一时间回应"):
        assert item in answer.text, answer.text


@pytest.mark.parametrize("question", ["要做到哪些第一时间", "做到哪几个第一时间呀", "提出了哪几个统一"])
def test_bare_shared_words(question: str) -> None:
    assert asked_words(question), question


@pytest.mark.parametrize("follow", ["有多少人参加啊", "多少人参加了", "参加的人有多少？", "参与的有多少人呢"])
def test_people_asked_after_a_count_of_sessions(ask, follow: str) -> None:
    """多少人参加 after 多少场: the sentence says 参与人数达万人 (no figure), so no value, never the 60余场 beside it."""
    chat = Conversation()
    first = ask("东岚执法应急局2023年“安全进万家”搞了多少场宣讲培训？", chat)
    assert first.found and first.value == 60, first
    answer = ask(follow, chat)
    assert answer.found and "万人" in answer.text, answer
    assert answer.unit is None or "场" not in answer.unit, answer


@pytest.mark.parametrize(("question", "noun"), [
    ("哪些事项必须全部公开", "事项"), ("哪些信息应当主动公开", "信息"), ("哪些内容需要公开", "内容"),
    ("发布信息有哪些要求", "要求"),
])
def test_a_modal_after_the_noun_is_no_part_of_it(question: str, noun: str) -> None:
    ask = items_asked(question)
    assert ask is not None and ask.noun == noun, ask


@pytest.mark.parametrize("question", [
    "东岚执法应急局2023年要求哪些事项必须一律对外公开？", "东岚执法应急局2023年什么样的事项一律要向社会公开？",
])
def test_which_matters_answered_by_a_condition(ask, question: str) -> None:
    """哪些事项必须公开: the sentence's condition (只要不涉及国家秘密), not the principles listed before it."""
    answer = ask(question)
    assert answer.found and "不涉及国家秘密" in answer.text, answer


@pytest.mark.parametrize("question", ["东岚执法应急局在哪儿", "东岚执法应急局在哪里？", "东岚执法应急局位于哪里呀",
                                      "东岚执法应急局具体在什么位置"])
def test_the_body_asked_where_is_its_address(ask, question: str) -> None:
    answer = ask(question)
    assert answer.found and "滨海大道88号" in answer.text, answer


@pytest.mark.parametrize("question", ["东岚执法应急局的年报在哪", "领导小组办公室设在哪", "信息公开查阅点在哪里",
                                      "查阅场所在哪"])
def test_a_thing_asked_where_is_no_address_of_the_body(question: str) -> None:
    assert "地址" not in asked_kinds(question), asked_kinds(question)


HANDLED = Metric(table="申请", row="三.七", col="总计")
REVIEWS = Metric(table="复议诉讼", row="数量", col="复议.总计")


@pytest.mark.parametrize(("question", "metric"), [
    ("东岚水务局2022年信息公开申请办结总数是多少", HANDLED), ("东岚水务局2022年办结的申请总数有多少件", HANDLED),
    ("东岚水务局2020年有没有人为信息公开的事申请行政复议", REVIEWS),
    ("东岚水务局2020年有人因为信息公开申请过行政复议吗", REVIEWS),
])
def test_total_and_joining_words_leave_the_table_question_whole(question: str, metric: Metric) -> None:
    """总数 / 人为 / 的事 / 信息公开 ask nothing the cell does not answer: no prose check takes the question."""
    fit = table_fit(question, metric, drop=["东岚水务局", "水务局", "东岚"], agencies=["东岚县水务局"])
    assert fit.residual == (), fit


@pytest.mark.parametrize("question", [
    "东岚执法应急局2023年梳理权责清单后公开了什么规定", "东岚执法应急局2023年重新梳理权责清单以后，对外公布了哪份规定？",
    "东岚执法应急局2023年梳理完权责清单向社会公开了啥规定",
])
def test_what_rule_was_published_is_one_document(ask, question: str) -> None:
    """公开了什么规定: the one document named (《…规定》), not the things listed before it (机构职责、人员配置)."""
    answer = ask(question)
    assert answer.found and "人员编制规定" in answer.text, answer
    assert "· 机构职责" not in answer.text, answer.text


WATER = "东岚县水务局"
WATER_TEXT = {2021: "东岚县水务局2021年政府信息公开工作年度报告\n一、总体情况\n全年回复网民留言45条。全年召开新闻发布会5场。\n",
              2023: "东岚县水务局2023年政府信息公开工作年度报告\n一、总体情况\n全年召开新闻发布会8场。\n"}


@pytest.fixture
def ask_water(tmp_path: Path, settings):
    store = years_store(tmp_path / "water22.db", agency=WATER, short="水务局", alias="东岚水务局", texts=WATER_TEXT,
                        cells={}, prefix="w")
    retriever = OverlapRetriever(sentence_chunks(WATER_TEXT, agency=WATER, short="水务局", prefix="w"))

    def _ask(text: str):
        return answer_question(text, store=store, retriever=retriever, conversation=None, settings=settings)
    return _ask


@pytest.mark.parametrize("question", ["东岚水务局最新一份年报里开了几场新闻发布会", "东岚水务局最新的年报新闻发布会开了多少场",
                                      "东岚水务局最近的报告里召开了几场发布会"])
def test_the_newest_report_named_is_the_latest_year(ask_water, question: str) -> None:
    answer = ask_water(question)
    assert answer.found and "8场" in answer.text and all(s.year == 2023 for s in answer.sources), answer


def test_the_newest_report_lacking_it_is_no_older_figure(ask_water) -> None:
    """网民留言 is only in the 2021 report: asked of the newest one, the answer is not 2021's 45条."""
    answer = ask_water("东岚水务局最新一份年报里网民留言多少条")
    assert "45" not in answer.text, answer


@pytest.mark.parametrize(("text", "years"), [("最新一份年报里主动公开了多少", (2023,)), ("最新年度报告说了什么", (2023,)),
                                             ("2021年的报告和最新的报告", (2021,)), ("最近三年", (2021, 2022, 2023))])
def test_newest_report_years(text: str, years: tuple[int, ...]) -> None:
    assert parse_years(text, 2024, latest=2023) == years


ROAD = "东岚县交通局"
ROAD_TEXT = {2024: "东岚县交通局2024年政府信息公开工作年度报告\n一、总体情况\n"
                   "全年办结政府信息公开申请30件，其中网络申请12件，信函申请18件。\n"}


@pytest.fixture
def ask_road(tmp_path: Path, settings):
    store = years_store(tmp_path / "road22.db", agency=ROAD, short="交通局", alias="东岚交通局", texts=ROAD_TEXT,
                        cells={2024: (Cell("申请", "一", "总计", 30.0, "30"), Cell("申请", "三.七", "总计", 30.0, "30"))},
                        prefix="r")
    retriever = OverlapRetriever(sentence_chunks(ROAD_TEXT, agency=ROAD, short="交通局", prefix="r"))

    def _ask(text: str, chat: Conversation | None = None):
        return answer_question(text, store=store, retriever=retriever, conversation=chat, settings=settings)
    return _ask


@pytest.mark.parametrize(("follow", "count"), [("网上申请的几件", 12), ("网上申请的是几件呢", 12), ("那网络申请的呢", 12),
                                               ("信函申请的多少件呢", 18)])
def test_a_channel_asked_after_the_total_is_the_prose_count(ask_road, follow: str, count: int) -> None:
    """网上申请的几件呢 after 收到多少申请: the count the prose gives by channel, not the table's total again."""
    chat = Conversation()
    assert ask_road("东岚交通局2024年一共收到多少件信息公开申请？", chat).value == 30
    answer = ask_road(follow, chat)
    assert answer.found and answer.value == count, answer


@pytest.mark.parametrize("text", ["那同一年东岚交通局呢", "当年东岚交通局呢", "同年东岚交通局呢"])
def test_a_year_said_before_a_name_is_no_part_of_it(text: str) -> None:
    names = names_in(text)
    assert names and names[0] == "东岚交通局", names
