"""Round-14 follow-ups and prose counts: follower counts written as 5.2万 / 9800余人 answer 多少人关注; a follow-up that
changes the year of a prose count (到2022年那年又发了多少篇) or keeps it (那一年…入驻了省网) while naming its own item;
how several named 复议 / 诉讼 groups ended (复议和官司分别是什么结果); the count of one part asked within a whole the
question names (主动公开的215条里，专项资金的有几条). Real SQLite; every report, sentence and number here is our own."""

from __future__ import annotations

from pathlib import Path

import pytest

from govqa.core.types import Cell
from govqa.qa import case_outcome
from govqa.qa import lexicon as lx
from govqa.qa.answer import answer_question
from govqa.qa.catalog import Catalog
from govqa.qa.conversation import Conversation
from govqa.qa.extract import asked_part
from govqa.qa.plan import routes_of
from govqa.qa.understand import understand
from tests.qa.conftest import REVIEW, FakeRetriever, sentence_chunks, years_store

AGENCY, SHORT = "青梧县农业农村局", "农业农村局"
TEXTS = {
    2023: ("青梧县农业农村局2023年政府信息公开工作年度报告\n"
           "一、总体情况“青梧农业”微信公众号全年发布信息1130篇，微信公众号关注人数达5.2万人，视频号关注量达9800余人。"
           "全年推动48项农业审批事项入驻省网上办事大厅。"
           "在主动公开的215条政府信息中，其中：政策文件及解读共12条；财政预算、决算信息共6条；专项资金使用情况公开共41条；"
           "工作动态共156条。"
           "全年收到政府信息公开申请5件。因依申请公开引发行政复议1起、行政诉讼1起，分别被驳回复议申请和按撤诉处理。"),
    2022: ("青梧县农业农村局2022年政府信息公开工作年度报告\n"
           "一、总体情况“青梧农业”微信公众号全年发布信息870篇，关注人数达2.6万余人。"
           "全年推动31项农业审批事项入驻省网上办事大厅。"
           "全年收到政府信息公开申请3件。"),
    2021: ("青梧县农业农村局2021年政府信息公开工作年度报告\n"
           "一、总体情况“青梧农业”微信公众号全年发布信息640篇，关注人数18000余人。"
           "全年收到政府信息公开申请2件。"),
}
# 表四 of 2023: one 复议 (kept: 维持) and one suit after it (withdrawn: 其他结果); none in 2022 and 2021
CASES = {2023: (1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1), 2022: (0,) * 15, 2021: (0,) * 15}


@pytest.fixture
def store(tmp_path: Path):
    """Three reports of one agency (2021 template): the prose above and 表四."""
    cells = {year: [Cell("复议诉讼", "数量", c, float(v), str(v)) for c, v in zip(REVIEW, CASES[year], strict=True)] for year in TEXTS}
    return years_store(tmp_path / "follow14.db", agency=AGENCY, short=SHORT, alias="青梧农业局", texts=TEXTS, cells=cells,
                       prefix="e")


@pytest.fixture
def ask(store, settings):
    retriever = FakeRetriever(sentence_chunks(TEXTS, agency=AGENCY, short=SHORT, prefix="e"))

    def _ask(text: str, chat: Conversation | None = None):
        return answer_question(text, store=store, retriever=retriever, conversation=chat, settings=settings)
    return _ask


# ---- followers: 多少人关注 is answered by 5.2万人 / 9800余人 / 关注量1.8万 -------------------------------------

@pytest.mark.parametrize("text", [
    "青梧农业局的微信公众号现在有多少人关注？", "青梧农业局公众号有多少粉丝", "青梧农业局公众号的关注人数是多少",
    "青梧农业局的公众号有几万人关注", "青梧农业局微信公众号有多少关注用户？", "青梧农业局公众号被多少人关注了",
    "青梧农业局2023年微信公众号粉丝多少人",
])
def test_a_follower_count_in_ten_thousands_answers_how_many_follow(ask, text: str) -> None:
    a = ask(text)
    assert a.found and a.route == "retrieval", a
    assert "5.2万" in a.text and a.sources[0].year == 2023 and "2.6万" not in a.text


