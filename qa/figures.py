"""Several figures of one report in one question: listed (收到多少申请？其中予以公开的有多少？), added up
(复议和诉讼一共多少件) or subtracted (予以公开比不予公开多多少).

A question is split into its asking clauses (？ ； ， 其中); a clause without a question word (多少, 几 …) is context for
the next one. A clause that names no row borrows the table and row of the clause before (…行政复议，维持的有多少).
Inside one clause, metrics joined by 和 / 与 / 及 / 、 are listed or summed, two set apart by 比 are subtracted; a
column word said once serves every metric of the clause (行政许可和行政处罚的处理决定). Every cell used is a source;
a term the report does not print or the parser could not read makes no sum or difference and is named.

    >>> figures_answer(understand("红寺堡区2020年行政复议和行政诉讼一共多少件？", catalog=c), store=store, refs=refs).formula
    '行政复议 5 + 行政诉讼 2 = 7'
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from govqa.core.protocols import ReportStore
from govqa.core.types import Answer, Metric, Question
from govqa.qa import compose as cp
from govqa.qa import lexicon as lx
from govqa.qa.indicators import broken_cells, term_label
from govqa.qa.table_query import MetricValue, ReportRef, metric_values

ASKING = re.compile(r"多少|几[件个条项次起宗份倍]?|是否|有没有|哪些|哪个|哪一个|哪项|谁|怎样|如何|什么|吗|分别|各")
_TIMES = re.compile(r"(?:几|多少)倍")  # A是B的几倍: a ratio
_IS = re.compile(r"是")
_CLAUSE_END = re.compile(r"[？?；;，,。！!]|其中|另外|以及|同时")
_JOIN = re.compile(r"以及|加上(?!年)|还有|和|与|及|跟|加|、|＋|\+")
_THAN = re.compile(r"(?<!百分)(?<!占)比(?!较|例|重|率|一比)")
_OPENED = re.compile(r"(?<![不主])(?<!不予)(?<!主动)(?:给|被|予以|获得|得到)?公开(?:了|的)")  # 公开了多少: 予以 + 部分公开
_OF_SUM = r"的和(?=是|为|有|多少|等于|[，,？?。]|$)"  # A和B的和是多少; not 公开的和部分公开的 (的 + 和)
_SUM = re.compile(lx.SUM_WORDS.pattern + r"|之和|" + _OF_SUM + r"|合起来|加在一起|共有?多少|共几")
# 公开了（全部公开加部分公开）多少件 / 予以公开加上部分公开多少件: figures joined by 加, or joined inside brackets that
# gloss one figure, are added up (和 outside brackets lists them: 予以公开和部分公开各多少)
_ADDED = re.compile(r"[（(][^（）()]*?(?:和|与|及|以及|加上?|、|＋|\+)[^（）()]*?[）)]|加上?(?!年)|＋|\+")
_EACH = re.compile(r"各|分别")
_GAP = re.compile(r"相差|差了?多少|差几|差距|差额|差值")  # A和B相差多少: a difference without 比
# 公开和部分公开: a bare 公开 set beside 部分公开 is 予以公开 (said either way round)
_BARE_OPEN = re.compile(r"(?<![不分动予以])公开(?=的?(?:申请)?(?:和|与|及|、|跟|加上?)部分公开)|"
                        r"(?<=部分公开)((?:的?申请)?(?:和|与|及|、|跟|加上?))公开(?![率比])")
# an organisation whose name holds a joining character (综合执法与应急管理局, 自然资源和规划局): never split there
_ORGANISATION = re.compile(r"[\u4e00-\u9fff]{2,8}[与和及][\u4e00-\u9fff]{2,10}?(?:局|厅|委员会|办公室|中心|管委会|政府)"
                           r"(?![\u4e00-\u9fff]{0,2}(?:处理|决定|许可|处罚))")
_YEARS_JOINED = re.compile(r"(?:19|20)\d{2}\s*年?\s*(?:和|与|及|、|跟)\s*(?:19|20)\d{2}\s*年")
_NOT_HERE = re.compile(r"占(?!用|据|有)|比例|比率|占比|比重|百分之|百分比|几成|增长|增幅|下降|同比|[比较]上一?年|[比较]去年")  # shares, changes: qa/arith.py


@dataclass(frozen=True)
class Term:
    """One figure asked for: a metric, or the sum of several (公开了多少 = 予以公开 + 部分公开)."""

    metrics: tuple[Metric, ...]
    label: str


def with_col(metric: Metric) -> Metric:
    """The metric with its row's first column when it names none (行政许可 → 处理决定数量)."""
    return metric if metric.col else replace(metric, col=lx.ROW_COLS.get(metric.row, ("总计",))[0])


