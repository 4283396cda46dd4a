"""Numbers as the standard tables print them: character clean-up, lexing, units, signs, run-together digits.

    >>> parse_number("40.94 万元")
    (40.94, '万元')
    >>> parse_number("251000元")
    (25.1, '元')
    >>> list(split_digits("5100006", 7))
    [(5, 1, 0, 0, 0, 0, 6)]
    >>> parse_number("1,536"), parse_number("2,154.97万元")
    ((1536.0, ''), (2154.97, '万元'))

Empty cells. A count cell printed as a dash, a slash or 无 (`—`, `-`, `－`, `/`, `／`, `无`, standing alone) means
"none" in these reports: it is read as the value 0 and its printed text is kept as the cell's raw. A cell left
blank (an empty field between two values of a tab-separated row) is NOT a zero: it becomes a BLANK placeholder
token that holds the cell's column, and the parser takes no cell for it and reports it missing. Blank fields
before the first value (merged label cells) or after the last one (a value merged over several columns) are
layout, not cells.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations, pairwise

from govqa.core.errors import GovqaError

CJK = "\u4e00-\u9fff"
# Amounts are stored in 万元: the factor that turns a printed unit into 万元.
MONEY_UNITS = {"万元": 1.0, "万": 1.0, "亿元": 10000.0, "元": 0.0001}
COUNT_UNITS = ("件", "个", "项", "条")
# Markup that is never a value: bold marks, links, check boxes, table pipes and Markdown separator cells (|---|).
_JUNK = re.compile(r"\*\*|<https?://[^>\s]*>|<input[^>]*>|(?<=\|)[ \t]*:?-{3,}:?[ \t]*(?=\|)|\|")
# A digit followed by "." or "、" and then a label is an enumerator (1.属于国家秘密), never a value.
_ENUM_AHEAD = rf"[.、]\s*[{CJK}“\"(（]"
# Dash, slash or 无 alone in a cell: "none", read as 0 (see the module docstring).
NIL_MARKS = ("—", "―", "-", "/", "无")
BLANK = "(blank)"  # the printed text of a BLANK placeholder token: a cell left empty between two values
# Words printed in a cell to say it is empty: a blank, not a zero (no cell is taken for them).
BLANK_WORDS = ("(blank)", "(空)", "空白", "空", "N/A", "n/a", "NA", "null", "NULL")
_TOKEN = re.compile(
    rf"(?P<enum>\d(?={_ENUM_AHEAD}).|\(\s*\d{{1,2}}\s*\)(?=\s*[{CJK}]))"
    rf"|(?P<nil>(?<!\S)(?:—+|―+|-+|/|无)(?!\S))"
    rf"|(?P<blank>(?<![\w.])(?:{'|'.join(re.escape(w) for w in BLANK_WORDS)})(?![\w.]))"
    # a sign right after a digit starts the next value: 88-720 is 88 then -720, 0+34636 is 0 then +34636
    rf"|(?P<num>(?:(?<!\d)[+-]?|(?<=\d)[+-](?=\d))(?:\d(?!{_ENUM_AHEAD}))+(?:,\d{{3}}(?![\d,]))*(?:\.\d+)?)"
    rf"(?P<unit>\s*(?:万元|亿元|万|元)|(?:{'|'.join(COUNT_UNITS)}))?"
)
_BLANK_FIELDS = re.compile(r"[ ]*\t(?:[ ]*\t)+[ ]*")  # two or more tabs with nothing but spaces between them


_CLEAN_MAP: dict[int, int | str] = {
    **{code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)},  # full-width forms as ASCII
    **{ord(ch): " " for ch in "\u3000\xa0\r\u2002\u2003\u2009\u200b\ufeff"},
    **{ord(ch): "-" for ch in "\u2212\u2013\ufe63"},
}


def clean_chars(text: str) -> str:
    """Same-length copy of text with full-width forms as ASCII, odd spaces as spaces and markup junk blanked.

    Keeping the length lets every offset into the result point at the same characters of the original.
    """
    return _JUNK.sub(lambda m: " " * len(m.group(0)), text.translate(_CLEAN_MAP))


@dataclass(frozen=True)
class Token:
    """A piece of cleaned text: a number (value, unit) or a label fragment, with its offsets."""

    kind: str  # "num" | "text"
    text: str  # the cleaned characters
    start: int
    end: int
    value: float = 0.0  # numbers only, amounts already in 万元
    unit: str = ""  # the printed unit, "" when none

    @property
    def digits(self) -> str:
        """The digit string of an unsigned whole number with no unit ("" otherwise): what a split may cut."""
        body = self.text.strip()
        return body if body.isdigit() else ""


def lex(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Split cleaned text[start:end] into number and text tokens (whitespace dropped)."""
    end = len(text) if end is None else end
    tokens: list[Token] = []
    pos = start

    def add_text(a: int, b: int) -> None:
        piece = text[a:b]
        if piece.strip():
            tokens.append(Token("text", piece.strip(), a, b))

    for m in _TOKEN.finditer(text, start, end):
        add_text(pos, m.start())
        if m.group("enum") or _is_prose(text, m):
            tokens.append(Token("text", m.group(0), m.start(), m.end()))
        else:
            if tokens and tokens[-1].kind == "num":
                tokens.extend(_blanks(text, tokens[-1].end, m.start()))
            if m.group("blank"):
                tokens.append(Token("num", BLANK, m.start(), m.end()))
            else:
                value, unit = (0.0, "") if m.group("nil") else parse_number(m.group(0))
                tokens.append(Token("num", m.group(0), m.start(), m.end(), value, unit))
        pos = m.end()
    add_text(pos, end)
    return tokens


