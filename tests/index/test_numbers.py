"""index/numbers.py: units, signs, full-width digits, lexing, run-together splitting and its ambiguity."""

from __future__ import annotations

import pytest

from govqa.core.errors import GovqaError
from govqa.index.numbers import clean_chars, format_number, lex, parse_number, split_digits, split_tokens


@pytest.mark.parametrize(
    ("raw", "value", "unit"),
    [
        ("40.94 万元", 40.94, "万元"),
        ("2154.97万元", 2154.97, "万元"),
        ("18336.88 万", 18336.88, "万"),
        ("251000元", 25.1, "元"),
        ("+1196", 1196, ""),
        ("-14", -14, ""),
        ("１２", 12, ""),
        ("＋３", 3, ""),
        ("34件", 34, "件"),
        ("0", 0, ""),
    ],
)
def test_parse_number(raw: str, value: float, unit: str) -> None:
    assert parse_number(raw) == (pytest.approx(value), unit)


def test_parse_number_rejects_text() -> None:
    with pytest.raises(GovqaError, match="规章"):
        parse_number("规章")


def test_clean_chars_keeps_length_and_blanks_junk() -> None:
    text = "**一是**\u00a0１２<http://www.example.gov.cn/>\r\n"
    cleaned = clean_chars(text)
    assert len(cleaned) == len(text)
    assert cleaned.split() == ["一是", "12"]


def test_lex_enumerators_are_labels_not_values() -> None:
    tokens = lex("1. 属于国家秘密\t0\t0\t2.其他法律行政法规禁止公开 0 0 0 0 0 7 7")
    assert [t.text for t in tokens if t.kind == "num"] == ["0", "0", "0", "0", "0", "0", "0", "7", "7"]
    assert tokens[0].kind == "text" and tokens[0].text == "1."


def test_lex_run_together_digits_before_an_enumerator() -> None:
    tokens = lex("1.属于国家秘密00000002.其他法律行政法规禁止公开0000000")
    assert [(t.kind, t.text) for t in tokens] == [
        ("text", "1."), ("text", "属于国家秘密"), ("num", "0000000"), ("text", "2."), ("text", "其他法律行政法规禁止公开"),
        ("num", "0000000"),
    ]


def test_lex_units_attach_and_prose_years_do_not_count() -> None:
    tokens = lex("政府集中采购 3 40.94 万元\n\n2020年，清理文件215份")
    nums = [(t.text, t.value) for t in tokens if t.kind == "num"]
    assert nums == [("3", 3), ("40.94 万元", 40.94), ("215", 215)]  # 2020年 starts a word: prose


def test_split_digits_unique_and_no_leading_zeros() -> None:
    assert list(split_digits("5100006", 7)) == [(5, 1, 0, 0, 0, 0, 6)]
    assert list(split_digits("000", 3)) == [(0, 0, 0)]
    assert list(split_digits("05", 2)) == [(0, 5)] and list(split_digits("05", 1)) == []
    assert list(split_digits("105", 2)) == [(10, 5)]  # 1|05 would need a leading zero


def test_split_digits_by_row_relation() -> None:
    fits = [v for v in split_digits("100000010", 7) if sum(v[:6]) == v[6]]
    assert fits == [(10, 0, 0, 0, 0, 0, 10)]


def test_split_digits_can_stay_ambiguous() -> None:
    fits = [v for v in split_digits("121000013", 7) if sum(v[:6]) == v[6]]
    assert sorted(fits) == [(1, 2, 10, 0, 0, 0, 13), (12, 1, 0, 0, 0, 0, 13)]


def test_split_tokens_keeps_separated_values_whole() -> None:
    tokens = [t for t in lex("530000530600067000 7") if t.kind == "num"]
    readings = list(split_tokens(tokens, 15))
    assert all(r[-1] == "7" and len(r) == 15 for r in readings)
    groups_ok = [r for r in readings if all(sum(map(int, r[i:i + 4])) == int(r[i + 4]) for i in (0, 5, 10))]
    assert groups_ok == [("530", "0", "0", "0", "530", "6", "0", "0", "0", "6", "7", "0", "0", "0", "7")]


