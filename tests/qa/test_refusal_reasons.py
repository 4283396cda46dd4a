"""Every refusal says why (Answer.reason): no-agency, no-year, no-data or invalid; answers carry no reason."""

from __future__ import annotations

from datetime import date

import pytest

from govqa.core.types import REFUSAL_REASONS
from govqa.qa.answer import answer_question
from govqa.qa.conversation import Conversation


@pytest.fixture
def ask(mini_store, settings):
    def _ask(text: str, conversation: Conversation | None = None, retriever=None):
        return answer_question(text, store=mini_store, retriever=retriever, conversation=conversation, settings=settings)
    return _ask


@pytest.mark.parametrize(("question", "reason"), [
    ("固原市原州区2020年收到多少政府信息公开申请？", "no-agency"),
    ("红寺堡区2019年收到多少政府信息公开申请？", "no-year"),
    ("红寺堡区2019年和2020年收到的申请哪个多", "no-year"),
    ("红寺堡区2020年政府集中采购的数量跟去年比增减了多少", None),  # answered or no-data, never an error
    ("红寺堡区99999年收到多少政府信息公开申请？", "invalid"),
    ("红寺堡区1990年收到多少政府信息公开申请？", "invalid"),
    (f"红寺堡区{date.today().year + 3}年收到多少政府信息公开申请？", "invalid"),
    ("红寺堡区2020年第六季度有几件申请被予以公开", "invalid"),  # no such quarter, whatever the agency
    ("石嘴山市惠农区2020年第十四季度收到多少申请", "invalid"),
    ("红寺堡区2020年第二季度收到多少申请", "no-data"),  # a real quarter: the tables hold only the whole year
    ("红寺堡区2020年18月份收到多少申请", "invalid"),
    ("红寺堡区公元2500年收到多少政府信息公开申请？", "invalid"),  # four digits, yet no year a report covers
    ("红寺堡区-2020年收到多少政府信息公开申请？", "invalid"),  # a minus sign glued to the year, not a range
    ("红寺堡区 - 2020年收到多少政府信息公开申请？", None),  # spaced: a separator
    ("红寺堡区2019年-2020年收到多少申请", None),  # a range
    ("民政部2020年收到多少政府信息公开申请？", "no-agency"),  # a ministry the store does not hold
    ("红寺堡区公元3000年主动公开了多少条信息？", "invalid"),  # four digits, but no year a report covers
    ("红寺堡区-2020年收到多少申请", "invalid"),  # a negative year
    ("财政部2020年收到多少政府信息公开申请？", "no-agency"),  # a ministry the store does not hold
    ("红寺堡区公元前300年收到多少政府信息公开申请？", "invalid"),  # a year before the common era
    ("红寺堡区公元前2020年收到多少申请", "invalid"),  # four digits, yet before the common era
    ("红寺堡区公元150年主动公开了多少条信息？", "invalid"),  # an era word before a short number
])
def test_refusal_reason(ask, question: str, reason: str | None) -> None:
    a = ask(question)
    if reason is None:
        assert a.found or a.reason in REFUSAL_REASONS
        return
    assert (a.found, a.route, a.reason) == (False, "refuse", reason), a.text
    assert a.value is None


def test_table_without_the_row_is_no_data(ask) -> None:
    a = ask("镇北堡镇2020年行政强制本年增减多少")  # the hand-typed store holds no 行政强制 row for 镇北堡镇
    assert (a.found, a.reason) == (False, "no-data"), a.text


def test_retrieval_without_a_passage_is_no_data(ask) -> None:
    from tests.qa.conftest import FakeRetriever

    a = ask("红寺堡区2020年的政务新媒体有多少粉丝？", retriever=FakeRetriever([]))
    assert (a.found, a.reason) == (False, "no-data"), a.text


def test_followup_to_an_absent_year_is_no_year(ask) -> None:
    chat = Conversation()
    assert ask("红寺堡区2020年收到多少申请？", chat).reason is None
    assert ask("2019年呢？", chat).reason == "no-year"


def test_answers_carry_no_reason(ask) -> None:
    a = ask("自治区政府办公厅2020年收到多少政府信息公开申请？")
    assert a.found and a.reason is None
