"""Loaders over the real format fixtures (tests/fixtures/formats, built by tests/fixtures/build_fixtures.py)."""

from __future__ import annotations

import hashlib
import json
import random
import zipfile
from pathlib import Path

import pytest

from govqa.core.errors import ScannedPdf, UnreadableFile
from govqa.index.loaders import load_file
from govqa.index.normalize import normalize_text

FIXTURES = Path(__file__).parent.parent / "fixtures"
FORMATS = FIXTURES / "formats"
SEEDS = FIXTURES / "seeds"


def seed(stem: str) -> Path:
    (path,) = SEEDS.glob(f"{stem}_*.txt")
    return path


def seed_text(stem: str) -> str:
    return normalize_text(seed(stem).read_text(encoding="utf-8"))


# ---------------------------------------------------------------- normalisation


def test_normalize_text_unifies_newlines_and_strips_invisible_characters() -> None:
    raw = "\ufeff一、总体情况\r\n（一）主动\u200b公开\r二、\u00a0主动公开\n"
    assert normalize_text(raw) == "一、总体情况\n（一）主动公开\n二、 主动公开\n"


def test_normalize_text_unwraps_links_and_drops_mailto_lines_and_bold() -> None:
    raw = (
        "本报告电子版可在兴庆区人民政府网站（<http://www.xqq.gov.cn>）查阅。\n"
        "mailto:xxq3958001@163.com）。\n"
        "**一是**概况信息\n"
    )
    assert normalize_text(raw) == "本报告电子版可在兴庆区人民政府网站（http://www.xqq.gov.cn）查阅。\n一是概况信息\n"


def test_normalize_text_keeps_full_width_digits() -> None:
    assert normalize_text("规章\t６\t６\t３７") == "规章\t６\t６\t３７"


# ---------------------------------------------------------------- plain text and encodings


@pytest.mark.parametrize("stem", ["000", "001", "002", "003", "004"])
def test_seed_text_files_load_as_utf8(stem: str, settings) -> None:
    path = seed(stem)
    doc = load_file(path, settings=settings)
    assert doc.source == path.name
    assert doc.fmt == "txt" and doc.encoding == "utf-8"
    assert doc.content_hash == hashlib.sha256(path.read_bytes()).hexdigest()
    assert doc.text == seed_text(stem)
    assert doc.tables == ()


@pytest.mark.parametrize(
    ("name", "stem", "encoding"),
    [("002_gbk.txt", "002", "gb18030"), ("003_utf16.txt", "003", "utf-16-le"), ("001_crlf_bom.txt", "001", "utf-8-sig")],
)
def test_encoded_variants_give_the_seed_text(name: str, stem: str, encoding: str, settings) -> None:
    doc = load_file(FORMATS / name, settings=settings)
    assert doc.encoding == encoding
    assert doc.text == seed_text(stem)
    assert "\r" not in doc.text and "\ufeff" not in doc.text


def test_gbk_file_is_really_not_utf8() -> None:
    raw = (FORMATS / "002_gbk.txt").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")


def test_prose_without_tables_still_loads(settings) -> None:
    doc = load_file(FORMATS / "notables.txt", settings=settings)
    assert "一、总体情况" in doc.text and "六、其他需要报告的事项" in doc.text
    assert "第二十条" not in doc.text


def test_markdown_suffix_uses_the_text_loader(tmp_path: Path, settings) -> None:
    path = tmp_path / "report.md"
    path.write_text("# 掌政镇\n\n**一是**概况信息", encoding="utf-8")
    doc = load_file(path, settings=settings)
    assert doc.fmt == "md" and doc.text == "# 掌政镇\n\n一是概况信息"


# ---------------------------------------------------------------- refusals


def test_empty_file_is_refused(settings) -> None:
    with pytest.raises(UnreadableFile, match=r"empty.txt: the file is empty"):
        load_file(FORMATS / "empty.txt", settings=settings)


