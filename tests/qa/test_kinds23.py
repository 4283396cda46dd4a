"""Kinds studied in round 23, each tested on wordings of our own: a share of the applications 同意公开 (予以公开 alone,
not the pooled 公开率). Every sentence and figure here is our own."""

from __future__ import annotations

import pytest
from written_stores import Written, ask, assert_value, written_store
from written_stores import application_cells as _apply

from govqa.core.config import Settings
from govqa.index.store import Store

_CELLS = (_apply("一", 16, 自然人=16) + _apply("三.一", 6) + _apply("三.二", 2) + _apply("三.三.1", 4)
          + _apply("三.七", 16))


@pytest.fixture
def store(settings: Settings) -> Store:
    return written_store(settings.db_url, [Written("q24", "青梧市某某局", "青梧局", 2024, _CELLS, (), ("青梧",))])


@pytest.mark.parametrize("question", [
    "青梧局2024年的信息公开申请里，同意公开的占比是多少？", "青梧局2024年批准公开的申请占多少？",
    "青梧局2024年准予公开的比例是多少", "青梧局2024年依申请公开中同意公开的比例", "青梧局2024年同意公开的申请占了百分之几？",
    "青梧局2024年同意公开率是多少", "2024年青梧局收到的申请，准予公开的占几成？", "青梧局2024年予以公开的占比是多少？",
])
def test_a_share_agreed_to_disclose_is_of_full_disclosure_alone(store: Store, settings: Settings, question: str) -> None:
    answer = ask(store, settings, question)
    assert_value(answer, 37.5, "%")
    assert "部分公开" not in answer.text, answer.text


@pytest.mark.parametrize("question", [
    "青梧局2024年公开的（含部分公开）占比是多少？", "青梧局2024年公开出去的申请占多少比例？", "青梧局2024年的公开率是多少？",
    "青梧局2024年予以公开和部分公开的申请占多少？",
])
def test_disclosed_with_partial_stays_the_pooled_rate(store: Store, settings: Settings, question: str) -> None:
    assert_value(ask(store, settings, question), 50.0, "%")
