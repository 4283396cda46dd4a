"""Evaluation question files: one JSON object a line, checked line by line.

    {"id": "table-001", "question": "红寺堡区2020年收到多少政府信息公开申请？", "kind": "table",
     "expect": ["44"], "found": true, "history": []}

``expect`` items are strings (or numbers); an item that is a list holds alternatives, any of which counts.
``history`` holds the earlier questions of the same chat, asked first through one conversation.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from difflib import get_close_matches
from pathlib import Path
from typing import Any

from qa.errors import InvalidQuestionSet

REQUIRED = ("id", "question", "kind")
KNOWN = REQUIRED + ("expect", "found", "history")


@dataclass(frozen=True)
class EvalItem:
    """One evaluation question with its hand-written expectation."""

    id: str
    question: str
    kind: str  # table | compare | narrative | refuse | followup …
    expect: tuple[Any, ...] = ()
    found: bool = True
    history: tuple[str, ...] = ()

    def expected(self) -> dict[str, Any]:
        """The expectation in the shape :func:`eval.score.score` takes."""
        return {"found": self.found, "expect": list(self.expect)}


def _is_item(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, (str, int, float)):
        return str(value).strip() != ""
    return isinstance(value, list) and bool(value) and all(_is_item(v) and not isinstance(v, list) for v in value)


def parse_item(obj: Any, *, where: str) -> EvalItem:
    """Check one decoded line and build its EvalItem; ``where`` (file:line) prefixes every error message."""
    if not isinstance(obj, dict):
        raise InvalidQuestionSet(f"{where}: expected a JSON object, got {type(obj).__name__}")
    for key in REQUIRED:
        if not isinstance(obj.get(key), str) or not obj[key].strip():
            raise InvalidQuestionSet(f"{where}: field {key!r} must be a non-empty string; got {obj.get(key)!r}")
    # extra fields (agency, year, evidence, note …) document a question and are ignored, but a misspelt
    # known field would silently drop an expectation
    typos = {k: close[0] for k in set(obj) - set(KNOWN) if (close := get_close_matches(k, KNOWN, n=1, cutoff=0.7))}
    if typos:
        raise InvalidQuestionSet(f"{where}: unknown fields {sorted(typos)}; did you mean {sorted(typos.values())}?")
    expect = obj.get("expect", [])
    if not isinstance(expect, list) or not all(_is_item(e) for e in expect):
        raise InvalidQuestionSet(f"{where}: 'expect' must be a list of non-empty strings or lists of them; got {expect!r}")
    found = obj.get("found", True)
    if not isinstance(found, bool):
        raise InvalidQuestionSet(f"{where}: 'found' must be true or false; got {found!r}")
    if found and not expect:
        raise InvalidQuestionSet(f"{where}: a question with found=true needs at least one 'expect' item")
    history = obj.get("history", [])
    if not isinstance(history, list) or not all(isinstance(h, str) and h.strip() for h in history):
        raise InvalidQuestionSet(f"{where}: 'history' must be a list of question strings; got {history!r}")
    return EvalItem(
        id=obj["id"],
        question=obj["question"],
        kind=obj["kind"],
        expect=tuple(tuple(e) if isinstance(e, list) else e for e in expect),
        found=found,
        history=tuple(history),
    )


def parse_lines(lines: Iterable[str], *, source: str) -> list[EvalItem]:
    """Parse JSONL lines (blank lines skipped); ids must be unique within the file."""
    items: list[EvalItem] = []
    seen: dict[str, str] = {}
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InvalidQuestionSet(f"{where}: not valid JSON ({exc.msg})") from exc
        item = parse_item(obj, where=where)
        if item.id in seen:
            raise InvalidQuestionSet(f"{where}: duplicate id {item.id!r} (first at {seen[item.id]})")
        seen[item.id] = where
        items.append(item)
    return items


def load_questions(path: Path) -> list[EvalItem]:
    """Read and check a question file; raises InvalidQuestionSet naming the file and line."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InvalidQuestionSet(f"{path}: cannot read the question file ({exc.strerror})") from exc
    items = parse_lines(text.splitlines(), source=str(path))
    if not items:
        raise InvalidQuestionSet(f"{path}: holds no questions")
    return items