def test_binary_junk_named_txt_is_refused(settings) -> None:
    with pytest.raises(UnreadableFile, match=r"binary.txt: binary data"):
        load_file(FORMATS / "binary.txt", settings=settings)


def test_undecodable_bytes_without_nul_are_refused(tmp_path: Path, settings) -> None:
    junk = bytes(b for b in random.Random(7).randbytes(6000) if b)
    path = tmp_path / "junk.txt"
    path.write_bytes(junk)
    with pytest.raises(UnreadableFile, match=r"junk.txt: .*(not text|does not look like)"):
        load_file(path, settings=settings)


def test_unsupported_suffix_names_the_supported_ones(tmp_path: Path, settings) -> None:
    path = tmp_path / "report.xyz"
    path.write_text("一、总体情况", encoding="utf-8")
    with pytest.raises(UnreadableFile) as info:
        load_file(path, settings=settings)
    assert str(info.value) == "report.xyz: unsupported file type .xyz (supported: .txt .md .html .htm .pdf .docx)"


def test_too_large_file_is_refused_before_reading(tmp_path: Path, settings, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        f.write("一、总体情况\n".encode())
        f.truncate(50 * 1024 * 1024)
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("the file was read before its size was checked"))
    with pytest.raises(UnreadableFile, match=r"huge.txt: file is too large \(50.0 MB; the limit max_file_mb is 20 MB\)"):
        load_file(path, settings=settings)


def test_truncated_pdf_is_refused_as_unreadable_not_scanned(settings) -> None:
    with pytest.raises(UnreadableFile, match=r"truncated.pdf: truncated PDF") as info:
        load_file(FORMATS / "truncated.pdf", settings=settings)
    assert not isinstance(info.value, ScannedPdf)


def test_pdf_without_text_layer_needs_ocr(settings) -> None:
    with pytest.raises(ScannedPdf, match=r"scanned.pdf: scanned PDF with no text layer, needs OCR"):
        load_file(FORMATS / "scanned.pdf", settings=settings)


def test_text_renamed_pdf_is_refused(tmp_path: Path, settings) -> None:
    path = tmp_path / "fake.pdf"
    path.write_bytes((FORMATS / "notables.txt").read_bytes())
    with pytest.raises(UnreadableFile, match=r"fake.pdf: not a PDF file"):
        load_file(path, settings=settings)


def test_corrupt_docx_is_refused(tmp_path: Path, settings) -> None:
    path = tmp_path / "broken.docx"
    path.write_bytes((FORMATS / "004.docx").read_bytes()[:5000])
    with pytest.raises(UnreadableFile, match=r"broken.docx: not a valid DOCX file"):
        load_file(path, settings=settings)


def test_zip_that_is_not_a_word_document_is_refused(tmp_path: Path, settings) -> None:
    path = tmp_path / "other.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("readme.txt", "not word")
    with pytest.raises(UnreadableFile, match=r"other.docx: not a valid DOCX file"):
        load_file(path, settings=settings)


# ---------------------------------------------------------------- HTML


@pytest.fixture
def html_doc(settings):
    return load_file(FORMATS / "003.html", settings=settings)


def test_html_drops_page_furniture(html_doc) -> None:
    assert html_doc.fmt == "html" and html_doc.encoding == "utf-8"
    for furniture in ("星期一", "网站标识码", "宁ICP备", "_hmt", "border-collapse"):
        assert furniture not in html_doc.text
    assert html_doc.text.startswith("当前位置：首页 > 政务公开 > 政府信息公开年报\n红寺堡区 2020 年政府信息公开工作年度报告\n")


