"""Answer text for single cells: values print as the report printed them, never with a wrong unit."""

from __future__ import annotations

from govqa.qa.compose import number_text


def test_amount_printed_in_wanyuan_keeps_its_digits() -> None:
    assert number_text(2154.97, raw="2154.97万元", unit="万元") == "2154.97万元"
    assert number_text(40.94, raw="40.94 万元", unit="万元") == "40.94万元"


def test_amount_printed_in_yuan_is_given_in_wanyuan() -> None:
    # `251000元` is stored as 25.1 (万元); printing the raw digits with 万元 would invent 251000万元
    assert number_text(25.1, raw="251000元", unit="万元") == "25.1万元"


def test_signed_change_keeps_its_sign() -> None:
    assert number_text(1196, raw="+1196", unit="项", signed=True) == "+1196项"
    assert number_text(-37, raw="-37", unit="项", signed=True) == "-37项"