def _protected(text: str) -> set[int]:
    """Positions covered by a template word that holds a joining character (法人和其他组织, 法律服务机构…) or by a word
    of sum (之和)."""
    words = [w for t in lx.ROW_TERMS for w in t.words] + [w for pairs in lx.COL_TERMS.values() for w, _ in pairs]
    words += ["之和", "总和", "还有多少", "加起来", "加在一起", "加总", "增加", "追加", "参加", "更加"]
    covered: set[int] = set()
    for word in (w for w in words if _JOIN.search(w)):
        for m in re.finditer(re.escape(word), text):
            covered.update(range(m.start(), m.end()))
    from govqa.qa.understand import find_row_term

    # 手上没有、给不了的 / 没办完、要拖到下一年的: one row described, never two figures
    for pattern in (*(p for _, _, p in lx.ROW_DESCRIPTIONS), lx.CARRY_IN, lx.CARRY_OUT):
        for m in pattern.finditer(text):
            covered.update(range(m.start(), m.end()))
    for m in _YEARS_JOINED.finditer(text):  # 2021年和2023年: two years, not two figures
        covered.update(range(m.start(), m.end()))
    for m in re.finditer(_OF_SUM, text):
        covered.update(range(m.start(), m.end()))
    for m in _ORGANISATION.finditer(text):
        if find_row_term(m.group()) is None:  # 行政许可和行政处罚局里: rows of the tables, no organisation
            covered.update(range(m.start(), m.end()))
    return covered


def opened_named(text: str) -> str:
    """The text with a bare 公开 set beside 部分公开 said as 予以公开 (公开和部分公开加起来 adds both rows)."""
    return _BARE_OPEN.sub(lambda m: f"{m.group(1)}予以公开" if m.group(1) else "予以公开", text)


def _split(text: str, pattern: re.Pattern[str]) -> list[str]:
    covered = _protected(text)
    parts, start = [], 0
    for m in pattern.finditer(text):
        if m.start() not in covered:
            parts.append(text[start:m.start()])
            start = m.end()
    return [*parts, text[start:]]


def _term(text: str, whole: str, previous: Metric | None, *, named: bool = False) -> Term | None:
    """The figure one piece of text names; a column word of ``whole`` fills a piece that names none. ``named``: the
    piece must name its row or column, not only the word 申请 (几件申请是区分处理、部分公开的 asks one figure)."""
    from govqa.qa.understand import find_col, find_metric, find_row_term

    if (defined := _defined_sum(text)) is not None:  # 待办的申请（新收加上年结转）总共多少: the sum the user defines
        return defined
    metric = find_metric(text)
    if (described := described_group(text, metric)) is not None:  # 最终公开（含部分公开）的申请: its rows added
        return described
    if (cases := _cases_added(text, metric)) is not None:  # 复议加上诉讼合计几件: each group's total added
        return cases
    row = find_row_term(text)
    if named and metric is not None and (row is None or row.weight < 0) and not find_col(text, metric.table, metric.row):
        return None
    if metric is None and previous is not None:
        col = find_col(text, previous.table, previous.row)
        if col is not None:
            group = (previous.col or "复议.总计").split(".")[0]
            metric = replace(previous, col=f"{group}.{col}" if previous.table == "复议诉讼" else col)
        elif previous.table == "申请" and _OPENED.search(text):
            opened = (Metric("申请", "三.一", "总计"), Metric("申请", "三.二", "总计"))
            return Term(opened, "公开（予以公开和部分公开）")
    if metric is None:
        return None
    if find_col(text, metric.table, metric.row) is None and (col := find_col(whole, metric.table, metric.row)):
        metric = replace(metric, col=f"{(metric.col or '复议.总计').split('.')[0]}.{col}"
                         if metric.table == "复议诉讼" else col)
    metric = with_col(metric)
    return Term((metric,), label(metric))