def test_html_tables_become_tab_separated_rows_with_the_report_numbers(html_doc) -> None:
    lines = html_doc.text.splitlines()
    for row in (
        "行政许可\t889\t+1196\t6269",
        "行政强制\t601\t-14\t0",
        "政府集中采购\t199\t18336.88 万\t",
        "二、上年结转政府信息公开申请数量\t\t\t3\t0\t0\t0\t0\t0\t3",
        "三、本年度办理结果\t（一）予以公开\t\t9\t0\t0\t0\t0\t0\t9",
        "\t（四）无法提供\t1.本机关不掌握相关政府信息\t2\t0\t0\t0\t0\t0\t2",
        "\t（七）总计\t\t11\t0\t0\t0\t0\t0\t11",
        "\t\t\t\t\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计",
        "\t".join(["0"] * 15),
    ):
        assert row in lines, row


def test_html_tables_are_returned_with_spans_expanded(html_doc) -> None:
    assert len(html_doc.tables) == 3
    apply = html_doc.tables[1]
    assert apply.rows[0] == ("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "", "", "申请人情况") + ("",) * 6
    assert apply.rows[1] == ("", "", "", "自然人", "法人或其他组织", "", "", "", "", "总计")
    assert all(len(row) == 10 for row in apply.rows)
    assert html_doc.tables[0].rows[0] == ("第二十条第（一）项", "", "", "")


def test_html_keeps_document_order(html_doc) -> None:
    text = html_doc.text
    order = ["一、总体情况", "二、主动公开政府信息情况", "政府集中采购\t199", "2020年，清理规范性政策性文件215份", "三、收到和处理", "五、存在的主要问题"]
    positions = [text.index(marker) for marker in order]
    assert positions == sorted(positions)


def test_html_declared_gbk_charset_and_rowspan(tmp_path: Path, settings) -> None:
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body>'
        "<p>兴庆区掌政镇2020年政府信息公开工作年度报告</p>"
        '<table><tr><td rowspan="2">（三）不予公开</td><td>1.属于国家秘密</td><td>0</td></tr>'
        "<tr><td>2.其他法律行政法规禁止公开</td><td>7</td></tr></table><p>五、存在的主要问题及改进情况</p></body></html>"
    )
    path = tmp_path / "page.htm"
    path.write_bytes(page.encode("gb18030"))
    doc = load_file(path, settings=settings)
    assert doc.encoding == "gb2312"
    assert doc.text == (
        "兴庆区掌政镇2020年政府信息公开工作年度报告\n（三）不予公开\t1.属于国家秘密\t0\n\t2.其他法律行政法规禁止公开\t7\n"
        "五、存在的主要问题及改进情况\n"
    )


# ---------------------------------------------------------------- DOCX


@pytest.fixture
def docx_doc(settings):
    return load_file(FORMATS / "004.docx", settings=settings)


def test_docx_tables_become_tab_separated_rows(docx_doc) -> None:
    assert docx_doc.fmt == "docx" and docx_doc.encoding is None
    lines = docx_doc.text.splitlines()
    for row in (
        "第二十条第（一）项\t\t\t",
        "行政许可\t1\t0\t0",
        "其他对外管理服务事项\t78\t-37\t0",
        "行政处罚\t35\t-35\t0",
        "政府集中采购\t2\t402.2 万元\t",
        "\t\t\t自然人\t法人或其他组织\t\t\t\t\t总计",  # gridSpan and vMerge emitted once
        "\t（三）不予公开\t1.属于国家秘密\t0\t0\t0\t0\t0\t0\t0",
        "\t\t8.属于行政查询事项\t0\t0\t0\t0\t0\t0\t0",
        "四、结转下年度继续办理\t\t\t0\t0\t0\t0\t0\t0\t0",
    ):
        assert row in lines, row


def test_docx_interleaves_paragraphs_and_tables_in_body_order(docx_doc) -> None:
    text = docx_doc.text
    order = ["银川市西夏区民政局 2020 年政府信息公开工作年度报告", "序号\t名称\t生成日期", "(二) 政府信息依申请公开",
             "二、主动公开政府信息情况", "规章\t0\t0\t0", "三、收到和处理", "六、其他需要报告的事项"]
    positions = [text.index(marker) for marker in order]
    assert positions == sorted(positions)
    assert len(docx_doc.tables) == 6
    assert docx_doc.tables[3].rows[2] == ("规章", "0", "0", "0")


