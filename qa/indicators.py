"""Indicators: figures computed from cells (公开率, 复议纠错率, 结转率 …), defined as data in qa/indicators.toml.

    >>> [i.name for i in find_indicators("2023年复议纠错率最高的单位")]
    ['复议纠错率']
    >>> indicator_values(store, load_indicators()["公开率"], reports=refs)[0].formula
    '公开率 = (予以公开 50 + 部分公开 3) / 办理结果总计 60 = 88.3%'

Every cell used is kept (the answer cites it); a term the report does not print or the parser could not read makes no
value and is named; a denominator of 0 is said, never divided by; a cell a broken 勾稽 relation rests on is named.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from govqa.core.errors import GovqaError
from govqa.core.protocols import ReportStore
from govqa.core.types import Metric
from govqa.qa import compose as cp
from govqa.qa import lexicon as lx
from govqa.qa.phrasing import plain, unframed
from govqa.qa.table_query import CellHit, MetricValue, ReportRef, find_reports, metric_values

CATALOGUE = Path(__file__).with_name("indicators.toml")
INDICATOR_TABLE = "指标"  # the compare tab's pseudo-table of computed indicators (GovQA.compare's table name)
INDICATOR_COL = "数值"


@dataclass(frozen=True)
class Indicator:
    """One catalogue entry: a ratio of sums of metrics, or a group of other indicators (``parts``)."""

    name: str
    aliases: tuple[str, ...] = ()
    numerator: tuple[Metric, ...] = ()
    denominator: tuple[Metric, ...] = ()
    scale: float = 1.0
    unit: str = ""
    templates: tuple[str, ...] = ()
    parts: tuple[str, ...] = ()
    patterns: tuple[re.Pattern[str], ...] = ()  # wordings that split the name: 行政复议的纠错率
    each: tuple[str, ...] = ()  # the indicators asked instead when the question says 分别 / 各 (a combined rate's own)


@dataclass(frozen=True)
class IndicatorValue:
    """An indicator in one report: the value (None with ``problem`` saying why), the arithmetic and the cells used."""

    indicator: Indicator
    report: ReportRef
    value: float | None
    formula: str
    cells: tuple[CellHit, ...]
    problem: str = ""  # why there is no value: a denominator of 0, a term not printed or unreadable
    broken: tuple[str, ...] = ()  # the cells used that a broken 勾稽 relation rests on, named
    exact: float | None = None  # the value unrounded: a gap between two rates is taken from these, then rounded


@dataclass(frozen=True)
class Group:
    """A group of rows a question describes in words as a share's whole (公开了的申请 = 予以公开 + 部分公开)."""

    name: str
    terms: tuple[Metric, ...]
    patterns: tuple[re.Pattern[str], ...]


def _metric(term: str, where: str) -> Metric:
    parts = term.split("/")
    if len(parts) != 3 or not all(parts) or parts[0] not in ("主动公开", "申请", "复议诉讼"):
        raise GovqaError(f"{where}: term {term!r} must be table/row/col with table 主动公开, 申请 or 复议诉讼")
    return Metric(*parts)


def _pattern(text: str, where: str) -> re.Pattern[str]:
    try:
        return re.compile(text)
    except re.error as e:
        raise GovqaError(f"{where}: pattern {text!r} is no regular expression ({e})") from e


def parse_catalogue(data: dict[str, Any], *, source: str = "indicators.toml") -> dict[str, Indicator]:
    """The indicators of a decoded catalogue, by name; a malformed entry raises GovqaError naming it."""
    out: dict[str, Indicator] = {}
    for i, entry in enumerate(data.get("indicator", []), start=1):
        name = entry.get("name")
        where = f"{source} indicator {i} ({name or 'no name'})"
        if not isinstance(name, str) or not name:
            raise GovqaError(f"{where}: needs a name")
        parts = tuple(entry.get("parts", ()))
        numerator = tuple(_metric(t, where) for t in entry.get("numerator", ()))
        denominator = tuple(_metric(t, where) for t in entry.get("denominator", ()))
        if not parts and not (numerator and denominator):
            raise GovqaError(f"{where}: needs a numerator and a denominator, or parts")
        out[name] = Indicator(name, (name, *entry.get("aliases", ())), numerator, denominator,
                              float(entry.get("scale", 1)), str(entry.get("unit", "")), tuple(entry.get("templates", ())),
                              parts, tuple(_pattern(p, where) for p in entry.get("patterns", ())),
                              tuple(entry.get("each", ())))
    for ind in out.values():
        unknown = [p for p in (*ind.parts, *ind.each) if p not in out]
        if unknown:
            raise GovqaError(f"{source} indicator {ind.name}: parts {unknown} are not in the catalogue")
    return out


