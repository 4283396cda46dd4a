"""The share of one row within a group of rows of one column the question lists (qa/arith.py): 没能公开的申请（不予公开、无法提供、
不予处理）里，无法提供的占比 = 无法提供 / (不予公开 + 无法提供 + 不予处理), the rows listed and no others (其他处理 left
out when the list leaves it out); the group in brackets or in words, said before the part (…里，无法提供的占几成) or
after it (无法提供占不予公开、无法提供和不予处理三项合计的比例); rows of 表二 alike (行政处罚和行政强制决定里，
行政强制占几成 = 行政强制 / (行政处罚 + 行政强制), of the column asked), the group also ended by its sum word
(许可、处罚和强制决定加在一起，许可占多少).

    >>> listed_group_share("不予公开、无法提供和不予处理这几类申请中，无法提供的占多少").name
    '无法提供占（不予公开 + 无法提供 + 不予处理）的比例'
"""

from __future__ import annotations

import re
from dataclasses import replace

from govqa.core.types import Metric
from govqa.qa import lexicon as lx
from govqa.qa.arith_words import SHARE_WORDS
from govqa.qa.figures import glossed_metrics, shared_metrics, with_col
from govqa.qa.indicators import Indicator, load_groups, term_label

# where the group ends and the part begins: 里 / 中 / 当中 / ，; the part's own clause then runs to the share word
_WITHIN = re.compile(r"当中|之中|里面|里头|中间|中|里|内|[，,]")
_GLOSS = re.compile(r"[（(][^（）()]{4,40}[）)]")
# 占 the group: 无法提供占（不予公开、无法提供、不予处理）三项合计的比例 / 无法提供在三者中占几成
_OF = re.compile(r"占(?:了)?")
_INSIDE = re.compile(r"[^，,。？?]{0,6}?(?:当中|之中|里面|里头|中|里|内)")  # (…)的申请里: the group is the whole
# 行政强制决定在行政处罚和行政强制决定里占几成: the part before 在, the group after it (never the 在 of 存在)
# 行政许可、行政处罚和行政强制决定加在一起，行政许可占多少: the group ends at its sum word (加在一起, 合计, 之和 …)
_SUMMED = re.compile(r"(?:的)?(?:加在一起|合在一起|加到一起|加起来|合起来|相加|之和|的?总和|合计|总计|总数|总量|一共|总共)")
_CUT = re.compile(_SUMMED.pattern + "|" + _WITHIN.pattern + "|" + _OF.pattern + "|(?<!存)在")


def _in_group(part: Metric, group: list[Metric]) -> bool:
    """Whether part is one of the group's rows, or a row under one of them (因…无法提供 under 无法提供)."""
    return any(part.table == g.table and (part.row == g.row or part.row.startswith(g.row + "."))
               and (part.col or "总计") == (g.col or "总计") for g in group)


def _rows_of_one_column(group: list[Metric]) -> bool:
    """Whether the rows listed are rows of one column of one table: outcome rows of 表三 other than a described group's
    very rows (公开的申请（予以公开和部分公开）里 is that group: qa/arith_shares.py names it) and other than the total
    三.七, or rows of 表二 (行政处罚和行政强制决定里); 表四's columns of one row are qa/arith_shares.py's."""
    if len({(m.table, m.col or "总计") for m in group}) != 1:
        return False
    if all(m.table == "主动公开" for m in group):
        return True
    if not all(m.table == "申请" and m.row.startswith("三.") and m.row != "三.七" for m in group):
        return False
    rows = {m.row for m in group}
    return all(rows != {t.row for t in g.terms} for g in load_groups())


def _group_column(part: Metric, group: list[Metric], piece: str) -> Metric:
    """A 表二 part named by its row only (规范性文件总数中，规章占几成) is read in the group's column, not its default one."""
    said = any(word in piece for word, _ in lx.COL_TERMS.get(part.table, ()))
    same_row = any(g.table == part.table and g.row == part.row for g in group)
    return replace(part, col=group[0].col) if part.table == "主动公开" and same_row and not said else part


def _group_of(text: str) -> tuple[list[Metric], int, int] | None:
    """The rows a piece of text lists as one group (a bracket gloss, or rows joined by 、 / 和 / 及) and its span."""
    for gloss in _GLOSS.finditer(text):
        rows = glossed_metrics(gloss.group())
        if rows is not None and len(rows) >= 2:
            return rows, gloss.start(), gloss.end()
    cuts = list(_CUT.finditer(text))
    starts = [0, *(m.end() for m in cuts)]
    ends = [*(m.start() for m in cuts), len(text)]
    for start, end in zip(starts, ends, strict=True):
        rows = shared_metrics(text[start:end])
        if rows is not None and len(rows) >= 2:
            return rows, start, end
    return None


def listed_group_share(text: str) -> Indicator | None:
    """One row's share of a group of rows the text lists, or None when the text lists no group or names no row of it
    besides (不予公开和无法提供加起来占比多少 is the group's own share: qa/arith_shares.py)."""
    from govqa.qa.understand import find_metric

    share = SHARE_WORDS.search(text)
    if share is None:
        return None
    first = _group_of(text[: share.start()])  # the group before the share word, else after it (占 the group)
    found = first or _group_of(text)
    if found is None:
        return None
    group, start, end = found
    group = [with_col(m) for m in group]
    if not _rows_of_one_column(group) or len(set(group)) != len(group):
        return None
    before = text[:start]
    of = _OF.search(before) if start > 0 else None
    candidates = []
    if first is not None:  # the group first: the part between it and the share word (…里，无法提供的占比)
        candidates.append(text[end: share.start()])
        if _INSIDE.match(text, end) and not of:  # 无法提供的申请在（…）里占多大比例: the part before the group
            candidates.append(_WITHIN.split(before)[-1] or before)
    if of is not None:  # the part first: 无法提供占（…）的比例
        candidates.append(before[: of.start()])
    if first is not None:
        candidates.append(text[share.end():])  # …中，有百分之几是无法提供
    for piece in candidates:
        piece = _WITHIN.split(piece.strip("的"))[-1] if _WITHIN.search(piece) else piece
        part = find_metric(piece) if piece.strip() else None
        if part is None:
            continue
        part = _group_column(with_col(part), group, piece)
        if part in group and len(group) >= 2 or part not in group and _in_group(part, group):
            whole = " + ".join(term_label(m) for m in group)
            return Indicator(f"{term_label(part)}占（{whole}）的比例", (), (part,), tuple(group), 100, "%")
    return None
