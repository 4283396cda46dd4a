"""Sections and chunks of a crawled one-line report (tests/fixtures/crawled): variant headings, run-together tables."""

from __future__ import annotations

from pathlib import Path

from govqa.core.types import Report
from govqa.index.chunks import chunk_report, table_stretches
from govqa.index.normalize import normalize_text
from govqa.index.sections import split_sections

CRAWLED = Path(__file__).resolve().parent.parent / "fixtures" / "crawled" / "one_line_report.txt"


def _text() -> str:
    return normalize_text(CRAWLED.read_text(encoding="utf-8"))


def _report(text: str) -> Report:
    return Report(id="crawled00001", source=CRAWLED.name, agency="青川县示范区文化旅游局", short_name="文化旅游局",
                  aliases=(), year=2023, template="2021", title="t", content_hash="c" * 64, text=text)


def test_variant_headings_are_found_on_one_line() -> None:
    text = _text()
    sections = split_sections(text)
    assert [s.number for s in sections] == [0, 1, 2, 3, 4, 5, 6]
    starts = {s.number: s.start for s in sections}
    assert starts[1] == text.index("一、概述")
    assert starts[5] == text.index("五、政府信息公开工作存在的问题及改进措施")
    assert starts[6] == text.index("六、需要说明的其他事项")
    assert sections[5].title == "存在的主要问题及改进情况"  # the standard title is kept


def test_a_table_row_label_one_is_not_the_first_heading() -> None:
    text = _text()
    first = split_sections(text)[1]
    assert text[first.start:first.start + 4] == "一、概述"  # not 一、本年新收… inside table 3


def test_run_together_tables_are_found_inside_the_line() -> None:
    text = _text()
    stretches = [text[s:e] for s, e in table_stretches(text, 0, len(text))]
    assert any(s.startswith("二、主动公开政府信息情况第二十条") and s.endswith("行政事业性收费0") for s in stretches)
    assert any("3000003" in s and "0000000" in s for s in stretches)
    assert any(s.endswith("000000000000000") for s in stretches)
    # prose numbers with units, dates, phone numbers and postcodes are not tables
    joined = "".join(stretches)
    for prose in ("316条", "0839-7201234", "628100", "2023年3月1日", "61.5%"):
        assert prose not in joined


def test_chunks_hold_the_prose_but_no_table_digits() -> None:
    text = _text()
    chunks = chunk_report(_report(text), split_sections(text), size=300)
    joined = "\n".join(c.text for c in chunks)
    for c in chunks:
        assert text[c.start:c.end] == c.text
    for table in ("规章000", "行政许可45", "3000003", "0000000", "本年新收政府信息公开申请数量"):
        assert table not in joined, table
    for prose in ("全年主动公开的政府信息占全部信息的61.5%。", "“青川文旅”微信公众号发布信息1024篇", "二是政策解读形式比较单一",
                  "电话：0839-7201234", "本年度未收取信息处理费。"):
        assert prose in joined, prose
    owner = next(c for c in chunks if "61.5%" in c.text)
    assert owner.section == "主动公开政府信息情况" and owner.text.startswith("全年主动公开")
