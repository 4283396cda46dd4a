"""Assemble eval/questions.jsonl from eval/sets/*.jsonl in a fixed order, checking every line.

    python -m eval.build_questions          # writes eval/questions.jsonl
    python -m eval.build_questions --check  # exit 1 when questions.jsonl is not what the sets give

Order: the kinds in ORDER first, then any other set by file name. Lines are copied as written (extra fields such
as agency, year and evidence kept); ids must be unique across all sets.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from govqa.core.errors import InvalidQuestionSet
from govqa.eval.questions import parse_lines

EVAL_DIR = Path(__file__).resolve().parent
ORDER = ("table", "compare", "narrative", "narrative_paraphrase_dev", "refuse", "followup")


def set_files(sets_dir: Path) -> list[Path]:
    """The set files in assembly order: only the sets over the bundled samples (ORDER); the other sets of
    eval/sets (paraphrase_dev, the corpus sets) are run on their own (eval/sets.toml)."""
    return [sets_dir / f"{name}.jsonl" for name in ORDER if (sets_dir / f"{name}.jsonl").is_file()]


def assemble(sets_dir: Path) -> str:
    """The concatenated, checked JSONL text of every set (raises InvalidQuestionSet naming file and line)."""
    lines: list[str] = []
    first_seen: dict[str, str] = {}
    for path in set_files(sets_dir):
        raw = path.read_text(encoding="utf-8").splitlines()
        for number, item in zip((n for n, line in enumerate(raw, 1) if line.strip()), parse_lines(raw, source=str(path)), strict=True):
            where = f"{path.name}:{number}"
            if item.id in first_seen:
                raise InvalidQuestionSet(f"{where}: duplicate id {item.id!r} (first in {first_seen[item.id]})")
            first_seen[item.id] = where
            lines.append(raw[number - 1].strip())
    if not lines:
        raise InvalidQuestionSet(f"{sets_dir}: no question sets (*.jsonl)")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Write (or --check) eval/questions.jsonl; returns the exit code."""
    parser = argparse.ArgumentParser(prog="python -m eval.build_questions", description=__doc__.splitlines()[0])
    parser.add_argument("--sets", type=Path, default=EVAL_DIR / "sets")
    parser.add_argument("--out", type=Path, default=EVAL_DIR / "questions.jsonl")
    parser.add_argument("--check", action="store_true", help="only compare with the existing file")
    args = parser.parse_args(argv)
    try:
        text = assemble(args.sets)
    except InvalidQuestionSet as exc:
        print(f"build_questions: {exc}", file=sys.stderr)
        return 2
    if args.check:
        same = args.out.is_file() and args.out.read_text(encoding="utf-8") == text
        print(f"{args.out}: {'up to date' if same else 'out of date, run python -m eval.build_questions'}")
        return 0 if same else 1
    args.out.write_text(text, encoding="utf-8")
    print(f"{args.out}: {text.count(chr(10))} questions from {len(set_files(args.sets))} sets")
    return 0


if __name__ == "__main__":
    sys.exit(main())
