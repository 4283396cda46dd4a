"""Kinds studied in round 22, each tested on wordings of our own: how the applications a report mentions were sent
in (那几条依申请公开的信息是怎么提交的: a sentence, not 表三's count). Every sentence here is our own."""

from __future__ import annotations

import pytest

from govqa.qa.prose_asks import asks_prose
from govqa.qa.prose_facts import _kind_of


@pytest.mark.parametrize("text", [
    "青梧局2021年那几条依申请公开的信息，申请人是用什么方式提交的？", "青梧局2021年那几件依申请公开的申请是怎么提交的？",
    "青梧局2021年依申请公开的那几条，申请人是通过什么渠道提交的？", "青梧局2021年这几件信息公开申请是以什么方式递交的？",
    "青梧局2021年依申请公开的申请人用的什么提交方式？", "青梧局2021年那几份申请是如何递交的", "这几件申请是怎么交上来的？",
])
def test_how_those_applications_came_in_is_prose(text: str) -> None:
    assert asks_prose(text), text
    kind = _kind_of(text)
    assert kind is None or kind.name != "info_count", text


@pytest.mark.parametrize("text", [
    "青梧局2021年依申请公开了几条信息？", "青梧局2021年收到几件申请？", "青梧局2021年网上提交的申请有几件？",
    "青梧局2021年依申请公开多少条？",
])
def test_a_count_stays_a_count(text: str) -> None:
    assert not asks_prose(text), text
