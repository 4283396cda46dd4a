"""Plain-text / Markdown loader: detect the encoding (BOM, UTF-8, GB18030, charset-normalizer) and refuse junk."""

from __future__ import annotations

import codecs
import logging
import re

from govqa.core.errors import UnreadableFile
from govqa.index.load_common import Extracted

log = logging.getLogger(__name__)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Code-point ranges a Chinese report is written in besides ASCII: Latin-1 punctuation (·×°), general punctuation,
# symbols (①□☑→), CJK punctuation and ideographs, full-width forms.
_TEXT_RANGES: tuple[tuple[int, int], ...] = (
    (0x00A0, 0x00BF),
    (0x00D7, 0x00D7),
    (0x00F7, 0x00F7),
    (0x2000, 0x2BFF),
    (0x2E80, 0x33FF),
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xF900, 0xFAFF),
    (0xFE30, 0xFE4F),
    (0xFF00, 0xFFEF),
    (0x20000, 0x2FA1F),
)
MIN_TEXT_RATIO = 0.9


# A character that is not text: neither printable ASCII nor \t\n\r\f, nor in one of _TEXT_RANGES.
_NOT_TEXT = re.compile(
    "[^\t\n\r\f\x20-\x7e" + "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi in _TEXT_RANGES) + "]"
)


def text_ratio(text: str) -> float:
    """The share of characters that are ASCII text or CJK (ideographs, punctuation, full-width forms)."""
    if not text:
        return 0.0
    return (len(text) - len(_NOT_TEXT.findall(text))) / len(text)


def _decode_bom(raw: bytes, source: str) -> tuple[str, str] | None:
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(encoding).lstrip("\ufeff"), encoding
            except UnicodeDecodeError as exc:
                raise UnreadableFile(f"{source}: starts with a {encoding} byte-order mark but does not decode ({exc})") from exc
    return None


def _decode_guess(raw: bytes, source: str) -> tuple[str, str]:
    for encoding in ("utf-8", "gb18030"):
        try:
            return raw.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    if best is None or best.encoding is None:
        raise UnreadableFile(f"{source}: not text in any known encoding (tried UTF-8, GB18030, charset detection)")
    log.info("%s: decoded as %s by charset detection", source, best.encoding)
    return str(best), best.encoding


def decode_text(raw: bytes, *, source: str) -> tuple[str, str]:
    """Decode report bytes, returning (text, encoding); raise UnreadableFile for binary or undecodable data.

    >>> decode_text("报告".encode("gb18030"), source="a.txt")
    ('报告', 'gb18030')
    """
    decoded = _decode_bom(raw, source)
    if decoded is None:
        if b"\x00" in raw:
            raise UnreadableFile(f"{source}: binary data (NUL bytes), not a text file")
        decoded = _decode_guess(raw, source)
    text, encoding = decoded
    if not text.strip():
        raise UnreadableFile(f"{source}: the file holds no text (only whitespace)")
    ratio = text_ratio(text)
    if ratio < MIN_TEXT_RATIO:
        raise UnreadableFile(
            f"{source}: does not look like Chinese/ASCII text (decoded as {encoding}, only {ratio:.0%} readable characters)"
        )
    return text, encoding


def load_text(raw: bytes, *, source: str) -> Extracted:
    """Load a .txt/.md report: decoded text, its encoding, no markup tables."""
    text, encoding = decode_text(raw, source=source)
    return Extracted(text=text, encoding=encoding)
