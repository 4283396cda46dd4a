"""Which 复议 / 诉讼 case groups a text names (复议, 诉讼, 直诉, 复议后诉), for the outcome route and for figures.

A leaf of its own so that qa/case_outcome.py and qa/figures.py, which each ask the other, both read it from here."""

from __future__ import annotations

import re

from govqa.qa import lexicon as lx

TABLE = "复议诉讼"
# every word of a 表四 row term and the case group it names, longest first (复议后起诉 before 起诉)
_CASE_WORDS = sorted(((w, (t.default_col or "复议.总计").split(".")[0]) for t in lx.ROW_TERMS if t.table == TABLE
                      for w in t.words), key=lambda wg: -len(wg[0]))


def asked_groups(text: str, default: str) -> tuple[str, ...]:
    """The case groups the text names, in its order (复议, 诉讼, 直诉, 复议后诉); ``default`` when it names none."""
    found: list[tuple[int, str]] = []
    for word, group in _CASE_WORDS:
        for m in re.finditer(re.escape(word), text):
            found.append((m.start(), group))
        text = text.replace(word, " " * len(word))
    return tuple(dict.fromkeys(g for _, g in sorted(found))) or (default,)