def parse_groups(data: dict[str, Any], *, source: str = "indicators.toml") -> tuple[Group, ...]:
    """The described groups of a decoded catalogue; a malformed entry raises GovqaError naming it."""
    out = []
    for i, entry in enumerate(data.get("group", []), start=1):
        where = f"{source} group {i} ({entry.get('name') or 'no name'})"
        terms = tuple(_metric(t, where) for t in entry.get("terms", ()))
        patterns = tuple(_pattern(p, where) for p in entry.get("patterns", ()))
        if not entry.get("name") or not terms or not patterns:
            raise GovqaError(f"{where}: needs a name, terms and patterns")
        out.append(Group(str(entry["name"]), terms, patterns))
    return tuple(out)


@lru_cache(maxsize=4)
def load_groups(path: Path = CATALOGUE) -> tuple[Group, ...]:
    """The groups a share's whole may be described as (qa/indicators.toml [[group]])."""
    return parse_groups(tomllib.loads(path.read_text(encoding="utf-8")), source=path.name)


@lru_cache(maxsize=4)
def load_indicators(path: Path = CATALOGUE) -> dict[str, Indicator]:
    """The indicator catalogue (qa/indicators.toml), by name."""
    return parse_catalogue(tomllib.loads(path.read_text(encoding="utf-8")), source=path.name)


# 部分公开比例 / 没能公开比例 / 不予公开比例 / 主动公开比例 hold 公开比例 but are no 公开率; nor is 全部公开 / 直接公开 /
# 完全公开 / 同意公开 / 准予公开 / 批准公开 (予以公开 alone)
_OUTCOME_BEFORE = "不动分以予没未能绝部接全意准批"
# 财政预决算信息公开率 / 收费目录的公开率: the share of a kind of information the prose states, not of applications
_OTHER_SUBJECT = re.compile(r"(?:预决算|预算|决算|财政资金|三公经费|收费|采购|政务|重点领域|目录|清单|事项)(?:信息)?的?$")


_EACH = re.compile(r"分别|各自|各是|各为|各占|各有|各多少|各几")


def find_indicators(text: str, catalogue: dict[str, Indicator] | None = None) -> list[Indicator]:
    """The indicators a text names (by alias or pattern), in text order; the longest match wins where two overlap
    (不予公开率 ⊃ 公开率, 未经复议直接起诉…败诉率 ⊃ 败诉率), and of two over the same words the one adding more cells
    (行政诉讼合计的败诉率 is both kinds of suit together, not one of them); a combined rate asked 分别 / 各 is its
    ``each``. Matched on the plain wording (qa/phrasing.py): 公开了的比例
    is 公开比例, and 信息公开申请 is no outcome 公开."""
    catalogue = catalogue if catalogue is not None else load_indicators()
    text = lx.OTHER_SUBJECT_RATE.sub(lambda m: "　" * len(m.group()), text)  # 预决算信息的公开率: another thing's rate
    text = plain(unframed(text).replace("比率", "比例").replace("百分比", "百分之"))  # one word per meaning, no particles
    hits: list[tuple[int, int, Indicator]] = []
    for ind in catalogue.values():
        for alias in map(plain, ind.aliases):
            start = text.find(alias)
            while start >= 0:
                if not (alias.startswith("公开") and start and (text[start - 1] in _OUTCOME_BEFORE
                                                                 or _OTHER_SUBJECT.search(text, 0, start))):
                    hits.append((start, start + len(alias), ind))
                start = text.find(alias, start + 1)
        hits += [(m.start(), m.end(), ind) for p in ind.patterns for m in p.finditer(text)]
    taken: list[tuple[int, int, Indicator]] = []
    def cells(ind: Indicator) -> int:
        return len(ind.numerator) or sum(len(catalogue[p].numerator) for p in ind.parts)

    for start, end, ind in sorted(hits, key=lambda h: (-(h[1] - h[0]), h[0], -cells(h[2]))):
        if all(end <= s or start >= e for s, e, _ in taken):
            taken.append((start, end, ind))
    found = [ind for _, _, ind in sorted(taken, key=lambda h: h[0])]
    if _EACH.search(text):  # 复议和诉讼的纠错率分别是多少: each rate, not the combined one
        found = [each for ind in found for each in ([catalogue[e] for e in ind.each] or [ind])]
    return list(dict.fromkeys(found))


def leaves(ind: Indicator, catalogue: dict[str, Indicator] | None = None) -> list[Indicator]:
    """The computable indicators an entry stands for (itself, or its parts)."""
    catalogue = catalogue if catalogue is not None else load_indicators()
    return [catalogue[p] for p in ind.parts] if ind.parts else [ind]


def term_label(metric: Metric) -> str:
    """A term as the formula names it: 予以公开, 办理结果总计, 自然人, 行政复议 结果纠正."""
    if metric.table == "申请":
        row = lx.ROW_SHORT.get(metric.row, metric.row)
        return row if metric.col == "总计" else f"{row}（{metric.col}）" if metric.row != "一" else metric.col or row
    if metric.table == "复议诉讼":
        return cp.col_label(metric.table, metric.col or "")
    return cp.metric_label(metric)