_CASES_ADDED = re.compile(r"一共|合计|总共|共计|加起来|合起来|加在一起|放在一起|放一块|共有|共")
_CASE_GROUPS = ({"复议", "诉讼"}, {"复议", "直诉", "复议后诉"}, {"直诉", "复议后诉"})


def _cases_added(text: str, metric: Metric | None) -> Term | None:
    """Several 表四 groups the text adds up (复议和诉讼一共几件, 申请复议和被起诉的案件合计): one column of each group,
    added; None unless the text names two or more groups that do not overlap and asks their sum."""
    from govqa.qa.case_groups import asked_groups

    if metric is None or metric.table != "复议诉讼" or not _CASES_ADDED.search(text):
        return None
    groups = [g for g in asked_groups(text, "") if g]
    if len(groups) < 2 or not any(set(groups) <= allowed for allowed in _CASE_GROUPS):
        return None
    return _case_cols(groups, (metric.col or "复议.总计").split(".")[-1], metric)


def _case_cols(groups: Sequence[str], col: str, metric: Metric) -> Term:
    """One column (总计, 纠正 …) of each 表四 group, as one figure added up."""
    metrics = tuple(replace(metric, col=f"{g}.{col}") for g in groups)
    return Term(metrics, "、".join(label(m) for m in metrics))


def _over_cases(previous: Term, term: Term, clause: str) -> Term:
    """A later clause asking a column only (其中被纠正的有几件) of several 表四 groups added before: that column of each
    group, added; the term as found otherwise."""
    from govqa.qa.case_groups import asked_groups

    if len(previous.metrics) < 2 or len(term.metrics) != 1 or any(m.table != "复议诉讼" for m in previous.metrics) \
            or term.metrics[0].table != "复议诉讼" or asked_groups(clause, "") != ("",):
        return term
    groups = [(m.col or "").split(".")[0] for m in previous.metrics]
    return _case_cols(groups, (term.metrics[0].col or "").split(".")[-1], term.metrics[0])


# a group said bare (公开的申请) may be the disclosure applications themselves: only a marked one is a group here
BARE_GROUP = re.compile(r"公开的?(?:申请|件|案件|案子)?(?:总数|总量|总件数|件数|数量)?")


_GROUP_NOUN = re.compile(r"申请|部分公开")


def described_group(text: str, metric: Metric | None) -> Term | None:
    """A group of rows the text describes (最终公开（含部分公开）的申请, 予以公开加部分公开, 包括部分公开在内的公开申请,
    没公开的申请) as one figure, its rows added; None when the text names no such group, or names a row besides the
    group's own words (不予处理这些没公开的申请, 公开的申请里不予公开的: that row)."""
    from govqa.qa.indicators import load_groups

    for group in load_groups():
        for pattern in group.patterns:
            for hit in pattern.finditer(text):
                if BARE_GROUP.fullmatch(hit.group()) or metric is None and not _GROUP_NOUN.search(hit.group()):
                    continue  # 公开了多少件人大建议: no applications' group without 申请 or its rows said
                inside = metric is not None and metric.table == "申请" and lx.ROW_SHORT.get(metric.row, metric.row) in hit.group() \
                    and any(metric.row == t.row or metric.row.startswith(t.row + ".") for t in group.terms)
                if metric is None or inside or metric.table == "申请" and metric.row in ("一", "三.七"):
                    return Term(group.terms, group.name)
    return None


_DEFINED = re.compile(r"([\u4e00-\u9fff]{0,10}?)[（(]([^（）()]{1,40}?(?:和|与|及|以及|加上?|、|＋|\+)[^（）()]{1,40}?)[）)]")


_NEW, _CARRIED_IN, _CARRIED_OUT = Metric("申请", "一", "总计"), Metric("申请", "二", "总计"), Metric("申请", "四", "总计")
_OUTWARD = re.compile(r"下一?年|明年|次年|来年|[到至入]")  # 结转到下年: carried out, said so


