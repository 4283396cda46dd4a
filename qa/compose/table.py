"""The table route's whole answer (`table_reply`): values, listings, rankings, sums, averages, comparisons,
breakdowns, and why a value is absent; every number printed comes from a cell.

    >>> value_sentence(metric, mv)
    '根据《宁夏回族自治区人民政府办公厅2020年政府信息公开工作年度报告》表三，2020年新收政府信息公开申请4447件（自然人4441件，商业企业6件）。'
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

from govqa.core.types import Answer, Metric, Question, Source
from govqa.qa import lexicon as lx
from govqa.qa.compose.labels import (
    as_printed,
    cell_source,
    cell_text,
    col_clause,
    metric_label,
    metric_unit,
    number_text,
    report_title,
    value_text,
)
from govqa.qa.table_query import CellHit, MetricValue, ReportRef, template_has
from govqa.qa.table_route import TableRead

_ORDINALS = "一二三四五六七八九十"
def absent_reason(metric: Metric, mv: MetricValue) -> str:
    """Why a report gives no value for a metric: digits run together, a blank cell, a row or table not printed."""
    ref, table = mv.report, lx.TABLE_NAMES.get(metric.table, metric.table)
    where = f"{ref.short_name}{ref.year}年的报告{table}"
    label = metric_label(as_printed(metric, ref.template))
    if metric.table == "申请" and metric.col not in (None, "总计"):
        label += f"（{metric.col}）"
    ambiguous = [u for u in mv.unread if u.kind == "ambiguous"]
    if ambiguous:
        rows = "、".join(dict.fromkeys(lx.ROW_LABELS.get(u.table, {}).get(u.row, u.row) or "案件数量" for u in ambiguous))
        printed = "；".join(f"“{u.printed}”" for u in ambiguous if u.printed)
        shown = f"（原文印作{printed}）" if printed else ""
        if all(u.gaps for u in ambiguous):
            return (f"{where}中“{rows}”一行只印出了非空的格子{shown}，无法确定这些数字属于哪一列，"
                    f"因此无法读出“{label}”的数值（这不表示为0）。")
        return (f"{where}中“{rows}”一行的数字连在一起{shown}，无法可靠地拆分到各列，"
                f"因此无法读出“{label}”的数值（这不表示为0）。")
    unproven = "，表内勾稽关系也不能推出它为0" if mv.unread and all(u.empty for u in mv.unread) else ""
    if any(u.blank for u in mv.unread):
        return f"{where}中“{label}”一格印为空白，没有数值（空白不等于0{unproven}）。"
    if mv.unread and all(u.empty for u in mv.unread):
        return f"{where}中“{label}”一项只印了名称、没有填数（空白不等于0{unproven}）。"
    if any(not u.row for u in mv.unread):
        return f"{ref.short_name}{ref.year}年的报告中未能找到{table}，无法读出“{label}”的数值（这不表示为0）。"
    if mv.unread:
        return f"{where}中未列出“{label}”这一项（这不表示为0）。"
    if template_has(ref.template, metric) is False:
        return f"{where}按{ref.template}年版模板印制，该版模板没有“{label}”这一项，报告中没有这一数据。"
    return f"{where}中没有“{label}”这一项。"


def note_broken(refs: Sequence[ReportRef], table: str, broken: Mapping[str, set[str]]) -> str:
    """A note naming the reports whose table breaks the template's relations (数值按原文照录)."""
    names = [r.short_name for r in refs if table in broken.get(r.id, set())]
    if not names:
        return ""
    return f"（注：{'、'.join(dict.fromkeys(names))}的报告{lx.TABLE_NAMES.get(table, table)}勾稽关系不一致，数值按原文照录。）"


def note_broken_cells(groups: Sequence[str]) -> str:
    """（注：…所在表格勾稽关系不一致，数值按原文照录。）naming the cells used that a broken relation rests on; each
    group names one report's cells (公安局2023年的予以公开、部分公开); empty when there are none."""
    named = [g for g in groups if g]
    return f"（注：答案所用的{'；'.join(named)}所在表格勾稽关系不一致，数值按原文照录。）" if named else ""


