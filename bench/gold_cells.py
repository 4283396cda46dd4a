"""Parsed cells against hand-written gold cells of real reports: how many gold cells the parser reads right.

    python bench/gold_cells.py /work/gold /work/shared/corpus
    python bench/gold_cells.py tests/fixtures/corpus_gold ../shared/corpus --out bench/results/gold_cells.json

Each gold file `<name>.cells.json` ({"file", "cells": [{table,row,col,value}], "uncertain": [{table,row,col,…}]})
names a corpus file. Per file it prints: gold cells, cells read with the gold value (match), with another value
(wrong), not read (missing), read but not in gold (extra; `guessed` when gold lists the cell as uncertain, i.e.
the parser filled a cell the report does not decide), and the total; a file the parser crashes on counts 0.
"""

from __future__ import annotations

import json
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path

import click

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from govqa.core.config import Settings  # noqa: E402
from govqa.index.loaders import load_file  # noqa: E402
from govqa.index.normalize import normalize_text  # noqa: E402
from govqa.index.tables import parse_tables  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results" / "gold_cells.json"
Key = tuple[str, str, str]


@dataclass
class FileScore:
    """How one file's parsed cells compare with its gold cells."""

    file: str
    gold: int = 0
    match: int = 0
    wrong: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    guessed: list[str] = field(default_factory=list)  # cells gold lists as uncertain that the parser filled
    error: str = ""

    @property
    def share(self) -> float:
        """Matched gold cells over gold cells."""
        return self.match / self.gold if self.gold else 1.0


def _name(key: Key) -> str:
    return "/".join(key)


def parsed_cells(path: Path) -> dict[Key, float]:
    """The cells parse_tables reads from one report file, as the ingest pipeline reads them."""
    text = normalize_text(load_file(path, settings=Settings()).text)
    return {(c.table, c.row, c.col): c.value for c in parse_tables(text).cells}


def score_file(gold_path: Path, corpus: Path) -> FileScore:
    """Compare one gold file with the parser's cells for the corpus file it names."""
    gold_doc = json.loads(gold_path.read_text(encoding="utf-8"))
    gold = {(c["table"], c["row"], c["col"]): float(c["value"]) for c in gold_doc["cells"]}
    uncertain = {(u["table"], u["row"], u["col"]) for u in gold_doc.get("uncertain", [])}
    score = FileScore(gold_doc["file"], gold=len(gold))
    try:
        got = parsed_cells(corpus / gold_doc["file"])
    except Exception as exc:  # noqa: BLE001 — a crash is a result to report, not a reason to stop
        score.error = f"{type(exc).__name__}: {exc}"
        score.missing = sorted(map(_name, gold))
        return score
    for key, value in sorted(gold.items()):
        if key not in got:
            score.missing.append(_name(key))
        elif abs(got[key] - value) <= 1e-6:
            score.match += 1
        else:
            score.wrong.append(f"{_name(key)}: {got[key]:g} (gold {value:g})")
    for key in sorted(set(got) - set(gold)):
        (score.guessed if key in uncertain else score.extra).append(f"{_name(key)}: {got[key]:g}")
    return score


def score_folder(gold_dir: Path, corpus: Path) -> list[FileScore]:
    """Scores of every gold file in gold_dir, by file name."""
    paths = sorted(gold_dir.glob("*.cells.json"))
    if not paths:
        raise click.ClickException(f"{gold_dir}: no *.cells.json gold files")
    return [score_file(p, corpus) for p in paths]


@click.command()
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.argument("corpus", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--out", type=click.Path(path_type=Path), default=RESULTS, show_default=True, help="Where to write JSON.")
@click.option("--verbose", "-v", is_flag=True, help="List every wrong, missing and extra cell.")
@click.option("--first", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="An earlier result JSON (e.g. the first run) whose total is recorded beside this one.")
def main(gold_dir: Path, corpus: Path, out: Path, verbose: bool, first: Path | None) -> None:
    """Print per-file and total matches of parsed cells against gold cells."""
    scores = score_folder(gold_dir, corpus)
    click.echo(f"{'file':<34} {'gold':>5} {'match':>5} {'wrong':>5} {'miss':>5} {'extra':>5} {'guess':>5}  share")
    for s in scores:
        click.echo(f"{s.file:<34} {s.gold:>5} {s.match:>5} {len(s.wrong):>5} {len(s.missing):>5} {len(s.extra):>5} "
                   f"{len(s.guessed):>5}  {s.share:.1%}{'  CRASH ' + s.error if s.error else ''}")
        if verbose:
            for label, items in (("wrong", s.wrong), ("missing", s.missing), ("extra", s.extra), ("guessed", s.guessed)):
                for item in items:
                    click.echo(f"    {label:<8}{item}")
    gold, match = sum(s.gold for s in scores), sum(s.match for s in scores)
    click.echo(f"{'TOTAL':<34} {gold:>5} {match:>5} {sum(len(s.wrong) for s in scores):>5} "
               f"{sum(len(s.missing) for s in scores):>5} {sum(len(s.extra) for s in scores):>5} "
               f"{sum(len(s.guessed) for s in scores):>5}  {match / gold:.1%}")
    doc = {"gold_dir": str(gold_dir), "corpus": str(corpus), "files": len(scores), "gold": gold, "match": match,
           "share": round(match / gold, 4), "crashed": [s.file for s in scores if s.error],
           "per_file": [{**asdict(s), "share": round(s.share, 4)} for s in scores]}
    if first is not None:
        earlier = json.loads(first.read_text(encoding="utf-8"))
        doc["first_run"] = {k: earlier[k] for k in ("gold", "match", "share")}
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    click.echo(f"wrote {out}")


if __name__ == "__main__":
    main()