@pytest.mark.parametrize("text", ["青梧农业局的视频号有多少人关注？", "青梧农业局视频号关注量是多少", "青梧农业局视频号有几个人关注"])
def test_a_follower_count_with_more_than_answers(ask, text: str) -> None:
    a = ask(text)
    assert a.found and "9800余人" in a.text, a


def test_an_older_report_is_asked_by_its_year(ask) -> None:
    a = ask("青梧农业局2021年公众号有多少人关注？")
    assert a.found and "18000余人" in a.text and a.sources[0].year == 2021, a


# ---- a follow-up that changes the year of a prose count -----------------------------------------------------

FIRST = "青梧农业局2023年微信公众号发布了多少篇信息？"


@pytest.mark.parametrize("followup", [
    "到2022年那年又发了多少篇？", "2022年那年呢", "那2022年又发了多少篇", "要是2022年呢？", "换到2022年又是多少篇",
    "2022年的话发了几篇", "2022年再看看发了多少篇", "2022年那年公众号也发了不少吧，多少篇？",
])
def test_a_follow_up_changing_the_year_of_a_prose_count(ask, followup: str) -> None:
    chat = Conversation()
    assert "1130篇" in ask(FIRST, chat).text
    a = ask(followup, chat)
    assert a.found and a.route == "retrieval", a
    assert "870篇" in a.text and a.value == 870.0 and a.sources[0].year == 2022


# ---- a follow-up keeping the year (那一年) and naming its own item --------------------------------------------

@pytest.mark.parametrize("followup", [
    "那一年有多少项审批事项入驻了省网？", "这一年入驻省网的审批事项有几项", "同一年有多少项事项入驻省网",
    "那年有几项审批事项进驻了省网", "那么那一年省网入驻了多少项审批事项", "当年有多少项农业审批事项入驻省网上办事大厅",
])
def test_a_same_year_follow_up_naming_its_own_item(ask, followup: str) -> None:
    chat = Conversation()
    assert "870篇" in ask("青梧农业局2022年公众号发布了多少篇信息？", chat).text
    a = ask(followup, chat)
    assert a.found and "31项" in a.text and a.value == 31.0 and a.sources[0].year == 2022, a


@pytest.mark.parametrize("text", ["那一年有多少项", "这一年呢", "那一年度"])
def test_that_year_is_no_pointed_thing(text: str) -> None:
    assert lx.POINTED_BACK.search(text) is None


@pytest.mark.parametrize("text", ["这一专区", "那一平台", "这个栏目", "该专区"])
def test_a_pointed_thing_still_points_back(text: str) -> None:
    assert lx.POINTED_BACK.search(text) is not None


# ---- how several named 复议 / 诉讼 groups ended ----------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "青梧农业局2023年因为信息公开引起的那起复议和那起官司，最后分别是什么结果？", "青梧农业局2023年复议和诉讼分别是什么结果",
    "青梧农业局2023年的复议和官司结果如何", "青梧农业局2023年复议和诉讼各是什么结局", "青梧农业局2023年复议和官司最后怎么样了",
    "青梧农业局2023年那起复议和那场官司最后咋样了", "青梧农业局2023年行政复议和行政诉讼分别是怎么判的",
    "青梧农业局2023年的复议和诉讼分别是什么结论", "青梧农业局2023年复议和官司各自的结果是什么",
    "青梧农业局2023年复议、诉讼的结果分别如何", "青梧农业局2023年行政复议与行政诉讼最终各是什么结果",
])
def test_the_outcome_of_several_named_groups(ask, store, text: str) -> None:
    q = understand(text, catalog=Catalog.for_store(store))
    assert case_outcome.recognise(q), q
    assert "arith" not in routes_of(q, [(AGENCY, 2023)])  # 分别 lists no counts here
    a = ask(text)
    assert a.found, a
    assert "行政复议1件（结果维持1件" in a.text and "行政诉讼1件" in a.text and "其他结果1件" in a.text
    assert "驳回复议申请" in a.text and "撤诉" in a.text  # the report's own sentence on how they ended


