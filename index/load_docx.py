"""DOCX loader: the body in order, paragraphs as lines and tables as tab-separated rows (merged cells once)."""

from __future__ import annotations

import io
import logging
import zipfile

from docx import Document
from docx.oxml.ns import qn
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from lxml.etree import XMLSyntaxError

from govqa.core.errors import UnreadableFile
from govqa.core.types import TableBlock
from govqa.index.load_common import Extracted, SpanCell, expand_spans, render_table, table_block

log = logging.getLogger(__name__)


def _table_rows(tbl: Table) -> tuple[tuple[str, ...], ...]:
    """Rows of a Word table: a gridSpan cell fills its columns with "", a vMerge continuation cell is ""."""
    marked: list[list[SpanCell]] = []
    for tr in tbl._tbl.tr_lst:
        row: list[SpanCell] = []
        for tc in tr.tc_lst:
            continued = tc.vMerge == "continue"
            text = "" if continued else " ".join(p.text for p in _Cell(tc, tbl).paragraphs)
            row.append(SpanCell(text, colspan=tc.grid_span))
        marked.append(row)
    return expand_spans(marked)


def load_docx(raw: bytes, *, source: str) -> Extracted:
    """Load a Word .docx report: paragraphs and tables in body order."""
    try:
        document = Document(io.BytesIO(raw))
    except (zipfile.BadZipFile, KeyError, XMLSyntaxError, ValueError) as exc:
        raise UnreadableFile(f"{source}: not a valid DOCX file (corrupt or not a Word zip package: {exc})") from exc
    lines: list[str] = []
    tables: list[TableBlock] = []
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            lines.append(Paragraph(child, document).text.strip())
        elif child.tag == qn("w:tbl"):
            rows = _table_rows(Table(child, document))
            if rows:
                tables.append(table_block(rows))
                lines.append(render_table(rows))
    text = "\n".join(line for line in lines if line)
    if not text.strip():
        raise UnreadableFile(f"{source}: the DOCX document has no text")
    return Extracted(text=text + "\n", tables=tuple(tables))