# ---------------------------------------------------------------- PDF


@pytest.fixture
def pdf_doc(settings):
    return load_file(FORMATS / "002.pdf", settings=settings)


def test_pdf_text_is_chinese_not_cid_codes(pdf_doc) -> None:
    assert pdf_doc.fmt == "pdf"
    assert "(cid:" not in pdf_doc.text
    assert pdf_doc.text.startswith("自治区人民政府办公厅\n2020年政府信息公开工作年度报告\n")
    assert "4447 件，是 2019 年申请量的 42 倍" in pdf_doc.text.replace("\n", "")


def test_pdf_tables_become_tab_separated_rows(pdf_doc) -> None:
    lines = pdf_doc.text.splitlines()
    for row in (
        "规章\t6\t6\t37",
        "行政许可\t5\t+1\t50",
        "其他对外管理服务事项\t2\t-1\t331",
        "政府集中采购\t14\t2154.97万元\t",
        "一、本年新收政府信息公开申请数量\t\t\t4441\t6\t0\t0\t0\t0\t4447",
        "\t（四）无法提供\t1.本机关不掌握相关政府信息\t3177\t5\t0\t0\t0\t0\t3182",
        "\t\t3.补正后申请内容仍不明确\t1050\t0\t0\t0\t0\t0\t1050",
        "\t（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t\t2\t1\t0\t0\t0\t0\t3",
        "530\t0\t0\t0\t530\t6\t0\t0\t0\t6\t7\t0\t0\t0\t7",
    ):
        assert row in lines, row
    assert len(pdf_doc.tables) == 3


def test_pdf_running_header_and_page_numbers_are_stripped(pdf_doc) -> None:
    lines = pdf_doc.text.splitlines()
    assert "自治区人民政府办公厅2020年政府信息公开工作年度报告" not in lines
    assert not [line for line in lines if line.strip().startswith("- ") and line.strip().endswith(" -")]


@pytest.mark.parametrize("name", ["002.pdf", "003.html", "004.docx", "002_gbk.txt"])
def test_content_hash_is_sha256_of_the_raw_bytes(name: str, settings) -> None:
    doc = load_file(FORMATS / name, settings=settings)
    assert doc.content_hash == hashlib.sha256((FORMATS / name).read_bytes()).hexdigest()
    assert doc.source == name


# ---------------------------------------------------------------- the table parser reads every format alike


def golden_cells(stem: str) -> set[tuple[str, str, str, float]]:
    matches = list(SEEDS.glob(f"{stem}_*.cells.json"))
    if not matches:
        pytest.skip(f"golden cells for seed {stem} not written yet (tests/fixtures/seeds/{stem}_*.cells.json)")
    data = json.loads(matches[0].read_text(encoding="utf-8"))
    cells = data["cells"] if isinstance(data, dict) else data
    return {(c["table"], c["row"], c["col"], float(c["value"])) for c in cells}


@pytest.mark.parametrize(
    ("name", "stem"),
    [("003.html", "003"), ("004.docx", "004"), ("002.pdf", "002"), ("002_gbk.txt", "002"), ("003_utf16.txt", "003"),
     ("001_crlf_bom.txt", "001")],
)
def test_parse_tables_reads_the_seed_golden_cells_from_every_format(name: str, stem: str, settings) -> None:
    tables = pytest.importorskip("govqa.index.tables")
    expected = golden_cells(stem)
    result = tables.parse_tables(load_file(FORMATS / name, settings=settings).text)
    got = {(c.table, c.row, c.col, float(c.value)) for c in result.cells}
    assert got == expected