def columns_note(printed: dict[int, str]) -> str:
    """Which printed column each year's figure is, when the years' templates print it under different columns
    （2019年为对外公开总数量，2021年为现行有效件数）; empty when every year prints the same column."""
    years: dict[str, list[int]] = {}
    for year, col in sorted(printed.items()):
        years.setdefault(col, []).append(year)
    if len(years) < 2:
        return ""
    said = "，".join(f"{'、'.join(f'{y}年' for y in ys)}为“{col}”" for col, ys in years.items())
    return f"（各年取报告所印的对应栏目：{said}。）"


def value_sentence(metric: Metric, mv: MetricValue) -> str:
    """One report, one metric: 根据《…》表三，2020年新收政府信息公开申请4447件。"""
    ref = mv.report
    if len(mv.cells) == 1:  # name the cell as this report's template prints it (行政规范性文件 本年制发件数)
        metric = Metric(metric.table, mv.cells[0].row, mv.cells[0].col) if metric.table == "主动公开" else metric
    head = f"根据{report_title(ref.agency, ref.year)}{lx.TABLE_NAMES.get(metric.table, '')}，{ref.year}年"
    clause = col_clause(metric)
    if clause:
        return f"{head}{metric_label(metric)}{clause}有{value_text(metric, mv)}。"
    return f"{head}{metric_label(metric)}{value_text(metric, mv)}。"


def breakdown_sentence(metric: Metric, ref: ReportRef, cells: Sequence[CellHit]) -> str:
    """Every column of a row: 新收政府信息公开申请4447件（自然人4441件，商业企业6件，其余各类申请人为0）。"""
    head = f"根据{report_title(ref.agency, ref.year)}{lx.TABLE_NAMES.get(metric.table, '')}，{ref.year}年"
    if metric.table == "申请":
        rows = list(dict.fromkeys(c.row for c in cells))
        parts = []
        for row in rows:
            mine = {c.col: c for c in cells if c.row == row}
            label = metric_label(Metric("申请", row, "总计"))
            total = mine.get("总计")
            read = [col for col in lx.APPLICANT_COLS[:-1] if col in mine]
            named = [f"{col}{cell_text(mine[col])}" for col in read if mine[col].value]
            detail = "，".join(named) if named else ("各类申请人均为0" if read else "")
            if read and len(read) < len(lx.APPLICANT_COLS) - 1:  # a cell not read is not a zero
                detail += f"{'，' if detail else ''}其余申请人类别的数字未能读出"
            elif not read:
                detail = "按申请人类别的分项数字未能读出"
            if total is not None:
                parts.append(f"{label}{cell_text(total)}（{detail}）")
            else:
                parts.append(f"{label}：{detail}")
        return head + "；".join(parts) + "。"
    parts = [f"{metric_label(Metric(metric.table, c.row, c.col))}{cell_text(c)}" for c in cells]
    return head + "，".join(parts) + "。"


def case_outcomes(ref: ReportRef, groups: Sequence[tuple[str, Mapping[str, MetricValue]]]) -> str:
    """How one report's 复议 / 诉讼 cases ended, group by group: 根据《…》表四，2023年行政复议1件（结果维持1件，结果纠正0件，
    其他结果0件，尚未审结0件）；行政诉讼…。 An outcome cell not read is said so, never printed as 0."""
    parts = []
    for group, cols in groups:
        total = cols["总计"]
        read = [(col, v) for col, v in cols.items() if col != "总计" and v.value is not None]
        unread = [col for col, v in cols.items() if col != "总计" and v.value is None]
        detail = "，".join(f"{_OUTCOME_LABELS.get(col, col)}{_cases(v)}" for col, v in read)
        if unread:
            missing = "、".join(_OUTCOME_LABELS.get(col, col) for col in unread)
            detail += f"{'，' if detail else ''}{missing}的数字未能读出"
        label = metric_label(Metric("复议诉讼", "数量", f"{group}.总计")).removesuffix("案件")
        parts.append(f"{label}{_cases(total)}（{detail}）")
    head = f"根据{report_title(ref.agency, ref.year)}{lx.TABLE_NAMES['复议诉讼']}，{ref.year}年"
    return head + "；".join(parts) + "。"