def definition(ind: Indicator) -> str:
    """How an indicator is computed, in words: 公开率 = (予以公开 + 部分公开) / 办理结果总计."""
    def side(terms: Sequence[Metric]) -> str:
        text = " + ".join(term_label(m) for m in terms)
        return f"({text})" if len(terms) > 1 else text

    return f"{ind.name} = {side(ind.numerator)} / {side(ind.denominator)}"


def _sum_text(terms: Sequence[tuple[Metric, MetricValue]]) -> str:
    text = " + ".join(f"{term_label(m)} {cp.number_text(v.value or 0.0)}" for m, v in terms)
    return f"({text})" if len(terms) > 1 else text


def places(unit: str) -> int:
    """Decimals a computed value keeps: 1 for a percentage, 2 for anything else (万元 amounts are printed to 2)."""
    return 1 if unit == "%" else 2


def number(value: float, unit: str) -> str:
    """A computed value as printed: 88.3%, 0%, 12.5%, 96.21万元."""
    return cp.number_text(round(value, places(unit)), unit=unit)


def broken_cells(store: ReportStore, report_id: str, cells: Sequence[CellHit]) -> tuple[str, ...]:
    """The cells used (named as their sources name them) that a broken 勾稽 relation of the report rests on."""
    used = {(c.table, c.row, c.col): c for c in cells}
    named: dict[str, None] = {}
    for f in store.findings_for([report_id]).get(report_id, []):
        if f.kind != "relation":
            continue
        keys = {(f.table, f.row, f.col)} | {(r.table, r.row, r.col) for r in f.cells if r.report in (None, report_id)}
        for key in used:  # in the order the cells were used: the same note on every run (a set's order is not)
            if key in keys:
                named[cp.cell_source(used[key]).text.rsplit(" = ", 1)[0]] = None
    return tuple(named)


def indicator_values(store: ReportStore, ind: Indicator, *, reports: Sequence[ReportRef]) -> list[IndicatorValue]:
    """One computable indicator (not a group) in each report, in report order."""
    assert not ind.parts, "a group indicator: compute each of leaves(ind)"
    terms = [*ind.numerator, *ind.denominator]
    per_term = [{v.report.id: v for v in metric_values(store, m, reports=reports)} for m in terms]
    out = []
    for ref in reports:
        values = [(m, t[ref.id]) for m, t in zip(terms, per_term, strict=True)]
        num, den = values[: len(ind.numerator)], values[len(ind.numerator):]
        absent = [(m, v) for m, v in values if v.value is None]
        cells = tuple(c for _, v in values for c in v.cells)
        if absent:
            why = "".join(cp.absent_reason(m, v) for m, v in absent)
            out.append(IndicatorValue(ind, ref, None, "", cells, cp.cannot_compute(ind.name, why)))
            continue
        top, bottom = sum(v.value or 0.0 for _, v in num), sum(v.value or 0.0 for _, v in den)
        formula = f"{ind.name} = {_sum_text(num)} / {_sum_text(den)}"
        broken = broken_cells(store, ref.id, cells)
        if bottom == 0:
            problem = cp.report_zero_rate(ref.short_name, ref.year, _sum_text(den).strip("()"), ind.name, ind.unit)
            out.append(IndicatorValue(ind, ref, None, formula, cells, problem, broken))
            continue
        value = round(top / bottom * ind.scale, places(ind.unit))
        out.append(IndicatorValue(ind, ref, value, f"{formula} = {number(value, ind.unit)}", cells, "", broken,
                                  top / bottom * ind.scale))
    return out


def broken_note(values: Sequence[IndicatorValue]) -> str:
    """（注：…勾稽关系不一致…按原文照录）naming the cells used that a broken relation rests on."""
    return cp.note_broken_cells([f"{v.report.short_name}{v.report.year}年的{'、'.join(v.broken)}" for v in values if v.broken])


def compare_indicator(store: ReportStore, name: str, *, agencies: Sequence[str] = (), years: Sequence[int] = ()) -> list[dict[str, Any]]:
    """One indicator across reports for the compare tab, like compare_metric: value desc, plus formula and problem."""
    catalogue = load_indicators()
    if name not in catalogue:
        raise GovqaError(f"unknown indicator {name!r}; known: {'、'.join(catalogue)}")
    refs = find_reports(store, agencies=agencies, years=years)
    rows = []
    for ind in leaves(catalogue[name], catalogue):
        for v in indicator_values(store, ind, reports=refs):
            rows.append({"report": v.report.id, "agency": v.report.agency, "short_name": v.report.short_name,
                         "year": v.report.year, "indicator": ind.name, "value": v.value, "unit": ind.unit,
                         "raw": v.formula, "formula": v.formula, "problem": v.problem, "broken": bool(v.broken)})
    shown = [r for r in rows if r["value"] is not None]
    return sorted(shown, key=lambda d: (-d["value"], d["agency"], d["year"] or 0))
