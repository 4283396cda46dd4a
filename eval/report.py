"""Presenting an evaluation run: a console table, a JSON document, a markdown report with an SVG bar chart.

    >>> print(format_summary(result, baseline=rates))
    >>> Path("eval.md").write_text(markdown_report(result, baseline=rates, source="eval/questions.jsonl"))
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from html import escape
from typing import Any

from govqa.eval.run import EvalResult, ItemResult, KindScore

BaselineRates = Mapping[str, tuple[int, int]]  # kind → (hits, applicable questions), see eval.baseline.hit_rates

_BAR_COLORS = ("#2f6fb0", "#b0b0b0")


def _rate(rates: BaselineRates | None, kind: str) -> float | None:
    if rates is None or kind not in rates or rates[kind][1] == 0:
        return None
    hits, total = rates[kind]
    return hits / total


def accuracy_rows(result: EvalResult, baseline: BaselineRates | None = None) -> list[dict[str, Any]]:
    """One row per kind then "overall": kind, n, passed, accuracy, and the baseline's hit rate when given."""
    rows = []
    for k in (*result.kinds, result.overall):
        row: dict[str, Any] = {"kind": k.kind, "n": k.total, "passed": k.passed, "accuracy": round(k.ratio, 4)}
        if result.strict:
            old = _old_score(result, k.kind)
            row["old_passed"], row["old_accuracy"] = old.passed, round(old.ratio, 4)
        if baseline is not None:
            rate = _rate(baseline, k.kind)
            row["baseline_hit_rate"] = None if rate is None else round(rate, 4)
            row["baseline_n"] = baseline.get(k.kind, (0, 0))[1]
        rows.append(row)
    return rows


def _old_score(result: EvalResult, kind: str) -> KindScore:
    if kind == "overall" and result.old_overall is not None:
        return result.old_overall
    return next((k for k in result.old_kinds if k.kind == kind), KindScore(kind, 0, 0))


def _ms(seconds: float) -> str:
    return "—" if math.isnan(seconds) else f"{seconds * 1000:.0f}"


def text_table(headers: Sequence[str], rows: Sequence[Sequence[str]], *, markdown: bool = False) -> str:
    """An aligned plain-text table, or a markdown one."""
    if markdown:
        lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
        lines += ["| " + " | ".join(r) + " |" for r in rows]
        return "\n".join(lines)
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(headers)]
    fmt = "  ".join(f"{{:<{w}}}" for w in widths)
    return "\n".join([fmt.format(*headers), fmt.format(*("-" * w for w in widths))] + [fmt.format(*r) for r in rows])


def _accuracy_table(result: EvalResult, baseline: BaselineRates | None, *, markdown: bool) -> str:
    headers = ["kind", "n", "passed", "govqa accuracy"]
    if result.strict:
        headers = ["kind", "n", "strict passed", "strict accuracy", "old (substring) accuracy"]
    headers += ["plain RAG top-5 hit rate"] if baseline is not None else []
    rows = []
    for row in accuracy_rows(result, baseline):
        cells = [row["kind"], str(row["n"]), str(row["passed"]), f"{row['accuracy']:.1%}"]
        if result.strict:
            cells.append(f"{row['old_accuracy']:.1%} ({row['old_passed']})")
        if baseline is not None:
            rate = row["baseline_hit_rate"]
            cells.append("n/a" if rate is None else f"{rate:.1%} ({row['baseline_n']})")
        rows.append(cells)
    return text_table(headers, rows, markdown=markdown)


def _latency_table(result: EvalResult, *, markdown: bool) -> str:
    rows = [[r.route, str(r.count), _ms(r.p50), _ms(r.p95)] for r in result.latency]
    return text_table(["route", "n", "p50 ms", "p95 ms"], rows, markdown=markdown)


def _failure_line(r: ItemResult) -> str:
    text = " ".join(r.answer.text.split())
    expected = "found" if r.item.found else "not found"
    why = "; ".join(r.problems) if r.problems else f"missing {list(r.missing)}"
    return (
        f"{r.item.id} [{r.item.kind}] {r.item.question}\n"
        f"    expected {expected}, items {list(r.item.expect)}; {why}\n"
        f"    got route={r.answer.route} found={r.answer.found} value={r.answer.value} unit={r.answer.unit} "
        f"reason={getattr(r.answer, 'reason', None)}: {text[:300]}"
    )


def format_summary(result: EvalResult, *, baseline: BaselineRates | None = None, about: str = "") -> str:
    """The console report: which set (``about``), accuracy per kind (and the baseline's hit rate), latency per
    route, every failure."""
    parts = [about, ""] if about else []
    parts += [_accuracy_table(result, baseline, markdown=False), "", _latency_table(result, markdown=False)]
    if baseline is not None:
        parts += ["", "plain RAG: hit = every expected item inside its top-5 chunks; n/a = refusals (it cannot refuse)."]
    if result.failures:
        parts += ["", f"{len(result.failures)} failure(s):"] + [_failure_line(r) for r in result.failures]
    return "\n".join(parts)