def outcome_lead(question: str, groups: Sequence[tuple[str, Mapping[str, MetricValue]]]) -> str:
    """The plain answer a yes/no question on how cases ended leads with (被纠正了吗 → 没有。/ 有，1件被纠正。; 赢了没有 →
    是，…), from the 维持 / 纠正 cells read; '' when the question asks no yes/no, a cell is not read or there was no case."""
    corrected = [cols["纠正"].value for _, cols in groups]
    upheld = [cols["维持"].value for _, cols in groups]
    totals = [cols["总计"].value for _, cols in groups]
    if not groups or any(v is None for v in (*corrected, *upheld, *totals)) or not sum(t or 0 for t in totals):
        return ""
    fixed, kept = sum(v or 0 for v in corrected), sum(v or 0 for v in upheld)
    if lx.ASKED_CORRECTED.search(question):
        return f"有，{number_text(fixed, unit='件')}被纠正。" if fixed else "没有被纠正（结果纠正0件）。"
    if lx.ASKED_WON.search(question):
        if fixed:
            return f"没有全赢，{number_text(fixed, unit='件')}被纠正。"
        return f"是，{number_text(kept, unit='件')}结果维持，没有被纠正。" if kept else ""
    return ""


def no_cases(refs: Sequence[ReportRef], groups: Sequence[str], *, besides: bool) -> str:
    """The reports whose 表四 counts none of the asked cases, named together (另有…, ``besides`` the ones with cases):
    另有经济发展局2023年、…的报告表四中行政复议均为0件。"""
    names = "、".join(f"{r.short_name}{r.year}年" for r in refs)
    said = "、".join(metric_label(Metric("复议诉讼", "数量", f"{g}.总计")).removesuffix("案件") for g in groups)
    each = "均" if len(refs) > 1 or len(groups) > 1 else ""
    return f"{'另有' if besides else ''}{names}的报告{lx.TABLE_NAMES['复议诉讼']}中{said}{each}为0件。"


_OUTCOME_LABELS = {"维持": "结果维持", "纠正": "结果纠正", "其他": "其他结果", "未审结": "尚未审结"}


def _cases(mv: MetricValue) -> str:
    assert mv.value is not None
    return number_text(mv.value, unit="件")


def listing(metric: Metric, values: Sequence[MetricValue], *, ordinal: bool = False) -> str:
    """机关A 4447件；机关B 8件 … (with 第一/第二 … when ordinal)."""
    items = []
    for i, mv in enumerate(values):
        name = who(mv.report, values)
        prefix = f"{ordinal_word(i)}，" if ordinal else ""
        items.append(f"{prefix}{name}{value_text(metric, mv)}")
    return "；".join(items)


def who(ref: ReportRef, values: Sequence[MetricValue]) -> str:
    """The name of a report in a listing: its short name, plus the year when the listing spans years."""
    years = {v.report.year for v in values}
    return ref.short_name if len(years) <= 1 else f"{ref.short_name}{ref.year}年"


def year_phrase(values: Sequence[MetricValue]) -> str:
    """2020年 (or 2019、2020年 when the values span years)."""
    years = sorted({v.report.year for v in values if v.report.year is not None})
    return ("、".join(str(y) for y in years) + "年") if years else ""


def ordinal_word(i: int) -> str:
    """第一, 第二, … (Chinese ordinals keep digits out of rankings)."""
    return "第" + (_ORDINALS[i] if i < len(_ORDINALS) else str(i + 1))


# ---- the table route's answer, written from what qa/table_route.py read --------------------------------------

