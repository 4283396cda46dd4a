"""Answer accuracy of govqa beside the plain-RAG baseline, on every question set, in one run each.

    python -m bench.eval [--no-baseline] [--sets questions,layouts]   # writes bench/results/eval.json
    python -m bench.eval --score-only                                 # re-score the saved answers, no asking

Each set is run through `govqa eval FILE --json [--baseline] --answers bench/.work/answers/NAME.json` in a fresh
data folder, so every row is one run: the same questions, the same reports, govqa's strict and old (substring)
accuracy and the baseline's top-5 hit rate side by side. ``--score-only`` scores the answers saved by the last
run again (``govqa eval --score-answers``), e.g. after a scorer change; the answer files (which hold the stored
report texts) stay out of the repository.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from bench.common import commit, write_result
from govqa.qa.cli import main as govqa

ROOT = Path(__file__).resolve().parent.parent
CORPUS = "../shared/corpus"
SETS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("questions", "eval/questions.jsonl", ()),
    ("paraphrase_dev", "eval/sets/paraphrase_dev.jsonl", ()),
    ("paraphrase_dev2", "eval/sets/paraphrase_dev2.jsonl", ("index/samples", CORPUS)),
    ("paraphrase_dev3", "eval/sets/paraphrase_dev3.jsonl", ("index/samples", CORPUS)),
    ("paraphrase_dev4", "eval/sets/paraphrase_dev4.jsonl", ("index/samples", CORPUS)),
    ("paraphrase_dev5", "eval/sets/paraphrase_dev5.jsonl", ("index/samples", CORPUS)),
    ("layouts", "eval/questions_layouts.jsonl", ("tests/fixtures/layouts",)),
    ("corpus_dev_a", "eval/sets/corpus_dev_a.jsonl", (CORPUS,)),
    ("corpus_dev_b", "eval/sets/corpus_dev_b.jsonl", (CORPUS,)),
    ("corpus_dev_c", "eval/sets/corpus_dev_c.jsonl", (CORPUS,)),
    ("citizen_dev", "eval/sets/citizen_dev.jsonl", ("index/samples", CORPUS)),
    ("trend_dev", "eval/sets/trend_dev.jsonl", ("index/samples", CORPUS)),
    ("indicators_dev", "eval/sets/indicators_dev.jsonl", ("index/samples", CORPUS)),
    ("corpus_dev_d", "eval/sets/corpus_dev_d.jsonl", (CORPUS,)),
    ("citizen_dev2", "eval/sets/citizen_dev2.jsonl", ("index/samples", CORPUS)),
    ("indicators_dev2", "eval/sets/indicators_dev2.jsonl", ("index/samples", CORPUS)),
    ("trend_dev2", "eval/sets/trend_dev2.jsonl", ("index/samples", CORPUS)),
    ("corpus_dev_e", "eval/sets/corpus_dev_e.jsonl", (CORPUS,)),
    ("citizen_dev3", "eval/sets/citizen_dev3.jsonl", ("index/samples", CORPUS)),
    ("indicators_dev3", "eval/sets/indicators_dev3.jsonl", ("index/samples", CORPUS)),
    ("trend_dev3", "eval/sets/trend_dev3.jsonl", ("index/samples", CORPUS)),
    ("corpus_dev_f", "eval/sets/corpus_dev_f.jsonl", (CORPUS,)),
    ("citizen_dev4", "eval/sets/citizen_dev4.jsonl", ("index/samples", CORPUS)),
    ("indicators_dev4", "eval/sets/indicators_dev4.jsonl", ("index/samples", CORPUS)),
    ("trend_dev4", "eval/sets/trend_dev4.jsonl", ("index/samples", CORPUS)),
    ("corpus_dev_g", "eval/sets/corpus_dev_g.jsonl", (CORPUS,)),
    ("citizen_dev5", "eval/sets/citizen_dev5.jsonl", ("index/samples", CORPUS)),
    ("indicators_dev5", "eval/sets/indicators_dev5.jsonl", ("index/samples", CORPUS)),
    ("trend_dev5", "eval/sets/trend_dev5.jsonl", ("index/samples", CORPUS)),
    ("corpus_dev_h", "eval/sets/corpus_dev_h.jsonl", (CORPUS,)),
    ("citizen_dev6", "eval/sets/citizen_dev6.jsonl", ("index/samples", CORPUS)),
    ("indicators_dev6", "eval/sets/indicators_dev6.jsonl", ("index/samples", CORPUS)),
    ("trend_dev6", "eval/sets/trend_dev6.jsonl", ("index/samples", CORPUS)),
    ("corpus_test7", "eval/sets/corpus_test7.jsonl", (CORPUS,)),
    ("citizen_test7", "eval/sets/citizen_test7.jsonl", ("index/samples", CORPUS)),
    ("indicators_dev7", "eval/sets/indicators_dev7.jsonl", ("index/samples", CORPUS)),
    ("trend_test7", "eval/sets/trend_test7.jsonl", ("index/samples", CORPUS)),
    ("citizen_dev7", "eval/sets/citizen_dev7.jsonl", ("index/samples", CORPUS)),
    ("indicators_dev8", "eval/sets/indicators_dev8.jsonl", ("index/samples", CORPUS)),
    ("citizen_dev8", "eval/sets/citizen_dev8.jsonl", ("index/samples", CORPUS)),
    ("indicators_dev9", "eval/sets/indicators_dev9.jsonl", ("index/samples", CORPUS)),
    ("citizen_dev9", "eval/sets/citizen_dev9.jsonl", ("index/samples", CORPUS)),
    ("indicators_dev10", "eval/sets/indicators_dev10.jsonl", ("index/samples", CORPUS)),
    ("citizen_dev10", "eval/sets/citizen_dev10.jsonl", ("index/samples", CORPUS)),
    ("indicators_dev11", "eval/sets/indicators_dev11.jsonl", ("index/samples", CORPUS)),
    ("citizen_dev11", "eval/sets/citizen_dev11.jsonl", ("index/samples", CORPUS)),
    ("indicators_dev12", "eval/sets/indicators_dev12.jsonl", ("index/samples", CORPUS)),
    ("citizen_dev12", "eval/sets/citizen_dev12.jsonl", ("index/samples", CORPUS)),
    ("indicators_dev13", "eval/sets/indicators_dev13.jsonl", ("index/samples", CORPUS)),
    ("citizen_dev13", "eval/sets/citizen_dev13.jsonl", ("index/samples", CORPUS)),
    ("indicators_dev14", "eval/sets/indicators_dev14.jsonl", ("index/samples", CORPUS)),
    ("citizen_dev14", "eval/sets/citizen_dev14.jsonl", ("index/samples", CORPUS)),
    ("indicators_dev15", "eval/sets/indicators_dev15.jsonl", ("index/samples", CORPUS)),
    ("citizen_dev15", "eval/sets/citizen_dev15.jsonl", ("index/samples", CORPUS)),
    ("indicators_dev16", "eval/sets/indicators_dev16.jsonl", ("index/samples", CORPUS)),
    ("citizen_dev16", "eval/sets/citizen_dev16.jsonl", ("index/samples", CORPUS)),
    ("indicators_dev17", "eval/sets/indicators_dev17.jsonl", ("index/samples", CORPUS)),
    ("citizen_dev17", "eval/sets/citizen_dev17.jsonl", ("index/samples", CORPUS)),
    ("indicators_dev18", "eval/sets/indicators_dev18.jsonl", ("index/samples", CORPUS)),
    ("citizen_dev18", "eval/sets/citizen_dev18.jsonl", ("index/samples", CORPUS)),
    ("citizen_dev19", "eval/sets/citizen_dev19.jsonl", ("index/samples", CORPUS)),
    ("citizen_test23", "eval/sets/citizen_test23.jsonl", ("index/samples", CORPUS)),
)
ANSWERS = ROOT / "bench" / ".work" / "answers"


def run_set(path: str, extra: tuple[str, ...], home: Path, *, answers: Path, baseline: bool,
            score_only: bool) -> dict[str, Any]:
    """One `govqa eval --json` run over a fresh home (or a re-scoring of the saved answers)."""
    args = ["--home", str(home), "eval", str(ROOT / path), "--json"]
    args += ["--score-answers", str(answers)] if score_only else ["--answers", str(answers)]
    args += ["--baseline"] if baseline and not score_only else []
    for e in extra:
        args += ["--with", str((ROOT / e).resolve())]
    result = CliRunner().invoke(govqa, args, catch_exceptions=False)
    if result.exit_code not in (0, 1):
        raise SystemExit(f"govqa eval {path} failed ({result.exit_code}):\n{result.output}")
    start = result.output.index("{")
    return json.loads(result.output[start:])


def main(argv: list[str] | None = None) -> int:
    """Run every set, print a table, write bench/results/eval.json."""
    parser = argparse.ArgumentParser(prog="python -m bench.eval", description=__doc__.splitlines()[0])
    parser.add_argument("--no-baseline", action="store_true", help="skip the plain-RAG baseline (faster)")
    parser.add_argument("--score-only", action="store_true", help="score the answers saved by the last run again")
    parser.add_argument("--sets", default="", help="comma-separated set names (default: every set present)")
    parser.add_argument("--result", default="eval", help="result name: bench/results/NAME.json (default eval; "
                        "eval_release: the release's runs of the corpus and new sets, rendered as their own section)")
    args = parser.parse_args(argv)
    wanted = {s.strip() for s in args.sets.split(",") if s.strip()}
    ANSWERS.mkdir(parents=True, exist_ok=True)
    sets = []
    for name, path, extra in SETS:
        if (wanted and name not in wanted) or not (ROOT / path).is_file():
            continue
        answers = ANSWERS / f"{name}.json"
        with tempfile.TemporaryDirectory(prefix="govqa-bench-eval-") as tmp:
            doc = run_set(path, extra, Path(tmp), answers=answers, baseline=not args.no_baseline,
                          score_only=args.score_only)
        sets.append({"name": name, "questions": path, "with": list(extra), "set": doc.get("set", ""),
                     "scorer": doc.get("scorer"), "accuracy": doc["accuracy"], "latency": doc["latency"],
                     "failures": [{"id": f["id"], "kind": f["kind"], "problems": f.get("problems", [])}
                                  for f in doc["failures"]]})
        for row in doc["accuracy"]:
            base = row.get("baseline_hit_rate")
            print(f"{name:16} {row['kind']:10} {row['passed']:>4}/{row['n']:<4} strict {row['accuracy']:6.1%}  "
                  f"old {row.get('old_accuracy', float('nan')):6.1%}  baseline {'n/a' if base is None else f'{base:6.1%}'}")
    print(f"written {write_result(args.result, {'sets': sets, 'baseline': not args.no_baseline, 'commit': commit(), 'score_only': args.score_only})}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
