"""index/audit.py: the 勾稽关系 of the spec over parsed seeds and over hand-made cells."""

from __future__ import annotations

from pathlib import Path

from govqa.core.types import Cell
from govqa.index.audit import audit
from govqa.index.tables import parse_tables

SEEDS = Path(__file__).parents[1] / "fixtures" / "seeds"
LAYOUTS = Path(__file__).parents[1] / "fixtures" / "layouts"


def _seed(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def test_seed_000_total_row_breaks_the_column_sums() -> None:
    findings = audit(parse_tables(_seed("000")).cells)
    got = {(f.kind, f.table, f.row, f.col, f.expected, f.printed) for f in findings}
    assert got == {("relation", "申请", "三.七", "其他", 7, 0), ("relation", "申请", "三.七", "总计", 7, 0)}
    messages = {f.message for f in findings}
    assert "申请 三.七 总计: 应为 7（各项之和），实际填报 0" in messages


def test_seed_002_has_no_findings_at_all() -> None:
    result = parse_tables(_seed("002"))
    assert result.findings == ()
    assert audit(result.cells) == ()


def test_seed_001_broken_relations_are_each_reported() -> None:
    findings = audit(parse_tables(_seed("001")).cells)
    got = sorted((f.row, f.col, f.expected, f.printed, f.message.split("（")[1].split("）")[0]) for f in findings)
    assert got == [
        ("三.七", "总计", 3, 0, "各项之和"),
        ("三.七", "总计", 3, 0, "第一项加第二项减第四项"),
        ("三.四.1", "总计", 3, 0, "各项之和"),
    ]


def test_consistent_layouts_audit_clean() -> None:
    for stem in ("2021_format", "mixed_2021", "one_line", "run_together", "amounts_yuan"):
        text = (LAYOUTS / f"{stem}.txt").read_bytes().decode("utf-8")
        assert audit(parse_tables(text).cells) == (), stem


def test_review_groups_each_checked() -> None:
    cells = [Cell("复议诉讼", "数量", f"{g}.{k}", v) for g, values in (("复议", (1, 0, 0, 0, 1)), ("直诉", (0, 2, 0, 0, 3)))
             for k, v in zip(("维持", "纠正", "其他", "未审结", "总计"), values, strict=True)]
    findings = audit(cells)
    assert [(f.row, f.col, f.expected, f.printed) for f in findings] == [("数量", "直诉.总计", 2, 3)]
    assert findings[0].message == "复议诉讼 数量 直诉.总计: 应为 2（维持+纠正+其他+未审结），实际填报 3"


def test_relation_with_an_unprinted_row_is_not_checked() -> None:
    cols = ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计")
    rows = {"一": (5, 0, 0, 0, 0, 0, 5), "二": (0,) * 7, "三.七": (9, 0, 0, 0, 0, 0, 9), "四": (0,) * 7}
    cells = [Cell("申请", r, c, v) for r, values in rows.items() for c, v in zip(cols, values, strict=True)]
    findings = audit(cells)  # leaves not printed: only 一+二 = 三.七+四 can be checked
    assert {(f.row, f.col) for f in findings} == {("三.七", "自然人"), ("三.七", "总计")}
    assert all(f.expected == 5 and f.printed == 9 for f in findings)
