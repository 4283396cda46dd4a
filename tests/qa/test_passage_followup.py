"""A 其中… follow-up after a quoted answer reads its figure from that quote, not from a table cell."""

from __future__ import annotations

import pytest

from govqa.core.types import Answer, Source
from govqa.qa.passage_followup import passage_followup

PASSAGE = "全年共印发政府信息文件512份，其中主动公开317份，依申请公开及不予公开195份，网站发布动态信息90条。"


def _quoted(route: str = "retrieval", found: bool = True) -> Answer:
    source = Source(report="r1", agency="东岚县水利局", year=2022, text=PASSAGE, section="总体情况", start=40,
                    end=40 + len(PASSAGE))
    return Answer(question="东岚水利局2022年一共印发了多少份文件？", text=f"“{PASSAGE}”", found=found, route=route,
                  value=512.0, unit="份", sources=(source,))


@pytest.mark.parametrize("question, value", [
    ("其中依申请公开和不予公开的有多少？", 195.0),
    ("其中依申请公开及不予公开的是多少份", 195.0),
    ("那其中主动公开的有几份？", 317.0),
    ("这里面主动公开了多少", 317.0),
])
def test_the_figure_after_the_follow_ups_words_in_the_quote(question: str, value: float) -> None:
    answer = passage_followup(question, _quoted())
    assert answer is not None and answer.found and answer.value == value and answer.unit == "份"
    assert answer.sources[0].start == 40 and "份" in answer.text


@pytest.mark.parametrize("question", ["其中予以公开的有多少？", "主动公开的有多少？", "其中主动公开的都是什么内容"])
def test_no_figure_of_the_quote_is_asked(question: str) -> None:
    assert passage_followup(question, _quoted()) is None  # words not in the quote / no 其中 / no number asked


def test_a_table_answer_or_a_refusal_is_no_quote_to_stay_in() -> None:
    assert passage_followup("其中主动公开的有多少？", _quoted(route="table")) is None
    assert passage_followup("其中主动公开的有多少？", _quoted(found=False)) is None
    assert passage_followup("其中主动公开的有多少？", None) is None


def test_a_unit_alone_is_no_match_and_the_route_answers() -> None:
    source = Source(report="r1", agency="东岚县水利局", year=2022, text="其中模块化90项（审批50小项，服务40小项）。",
                    section="总体情况", start=0, end=20)
    earlier = Answer(question="梳理了多少项？", text="…", found=True, route="retrieval", value=90.0, unit="项",
                     sources=(source,))
    assert passage_followup("其中做到“最多跑一趟”的有多少小项？", earlier) is None
