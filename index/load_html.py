"""HTML loader: visible text with block elements as lines, each <table> as tab-separated rows (spans expanded)."""

from __future__ import annotations

import logging
import re

from bs4 import BeautifulSoup, NavigableString, Tag
from bs4.element import Comment, Doctype, ProcessingInstruction

from govqa.core.errors import UnreadableFile
from govqa.core.types import TableBlock
from govqa.index.load_common import Extracted, SpanCell, expand_spans, render_table, table_block
from govqa.index.load_text import decode_text

log = logging.getLogger(__name__)

# Page furniture that is never part of the report: scripts, styles, navigation bars and site footers.
_DROP = ["script", "style", "noscript", "nav", "footer", "template", "iframe", "head"]
_BLOCKS = frozenset(
    "address article aside blockquote body caption center dd details div dl dt fieldset figcaption figure form "
    "h1 h2 h3 h4 h5 h6 header hr html li main ol p pre section summary ul".split()
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_-]+)""", re.IGNORECASE)


def _span(tag: Tag, name: str) -> int:
    try:
        return max(1, int(str(tag.get(name, "1")).strip() or "1"))
    except ValueError:
        return 1


def _table_rows(table: Tag) -> tuple[tuple[str, ...], ...]:
    """The rows of one table (not of tables nested inside it), spans expanded."""
    marked: list[list[SpanCell]] = []
    for tr in table.find_all("tr"):
        if tr.find_parent("table") is not table:
            continue
        cells = [
            SpanCell(td.get_text(" ", strip=True), _span(td, "colspan"), _span(td, "rowspan"))
            for td in tr.find_all(["td", "th"], recursive=False)
        ]
        marked.append(cells)
    return expand_spans(marked)


class _Walker:
    """Walks the DOM in document order, collecting lines and tables."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.buffer: list[str] = []
        self.tables: list[TableBlock] = []

    def flush(self) -> None:
        line = " ".join("".join(self.buffer).split())
        if line:
            self.lines.append(line)
        self.buffer = []

    def walk(self, node: Tag) -> None:
        for child in node.children:
            if isinstance(child, (Comment, Doctype, ProcessingInstruction)):
                continue
            if isinstance(child, NavigableString):
                self.buffer.append(str(child))
                continue
            if not isinstance(child, Tag):
                continue
            name = child.name
            if name == "table":
                self.flush()
                rows = _table_rows(child)
                if rows:
                    self.tables.append(table_block(rows))
                    self.lines.append(render_table(rows))
            elif name == "br":
                self.flush()
            elif name in _BLOCKS:
                self.flush()
                self.walk(child)
                self.flush()
            else:
                self.walk(child)


def _decode(raw: bytes, source: str) -> tuple[str, str]:
    declared = _META_CHARSET.search(raw[:4096])
    if declared and not raw.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        encoding = declared.group(1).decode("ascii").lower()
        try:
            return raw.decode("gb18030" if encoding in ("gb2312", "gbk") else encoding), encoding
        except (LookupError, UnicodeDecodeError):
            log.info("%s: declared charset %s does not decode; detecting", source, encoding)
    return decode_text(raw, source=source)


def load_html(raw: bytes, *, source: str) -> Extracted:
    """Load an HTML page: visible text as lines, tables as tab-separated rows and as TableBlocks."""
    html, encoding = _decode(raw, source)
    soup = BeautifulSoup(html, "lxml")
    for tag in soup.find_all(_DROP):
        tag.decompose()
    walker = _Walker()
    walker.walk(soup)
    walker.flush()
    text = "\n".join(walker.lines)
    if not text.strip():
        raise UnreadableFile(f"{source}: the HTML page has no visible text")
    return Extracted(text=text + "\n", tables=tuple(walker.tables), encoding=encoding)
