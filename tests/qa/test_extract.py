"""The retrieval route's extractive answer over chunks cut from the real 掌政镇 seed text."""

from __future__ import annotations

from pathlib import Path

from qa.answer import answer_question

SEED = Path(__file__).resolve().parent.parent / "fixtures" / "seeds" / "001_c2bcf9dd95c89acf.txt"


def _ask(text, mini_store, settings, retriever):
    return answer_question(text, store=mini_store, retriever=retriever, conversation=None, settings=settings)


def _with_zhangzheng(mini_store):
    """Add the 掌政镇 agency to the catalog (its chunks come from the fake retriever)."""
    from qa.types import ParsedReport, Report, TableResult

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
