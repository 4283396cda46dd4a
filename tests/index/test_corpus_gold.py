"""The table parser on the real corpus (read in place at <repo>/../shared/corpus) against hand-written gold cells.

The gold files (tests/fixtures/corpus_gold/*.cells.json) were written by someone who never read the parser; a
cell the gold lists as uncertain must not be filled by the parser (it leaves such cells out as ambiguous).
Nothing is skipped: a missing gold folder or corpus fails.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.gold_cells import parsed_cells, score_folder

ROOT = Path(__file__).parents[2]
GOLD = ROOT / "tests" / "fixtures" / "corpus_gold"
CORPUS = ROOT.parent / "shared" / "corpus"
BOUNDS = ROOT / "tests" / "fixtures" / "corpus_gold_bounds.json"  # uncertain gold cells a template bound decides
MIN_SHARE = 0.99  # gold cells read with the gold value, over all gold cells (3340/3361 when written)


def test_gold_and_corpus_are_there() -> None:
    assert sorted(GOLD.glob("*.cells.json")), f"{GOLD}: no gold files"
    assert len(sorted(CORPUS.glob("*.txt"))) >= 32, f"{CORPUS}: the real corpus is not there"


def test_parsed_cells_match_gold_and_never_guess() -> None:
    scores = score_folder(GOLD, CORPUS)
    assert [s.file for s in scores if s.error] == []
    assert {s.file: s.wrong for s in scores if s.wrong} == {}
    decided = {(c["file"], f"{c['table']}/{c['row']}/{c['col']}: {c['value']:g}")
               for c in json.loads(BOUNDS.read_text(encoding="utf-8"))["cells"]}
    guessed = {s.file: [g for g in s.guessed if (s.file, g) not in decided] for s in scores}
    assert {f: g for f, g in guessed.items() if g} == {}  # an undecidable cell is left out, not guessed
    assert {s.file: s.extra for s in scores if s.extra} == {}
    share = sum(s.match for s in scores) / sum(s.gold for s in scores)
    assert share >= MIN_SHARE, [(s.file, s.share) for s in scores if s.share < 1]


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.txt")), ids=lambda p: p.name)
def test_no_corpus_file_crashes_the_parser(path: Path) -> None:
    parsed_cells(path)  # raises on a crash; a table the parser fails on would be a parse finding instead
