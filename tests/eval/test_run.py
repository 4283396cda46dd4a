"""eval/questions.py, eval/run.py and eval/report.py: loading, asking with history, summarising, bars, reports.

The runner takes any ``ask(question, conversation=...)``; here a scripted one replays answers written by hand
from the seed reports, so that the harness itself is checked without the pipeline.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from govqa.core.errors import InvalidQuestionSet
from govqa.core.types import Answer
from govqa.eval.questions import EvalItem, load_questions, parse_lines
from govqa.eval.report import format_summary, markdown_report, to_json
from govqa.eval.run import parse_min, percentile, run_eval, unmet_bars

LINES = [
    {"id": "t1", "question": "红寺堡区2020年行政许可处理决定数量是多少？", "kind": "table", "expect": ["6269"], "found": True},
    {"id": "t2", "question": "红寺堡区2020年行政强制本年增/减是多少？", "kind": "table", "expect": ["-14"], "found": True},
    {"id": "r1", "question": "贺兰县2020年收到多少申请？", "kind": "refuse", "expect": [], "found": False},
    {"id": "f1", "question": "那行政处罚呢？", "kind": "followup", "expect": ["1965"], "found": True,
     "history": ["红寺堡区2020年行政许可处理决定数量是多少？"]},
]

REPLIES = {
    "红寺堡区2020年行政许可处理决定数量是多少？": ("红寺堡区2020年行政许可处理决定数量：6269。", True, "table"),
    "红寺堡区2020年行政强制本年增/减是多少？": ("红寺堡区2020年行政强制本年增/减：14。", True, "table"),  # sign lost
    "贺兰县2020年收到多少申请？": ("没有找到贺兰县的报告。", False, "refuse"),
}


class ScriptedChat:
    """Answers from REPLIES; a follow-up is answered only when its conversation saw the earlier question."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, int | None]] = []

    def ask(self, question: str, *, conversation=None) -> Answer:  # type: ignore[no-untyped-def]
        self.calls.append((question, None if conversation is None else id(conversation)))
        if question == "那行政处罚呢？":
            seen = conversation is not None and "红寺堡区2020年行政许可处理决定数量是多少？" in conversation
            text, found, route = ("红寺堡区2020年行政处罚处理决定数量：1965。", True, "table") if seen else ("请说明机关。", False, "refuse")
        else:
            text, found, route = REPLIES[question]
        if conversation is not None:
            conversation.append(question)
        return Answer(question=question, text=text, found=found, route=route)


def _write(tmp_path: Path, rows: list[dict]) -> Path:
    path = tmp_path / "q.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    return path


def test_load_questions_reads_every_field(tmp_path: Path) -> None:
    items = load_questions(_write(tmp_path, LINES))
    assert [i.id for i in items] == ["t1", "t2", "r1", "f1"]
    assert items[3].history == ("红寺堡区2020年行政许可处理决定数量是多少？",)
    assert items[2].found is False and items[2].expect == ()


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "q.jsonl:2: not valid JSON"),
        ('{"id": "x", "question": "问", "kind": "table", "expect": ["1"], "found": "yes"}', "'found' must be true or false"),
        ('{"id": "x", "question": "问", "kind": "table", "expect": []}', "needs 'expect' items, a 'value' or 'evidence'"),
        ('{"id": "x", "question": "", "kind": "table", "expect": ["1"]}', "field 'question'"),
        ('{"id": "x", "question": "问", "kind": "table", "expcet": ["1"]}', "unknown fields ['expcet']; did you mean ['expect']?"),
        ('{"id": "t1", "question": "问", "kind": "table", "expect": ["1"]}', "duplicate id 't1' (first at q.jsonl:1)"),
        ('{"id": "x", "question": "问", "kind": "table", "expect": [["a", ["b"]]]}', "'expect' must be"),
        ('{"id": "x", "question": "问", "kind": "table", "expect": ["1"], "history": "之前"}', "'history' must be"),
    ],
)
def test_invalid_lines_name_file_and_line(line: str, message: str) -> None:
    first = json.dumps(LINES[0], ensure_ascii=False)
    with pytest.raises(InvalidQuestionSet) as err:
        parse_lines([first, line], source="q.jsonl")
    assert message in str(err.value)


def test_extra_fields_document_a_question() -> None:
    line = {**LINES[0], "agency": "吴忠市红寺堡区人民政府", "year": 2020, "evidence": "行政许可 889 +1196 6269"}
    (item,) = parse_lines([json.dumps(line, ensure_ascii=False)], source="q.jsonl")
    assert item.expect == ("6269",)


def test_empty_or_missing_file_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "empty.jsonl").write_text("\n", encoding="utf-8")
    with pytest.raises(InvalidQuestionSet, match="holds no questions"):
        load_questions(tmp_path / "empty.jsonl")
    with pytest.raises(InvalidQuestionSet, match="cannot read"):
        load_questions(tmp_path / "missing.jsonl")


