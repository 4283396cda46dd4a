"""govqa: question answering over Chinese government information-disclosure annual reports.

The public API is small:

    >>> from govqa import GovQA, load_settings
    >>> qa = GovQA(load_settings())
    >>> qa.ensure_samples()
    >>> qa.ask("红寺堡区2020年收到多少政府信息公开申请？").text

The pipeline's stages are the repository's top-level folders (core/, index/, qa/, ui/, eval/, prompts/) and are
imported as ``govqa.core``, ``govqa.index``, …: pyproject.toml maps them under this package for an installed
wheel, and the links in this folder do the same for a source checkout. Names resolve on first use, so
``import govqa`` stays light (the table route never loads torch).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from govqa.core.config import Settings, load_settings
    from govqa.core.errors import GovqaError
    from govqa.core.types import Answer
    from govqa.qa.service import GovQA

__all__ = ["Answer", "GovQA", "GovqaError", "Settings", "load_settings"]
_HOME = {"GovQA": "govqa.qa.service", "Settings": "govqa.core.config", "load_settings": "govqa.core.config",
         "GovqaError": "govqa.core.errors", "Answer": "govqa.core.types"}


def __getattr__(name: str) -> Any:
    """Import a public name from its module when it is first asked for."""
    if name not in _HOME:
        raise AttributeError(f"module 'govqa' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(_HOME[name]), name)
