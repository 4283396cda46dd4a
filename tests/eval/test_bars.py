"""CI accuracy bars, strict scorer (eval/score.py), per kind on the dev sets: the measured level minus one question.

A bar is set only for a kind with at least 20 questions in its set (fewer would make one question a large step).
Measured strict levels (BENCHMARKS.md, the run that set them) and the kinds without a bar yet:

- eval/questions.jsonl (bundled samples): table 64/65, compare 27/27, narrative 75/78 have bars;
  refuse (17) and follow-up (15) have fewer than 20 questions: no bar yet.
- eval/questions_layouts.jsonl (layout fixtures): table has a bar; refuse (2), compare (1), narrative (2): no bar.
- eval/sets/paraphrase_dev.jsonl: no kind reaches 20 (narrative 16, table 12, compare 6, refuse 6): no bar.
- eval/sets/corpus_dev_a.jsonl, corpus_dev_b.jsonl (over ../shared/corpus): table (30) and narrative (20) have
  bars, at the level measured after the real-reports work (first strict run: 6/85 and 5/85, BENCHMARKS.md);
  compare (10), refuse (13), follow-up (12): fewer than 20, no bar.
- test sets (role "test" in eval/sets.toml) never get a bar: they are run once per release (eval/README.md).
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from click.testing import CliRunner

from govqa.qa.cli import main

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus"
MIN_QUESTIONS = 20

# set → (question file, --with folders, {kind: (strict passed, questions) as measured})
MEASURED: dict[str, tuple[Path, tuple[Path, ...], dict[str, tuple[int, int]]]] = {
    "questions": (ROOT / "eval" / "questions.jsonl", (),
                  {"table": (64, 65), "compare": (27, 27), "narrative": (75, 78), "refuse": (17, 17),
                   "follow-up": (14, 15)}),
    "layouts": (ROOT / "eval" / "questions_layouts.jsonl", (ROOT / "tests" / "fixtures" / "layouts",),
                {"table": (23, 23), "refuse": (2, 2), "compare": (1, 1), "narrative": (2, 2)}),
    "corpus_dev_a": (ROOT / "eval" / "sets" / "corpus_dev_a.jsonl", (CORPUS,),
                     {"table": (29, 30), "narrative": (20, 20), "compare": (10, 10), "follow-up": (11, 12),
                      "refuse": (13, 13)}),
    "corpus_dev_b": (ROOT / "eval" / "sets" / "corpus_dev_b.jsonl", (CORPUS,),
                     {"table": (29, 30), "narrative": (20, 20), "compare": (10, 10), "follow-up": (12, 12),
                      "refuse": (13, 13)}),
}

pytestmark = pytest.mark.integration


def bars(measured: dict[str, tuple[int, int]]) -> list[str]:
    """``--min KIND=RATIO`` specs: (passed - 1) / n, rounded down, for kinds with at least 20 questions."""
    return [f"{kind}={math.floor((passed - 1) / n * 1e6) / 1e6}"
            for kind, (passed, n) in measured.items() if n >= MIN_QUESTIONS]


def test_bars_only_for_kinds_with_enough_questions() -> None:
    assert bars({"table": (64, 65), "refuse": (17, 17)}) == ["table=0.96923"]
    assert bars({"follow-up": (15, 15)}) == []


@pytest.mark.parametrize("name", sorted(MEASURED))
def test_dev_set_meets_its_strict_bars(name: str) -> None:
    """`govqa eval SET --min …` exits 0 (strict figures); on failure the per-kind table and failures are shown."""
    path, extra, measured = MEASURED[name]
    missing = [p for p in (path, *extra) if not p.exists()]
    if missing:
        pytest.skip(f"not here: {', '.join(map(str, missing))}")
    args = ["eval", str(path)]
    for folder in extra:
        args += ["--with", str(folder)]
    for bar in bars(measured):
        args += ["--min", bar]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, f"bars not met (exit {result.exit_code}):\n{result.output}"
    assert "strict accuracy" in result.output and "DEV set" in result.output
