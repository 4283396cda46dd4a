"""Decompression bombs and password-protected PDFs are refused by name, before (and without) being unpacked.

The bombs are built here in the test's temp folder (never committed): a ~1 MB .docx holding a 1 GiB part and a
~300 KB PDF holding a 300 MB content stream. Peak memory is measured in a fresh subprocess, so the test's own
imports do not count.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

import pytest

from govqa.core.config import Settings, load_settings
from govqa.core.errors import ConfigError, EncryptedPdf, UnreadableFile
from govqa.index.load_limits import Limits, check_pdf, check_zip
from govqa.index.loaders import load_file

ROOT = Path(__file__).resolve().parents[2]
FORMATS = ROOT / "tests" / "fixtures" / "formats"
MiB = 1024 * 1024
RSS_BUDGET_MB = 200

_PROBE = """
import json, resource, sys
from pathlib import Path
from govqa.index.loaders import load_file
from govqa.core.config import Settings
from govqa.core.errors import UnreadableFile
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
try:
    load_file(Path(sys.argv[1]), settings=Settings())
    error = None
except UnreadableFile as exc:
    error = str(exc)
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"error": error, "growth_mb": (after - before) / 1024}))
"""


def _deflated(fill: bytes, size: int, *, wbits: int = 15) -> bytes:
    """``size`` bytes of ``fill`` repeated, deflated a MiB at a time (never held unpacked)."""
    comp = zlib.compressobj(9, zlib.DEFLATED, wbits)
    block = fill * (MiB // len(fill))
    out = [comp.compress(block) for _ in range(size // MiB)]
    out.append(comp.flush())
    return b"".join(out)


def _docx_bomb(path: Path, part_size: int) -> Path:
    """A real .docx (the 004 fixture) with one more part, an image of ``part_size`` zero bytes."""
    shutil.copyfile(FORMATS / "004.docx", path)
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        with z.open("word/media/image1.png", "w", force_zip64=True) as part:
            block = bytes(MiB)
            for _ in range(part_size // MiB):
                part.write(block)
    return path


def _pdf(path: Path, stream: bytes, filters: str) -> Path:
    """A one-page PDF whose content stream is ``stream`` (already encoded with ``filters``)."""
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length %d /Filter %s >>\nstream\n" % (len(stream), filters.encode()) + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    path.write_bytes(bytes(out))
    return path


def _load_in_subprocess(path: Path) -> dict[str, object]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", _PROBE, str(path)], capture_output=True, text=True, env=env,
                          cwd=ROOT, timeout=300, check=True)
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def test_docx_with_a_1gib_part_is_refused_without_unpacking_it(tmp_path: Path) -> None:
    bomb = _docx_bomb(tmp_path / "bomb.docx", 1024 * MiB)
    assert bomb.stat().st_size < 3 * MiB
    result = _load_in_subprocess(bomb)
    assert result["error"] and "压缩炸弹" in str(result["error"]) and "max_unpacked_mb" in str(result["error"])
    assert float(str(result["growth_mb"])) < RSS_BUDGET_MB


def test_pdf_with_a_300mb_stream_is_refused_without_unpacking_it(tmp_path: Path) -> None:
    bomb = _pdf(tmp_path / "bomb.pdf", _deflated(b" ", 300 * MiB), "/FlateDecode")
    assert bomb.stat().st_size < 400 * 1024
    result = _load_in_subprocess(bomb)
    assert result["error"] and "压缩炸弹" in str(result["error"]) and "stream object 4" in str(result["error"])
    assert float(str(result["growth_mb"])) < RSS_BUDGET_MB


def test_a_dense_part_under_the_total_limit_is_refused_by_its_ratio(tmp_path: Path) -> None:
    bomb = _docx_bomb(tmp_path / "dense.docx", 50 * MiB)
    with pytest.raises(UnreadableFile, match=r"part word/media/image1.png is compressed more than 200:1"):
        load_file(bomb, settings=Settings())


def test_a_doubly_deflated_stream_is_counted_through_both_filters() -> None:
    inner = _deflated(b"0", 300 * MiB)
    outer = zlib.compress(inner, 9)
    raw = _pdf_bytes(outer, "[/FlateDecode /FlateDecode]")
    with pytest.raises(UnreadableFile, match="stream object 4"):
        check_pdf(raw, source="double.pdf", limits=Limits.of(Settings()))
    check_pdf(_pdf_bytes(zlib.compress(zlib.compress(b"BT ET " * 1000)), "[/FlateDecode /FlateDecode]"),
              source="fine.pdf", limits=Limits.of(Settings()))


def test_a_blank_page_size_image_is_no_bomb_but_counts_toward_the_total() -> None:
    blank = _deflated(b"\xff", 25 * MiB)  # a white A4 page scanned at 300 dpi, RGB: compresses ~1000:1
    image = (b"<< /Type /XObject /Subtype /Image /Width 2480 /Height 3508 /ColorSpace /DeviceRGB /BitsPerComponent 8 "
             b"/Length %d /Filter /FlateDecode >>\nstream\n" % len(blank)) + blank + b"\nendstream"
    raw = b"%PDF-1.4\n5 0 obj\n" + image + b"\nendobj\n%%EOF\n"
    check_pdf(raw, source="scan.pdf", limits=Limits.of(Settings()))
    with pytest.raises(UnreadableFile, match=r"scan.pdf: 解压后过大.*stream object 5"):
        check_pdf(raw, source="scan.pdf", limits=Limits.of(Settings(max_unpacked_mb=20)))


def _pdf_bytes(stream: bytes, filters: str) -> bytes:
    return _pdf(Path(os.environ["TMPDIR"]) / "x.pdf", stream, filters).read_bytes()


def test_limits_come_from_settings(tmp_path: Path) -> None:
    small = _docx_bomb(tmp_path / "small.docx", 2 * MiB)
    tight = Settings(max_unpacked_mb=1.0)
    with pytest.raises(UnreadableFile, match=r"small.docx: 解压后过大.*max_unpacked_mb"):
        load_file(small, settings=tight)
    check_zip((FORMATS / "004.docx").read_bytes(), source="004.docx", limits=Limits.of(tight))
    with pytest.raises(ConfigError, match="max_ratio must be positive"):
        load_settings({"GOVQA_MAX_RATIO": "0"})


def test_real_fixtures_pass_the_limits() -> None:
    for name in ("002.pdf", "004.docx", "003.html"):
        assert load_file(FORMATS / name, settings=Settings()).text.strip()


def test_large_html_is_refused_by_size(tmp_path: Path) -> None:
    page = tmp_path / "big.html"
    page.write_bytes(b"<html><body>" + b"<p>2020</p>" * (600 * 1024) + b"</body></html>")
    with pytest.raises(UnreadableFile, match=r"big.html: 网页文件过大.*max_html_mb"):
        load_file(page, settings=Settings())


def test_password_protected_pdf_is_named_as_such(tmp_path: Path) -> None:
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    path = tmp_path / "locked.pdf"
    pdf = canvas.Canvas(str(path), encrypt=pdfencrypt.StandardEncryption("user-pw", ownerPassword="owner-pw"))
    pdf.drawString(100, 700, "2020")
    pdf.save()
    with pytest.raises(EncryptedPdf, match=r"locked.pdf: PDF 已加密，需要密码才能打开.*password-protected PDF"):
        load_file(path, settings=Settings())