def _blanks(text: str, a: int, b: int) -> list[Token]:
    """A BLANK token for each empty tab-separated field between two values printed on one line."""
    gap = _BLANK_FIELDS.fullmatch(text, a, b)
    if gap is None:
        return []
    return [Token("num", BLANK, a, b) for _ in range(gap.group(0).count("\t") - 1)]


def _is_prose(text: str, m: re.Match[str]) -> bool:
    """A number that starts a word and runs into Chinese text (2020年, 215份) is prose, not a cell.

    Not when the text it runs into starts the next row or section (二、上年结转…, 规范性文件…): a table printed
    on one line glues its last cell to the next row's label.
    """
    if m.group("unit") or m.group("blank") or m.group("nil"):
        return False
    if _DATE_WORD.match(text, m.end()):  # 2019年, 12月, 31日: a date, never a cell
        return True
    before = text[m.start() - 1: m.start()] if m.start() else " "
    if not before.isspace() or not _CJK_CHAR.match(text, m.end()):
        return False
    return not _NEXT_ROW.match(text, m.end())


_CJK_CHAR = re.compile(f"[{CJK}]")
_DATE_WORD = re.compile("[年月日]")
# What follows a table's last cell when rows run on: an enumerator (二、 三三、) or a row label's first words.
_ROW_STARTS = ("规章", "规范性文件", "行政", "其他对外", "政府集中", "本年", "上年", "予以公开", "部分公开", "不予",
               "无法提供", "属于", "危及", "保护第三方", "本机关", "没有现成", "补正后", "信访", "重复申请", "要求",
               "申请人", "总计", "结转", "第二十条")
_NEXT_ROW = re.compile(rf"[一二三四五六七八九十]{{1,3}}[、.]|{'|'.join(_ROW_STARTS)}")
_NUMBER = re.compile(r"^\s*([+-]?\d+(?:,\d{3})*(?:\.\d+)?)\s*(万元|亿元|万|元|件|个|项|条)?\s*$")


@lru_cache(maxsize=16384)
def parse_number(raw: str) -> tuple[float, str]:
    """The value of a printed number (amounts in 万元) and the unit printed with it ("" if none)."""
    m = _NUMBER.match(clean_chars(raw))
    if not m:
        raise GovqaError(f"not a number as the tables print one: {raw!r}")
    value = float(m.group(1).replace(",", ""))
    unit = m.group(2) or ""
    if unit in MONEY_UNITS:
        value = round(value * MONEY_UNITS[unit], 6)
    return value, unit


_NIL = re.compile(r"(?:—+|―+|-+|/|无)")


def printed_value(raw: str) -> float:
    """The value of one printed cell's text: a number (amounts in 万元), 0 for a nil mark (— / 无), 0 for a blank."""
    raw = raw.strip()
    if raw in (BLANK, "") or _NIL.fullmatch(raw):
        return 0.0
    return parse_number(raw)[0]