def _defined_sum(text: str) -> Term | None:
    """A figure the question defines as a sum in brackets (待办的申请（新收加上年结转）, 经手的申请（上年结转的加本年新收的）):
    the rows added, named by the words before the bracket; None when no bracket lists two figures."""
    for m in _DEFINED.finditer(text):
        pieces = _split(m.group(2), _JOIN)
        if len(pieces) < 2:  # 本年新收和上年结转: a row description may cover the 和; the bracket lists figures anyway
            pieces = [p for p in _JOIN.split(m.group(2)) if p]
        inside = joined(pieces, m.group(2))
        if inside is not None and len(inside) >= 2:
            metrics = tuple(x for t in inside for x in t.metrics)
            if _NEW in metrics and _CARRIED_OUT in metrics and not _OUTWARD.search(m.group(2)):
                metrics = tuple(_CARRIED_IN if x == _CARRIED_OUT else x for x in metrics)  # 新收+结转: carried in
            named = re.sub(r"^.*?(?:年|的)(?=[\u4e00-\u9fff])", "", m.group(1)) or "合计"
            return Term(metrics, named)
    return None


def _columns_defined(text: str) -> Term | None:
    """A sum the question defines in brackets over columns of the one row it names elsewhere (行政许可事项一共多少项？
    （上一年项目数加上本年增减）): that row's columns added; None when a bracket lists no two columns of it."""
    from govqa.qa.understand import find_col, find_metric

    for m in _DEFINED.finditer(text):
        row = find_metric(text[: m.start(2) - 1] + text[m.end(2) + 1:])
        pieces = [p for p in _JOIN.split(m.group(2)) if p.strip()]
        if row is None or row.table != "主动公开" or len(pieces) < 2:
            continue
        cols = [find_col(p, row.table, row.row) for p in pieces]
        if all(cols) and len(set(cols)) == len(cols):
            return Term(tuple(replace(row, col=c) for c in cols), cp.metric_label(replace(row, col=None)))
    return None


def label(metric: Metric) -> str:
    """What a metric counts, with the applicant column said: 商业企业提出的申请, not 新收政府信息公开申请."""
    if metric.table == "申请" and metric.col not in (None, "总计"):
        return f"{metric.col}提出的申请" if metric.row == "一" else f"{cp.metric_label(metric)}（{metric.col}）"
    return cp.metric_label(metric)


def _clauses(text: str) -> list[str]:
    """The asking clauses of a question, each with the context said before it (2020年的行政复议，维持的有多少)."""
    out, context, start = [], "", 0
    for m in [*_CLAUSE_END.finditer(text), None]:
        piece = text[start:m.start() if m else len(text)]
        start = m.end() if m else len(text)
        if not piece.strip():
            continue
        listed = [p for p in piece.split("、") if p.strip()]
        if len(listed) >= 2 and all(ASKING.search(p) for p in listed):  # 部分公开几件、无法提供几件: one clause each
            out += [context + listed[0], *listed[1:]]
            context = ""
        elif ASKING.search(piece):
            out.append(context + piece)
            context = ""
        else:
            context += piece
    return out