def test_run_eval_scores_and_asks_history_in_one_conversation(tmp_path: Path) -> None:
    chat = ScriptedChat()
    result = run_eval(load_questions(_write(tmp_path, LINES)), ask=chat.ask, new_conversation=list)
    assert {k.kind: (k.passed, k.total) for k in result.kinds} == {"table": (1, 2), "refuse": (1, 1), "followup": (1, 1)}
    assert (result.overall.passed, result.overall.total) == (3, 4)
    assert [f.item.id for f in result.failures] == ["t2"]
    assert result.failures[0].missing == ("-14",)
    # the follow-up's history went through the same conversation as the follow-up; each item had its own
    history_call, followup_call = chat.calls[-2], chat.calls[-1]
    assert history_call[1] == followup_call[1] is not None
    assert len({c[1] for c in chat.calls}) == 4
    assert {r.route for r in result.latency} == {"table", "refuse"}
    table = next(r for r in result.latency if r.route == "table")
    assert table.count == 3 and 0 <= table.p50 <= table.p95


def test_followup_without_conversation_fails(tmp_path: Path) -> None:
    result = run_eval(load_questions(_write(tmp_path, LINES[3:])), ask=ScriptedChat().ask, new_conversation=None)
    assert result.overall.passed == 0


def test_percentile() -> None:
    assert percentile([3.0, 1.0, 2.0], 50) == 2.0
    assert percentile([1.0, 2.0, 3.0, 4.0], 50) == 2.5
    assert percentile(list(map(float, range(1, 101))), 95) == pytest.approx(95.05)
    assert math.isnan(percentile([], 50))


def test_min_bars(tmp_path: Path) -> None:
    result = run_eval(load_questions(_write(tmp_path, LINES)), ask=ScriptedChat().ask, new_conversation=list)
    assert parse_min(["table=0.98", "refuse=1"]) == {"table": 0.98, "refuse": 1.0}
    for bad in ("table", "table=high", "table=1.5", "=0.5"):
        with pytest.raises(ValueError, match="KIND=RATIO"):
            parse_min([bad])
    assert unmet_bars(result, {"refuse": 1.0, "table": 0.5, "overall": 0.75}) == []
    assert unmet_bars(result, {"table": 0.98, "compare": 0.9}) == [
        "table: accuracy 0.500 below the bar 0.98",
        "compare: no question of this kind in the set (bar 0.90)",
    ]


def test_reports_show_accuracy_failures_and_baseline(tmp_path: Path) -> None:
    result = run_eval(load_questions(_write(tmp_path, LINES)), ask=ScriptedChat().ask, new_conversation=list)
    baseline = {"table": (1, 2), "refuse": (0, 0), "followup": (0, 1), "overall": (1, 3)}
    text = format_summary(result, baseline=baseline)
    assert "table" in text and "50.0%" in text and "n/a" in text
    assert "t2 [table]" in text and "行政强制本年增/减：14" in text
    doc = to_json(result, baseline=baseline)
    assert doc["accuracy"][-1] == {"kind": "overall", "n": 4, "passed": 3, "accuracy": 0.75,
                                   "baseline_hit_rate": 0.3333, "baseline_n": 3}
    assert [f["id"] for f in doc["failures"]] == ["t2"]
    md = markdown_report(result, baseline=baseline, source="q.jsonl")
    assert "| table | 2 | 1 | 50.0% | 50.0% (2) |" in md
    assert md.count("<svg") == 1 and "<rect" in md and "</svg>" in md
    assert "**t2**" in md


def test_eval_item_expected_shape() -> None:
    item = EvalItem(id="a", question="q", kind="table", expect=("1", ("2", "二")), found=True)
    assert item.expected() == {"found": True, "expect": ["1", ("2", "二")]}


def _cli(args: list[str]):  # type: ignore[no-untyped-def]
    from click.testing import CliRunner

    from govqa.qa.cli import main

    return CliRunner().invoke(main, args, env={"GOVQA_EMBED_BACKEND": "hash"})


def test_cli_eval_usage_errors_exit_2(tmp_path: Path) -> None:
    good = _write(tmp_path, LINES[:1])
    assert _cli(["eval", str(good), "--min", "table=high"]).exit_code == 2
    assert _cli(["eval", str(tmp_path / "missing.jsonl")]).exit_code == 2
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "question": "问", "kind": "table", "expect": ["1"], "found": "yes"}\n', encoding="utf-8")
    result = _cli(["eval", str(bad)])
    assert result.exit_code == 2 and "bad.jsonl:1" in result.output


@pytest.mark.integration
def test_cli_eval_end_to_end_on_the_samples(tmp_path: Path) -> None:
    """The real pipeline (hash embedder) over the bundled samples: JSON output, report file, --min exit codes."""
    questions = _write(tmp_path, [
        {"id": "t1", "question": "红寺堡区2020年行政许可处理决定数量是多少？", "kind": "table", "expect": ["6269"]},
        {"id": "r1", "question": "贺兰县2020年收到多少政府信息公开申请？", "kind": "refuse", "expect": [], "found": False},
    ])
    report = tmp_path / "eval.md"
    result = _cli(["eval", str(questions), "--json", "--report", str(report), "--min", "overall=0"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output[result.output.index("{"):result.output.rindex("}") + 1])
    assert [row["kind"] for row in doc["accuracy"]] == ["table", "refuse", "overall"]
    assert doc["accuracy"][-1]["n"] == 2
    assert {r["route"] for r in doc["latency"]} <= {"table", "retrieval", "refuse"}
    assert "<svg" in report.read_text(encoding="utf-8")
    # a kind absent from the set fails its bar: exit 1
    assert _cli(["eval", str(questions), "--min", "compare=0.5"]).exit_code == 1