def test_split_tokens_cuts_signed_values_and_amounts_keeping_sign_first_and_unit_last() -> None:
    tokens = [t for t in lex("40.94万元 +12") if t.kind == "num"]
    assert sorted(split_tokens(tokens, 3)) == [("4", "0.94万元", "+12"), ("40.94万元", "+1", "2")]
    signed = [t for t in lex("行政许可88-720") if t.kind == "num"]
    assert [t.text for t in signed] == ["88", "-720"]
    assert sorted(split_tokens(signed, 3)) == [("8", "8", "-720"), ("88", "-7", "20"), ("88", "-72", "0")]
    assert list(split_tokens([t for t in lex("2832995元") if t.kind == "num"], 2))[:2] == [("2", "832995元"), ("28", "32995元")]


def test_split_tokens_always_cuts_a_value_glued_to_a_zero() -> None:
    tokens = [t for t in lex("160 02 0 018") if t.kind == "num"]
    readings = list(split_tokens(tokens, 7))
    assert ("16", "0", "0", "2", "0", "0", "18") in readings
    assert all("02" not in r and "018" not in r for r in readings)


def test_lex_signs_after_digits_start_a_value() -> None:
    assert [t.text for t in lex("其他对外管理服务事项0+34636") if t.kind == "num"] == ["0", "+34636"]
    assert [t.value for t in lex("行政事业性收费15-15") if t.kind == "num"] == [15, -15]


def test_lex_last_cell_glued_to_the_next_row_is_a_value() -> None:
    tokens = lex("申请数量 1 0 0 0 0 01二、上年结转 0000000三、本年度 规章 0　0　0规范性文件 2020年")
    assert [t.text for t in tokens if t.kind == "num"] == ["1", "0", "0", "0", "0", "01", "0000000", "0", "0", "0"]


@pytest.mark.parametrize("word", ["(blank)", "（blank）", "空", "N/A", "(空)"])
def test_lex_blank_words_are_blank_tokens(word: str) -> None:
    from govqa.index.numbers import BLANK

    tokens = lex(clean_chars(f"行政强制\t3\t{word}\t5"))
    assert [t.text for t in tokens if t.kind == "num"] == ["3", BLANK, "5"]


def test_format_number() -> None:
    assert [format_number(v) for v in (7.0, -14.0, 40.94)] == ["7", "-14", "40.94"]


@pytest.mark.parametrize(("raw", "value"), [("1,536", 1536), ("1，536", 1536), ("2,154.97万元", 2154.97), ("12,345,678", 12345678)])
def test_parse_number_thousands_separators(raw: str, value: float) -> None:
    assert parse_number(raw)[0] == pytest.approx(value)


def test_lex_dash_slash_none_cells_are_zero_values() -> None:
    tokens = lex(clean_chars("行政强制\t—\t／\t无\t-\t-3"))
    assert [(t.kind, t.text, t.value) for t in tokens[1:]] == [
        ("num", "—", 0), ("num", "/", 0), ("num", "无", 0), ("num", "-", 0), ("num", "-3", -3)]
    assert [t.kind for t in lex("本年度无行政复议——情况")] == ["text"]  # inside prose they are words


def test_lex_blank_field_between_values_is_a_blank_token_but_not_at_the_edges() -> None:
    from govqa.index.numbers import BLANK

    tokens = lex("\t\t部分公开\t\t2\t\t0\t3\t\t")
    assert [t.text for t in tokens if t.kind == "num"] == ["2", BLANK, "0", "3"]
    assert lex("2\n\n3")[1].text == "3"  # a line break is not an empty cell


def test_lex_parenthesised_digit_is_an_enumerator() -> None:
    tokens = lex(clean_chars("（１）属于国家秘密\t0\t(2) 重复申请 4"))
    assert [t.text for t in tokens if t.kind == "num"] == ["0", "4"]