def asked_terms(q: Question) -> tuple[str, list[Term]] | None:
    """(how: list | sum | diff | which | ratio, the figures) when q asks for several figures, else None."""
    if _NOT_HERE.search(q.text):
        return None
    if (columns := _columns_defined(q.text)) is not None:  # 一共多少项？（上一年项目数加上本年增减）: one row's columns
        return "sum", [Term((m,), label(m)) for m in columns.metrics]
    clauses = _clauses(opened_named(q.text))
    if len(clauses) == 2 and _SUM.search(clauses[1]) and _term(clauses[1], clauses[1], None) is None \
            and not _column_asked(clauses):
        clauses = [clauses[0] + "合计"]  # 复议和诉讼各多少件，合计多少: the pieces of the first clause, added up
    elif len(clauses) == 2 and lx.HOW_MUCH_MORE.search(clauses[1]) and _term(clauses[1], clauses[1], None) is None:
        clauses = [clauses[0] + clauses[1]]  # 收到的和予以公开的哪个多，多多少: one comparison of the first clause's two
    if len(clauses) >= 2:
        terms: list[Term] = []
        for clause in clauses:
            previous = terms[-1].metrics[0] if terms else None
            if terms and _EACH.search(clause) and (each := joined(_split(clause, _JOIN), clause)):
                terms += each  # 新收多少，部分公开和不予处理的各几件: the later clause's rows, each
                continue
            term = _term(clause, clause, previous, named=bool(terms))  # a later clause names its own row
            if term is None:
                return None
            terms.append(_over_cases(terms[-1], term, clause) if terms else term)
        return ("list", terms) if len({t.metrics for t in terms}) == len(terms) else None
    if len(clauses) != 1:
        return None
    clause = clauses[0]
    if _TIMES.search(clause) and len(pieces := _split(clause, _IS)) == 2:
        how = "ratio"
    elif len(pieces := _split(clause, _THAN)) == 2 and lx.DIFF_WORDS.search(clause):
        how = "diff"
    elif (defined := _defined_sum(clause)) is not None and not _EACH.search(clause):
        return "sum", [Term((m,), label(m)) for m in defined.metrics]  # 待办的申请（新收+结转）合计多少: its rows added
    else:
        pieces = _split(clause, _JOIN)
        two = len(pieces) == 2
        how = ("diff" if two and _GAP.search(clause) else "which" if two and lx.COMPARE_WORDS.search(clause)
               else "sum" if _SUM.search(clause) or _ADDED.search(clause) and not _EACH.search(clause) else "list")
    found = joined(pieces, clause)
    return (how, found) if found else None


def _column_asked(clauses: Sequence[str]) -> bool:
    """Whether the second clause asks a 表四 column of the groups the first names (复议、诉讼合计多少件？纠正的合计几件):
    a figure of its own, not the first clause's sum."""
    from govqa.qa.understand import find_col, find_metric

    first = find_metric(clauses[0])
    return first is not None and first.table == "复议诉讼" and find_col(clauses[1], first.table, first.row) is not None


def joined(pieces: Sequence[str], clause: str) -> list[Term] | None:
    """The figures of the pieces of one clause (each must name its own row or column), or None."""
    if len(pieces) < 2:
        return None
    found: list[Term] = []
    for piece in pieces:
        piece = _after_within(piece)
        term = _term(piece, clause, found[-1].metrics[0] if found else None, named=True)
        if term is None:
            return None
        found.append(term)
    found = _crossed(found, pieces[0])
    found = _same_row(found, pieces)
    rows = [m.row for t in found for m in t.metrics]
    if not _EACH.search(clause) and any(a.startswith(b + ".") for a in rows for b in rows):
        return None  # 手上没有、给不了的: a reason and its own group describe one figure, the reason's
    return found if len({t.metrics for t in found}) == len(found) else None


_WITHIN = re.compile(r"当中|之中|里面|中|里")


_OUTCOME_SAID = re.compile(r"办理结果(?:为|是|属于)?")


def _crossed(found: list[Term], first: str) -> list[Term]:
    """Applicant columns asked within a row or a group the question names first (无法提供的申请里，自然人和商业企业
    各多少件; 没公开的申请中法人提的和自然人提的): each column of that row, or summed over the group's rows; the terms
    as found otherwise."""
    from govqa.qa.understand import find_metric

    cols = [t.metrics[0].col for t in found if len(t.metrics) == 1 and t.metrics[0].table == "申请"
            and t.metrics[0].row == "一" and t.metrics[0].col not in (None, "总计")]
    within = list(_WITHIN.finditer(first))
    if len(cols) != len(found) or not within:
        return found
    whole_text = first[: within[-1].start()]
    whole = find_metric(whole_text)
    if whole is not None and whole.row == "三.七" and (named := find_metric(_OUTCOME_SAID.sub("", whole_text))):
        whole = named  # 办理结果为无法提供的申请当中: the outcome named, not all outcomes
    if whole is None or whole.table != "申请":
        return found
    if (group := described_group(whole_text, whole)) is not None and len(group.metrics) > 1:
        return [Term(tuple(replace(m, col=c) for m in group.metrics), f"{group.label}（{c}）") for c in cols]
    if whole.row in ("一", "三.七") or not whole.row.startswith("三."):
        return found
    return [Term((m,), label(m)) for m in (replace(whole, col=c) for c in cols)]


