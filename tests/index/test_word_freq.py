"""jieba's dictionary looked up word by word from its SQLite copy gives the tokens of the whole dictionary."""

from __future__ import annotations

from pathlib import Path

import jieba
import pytest

from govqa.index import word_freq
from govqa.index.word_freq import Dictionary, LazyFrequencies, read_total, write_table
from govqa.index.words import _default_dictionary, new_tokenizer

SENTENCES = ("某某街道办事处去年一共收到了多少份政府信息公开申请？",
             "本机关全年通过门户网站主动公开文件一百二十三件，其中规范性文件十五件。",
             "因申请内容不明确而告知补正的有几件，行政复议被纠正的又有几件？",
             "群众来信来访反映的问题主要集中在征地拆迁补偿和社会保障待遇方面。")
NAMES = ("青禾镇人民政府", "青禾镇", "市数据管理局")


@pytest.fixture(scope="module")
def whole() -> tuple[dict[str, int], int]:
    return _default_dictionary()


@pytest.fixture(scope="module")
def table(whole: tuple[dict[str, int], int], tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("jieba") / "dict.sqlite"
    write_table(path, whole[0], whole[1])
    return path


def tokenizer(freq: object, total: int) -> jieba.Tokenizer:
    tok = jieba.Tokenizer()
    tok.FREQ, tok.total, tok.initialized = freq, total, True
    return tok


def test_lookups_give_the_tokens_and_frequencies_of_the_whole_dictionary(whole, table: Path) -> None:
    words, total = whole
    full = tokenizer(dict(words), total)
    lazy = tokenizer(LazyFrequencies(Dictionary(total=read_total(table) or 0, path=table)), total)
    for tok in (full, lazy):
        for name in NAMES:  # add_word suggests a frequency from the dictionary: it must come out the same
            tok.add_word(name)
    assert lazy.total == full.total
    for text in SENTENCES + NAMES:
        assert lazy.lcut(text) == full.lcut(text)
        assert lazy.lcut(text, HMM=False) == full.lcut(text, HMM=False)
        assert list(lazy.cut_for_search(text)) == list(full.cut_for_search(text))
    assert lazy.FREQ.get("青禾镇") == full.FREQ["青禾镇"] and "青禾" in lazy.FREQ
    assert lazy.FREQ.get("不是一个词语吧", 7) == 7 and "不是一个词语吧" not in lazy.FREQ


def test_words_one_tokenizer_adds_never_reach_another(table: Path) -> None:
    shared = Dictionary(total=read_total(table) or 0, path=table)
    one, other = LazyFrequencies(shared), LazyFrequencies(shared)
    one["青禾镇"] = 9
    assert one["青禾镇"] == 9 and "青禾镇" not in other
    with pytest.raises(KeyError):
        other["青禾镇"]


def test_many_lookups_read_the_dictionary_whole_once(monkeypatch, whole, table: Path) -> None:
    monkeypatch.setattr(word_freq, "FULL_LOAD_AFTER", 20)
    reads: list[int] = []

    def read_all() -> dict[str, int]:
        reads.append(1)
        return whole[0]

    shared = Dictionary(total=whole[1], path=table, read_all=read_all)
    freq = LazyFrequencies(shared)
    lazy, full = tokenizer(freq, whole[1]), tokenizer(dict(whole[0]), whole[1])
    assert lazy.lcut(SENTENCES[0]) == full.lcut(SENTENCES[0])
    assert shared.in_memory and reads == [1]
    assert [lazy.lcut(t) for t in SENTENCES] == [full.lcut(t) for t in SENTENCES]
    assert reads == [1]


def test_a_new_tokenizer_looks_words_up_until_the_dictionary_is_read_whole() -> None:
    from govqa.index.words import dictionary

    tok = new_tokenizer()
    assert isinstance(tok.FREQ, dict if dictionary().in_memory else LazyFrequencies)
    assert tok.lcut("政府信息公开申请") and "政府" in tok.FREQ


def test_an_absent_or_broken_file_has_no_total(tmp_path: Path) -> None:
    assert read_total(tmp_path / "absent.sqlite") is None
    broken = tmp_path / "broken.sqlite"
    broken.write_bytes(b"not a database at all" * 10)
    assert read_total(broken) is None


def test_once_read_whole_every_tokenizer_gets_a_plain_dict_with_its_own_words(monkeypatch, whole, table: Path) -> None:
    from govqa.index import words

    shared = Dictionary(total=whole[1], path=table, read_all=lambda: whole[0], on_read_whole=words._settle)
    monkeypatch.setattr(words, "dictionary", lambda: shared)
    tok, other = new_tokenizer(), new_tokenizer()
    tok.add_word("青禾镇")
    full = tokenizer(dict(whole[0]), whole[1])
    full.add_word("青禾镇")
    before = tok.lcut(SENTENCES[0] + NAMES[1])
    assert isinstance(tok.FREQ, LazyFrequencies) and isinstance(other.FREQ, LazyFrequencies)
    words.preload()
    assert type(tok.FREQ) is dict and type(other.FREQ) is dict
    assert tok.FREQ["青禾镇"] == full.FREQ["青禾镇"] and "青禾镇" not in other.FREQ
    assert tok.lcut(SENTENCES[0] + NAMES[1]) == before == full.lcut(SENTENCES[0] + NAMES[1])
