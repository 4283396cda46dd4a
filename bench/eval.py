"""Answer accuracy of govqa beside the plain-RAG baseline, on every question set, in one run each.

    python -m bench.eval             # writes bench/results/eval.json (then: python -m bench.report)

Each set is run through `govqa eval FILE --json --baseline` in a fresh data folder, so every row is one run:
the same questions, the same reports, govqa's accuracy and the baseline's top-5 hit rate side by side.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from bench.common import write_result
from qa.cli import main as govqa

ROOT = Path(__file__).resolve().parent.parent
SETS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("questions", "eval/questions.jsonl", ()),
    ("holdout2", "eval/holdout2.jsonl", ()),
    ("layout fixtures", "eval/questions_layouts.jsonl", ("tests/fixtures/layouts",)),
)


def run_set(path: str, extra: tuple[str, ...], home: Path) -> dict[str, Any]:
    """One `govqa eval --json --baseline` run over a fresh home."""
    args = ["--home", str(home), "eval", str(ROOT / path), "--json", "--baseline"]
    for e in extra:
        args += ["--with", str(ROOT / e)]
    result = CliRunner().invoke(govqa, args, catch_exceptions=False)
    if result.exit_code not in (0, 1):
        raise SystemExit(f"govqa eval {path} failed ({result.exit_code}):\n{result.output}")
    start = result.output.index("{")
    return json.loads(result.output[start:])


def main(argv: list[str] | None = None) -> int:
    """Run every set, print a table, write bench/results/eval.json."""
    parser = argparse.ArgumentParser(prog="python -m bench.eval", description=__doc__.splitlines()[0])
    parser.parse_args(argv)
    sets = []
    for name, path, extra in SETS:
        with tempfile.TemporaryDirectory(prefix="govqa-bench-eval-") as tmp:
            doc = run_set(path, extra, Path(tmp))
        sets.append({"name": name, "questions": path, "with": list(extra), "accuracy": doc["accuracy"],
                     "latency": doc["latency"], "failures": [f["id"] for f in doc["failures"]]})
        for row in doc["accuracy"]:
            base = row.get("baseline_hit_rate")
            print(f"{name:20} {row['kind']:10} {row['passed']:>4}/{row['n']:<4} govqa {row['accuracy']:6.1%}  "
                  f"baseline {'n/a' if base is None else f'{base:6.1%}'}")
    print(f"written {write_result('eval', {'sets': sets})}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
