"""Kinds of citizen question a new set asks in its own words (issue 12), end to end over a real SQLite store of
hand-written reports: list questions without the usual section words, last year's rectification, a verb before the
agency, and prose follow-ups that switch agency or topic and ask a number stated in the prose."""

from __future__ import annotations

from pathlib import Path

import pytest

from govqa.core.types import Chunk, ParsedReport, Report, ScoredChunk, TableResult
from govqa.qa.answer import answer_question
from govqa.qa.conversation import Conversation
from govqa.qa.extract import best_quote
from govqa.qa.mentions import names_in
from govqa.qa.section_list import MEASURES, PROBLEMS, RECTIFIED, WORK, asked_part
from govqa.qa.understand import parse_years
from tests.qa.conftest import FakeRetriever

SOUTH, NORTH = "青禾市南湖区生态环境局", "青禾市北湖区生态环境局"
TABLES = ("二、主动公开政府信息情况\n表略。\n三、收到和处理政府信息公开申请情况\n表略。\n"
          "四、政府信息公开行政复议、行政诉讼情况\n表略。\n")
HEADER = ("当前位置： 首页 政务公开 年度报告 来源： 时间：2022-01-06 09:15 微信 微博 QQ空间 全真版 文字版 相关链接： "
          "根据《条例》要求，现公布本局年度报告，报告包括总体情况等部分")


def _report(agency: str, year: int, *, work: str, part5: str, head: str = "") -> str:
    return (f"{head}{agency}{year}年政府信息公开工作年度报告\n如对本报告有疑问，请与本局办公室联系（地址：青禾市湖滨大道"
            f"{year - 2000}号；电话：0791-55500{year - 2000}）。\n一、总体情况\n{work}\n" + TABLES
            + f"五、存在的主要问题及改进情况\n{part5}\n六、其他需要报告的事项\n无。\n")


SOUTH_2021_WORK = ("2021年，我局加大环境执法、辐射安全、预决算等信息的公开力度，全年主动公开政府信息186条。"
                   "其中：环境执法信息共21条；建设项目环评信息共15条；辐射安全信息9条等。"
                   "对全局46项大项、132小项政务服务事项进行梳理，其中标准化132项。"
                   "梳理“全程网办、一次不跑”97小项，占132小项的73.48%。"
                   "全年接听环保热线来电358个，其中当场解答341个。召开新闻发布会4场。")
SOUTH_2021_PART5 = ("我局针对2020年政府信息公开工作中存在的问题，采取措施认真整改。一是修订公开审核制度，明确审核流程。"
                    "二是开展专题培训，提升业务能力。2021年，我局仍存在一些不足。一是解读材料形式单一。二是栏目更新偶有滞后。"
                    "2022年，我局将做好“稳固、拓展、深化”三篇文章：一是做好“稳固”文章，巩固已有成果。二是做好“拓展”文章，"
                    "拓宽公开渠道。三是做好“深化”文章，深化重点领域公开。")
SOUTH_2022_PART5 = ("2022年，我局针对2021年存在的解读形式单一问题进行了整改，新增图解和视频解读。但仍存在一些问题，"
                    "互动回应不够及时。为推动政务公开再上台阶，我局将着力做到以下几点：\n"
                    "（一）做到“统筹推进”，压实各科室公开责任。\n（二）做到“精准发布”，提高信息发布质量。\n"
                    "（三）做到“闭环管理”，限时办结群众留言。")
REPORTS = (
    ("ssssssss2021", SOUTH, "南湖区生态环境局", 2021, _report(SOUTH, 2021, work=SOUTH_2021_WORK, part5=SOUTH_2021_PART5,
                                                          head=HEADER)),
    ("ssssssss2022", SOUTH, "南湖区生态环境局", 2022,
     _report(SOUTH, 2022, work="2022年，我局召开新闻发布会6场。", part5=SOUTH_2022_PART5)),
    ("nnnnnnnn2021", NORTH, "北湖区生态环境局", 2021,
     _report(NORTH, 2021, work="2021年，我局举办新闻发布会3次，发布权威信息42条。", part5="无。")),
    ("nnnnnnnn2022", NORTH, "北湖区生态环境局", 2022,
     _report(NORTH, 2022, work="2022年，我局举办新闻发布会8次，发布权威信息57条。针对群众反映的问题及时整改到位。",
                 part5="无。")),
)


def _chunk(rid: str, agency: str, year: int, text: str, needle: str, section: str = "总体情况") -> Chunk:
    start = text.index(needle)
    end = text.index("\n", start)
    return Chunk(id=f"{rid}:{start}", report_id=rid, agency=agency, short_name=agency[5:], year=year, section=section,
                 subheading="", start=start, end=end, text=text[start:end])


