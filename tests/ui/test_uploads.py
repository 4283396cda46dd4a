"""Tests of qa/uploads.py: safe names and a checked copy into the uploads folder."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from govqa.core.errors import UnreadableFile
from govqa.ui.uploads import sanitize_filename, save_upload


@pytest.mark.parametrize(("given", "expected"), [
    ("红寺堡区2020年报.txt", "红寺堡区2020年报.txt"),
    ("../../etc/passwd", "passwd"),
    ("C:\\Users\\王\\桌面\\西夏区 民政局 (2020).PDF", "西夏区_民政局_(2020).pdf"),
    ("报告<script>?.docx", "报告_script.docx"),
    ("...", "upload"),
    (".bashrc", "bashrc"),
    ("a\x00b\u200b.txt", "ab.txt"),
])
def test_sanitize_filename(given: str, expected: str) -> None:
    assert sanitize_filename(given) == expected


def test_save_upload_copies_inside_uploads_dir(settings: Any, tmp_path: Path) -> None:
    src = tmp_path / "in" / "x.txt"
    src.parent.mkdir()
    src.write_text("甲", encoding="utf-8")
    saved = save_upload(src, "../../../红寺堡区.txt", settings=settings)
    assert saved == (settings.uploads_dir / "红寺堡区.txt").resolve()
    assert saved.read_text(encoding="utf-8") == "甲"
    again = save_upload(src, "红寺堡区.txt", settings=settings)  # same content: same file, no copy
    assert again == saved
    src.write_text("乙", encoding="utf-8")
    other = save_upload(src, "红寺堡区.txt", settings=settings)  # other content under the same name
    assert other.name == "红寺堡区-1.txt" and saved.read_text(encoding="utf-8") == "甲"


def test_save_upload_refuses_type_and_size(settings: Any, tmp_path: Path) -> None:
    exe = tmp_path / "tool.exe"
    exe.write_bytes(b"MZ")
    with pytest.raises(UnreadableFile, match=r"tool\.exe: unsupported file type \.exe"):
        save_upload(exe, exe.name, settings=settings)
    big = tmp_path / "big.txt"
    big.write_bytes(b"0" * 3000)
    with pytest.raises(UnreadableFile, match=r"big\.txt: file is 0\.0 MB, larger than the limit of 0\.001 MB"):
        save_upload(big, big.name, settings=replace(settings, max_file_mb=0.001))
    assert not settings.uploads_dir.exists() or not any(settings.uploads_dir.iterdir())
