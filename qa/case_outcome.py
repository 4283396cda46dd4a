"""How 复议 / 诉讼 cases ended (结果怎么样, 最后怎么判的, 赢了没有, 被纠正了吗): the outcome columns of each group
asked (行政复议 and / or 行政诉讼; 官司 is a lawsuit) read from 表四, with the report's own sentence on how they ended
(…分别被驳回…和裁定按撤诉处理) quoted after them when its prose says so.

    >>> outcome_answer(understand("红寺堡区2020年的复议和官司最后结果怎么样？", catalog=c), store=store, refs=refs,
    ...                report_text=texts).text
    '根据《…2020年政府信息公开工作年度报告》表四，2020年行政复议1件（结果维持1件，…）；行政诉讼1件（…）。（报告正文：…）'

A count of one outcome (结果维持的有几件) stays with the table route; a cell not read is never a zero.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from govqa.core.protocols import ReportStore
from govqa.core.types import Answer, Metric, Question, Source
from govqa.qa import compose as cp
from govqa.qa.case_groups import TABLE, asked_groups
from govqa.qa.outcome_followup import outcome_passages
from govqa.qa.table_query import MetricValue, ReportRef, metric_values

OUTCOMES = ("维持", "纠正", "其他", "未审结")


def recognise(q: Question) -> bool:
    """Whether q asks how 复议 / 诉讼 cases ended (qa/understand.py's intent "outcome": the question says so, or
    follows up a question that did: 那诉讼呢)."""
    return q.metric is not None and q.metric.table == TABLE and q.intent == "outcome"


def lists_groups(q: Question) -> bool:
    """Whether q asks how several named groups ended (复议和官司分别是什么结果): no count to list or compute, though
    arithmetic reads 分别 as several figures."""
    from govqa.qa.figures import asked_terms

    return recognise(q) and len(asked_groups(q.text, "")) > 1 and (terms := asked_terms(q)) is not None \
        and terms[0] == "list"


def outcome_answer(q: Question, *, store: ReportStore, refs: Sequence[ReportRef],
                   report_text: Callable[[str], str]) -> Answer | None:
    """Each asked group's total and outcome columns per report, with the prose sentence on how the cases ended;
    None when no report has either (the table route then says why)."""
    assert q.metric is not None
    groups = asked_groups(q.text, (q.metric.col or "复议.总计").split(".")[0])
    texts: list[str] = []
    sources: list[Source] = []
    none: list[tuple[ReportRef, list[Source]]] = []  # several reports asked: the ones without a case, said at the end
    for ref in refs:
        read = [(g, {c: _value(store, g, c, ref) for c in ("总计", *OUTCOMES)}) for g in groups]
        said = [(g, cols) for g, cols in read if cols["总计"].value is not None]
        prose = outcome_passages(report_text(ref.id), report=ref.id, agency=ref.agency, year=ref.year)
        if not said and not prose:
            continue
        if len(refs) > 1 and not prose and len(said) == len(read) and all(cols["总计"].value == 0 for _, cols in said):
            none.append((ref, [cp.cell_source(c) for _, cols in said for c in cols["总计"].cells]))
            continue
        text = cp.case_outcomes(ref, said) if said else ""
        if len(refs) == 1 and len(said) == len(read):  # 被纠正了吗 / 赢了没有: 有 / 没有 first
            text = cp.outcome_lead(q.text, said) + text
        text += "".join(cp.absent_reason(Metric(TABLE, "数量", f"{g}.总计"), cols["总计"])
                        for g, cols in read if cols["总计"].value is None)
        sources += [cp.cell_source(c) for _, cols in said for v in cols.values() for c in v.cells]
        if prose:
            said_text = "".join(s.text for s in prose)
            text = cp.with_prose(text, cp.quoted(ref.agency, ref.year, prose[0].section, said_text)) if text \
                else cp.quoted(ref.agency, ref.year, prose[0].section, said_text)
            sources += prose
        texts.append(text)
    if none:
        texts.append(cp.no_cases([r for r, _ in none], groups, besides=bool(texts)))
        sources += [c for _, cells in none for c in cells]
    if not texts:
        return None
    return Answer(question=q.text, text="".join(texts), found=True, route="table", sources=tuple(sources))


def _value(store: ReportStore, group: str, col: str, ref: ReportRef) -> MetricValue:
    return metric_values(store, Metric(TABLE, "数量", f"{group}.{col}"), reports=[ref])[0]