def table_reply(q: Question, read: TableRead) -> Answer:
    """The table route's whole answer (text, value, unit, cell sources) from the cells read for it."""
    answer = _table_reply(q, read)
    pending = read.pending
    if not answer.found or pending is None or pending.value is None:
        return answer
    verb = next((g for m in [lx.ASKED_DONE.search(q.text)] if m for g in m.groups() if g), "办结")
    lead = (f"是，已全部{verb}（结转下年度继续办理0件）。" if pending.value == 0
            else f"没有全部{verb}，{number_text(pending.value, unit='件')}结转下年度继续办理。")
    added = tuple(c for c in _sources([pending]) if c not in answer.sources)
    return replace(answer, text=lead + answer.text, sources=answer.sources + added)


def _table_reply(q: Question, read: TableRead) -> Answer:
    if read.rows is not None:
        return _breakdown_reply(q, read)
    metric = read.metric
    present = [v for v in read.values if v.value is not None]
    absent = [v for v in read.values if v.value is None]
    if not present:
        return _no_data(q, "".join(absent_reason(metric, v) for v in absent))
    note = note_broken([v.report for v in present], metric.table, read.broken)
    reasons = "".join(absent_reason(metric, v) for v in absent)
    if absent and q.intent == "compare" or any(v.unread for v in absent) and q.intent in ("sum", "average"):
        # a total or a difference with a part unknown is no number: give the parts that were read, and why not all
        return Answer(question=q.text, text=cannot_total(q.intent, reasons=reasons, metric=metric, present=present, note=note),
                      found=False, route="refuse", reason="no-data", sources=_sources(present))
    if absent:
        note += not_counted(reasons)
    caveat = ""
    unread = [v for v in absent if v.unread]
    if unread and q.intent == "ranking":
        caveat = ranking_caveat(len(present), len(unread))
    text, value = table_text(q, metric, present)
    if q.intent == "value" and len(present) == 1 and value is not None:
        text = yes_no_lead(q.text, value, metric) + text
    return Answer(question=q.text, text=caveat + text + note, found=True, route="table", value=value,
                  unit=metric_unit(metric), sources=_sources(present))


def yes_no_lead(question: str, value: float, metric: Metric) -> str:
    """The plain answer a yes/no count question leads with (有没有…的申请 → 没有（0件）。 / 有，3件。), else ''; a change
    (本年增/减) or an amount (万元) is no count."""
    unit = metric_unit(metric)
    if not lx.YES_NO_COUNT.search(question) or lx.ASKED_DONE.search(question) or value < 0 or unit not in ("件", "个") or metric.col == "本年增/减":
        return ""
    return f"没有（0{unit}）。" if value == 0 else f"有，{number_text(value, unit=unit)}。"


def _no_data(q: Question, text: str) -> Answer:
    return Answer(question=q.text, text=text, found=False, route="refuse", reason="no-data")


def _sources(values: Sequence[MetricValue]) -> tuple[Source, ...]:
    return tuple(cell_source(c) for v in values for c in v.cells)


def _breakdown_reply(q: Question, read: TableRead) -> Answer:
    metric, cells = read.metric, read.rows
    assert cells is not None
    filled = [r for r in read.refs if cells.get(r.id)]
    if not filled:
        return _no_data(q, "".join(absent_reason(metric, v) for v in read.values))
    text = "".join(breakdown_sentence(metric, r, cells[r.id]) for r in filled)
    text += note_broken(filled, metric.table, read.broken)
    sources = tuple(cell_source(c) for r in filled for c in cells[r.id])
    total = next((c.value for r in filled[:1] for c in cells[r.id] if c.col == "总计" and c.row == metric.row), None)
    if total is None and len(filled) == 1 and len(cells[filled[0].id]) == 1:  # a row of one cell: its value
        total = cells[filled[0].id][0].value
        metric = replace(metric, col=cells[filled[0].id][0].col)
    unit = metric_unit(metric if metric.col and metric.col != "总计" else replace(metric, col="总计"))
    if len(filled) == 1 and total is not None:
        text = yes_no_lead(q.text, total, metric) + text
    return Answer(question=q.text, text=text, found=True, route="table", value=total if len(filled) == 1 else None,
                  unit=unit if total is not None else None, sources=sources)