def _same_row(found: list[Term], pieces: Sequence[str]) -> list[Term]:
    """A later piece naming only an applicant column (…的申请，自然人提的是商业企业提的多少倍) is read in the row the
    first piece names, not as that column's total of new applications."""
    from govqa.qa.understand import find_row_term

    first = found[0].metrics
    if len(first) != 1 or first[0].table != "申请" or first[0].row == "一":
        return found
    out = [found[0]]
    for term, piece in zip(found[1:], pieces[1:], strict=True):
        m = term.metrics[0]
        row = find_row_term(piece)
        if len(term.metrics) == 1 and m.table == "申请" and m.row == "一" and m.col not in (None, "总计") \
                and (row is None or row.weight < 0):
            moved = replace(m, row=first[0].row)
            term = Term((moved,), label(moved))
        out.append(term)
    return out


def _after_within(piece: str) -> str:
    """What a piece names after its last 中 / 里 (办理结果中予以公开 names 予以公开), when that names a figure."""
    from govqa.qa.understand import find_metric

    last = _WITHIN.split(piece)[-1]
    return last if last != piece and find_metric(last) is not None else piece


def asks_sum(text: str) -> bool:
    """Whether a text asks figures added up (合计, 加起来, 之和 …)."""
    return _SUM.search(text) is not None


# a share's group may be spelled with 或 (不予公开或者无法提供的占多少): never the 或 of 法人或其他组织
_OR_JOIN = re.compile(_JOIN.pattern + r"|或者(?!其他)|或是|或(?!者|其他)")
_SENTENCE_END = re.compile(r"[？?；;。！!]")
_GLOSS = re.compile(r"[（(]([^（）()]{4,40})[）)]")  # 没拿到信息（被不予公开或者无法提供）: the rows the words mean


def glossed_metrics(text: str) -> list[Metric] | None:
    """The rows a bracket glosses a described group with (没拿到信息（不予公开或无法提供）), or None."""
    for gloss in _GLOSS.finditer(text):
        if (inside := joined(_split(gloss.group(1), _OR_JOIN), gloss.group(1))) is not None:
            return [m for t in inside for m in t.metrics]
    return None


def shared_metrics(text: str) -> list[Metric] | None:
    """The metrics joined in a share question (不予公开和无法提供加起来占比多少, 不予公开或者无法提供的占多少, a group
    glossed in brackets: 没拿到信息（不予公开或无法提供）), or None when it names fewer than two."""
    if (glossed := glossed_metrics(text)) is not None:
        return glossed
    clauses = _clauses(opened_named(text))
    found = joined(_split(clauses[0], _OR_JOIN), clauses[0]) if len(clauses) == 1 else None
    if found is None:  # 占多大比例 asks with no counting word, and 以及 ends no clause here: the sentence itself
        sentences = [p for p in _SENTENCE_END.split(opened_named(text)) if p]
        found = joined(_split(sentences[0], _OR_JOIN), sentences[0]) if len(sentences) == 1 else None
    return [m for t in found for m in t.metrics] if found else None


def figures_answer(q: Question, *, store: ReportStore, refs: Sequence[ReportRef]) -> Answer | None:
    """The answer to a question asking several figures of one report, or None when q is not one."""
    asked = asked_terms(q)
    if asked is None or len(refs) != 1:
        return None
    return terms_answer(q, *asked, store=store, ref=refs[0])


