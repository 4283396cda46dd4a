"""Keyword side: jieba tokens with govqa's dictionary, stop words, BM25 ranking with agency/year filters."""

from __future__ import annotations

import pytest
from seed_reports import seed_reports

from govqa.index.bm25 import Bm25Index, Tokenizer
from govqa.index.chunks import chunk_report
from govqa.index.words import stop_words


@pytest.fixture(scope="module")
def index() -> Bm25Index:
    chunks = [c for rep, secs in seed_reports() for c in chunk_report(rep, secs, size=300)]
    return Bm25Index(chunks, extra_words=["自治区政府办公厅"])


def test_template_terms_stay_whole():
    tok = Tokenizer()
    assert "三安全一稳定" in tok.tokens("危及“三安全一稳定”的信息不予公开")
    assert "不予公开" in tok.tokens("危及“三安全一稳定”的信息不予公开")
    assert "政府信息公开申请" in tok.tokens("共收到政府信息公开申请3件")
    assert "依申请公开" in tok.tokens("持续做好依申请公开")


def test_agency_names_added_at_run_time():
    tok = Tokenizer(["西夏区民政局"])
    assert "西夏区民政局" in tok.tokens("西夏区民政局收到依申请公开件0件")


def test_stop_words_and_punctuation_dropped():
    tokens = Tokenizer().tokens("镇北堡镇的新浪微博公开了多少条信息？")
    assert "的" in stop_words("keyword") and "的" not in tokens and "多少" not in tokens and "？" not in tokens
    assert "新浪微博" in tokens


def test_search_finds_the_passage(index):
    hits = index.search("新浪微博公开了多少条信息", agencies=("银川市西夏区镇北堡镇人民政府",), k=3)
    assert "新浪微博公开 924 条" in hits[0].chunk.text
    assert [h.bm25_rank for h in hits] == [1, 2, 3]
    assert hits[0].score >= hits[-1].score > 0


def test_agency_filter_never_leaks(index):
    for agency in ("吴忠市红寺堡区人民政府", "银川市西夏区民政局"):
        hits = index.search("政府开放日 微博 政务公开 培训", agencies=(agency,), k=20)
        assert hits and {h.chunk.agency for h in hits} == {agency}


def test_year_filter(index):
    assert index.search("新浪微博", years=(2019,), k=5) == []
    assert index.search("新浪微博", years=(2020,), k=5)


def test_empty_index_and_empty_query():
    assert Bm25Index([]).search("新浪微博") == []
    chunks = [c for rep, secs in seed_reports()[:1] for c in chunk_report(rep, secs, size=300)]
    assert Bm25Index(chunks).search("的了？") == []


@pytest.mark.parametrize("query", ["新浪微博公开了多少条信息", "政务公开工作存在哪些主要问题", "行政复议 行政诉讼 结果纠正"])
def test_filtered_search_scores_as_the_whole_corpus_does(index, query):
    """Scoring only the filtered chunks gives the scores and order of scoring all and filtering after."""
    everything = index.search(query, k=len(index))
    assert everything, "the query must match something for the comparison to mean anything"
    agencies = sorted({h.chunk.agency for h in everything})
    for agency_set, years in (((agencies[0],), ()), ((), (2020,)), (tuple(agencies[:2]), (2020,)), (("无此机关",), ())):
        expected = [(h.chunk.id, h.score) for h in everything
                    if (not agency_set or h.chunk.agency in agency_set) and (not years or h.chunk.year in years)][:7]
        got = [(h.chunk.id, h.score) for h in index.search(query, agencies=agency_set, years=years, k=7)]
        assert got == expected
