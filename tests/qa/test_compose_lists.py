"""The section-list answer's sentences (qa/compose/quotes.py): the lead says how many items of what, an item asked by its
number is shown alone after that count, and items without their own marker get a dot."""

from __future__ import annotations

from govqa.qa.compose import list_lines, part_not_said
from govqa.qa.parts import MEASURES, RECTIFIED, WORK, Part
from govqa.qa.passages import Passage

SECTION = "存在的主要问题及改进情况"
ITEMS = [Passage(10, 22, "一是加强业务培训。", SECTION), Passage(30, 44, "二是丰富解读形式。", SECTION),
         Passage(50, 66, "三是提高更新频率。", SECTION)]


def test_the_lead_counts_marked_items_and_names_the_report() -> None:
    lines = list_lines("某县财政局", 2022, Part(MEASURES, 5), ITEMS, ITEMS)
    assert lines[0] == f"根据《某县财政局2022年政府信息公开工作年度报告》“{SECTION}”部分，改进措施共3项："
    assert lines[1:] == [p.text for p in ITEMS]


def test_an_item_asked_by_its_number_follows_the_count() -> None:
    lines = list_lines("某县财政局", 2022, Part(MEASURES, 5, nth=2), ITEMS, [ITEMS[1]])
    assert lines == [f"根据《某县财政局2022年政府信息公开工作年度报告》“{SECTION}”部分，改进措施共3项，第2项是：",
                     "二是丰富解读形式。"]


def test_sentences_without_a_marker_are_listed_with_a_dot_under_the_topic() -> None:
    said = [Passage(0, 12, "全年开展培训两次。", "总体情况"), Passage(12, 24, "更新目录一次。", "总体情况")]
    lines = list_lines("某县财政局", 2022, Part(WORK, 1, topic="监督保障"), said, said)
    assert lines[0].endswith("“监督保障”方面的工作情况如下：")
    assert lines[1:] == ["· 全年开展培训两次。", "· 更新目录一次。"]


def test_a_part_the_report_does_not_write_is_not_read_as_none_done() -> None:
    assert part_not_said("某县财政局", 2022, RECTIFIED) == \
        "《某县财政局2022年政府信息公开工作年度报告》中没有写上年问题整改情况（报告未载明，不表示没有整改）。"
