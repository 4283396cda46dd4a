"""Refuse decompression bombs before a loader reads them: DOCX zip members, PDF streams and HTML size.

A 1 MB .docx can hold a 1 GiB image part and a 300 KB PDF a 300 MB content stream; python-docx and pdfminer
would unpack them whole. The checks here read only the zip directory, or stream-decompress each PDF stream
in small pieces and stop at the first limit, so refusing a bomb costs a few MB of memory.

    >>> check_unpacked(b"<html></html>", "html", source="a.html", settings=Settings())
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass

from govqa.core.config import Settings
from govqa.core.errors import UnreadableFile

MB = 1024 * 1024
RATIO_FLOOR = MB  # a part or stream smaller than this unpacked is never refused by its ratio alone
MAX_MEMBERS = 10_000  # zip entries in one DOCX
_PIECE = 64 * 1024  # compressed bytes fed to zlib at a time
_STREAM = re.compile(rb">>\s*stream(?:\r\n|\n|\r)")  # after its dictionary; never the end of "endstream"
_FLATE = re.compile(rb"/(?:FlateDecode|Fl)\b")
_DIRECT_LENGTH = re.compile(rb"/Length\s+(\d+)(?!\s+\d+\s+R)")
_IMAGE = re.compile(rb"/Subtype\s*/Image\b")
_OBJ = re.compile(rb"(\d+)\s+(\d+)\s+obj\b")


@dataclass(frozen=True)
class Limits:
    """The unpacked-size limits of one file, in bytes, from Settings."""

    total: int
    ratio: float
    html: int

    @classmethod
    def of(cls, settings: Settings) -> Limits:
        return cls(int(settings.max_unpacked_mb * MB), settings.max_ratio, int(settings.max_html_mb * MB))


def _too_big(source: str, what: str, size: int, limit: int, setting: str) -> UnreadableFile:
    return UnreadableFile(
        f"{source}: 解压后过大，可能是压缩炸弹，已拒绝（{what} 超过 {limit / MB:g} MB，设置 {setting}）"
        f" / {what} unpacks to more than {limit / MB:g} MB (the limit {setting}; {size / MB:.0f} MB counted so far)")


def _too_dense(source: str, what: str, limit: float) -> UnreadableFile:
    return UnreadableFile(
        f"{source}: 压缩比异常（{what} 压缩比超过 {limit:g}:1，设置 max_ratio），可能是压缩炸弹，已拒绝"
        f" / {what} is compressed more than {limit:g}:1, above max_ratio (possible decompression bomb)")


def check_zip(raw: bytes, *, source: str, limits: Limits) -> None:
    """Refuse a zip package (DOCX) whose members, as declared in its directory, unpack too large or too dense.

    zipfile never inflates a member past its declared size, so the directory is what python-docx can read.
    """
    try:
        members = zipfile.ZipFile(io.BytesIO(raw)).infolist()
    except (zipfile.BadZipFile, ValueError):
        return  # not a zip: the loader names the problem
    if len(members) > MAX_MEMBERS:
        raise UnreadableFile(f"{source}: 压缩包内文件过多（{len(members)} 个，上限 {MAX_MEMBERS}）"
                             f" / the package holds {len(members)} parts (limit {MAX_MEMBERS})")
    total = 0
    for info in members:
        total += info.file_size
        if total > limits.total:
            raise _too_big(source, "the package", total, limits.total, "max_unpacked_mb")
        ratio = info.file_size / max(1, info.compress_size)
        if info.file_size > RATIO_FLOOR and ratio > limits.ratio:
            raise _too_dense(source, f"part {info.filename}", limits.ratio)


@dataclass(frozen=True)
class _Stream:
    name: str
    data: bytes
    filters: int  # Flate filters in its chain
    image: bool  # an image XObject: pdfplumber reads text, not pixels, so a blank page-size image is no bomb


def _streams(raw: bytes) -> Iterator[_Stream]:
    """Every stream object, found by the stream keyword."""
    for match in _STREAM.finditer(raw):
        start = match.end()
        before = raw[max(0, match.start() - 4096) : match.start()]
        objs = list(_OBJ.finditer(before))
        name = f"stream object {objs[-1].group(1).decode()}" if objs else f"the stream at byte {match.start()}"
        head = before[objs[-1].end() :] if objs else before[-1024:]
        declared = _DIRECT_LENGTH.search(head)
        end = raw.find(b"endstream", start)
        if declared and start + int(declared.group(1)) <= len(raw):
            end = start + int(declared.group(1))
        if end < 0:
            end = len(raw)
        yield _Stream(name, raw[start:end], min(4, len(_FLATE.findall(head))), bool(_IMAGE.search(head)))


def _inflated_size(data: bytes, filters: int, cap: int) -> int:
    """Bytes the stream unpacks to through its chain of Flate filters, counting at most ``cap`` + one piece."""
    chain = [zlib.decompressobj() for _ in range(filters)]
    size = 0

    def push(level: int, piece: bytes) -> None:
        nonlocal size
        if level == len(chain):
            size += len(piece)
            return
        out = chain[level].decompress(piece, _PIECE)
        while out:
            push(level + 1, out)
            if size > cap:
                return
            tail = chain[level].unconsumed_tail
            out = chain[level].decompress(tail, _PIECE) if tail else b""

    try:
        for i in range(0, len(data), _PIECE):
            push(0, data[i : i + _PIECE])
            if size > cap:
                break
    except zlib.error:
        pass  # damaged or encrypted data: pdfminer decides; what was inflated so far still counts
    return size


def check_pdf(raw: bytes, *, source: str, limits: Limits) -> None:
    """Refuse a PDF whose Flate streams unpack, together, past the limit or one of them (not an image) too densely.

    Images count toward the total only: a mostly white scan compresses past any ratio a content stream reaches.
    """
    total = 0
    for s in _streams(raw):
        if not s.filters:
            total += len(s.data)
            continue
        dense = max(RATIO_FLOOR, int(len(s.data) * limits.ratio))
        cap = (limits.total - total if s.image else min(limits.total - total, dense)) + 1
        size = _inflated_size(s.data, s.filters, cap)
        total += size
        if total > limits.total:
            raise _too_big(source, s.name, total, limits.total, "max_unpacked_mb")
        if not s.image and size > RATIO_FLOOR and size / max(1, len(s.data)) > limits.ratio:
            raise _too_dense(source, s.name, limits.ratio)


def check_unpacked(raw: bytes, fmt: str, *, source: str, settings: Settings) -> None:
    """Refuse a file of format ``fmt`` that would unpack past the limits in ``settings``; a no-op for plain text."""
    limits = Limits.of(settings)
    if fmt == "docx":
        check_zip(raw, source=source, limits=limits)
    elif fmt == "pdf":
        check_pdf(raw, source=source, limits=limits)
    elif fmt == "html" and len(raw) > limits.html:
        raise UnreadableFile(
            f"{source}: 网页文件过大（{len(raw) / MB:.1f} MB，上限 max_html_mb = {limits.html / MB:g} MB）"
            f" / the HTML page is {len(raw) / MB:.1f} MB, above max_html_mb {limits.html / MB:g} MB")
