"""The question-set manifest (eval/sets.toml): each set's role (dev | test), who wrote it, its first-run figure.

    >>> describe_set(Path("eval/sets/corpus_test2.jsonl"))
    'set corpus_test2.jsonl: TEST set — written by …; never tune on it (eval/README.md) …'

Roles are explained in eval/README.md: dev sets may be studied and fixed against; test sets are run once per
release and never used to choose a fix.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

MANIFEST = Path(__file__).resolve().parent / "sets.toml"
ROLES = ("dev", "test")


@dataclass(frozen=True)
class SetInfo:
    """One manifest entry."""

    file: str  # path relative to the repository root
    role: str  # dev | test
    written_by: str = "unknown"
    first_run: str = "not recorded"  # e.g. "67.5% (27/40), old scorer"
    first_run_date: str = "unknown"
    reports: str = ""  # what the questions are about, e.g. "bundled samples" or "../shared/corpus (--with)"
    note: str = ""


def load_manifest(path: Path = MANIFEST) -> list[SetInfo]:
    """Every set of the manifest; raises ValueError naming a bad entry."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    out = []
    for i, entry in enumerate(data.get("set", []), start=1):
        if entry.get("role") not in ROLES or not entry.get("file"):
            raise ValueError(f"{path}: set #{i} needs a file and a role in {ROLES}; got {entry!r}")
        known = set(SetInfo.__dataclass_fields__)
        out.append(SetInfo(**{k: str(v) for k, v in entry.items() if k in known}))
    return out


def find_set(questions: Path, manifest: Path = MANIFEST) -> SetInfo | None:
    """The manifest entry of a question file (by its path under the repository, else by its file name)."""
    root = manifest.resolve().parent.parent
    entries = load_manifest(manifest)
    resolved = questions.resolve()
    for entry in entries:
        if (root / entry.file).resolve() == resolved:
            return entry
    same_name = [e for e in entries if Path(e.file).name == questions.name]
    return same_name[0] if len(same_name) == 1 else None


def describe_set(questions: Path, manifest: Path = MANIFEST) -> str:
    """One line saying which set this is: its role, author and first-run figure (or that it is not in the manifest)."""
    try:
        entry = find_set(questions, manifest)
    except (OSError, ValueError) as exc:
        return f"set {questions.name}: role unknown ({exc})"
    if entry is None:
        return f"set {questions.name}: not in eval/sets.toml, role unknown"
    rule = ("TEST set — run once per release, never used to choose a fix (eval/README.md)" if entry.role == "test"
            else "DEV set — may be studied and fixed against")
    return (f"set {Path(entry.file).name}: {rule}; written by {entry.written_by}; first run {entry.first_run} "
            f"on {entry.first_run_date}" + (f"; {entry.note}" if entry.note else ""))
