"""The SQL store and the vector index agree: every answering version has its vectors, no other version has any.

A write makes a version visible only when both stores have it (index/store.py: pending, vectors, one commit), so
a crash can leave only two kinds of debris, both harmless to answers (retrieval keeps the chunks of active versions
only) and both removed here: vectors of versions that do not answer (unknown, pending or inactive: orphans) and
pending versions. Gaps, an active version with fewer or more vectors than it was indexed with, are re-indexed.

    >>> found = inspect_store(store, indexer)
    >>> found.ok, found.orphans, found.gaps, found.pending
    >>> reconcile(store, indexer)        # under the writer lock: drop orphans and pending, re-index gaps
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from govqa.core.types import Report, Section
from govqa.index.store import Store

log = logging.getLogger(__name__)


class VectorSide(Protocol):
    """What reconciling needs from the vector index (index/vectors.py ChunkIndex)."""

    def report_counts(self) -> dict[str, int]: ...

    def index_report(self, report: Report, sections: Sequence[Section]) -> int: ...

    def remove_report(self, report_id: str) -> None: ...


@dataclass(frozen=True)
class StoreCheck:
    """What disagrees between the stores: orphan vectors, gaps and interrupted writes (empty: consistent)."""

    orphans: dict[str, int] = field(default_factory=dict)  # report id → vectors of a version that does not answer
    gaps: dict[str, tuple[int, int]] = field(default_factory=dict)  # active id → (vectors held, vectors expected)
    pending: tuple[str, ...] = ()  # versions whose write never finished

    @property
    def ok(self) -> bool:
        """True when nothing disagrees."""
        return not (self.orphans or self.gaps or self.pending)

    def lines(self) -> list[str]:
        """One line per problem, for `govqa check --store` and `govqa repair`."""
        out = [f"orphan vectors: {n} of {rid} (a version that does not answer)" for rid, n in sorted(self.orphans.items())]
        out += [f"gap: {rid} answers with {have} of its {want} vectors" for rid, (have, want) in sorted(self.gaps.items())]
        out += [f"interrupted write: version {rid} never finished" for rid in self.pending]
        return out


def inspect_store(store: Store, indexer: VectorSide | None) -> StoreCheck:
    """Compare the store's active versions with the vector index; changes nothing."""
    pending = tuple(store.pending_versions())
    if indexer is None:
        return StoreCheck(pending=pending)
    expected = store.expected_chunks()
    held = indexer.report_counts()
    orphans = {rid: n for rid, n in held.items() if rid not in expected}
    gaps = {rid: (held.get(rid, 0), want) for rid, want in expected.items()
            if want is not None and held.get(rid, 0) != want}
    return StoreCheck(orphans=orphans, gaps=gaps, pending=pending)


def reconcile(store: Store, indexer: VectorSide | None, *, fill_gaps: bool = True) -> StoreCheck:
    """Make the stores agree (call under the writer lock); returns what was found and fixed.

    Pending versions are removed (their file was not stored: ingest it again), orphan vectors are deleted, and
    with fill_gaps the active versions whose vectors are missing or incomplete are re-indexed from the store.
    """
    found = inspect_store(store, indexer)
    if found.ok:
        return found
    store.drop_pending()
    if indexer is not None:
        for rid in found.orphans:
            indexer.remove_report(rid)
        if fill_gaps:
            for rid in found.gaps:
                chunks = indexer.index_report(store.get_report(rid), store.sections(rid))
                store.set_chunks(rid, chunks)
    log.warning("reconciled the stores: %s", "; ".join(found.lines()))
    return found
