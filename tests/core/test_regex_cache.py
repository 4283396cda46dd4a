"""Compiled patterns kept between processes: the second compile reuses the first's code and matches the same."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from govqa.core import regex_cache

PATTERNS = [(r"(?P<year>20\d{2})年(?:度)?(?P<agency>[\u4e00-\u9fff]{2,12}?(?:局|厅|镇|街道))", 0),
            (r"收到|受理|接到|接收(?=.{0,6}申请)", 0),
            (r"^\s*[（(]?[一二三四五六七八九十]+[）)、.]", re.MULTILINE),
            (r"total\s*=\s*(\d+)", re.IGNORECASE),
            (r"[^\w]+|(?:多少|几)\w?", re.ASCII)]
TEXTS = ["2021年度青禾镇收到申请12件", "  （三）接收群众来信申请", "TOTAL = 42", "多少件？几个", "\n十、其他"]


@pytest.fixture
def cache(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "re.marshal"
    yield path
    regex_cache.uninstall()
    re.purge()


def outcomes(pattern: re.Pattern[str]) -> list[object]:
    return [pattern.groupindex == {}, dict(pattern.groupindex), pattern.groups, pattern.flags,
            *[(m.span(), m.groups(), m.groupdict()) for t in TEXTS for m in pattern.finditer(t)]]


def test_a_cached_pattern_matches_as_a_freshly_compiled_one(cache: Path) -> None:
    expected = [outcomes(re.compile(p, f)) for p, f in PATTERNS]
    regex_cache.install(cache)
    re.purge()  # re's own per-process cache would answer before ours
    assert [outcomes(re.compile(p, f)) for p, f in PATTERNS] == expected
    regex_cache.save()
    assert cache.is_file()

    regex_cache.uninstall()  # what the next process does: read the file, compile nothing
    regex_cache.install(cache)
    re.purge()
    assert [outcomes(re.compile(p, f)) for p, f in PATTERNS] == expected
    assert regex_cache._installed["added"] == {}, "a pattern in the file was compiled again"


def test_a_broken_file_is_ignored_and_written_again(cache: Path) -> None:
    cache.write_bytes(b"\x00not marshal")
    regex_cache.install(cache)
    re.purge()
    assert re.compile(r"(\d+)件").findall("共12件、3件") == ["12", "3"]
    regex_cache.save()
    regex_cache.uninstall()
    regex_cache.install(cache)
    re.purge()
    assert re.compile(r"(\d+)件").findall("共7件") == ["7"] and regex_cache._installed["added"] == {}


def test_an_invalid_pattern_still_raises(cache: Path) -> None:
    regex_cache.install(cache)
    re.purge()
    with pytest.raises(re.error):
        re.compile(r"(unclosed")


def test_a_full_file_keeps_only_the_patterns_this_process_used(monkeypatch, cache: Path) -> None:
    monkeypatch.setattr(regex_cache, "MAX_ENTRIES", 3)
    regex_cache.install(cache)
    re.purge()
    for p, f in PATTERNS:
        re.compile(p, f)
    regex_cache.save()  # five patterns: more than the file keeps, all of them this process's
    regex_cache.uninstall()
    regex_cache.install(cache)
    re.purge()
    assert re.compile(*PATTERNS[0]).search(TEXTS[0]) and re.compile(r"新的\d+") is not None
    regex_cache.save()  # over the limit again: the one used and the one added stay
    assert len(regex_cache._read(cache)) == 2