def table_text(q: Question, metric: Metric, values: Sequence[MetricValue]) -> tuple[str, float | None]:
    """The sentence answering a metric question over the values read, and the value it answers with."""
    compose = {"ranking": _ranking, "sum": _sum, "average": _average, "compare": _compare, "any": _any}.get(q.intent, _values)
    if q.intent == "ranking" and len(values) == 2 and lx.HOW_MUCH_MORE.search(q.text):
        compose = _compare  # 河北两个厅谁的多？多多少: two ranked are compared, the answer is their difference
    return compose(q, metric, values)


def cannot_total(intent: str, *, reasons: str, metric: Metric, present: Sequence[MetricValue], note: str) -> str:
    """A total, average or difference with a part unknown is no number: the parts that were read, and why not all."""
    word = {"sum": "合计", "average": "平均值", "compare": "比较结果"}[intent]
    return f"无法给出{word}：{reasons}已读出的数值：{listing(metric, present)}。{note}"


def not_counted(reasons: str) -> str:
    """The note naming reports left out of an answer, and why."""
    return f"（未计入：{reasons}）"


def ranking_caveat(read: int, unread: int) -> str:
    """A ranking over the reports whose value could be read, saying how many could not."""
    return f"（以下排序只含能读出数值的{read}份报告，另有{unread}份报告的这一项无法读出，见文末。）"


def _table_head(metric: Metric, values: Sequence[MetricValue]) -> str:
    agencies = {v.report.agency for v in values}
    whose = values[0].report.short_name if len(agencies) == 1 else "各机关"
    return f"根据{whose}{year_phrase(values)}年度报告{lx.TABLE_NAMES.get(metric.table, '')}，"


def _how_many(values: Sequence[MetricValue]) -> str:
    """3个机关的 / 3个年度的 (a sum over one agency's years)."""
    if len({v.report.agency for v in values}) == 1 and len(values) > 1:
        return f"{len(values)}个年度的"
    return f"{len(values)}个机关的"


def _values(q: Question, metric: Metric, values: Sequence[MetricValue]) -> tuple[str, float | None]:
    if len(values) == 1:
        return value_sentence(metric, values[0]), values[0].value
    return f"{_table_head(metric, values)}{metric_label(metric)}：{listing(metric, values)}。", None


def _ranking(q: Question, metric: Metric, values: Sequence[MetricValue]) -> tuple[str, float | None]:
    ordered = sorted(values, key=lambda v: (v.value or 0.0), reverse=q.order != "asc")
    shown = ordered[: q.top_n] if q.top_n else ordered
    label = metric_label(metric)
    if all(not v.value for v in ordered):
        return f"{_table_head(metric, values)}{len(values)}个机关的{label}均为0，没有高低之分：{listing(metric, ordered)}。", 0.0
    best = shown[0]
    ties = [v for v in ordered if v.value == best.value]
    word = "最少" if q.order == "asc" else "最多"
    lead = "、".join(v.report.short_name for v in ties)
    text = (f"{_table_head(metric, values)}{label}{word}的是{lead}（{value_text(metric, best)}）。"
            f"排序：{listing(metric, shown, ordinal=True)}。")
    return text, best.value


def _sum(q: Question, metric: Metric, values: Sequence[MetricValue]) -> tuple[str, float | None]:
    total = round(sum(v.value or 0.0 for v in values), 6)
    unit = metric_unit(metric)
    text = (f"{_table_head(metric, values)}{_how_many(values)}{metric_label(metric)}{_of_col(metric)}合计"
            f"{number_text(total, unit=unit)}：{listing(metric, values)}。")
    return text, total


