"""The accuracy bars of the full question set (eval/questions.jsonl) over the bundled samples: CI fails below them."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from qa.cli import main

QUESTIONS = Path(__file__).resolve().parents[2] / "eval" / "questions.jsonl"
BARS = ("table=0.98", "compare=0.95", "refuse=1.0", "narrative=0.90", "follow-up=0.90")

pytestmark = pytest.mark.integration


def test_every_kind_meets_its_bar() -> None:
    """`govqa eval eval/questions.jsonl --min …` exits 0; on failure the per-kind table is shown."""
    args = ["eval", str(QUESTIONS)]
    for bar in BARS:
        args += ["--min", bar]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, f"bars not met (exit {result.exit_code}):\n{result.output}"
    for kind in ("table", "compare", "narrative", "refuse", "follow-up"):
        assert kind in result.output, f"kind {kind!r} missing from the summary:\n{result.output}"


LAYOUT_QUESTIONS = QUESTIONS.parent / "questions_layouts.jsonl"
LAYOUT_FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "layouts"


def test_layout_fixture_questions_meet_the_bars() -> None:
    """Questions over the layout fixtures (2021 format, mixed template, 元 amounts, one-line, run-together digits)."""
    args = ["eval", str(LAYOUT_QUESTIONS), "--with", str(LAYOUT_FIXTURES)]
    for bar in ("table=0.98", "refuse=1.0", "compare=0.95", "narrative=0.90"):
        args += ["--min", bar]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, f"bars not met (exit {result.exit_code}):\n{result.output}"
