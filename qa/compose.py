"""Natural-Chinese answer text and sources for the table route; every number printed comes from a cell.

    >>> value_sentence(metric, mv)
    '根据《宁夏回族自治区人民政府办公厅2020年政府信息公开工作年度报告》表三，2020年新收政府信息公开申请4447件（自然人4441件，商业企业6件）。'
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

from govqa.core.types import Answer, Metric, Question, Source
from govqa.qa import lexicon as lx
from govqa.qa.lists import starts_item
from govqa.qa.parts import Part
from govqa.qa.passages import Passage
from govqa.qa.table_query import CellHit, MetricValue, ReportRef, template_has
from govqa.qa.table_route import TableRead

_NUM = re.compile(r"[-+]?\d+(?:\.\d+)?")
_ORDINALS = "一二三四五六七八九十"
_GROUPS = {"复议": "行政复议", "直诉": "未经复议直接起诉的行政诉讼", "复议后诉": "复议后起诉的行政诉讼", "诉讼": "行政诉讼"}
_OUTCOMES = {"总计": "案件", "维持": "结果维持的案件", "纠正": "结果纠正的案件", "其他": "其他结果的案件", "未审结": "尚未审结的案件"}
_OPEN_COLS = {
    "本年新制作数量": "本年新制作{row}", "本年新公开数量": "本年新公开{row}", "对外公开总数量": "{row}对外公开总数量",
    "上一年项目数量": "{row}上一年项目数量", "本年增/减": "{row}本年增/减", "处理决定数量": "{row}处理决定数量",
    "采购项目数量": "政府集中采购项目数量", "采购总金额": "政府集中采购总金额",
    # 2021 template
    "本年制发件数": "本年制发{row}", "本年废止件数": "本年废止{row}", "现行有效件数": "现行有效{row}",
    "本年处理决定数量": "{row}本年处理决定数量", "本年收费金额": "{row}本年收费金额",
}


def report_title(agency: str, year: int | None) -> str:
    """《机关2020年政府信息公开工作年度报告》"""
    return f"《{agency}{year if year is not None else ''}年政府信息公开工作年度报告》"


def quoted(agency: str, year: int | None, section: str | None, quote: str) -> str:
    """The sentence a quoted answer is said in: 根据《…》“section”部分：“quote” (the body when no section is known)."""
    where = f"“{section}”部分" if section else "正文"
    return f"根据{report_title(agency, year)}{where}：“{quote}”"


def number_text(value: float, *, raw: str = "", unit: str = "", signed: bool = False) -> str:
    """A value with its unit, printed as in the report: 2154.97万元, 4447件, +1196项."""
    if unit == "万元" or signed:
        m = _NUM.search(raw.replace(",", ""))
        # the printed digits only when they are the stored value: `251000元` is stored as 25.1 (万元)
        if m and abs(float(m.group(0)) - value) < 1e-9:
            return m.group(0) + unit
    if abs(value - round(value)) < 1e-9:
        text = str(int(round(value)))
    else:
        text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text + unit


def cell_unit(hit: CellHit) -> str:
    """The unit of one cell."""
    return lx.unit_for(hit.table, hit.row, hit.col)


def cell_text(hit: CellHit) -> str:
    """One cell's value as printed, with its unit."""
    return number_text(hit.value, raw=hit.raw, unit=cell_unit(hit), signed=hit.col == "本年增/减")


def col_label(table: str, col: str) -> str:
    """A column key as the report prints it."""
    return lx.COL_LABELS.get(col) or lx.COMPOSITE_LABELS.get(col) or col


def cell_source(hit: CellHit) -> Source:
    """The Source of one cell: 表三 一、本年新收政府信息公开申请数量 总计 = 4447."""
    row = lx.ROW_LABELS.get(hit.table, {}).get(hit.row, hit.row)
    printed = hit.raw.strip() or number_text(hit.value)
    label = " ".join(x for x in (lx.TABLE_NAMES.get(hit.table, hit.table), row, col_label(hit.table, hit.col)) if x)
    return Source(report=hit.report, agency=hit.agency, year=hit.year, text=f"{label} = {printed}",
                  table=hit.table, row=hit.row, col=hit.col)


