"""Chunking by section: offsets, section bounds, sentence ends, no table bodies (over the five seed reports)."""

from __future__ import annotations

import re

import pytest
from seed_reports import SEEDS, seed_report

from govqa.core.types import Chunk, Report, Section
from govqa.index.chunks import chunk_report, compact, embed_text

SIZE = 300
SENTENCE_ENDS = "。；！？”）)"


def _chunks(name: str) -> tuple[object, tuple, list[Chunk]]:
    path = next(p for p in SEEDS if p.name.startswith(name))
    report, sections = seed_report(path)
    return report, sections, chunk_report(report, sections, size=SIZE)


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_offsets_slice_the_report_text(path):
    report, sections = seed_report(path)
    chunks = chunk_report(report, sections, size=SIZE)
    assert len(chunks) >= 8
    for c in chunks:
        assert report.text[c.start : c.end] == c.text
        assert c.text == c.text.strip() and c.text


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_chunks_never_cross_a_section(path):
    report, sections = seed_report(path)
    for c in chunk_report(report, sections, size=SIZE):
        owners = [s for s in sections if s.start <= c.start and c.end <= s.end]
        assert len(owners) == 1, c.id
        assert owners[0].title == c.section
        assert c.id == f"{report.id}:{owners[0].number}:{c.start}"


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_no_table_rows_in_chunks(path):
    report, sections = seed_report(path)
    for c in chunk_report(report, sections, size=SIZE):
        assert "\t" not in c.text, c.id
        for line in c.text.splitlines():
            # a table row ends in two or more numbers separated by spaces: "行政事业性收费 0 0"
            assert not re.search(r"(?:\s+[-+]?\d+(?:\.\d+)?(?:\s*万元?)?){2,}\s*$", " " + line), (c.id, line)
            assert len(line.strip()) != 1 or line.strip() in "。", (c.id, line)


def test_table_rows_written_by_hand_are_dropped():
    # rows copied from the reports' tables
    dropped = {
        "000": ["政府集中采购 3 40.94 万元", "规章 0 0 0", "其他法律行政", "0 0 0 0 0 0 0"],
        "002": ["一、本年新收政府信息公开申请数量 4441 6 0 0 0 0 4447", "530 0 0 0 530 6 0 0 0 6 7 0 0 0 7", "规范性文件 34 34 113"],
        "003": ["行政许可\t889\t+1196\t6269", "政府集中采购\t199\t18336.88 万"],
        "004": ["西夏区为3837名困难群众发放春节饺子费", "其他对外管理服务事项\t78\t-37\t0"],
    }
    for name, rows in dropped.items():
        report, _, chunks = _chunks(name)
        joined = "\n".join(c.text for c in chunks)
        for row in rows:
            assert row in report.text
            assert row not in joined, (name, row)


def test_prose_around_tables_is_kept():
    report, _, chunks = _chunks("003")
    hits = [c for c in chunks if "清理规范性政策性文件215份" in c.text]
    assert len(hits) == 1 and hits[0].section == "主动公开政府信息情况"
    _, _, chunks = _chunks("000")
    assert any("新浪微博公开 924 条" in c.text for c in chunks)
    assert [c.text for c in chunks if c.section == "其他需要报告的事项"] == ["六、其他需要报告的事项\n\n无。"]


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_size_and_sentence_ends(path):
    report, sections = seed_report(path)
    chunks = chunk_report(report, sections, size=SIZE)
    for a, b in zip(chunks, chunks[1:], strict=False):
        gap = report.text[a.end : b.start]
        if a.section == b.section and not gap.strip():
            # split inside one prose block: only at a sentence end
            assert a.text[-1] in SENTENCE_ENDS, (a.id, a.text[-20:])
    for c in chunks:
        assert len(compact(c.text)) <= SIZE * 1.25, c.id


def test_long_sentence_is_split_at_line_ends():
    report, sections, _ = _chunks("000")
    chunks = chunk_report(report, sections, size=40)
    assert all(len(compact(c.text)) <= 50 for c in chunks)
    assert all(report.text[c.start : c.end] == c.text for c in chunks)


def test_ids_are_stable_and_unique():
    report, sections, chunks = _chunks("001")
    again = chunk_report(report, sections, size=SIZE)
    assert [c.id for c in chunks] == [c.id for c in again]
    assert len({c.id for c in chunks}) == len(chunks)


def test_embedded_text_has_a_context_header():
    _, _, chunks = _chunks("000")
    c = next(c for c in chunks if "新浪微博公开 924 条" in c.text)
    header, body = embed_text(c).split("\n", 1)
    assert "银川市西夏区镇北堡镇人民政府" in header and "2020年" in header and c.section in header
    assert "新浪微博公开924条" in body  # PDF line wraps and spaces between CJK and digits are joined
    assert c.agency == "银川市西夏区镇北堡镇人民政府" and c.year == 2020


def test_short_lines_away_from_tables_are_kept():
    text = "五、存在的主要问题及改进情况\n\n无\n\n六、其他需要报告的事项\n\n自\n\n然\n\n人\n\n0 0 0\n"
    cut = text.index("六")
    report = Report(id="r1", source="x.txt", agency="某机关", short_name="某", aliases=(), year=2021, template="2021",
                    title="t", content_hash="h", text=text)
    sections = (Section(5, "存在的主要问题及改进情况", 0, cut, text[:cut]), Section(6, "其他需要报告的事项", cut, len(text), text[cut:]))
    chunks = chunk_report(report, sections, size=SIZE)
    assert [c.text for c in chunks] == ["五、存在的主要问题及改进情况\n\n无"]
