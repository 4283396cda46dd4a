"""The items a list question reads from a report text (qa/section_list.asked_part → qa/parts.section_items), for the
tests of parts and lists."""

from __future__ import annotations

from govqa.qa.section_list import asked_part, section_items


def listed_items(text: str, question: str) -> list[str]:
    """The texts of the items the question's part holds in text (the question must ask for a part)."""
    part = asked_part(question)
    assert part is not None, question
    return [p.text for p in section_items(text, part)]


def holds(items: list[str], wanted: list[str]) -> bool:
    """Whether items are as many as wanted and each holds its wanted phrase, in order."""
    return len(items) == len(wanted) and all(w in item for w, item in zip(wanted, items, strict=True))
