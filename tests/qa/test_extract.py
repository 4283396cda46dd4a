"""The retrieval route's extractive answer over chunks cut from the real 掌政镇 seed text."""

from __future__ import annotations

from pathlib import Path

import pytest

from govqa.qa.answer import answer_question

SEED = Path(__file__).resolve().parent.parent / "fixtures" / "seeds" / "001_c2bcf9dd95c89acf.txt"


def _ask(text, mini_store, settings, retriever):
    return answer_question(text, store=mini_store, retriever=retriever, conversation=None, settings=settings)


def _with_zhangzheng(mini_store):
    """Add the 掌政镇 agency to the catalog (its chunks come from the fake retriever)."""
    from govqa.core.types import ParsedReport, Report, TableResult

    rep = Report(id="bbbbbbbbbbb1", source="001.txt", agency="银川市兴庆区掌政镇人民政府", short_name="掌政镇", aliases=(),
                 year=2020, template="2019", title="t", content_hash="b" * 64, text="")
    mini_store.save(ParsedReport(rep, (), TableResult((), (), "2019"), ()))
    return mini_store


def test_quotes_the_sentence_with_the_number(mini_store, settings, zhangzheng_retriever) -> None:
    store = _with_zhangzheng(mini_store)
    a = _ask("掌政镇2020年原创微博发布了多少条？", store, settings, zhangzheng_retriever)
    assert a.found and a.route == "retrieval"
    assert "原创微博 44 条" in a.text and a.value == 44 and a.unit == "条"
    [src] = a.sources
    text = SEED.read_text(encoding="utf-8")
    assert src.section == "总体情况" and text[src.start:src.end].replace("\n", "").strip() == src.text
    assert zhangzheng_retriever.calls[0][1] == ("银川市兴庆区掌政镇人民政府",)


def test_number_nearest_the_question_word(mini_store, settings, zhangzheng_retriever) -> None:
    store = _with_zhangzheng(mini_store)
    a = _ask("掌政镇微信公众号公开了多少条信息", store, settings, zhangzheng_retriever)
    assert a.value == 69


def test_refuses_when_nothing_relevant(mini_store, settings, zhangzheng_retriever) -> None:
    store = _with_zhangzheng(mini_store)
    a = _ask("掌政镇2020年的财政收入是多少亿元？", store, settings, zhangzheng_retriever)
    assert not a.found and a.route == "refuse" and a.sources == ()


def test_refuses_nonsense(mini_store, settings, zhangzheng_retriever) -> None:
    a = _ask("今天中午吃什么好呢", _with_zhangzheng(mini_store), settings, zhangzheng_retriever)
    assert not a.found


def test_a_list_question_quotes_the_list_not_its_heading(mini_store, settings) -> None:
    from tests.qa.conftest import FakeRetriever, seed_chunk

    store = _with_zhangzheng(mini_store)
    agency = "银川市兴庆区掌政镇人民政府"
    retriever = FakeRetriever([seed_chunk("001_c2bcf9dd95c89acf.txt", "五、存在的主要问题及改进情况", agency=agency,
                                          short="掌政镇", section="存在的主要问题及改进情况", length=400)])
    a = _ask("掌政镇政府信息公开工作存在哪些问题？", store, settings, retriever)
    assert a.found and a.route == "retrieval"
    quote = a.text.split("部分：“", 1)[1]
    assert quote.startswith("1. 人员配备不到位") and "五、" not in quote and "(一) 存在问题" not in quote
    assert "对于一些需要及时公开的政府信息" in quote and len(a.sources) == 2  # 哪些: more than one sentence, within the budget
    text = SEED.read_text(encoding="utf-8")
    assert all(text[s.start:s.end].replace("\n", "").strip() == s.text for s in a.sources)


def test_the_llm_hook_is_called_on_every_answer(mini_store, settings, zhangzheng_retriever, monkeypatch) -> None:
    import govqa.qa.answer as answer_module
    seen = []
    monkeypatch.setattr(answer_module, "maybe_rewrite", lambda answer, s: seen.append(answer.text) or answer)
    a = _ask("掌政镇2020年原创微博发布了多少条？", _with_zhangzheng(mini_store), settings, zhangzheng_retriever)
    assert seen == [a.text]


