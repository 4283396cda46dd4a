"""Run `govqa` commands in this process and SIGKILL it at its N-th write: a crash at a chosen point (tests/index/test_crash.py).

    python tests/index/crash_ingest.py N COUNT_FILE -- ingest a.txt b.txt -- ingest --replace c.txt

A write point is each SQL INSERT/UPDATE/DELETE and COMMIT (SQLAlchemy events) and the moment before and after
each Chroma write (add/upsert/delete). N = 0 never kills; the number of points reached goes to COUNT_FILE.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path
from typing import Any

from chromadb.api.models.Collection import Collection
from sqlalchemy import event
from sqlalchemy.engine import Engine


def main(argv: list[str]) -> None:
    crash_at, count_file = int(argv[0]), Path(argv[1])
    runs: list[list[str]] = []
    for arg in argv[2:]:
        if arg == "--":
            runs.append([])
        else:
            runs[-1].append(arg)
    seen = 0

    def point() -> None:
        nonlocal seen
        seen += 1
        if seen == crash_at:
            os.kill(os.getpid(), signal.SIGKILL)

    def before_execute(_conn: Any, clause: Any, *_: Any) -> None:
        if getattr(clause, "is_dml", False):
            point()

    event.listen(Engine, "before_execute", before_execute)
    event.listen(Engine, "commit", lambda _conn: point())
    for name in ("add", "upsert", "delete"):
        real = getattr(Collection, name)

        def wrapped(self: Any, *args: Any, _real: Any = real, **kwargs: Any) -> Any:
            point()
            out = _real(self, *args, **kwargs)
            point()
            return out

        setattr(Collection, name, wrapped)

    from govqa.qa.cli import main as govqa

    for args in runs:
        try:
            govqa.main(args, standalone_mode=False)
        except SystemExit as exc:
            if exc.code not in (0, None):
                raise
    count_file.write_text(str(seen), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
