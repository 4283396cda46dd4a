"""Uploaded report files: safe file names and a checked copy into ``settings.uploads_dir``.

The web UI (and any other client that receives files from users) calls :func:`save_upload` before
ingesting, so that a user-chosen name can never place a file outside ``GOVQA_HOME``.

    >>> sanitize_filename("../../etc/红寺堡区 2020年报?.txt")
    '红寺堡区_2020年报.txt'
"""

from __future__ import annotations

import hashlib
import logging
import re
import shutil
import unicodedata
from pathlib import Path

from govqa.core.config import Settings
from govqa.core.errors import UnreadableFile

log = logging.getLogger(__name__)

MAX_NAME_CHARS = 120
# Word characters (incl. CJK), dot, dash, parentheses (ASCII and full-width); everything else becomes "_".
_ODD = re.compile(r"[^\w.\-()（）〔〕【】]+")


def sanitize_filename(name: str) -> str:
    """A file name without directories or odd characters; CJK and the suffix are kept."""
    base = re.split(r"[\\/]", unicodedata.normalize("NFC", name or ""))[-1]
    base = "".join(ch for ch in base if unicodedata.category(ch)[0] != "C")  # control / format characters
    base = _ODD.sub("_", base.strip()).strip("._ ")
    stem, dot, suffix = base.rpartition(".")
    if not dot:
        stem, suffix = base, ""
    suffix = suffix.lower()[:10]
    stem = re.sub(r"_{2,}", "_", stem)[: MAX_NAME_CHARS - len(suffix) - 1].strip("._") or "upload"
    return f"{stem}.{suffix}" if suffix else stem


def _same_content(a: Path, b: Path) -> bool:
    if a.stat().st_size != b.stat().st_size:
        return False
    return hashlib.sha256(a.read_bytes()).digest() == hashlib.sha256(b.read_bytes()).digest()


def _free_target(folder: Path, name: str, src: Path) -> Path:
    """``folder/name``, or ``name-1``, ``name-2`` … when another file already has that name."""
    target = folder / name
    stem, suffix = target.stem, target.suffix
    n = 0
    while target.exists() and not _same_content(target, src):
        n += 1
        target = folder / f"{stem}-{n}{suffix}"
    return target


def upload_suffixes() -> tuple[str, ...]:
    """The file suffixes an upload may have: exactly those the loaders read."""
    from govqa.index.loaders import LOADERS

    return tuple(LOADERS)


def save_upload(src: Path, original_name: str, *, settings: Settings) -> Path:
    """Copy an uploaded file into ``settings.uploads_dir`` under a sanitised name; refuse odd types and large files."""
    name = sanitize_filename(original_name)
    suffix = Path(name).suffix.lower()
    if suffix not in upload_suffixes():
        raise UnreadableFile(f"{original_name}: unsupported file type {suffix or '(none)'} (supported: {' '.join(upload_suffixes())})")
    size = src.stat().st_size
    limit = settings.max_file_mb * 1024 * 1024
    if size > limit:
        raise UnreadableFile(f"{original_name}: file is {size / 1048576:.1f} MB, larger than the limit of {settings.max_file_mb:g} MB")
    folder = settings.uploads_dir.resolve()
    folder.mkdir(parents=True, exist_ok=True)
    target = _free_target(folder, name, src).resolve()
    if target.parent != folder:  # cannot happen after sanitising; a guard, not a code path
        raise UnreadableFile(f"{original_name}: refusing to write outside {folder}")
    shutil.copyfile(src, target)
    log.info("upload %s saved as %s (%d bytes)", original_name, target, size)
    return target
