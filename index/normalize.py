"""Text normalisation applied to every loaded report before parsing; offsets of sections refer to its output."""

from __future__ import annotations

import re

# BOM, zero-width space / joiners, word joiner, soft hyphen: invisible characters that split words and numbers.
_INVISIBLE = dict.fromkeys(map(ord, "\ufeff\u200b\u200c\u200d\u2060\u00ad"), None)
_ANGLE_LINK = re.compile(r"<((?:https?|ftp|mailto):[^<>\s]*)>", re.IGNORECASE)
_MAILTO_LINE = re.compile(r"^[ \t]*mailto:[^\n]*(?:\n|$)", re.IGNORECASE | re.MULTILINE)
_MD_BOLD = re.compile(r"\*\*")


def normalize_text(text: str) -> str:
    """Unify newlines, drop invisible characters, NBSP → space, unwrap <http…> links, drop mailto lines and **.

    Every other character is kept as printed (full-width digits included).

    >>> normalize_text("\\ufeff**一是**网站（<http://www.xqq.gov.cn>）\\r\\n")
    '一是网站（http://www.xqq.gov.cn）\\n'
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.translate(_INVISIBLE).replace("\u00a0", " ")
    text = _ANGLE_LINK.sub(r"\1", text)
    text = _MAILTO_LINE.sub("", text)
    return _MD_BOLD.sub("", text)