def terms_answer(q: Question, how: str, terms: Sequence[Term], *, store: ReportStore, ref: ReportRef) -> Answer:
    """Figures of one report listed, added, subtracted or divided (how: list | sum | diff | which | ratio)."""
    values = [[metric_values(store, m, reports=[ref])[0] for m in t.metrics] for t in terms]
    cells = tuple(c for vs in values for v in vs for c in v.cells)
    sources = tuple(cp.cell_source(c) for c in cells)
    head = cp.terms_lead(cp.report_title(ref.agency, ref.year), ref.year)
    absent = [(m, v) for t, vs in zip(terms, values, strict=True) for m, v in zip(t.metrics, vs, strict=True)
              if v.value is None]
    said = [_term_text(t, vs) for t, vs in zip(terms, values, strict=True) if all(v.value is not None for v in vs)]
    why = "".join(cp.absent_reason(m, v) for m, v in absent)
    broken = broken_cells(store, ref.id, cells)
    note = cp.note_broken_cells(["、".join(broken)] if broken else [])
    unit = cp.metric_unit(terms[0].metrics[0])
    if how == "list" or absent:
        if not said:
            return Answer(q.text, why, False, "refuse", sources=sources, reason="no-data")
        text = cp.terms_listed(how, head, said, why, note, refused=bool(absent))
        found = not (absent and how != "list")
        return Answer(q.text, text, found, "table" if found else "refuse", value=None, unit=unit if found else None,
                      sources=sources, reason=None if found else "no-data")
    totals = [sum(v.value or 0.0 for v in vs) for vs in values]
    if how == "sum":
        value = round(sum(totals), 6)
        formula = " + ".join(f"{_short(t)} {cp.number_text(x)}" for t, x in zip(terms, totals, strict=True))
        formula += f" = {cp.number_text(value)}"
        text = cp.terms_sum(head, said, cp.number_text(value, unit=unit), formula, note)
        return Answer(q.text, text, True, "table", value=value, unit=unit, sources=sources, formula=formula)
    (a, b), (x, y) = terms, totals
    if how == "ratio":
        return _ratio(q, (a, b), (x, y), head=head + "；".join(said), unit=unit, sources=sources, note=note)
    diff = round(x - y, 6)
    formula = f"{_short(a)} {cp.number_text(x)} − {_short(b)} {cp.number_text(y)} = {cp.number_text(diff)}"
    value = abs(diff)
    which = how == "which" and not lx.HOW_MUCH_MORE.search(q.text)  # 哪个多: the larger (哪个少: the smaller); 多多少: the diff
    if which:
        value = min(x, y) if lx.LESS_WORDS.search(q.text) else max(x, y)
    text = cp.terms_difference(head, said, a.label, b.label, diff, cp.number_text(abs(diff), unit=unit), formula, note,
                               same=which and diff == 0)
    return Answer(q.text, text, True, "table", value=value, unit=unit, sources=sources, formula=formula)


def _ratio(q: Question, terms: tuple[Term, Term], values: tuple[float, float], *, head: str, unit: str,
           sources: tuple[Any, ...], note: str) -> Answer:
    (a, b), (x, y) = terms, values
    if y == 0:
        return Answer(q.text, cp.terms_zero_base(head, b.label), False, "refuse", sources=sources,
                      reason="no-data")
    ratio = round(x / y, 2)
    formula = f"{_short(a)} {cp.number_text(x)} / {_short(b)} {cp.number_text(y)} = {cp.number_text(ratio)}"
    text = cp.terms_ratio(head, a.label, b.label, cp.number_text(ratio), formula, note)
    return Answer(q.text, text, True, "table", value=ratio, unit="倍", sources=sources, formula=formula)


def _short(term: Term) -> str:
    """A term as a formula names it: 予以公开, 商业企业, 行政复议 总计."""
    return term_label(term.metrics[0]) if len(term.metrics) == 1 else term.label


def _term_text(term: Term, values: Sequence[MetricValue]) -> str:
    if len(values) == 1:
        return cp.term_said(term.label, [(term.label, cp.value_text(term.metrics[0], values[0]))])
    total = sum(v.value or 0.0 for v in values)
    unit = cp.metric_unit(term.metrics[0])
    parts = [(label(m), cp.value_text(m, v)) for m, v in zip(term.metrics, values, strict=True)]
    return cp.term_said(term.label, parts, cp.number_text(total, unit=unit))


def joined_answers(q: Question, answers: Sequence[Answer]) -> Answer:
    """Several answers to the parts of one question, in one: their texts, sources and formulas in order."""
    formula = "；".join(a.formula for a in answers if a.formula) or None
    found = all(a.found for a in answers)
    return Answer(q.text, "".join(a.text for a in answers), found, "table" if any(a.found for a in answers)
                  else "refuse", unit=answers[0].unit, sources=tuple(s for a in answers for s in a.sources),
                  formula=formula, reason=None if found else "no-data")
