"""Load a report file of any supported format into a LoadedDocument (normalised text + markup tables)."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from pathlib import Path

from govqa.core.config import Settings
from govqa.core.errors import UnreadableFile
from govqa.core.types import LoadedDocument
from govqa.index.load_common import Extracted
from govqa.index.load_docx import load_docx
from govqa.index.load_html import load_html
from govqa.index.load_limits import check_unpacked
from govqa.index.load_pdf import load_pdf
from govqa.index.load_text import load_text
from govqa.index.normalize import normalize_text

log = logging.getLogger(__name__)

Loader = Callable[..., Extracted]
LOADERS: dict[str, tuple[str, Loader]] = {
    ".txt": ("txt", load_text),
    ".md": ("md", load_text),
    ".html": ("html", load_html),
    ".htm": ("html", load_html),
    ".pdf": ("pdf", load_pdf),
    ".docx": ("docx", load_docx),
}
SUPPORTED = " ".join(LOADERS)


def load_file(path: Path, *, settings: Settings) -> LoadedDocument:
    """Read one report file, dispatching on its suffix; raise UnreadableFile (or ScannedPdf) with the reason.

    >>> doc = load_file(Path("index/samples/000_9f89ab4fe0ea1170.txt"), settings=Settings())
    >>> doc.fmt, doc.encoding
    ('txt', 'utf-8')
    """
    path = Path(path)
    source = path.name
    suffix = path.suffix.lower()
    if suffix not in LOADERS:
        raise UnreadableFile(f"{source}: unsupported file type {suffix or '(none)'} (supported: {SUPPORTED})")
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise UnreadableFile(f"{source}: cannot read the file ({exc.strerror or exc})") from exc
    if size == 0:
        raise UnreadableFile(f"{source}: the file is empty (0 bytes)")
    limit = settings.max_file_mb * 1024 * 1024
    if size > limit:
        raise UnreadableFile(
            f"{source}: file is too large ({size / 1024 / 1024:.1f} MB; the limit max_file_mb is {settings.max_file_mb:g} MB)"
        )
    raw = path.read_bytes()
    fmt, loader = LOADERS[suffix]
    check_unpacked(raw, fmt, source=source, settings=settings)
    extracted = loader(raw, source=source)
    text = normalize_text(extracted.text)
    if not text.strip():
        raise UnreadableFile(f"{source}: no text left after normalisation")
    log.info("loaded %s (%s, %d characters, %d markup tables)", source, fmt, len(text), len(extracted.tables))
    return LoadedDocument(
        source=source,
        text=text,
        content_hash=hashlib.sha256(raw).hexdigest(),
        encoding=extracted.encoding,
        fmt=fmt,
        tables=extracted.tables,
    )