def to_json(result: EvalResult, *, baseline: BaselineRates | None = None, about: str = "") -> dict[str, Any]:
    """A JSON-serialisable document of the run (for ``govqa eval --json``)."""
    return {
        "set": about,
        "scorer": "strict" if result.strict else "old",
        "accuracy": accuracy_rows(result, baseline),
        "latency": [{"route": r.route, "n": r.count, "p50_ms": None if math.isnan(r.p50) else round(r.p50 * 1000, 1),
                     "p95_ms": None if math.isnan(r.p95) else round(r.p95 * 1000, 1)} for r in result.latency],
        "failures": [
            {"id": r.item.id, "kind": r.item.kind, "question": r.item.question, "expect": list(r.item.expect),
             "expected_found": r.item.found, "missing": list(r.missing), "problems": list(r.problems),
             "found": r.answer.found, "route": r.answer.route, "value": r.answer.value, "unit": r.answer.unit,
             "reason": getattr(r.answer, "reason", None), "answer": r.answer.text}
            for r in result.failures
        ],
    }


def svg_bar_chart(series: Mapping[str, Sequence[float | None]], labels: Sequence[str], *, title: str) -> str:
    """A grouped bar chart (values 0..1, one group per label, one bar per series) as a standalone SVG string."""
    group_w, bar_w, left, top, height = 90, 30, 50, 40, 200
    width = left + group_w * len(labels) + 20
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{top + height + 70}" '
           f'font-family="sans-serif" font-size="12">',
           f'<text x="{left}" y="20" font-size="14">{escape(title)}</text>']
    for tick in (0.0, 0.25, 0.5, 0.75, 1.0):
        y = top + height * (1 - tick)
        out.append(f'<line x1="{left}" x2="{width - 10}" y1="{y:.0f}" y2="{y:.0f}" stroke="#ddd"/>')
        out.append(f'<text x="{left - 6}" y="{y + 4:.0f}" text-anchor="end">{tick:.0%}</text>')
    for s, (name, values) in enumerate(series.items()):
        color = _BAR_COLORS[s % len(_BAR_COLORS)]
        for i, value in enumerate(values):
            if value is None:
                continue
            x = left + i * group_w + 10 + s * bar_w
            h = height * value
            out.append(f'<rect x="{x}" y="{top + height - h:.1f}" width="{bar_w - 4}" height="{h:.1f}" fill="{color}">'
                       f'<title>{escape(name)} {escape(labels[i])}: {value:.1%}</title></rect>')
            out.append(f'<text x="{x + (bar_w - 4) / 2:.0f}" y="{top + height - h - 3:.0f}" text-anchor="middle" '
                       f'font-size="10">{value * 100:.0f}</text>')
        lx = left + s * 200
        out.append(f'<rect x="{lx}" y="{top + height + 40}" width="12" height="12" fill="{color}"/>')
        out.append(f'<text x="{lx + 16}" y="{top + height + 50}">{escape(name)}</text>')
    for i, label in enumerate(labels):
        out.append(f'<text x="{left + i * group_w + group_w / 2:.0f}" y="{top + height + 18}" '
                   f'text-anchor="middle">{escape(label)}</text>')
    out.append("</svg>")
    return "\n".join(out)


def markdown_report(result: EvalResult, *, baseline: BaselineRates | None = None, source: str = "",
                    about: str = "") -> str:
    """The ``--report`` file: accuracy table, an inline SVG bar chart, latency table and every failure."""
    rows = accuracy_rows(result, baseline)
    series: dict[str, list[float | None]] = {"govqa accuracy": [r["accuracy"] for r in rows]}
    if baseline is not None:
        series["plain RAG top-5 hit rate"] = [r["baseline_hit_rate"] for r in rows]
    parts = [
        "# govqa evaluation",
        "",
        f"Questions: `{source}` ({result.overall.total}); passed {result.overall.passed} ({result.overall.ratio:.1%})"
        + (" by the strict scorer (eval/score.py)." if result.strict else " by the old substring scorer."),
        "",
        *([about, ""] if about else []),
        "## Accuracy per kind",
        "",
        _accuracy_table(result, baseline, markdown=True),
        "",
        svg_bar_chart(series, [r["kind"] for r in rows], title="accuracy per kind"),
        "",
        "## Latency per route",
        "",
        _latency_table(result, markdown=True),
        "",
        f"## Failures ({len(result.failures)})",
        "",
    ]
    for r in result.failures:
        parts += [f"- **{r.item.id}** ({r.item.kind}) {escape(r.item.question)} — expected "
                  f"{'found' if r.item.found else 'not found'} {list(r.item.expect)}, "
                  f"{'; '.join(r.problems) if r.problems else f'missing {list(r.missing)}'}; "
                  f"got `{r.answer.route}` found={r.answer.found}:", "",
                  "  > " + " ".join(r.answer.text.split())[:500], ""]
    if not result.failures:
        parts.append("None.")
    return "\n".join(parts) + "\n"