@pytest.fixture
def chunks() -> list[Chunk]:
    """The prose of each report's 总体情况 (and the crawled header of one), as the retriever would return them."""
    out = [_chunk(rid, agency, year, text, f"{year}年，我局") for rid, agency, _, year, text in REPORTS]
    rid, agency, _, year, text = REPORTS[0]
    return [_chunk(rid, agency, year, text, "当前位置", section="前言"), *out]


@pytest.fixture
def ask(tmp_path: Path, settings, chunks):
    from govqa.index.store import Store

    store = Store(f"sqlite:///{tmp_path / 'kinds.db'}")
    for rid, agency, short, year, text in REPORTS:
        report = Report(id=rid, source=f"{rid}.txt", agency=agency, short_name=short, aliases=(), year=year,
                        template="2021", title=f"{short}{year}年政府信息公开工作年度报告", content_hash=rid * 5,
                        text=text)
        store.save(ParsedReport(report, (), TableResult((), (), "2021"), ()))
    retriever = FakeRetriever(chunks)

    def _ask(text: str, conversation: Conversation | None = None):
        return answer_question(text, store=store, retriever=retriever, conversation=conversation, settings=settings)
    return _ask


@pytest.mark.parametrize(("question", "part"), [
    ("南湖区环保局自查出了哪些毛病？", PROBLEMS),
    ("报告承认工作上有哪些缺点？", PROBLEMS),
    ("下阶段要抓好哪几个方面的工作？", MEASURES),
    ("报告提出来年要落实哪三方面工作？", MEASURES),
    ("下一年要做好哪“三篇文章”？", MEASURES),
    ("为了再上台阶，提出要做到哪几点？", MEASURES),
    ("下一阶段打算重点推进哪几项？", MEASURES),
    ("针对上一年的问题，具体做了哪些整改？", RECTIFIED),
    ("对去年发现的不足采取了哪些改进？", RECTIFIED),
    ("针对这些问题采取了哪些整改措施？", MEASURES),  # this year's problems: the measures
    ("报告里提到了哪两个问题？", PROBLEMS),
    ("还有哪些不够到位的地方？", PROBLEMS),
    ("年报自我检讨了哪些方面？", PROBLEMS),
    ("2020年做了哪三项重点工作？", WORK),
])
def test_list_questions_in_other_words_ask_for_a_part(question: str, part: str) -> None:
    asked = asked_part(question)
    assert asked is not None and asked.name == part


def test_a_list_introduced_by_its_count_gives_every_item(ask) -> None:
    a = ask("南湖区生态环境局2021年报里，下一年要做好哪三篇文章？")
    assert a.found and [s.text[:7] for s in a.sources] == ["一是做好“稳固", "二是做好“拓展", "三是做好“深化"]
    assert "共3项" in a.text


def test_points_written_as_bracketed_headings_are_the_items(ask) -> None:
    a = ask("南湖区生态环境局2022年为了让政务公开再上台阶，提出要做到哪几点？")
    assert a.found and len(a.sources) == 3
    assert all(f"做到“{w}”" in s.text for w, s in zip(("统筹推进", "精准发布", "闭环管理"), a.sources, strict=True))


def test_items_written_as_bold_headings_without_numbers() -> None:
    from govqa.qa.section_list import section_items

    text = _report(NORTH, 2023, work="2023年，我局召开新闻发布会5场。",
                   part5="我局仍存在政策解读偏少的问题。2024年，我局将着力做好以下工作。**强化组织领导**。明确分管领导。**完善审查机制**。坚持先审后发。"
                         "**拓展公开渠道**。用好政务新媒体。")
    part = asked_part("北湖区生态环境局下一年打算抓好哪几项工作？")
    assert part is not None
    items = section_items(text, part)
    assert [p.text for p in items] == ["强化组织领导。明确分管领导。", "完善审查机制。坚持先审后发。", "拓展公开渠道。用好政务新媒体。"]
    assert all(text[p.start:p.end].startswith("**") for p in items)


def test_problems_asked_in_other_words_are_this_years_not_last_years(ask) -> None:
    a = ask("南湖区生态环境局2021年自己查出了哪些毛病？")
    assert [s.text for s in a.sources] == ["一是解读材料形式单一。", "二是栏目更新偶有滞后。"]