def test_a_money_question_is_not_answered_by_a_sentence_without_an_amount() -> None:
    from govqa.qa.quote_choice import _holds_asked_amount

    asked = "政务公开专项经费具体是多少万元？"
    assert not _holds_asked_amount(asked, "列出政务公开工作专项经费，纳入部门预算。组织专题培训21场次。")
    assert _holds_asked_amount(asked, "安排政务公开工作经费 56.3 万元，较上年度增长 55.3%。")
    assert _holds_asked_amount("公开了多少条信息", "主动公开信息 98 条")
    assert _holds_asked_amount("有哪些问题", "人员配备不到位")  # no amount asked


def test_a_sum_of_money_asked_by_name_is_not_answered_by_a_count() -> None:
    from govqa.qa.quote_choice import _holds_asked_amount

    # 收入 / 支出 / 经费 asked with no unit: a count of published items (预算信息3条) is no sum of money
    assert not _holds_asked_amount("东岚区2021年的财政收入是多少？", "主动公开财政预算、决算信息3条，规划信息5条。")
    assert not _holds_asked_amount("这个局去年的经费支出有多少", "公开部门预算支出情况12条")
    assert _holds_asked_amount("东岚区2021年的财政收入是多少？", "全年实现一般公共预算收入 8.6 亿元。")
    assert _holds_asked_amount("收入证明需要多少份材料", "提交材料3份")  # a count with its own unit
    assert _holds_asked_amount("收到多少申请", "收到申请 12 件")  # no money asked


def test_money_asked_in_plain_words_is_not_answered_by_a_count() -> None:
    from govqa.qa.quote_choice import _holds_asked_amount

    # 花了多少钱 / 花多少 / 几个钱 / 开销多少: money, though no noun such as 经费 names it; 举办发布会8场 is no sum
    count = "全年围绕重点工作举办新闻发布会8场、政策吹风会3场。"
    money = "全年举办新闻发布会8场，共支出经费12.5万元。"
    for asked in ("东岚区工信局去年开新闻发布会一共花了多少钱？", "开发布会花多少", "办发布会用了几个钱",
                  "发布会的开销是多少", "搞这些活动花费了多少", "新闻发布会的成本有多少", "发布会一共花掉多少"):
        assert not _holds_asked_amount(asked, count), asked
        assert _holds_asked_amount(asked, money), asked
    # 花了多少天 / 花了几场: a time or count, not money
    assert _holds_asked_amount("办结申请平均花了多少天", "平均办理时间5天")
    assert _holds_asked_amount("发布会一共开了多少场", count)


def test_a_measure_asked_by_name_needs_a_quote_that_speaks_of_it() -> None:
    from govqa.qa.quote_choice import _names_asked_measure

    posted = "全年在门户网站发布各类信息4818篇。"
    assert not _names_asked_measure("门户网站的访问量是多少？", posted)
    assert _names_asked_measure("门户网站的访问量是多少？", "门户网站全年浏览 120 万人次。")  # 浏览 ~ 访问
    assert _names_asked_measure("门户网站发布了多少篇信息？", posted)  # no measure asked by name


def _own_chunk(text: str) -> object:
    from govqa.core.types import Chunk, ScoredChunk

    chunk = Chunk(id="own:0", report_id="own", agency="山海省科学技术厅", short_name="科学技术厅", year=2021,
                  section="总体情况", subheading="", start=0, end=len(text), text=text)
    return ScoredChunk(chunk, 1.0)


def test_a_count_asked_in_weak_words_only_still_finds_its_sentence() -> None:
    from govqa.qa.extract import best_quote
    from govqa.qa.words import tokens

    name = "山海省科学技术厅"
    hit = _own_chunk("一、基本情况。本厅持续完善网站平台建设，优化栏目设置。全年公开信息512条。召开新闻发布会6场。")
    quote = best_quote(f"{name}2021年全年公开了多少条信息", [hit], drop=[name, *tokens(name)])
    assert quote is not None and quote.text == "全年公开信息512条。"


def test_a_short_form_of_the_agency_is_no_word_the_quote_must_hold() -> None:
    from govqa.qa.extract import scope_words

    assert "科技厅" in scope_words("山海科技厅2021年清理了多少件规范性文件", ["山海省科学技术厅"])
    assert "规范性文件" not in scope_words("山海科技厅2021年清理了多少件规范性文件", ["山海省科学技术厅"])


