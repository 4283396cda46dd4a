"""Shares as ad-hoc indicators (qa/arith.py): a row of its group or of all outcomes, an applicant column, a group the
question describes in words (公开了的那些申请里), rows joined by 和 / 或 / 以及, 复议's share of 复议 and 诉讼 together;
and the count of a described group (没公开的申请有多少件)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from govqa.core.protocols import ReportStore
from govqa.core.types import Answer, Metric, Question
from govqa.qa import compose as cp
from govqa.qa import lexicon as lx
from govqa.qa.arith_words import (
    EACH,
    SHARE_WORDS,
)
from govqa.qa.figures import BARE_GROUP, asks_sum, shared_metrics, with_col
from govqa.qa.indicators import (
    Group,
    Indicator,
    broken_cells,
    find_indicators,
    load_groups,
    term_label,
)
from govqa.qa.table_query import ReportRef, metric_values

_COUNT_AFTER = re.compile(r"的?(?:申请|件|案件)?(?:中|里|里面|当中)?[，,]?[^，。？?；]{0,12}?(?:有|是|一共|共|总共|合计|加起来)?(?:多少|几)")


def counted_group(q: Question, *, metric: Metric | None = None) -> tuple[Group, str] | None:
    """A count of a described group the question names where its own reading found only the applications received
    (公开了的申请一共多少件, 没公开的有几件, 公开的申请里自然人提的有几件) or only a row the description itself names
    (最终公开（含部分公开）的申请一共几件: 部分公开 is inside the group's words): the group and the applicant column
    asked. The plan passes the question's own metric (no second reading); the route reads q.text again."""
    from govqa.qa.understand import find_metric

    metric = metric if metric is not None else find_metric(q.text)
    if metric is None or metric.table != "申请":  # 公开了多少条信息: no applications at all
        return None
    for group in load_groups():
        for pattern in group.patterns:
            for hit in pattern.finditer(q.text):
                if _BARE_GROUP.fullmatch(hit.group()) or not _COUNT_AFTER.match(q.text, hit.end()):
                    continue
                if metric.row != "一" and not _said_inside(metric, group, hit.group()):
                    continue
                return group, metric.col or "总计"  # 公开（含部分公开）的申请里自然人提的: the column asked
    return None


def _said_inside(metric: Metric, group: Group, words: str) -> bool:
    """Whether a row the question names is one of the group's, named inside the group's own words (公开（含部分公开）)."""
    in_group = any(metric.row == t.row or metric.row.startswith(t.row + ".") for t in group.terms)
    return in_group and lx.ROW_SHORT.get(metric.row, metric.row) in words


def group_count_answer(q: Question, group: Group, col: str, *, store: ReportStore,
                       refs: Sequence[ReportRef]) -> Answer:
    """A described group's count: its rows added in each report, each cited (予以公开 24 + 部分公开 6 = 30); over
    several reports (2021年和2023年公开的申请一共几件) each report's sum, then the total ((5 + 0) + (0 + 1) = 6)."""
    terms = [replace(t, col=col) for t in group.terms] if col else list(group.terms)  # "": each term's own column
    values = [[metric_values(store, m, reports=[ref])[0] for m in terms] for ref in refs]
    sources = tuple(cp.cell_source(c) for each in values for v in each for c in v.cells)
    absent = [(m, v) for each in values for m, v in zip(terms, each, strict=True) if v.value is None]
    if absent:
        why = "".join(cp.absent_reason(m, v) for m, v in absent)
        return Answer(q.text, cp.group_count_missing(group.name, why), False, "refuse", sources=sources, reason="no-data")
    sums = [round(sum(v.value or 0.0 for v in each), 6) for each in values]
    total = round(sum(sums), 6)
    parts = [" + ".join(f"{term_label(m)} {cp.number_text(v.value or 0.0)}" for m, v in zip(terms, each, strict=True))
             for each in values]
    unit = cp.metric_unit(terms[0])
    broken = [b for ref, each in zip(refs, values, strict=True)
              for b in broken_cells(store, ref.id, [c for v in each for c in v.cells])]
    if len(refs) == 1:
        formula = f"{parts[0]} = {cp.number_text(total)}"
        text = cp.group_count_sentence(cp.report_title(refs[0].agency, refs[0].year), refs[0].year, group.name,
                                       col if col not in ("", "总计") else "", cp.number_text(total, unit=unit), formula)
    else:
        formula = " + ".join(f"({p})" for p in parts) + f" = {cp.number_text(total)}"
        items = [(f"{ref.short_name}{ref.year}年", f"{p} = {cp.number_text(each, unit=unit)}")
                 for ref, p, each in zip(refs, parts, sums, strict=True)]
        text = cp.group_sum_sentence(group.name, col if col not in ("", "总计") else "", items, cp.number_text(total, unit=unit),
                                     formula)
    text += cp.note_broken_cells(["、".join(broken)] if broken else [])
    each = len(refs) > 1 and EACH.search(q.text) is not None  # 两年各有几件: each year's sum is the answer
    return Answer(q.text, text, True, "table", value=None if each else total, unit=unit, sources=sources, formula=formula)


def listed_rows(q: Question) -> Group | None:
    """Rows of one table the question lists to be added (没能公开的（不予公开、无法提供、不予处理）加起来有多少件) as an
    ad-hoc group, each report's rows added by group_count_answer; None when it asks no such sum."""
    from govqa.qa.figures import asked_terms

    asked = asked_terms(q) if asks_sum(q.text) else None
    if asked is None or asked[0] != "sum":
        return None
    metrics = tuple(m for t in asked[1] for m in t.metrics)
    if len(metrics) < 2 or len({m.table for m in metrics}) != 1 or len({cp.metric_unit(m) for m in metrics}) != 1:
        return None
    noun = "的申请" if metrics[0].table == "申请" else ""
    return Group("（" + " + ".join(term_label(m) for m in metrics) + "）" + noun, metrics, ())


def named_row_first(q: Question, found: list[Indicator]) -> list[Indicator]:
    """A row named inside an indicator's group beats the indicator: 因补正后仍不明确而无法提供的比例 is that row's share,
    not 无法提供率."""
    metric = q.metric
    if len(found) != 1 or metric is None or metric.table != "申请" or found[0].parts:
        return found
    group = metric.row.rpartition(".")[0]
    if group in lx.GROUP_ROWS and any(m.row == group for m in found[0].numerator):
        share = share_indicator(metric)
        return [_of_named_whole(q.text, _within_group(q.text, share))] if share is not None else found
    # 因为无法提供而没公开的比例: one group of reasons named is that group's share, not all not published (公开（包括部分
    # 公开）的占比 names a published row: still 公开率)
    rows = [m.row for m in found[0].numerator]
    named = [r for r in rows if lx.ROW_SHORT.get(r, r) in q.text]
    if metric.row in lx.GROUP_ROWS and len(rows) > 1 and named == [metric.row] \
            and (share := share_indicator(metric)) is not None:
        return [share]
    return found


def share_indicator(metric: Metric) -> Indicator | None:
    """A share as an ad-hoc indicator: a 办理结果 row of 三.七, an applicant column of all new applications, or an
    outcome of 复议 / 诉讼 of all its cases (复议维持的占比)."""
    if metric.table == "复议诉讼":
        group, _, outcome = (metric.col or "").partition(".")
        if outcome == "总计" and f"诉讼.{outcome}" in lx.COMPOSITE and group in ("直诉", "复议后诉"):
            whole = Metric("复议诉讼", metric.row, "诉讼.总计")  # 诉讼案件中复议后起诉的占比: of all suits
            label = "未经复议直接起诉" if group == "直诉" else "复议后起诉"
            return Indicator(f"{label}的案件占行政诉讼的比例", (), (metric,), (whole,), 100, "%")
        if not outcome or outcome == "总计":
            return None
        whole = Metric("复议诉讼", metric.row, f"{group}.总计")
        return Indicator(f"{cp.metric_label(metric)}占比", (), (metric,), (whole,), 100, "%")
    if metric.table != "申请":
        return None
    col = metric.col or "总计"
    if metric.row.startswith("三.") and metric.row != "三.七":
        label = lx.ROW_SHORT.get(metric.row, metric.row)
        return Indicator(f"{label}的申请占比", (), (replace(metric, col=col),), (Metric("申请", "三.七", col),), 100, "%")
    if metric.row == "一" and col != "总计":
        return Indicator(f"{col}申请占比", (), (metric,), (Metric("申请", "一", "总计"),), 100, "%")
    if metric.row == "二":  # carried in, of all the year had to handle (新收 + 上年结转)
        return Indicator("上年结转的申请占比", (), (replace(metric, col=col),),
                         (Metric("申请", "一", col), Metric("申请", "二", col)), 100, "%")
    return None


# a whole of 行政复议 and 行政诉讼 together (复议和诉讼里, 复议加上诉讼的案件中, 复议诉讼案件总数中)
_CASES_WHOLE = re.compile(r"复议(?:案件|案子)?(?:和|与|及|、|以及|加上?|跟|同|连同)(?:行政)?(?:诉讼|起诉|官司)|复议诉讼(?:案件)?")
_CASE_TOTALS = {"复议": ("复议.总计",), "直诉": ("直诉.总计",), "复议后诉": ("复议后诉.总计",),
                "诉讼": ("直诉.总计", "复议后诉.总计")}


def case_share(before: str, part: Metric, *, share: str = "") -> Indicator | None:
    """复议's (or 诉讼's) share of 复议 and 诉讼 together when the text before the share word names both as the whole
    (行政复议和行政诉讼里，行政复议所占的比例: 复议 / (复议 + 直诉 + 复议后诉)), or the share words do after 占
    (复议占复议和诉讼总数的百分之几); None otherwise."""
    pieces = [p for p in _WITHIN.split(before) if p]
    named_after = share.startswith("占") and _CASES_WHOLE.search(share[:14]) is not None
    if part.table != "复议诉讼" or not (named_after or any(_CASES_WHOLE.search(p) for p in pieces[:-1])):
        return None
    group, _, outcome = (part.col or "").partition(".")
    if outcome not in ("", "总计") or group not in _CASE_TOTALS:
        return None
    whole = tuple(Metric("复议诉讼", part.row, c) for c in (*_CASE_TOTALS["复议"], *_CASE_TOTALS["诉讼"]))
    numerator = tuple(Metric("复议诉讼", part.row, c) for c in _CASE_TOTALS[group])
    label = {"复议": "行政复议", "诉讼": "行政诉讼", "直诉": "未经复议直接起诉", "复议后诉": "复议后起诉"}[group]
    return Indicator(f"{label}占行政复议和行政诉讼的比例", (), numerator, whole, 100, "%")


_WITHIN = re.compile(r"当中|之中|里面|中|里|，|,")  # 办理结果中予以公开的比例: the share is of what comes last


def asked_shares(q: Question) -> list[Indicator]:
    """The shares a question asks: of each row joined (各占多少), of their sum (加起来占比), or of the one named last
    before the share word (依申请公开办理结果中予以公开的比例 is 予以公开's share, not the total's)."""
    metrics = shared_metrics(q.text)
    if metrics and EACH.search(q.text) and not asks_sum(q.text):  # 合计占比各是多少: 各 runs over the years
        each = [share_indicator(m) for m in metrics]
        return [s for s in each if s is not None] if all(each) else []
    if (summed := share_of_sum(q.text)) is not None:
        return [summed]
    from govqa.qa.understand import find_metric

    m = SHARE_WORDS.search(q.text)
    before = q.text[: m.start()] if m else q.text
    named = [x for piece in _WITHIN.split(before) if (x := find_metric(piece)) is not None]
    if named and m and (cases := case_share(before, named[-1], share=q.text[m.start():])) is not None:
        return [cases]  # 复议和诉讼里，复议所占的比例: of all the cases both count
    after = find_metric(q.text[m.end():]) if m else None  # 申请有多少比例被驳回: the item follows the share word
    if after is not None and named and (share := share_indicator(after)) is not None \
            and (inside := _within_group(before, share, last_too=True)) != share:
        return [inside]  # 不予公开的申请，有百分之几是因为内部事务信息: the item after the share word, within the group
    for metric in [*named[-1:], after, q.metric]:
        if metric is not None and (share := share_indicator(with_col(metric) if metric.table != "申请" else metric)):
            return [_of_named_whole(q.text, _within_group(before, share))]
    return []


def _within_group(text: str, share: Indicator, *, last_too: bool = False) -> Indicator:
    """A share within the group named first (不予公开的申请里，因内部事务信息的占多少: of 不予公开, not of all outcomes;
    法人或其他组织中商业企业占几成: of the organisations' column), else share itself."""
    from govqa.qa.understand import find_metric

    if len(share.numerator) != 1:
        return share
    part = share.numerator[0]
    pieces = [p for p in _WITHIN.split(text) if p]
    for piece in pieces if last_too else pieces[:-1]:  # the last piece before the share word names the part
        whole = find_metric(piece)
        if whole is None or whole.table != part.table or whole == part:
            continue
        if whole.row in lx.GROUP_ROWS and part.row.startswith(whole.row + ".") and whole.col == part.col:
            group = whole
        elif whole.row == part.row and part.col in lx.COMPOSITE.get(whole.col or "", ()):
            group = whole
        else:
            continue
        return replace(share, name=f"{term_label(part)}占{term_label(group)}的比例", denominator=(group,))
    return share


def described_share(text: str) -> Indicator | None:
    """A share whose whole the question describes: a group of rows in words (公开了的那些申请里，只公开了一部分的占
    多少: of 予以公开 + 部分公开; 部分公开占公开总数的比例), or a row whose applicant column is asked (部分公开的申请中，
    自然人提出的占多少: of that row's 总计) or a column whose row is asked (自然人的申请里部分公开的占比). None when the
    text names no such whole before its part (the usual shares: asked_shares)."""
    from govqa.qa.understand import find_metric

    share = SHARE_WORDS.search(text)
    if share is None:
        return None
    pieces = [p for p in _WITHIN.split(text[: share.start()]) if p]
    if (after := _share_of_described_after(text, share.end())) is not None:
        return after  # 部分公开占公开总数的百分之几: the whole after 占
    if pieces and (group := _group_ending(pieces[-1])) is not None and find_metric(text[share.end():]) is None \
            and not find_indicators(text):
        return _group_of_all(group)  # 没公开的申请占多少 (公开了的申请占多少 is 公开率, a catalogue entry)
    if len(pieces) < 2:
        return None
    last = find_metric(pieces[-1])
    part = last if last is not None and _group_ending(pieces[-1]) is None else find_metric(text[share.end():])
    if part is None or part.table != "申请":
        return None
    for piece in pieces[:-1]:
        group = _group_ending(piece)
        if group is not None and (within := _group_share(part, group, across=_group_ending(piece, marked=True) is not None)):
            return within
        whole = find_metric(piece)
        if whole is not None and whole.table == "申请" and (cross := _cross_share(whole, part)) is not None:
            return cross
    return None


def _group_of_all(group: Group) -> Indicator:
    """A described group's share of all the outcomes (没公开的申请占比: (不予公开 + … + 其他处理) / 办理结果总计)."""
    total = Metric("申请", "三.七", "总计")
    return Indicator(f"{group.name}占{term_label(total)}的比例", (), group.terms, (total,), 100, "%")


# a bare 公开的申请 may be the disclosure applications themselves (信息公开申请); 公开了的 / 被公开的 / 公开的那些 are the
# outcome: a group said bare is taken only where its part is a row inside it (公开的申请里部分公开的占多少): BARE_GROUP
_BARE_GROUP = BARE_GROUP


_POOL_TAIL = re.compile(r"(?:全部|所有)?(?:合起来|加起来|合在一起|加在一起|放在一起|放一起|算在一起|合计|总共|一共|汇总)"
                        r"(?:算|看|来看|计算)?的?$")


def _group_ending(piece: str, *, marked: bool = False) -> Group | None:
    """The described group a piece of the question ends with (公开了的那些申请|里), if any; ``marked``: not said bare.
    A pooling word after the group (予以公开加部分公开合起来，) ends nothing: the group is still the whole."""
    piece = _POOL_TAIL.sub("", piece)
    return next((g for g in load_groups() for p in g.patterns for m in p.finditer(piece)
                 if m.end() == len(piece) and not (marked and _BARE_GROUP.fullmatch(m.group()))), None)


def _share_of_described_after(text: str, end: int) -> Indicator | None:
    """部分公开占公开总数的百分之几 / 不予公开的占没公开申请的比例: the part before 占, a described group after it."""
    from govqa.qa.understand import find_metric

    at = text.rfind("占", 0, end)
    if at < 0:
        return None
    part = find_metric(_WITHIN.split(text[:at])[-1] or text[:at])
    if part is None or part.table != "申请":
        return None
    start = at + 1 + (text[at + 1: at + 2] == "了")
    for group in load_groups():
        if any(p.match(text, start) for p in group.patterns):
            return _group_share(part, group)
    return None


def _group_share(part: Metric, group: Group, *, across: bool = True) -> Indicator | None:
    """part's share of a described group: a row inside it (部分公开 of the published ones), or (``across``) an applicant
    column across it (自然人 of the published ones); None when part is neither."""
    col = part.col or "总计"
    if any(part.row == t.row or part.row.startswith(t.row + ".") for t in group.terms):
        numerator: tuple[Metric, ...] = (part,)
    elif across and part.row == "一" and col != "总计":
        numerator = tuple(replace(t, col=col) for t in group.terms)
    else:
        return None
    whole = tuple(replace(t, col=col if part.row != "一" else "总计") for t in group.terms)
    return Indicator(f"{term_label(replace(part, col=col))}占{group.name}的比例", (), numerator, whole, 100, "%")


def _cross_share(whole: Metric, part: Metric) -> Indicator | None:
    """A column's share within a row (部分公开的申请中自然人的: 三.二 自然人 / 三.二 总计) or a row's share within a
    column (自然人的申请中部分公开的: 三.二 自然人 / 三.七 自然人)."""
    if whole.row != "一" and (whole.col or "总计") == "总计" and part.row == "一" and part.col not in (None, "总计"):
        cell = replace(whole, col=part.col)
        return Indicator(f"{part.col}占{term_label(whole)}的比例", (), (cell,), (whole,), 100, "%")
    if whole.row == "一" and whole.col not in (None, "总计") and part.row.startswith("三.") and part.row != "三.七" \
            and (part.col or "总计") == "总计":
        cell, total = replace(part, col=whole.col), Metric("申请", "三.七", whole.col)
        return Indicator(f"{term_label(cell)}占{whole.col}申请的比例", (), (cell,), (total,), 100, "%")
    return None


_OF_WHOLE = re.compile(r"占(?:了)?([^，。？?]{2,20}?)的?(?:比例|比重|百分之|多少|几成|%)")


def _of_named_whole(text: str, share: Indicator) -> Indicator:
    """A share over the whole the question names (予以公开的占新收申请的百分之多少), else over the usual one."""
    from govqa.qa.understand import find_metric

    m = _OF_WHOLE.search(text)
    whole = find_metric(m.group(1)) if m else None
    if whole is None or whole.table != share.numerator[0].table or (whole := with_col(whole)) in share.numerator:
        return share
    if whole in share.denominator:
        return share
    name = f"{term_label(share.numerator[0])}占{term_label(whole)}的比例"
    return replace(share, name=name, denominator=(whole,))


def share_of_sum(text: str) -> Indicator | None:
    """不予公开和无法提供加起来占比多少: one share whose numerator adds the rows joined (they share a denominator)."""
    metrics = shared_metrics(text)
    shares = [share_indicator(m) for m in metrics or ()]
    if not shares or any(s is None for s in shares) or len({s.denominator for s in shares if s}) != 1:
        return None
    labels = "和".join(term_label(m) for m in metrics or ())
    first = shares[0]
    assert first is not None
    return replace(first, name=f"{labels}的申请占比", numerator=tuple(metrics or ()))


_WHOLE_COL = "对外公开总数量"  # 2019 对外公开总数量, 2021 现行有效件数: the whole a 表二 row's other columns are part of
_IN_WHOLE = re.compile(r"里|中|当中|之中|总数|占")


def column_share(q: Question) -> Indicator | None:
    """A column's share within a 表二 row the question names (规范性文件对外公开总数里本年新公开的占几成, 现行有效的规章中
    本年制发的占比, 本年废止的占现行有效的多少): the part column over the whole column of the same row."""
    metric = q.metric
    if metric is None or metric.table != "主动公开" or not SHARE_WORDS.search(q.text):
        return None
    cols = lx.ROW_COLS.get(metric.row, ())
    if _WHOLE_COL not in cols:
        return None
    said: dict[str, int] = {}  # each column said, where it is said first
    text = q.text
    for word, col in sorted(lx.COL_TERMS["主动公开"], key=lambda t: -len(t[0])):
        if col in cols and word in text:
            said[col] = min(said.get(col, len(text)), text.index(word))
            text = text.replace(word, "\0" * len(word))  # a longer word's letters are no shorter word (本年新公开 ≠ 公开的)
    parts = [c for c in said if c not in (_WHOLE_COL, "本年增/减", "上一年项目数量", "处理决定数量")]
    whole_col = _WHOLE_COL
    if len(parts) == 2 and _WHOLE_COL not in said and (at := q.text.find("占")) >= 0:
        after = [c for c in parts if said[c] > at]  # 本年新公开的占本年新制作的比例: the column after 占 is the whole
        if len(after) != 1:
            return None
        whole_col, parts = after[0], [c for c in parts if c != after[0]]
    if len(parts) != 1 or (whole_col not in said and not _IN_WHOLE.search(q.text)):
        return None
    part, whole = replace(metric, col=parts[0]), replace(metric, col=whole_col)
    if len(rows := _pooled_rows(q.text, metric.row)) >= 2:  # 规章、规范性文件两类新公开的合起来占总数的: rows added
        tops = tuple(replace(part, row=r) for r in rows)
        bottoms = tuple(replace(whole, row=r) for r in rows)
        return Indicator(f"{'和'.join(rows)}的{part.col}合计占{whole.col}合计的比例", (), tops, bottoms, 100, "%")
    return Indicator(f"{cp.metric_label(part)}占{cp.metric_label(whole)}的比例", (), (part,), (whole,), 100, "%")


def _pooled_rows(text: str, row: str) -> list[str]:
    """The 表二 rows of the same columns a share question lists and adds (规章和规范性文件, 这两类), row among them; [] when
    each is asked on its own (分别 / 各自)."""
    from govqa.qa.arith_columns import masked_columns, said_rows

    if EACH.search(text):
        return []
    cols = lx.ROW_COLS.get(row, ())
    rows = [r for r in said_rows(masked_columns(text)) if lx.ROW_COLS.get(r, ()) == cols]
    return rows if row in rows else []
