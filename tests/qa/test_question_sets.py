"""The hand-written question sets (eval/sets/*.jsonl) over the five real seeds, ingested once with the real
embedding model, Chroma and SQLite: accuracy targets, and no number in any answer that the sources do not hold."""

from __future__ import annotations

import json
import re
import socket
from decimal import Decimal
from itertools import combinations
from pathlib import Path

import pytest

from govqa.core.types import Answer
from govqa.eval.score import missing_items, score
from govqa.qa.conversation import Conversation
from tests.conftest import SEEDS, _guarded_connect

SETS = Path(__file__).resolve().parents[2] / "eval" / "sets"
TARGETS = {"table": 0.98, "compare": 0.95, "refuse": 1.0, "followup": 1.0}
_NUM = re.compile(r"\d+(?:\.\d+)?")

pytestmark = pytest.mark.integration


def load_set(name: str) -> list[dict]:
    return [json.loads(line) for line in (SETS / f"{name}.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def answered(tmp_path_factory: pytest.TempPathFactory, model_cache: Path) -> dict[str, list[tuple[dict, Answer]]]:
    """Every question of every set, answered by a GovQA holding the five seeds (ingested once per module)."""
    from govqa.core.config import load_settings
    from govqa.qa.service import GovQA

    root = tmp_path_factory.mktemp("sets")
    with pytest.MonkeyPatch.context() as mp:
        for name in ("HOME", "XDG_CACHE_HOME", "TMPDIR"):
            (root / name.lower()).mkdir()
            mp.setenv(name, str(root / name.lower()))
        mp.setattr(socket.socket, "connect", _guarded_connect)
        settings = load_settings(env={"GOVQA_HOME": str(root / "home"), "GOVQA_MODEL_CACHE": str(model_cache),
                                      "GOVQA_PROGRESS": "0"})
        govqa = GovQA(settings)
        govqa.ingest(SEEDS)
        out: dict[str, list[tuple[dict, Answer]]] = {}
        for name in TARGETS:
            out[name] = []
            for item in load_set(name):
                chat = Conversation()
                for earlier in item.get("history", []):
                    govqa.ask(earlier, conversation=chat)
                out[name].append((item, govqa.ask(item["question"], conversation=chat)))
        return out


def test_sets_are_big_enough_and_well_formed() -> None:
    sizes = {name: load_set(name) for name in TARGETS}
    assert [len(sizes[n]) >= m for n, m in (("table", 60), ("compare", 25), ("refuse", 15), ("followup", 12))] == [True] * 4
    for name, items in sizes.items():
        ids = [i["id"] for i in items]
        assert len(ids) == len(set(ids)), name
        for item in items:
            assert {"id", "question", "kind", "expect", "found", "history"} <= set(item), item
            assert item["found"] is False or item["expect"], f"{item['id']}: a found answer needs expectations"
        assert all(i["history"] for i in items) if name == "followup" else True


@pytest.mark.parametrize("name", list(TARGETS))
def test_accuracy_meets_target(answered, name: str) -> None:
    results = answered[name]
    failures = [(item["id"], item["question"], missing_items(item["expect"], a.text), a.found, a.text)
                for item, a in results if not score(item, a)]
    accuracy = 1 - len(failures) / len(results)
    assert accuracy >= TARGETS[name], f"{name}: {accuracy:.1%} < {TARGETS[name]:.0%}; failures: {failures}"


def _numbers(text: str) -> list[Decimal]:
    return [Decimal(m) for m in _NUM.findall(text.replace(",", ""))]


def allowed_numbers(answer: Answer) -> set[Decimal]:
    """Numbers an answer may print: those of its sources (cell values, quoted passages), source years, and
    what the table route derives from the cell values it lists (sum, average, difference, how many).
    Years (2020年) name reports and are not quantities."""
    allowed: set[Decimal] = set()
    values: list[Decimal] = []
    for s in answer.sources:
        if s.year is not None:
            allowed.add(Decimal(s.year))
        if s.table is not None:
            printed = _numbers(s.text.rpartition("=")[2])
            values += printed
            allowed.update(printed)
        else:
            allowed.update(_numbers(s.text))
    allowed.update(Decimal(y) for y in re.findall(r"(?:19|20)\d\d", answer.question))
    if values:
        total = sum(values)
        agencies = len({s.agency for s in answer.sources}) or 1
        allowed |= {total, Decimal(agencies), Decimal(len(values)), Decimal(sum(1 for v in values if v))}
        allowed |= {(total / n).quantize(Decimal("0.01")).normalize() for n in (agencies, len(values))}
        allowed |= {abs(a - b) for a, b in combinations(values, 2)}
    return {a.normalize() for a in allowed}


def test_every_number_comes_from_a_source(answered) -> None:
    bad = []
    for results in answered.values():
        for item, answer in results:
            allowed = allowed_numbers(answer)
            years = {Decimal(y) for y in re.findall(r"(?:19|20)\d\d(?=年)", answer.text)}  # a year names a report
            extra = [n for n in _numbers(answer.text) if n.normalize() not in allowed | years]
            if extra:
                bad.append((item["id"], [str(x) for x in extra], answer.text))
    assert not bad, bad


def test_found_answers_have_sources(answered) -> None:
    for results in answered.values():
        for item, answer in results:
            assert not answer.found or answer.sources, item["id"]
            assert answer.found or answer.route == "refuse", item["id"]
