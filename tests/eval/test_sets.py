"""The set manifest (eval/sets.toml): every question set has a role, and `govqa eval` says which set is which."""

from __future__ import annotations

from pathlib import Path

from govqa.eval.build_questions import ORDER
from govqa.eval.sets import MANIFEST, describe_set, load_manifest

ROOT = Path(__file__).resolve().parents[2]


def test_every_question_set_has_a_role() -> None:
    listed = {(ROOT / e.file).resolve() for e in load_manifest()}
    components = {(ROOT / "eval" / "sets" / f"{name}.jsonl").resolve() for name in ORDER}
    files = {p.resolve() for p in [*ROOT.glob("eval/*.jsonl"), *ROOT.glob("eval/sets/*.jsonl")]}
    assert files - listed - components == set()


def test_tuned_sets_are_dev() -> None:
    roles = {Path(e.file).name: e.role for e in load_manifest()}
    assert roles["paraphrase_dev.jsonl"] == "dev" and roles["narrative_paraphrase_dev.jsonl"] == "dev"
    # former test sets whose failures were fixed against are renamed *_dev and labelled dev
    assert all(role == "dev" for name, role in roles.items() if "dev" in name)
    assert not any("holdout" in e.file for e in load_manifest())


def test_describe_set_names_the_role(tmp_path: Path) -> None:
    assert "DEV set" in describe_set(ROOT / "eval" / "sets" / "corpus_dev_c.jsonl")
    assert "DEV set" in describe_set(Path("/elsewhere/corpus_dev_a.jsonl"))  # found by its file name
    assert "67.5%" in describe_set(ROOT / "eval" / "sets" / "paraphrase_dev.jsonl")
    assert "not in eval/sets.toml" in describe_set(tmp_path / "mine.jsonl")
    bad = tmp_path / "sets.toml"
    bad.write_text('[[set]]\nfile = "x.jsonl"\nrole = "holdout"\n', encoding="utf-8")
    assert "role unknown" in describe_set(tmp_path / "x.jsonl", bad)
    held = tmp_path / "held.toml"
    held.write_text('[[set]]\nfile = "t.jsonl"\nrole = "test"\n', encoding="utf-8")
    assert "TEST set" in describe_set(tmp_path / "t.jsonl", held)
    assert MANIFEST.is_file()
