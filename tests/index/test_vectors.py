"""The Chroma chunk index with the hash embedder: replace-on-reindex, filters, model mismatch, persistence."""

from __future__ import annotations

from dataclasses import replace

import pytest
from seed_reports import seed_reports

from govqa.core.errors import IndexModelMismatch
from govqa.index.chunks import chunk_report
from govqa.index.embed import HashEmbedder, get_embedder
from govqa.index.vectors import ChunkIndex, where_filter


@pytest.fixture
def hash_settings(settings):
    return replace(settings, embed_backend="hash", progress=False)


@pytest.fixture
def seeds():
    return seed_reports()


@pytest.fixture
def index(hash_settings, seeds) -> ChunkIndex:
    idx = ChunkIndex(hash_settings, get_embedder(hash_settings))
    for rep, secs in seeds:
        idx.index_report(rep, secs)
    return idx


def test_index_counts_every_chunk(index, seeds, hash_settings):
    expected = sum(len(chunk_report(r, s, size=hash_settings.chunk_size)) for r, s in seeds)
    assert index.count() == expected
    rep, secs = seeds[0]
    assert index.count(rep.id) == len(chunk_report(rep, secs, size=hash_settings.chunk_size))


def test_reindex_replaces_and_never_duplicates(index, seeds):
    before = index.count()
    rep, secs = seeds[3]
    ids_before = {c.id for c in index.all_chunks() if c.report_id == rep.id}
    n = index.index_report(rep, secs)
    assert index.count() == before
    assert index.count(rep.id) == n == len(ids_before)
    assert {c.id for c in index.all_chunks() if c.report_id == rep.id} == ids_before


def test_remove_report(index, seeds):
    rep, _ = seeds[1]
    before, mine = index.count(), index.count(rep.id)
    index.remove_report(rep.id)
    assert index.count() == before - mine and index.count(rep.id) == 0
    index.remove_report(rep.id)  # removing twice is harmless


def test_chunks_round_trip_through_chroma(index, seeds):
    texts = {r.id: r.text for r, _ in seeds}
    chunks = index.all_chunks()
    assert chunks and all(texts[c.report_id][c.start : c.end] == c.text for c in chunks)
    assert all(c.year == 2020 for c in chunks)


def test_search_with_agency_and_year_filters(index):
    agency = "吴忠市红寺堡区人民政府"
    hits = index.search("政务公开工作经费", agencies=(agency,), years=(2020,), k=10)
    assert len(hits) == 10 and {h.chunk.agency for h in hits} == {agency}
    assert [h.vector_rank for h in hits] == list(range(1, 11))
    assert index.search("政务公开工作经费", years=(2019,), k=5) == []
    two = ("银川市西夏区民政局", "银川市兴庆区掌政镇人民政府")
    assert {h.chunk.agency for h in index.search("微博", agencies=two, k=30)} == set(two)


def test_where_filter_shapes():
    assert where_filter() is None
    assert where_filter(agencies=["甲"]) == {"agency": {"$in": ["甲"]}}
    assert where_filter(agencies=["甲"], years=[2020]) == {"$and": [{"agency": {"$in": ["甲"]}}, {"year": {"$in": [2020]}}]}


def test_persisted_and_reopened(index, hash_settings):
    again = ChunkIndex(hash_settings, get_embedder(hash_settings))
    assert again.count() == index.count() > 0


def test_model_mismatch_is_refused_until_rebuilt(index, hash_settings, seeds):
    other = HashEmbedder(dim=128)
    assert other.name != index.embedder.name
    with pytest.raises(IndexModelMismatch, match="hash-ngram-384.*hash-ngram-128.*govqa reindex"):
        ChunkIndex(hash_settings, other)
    rebuilt = ChunkIndex(hash_settings, other, rebuild=True)
    assert rebuilt.count() == 0
    rep, secs = seeds[0]
    assert rebuilt.index_report(rep, secs) == rebuilt.count() > 0
    assert rebuilt.search("新浪微博", k=1)[0].chunk.report_id == rep.id


def test_empty_and_emptied_index_find_nothing(hash_settings, seeds):
    idx = ChunkIndex(hash_settings, get_embedder(hash_settings))
    assert idx.search("新浪微博公开了多少条信息", k=5) == []
    rep, secs = seeds[0]
    idx.index_report(rep, secs)
    assert idx.search("新浪微博公开了多少条信息", agencies=(rep.agency,), k=5)
    idx.remove_report(rep.id)
    assert idx.count() == 0
    assert idx.search("新浪微博公开了多少条信息", agencies=(rep.agency,), k=5) == []
    assert idx.search("新浪微博公开了多少条信息", k=5) == []


def test_new_collections_sync_small_write_batches(index):
    hnsw = index._collection.configuration_json["hnsw"]
    assert (hnsw["sync_threshold"], hnsw["space"]) == (100, "cosine")


def test_all_chunks_read_page_by_page_are_all_the_chunks(index):
    whole = index.all_chunks()
    assert len(whole) == index.count() > 7
    for page in (1, 7, len(whole), len(whole) + 1):  # pages that split, end exactly at, and pass the end
        assert index.all_chunks(page=page) == whole
    assert len({c.id for c in whole}) == len(whole)
