"""Compiled regular expressions kept between processes, so a fresh ``govqa ask`` does not compile ~600 patterns.

    install()  # the CLI, before the answer side is imported: re.compile reuses what the last process compiled

Compiling the answer side's patterns costs ~0.25 s of CPU at every start (re's parser and charset optimiser). What
it produces for a pattern string and flags, the matcher's code, is a pure function of them and of the Python build,
so it is saved in a file keyed by that build (:func:`cache_path`) and handed back to ``_sre.compile`` the next time:
the same Pattern, without parsing. Only ``re``'s own compile step is wrapped, and only where its internals are
those of CPython 3.11–3.13 (``re._compiler``); anywhere else :func:`install` does nothing.
"""

from __future__ import annotations

import atexit
import hashlib
import logging
import marshal
import os
import re
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any

from govqa.core.cache_dir import cache_dir

log = logging.getLogger(__name__)
_LOCK = threading.Lock()
MAX_ENTRIES = 2_000  # past this (patterns built from questions add up), the file keeps only this process's ones
# (the answer side compiles ~600 at import; 1,000 patterns read back in ~8 ms)
_installed: dict[str, Any] = {}  # "path", "entries", "added", "original" once installed


def cache_path() -> Path:
    """The cache file of this Python build (its version and the regex engine's magic number)."""
    import _sre

    key = hashlib.sha1(f"{sys.version}:{_sre.MAGIC}:{_sre.CODESIZE}".encode()).hexdigest()[:12]
    return cache_dir() / f"govqa-re-{key}.marshal"


def _supported() -> bool:
    compiler = getattr(re, "_compiler", None)
    return sys.implementation.name == "cpython" and (3, 11) <= sys.version_info[:2] <= (3, 13) \
        and compiler is not None and all(hasattr(compiler, n) for n in ("compile", "_code", "_parser", "_sre"))


def _read(path: Path) -> dict[tuple[str, int], tuple[Any, ...]]:
    try:
        entries = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    return entries if isinstance(entries, dict) else {}


def install(path: Path | None = None) -> None:
    """Wrap ``re``'s compile step with the cache at ``path`` (default :func:`cache_path`), saved again at exit."""
    if _installed or not _supported():
        return
    compiler = re._compiler  # type: ignore[attr-defined]
    path = path or cache_path()
    entries = _read(path)
    added: dict[tuple[str, int], tuple[Any, ...]] = {}
    used: set[tuple[str, int]] = set()
    original = compiler.compile

    def compile(p: Any, flags: int = 0) -> Any:
        if not isinstance(p, str) or flags & re.DEBUG:
            return original(p, flags)
        key = (p, flags)
        hit = entries.get(key) or added.get(key)
        if hit is not None:
            used.add(key)
            return compiler._sre.compile(p, *hit)
        parsed = compiler._parser.parse(p, flags)  # as re._compiler.compile does, keeping what it hands to _sre
        code = [int(op) for op in compiler._code(parsed, flags)]  # its opcodes are int subclasses marshal refuses
        groupindex = dict(parsed.state.groupdict)
        indexgroup: list[str | None] = [None] * parsed.state.groups
        for name, i in groupindex.items():
            indexgroup[i] = name
        made = (flags | parsed.state.flags, code, parsed.state.groups - 1, groupindex, tuple(indexgroup))
        with _LOCK:
            added[key] = made
        return compiler._sre.compile(p, *made)

    compiler.compile = compile
    _installed.update(path=path, entries=entries, added=added, used=used, original=original)
    atexit.register(save)


def save() -> None:
    """Write the patterns compiled since :func:`install` to its file (beside and renamed), when there are new ones."""
    if not _installed or not _installed["added"]:
        return
    path: Path = _installed["path"]
    with _LOCK:
        added, entries = dict(_installed["added"]), _installed["entries"]
        known = {**entries, **added}
        merged = {**_read(path), **known}
        if len(merged) > MAX_ENTRIES:
            merged = {k: known[k] for k in _installed["used"] if k in known} | added
        entries.update(added)
        _installed["added"].clear()
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".govqa-re-")
        with os.fdopen(fd, "wb") as f:
            f.write(marshal.dumps(merged))
        os.replace(tmp, path)
    except (OSError, ValueError) as exc:
        log.info("compiled patterns not cached at %s: %s", path, exc)
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)


def uninstall() -> None:
    """Give ``re`` its own compile step back (tests)."""
    if _installed:
        re._compiler.compile = _installed["original"]  # type: ignore[attr-defined]
        _installed.clear()
