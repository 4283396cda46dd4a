"""One-off: convert the old question sets (``expect`` only) to the strict format (eval/README.md).

    python -m eval.convert_strict            # rewrites the sets in place, prints the items fixed by hand
    python -m eval.convert_strict --check    # exit 1 when a set is not what the conversion gives

Table / follow-up items: the agency is the report the question (or its history) names; each expected number is
looked up in that report's hand-written golden cells (tests/fixtures/seeds/*.cells.json, the layout fixtures'
goldens). A unique match gives the gold cell. Several matches are not guessed: the item is listed in HAND_CELLS
with the cells its question asks for (read by hand), and the golden values are checked against ``expect``.
Compare items are all written by hand (COMPARE: metric, reports, operation); the value is computed from the
goldens and checked against ``expect``. Narrative evidence strings become [start, end) spans of the report file
(located whitespace-insensitively); items whose evidence was not written down get it by hand (HAND_EVIDENCE).
Refusal reasons are given by hand (REASONS). Units are the template's (qa.lexicon.unit_for): 件 for applications,
起 for reviews and suits, 万元 for amounts, 项 for item counts. Every converted item keeps its ``expect``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

from govqa.eval.gold import locate
from govqa.qa.lexicon import unit_for

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "tests" / "fixtures" / "seeds"
LAYOUTS = ROOT / "tests" / "fixtures" / "layouts"
SETS = ("eval/sets/table.jsonl", "eval/sets/compare.jsonl", "eval/sets/narrative.jsonl",
        "eval/sets/narrative_paraphrase_dev.jsonl", "eval/sets/refuse.jsonl", "eval/sets/followup.jsonl",
        "eval/sets/paraphrase_dev.jsonl", "eval/questions_layouts.jsonl")

# report file → (agency as stored, year, names a question may use for it: longest first)
REPORTS: dict[str, tuple[str, int, tuple[str, ...]]] = {
    "000_9f89ab4fe0ea1170.txt": ("银川市西夏区镇北堡镇人民政府", 2020, ("镇北堡",)),
    "001_c2bcf9dd95c89acf.txt": ("银川市兴庆区掌政镇人民政府", 2020, ("掌政镇",)),
    "002_c32e70abc2529670.txt": ("宁夏回族自治区人民政府办公厅", 2020, ("自治区",)),
    "003_0442bf09cc97cf09.txt": ("吴忠市红寺堡区人民政府", 2020, ("红寺堡",)),
    "004_ad5f03b2b0236919.txt": ("银川市西夏区民政局", 2020, ("西夏区民政局",)),
    "2021_format.txt": ("银川市兴庆区市场监督管理局", 2021, ("兴庆区市场监督管理局",)),
    "amounts_yuan.txt": ("银川市金凤区财政局", 2020, ("金凤区财政局",)),
    "mixed_2021.txt": ("固原市西吉县教育体育局", 2022, ("西吉县教育体育局",)),
    "one_line.txt": ("吴忠市利通区金积镇人民政府", 2020, ("金积镇",)),
    "run_together.txt": ("原州区自然资源局", 2020, ("原州区自然资源局",)),
}
SEED_FILES = tuple(f for f in REPORTS if f[:3].isdigit() and f[3] == "_")

Addr = str  # "表/行/列", e.g. "申请/一/总计"

# items whose expected number matches several cells of the report: the cells the question asks for, by hand
HAND_CELLS: dict[str, tuple[Addr, ...]] = {
    **dict.fromkeys(("table-001", "table-031", "table-047", "table-053", "table-064", "follow-up-001", "follow-up-002",
                     "L01", "L12", "L18", "L19", "compare-027"), ("申请/一/总计",)),
    **dict.fromkeys(("table-002", "table-054", "follow-up-005"), ("申请/一/自然人",)),
    **dict.fromkeys(("table-003", "follow-up-004", "h2-17"), ("申请/一/商业企业",)),
    **dict.fromkeys(("table-004", "table-033", "h2-27"), ("申请/三.一/总计",)),
    "table-007": ("申请/三.四.3/总计",),
    **dict.fromkeys(("table-008", "h2-19"), ("申请/三.五.2/总计",)),
    "table-009": ("申请/三.五.1/总计",),
    # 不予公开 has no total row in the 2019 template: its eight reasons
    **dict.fromkeys(("table-010", "follow-up-013"), tuple(f"申请/三.三.{i}/总计" for i in range(1, 9))),
    "table-011": ("申请/三.三.5/总计",),
    "table-012": ("申请/三.四.2/总计",),
    **dict.fromkeys(("table-013", "table-035"), ("申请/三.七/总计",)),
    "table-014": ("申请/四/总计",),
    **dict.fromkeys(("table-029", "table-032", "table-059", "follow-up-012"), ("申请/二/总计",)),
    **dict.fromkeys(("table-015", "table-044", "L15"), ("复议诉讼/数量/复议.总计",)),
    # 行政诉讼 (当被告, 被起诉) = 未经复议直接起诉 + 复议后起诉
    **dict.fromkeys(("table-016", "table-052", "follow-up-009"), ("复议诉讼/数量/直诉.总计", "复议诉讼/数量/复议后诉.总计")),
    "table-017": ("复议诉讼/数量/直诉.总计",),
    **dict.fromkeys(("table-018", "h2-22"), ("复议诉讼/数量/复议后诉.总计",)),
    "table-021": ("主动公开/规章/本年新制作数量",),
    "table-027": ("申请/一/总计", "申请/一/自然人", "申请/一/商业企业"),
    "table-028": ("复议诉讼/数量/复议.维持",),
    "table-030": ("主动公开/规章/本年新制作数量", "主动公开/规章/本年新公开数量", "主动公开/规章/对外公开总数量"),
    "table-034": ("申请/三.四.1/总计",),
    "table-043": ("主动公开/规范性文件/本年新制作数量",),
    "table-050": ("申请/三.三.2/总计",),
    "table-051": ("主动公开/行政处罚/处理决定数量",),
    "table-055": ("主动公开/行政许可/上一年项目数量",),
    "table-057": ("主动公开/行政处罚/上一年项目数量",),
    "table-058": ("主动公开/行政强制/上一年项目数量",),
    "h2-26": ("主动公开/政府集中采购/采购项目数量", "主动公开/政府集中采购/采购总金额"),
    "L14": ("申请/三.六/总计",),
    "L07": ("申请/三.六.1/总计",),  # 2021 template: 申请人无正当理由逾期不补正 is 其他处理 1
    "L08": ("复议诉讼/数量/复议.总计",),
    "L09": ("申请/一/商业企业",),
    "L10": ("申请/四/总计",),
    "L16": ("申请/三.四.1/总计",),
    "L23": ("主动公开/行政许可/处理决定数量",),
}

# compare items: (metric cells per report, report files or "seeds", operation, the value's expect index or None)
COMPARE: dict[str, tuple[tuple[Addr, ...], tuple[str, ...] | str, str]] = {
    **dict.fromkeys(("compare-001", "h2-29"), (("申请/一/总计",), "seeds", "max")),
    **dict.fromkeys(("compare-002", "compare-003", "follow-up-014"), (("主动公开/政府集中采购/采购总金额",), "seeds", "max")),
    "compare-004": (("主动公开/行政处罚/处理决定数量",), "seeds", "max"),
    **dict.fromkeys(("compare-005", "compare-019", "follow-up-006"), (("主动公开/行政许可/处理决定数量",), "seeds", "max")),
    "compare-006": (("申请/一/总计",), "seeds", "sum"),
    **dict.fromkeys(("compare-007", "h2-31"), (("主动公开/政府集中采购/采购总金额",), "seeds", "sum")),
    "compare-008": (("复议诉讼/数量/复议.总计",), "seeds", "sum"),
    "compare-009": (("申请/一/总计",), "seeds", "avg"),
    "compare-010": (("主动公开/政府集中采购/采购项目数量",), "seeds", "sum"),
    "compare-011": (("主动公开/政府集中采购/采购总金额",), ("003_0442bf09cc97cf09.txt", "000_9f89ab4fe0ea1170.txt"), "none"),
    **dict.fromkeys(("compare-012", "compare-026"), (("申请/一/总计",), ("002_c32e70abc2529670.txt", "003_0442bf09cc97cf09.txt"), "none")),
    "compare-013": (("申请/一/总计",), ("001_c2bcf9dd95c89acf.txt", "000_9f89ab4fe0ea1170.txt"), "none"),
    "compare-014": (("主动公开/行政处罚/处理决定数量",), ("003_0442bf09cc97cf09.txt", "004_ad5f03b2b0236919.txt"), "none"),
    "compare-015": (("申请/一/总计",), "seeds", "none"),
    "compare-016": (("复议诉讼/数量/复议.总计",), "seeds", "none"),
    "compare-017": (("复议诉讼/数量/直诉.总计", "复议诉讼/数量/复议后诉.总计"), "seeds", "none"),
    "compare-018": (("主动公开/政府集中采购/采购项目数量",), "seeds", "min"),
    "compare-022": (("主动公开/规范性文件/本年新制作数量",), "seeds", "sum"),
    "compare-023": (("主动公开/政府集中采购/采购总金额",), "seeds", "avg"),
    "compare-024": (("申请/二/总计",), "seeds", "max"),
    "compare-025": (("主动公开/行政处罚/处理决定数量",), ("003_0442bf09cc97cf09.txt", "002_c32e70abc2529670.txt"), "none"),
    "h2-30": (("主动公开/行政处罚/处理决定数量",), "seeds", "sum"),
    "h2-32": (("主动公开/行政许可/处理决定数量",), "seeds", "sum"),
    "h2-34": (("主动公开/政府集中采购/采购总金额",), ("000_9f89ab4fe0ea1170.txt", "001_c2bcf9dd95c89acf.txt"), "max"),
    "L26": (("申请/一/总计",), ("amounts_yuan.txt", "one_line.txt"), "none"),
}

# refusal reasons (eval/README.md), decided by hand from what the store holds
REASONS: dict[str, str] = {
    **dict.fromkeys(("refuse-001", "refuse-002", "refuse-003", "refuse-012", "refuse-014", "refuse-017", "h2-35",
                     "h2-39"), "no-agency"),
    **dict.fromkeys(("refuse-004", "refuse-005", "refuse-006", "refuse-007", "refuse-013", "refuse-016", "compare-020",
                     "compare-021", "follow-up-003", "follow-up-015", "h2-36", "h2-37", "L24", "L25"), "no-year"),
    # off-topic, gibberish, or a figure the reports never give: the reports do not hold it
    **dict.fromkeys(("refuse-008", "refuse-009", "refuse-010", "refuse-011", "refuse-015", "h2-38", "h2-40"), "no-data"),
}

# evidence never written down in the old set: (file, a passage of it) by hand
HAND_EVIDENCE: dict[str, tuple[tuple[str, str], ...]] = {
    "h2-33": (("000_9f89ab4fe0ea1170.txt", "微信公众号公开 108 条"), ("001_c2bcf9dd95c89acf.txt", "微信公众号 69 条")),
    "L27": (("mixed_2021.txt", "主动公开各类政府信息186条"),),
    "L28": (("2021_format.txt", "信息公开的及时性有待提高"),),
}

# items that cannot be given strict gold honestly: scored by the old rule, labelled legacy
LEGACY: dict[str, str] = {}

_NUMBER = re.compile(r"[-+]?\d+(?:\.\d+)?")


def goldens(file: str) -> list[dict[str, Any]]:
    """The hand-written golden cells of a fixture report."""
    folder = SEEDS if file in SEED_FILES else LAYOUTS
    return json.loads((folder / file.replace(".txt", ".cells.json")).read_text(encoding="utf-8"))


def file_text(file: str) -> str:
    folder = SEEDS if file in SEED_FILES else LAYOUTS
    with open(folder / file, encoding="utf-8") as fh:
        return fh.read()


def named_reports(text: str, pool: tuple[str, ...]) -> list[str]:
    """The report files whose names the text holds, in order of first mention."""
    hits = []
    for file in pool:
        at = [text.find(n) for n in REPORTS[file][2] if n in text]
        if at:
            hits.append((min(at), file))
    return [f for _, f in sorted(hits)]


def numbers(expect: list[Any]) -> list[Decimal]:
    """The expected items that are numbers (a string year such as "2019" names a year, not a value)."""
    out = []
    for e in expect:
        if isinstance(e, str) and re.fullmatch(r"20[0-3]\d", e):
            continue
        if isinstance(e, (int, float)) or (isinstance(e, str) and _NUMBER.fullmatch(e)):
            out.append(Decimal(str(e)))
    return out


def cell_of(file: str, addr: Addr) -> dict[str, Any]:
    table, row, col = addr.split("/")
    for c in goldens(file):
        if (c["table"], c["row"], c["col"]) == (table, row, col):
            return c
    raise SystemExit(f"{file}: no golden cell {addr}")


def gold_cell(file: str, c: dict[str, Any]) -> dict[str, Any]:
    return {"file": file, "table": c["table"], "row": c["row"], "col": c["col"]}


def as_number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def convert_table(item: dict[str, Any], pool: tuple[str, ...]) -> dict[str, Any]:
    """value, unit and cells of a one-report table or follow-up item (unique golden match, else HAND_CELLS)."""
    files = named_reports(item["question"], pool) or [
        f for h in reversed(item.get("history", [])) for f in named_reports(h, pool)][:1]
    if len(files) != 1:
        raise SystemExit(f"{item['id']}: names {files or 'no report'}: add it to COMPARE or HAND_CELLS")
    file = files[0]
    wanted = numbers(item["expect"])
    if item["id"] in HAND_CELLS:
        cells = [cell_of(file, a) for a in HAND_CELLS[item["id"]]]
        total = sum(Decimal(str(c["value"])) for c in cells)
        if total not in wanted and not all(Decimal(str(c["value"])) in wanted for c in cells):
            raise SystemExit(f"{item['id']}: hand cells {cells} give none of {wanted}")
        how = "cells fixed by hand"
    else:
        if len(wanted) != 1:
            raise SystemExit(f"{item['id']}: expects {wanted}: fix its cells by hand (HAND_CELLS)")
        cells = [c for c in goldens(file) if Decimal(str(c["value"])) == wanted[0]]
        if len(cells) != 1:
            raise SystemExit(f"{item['id']}: {wanted[0]} is in {len(cells)} cells of {file}: fix by hand (HAND_CELLS)")
        how = "cell by a unique golden match"
    agency, year, _ = REPORTS[file]
    out: dict[str, Any] = {"agency": agency, "year": year}
    if len(wanted) == 1:
        out["value"] = as_number(wanted[0])
        out["unit"] = unit_for(cells[0]["table"], cells[0]["row"], cells[0]["col"])
    out["cells"] = [gold_cell(file, c) for c in cells]
    out["note"] = f"converted by eval/convert_strict.py: {how}"
    return out


def convert_compare(item: dict[str, Any]) -> dict[str, Any]:
    """cells (the metric in every compared report) and value (the operation on the goldens) of a compare item."""
    addrs, scope, op = COMPARE[item["id"]]
    files = SEED_FILES if scope == "seeds" else tuple(scope)
    cells: list[dict[str, Any]] = []
    per_report: list[Decimal] = []
    for file in files:
        got = [cell_of(file, a) for a in addrs]
        cells += [gold_cell(file, c) for c in got]
        per_report.append(sum((Decimal(str(c["value"])) for c in got), Decimal(0)))
    value: Decimal | None
    if op == "max":
        value = max(per_report)
    elif op == "min":
        value = min(per_report)
    elif op == "sum":
        value = sum(per_report, Decimal(0))
    elif op == "avg":
        value = sum(per_report, Decimal(0)) / len(per_report)
    elif op == "diff":
        value = abs(per_report[0] - per_report[1])
    else:
        value = None
    out: dict[str, Any] = {"agency": None, "year": REPORTS[files[0]][1]}
    if value is not None:
        wanted = numbers([e for e in item["expect"] if not isinstance(e, list)] + [a for e in item["expect"] if isinstance(e, list) for a in e])
        rounded = value.quantize(Decimal("0.01"))
        if wanted and value not in wanted and rounded not in wanted and round(value) not in wanted:
            raise SystemExit(f"{item['id']}: {op} of the goldens is {value}, not among {wanted}")
        out["value"] = as_number(rounded if op == "avg" else value)
        table, row, col = addrs[0].split("/")
        out["unit"] = unit_for(table, row, col)
    out["cells"] = cells
    out["note"] = f"converted by eval/convert_strict.py: compare by hand ({op} over {len(files)} reports)"
    return out


def convert_evidence(item: dict[str, Any], pool: tuple[str, ...]) -> dict[str, Any]:
    """[start, end) file spans of a narrative item's evidence (its quoted string, or HAND_EVIDENCE)."""
    if item["id"] in HAND_EVIDENCE:
        wanted = list(HAND_EVIDENCE[item["id"]])
    else:
        quoted = item["evidence"]
        by_name = [f for f in pool if REPORTS[f][0] == item.get("agency")]
        named = by_name or named_reports(item["question"], pool)
        candidates = [f for f in (named or pool) if locate(quoted, file_text(f)) is not None]
        if len(candidates) != 1:
            raise SystemExit(f"{item['id']}: evidence {quoted!r} found in {candidates}: fix by hand (HAND_EVIDENCE)")
        wanted = [(candidates[0], quoted)]
    spans = []
    for file, needle in wanted:
        where = locate(needle, file_text(file))
        if where is None:
            raise SystemExit(f"{item['id']}: {needle!r} not in {file}")
        spans.append({"file": file, "start": where[0], "end": where[1]})
    agency, year, _ = REPORTS[wanted[0][0]]
    return {"agency": item.get("agency") or agency, "year": item.get("year") or year, "evidence": spans,
            "note": "converted by eval/convert_strict.py: evidence " + ("by hand" if item["id"] in HAND_EVIDENCE
                                                                        else "string located in the report file")}


