"""eval/score.py: number normalisation, whole-number matching, alternatives, found/not-found scoring."""

from __future__ import annotations

import pytest

from govqa.core.numbers import normalize_numbers, number_tokens
from govqa.core.types import Answer
from govqa.eval.score import contains_expected, score


def _answer(text: str, *, found: bool = True, route: str = "table") -> Answer:
    return Answer(question="q", text=text, found=found, route=route)


@pytest.mark.parametrize(
    ("raw", "normalized"),
    [
        ("１１９６件", "1196件"),
        ("共 1,196 件", "共 1196 件"),
        ("1,234,567元", "1234567元"),
        ("２１５４．９７万元", "2154.97万元"),
        ("－３７", "-37"),
        ("5，100", "5，100"),  # a Chinese comma separates items, it is no thousands separator
        ("1,23", "1,23"),  # not a group of three
        ("12,3456", "12,3456"),
    ],
)
def test_normalize_numbers(raw: str, normalized: str) -> None:
    assert normalize_numbers(raw) == normalized


def test_number_tokens_keep_sign_and_decimals() -> None:
    tokens = number_tokens("行政许可 889 +1196 6269，政府集中采购 3 40.94 万元，本年增/减 -37")
    assert [(s, str(v)) for s, v in tokens] == [
        ("", "889"), ("+", "1196"), ("", "6269"), ("", "3"), ("", "40.94"), ("-", "37"),
    ]
    assert [s for s, _ in number_tokens("减少 37")] == [""]


@pytest.mark.parametrize(
    ("item", "text", "expected"),
    [
        ("44", "共收到政府信息公开申请44件。", True),
        ("44", "共收到政府信息公开申请4447件。", False),  # never inside a longer number
        ("44", "共收到申请144件", False),
        ("44", "比例3.44%", False),
        ("44", "共44.5万元", False),
        ("44", "共 44.", True),  # a sentence-final ASCII point is no decimal part
        ("44", "共收到申请４４件", True),  # full-width digits
        ("1196", "本年增/减 +1196", True),  # an unsigned expectation accepts a signed printing
        ("1196", "对外公开总数量 1,196 件", True),
        ("-37", "本年增/减 -37", True),
        ("-37", "本年增/减 37", False),  # a signed expectation needs its sign
        ("40.94", "采购总金额 40.94 万元", True),
        ("40.94", "采购总金额 40.940 万元", True),  # numerically equal
        ("40.94", "采购总金额 140.94 万元", False),
        ("40.94万元", "采购总金额 40.94 万元", True),  # whitespace inside is ignored
        ("2154.97万元", "采购总金额：２１５４．９７万元", True),
        ("14项", "采购项目 14 项", True),
        ("14项", "采购项目 114 项", False),  # a mixed item is bounded by non-digits too
        ("2020年", "红寺堡区2020年", True),
        ("镇北堡镇", "银川市西夏区镇北堡镇人民政府", True),
        ("掌政镇", "银川市西夏区镇北堡镇人民政府", False),
        (["未找到", "没有找到"], "没有找到相关内容", True),  # alternatives: any one counts
        (["未找到", "没有找到"], "找到了", False),
        (44, "共44件", True),  # a JSON number is an expected number
        ("", "anything", False),  # an empty expectation never matches
    ],
)
def test_contains_expected(item, text: str, expected: bool) -> None:
    assert contains_expected(item, text) is expected


def test_score_requires_every_item() -> None:
    answer = _answer("红寺堡区2020年本年新收政府信息公开申请44件，上年结转0件。")
    assert score({"found": True, "expect": ["44", "红寺堡区"]}, answer)
    assert not score({"found": True, "expect": ["44", "兴庆区"]}, answer)
    assert score({"expect": ["44"]}, answer)  # found defaults to true


def test_score_found_must_match() -> None:
    refusal = _answer("报告中没有找到贺兰县2020年的数据。", found=False, route="refuse")
    assert score({"found": False, "expect": []}, refusal)
    assert score({"found": False, "expect": [["没有找到", "未找到"]]}, refusal)
    assert not score({"found": True, "expect": ["没有找到"]}, refusal)
    # a question that must be refused fails when the system answers it, even if the text contains the items
    answered = _answer("贺兰县2020年收到申请12件。", found=True)
    assert not score({"found": False, "expect": []}, answered)


def test_score_not_fooled_by_longer_number() -> None:
    assert not score({"found": True, "expect": ["44"]}, _answer("4447"))