def test_last_years_rectification_as_a_list_and_in_prose(ask) -> None:
    listed = ask("南湖区生态环境局2021年针对上一年的问题，具体做了哪些整改？")
    assert listed.found and [s.year for s in listed.sources] == [2021, 2021]  # 上一年 is no second report
    assert [s.text[:6] for s in listed.sources] == ["一是修订公开", "二是开展专题"]
    prose = ask("南湖区生态环境局2022年对去年发现的问题做了哪些整改？")
    assert prose.found and len(prose.sources) == 1 and "新增图解和视频解读" in prose.sources[0].text
    assert "互动回应" not in prose.text  # this year's problem is not last year's rectification


def test_a_report_silent_on_last_years_problems_says_so(ask) -> None:
    a = ask("北湖区生态环境局2022年针对上一年的问题做了哪些整改？")
    assert not a.found and a.reason == "no-data" and "没有写上年问题整改情况" in a.text and not a.sources
    # 针对群众反映的问题及时整改 in 总体情况 is this year's work, not last year's problems


def test_a_year_before_the_problems_is_not_a_report_year() -> None:
    assert parse_years("2021年针对上一年的问题做了哪些整改", 2023) == (2021,)
    assert parse_years("针对上一年的问题做了哪些整改", 2023) == (2022,)  # no year named: the relative one stands
    # 比上一年 / 跟上一年比 after a named year is the year before that one (the arithmetic reads it), not newest − 1
    assert parse_years("2021年比上一年多了多少", 2023) == (2021,)
    assert parse_years("2021年跟上一年比多了多少", 2023) == (2021,)
    assert parse_years("比上一年多了多少", 2023) == ()  # a comparison names no report: the newest one answers


@pytest.mark.parametrize("span", ["去南湖区生态环境局", "想上门找南湖区生态环境局", "打算前往南湖区生态环境局",
                                  "当面拨打南湖区生态环境局", "去年南湖区生态环境局", "亲自跑一趟南湖区生态环境局",
                                  "走访南湖区生态环境局"])
def test_a_verb_before_an_agency_is_no_part_of_its_name(span: str) -> None:
    assert names_in(span) == ["南湖区生态环境局"]


def test_a_question_with_a_verb_before_the_agency_is_answered(ask) -> None:
    a = ask("想去南湖区生态环境局当面问问，2022年报里写的地址是哪？")
    assert a.found and "湖滨大道22号" in a.text
    b = ask("打算上门找北湖区生态环境局办事，它的电话是多少？")
    assert b.found and "0791-5550022" in b.text


def test_a_crawled_header_never_answers_a_list_question(chunks) -> None:
    header = chunks[0]
    quote = best_quote("南湖区生态环境局2021年年报包括哪些部分？", [ScoredChunk(header, 1.0)], drop=[])
    assert quote is None or "当前位置" not in quote.text
    fact = best_quote("南湖区生态环境局2021年年报的发布时间是什么？", [ScoredChunk(header, 1.0)], drop=[])
    assert fact is not None and "2022-01-06" in fact.text  # a fact the header holds may still be quoted


def test_a_follow_up_on_another_item_takes_that_items_count(ask) -> None:
    chat = Conversation()
    first = ask("南湖区生态环境局2021年主动公开的信息里，环境执法信息有几条？", chat)
    assert first.value == 21
    a = ask("辐射安全信息呢？", chat)
    assert a.found and a.value == 9 and a.unit == "条"


def test_a_follow_up_on_an_item_the_report_does_not_count_is_not_given_another_number(ask) -> None:
    chat = Conversation()
    assert ask("南湖区生态环境局2021年召开了几场新闻发布会？", chat).value == 4
    a = ask("那政策吹风会呢？开了几场？", chat)
    assert not a.found and a.value is None and a.reason == "no-data"
    assert ask("那新闻发布会呢？", chat).value == 4


def test_a_sub_count_after_其中_and_a_quoted_item(ask) -> None:
    chat = Conversation()
    ask("南湖区生态环境局2021年梳理了多少项政务服务事项？", chat)
    a = ask("其中实现“全程网办、一次不跑”的有多少小项？", chat)
    assert a.found and a.value == 97
    chat = Conversation()
    assert ask("南湖区生态环境局2021年环保热线接听了多少个来电？", chat).value == 358
    assert ask("其中当场解答的有多少个？", chat).value == 341


def test_another_agency_the_same_year_keeps_the_year(ask) -> None:
    chat = Conversation()
    assert ask("南湖区生态环境局2021年召开了几场新闻发布会？", chat).value == 4
    a = ask("北湖区生态环境局同一年呢？举办了几次新闻发布会？", chat)
    assert a.found and a.value == 3 and all(s.year == 2021 for s in a.sources)
    fresh = ask("北湖区生态环境局举办了几次新闻发布会？", Conversation())  # no year: the newest report, said
    assert fresh.value == 8
