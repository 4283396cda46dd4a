"""Whole enumerated lists around a position: 一是…, 1. 2. 3., （一）（二）; one verbatim quote per item with offsets."""

from __future__ import annotations

from govqa.qa.lists import is_subheading, list_items, starts_item

SECTION = "存在的主要问题及改进情况"


def _texts(text: str, items) -> list[str]:
    for p in items:
        assert text[p.start:p.end] == p.text
    return [p.text for p in items]


def test_yishi_list_from_a_middle_item() -> None:
    text = "五、存在的主要问题及改进情况　　主要问题：一是培训次数偏少；二是解读形式单一；三是栏目更新不及时。六、其他需要报告的事项　　无。"
    items = list_items(text, text.index("二是"), section=SECTION)
    assert _texts(text, items) == ["一是培训次数偏少；", "二是解读形式单一；", "三是栏目更新不及时。"]


def test_arabic_list_stops_at_the_next_section() -> None:
    text = ("五、存在的主要问题及改进情况下一步将做好以下工作：1.完善制度，细化公开流程。2.加强培训，每季度组织一次。"
            "3.拓宽渠道，用好政务新媒体。六、其他需要报告的事项1.本年度未收取费用。")
    items = list_items(text, text.index("1.完善"), section=SECTION)
    assert _texts(text, items) == ["1.完善制度，细化公开流程。", "2.加强培训，每季度组织一次。", "3.拓宽渠道，用好政务新媒体。"]


def test_the_list_after_a_sub_heading() -> None:
    text = "（一）存在问题。一是公开意识不强；二是队伍不稳定。（二）改进措施。2024年将做好以下工作。一是强化考核。二是充实人员。"
    pos = text.index("（二）") + len("（二）改进措施。")
    items = list_items(text, pos, section=SECTION, following=True)
    assert _texts(text, items) == ["一是强化考核。", "二是充实人员。"]
    assert is_subheading("（二）改进措施。") and not is_subheading("一是强化考核。")
    assert starts_item("（二）改进措施。") and starts_item("3.拓宽渠道") and not starts_item("我局将")


def test_a_long_item_is_cut_at_a_comma() -> None:
    body = "，".join(["加强政务公开平台建设和内容保障工作"] * 10)
    text = f"一是{body}。二是完善考核。"
    first, second = list_items(text, 0, section=SECTION)
    assert first.text.startswith("一是加强") and len(first.text) <= 120 and text[first.end] == "，"
    assert second.text == "二是完善考核。"


def test_a_single_item_is_no_list() -> None:
    text = "一是加强培训。此外还开展了检查。"
    assert list_items(text, 0, section=SECTION) == []


def test_what_announces_a_list() -> None:
    from govqa.qa.lists import introduces_list

    assert introduces_list("（二）改进措施。") and introduces_list("主要存在以下问题：")
    assert introduces_list("下一步将重点做好以下工作。")
    assert not introduces_list("回应了多个热点问题。")


def test_a_measures_question_takes_the_list_after_the_problems() -> None:
    from govqa.core.types import Chunk
    from govqa.qa.extract import Quote, _whole_list
    from govqa.qa.passages import Passage

    text = ("五、存在的主要问题及改进情况\n\n(一) 存在问题\n\n1. 专干身兼数职，精力不足。\n\n2. 站所报送不及时。\n\n"
            "（二）改进情况\n\n1. 配齐专职人员，确保专人专岗。\n\n2. 建立报送台账，按月通报。\n")
    start = text.index("2. 站所")
    chunk = Chunk(id="c", report_id="r", agency="a", short_name="a", year=2020, section=SECTION, subheading="",
                  start=start, end=start + 10, text=text[start:start + 10])
    quote = Quote(chunk, (Passage(start, text.index("。", start) + 1, "2. 站所报送不及时。", SECTION),), 1.0, 1.0)
    problems = _whole_list(quote, text)
    assert [p.text for p in problems.passages] == ["1.专干身兼数职，精力不足。", "2.站所报送不及时。"]
    measures = _whole_list(quote, text, measures=True)
    assert [p.text for p in measures.passages] == ["1.配齐专职人员，确保专人专岗。", "2.建立报送台账，按月通报。"]
    assert text[measures.passages[0].start:measures.passages[0].end] == "1. 配齐专职人员，确保专人专岗。"


def test_a_list_that_begins_inside_the_announcing_sentence() -> None:
    from govqa.core.types import Chunk
    from govqa.qa.extract import Quote, _whole_list
    from govqa.qa.passages import Passage

    text = ("五、存在的主要问题及改进情况\n虽然取得了一些进步，但仍存在不足，主要表现在：一是栏目内容不够全面。二是宣传不到位。\n"
            "下一步，我们将做好以下工作：一是充实栏目内容。二是加大宣传。\n")
    end = text.index("全面。") + 3
    chunk = Chunk(id="c", report_id="r", agency="a", short_name="a", year=2020, section=SECTION, subheading="",
                  start=15, end=end, text=text[15:end])
    quote = Quote(chunk, (Passage(16, end, text[16:end].strip(), SECTION),), 1.0, 1.0)
    assert [p.text for p in _whole_list(quote, text).passages] == ["一是栏目内容不够全面。", "二是宣传不到位。"]