def metric_label(metric: Metric) -> str:
    """What a metric counts, as a noun phrase: 新收政府信息公开申请, 行政处罚处理决定数量, 行政诉讼案件."""
    if metric.table == "申请":
        short = lx.ROW_SHORT.get(metric.row, metric.row)
        if metric.row.startswith("三.") and metric.row != "三.七":
            return f"办理结果为“{short}”的申请"
        return short
    if metric.table == "复议诉讼":
        group, _, outcome = (metric.col or "复议.总计").partition(".")
        return _GROUPS.get(group, group) + _OUTCOMES.get(outcome, outcome)
    if metric.col is None:
        return metric.row
    return _OPEN_COLS.get(metric.col, "{row}" + metric.col).format(row=metric.row)


def as_printed(metric: Metric, template: str) -> Metric:
    """The metric under the names its report's template prints (对外公开总数量 → 现行有效件数 in a 2021 report)."""
    if template != "2021" or metric.table != "主动公开":
        return metric
    row = lx.EQUIVALENT.get(metric.row, (metric.row,))[-1]
    col = lx.EQUIVALENT.get(metric.col, (metric.col,))[-1] if metric.col else metric.col
    return Metric(metric.table, row, col)


def metric_unit(metric: Metric) -> str:
    """The unit of a metric's values."""
    return lx.unit_for(metric.table, metric.row, metric.col or "")


def value_text(metric: Metric, mv: MetricValue) -> str:
    """The value of one metric in one report, with the parts of a sum in brackets (non-zero parts only)."""
    assert mv.value is not None
    if len(mv.cells) == 1:
        return cell_text(mv.cells[0])
    text = number_text(mv.value, unit=metric_unit(metric))
    parts = [c for c in mv.cells if c.value]
    if parts:
        by_col = len({c.row for c in mv.cells}) == 1  # one row's columns (法人或其他组织 = 商业企业 + …)
        names = [c.col if by_col and c.table == "申请" else _part_name(c) for c in parts]
        text += "（其中" + "，".join(f"{n}{cell_text(c)}" for n, c in zip(names, parts, strict=True)) + "）"
    return text


def _part_name(hit: CellHit) -> str:
    if hit.table == "复议诉讼":
        return col_label(hit.table, hit.col).split(" ")[0]
    return lx.ROW_SHORT.get(hit.row, hit.row)


def _col_clause(metric: Metric) -> str:
    if metric.table == "申请" and metric.col not in (None, "总计"):
        return f"中，{metric.col}提出的"
    return ""


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
    if any(u.blank for u in mv.unread):
        return f"{where}中“{label}”一格印为空白，没有数值（空白不等于0）。"
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
    clause = _col_clause(metric)
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
    if not lx.YES_NO_COUNT.search(question) or value < 0 or unit not in ("件", "个") or metric.col == "本年增/减":
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
    text = (f"{_table_head(metric, values)}{_how_many(values)}{metric_label(metric)}合计"
            f"{number_text(total, unit=unit)}：{listing(metric, values)}。")
    return text, total


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


_YEAR_GAPS = {"no-report": "的报告不在知识库中", "template": "的报告采用{template}版模板，没有这一项",
              "ambiguous": "的报告中这一行数字连在一起，无法可靠地拆分到各列", "no-table": "的报告中未能找到{table}",
              "unlisted": "的报告未列出这一项"}


def year_gap(reason: str, *, template: str = "", table: str = "") -> str:
    """Why one year of a series has no value (said after the year): no-report, template, ambiguous, no-table, unlisted."""
    return _YEAR_GAPS[reason].format(template=template, table=lx.TABLE_NAMES.get(table, "这一表格"))


def trend_change(metric: Metric, first: MetricValue, last: MetricValue) -> str:
    """The change from the series' first shown year to its last (持平, 增加 N, 减少 N)."""
    assert first.value is not None and last.value is not None
    unit = metric_unit(metric)
    diff = last.value - first.value
    if abs(diff) < 1e-9:
        return f"{last.report.year}年与{first.report.year}年持平。"
    verb = "增加" if diff > 0 else "减少"
    return f"{last.report.year}年比{first.report.year}年{verb}{number_text(abs(diff), unit=unit)}。"