@pytest.mark.parametrize("text", ["那起官司法院怎么判的", "复议最后咋样了", "复议是什么结论", "诉讼后来怎样了",
                                  "复议和官司的下场如何"])
def test_spoken_outcome_wordings(text: str) -> None:
    from govqa.qa.outcome_followup import asks_outcome

    assert asks_outcome(text)


def test_several_groups_counted_each_stay_a_count(store) -> None:
    q = understand("青梧农业局2023年复议和诉讼分别有几件", catalog=Catalog.for_store(store))
    assert not case_outcome.recognise(q) and not case_outcome.lists_groups(q)


# ---- the count of one part within a whole the question names -------------------------------------------------

@pytest.mark.parametrize(("text", "said", "value"), [
    ("青梧农业局2023年主动公开的215条里，专项资金使用情况的有几条？", "专项资金使用情况公开共41条", 41.0),
    ("青梧农业局2023年在主动公开的215条信息中，专项资金使用情况占几条", "专项资金使用情况公开共41条", 41.0),
    ("青梧农业局2023年215条主动公开信息当中，有多少条是专项资金使用情况？", "专项资金使用情况公开共41条", 41.0),
    ("青梧农业局2023年主动公开信息里面，专项资金使用情况公开了多少条", "专项资金使用情况公开共41条", 41.0),
    ("青梧农业局2023年公开的信息中，财政预算、决算信息有几条", "财政预算、决算信息共6条", 6.0),
    ("青梧农业局2023年主动公开的215条里头，工作动态是多少条", "工作动态共156条", 156.0),
    ("青梧农业局2023年主动公开的215条信息之中，政策文件及解读有多少条？", "政策文件及解读共12条", 12.0),
])
def test_a_part_counted_within_a_stated_whole(ask, text: str, said: str, value: float) -> None:
    a = ask(text)
    assert a.found and a.route == "retrieval", a
    assert said in a.text and a.value == value and a.value != 215.0


@pytest.mark.parametrize(("text", "part"), [
    ("主动公开的215条里，专项资金的有几条？", "专项资金的有几条？"),
    ("215条主动公开信息当中，有多少条是专项资金", "有多少条是专项资金"),
    ("主动公开了多少条信息？", ""),  # no whole named
    ("在主动公开的215条信息中，", ""),  # nothing asked after it
])
def test_the_part_asked(text: str, part: str) -> None:
    assert asked_part(text) == part


# ---- neighbours: follow-ups on followers and on a part of the whole ------------------------------------------

@pytest.mark.parametrize(("followup", "said", "year"), [
    ("那视频号呢？", "9800余人", 2023), ("视频号有多少人关注", "9800余人", 2023), ("2022年呢？", "2.6万余人", 2022),
    ("那2021年的时候有多少人关注", "18000余人", 2021),
])
def test_follower_follow_ups(ask, followup: str, said: str, year: int) -> None:
    chat = Conversation()
    assert "5.2万" in ask("青梧农业局2023年微信公众号有多少人关注？", chat).text
    a = ask(followup, chat)
    assert a.found and said in a.text and a.sources[0].year == year, a


@pytest.mark.parametrize("followup", ["这215条里面，专项资金使用情况有几条？", "其中专项资金使用情况有几条", "专项资金使用情况的呢？",
                                      "那里面专项资金使用情况公开了多少条"])
def test_a_part_of_the_whole_asked_in_a_follow_up(ask, followup: str) -> None:
    chat = Conversation()
    ask("青梧农业局2023年主动公开了多少条政府信息？", chat)
    a = ask(followup, chat)
    assert a.found and "41条" in a.text and a.value == 41.0, a
