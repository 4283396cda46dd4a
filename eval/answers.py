"""Saved answers: every answer of a run (text, found, route, value, unit, reason, sources with offsets) as JSON,
with the stored reports they cite, so that a later scorer can score them without asking again.

    >>> save_answers(Path("out.json"), result.results, reports)
    >>> answers, reports = load_answers(Path("out.json"))      # {question id: (Answer, seconds)}, [StoredReport]

The reports' stored texts are kept because evidence offsets refer to the text as that run's code stored it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, fields
from pathlib import Path
from typing import Any

from govqa.core.errors import InvalidQuestionSet
from govqa.core.types import Answer, Source
from govqa.eval.gold import StoredReport

FORMAT = "govqa-answers/1"
_SOURCE_FIELDS = tuple(f.name for f in fields(Source))


def answer_to_json(answer: Answer) -> dict[str, Any]:
    """One answer as a JSON object; ``reason`` is None for code that predates it."""
    return {"question": answer.question, "text": answer.text, "found": answer.found, "route": answer.route,
            "value": answer.value, "unit": answer.unit, "reason": getattr(answer, "reason", None),
            "sources": [{k: getattr(s, k, None) for k in _SOURCE_FIELDS} for s in answer.sources]}


def answer_from_json(obj: dict[str, Any]) -> Answer:
    """The Answer saved by :func:`answer_to_json`."""
    sources = tuple(Source(**{k: v for k, v in s.items() if k in _SOURCE_FIELDS}) for s in obj.get("sources", []))
    return Answer(question=obj["question"], text=obj["text"], found=bool(obj["found"]), route=obj["route"],
                  value=obj.get("value"), unit=obj.get("unit"), sources=sources, reason=obj.get("reason"))


def save_answers(path: Path, results: Iterable[Any], reports: Sequence[StoredReport]) -> None:
    """Write every ItemResult's answer (by question id, with its time) and the stored reports to ``path``."""
    doc = {"format": FORMAT, "reports": [asdict(r) for r in reports],
           "answers": [{"id": r.item.id, "seconds": r.seconds, "answer": answer_to_json(r.answer)} for r in results]}
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=1), encoding="utf-8")


def load_answers(path: Path) -> tuple[dict[str, tuple[Answer, float]], list[StoredReport]]:
    """The saved answers by question id (with their seconds) and the reports they were answered from."""
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise InvalidQuestionSet(f"{path}: cannot read the saved answers ({exc})") from exc
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise InvalidQuestionSet(f"{path}: not a saved answers file (expected format {FORMAT!r}; "
                                 "write one with `govqa eval FILE --answers OUT.json`)")
    answers = {a["id"]: (answer_from_json(a["answer"]), float(a.get("seconds", 0.0))) for a in doc["answers"]}
    reports = [StoredReport(**r) for r in doc["reports"]]
    return answers, reports