def trend_text(agency: str, metric: Metric, shown: Sequence[MetricValue], gaps: Mapping[str, Sequence[str]]) -> str:
    """One agency's metric year by year: each shown year's value, the change, and the years without a value and why."""
    head = (f"根据{agency}{'、'.join(str(v.report.year) for v in shown)}年年度报告"
            f"{lx.TABLE_NAMES.get(metric.table, '')}，{metric_label(metric)}逐年为：")
    said_values = "，".join(f"{v.report.year}年{value_text(metric, v)}" for v in shown)
    text = f"{head}{said_values}。"
    if len(shown) >= 2:
        text += trend_change(metric, shown[0], shown[-1])
    if metric.table == "主动公开":  # the 2019 and 2021 templates print one figure under different columns
        text += columns_note({v.report.year: col_label(metric.table, v.cells[0].col)
                              for v in shown if v.cells and v.report.year is not None})
    if gaps:
        said = "；".join("、".join(f"{y}年" for y in ys) + why for why, ys in gaps.items())  # 年 after each: a year
        text += f"（{said}，未计入，不按零计。）"
    return text


def contact_not_printed(agency: str, year: int | None, kinds: Sequence[str], other_years: Sequence[int]) -> str:
    """The agency's report of that year (any, when None; and its other reports, when listed) prints none of the asked
    contact details."""
    where = report_title(agency, year) if year is not None else f"{agency}的年度报告"
    others = f"，该机关其他年度（{'、'.join(f'{y}年' for y in other_years)}）的报告也没有" if other_years else ""
    return f"{where}中没有载明{'、'.join(kinds)}{others}。"


def contact_lead(title: str, *, newest: int | None = None, older: tuple[int | None, int | None] | None = None) -> str:
    """据《…》, noting the newest report read for a question without a year, or the older report that printed it."""
    if newest is not None:
        return f"据{title}（问题未写年份，按该机关最新的{newest}年报告）"
    if older is not None:
        return f"据{title}（{older[0]}年报告未载明，这是{older[1]}年报告所载）"
    return f"据{title}"


def contact_facts(lead: str, said: Sequence[tuple[str, Sequence[str]]], zone: str, quotes: str) -> str:
    """The contact details one report prints (kind：value、value；…) and the sentences quoted whole."""
    details = "；".join(f"{k}：{'、'.join(values)}" for k, values in said)
    return f"{lead}，{details}。原文（“{zone}”部分）：{quotes}"


def contact_missing(kinds: Sequence[str]) -> str:
    """The asked details no report of the agency prints."""
    return f"报告中没有载明{'、'.join(kinds)}。"


def per_period_sentence(title: str, year: int | None, label: str, period: str, average: str, formula: str) -> str:
    """A year's count spread over its months: 根据《…》，2022年新收政府信息公开申请平均每月5件（…）。"""
    return f"根据{title}，{year}年{label}平均每{period}{average}（{formula}；年度报告只按全年统计，这是全年数的平均，不是逐月数据）。"


def per_period_missing(why: str) -> str:
    """No average per month: the yearly figure is not there."""
    return f"无法计算每月平均：{why}"


def group_count_sentence(title: str, year: int | None, group: str, col: str, total: str, formula: str) -> str:
    """A described group's count: 根据《…》，2022年公开的申请（予以公开 + 部分公开）共30件（…）。"""
    by = f"中{col}提出的" if col else ""
    return f"根据{title}，{year}年{group}{by}共{total}（{formula}）。"


def group_count_missing(group: str, why: str) -> str:
    """No count of a described group: a row of it is not there."""
    return f"无法给出{group}的合计：{why}"


def times_sentence(titles: str, listing: str, first: str, second: str, ratio: str, formula: str) -> str:
    """One figure as a multiple of another: 根据《…》，2023年公开率为…；2021年…。2023年是2021年的1.2倍（…）。"""
    return f"根据{titles}，{listing}。{first}是{second}的{ratio}倍（{formula}）。"


def zero_base(name: str) -> str:
    """The figure a multiple is taken of is 0."""
    return f"作为比较基数的{name}为0，分母为0。"


def no_multiple(why: str) -> str:
    """No multiple: a figure is missing or the base is 0."""
    return f"无法计算倍数：{why}"


