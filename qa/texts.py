"""The report texts the answer path reads passages from, looked up by report id and read once per question."""

from __future__ import annotations

import logging
from collections.abc import Callable

from govqa.core.errors import GovqaError
from govqa.core.protocols import ReportStore

log = logging.getLogger(__name__)


def store_texts(store: ReportStore) -> Callable[[str], str]:
    """A cached report-id → report-text lookup over the store ('' when the store does not hold the id)."""
    cache: dict[str, str] = {}

    def text(report_id: str) -> str:
        if report_id not in cache:
            try:
                cache[report_id] = store.get_report(report_id).text
            except GovqaError as exc:
                log.debug("no report text for chunk of %s: %s", report_id, exc)
                cache[report_id] = ""
        return cache[report_id]

    return text
