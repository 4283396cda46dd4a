"""Hybrid retrieval: RRF fusion, filters on both sides, incremental keyword index, CLI, and the real model."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner
from seed_reports import seed_reports

from govqa.core.types import Chunk, ScoredChunk
from govqa.eval.gold import locate
from govqa.index.embed import get_embedder
from govqa.index.vectors import ChunkIndex
from govqa.qa.cli import main
from govqa.qa.retrieve import Retriever, fuse
from govqa.qa.service import GovQA

NARRATIVE = Path(__file__).resolve().parents[2] / "eval" / "sets" / "narrative.jsonl"
AGENCIES = ("银川市西夏区镇北堡镇人民政府", "银川市兴庆区掌政镇人民政府", "宁夏回族自治区人民政府办公厅", "吴忠市红寺堡区人民政府", "银川市西夏区民政局")


def _chunk(cid: str) -> Chunk:
    return Chunk(id=cid, report_id="r", agency="甲", short_name="甲", year=2020, section="总体情况", subheading="",
                 start=0, end=1, text=cid)


def test_fuse_is_reciprocal_rank_fusion():
    vec = [ScoredChunk(_chunk(c), 0.9, vector_rank=i) for i, c in enumerate("abc", start=1)]
    kw = [ScoredChunk(_chunk(c), 5.0, bm25_rank=i) for i, c in enumerate("cbd", start=1)]
    fused = fuse([vec, kw], k=3)
    # c: 1/63 + 1/61 = 0.032266 > b: 1/62 + 1/62 = 0.032258 > a: 1/61 > d: 1/63
    assert [h.chunk.id for h in fused] == ["c", "b", "a"]
    assert fused[0].score == pytest.approx(1 / 63 + 1 / 61)
    assert (fused[0].vector_rank, fused[0].bm25_rank) == (3, 1)
    assert (fused[1].vector_rank, fused[1].bm25_rank) == (2, 2)
    assert (fused[2].vector_rank, fused[2].bm25_rank) == (1, None)


@pytest.fixture
def hash_settings(settings):
    return replace(settings, embed_backend="hash", progress=False)


def _retriever(settings) -> Retriever:
    index = ChunkIndex(settings, get_embedder(settings))
    return Retriever(lambda: index)


@pytest.fixture
def retriever(hash_settings) -> Retriever:
    r = _retriever(hash_settings)
    for rep, secs in seed_reports():
        r.index.index_report(rep, secs)
    return r


@pytest.mark.parametrize("agency", AGENCIES)
def test_a_named_agency_never_gets_another_agencys_chunks(retriever, agency):
    for query in ("镇北堡镇新浪微博公开了多少条信息", "红寺堡区政务公开工作经费", "自治区政府门户网站发布了多少条政府信息", "存在的主要问题"):
        for search in (retriever.search, retriever.vector_search, retriever.bm25_search):
            hits = search(query, agencies=(agency,), k=10)
            assert hits, (agency, query)
            assert {h.chunk.agency for h in hits} == {agency}, (search.__name__, query)


def test_fused_hits_carry_both_ranks(retriever):
    hits = retriever.search("新浪微博公开了多少条信息", agencies=(AGENCIES[0],), years=(2020,), k=5)
    assert len(hits) == 5
    assert any("新浪微博公开 924 条" in h.chunk.text for h in hits)  # the hash embedder is no model: top-5, not top-1
    assert all(h.vector_rank is not None or h.bm25_rank is not None for h in hits)
    assert hits[0].vector_rank is not None and hits[0].bm25_rank is not None
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    assert retriever.search("新浪微博", years=(2019,), k=5) == []


def test_new_report_is_added_without_reembedding_and_seen_by_bm25(hash_settings):
    seeds = seed_reports()
    r = _retriever(hash_settings)
    for rep, secs in seeds[:4]:
        r.index.index_report(rep, secs)
    assert r.bm25_search("541 会议室 政府开放日", agencies=(AGENCIES[4],)) == []
    before = r.index.count()
    rep, secs = seeds[4]
    added = r.index.index_report(rep, secs)
    assert r.index.count() == before + added
    hits = r.bm25_search("541 会议室 政府开放日", agencies=(AGENCIES[4],), k=1)
    assert hits and "541 会议室" in hits[0].chunk.text
    r.index.index_report(rep, secs)  # re-ingest: same ids, no duplicates, keyword side unchanged in size
    assert r.index.count() == before + added == len(r.keyword_index())


def test_cli_search_and_reindex(hash_settings, seed_paths, monkeypatch):
    monkeypatch.setenv("GOVQA_EMBED_BACKEND", "hash")
    qa = GovQA(hash_settings)
    qa.ingest(seed_paths)
    total = qa.vectors.count()
    runner = CliRunner()
    out = runner.invoke(main, ["search", "政务公开工作经费", "--agency", "红寺堡区", "--k", "3", "--json"])
    assert out.exit_code == 0, out.output
    hits = json.loads(out.output)
    assert len(hits) == 3 and {h["agency"] for h in hits} == {"吴忠市红寺堡区人民政府"}
    assert any("56.3 万元" in h["text"] for h in hits)
    assert runner.invoke(main, ["search", "新浪微博", "--agency", "北京市"]).exit_code == 2
    out = runner.invoke(main, ["reindex"])
    assert out.exit_code == 0 and f"{total} chunks" in out.output
    assert GovQA(hash_settings).vectors.count() == total
    for cmd in (["search", "--help"], ["reindex", "--help"]):
        assert runner.invoke(main, cmd).exit_code == 0


@pytest.mark.integration
def test_real_model_fused_top5_contains_the_evidence(settings, seed_paths):
    qa = GovQA(settings)
    summary = qa.ingest(seed_paths)
    assert summary.added == 5 and not summary.refused
    questions = [json.loads(line) for line in NARRATIVE.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = {r.agency: qa.store.get_report(r.id).text for r in qa.store.reports()}
    files = {p.name: p.read_text(encoding="utf-8") for p in seed_paths}
    found = 0
    for q in questions:
        [span] = q["evidence"]  # offsets into the seed file as read; the stored text is normalised from it
        where = locate(files[span["file"]][span["start"]:span["end"]], texts[q["agency"]], near=span["start"])
        assert where is not None, q["id"]
        start, end = where
        hits = qa.retriever.search(q["question"], agencies=(q["agency"],), years=(q["year"],), k=5)
        assert {h.chunk.agency for h in hits} == {q["agency"]}
        ok = any(h.chunk.start <= start and end <= h.chunk.end for h in hits)
        found += ok
        if q["id"] in ("n001", "n014", "n026", "n041", "n056", "n062"):
            assert ok, (q["id"], q["question"])
    assert found / len(questions) >= 0.95