def test_the_sentence_that_states_the_count_beats_one_holding_the_same_number() -> None:
    from govqa.qa.extract import best_quote
    from govqa.qa.words import tokens

    name = "山海省科学技术厅"
    drop = [name, *tokens(name)]
    # the same 64 twice: once stated after the words that name it, once inside a phrase about a part of it
    subset = "（二）主动公开的主要类别。在主动公开的64条政府信息中，全文电子化的主动公开信息数共64条。"
    stated = "（一）主动公开的数量。全年制作政府信息200条，其中主动公开政府信息64条，依申请公开信息数30条。"
    quote = best_quote(f"{name}2021年主动公开了多少条政府信息？", [_own_chunk(subset), _own_chunk(stated)], drop=drop)
    assert quote is not None and "其中主动公开政府信息64条" in quote.text
    # both state it: the one where no other count comes first
    total = "2021年，本厅共制发政府信息300条，其中，主动公开政府信息120条、依申请公开80条。"
    first = "2021年，主动公开政府信息120条，涵盖政策文件类6条、其他类114条。"
    quote = best_quote(f"{name}2021年主动公开了多少条政府信息？", [_own_chunk(total), _own_chunk(first)], drop=drop)
    assert quote is not None and quote.text == first


def test_a_time_limit_is_no_count() -> None:
    from govqa.qa.quote_choice import holds_count

    assert not holds_count("行政处罚决定作出之日起7个工作日内、其他事项20个工作日内公开。")
    assert not holds_count("收到申请后15日内答复，3天内登记。")
    assert holds_count("全年作出行政处罚决定236个，均在7个工作日内公开。")
    assert holds_count("发布信息135条。")


def test_a_share_question_reads_the_percentage_not_the_counts_before_it() -> None:
    from govqa.qa.quote_choice import pick_number

    sentence = "全年共制发信息300条，其中主动公开120条、依申请公开130条，两项合计占总制发信息的83.3%。"
    assert pick_number(sentence, "依申请公开和主动公开占总制发信息的比例是多少", ["依申请公开"]) == (83.3, "%")
    assert pick_number(sentence, "主动公开了多少条", ["主动公开"]) == (120.0, "条")
    assert pick_number("办结率达100％，共办结12件。", "办结率是多少", []) == (100.0, "％")


def test_a_listing_quote_stops_before_the_next_sub_heading() -> None:
    from govqa.qa.extract import best_quote

    text = ("（二）依申请公开情况。全年收到申请5件。申请内容涉及规划许可信息、征收补偿信息等。"
            "（三）政府信息管理情况。修订公开目录。")
    quote = best_quote("这些申请主要涉及哪些内容？", [_own_chunk(text)], drop=[])
    assert quote is not None and "规划许可信息" in quote.text and "政府信息管理" not in quote.text


@pytest.mark.parametrize("question, value", [
    ("网上申请的有几件", 5.0), ("在线提交的申请有多少件？", 5.0), ("通过网络申请的是几件", 5.0),
    ("邮寄过来的申请有几件", 7.0), ("信件寄来的有多少件", 7.0),
])
def test_the_number_after_a_synonym_of_the_asked_channel(question: str, value: float) -> None:
    from govqa.qa.quote_choice import pick_number
    from govqa.qa.words import content_tokens

    sentence = "全年收到申请12件。从申请方式看，网络申请5件，信函申请7件。"
    assert pick_number(sentence, question, content_tokens(question)) == (value, "件")


def test_a_length_of_time_asked_is_not_answered_by_a_count() -> None:
    from govqa.qa.quote_choice import _holds_asked_amount, _unit_fits

    # 多少天 / 几个工作日 / 多少小时: one kind of quantity never answers another (办结申请58件 is no number of days)
    count = "全年依法办结政府信息公开申请58件，其中网络申请14件。"
    length = "依申请公开平均办理时长为 9 个工作日，较上年缩短两天。"
    for asked in ("东岚区交建局办理一件申请平均要多少天？", "平均几个工作日能办完", "答复一件申请要花多少天",
                  "办一个申请大概要几天", "热线多少小时能回复", "平均办理周期是多少天", "一般要等几个月"):
        assert not _holds_asked_amount(asked, count), asked
        assert _holds_asked_amount(asked, length), asked
        assert not _unit_fits(asked, "件"), asked
    assert _unit_fits("收到多少件申请", "件") and _unit_fits("有几个人参加", "人") and not _unit_fits("有几个人参加", "场")
