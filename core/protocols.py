"""The seams between the stages, as Protocols: what the answer side needs from the store, the retriever and the
embedder. The implementations (index/store.py ``Store``, qa/retrieve.py ``Retriever``, index/embed.py's embedders)
and the tests' fakes meet them structurally.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from govqa.core.types import Cell, Finding, Report, ScoredChunk, Section

if TYPE_CHECKING:
    from sqlalchemy import Engine


@runtime_checkable
class Embedder(Protocol):
    """What the vector index needs: langchain's Embeddings methods plus a unique model name and the vector size."""

    name: str
    dim: int

    def embed_documents(self, texts: list[str]) -> list[list[float]]: ...

    def embed_query(self, text: str) -> list[float]: ...

    def load(self) -> None: ...


class ReportStore(Protocol):
    """The read side of the store that answering a question uses (index/store.py ``Store``)."""

    engine: Engine  # the table route queries the cells with SQLAlchemy Core (qa/table_query.py)

    def version(self) -> int: ...

    def reports(self, *, with_text: bool = False) -> list[Report]: ...

    def agencies(self) -> list[tuple[str, str, tuple[str, ...], tuple[int, ...]]]: ...

    def get_report(self, ref: str) -> Report: ...

    def cells_for(self, report_ids: Iterable[str]) -> dict[str, list[Cell]]: ...

    def findings_for(self, report_ids: Iterable[str]) -> dict[str, list[Finding]]: ...

    def sections(self, report_id: str) -> list[Section]: ...


class Searcher(Protocol):
    """Ranked report chunks for a query, filtered by agency and year (qa/retrieve.py ``Retriever``)."""

    def search(self, query: str, *, agencies: Sequence[str] = (), years: Sequence[int] = (),
               k: int = 5) -> list[ScoredChunk]: ...


class ChatModel(Protocol):
    """A chat model the optional LLM rephrasing asks (langchain's ``invoke``: a message, or its text, back)."""

    def invoke(self, input: str) -> object: ...  # noqa: A002 - langchain's parameter name