def convert(item: dict[str, Any], pool: tuple[str, ...]) -> dict[str, Any]:
    """The strict-format item for one old item (the old fields kept, the gold added)."""
    base: dict[str, Any] = {k: item[k] for k in ("id", "kind", "question") if k in item}
    base.update(history=item.get("history", []), found=item.get("found", True), expect=item.get("expect", []))
    if "note" in item:
        base["old_note"] = item["note"]
    if item["id"] in LEGACY:
        return base | {"scoring": "legacy", "note": "legacy: " + LEGACY[item["id"]]}
    if not base["found"]:
        return base | {"reason": REASONS[item["id"]], "note": "converted by eval/convert_strict.py: reason by hand"}
    if item["id"] in COMPARE:
        return base | convert_compare(item)
    if item.get("evidence") or item["id"] in HAND_EVIDENCE:
        return base | convert_evidence(item, pool)
    return base | convert_table(item, pool)


def main(argv: list[str] | None = None) -> int:
    """Convert (or --check) every old set; returns the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    stale = []
    for rel in SETS:
        path = ROOT / rel
        pool = tuple(f for f in REPORTS if f not in SEED_FILES) if "layouts" in rel else SEED_FILES
        items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        out = [convert(i, pool) if not i.get("note", "").startswith("converted") and "cells" not in i
               and "reason" not in i and not isinstance(i.get("evidence"), list) and i.get("scoring") != "legacy"
               else i for i in items]
        text = "".join(json.dumps(o, ensure_ascii=False) + "\n" for o in out)
        if path.read_text(encoding="utf-8") != text:
            stale.append(rel)
            if not args.check:
                path.write_text(text, encoding="utf-8")
    if args.check and stale:
        print("not converted: " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
