"""Where govqa keeps caches it can rebuild (jieba's dictionary, compiled patterns): a folder only this user can write.

A pickle or a compiled pattern read back from a shared temp folder would run what another local user put there, so
caches live in ``$GOVQA_CACHE``, else ``$XDG_CACHE_HOME/govqa``, else ``~/.cache/govqa``; where none of those can be
made (a read-only home), a private ``govqa-<uid>`` folder in the temp folder, made with mode 0700 and used only
when it is ours and closed to others.
"""

from __future__ import annotations

import os
import stat
import tempfile
from functools import lru_cache
from pathlib import Path


def _candidates() -> list[Path]:
    env = os.environ.get("GOVQA_CACHE")
    xdg = os.environ.get("XDG_CACHE_HOME")
    found = [Path(env)] if env else []
    found.append(Path(xdg) / "govqa" if xdg else Path.home() / ".cache" / "govqa")
    return found


def _private(path: Path) -> bool:
    """True when ``path`` is a folder of this user that no one else can write."""
    try:
        info = path.stat()
    except OSError:
        return False
    own = not hasattr(os, "getuid") or info.st_uid == os.getuid()
    return stat.S_ISDIR(info.st_mode) and own and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


@lru_cache(maxsize=1)
def cache_dir() -> Path:
    """The first folder of :func:`_candidates` that can be made, else a private one in the temp folder."""
    for path in _candidates():
        try:
            path.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError:
            continue
        if os.access(path, os.W_OK):
            return path
    uid = os.getuid() if hasattr(os, "getuid") else 0
    path = Path(tempfile.gettempdir()) / f"govqa-{uid}"
    try:
        path.mkdir(mode=0o700, exist_ok=True)
    except OSError:
        pass
    if not _private(path):
        raise PermissionError(f"缓存目录 {path} 不属于当前用户或他人可写；请设置环境变量 GOVQA_CACHE 指向一个自己的目录")
    return path