def format_number(value: float) -> str:
    """A value as a person would write it: 7, -14, 40.94."""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def split_digits(digits: str, parts: int, *, limit: int = 200_000) -> Iterator[tuple[int, ...]]:
    """Every way to cut a run of digits into `parts` whole numbers without leading zeros (except "0")."""
    n = len(digits)
    if parts < 1 or parts > n or not digits.isdigit():
        return
    count = 0
    for cuts in combinations(range(1, n), parts - 1):
        bounds = (0, *cuts, n)
        pieces = [digits[a:b] for a, b in pairwise(bounds)]
        if any(len(p) > 1 and p[0] == "0" for p in pieces):
            continue
        count += 1
        if count > limit:
            return
        yield tuple(int(p) for p in pieces)


_CUTTABLE = re.compile(r"([+-]?)(\d+)((?:\.\d+)?\s*(?:万元|亿元|万|元)?)")


def _cuttable_digits(token: Token) -> str:
    """The whole-number digits a split may cut: a sign stays on the first piece, a fraction and unit on the last."""
    if token.text == BLANK:
        return ""
    m = _CUTTABLE.fullmatch(token.text.strip())
    return m.group(2) if m else ""


@lru_cache(maxsize=65536)
def _cut_count(digits: str, k: int) -> int:
    """How many ways digits cut into k pieces without a leading zero (except "0"): prunes dead ends early."""
    if k == 1:
        return int(len(digits) == 1 or digits[0] != "0")
    if len(digits) < k:
        return 0
    heads = 1 if digits[0] == "0" else len(digits) - k + 1
    return sum(_cut_count(digits[end:], k - 1) for end in range(1, heads + 1))


def _cuts(digits: str, k: int) -> Iterator[tuple[str, ...]]:
    if k == 1:
        yield (digits,)
        return
    heads = 1 if digits[0] == "0" else len(digits) - k + 1
    for end in range(1, heads + 1):
        if _cut_count(digits[end:], k - 1):
            for rest in _cuts(digits[end:], k - 1):
                yield (digits[:end], *rest)


def cut_digits(digits: str, k: int) -> Iterator[tuple[str, ...]]:
    """Every way to cut a run of digits into k pieces without a leading zero (except "0"), shortest heads first."""
    if digits.isdigit() and 1 <= k and _cut_count(digits, k):
        yield from _cuts(digits, k)


def cut_token(token: Token, k: int) -> Iterator[tuple[str, ...]]:
    """Every way to cut one printed value into k printed values (no piece with a leading zero except "0")."""
    m = _CUTTABLE.fullmatch(token.text.strip())
    if m is None or k < 1:
        return
    sign, digits, tail = m.groups()
    if not _cut_count(digits, k):
        return
    for pieces in _cuts(digits, k):
        out = list(pieces)
        out[0] = sign + out[0]
        out[-1] += tail
        yield tuple(out)


def split_tokens(tokens: list[Token], n: int, *, limit: int = 200_000) -> Iterator[tuple[str, ...]]:
    """Every way to cut a row's run-together tokens into n printed values (each value's printed text).

    A token's whole-number digits may be cut (88-720 as 88 | -72 | 0, 2832995元 as 28 | 32995元: the sign stays on
    the first piece, a fraction and a unit on the last); a BLANK placeholder stays one value.
    """
    cuttable = [i for i, t in enumerate(tokens) if len(_cuttable_digits(t)) > 1]
    extra = n - len(tokens)
    if extra <= 0 or not cuttable:
        return
    produced = 0

    def allot(j: int, left: int) -> Iterator[dict[int, int]]:
        if j == len(cuttable):
            if left == 0:
                yield {}
            return
        digits = _cuttable_digits(tokens[cuttable[j]])
        least = 1 if digits[0] == "0" else 0  # 018 is never one value: a glued 0 | 18
        for k in range(min(left, len(digits) - 1), least - 1, -1):
            if not _cut_count(digits, k + 1):
                continue
            for rest in allot(j + 1, left - k):
                yield {cuttable[j]: k + 1, **rest}

    def expand(i: int, shares: dict[int, int]) -> Iterator[tuple[str, ...]]:
        if i == len(tokens):
            yield ()
            return
        heads = cut_token(tokens[i], shares[i]) if i in shares else iter([(tokens[i].text.strip(),)])
        for head in heads:
            for tail in expand(i + 1, shares):
                yield head + tail

    for shares in allot(0, extra):
        for combo in expand(0, shares):
            produced += 1
            if produced > limit:
                return
            yield combo
