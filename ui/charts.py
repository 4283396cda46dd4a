"""Line charts of yearly values as inline SVG (no plotting library, works offline, survives the chat's saved history).

Every year of the span gets its place on the x axis; a year without a value is a gap in the line, marked 无数据,
never drawn as a zero. Each point carries its value as a label, so a chart is readable without hovering.

    >>> line_chart_svg([SeriesPoint(2019, 5), SeriesPoint(2020, None, "的报告不在知识库中"), SeriesPoint(2021, 8)],
    ...                unit="件", label="新收申请")
    '<svg …'
"""

from __future__ import annotations

import html
import itertools
import math
from collections.abc import Collection, Sequence

from govqa.core.types import SeriesPoint

HEIGHT, TOP, BOTTOM = 210, 26, 30  # pixels: room above for the highest value's label, below for the years
EDGE = 9.0  # percent of the width kept free left and right (the y labels sit at the left, above their grid lines)
LINE = "#2f6fb0"
FLAG = "#d9822b"  # a value from a table with broken 勾稽 relations
GAP = "#6b7280"


def _esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def value_label(value: float, unit: str = "") -> str:
    """A compact value for a point's label: 4447, 12.5, 88.3% (a percent keeps its sign, counts stay bare)."""
    text = str(int(round(value))) if abs(value - round(value)) < 1e-9 else f"{value:.1f}".rstrip("0").rstrip(".")
    return text + ("%" if unit == "%" else "")


def nice_top(high: float) -> float:
    """A round upper end for the y axis at or above ``high`` (1, 2, 2.5, 5 or 10 times a power of ten)."""
    if high <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(high))
    return next(step * power for step in (1, 2, 2.5, 5, 10) if step * power >= high)


def segments(points: Sequence[SeriesPoint]) -> list[list[SeriesPoint]]:
    """Runs of consecutive years that have values: the pieces of the line, split at every gap."""
    runs: list[list[SeriesPoint]] = [[]]
    for p in points:
        if p.value is None:
            runs.append([])
        else:
            runs[-1].append(p)
    return [r for r in runs if r]


def line_chart_svg(points: Sequence[SeriesPoint], *, unit: str = "", label: str = "",
                   flagged: Collection[int] = (), high: float | None = None) -> str:
    """One series as an SVG line chart on one line of text (so Markdown keeps it whole); years in ``flagged`` in orange.

    x positions are percentages of the width, y positions pixels: the chart fills any width (a phone's too) without
    a viewBox, which the chat's HTML sanitizer drops. ``high``: the largest value of charts shown side by side, so
    they share one y axis.
    """
    known = [p.value for p in points if p.value is not None]
    low, top = min([0.0, *known]), nice_top(max([*known, high or 0.0]))
    plot_h = HEIGHT - TOP - BOTTOM

    def x(i: int) -> str:
        return f"{50.0 if len(points) == 1 else EDGE + i * (100 - 2 * EDGE) / (len(points) - 1):.2f}%"

    def y(v: float) -> float:
        return TOP + plot_h * (1 - (v - low) / ((top - low) or 1))

    said = "，".join(f"{p.year}年{value_label(p.value, unit) if p.value is not None else '无数据'}" for p in points)
    parts = [f'<svg class="govqa-line" width="100%" height="{HEIGHT}" xmlns="http://www.w3.org/2000/svg" font-size="12">',
             f"<title>{_esc(label)}：{_esc(said)}</title>"]
    for v in (low, (low + top) / 2, top):  # grid lines, each labelled at its left end
        text = value_label(v, unit) + (f" {unit}" if v == top and unit and unit != "%" else "")
        parts.append(f'<line x1="0" x2="100%" y1="{y(v):.1f}" y2="{y(v):.1f}" stroke="#e5e7eb"/>'
                     f'<text x="0" y="{y(v) - 3:.1f}" fill="{GAP}" font-size="11">{_esc(text)}</text>')
    for i, p in enumerate(points):  # the years; a gap year grey, with 无数据 where its point would be
        colour = "#374151" if p.value is not None else GAP
        parts.append(f'<text x="{x(i)}" y="{HEIGHT - BOTTOM + 20}" text-anchor="middle" fill="{colour}">{p.year}</text>')
        if p.value is None:
            why = f"{p.year}年{p.gap}" if p.gap else f"{p.year}年无数据"
            parts.append(f'<g class="govqa-gap"><title>{_esc(why)}</title>'
                         f'<line x1="{x(i)}" x2="{x(i)}" y1="{TOP}" y2="{TOP + plot_h}" stroke="{GAP}" stroke-dasharray="3 3"/>'
                         f'<text x="{x(i)}" y="{TOP + plot_h * 0.75:.1f}" text-anchor="middle" fill="{GAP}" font-size="11"'
                         f' stroke="#ffffff" stroke-width="4" paint-order="stroke">无数据</text></g>')
    index = {p.year: i for i, p in enumerate(points)}
    for run in segments(points):  # one line per run of consecutive years; a gap breaks it
        lines = "".join(f'<line x1="{x(index[a.year])}" y1="{y(a.value or 0):.1f}" x2="{x(index[b.year])}"'
                        f' y2="{y(b.value or 0):.1f}" stroke="{LINE}" stroke-width="2.5" stroke-linecap="round"/>'
                        for a, b in itertools.pairwise(run))
        if lines:
            parts.append(f'<g class="govqa-seg">{lines}</g>')
    for p in points:
        if p.value is None:
            continue
        cx, cy = x(index[p.year]), y(p.value)
        colour, mark = (FLAG, "⚠") if p.year in flagged else (LINE, "")
        parts.append(f'<circle class="govqa-pt" cx="{cx}" cy="{cy:.1f}" r="4" fill="{colour}"/>'
                     f'<text x="{cx}" y="{cy - 9:.1f}" text-anchor="middle" fill="#111827" font-weight="600">'
                     f"{_esc(value_label(p.value, unit))}{mark}</text>")
    parts.append("</svg>")
    return "".join(parts)


def chart_figure(points: Sequence[SeriesPoint], *, title: str, unit: str = "", flagged: Collection[int] = (),
                 high: float | None = None) -> str:
    """A titled chart: <figure> with the title as its caption and the SVG line chart."""
    svg = line_chart_svg(points, unit=unit, label=title, flagged=flagged, high=high)
    return f'<figure class="govqa-chart-fig"><figcaption>{_esc(title)}</figcaption>{svg}</figure>'
