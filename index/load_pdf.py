"""PDF loader (pdfplumber): per page, tables and the text outside them in reading order, page furniture removed."""

from __future__ import annotations

import io
import logging
import re
from collections import Counter
from typing import Any, NamedTuple

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError

from govqa.core.errors import EncryptedPdf, ScannedPdf, UnreadableFile
from govqa.core.types import TableBlock
from govqa.index.load_common import Extracted, render_table, table_block

log = logging.getLogger(__name__)

_PAGE_NUMBER = re.compile(
    r"^\s*(?:[-—–]\s*\d+\s*[-—–]|第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+|\d+)\s*$"
)
_EDGE_LINES = 2  # how many lines at the top and bottom of a page may be running headers, footers or page numbers


class _Item(NamedTuple):
    top: float
    text: str
    is_table: bool


def _outside(obj: dict[str, Any], boxes: list[tuple[float, float, float, float]]) -> bool:
    cx = (obj["x0"] + obj["x1"]) / 2
    cy = (obj["top"] + obj["bottom"]) / 2
    return not any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)


def _page_items(page: Any, tables: list[TableBlock]) -> list[_Item]:
    """Text lines outside tables and rendered tables of one page, sorted top to bottom."""
    found = page.find_tables()
    boxes = [t.bbox for t in found]
    items: list[_Item] = []
    for t in found:
        rows = [row for row in t.extract() if any(cell for cell in row)]
        if rows:
            tables.append(table_block(rows))
            items.append(_Item(t.bbox[1], render_table(rows), True))
    rest = page.filter(lambda obj: obj.get("object_type") != "char" or _outside(obj, boxes)) if boxes else page
    for line in rest.extract_text_lines(return_chars=False):
        if line["text"].strip():
            items.append(_Item(line["top"], line["text"].strip(), False))
    return sorted(items, key=lambda item: item.top)


def _furniture_key(text: str) -> str:
    return re.sub(r"\d+", "#", "".join(text.split()))


def _strip_furniture(pages: list[list[_Item]]) -> list[list[_Item]]:
    """Drop page numbers and lines repeated at the top or bottom of most pages (running headers / footers)."""
    edge_counts: Counter[str] = Counter()
    for items in pages:
        text_items = [i for i in items if not i.is_table]
        edges = {_furniture_key(i.text) for i in text_items[:_EDGE_LINES] + text_items[-_EDGE_LINES:]}
        edge_counts.update(edges)
    repeated = {key for key, n in edge_counts.items() if len(pages) >= 2 and n >= max(2, len(pages) // 2 + 1)}
    cleaned: list[list[_Item]] = []
    for items in pages:
        text_items = [i for i in items if not i.is_table]
        edge_ids = {id(i) for i in text_items[:_EDGE_LINES] + text_items[-_EDGE_LINES:]}
        keep = [
            i
            for i in items
            if i.is_table
            or id(i) not in edge_ids
            or not (_PAGE_NUMBER.match(i.text) or _furniture_key(i.text) in repeated)
        ]
        cleaned.append(keep)
    return cleaned


def _encrypted(exc: BaseException) -> bool:
    """Whether pdfminer refused the file for its encryption (pdfplumber wraps the error in its own type)."""
    seen: set[int] = set()
    todo: list[object] = [exc]
    while todo:
        err = todo.pop()
        if not isinstance(err, BaseException) or id(err) in seen:
            continue
        seen.add(id(err))
        if isinstance(err, PDFEncryptionError):
            return True
        todo.extend([*err.args, err.__cause__, err.__context__])
    return False


def load_pdf(raw: bytes, *, source: str) -> Extracted:
    """Load a PDF with a text layer; raise ScannedPdf when no page has any text, UnreadableFile when corrupt."""
    if not raw.lstrip()[:5] == b"%PDF-":
        raise UnreadableFile(f"{source}: not a PDF file (no %PDF- header)")
    if b"%%EOF" not in raw[-2048:]:
        raise UnreadableFile(f"{source}: truncated PDF (no %%EOF marker at the end of the file)")
    tables: list[TableBlock] = []
    try:
        with pdfplumber.open(io.BytesIO(raw)) as pdf:
            if not pdf.pages:
                raise UnreadableFile(f"{source}: the PDF has no pages")
            n_chars = sum(len(page.chars) for page in pdf.pages)
            if n_chars == 0:
                raise ScannedPdf(
                    f"{source}: scanned PDF with no text layer, needs OCR before govqa can read it ({len(pdf.pages)} pages)"
                )
            pages = [_page_items(page, tables) for page in pdf.pages]
    except UnreadableFile:
        raise
    except Exception as exc:  # pdfminer raises many unrelated types for broken files
        if _encrypted(exc):
            raise EncryptedPdf(f"{source}: PDF 已加密，需要密码才能打开；请上传未加密的版本"
                               " / password-protected PDF: upload a copy without a password") from exc
        raise UnreadableFile(f"{source}: corrupt PDF ({type(exc).__name__}: {exc})") from exc
    text = "\n".join(item.text for items in _strip_furniture(pages) for item in items)
    log.debug("%s: %d pages, %d tables", source, len(pages), len(tables))
    return Extracted(text=text + "\n", tables=tuple(tables))
