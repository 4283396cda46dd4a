"""eval/baseline.py: the plain LangChain RAG over the raw seed texts (real splitter, real Chroma, hash embedder)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from govqa.eval.baseline import BaselineHit, PlainRag, hit_rates, split_texts
from govqa.eval.questions import EvalItem


def _texts(paths: list[Path]) -> list[tuple[str, str]]:
    return [(p.stem, p.read_text(encoding="utf-8")) for p in paths]


def test_split_texts_covers_every_report(seed_paths: list[Path]) -> None:
    chunks, metas = split_texts(_texts(seed_paths), chunk_size=300)
    assert {m["report"] for m in metas} == {p.stem for p in seed_paths}
    assert all(len(c) <= 300 for c in chunks)
    # the 镇北堡镇 report states its Weibo figure in one sentence; the splitter keeps it inside one chunk
    assert any("新浪微博公开 924 条" in c for c in chunks)


def test_plain_rag_hits_and_misses(settings, seed_paths: list[Path]) -> None:
    rag = PlainRag.build(replace(settings, embed_backend="hash"), _texts(seed_paths))
    assert (settings.home / "baseline" / "chroma").is_dir()
    # worded close to the report, since the hash embedder only matches characters
    weibo = EvalItem(id="n1", question="镇北堡镇新浪微博公开了多少条", kind="narrative", expect=("924",))
    hit = rag.hit(weibo)
    assert len(hit.chunks) == 5
    assert hit.hit is True and any("924" in c for c in hit.chunks)
    # no report holds this number: a miss, whatever the chunks are
    absent = replace(weibo, id="n2", expect=("924", "987654"))
    assert rag.hit(absent).hit is False
    refuse = EvalItem(id="r1", question="贺兰县2020年收到多少申请？", kind="refuse", expect=(), found=False)
    assert rag.hit(refuse).hit is None


def test_rebuild_replaces_the_collection(settings, seed_paths: list[Path]) -> None:
    hashed = replace(settings, embed_backend="hash")
    PlainRag.build(hashed, _texts(seed_paths))
    rag = PlainRag.build(hashed, _texts(seed_paths[:1]))  # only the 镇北堡镇 report
    chunks = rag.top_k("红寺堡区政务公开存在的主要问题")
    assert chunks and not any("红寺堡" in c for c in chunks)


def test_hit_rates_per_kind() -> None:
    def item(kind: str, n: int) -> EvalItem:
        return EvalItem(id=f"{kind}{n}", question="q", kind=kind, expect=("1",))

    hits = [BaselineHit(item("table", 1), True, ()), BaselineHit(item("table", 2), False, ()),
            BaselineHit(item("narrative", 1), True, ()), BaselineHit(item("refuse", 1), None, ())]
    assert hit_rates(hits) == {"table": (1, 2), "overall": (2, 3), "narrative": (1, 1), "refuse": (0, 0)}