def part_not_said(agency: str, year: int, name: str) -> str:
    """The plain sentence for a part (上年问题整改情况) the report's section does not hold."""
    return f"{report_title(agency, year)}中没有写{name}（报告未载明，不表示没有整改）。"


def list_lines(agency: str, year: int, part: Part, items: Sequence[Passage], shown: Sequence[Passage]) -> list[str]:
    """A section answer's lines for one report: the lead (how many items of what; the one asked for when ``shown``
    is a single item of ``items``), then each shown item (一是… / 1. carry their own mark, others a dot)."""
    summary = _list_summary(part, items)
    if 0 < part.nth <= len(items):  # 第二条是什么: that one item, after how many there are
        summary = f"{summary.rstrip('：')}，第{part.nth}项是："
    lead = f"根据{report_title(agency, year)}“{shown[0].section}”部分，{summary}"
    return [lead, *(p.text if starts_item(p.text) else f"· {p.text}" for p in shown)]


def _list_summary(part: Part, items: Sequence[Passage]) -> str:
    """The one plain sentence that leads the list: how many items of what."""
    named = (part.topic or (part.words[0] if part.words else "")).strip("“”\"「」‘’")
    what = f"“{named}”方面的{part.name}" if named else part.name
    if part.facet and not part.words:  # 通过哪些形式: the forms, not the work
        what = f"“{named}”的{part.facet}" if named else f"公开{part.facet}"
    if part.words and items and all(part.words[0] in p.text for p in items):  # 组织领导到位… : the items named so
        return f"带“{part.words[0]}”的共{len(items)}项："
    if all(starts_item(p.text) for p in items):
        return f"{what}共{len(items)}项："
    return f"{what}如下："


def no_year_report(name: str, years: list[int], what: str) -> str:
    """A comparison between years one of which the store lacks: 知识库中没有…2019年的年度报告，无法比较公开率。"""
    return f"知识库中没有{name}{'、'.join(map(str, years))}年的年度报告，{what}。"


def points_gap_sentence(titles: str, listing: str, first: str, second: str, gap: float, formula: str) -> str:
    """Two rates and their gap: 根据《…》，2019年公开率为…；2021年…。2021年比2019年高44.4个百分点（…）。"""
    verb = "高" if gap >= 0 else "低"
    return f"根据{titles}，{listing}。{first}比{second}{verb}{number_text(abs(gap))}个百分点（{formula}）。"


def unrounded_note() -> str:
    """A gap taken from the unrounded rates, where it differs from the rounded ones subtracted."""
    return "，按未取整的比率相减"


def direction_note(change: float, *, asked_fall: bool, asked_rise: bool) -> str:
    """The direction of a change in percent, said plainly: 即下降50% where a fall was asked, 实际是增长了… where the change
    ran the other way than asked."""
    size = f"{abs(change):g}%"
    if asked_fall:
        return f"即下降{size}。" if change <= 0 else f"实际不是下降，而是增长了{size}。"
    if asked_rise and change < 0:
        return f"实际不是增长，而是下降了{size}。"
    return ""


def relative_sentence(first: str, second: str, rate: float, formula: str, *, asked_fall: bool) -> str:
    """The first figure against the second in percent of the second: 甲局比乙局多600%（…）; a fall asked of a rise
    (or a rise of a fall) is said plainly."""
    size = f"{abs(rate):g}%"
    word = "多" if rate >= 0 else "少"
    text = f"{first}比{second}{word}{size}（{formula}）。"
    if asked_fall and rate > 0:
        text += f"实际不是少，而是多了{size}。"
    return text


def count_gap_sentence(first: str, second: str, diff: float, size: str, formula: str, *, asked_fall: bool) -> str:
    """The difference of two reports' counts: 甲局2023年比乙局2021年多13件（…）; the other way than asked said plainly."""
    word = "多" if diff >= 0 else "少"
    text = f"{first}比{second}{word}{size}（{formula}）。"
    if asked_fall and diff > 0:
        text += f"实际不是少，而是多了{size}。"
    return text


def opposite_change(*, asked_fall: bool, diff: float) -> str:
    """A change that ran the other way than asked (问少了多少，实际是多了): said plainly; empty otherwise."""
    if asked_fall and diff > 0:
        return "问的是减少，实际是增加。"
    return ""
