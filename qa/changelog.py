"""The change log: every change a person makes to the stored reports, one JSON line each, in GOVQA_HOME.

    >>> record_change(settings.change_log_path, who="admin", action="upload", file="某县2021年报.pdf", status="added", version="a1b2")
    >>> read_changes(settings.change_log_path)[-1]["who"]
    'admin'
"""

from __future__ import annotations

import getpass
import json
import logging
import threading
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)
_lock = threading.Lock()


def record_change(path: Path, *, who: str, action: str, file: str, **details: Any) -> dict[str, Any]:
    """Append one change (who, when, what, which file and version) to the change log at path (Settings.change_log_path)."""
    entry = {"time": datetime.now(UTC).isoformat(timespec="seconds"), "who": who, "action": action, "file": file,
             **details}
    path.parent.mkdir(parents=True, exist_ok=True)
    line = json.dumps(entry, ensure_ascii=False, default=str) + "\n"
    with _lock, path.open("a", encoding="utf-8") as out:
        out.write(line)
    log.info("change by %s: %s %s", who, action, file)
    return entry


def cli_user() -> str:
    """Who made a change from the command line: the operating-system account."""
    try:
        return f"命令行:{getpass.getuser()}"
    except (KeyError, OSError):  # no name for this uid (containers)
        return "命令行"


def read_changes(path: Path, *, limit: int = 200) -> list[dict[str, Any]]:
    """The last ``limit`` changes of the change log at path, oldest first; a damaged line is skipped (and logged)."""
    if not path.is_file():
        return []
    entries: list[dict[str, Any]] = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        try:
            entries.append(json.loads(line))
        except json.JSONDecodeError:
            log.warning("%s line %d is not JSON; skipped", path, n)
    return entries[-limit:]