def group_sum(q: Question, name: str, metric: Metric, values: Sequence[MetricValue]) -> Answer:
    """A described group's rows (予以公开 + 部分公开) added in each report, then over the reports, every cell cited."""
    total = round(sum(v.value or 0.0 for v in values), 6)
    unit = metric_unit(metric)
    text = (f"{_table_head(metric, values)}{_how_many(values)}{name}合计{number_text(total, unit=unit)}："
            f"{listing(metric, values)}。")
    return Answer(question=q.text, text=text, found=True, route="table", value=total, unit=unit,
                  sources=_sources(values))


def _of_col(metric: Metric) -> str:
    """中自然人提出的: the applicant column a summed 表三 row is of (none for 总计)."""
    if metric.table == "申请" and metric.col not in (None, "总计"):
        return f"中{metric.col}提出的"
    return ""


def _average(q: Question, metric: Metric, values: Sequence[MetricValue]) -> tuple[str, float | None]:
    total = sum(v.value or 0.0 for v in values)
    avg = round(total / len(values), 6)
    unit = metric_unit(metric)
    text = (f"{_table_head(metric, values)}{_how_many(values)}{metric_label(metric)}平均为"
            f"{number_text(avg, unit=unit)}（合计{number_text(total, unit=unit)}）：{listing(metric, values)}。")
    return text, avg


def _compare(q: Question, metric: Metric, values: Sequence[MetricValue]) -> tuple[str, float | None]:
    if len(values) != 2:
        return _ranking(replace(q, top_n=None), metric, values)
    a, b = values
    label = metric_label(metric)
    unit = metric_unit(metric)
    base = f"{_table_head(metric, values)}{label}：{listing(metric, values)}。"
    name_a, name_b = who(a.report, values), who(b.report, values)
    difference = bool(lx.DIFF_WORDS.search(q.text) or lx.HOW_MUCH_MORE.search(q.text))  # 谁多？多几件: the difference
    if (a.value or 0) == (b.value or 0):
        return base + "两者相同。", 0.0 if difference else a.value
    hi, lo = (a, b) if (a.value or 0) > (b.value or 0) else (b, a)
    diff = round((hi.value or 0) - (lo.value or 0), 6)
    hi_name, lo_name = (name_a, name_b) if hi is a else (name_b, name_a)
    asked = lx.DIFF_WORDS.search(q.text) or lx.HOW_MUCH_MORE.search(q.text)
    if asked and re.search(r"少|低", asked.group(0).replace("多少", "")):  # 比2020年少了多少 → say it the way it was asked
        text = base + f"{lo_name}比{hi_name}少{number_text(diff, unit=unit)}。"
    else:
        text = base + f"{hi_name}比{lo_name}多{number_text(diff, unit=unit)}。"
    if difference:
        return text, diff
    # 谁更多 / 哪年更少: the answer is the higher (lower) of the two values
    return text, (lo if lx.LESS_WORDS.search(q.text) else hi).value


def _any(q: Question, metric: Metric, values: Sequence[MetricValue]) -> tuple[str, float | None]:
    label = metric_label(metric)
    nonzero = [v for v in values if v.value]
    zero = [v.report.short_name for v in values if not v.value]
    if not nonzero:
        return f"{_table_head(metric, values)}{len(values)}个机关的{label}均为0。", None
    text = f"{_table_head(metric, values)}{len(values)}个机关中有{len(nonzero)}个的{label}不为0：{listing(metric, nonzero)}。"
    if zero:
        text += f"其余机关（{'、'.join(zero)}）为0。"
    return text, None


_LEAD = re.compile(r"^根据(?:《[^》]+》(?:、《[^》]+》)*|各机关\d{4}年年度报告)(?:表[一二三四五])?，")


def parts_text(texts: Sequence[str]) -> str:
    """The answers to a question's parts in one text; a part whose source lead (根据《…》表二，) an earlier part said
    already goes on without it."""
    said: set[str] = set()
    out = []
    for text in texts:
        lead = _LEAD.match(text)
        if lead is not None and lead.group() in said:
            text = text[lead.end():]
        elif lead is not None:
            said.add(lead.group())
        out.append(text)
    return "".join(out)

