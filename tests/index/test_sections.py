"""split_sections on the five seeds, the one-line case and the format fixtures."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest

from govqa.index.loaders import load_file
from govqa.index.normalize import normalize_text
from govqa.index.sections import STANDARD_TITLES, split_sections

FIXTURES = Path(__file__).parent.parent / "fixtures"
HEADINGS = (
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
)


def seed_text(stem: str) -> str:
    (path,) = (FIXTURES / "seeds").glob(f"{stem}_*.txt")
    return normalize_text(path.read_text(encoding="utf-8"))


def assert_well_formed(text: str, sections) -> None:
    assert [s.number for s in sections] == [0, 1, 2, 3, 4, 5, 6]
    assert [s.title for s in sections[1:]] == list(STANDARD_TITLES)
    assert sections[0].start == 0 and sections[-1].end == len(text)
    for a, b in pairwise(sections):
        assert a.end == b.start
    for s in sections:
        assert s.text == text[s.start : s.end]
        for sub in s.subsections:
            assert s.start <= sub.start < sub.end <= s.end
    for s, heading in zip(sections[1:], HEADINGS, strict=True):
        assert s.text.lstrip().startswith(heading), (s.number, s.text[:30])


@pytest.mark.parametrize("stem", ["000", "001", "002", "003", "004"])
def test_seed_sections(stem: str) -> None:
    text = seed_text(stem)
    sections = split_sections(text)
    assert_well_formed(text, sections)


@pytest.mark.parametrize("stem", ["000", "001", "002", "003", "004"])
def test_table_row_labels_are_not_headings(stem: str) -> None:
    sections = split_sections(seed_text(stem))
    apply = sections[3].text
    assert "四、结转下年度继续办理" in apply.replace("\t", "").replace(" ", "")
    assert "一、本年新收政府信息公开申请数量" in apply.replace("\t", "").replace(" ", "")
    assert sections[4].text.startswith("四、政府信息公开行政复议")


def test_heading_printed_after_text_on_a_line() -> None:
    text = seed_text("002")
    sections = split_sections(text)
    # 002 prints " 二、主动公开政府信息情况" with a leading space; the section starts at the numeral
    assert text[sections[2].start - 1] == " "
    assert sections[2].text.startswith("二、主动公开政府信息情况")
    assert sections[1].text.startswith("一、总体情况\n\n2020年，自治区人民政府办公厅")


@pytest.mark.parametrize("stem", ["000", "002", "003"])
def test_whole_report_on_one_line(stem: str) -> None:
    text = seed_text(stem).replace("\n", "")
    sections = split_sections(text)
    assert_well_formed(text, sections)


def test_headings_with_extra_spaces() -> None:
    text = "前言\n一 、 总体情况\n正文\n二、  主动公开政府信息情况\n表\n五、存在的主要问题及改进情况\n无\n"
    sections = split_sections(text)
    assert [(s.number, s.title) for s in sections] == [
        (0, "前言"),
        (1, "总体情况"),
        (2, "主动公开政府信息情况"),
        (5, "存在的主要问题及改进情况"),
    ]


def test_numbers_must_go_up() -> None:
    # a stray "一、总体情况" quoted after section 二 is not a new section 1
    text = "一、总体情况\n甲\n二、主动公开政府信息情况\n见一、总体情况所述\n"
    sections = split_sections(text)
    assert [s.number for s in sections] == [1, 2]
    assert "见一、总体情况所述" in sections[1].text


def test_no_headings_gives_only_the_preamble() -> None:
    text = "兴庆区掌政镇政务公开工作总结\n本镇不断深化政务公开。\n"
    sections = split_sections(text)
    assert [(s.number, s.start, s.end) for s in sections] == [(0, 0, len(text))]


def test_subsections_of_seed_000() -> None:
    sections = split_sections(seed_text("000"))
    titles = [sub.title for sub in sections[1].subsections]
    for title in (
        "（一）政务公开工作部署和落实情况",
        "1.2020 年政务公开工作要点落实情况",
        "（2）主要亮点和成效",
        "二是健全政务舆情收集、研判和回应机制",  # wrapped over two lines in the report
        "（五）监督保障",
    ):
        assert title in titles
    assert titles.index("（一）政务公开工作部署和落实情况") < titles.index("（二）主动公开政府信息情况")
    first = sections[1].subsections[0]
    second_top = next(s for s in sections[1].subsections if s.title == "（二）主动公开政府信息情况")
    assert first.end == second_top.start  # （一） runs until （二）, past its own 1. and （1） children


def test_table_labels_are_not_subsections() -> None:
    for stem in ("000", "001", "002", "003", "004"):
        sections = split_sections(seed_text(stem))
        for number in (2, 3, 4):
            assert sections[number].subsections == (), (stem, number, sections[number].subsections)


def test_subsections_of_seeds_001_and_003() -> None:
    s001 = split_sections(seed_text("001"))
    assert [sub.title for sub in s001[5].subsections] == [
        "(一) 存在问题",
        "1. 人员配备不到位，政务公开专干还兼职其他工作，不能全身心投入到政府信息公开工",
        "2. 部门配合度不高，因各部门现在加强了对政府信息公开的重视程度，要求下级站办所",
        "3. 制度落实不到位，镇属站办所有时因为上级要求时间紧迫，存在先让政务专干上传政",
        "（二）改进情况",
        "1. 加强人员培训教育，确保专人专岗",
        "2. 加强部门间融合，确保谁公开谁提供",
        "3. 严格落实“三审三校”制度，规范公开流程",
    ]
    s003 = split_sections(seed_text("003"))
    titles = [sub.title for sub in s003[5].subsections]
    assert titles[:4] == ["一是政府网站部分栏目更新不够及时", "二是政策文件解读质量不够高", "三是乡村政府信息公开工作有待加强", "四是创新性的工作措施仍然不够"]
    assert "（一）做到“上下同心”，狠抓政务公开工作责任" in titles


@pytest.mark.parametrize("name", ["002.pdf", "003.html", "004.docx", "003_utf16.txt"])
def test_sections_of_the_format_fixtures(name: str, settings) -> None:
    doc = load_file(FIXTURES / "formats" / name, settings=settings)
    assert_well_formed(doc.text, split_sections(doc.text))
