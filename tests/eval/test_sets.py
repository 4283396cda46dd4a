"""The set manifest (eval/sets.toml): every question set has a role, and `govqa eval` says which set is which."""

from __future__ import annotations

from pathlib import Path

from eval.build_questions import ORDER
from eval.sets import MANIFEST, describe_set, load_manifest

ROOT = Path(__file__).resolve().parents[2]


def test_every_question_set_has_a_role() -> None:
    listed = {(ROOT / e.file).resolve() for e in load_manifest()}
    components = {(ROOT / "eval" / "sets" / f"{name}.jsonl").resolve() for name in ORDER}
    files = {p.resolve() for p in [*ROOT.glob("eval/*.jsonl"), *ROOT.glob("eval/sets/*.jsonl")]}
    assert files - listed - components == set()


def test_tuned_sets_are_dev_and_the_corpus_test_set_is_test() -> None:
    roles = {Path(e.file).name: e.role for e in load_manifest()}
    assert roles["paraphrase_dev.jsonl"] == "dev" and roles["narrative_paraphrase_dev.jsonl"] == "dev"
    assert roles["corpus_test.jsonl"] == "test"
    assert not any("holdout" in e.file for e in load_manifest())


def test_describe_set_names_the_role(tmp_path: Path) -> None:
    assert "TEST set" in describe_set(ROOT / "eval" / "sets" / "corpus_test.jsonl")
    assert "DEV set" in describe_set(Path("/elsewhere/corpus_dev_a.jsonl"))  # found by its file name
    assert "67.5%" in describe_set(ROOT / "eval" / "sets" / "paraphrase_dev.jsonl")
    assert "not in eval/sets.toml" in describe_set(tmp_path / "mine.jsonl")
    bad = tmp_path / "sets.toml"
    bad.write_text('[[set]]\nfile = "x.jsonl"\nrole = "holdout"\n', encoding="utf-8")
    assert "role unknown" in describe_set(tmp_path / "x.jsonl", bad)
    assert MANIFEST.is_file()
