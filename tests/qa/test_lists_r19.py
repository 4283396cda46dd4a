"""Round-19 list kinds: a list whose sentence starts on an earlier PDF line (审查记 / 录台账 wrap mid-word): the sentence
is found across the line breaks, so the first item is whole. Every report, sentence and number here is our own."""

from __future__ import annotations

import pytest

from govqa.qa.scoped_lists import RULES, scope_asked, scoped_items

WRAPPED = ("（三）政府信息管理方面。严格公文属性审查，累计核定公文\n\n属性 210余件。健全门户网站信息发布审核机制和三级\n\n"
           "复核台账、原始资料归档备查制度，建立统一的信息发布\n\n流程，落实专人维护。\n\n（四）平台建设方面。")
RULES_ASKED = ["某厅2021年在网站信息发布方面完善了哪些制度？", "某厅2021年在门户网站信息发布上健全了哪几项制度",
               "某厅2021年网站发信息这块建立了什么制度？", "某厅2021年为规范网站信息发布完善了哪些制度呢",
               "某厅2021年门户网站信息发布方面都健全了啥制度"]


@pytest.mark.parametrize("text", RULES_ASKED)
def test_a_sentence_wrapped_over_lines_keeps_its_first_item_whole(text: str) -> None:
    scope = scope_asked(text, ("某厅",))
    assert scope is not None and scope.kind == RULES, scope
    found = scoped_items(WRAPPED, scope)
    items = ["".join(WRAPPED[a:b].split()) for a, b in found.items]
    assert any("三级复核台账" in item for item in items), items
    assert any("原始资料归档备查" in item for item in items), items
    assert found.sentence is not None and "健全门户网站" in WRAPPED[found.sentence[0]:found.sentence[1]]


def test_a_heading_line_is_no_part_of_the_sentence_after_it() -> None:
    text = "（一）制度建设\n\n健全信息发布审核、保密审查、档案留存制度。"
    scope = scope_asked("某厅2021年在信息发布方面健全了哪些制度？", ("某厅",))
    assert scope is not None
    found = scoped_items(text, scope)
    assert found.sentence is not None and text[found.sentence[0]:found.sentence[1]].startswith("健全")
