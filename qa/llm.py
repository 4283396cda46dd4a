"""Optional LLM backend: rephrases an extractive answer, never adds a fact.

Off by default (``settings.llm == "none"``). With ``llm = "openai"`` any OpenAI-compatible endpoint is used through
langchain-openai's ``ChatOpenAI`` (``settings.llm_base_url``, ``llm_model``, ``llm_api_key``; install the ``llm`` extra).
The prompt is ``prompts/answer.md``. After rewriting, every number in the new text must appear in the answer's
sources, its extractive text or the question; otherwise the extractive text is kept.

    >>> answer = maybe_rewrite(answer, settings)   # the router's one-line hook
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from decimal import Decimal
from functools import lru_cache
from importlib import resources
from typing import Any, Protocol, runtime_checkable

from govqa.core.config import Settings
from govqa.core.errors import ConfigError
from govqa.core.numbers import number_tokens
from govqa.core.protocols import ChatModel
from govqa.core.types import Answer

log = logging.getLogger(__name__)

PROMPT = "answer.md"


@runtime_checkable
class LLM(Protocol):
    """Something that rephrases an answer from its passages."""

    def rewrite(self, answer: Answer, *, passages: Sequence[str]) -> str: ...


def load_prompt(name: str = PROMPT) -> str:
    """The prompt template shipped in the ``prompts`` package."""
    return resources.files("govqa.prompts").joinpath(name).read_text(encoding="utf-8")


class ChatModelLLM:
    """An LLM backed by any langchain chat model (ChatOpenAI, or a fake in tests)."""

    def __init__(self, model: ChatModel, *, template: str | None = None) -> None:
        self.model = model
        self.template = template if template is not None else load_prompt()

    def rewrite(self, answer: Answer, *, passages: Sequence[str]) -> str:
        """Ask the chat model to rephrase ``answer.text`` using only the passages."""
        prompt = self.template.format(
            question=answer.question,
            answer=answer.text,
            passages="\n".join(f"- {p}" for p in passages) or "（无）",
        )
        reply = self.model.invoke(prompt)
        content = getattr(reply, "content", reply)
        return content if isinstance(content, str) else str(content)


def _openai(settings: Settings) -> LLM:
    try:
        from langchain_openai import ChatOpenAI
    except ImportError as exc:
        raise ConfigError("llm = 'openai' needs langchain-openai: pip install 'govqa[llm]'") from exc
    if not settings.llm_model:
        raise ConfigError("llm = 'openai' needs llm_model (GOVQA_LLM_MODEL), e.g. gpt-4o-mini or a local model name")
    kwargs: dict[str, Any] = {"model": settings.llm_model, "temperature": 0}
    if settings.llm_base_url:
        kwargs["base_url"] = settings.llm_base_url
    if settings.llm_api_key:
        kwargs["api_key"] = settings.llm_api_key
    return ChatModelLLM(ChatOpenAI(**kwargs))


BACKENDS: dict[str, Callable[[Settings], LLM] | None] = {"none": None, "openai": _openai}


def get_llm(settings: Settings) -> LLM | None:
    """The LLM named by ``settings.llm``; None for "none". Unknown names fail with the known ones."""
    if settings.llm not in BACKENDS:
        raise ConfigError(f"llm must be one of {', '.join(BACKENDS)}; got {settings.llm!r}")
    factory = BACKENDS[settings.llm]
    return None if factory is None else factory(settings)


@lru_cache(maxsize=4)
def _cached_llm(settings: Settings) -> LLM | None:
    return get_llm(settings)


def _values(texts: Iterable[str]) -> set[Decimal]:
    return {value for text in texts for _sign, value in number_tokens(text)}


def ungrounded_numbers(text: str, sources: Iterable[str]) -> list[str]:
    """The numbers of ``text`` that appear in none of the sources (compared as whole numbers, 40.940 == 40.94)."""
    allowed = _values(sources)
    return [str(value) for _sign, value in number_tokens(text) if value not in allowed]


def maybe_rewrite(answer: Answer, settings: Settings, *, llm: LLM | None = None) -> Answer:
    """Let the configured LLM rephrase a found answer; keep the extractive text on any new number or error."""
    if llm is None:
        if settings.llm == "none":
            return answer
        llm = _cached_llm(settings)
    if llm is None or not answer.found or not answer.text.strip():
        return answer
    passages = [s.text for s in answer.sources]
    try:
        text = llm.rewrite(answer, passages=passages).strip()
    except Exception as exc:  # a remote model fails in many ways; the extractive answer is always there
        log.warning("llm rewrite failed (%s: %s); keeping the extractive answer", type(exc).__name__, exc)
        return answer
    if not text:
        return answer
    extra = ungrounded_numbers(text, [*passages, answer.text, answer.question])
    if extra:
        log.warning("llm rewrite dropped: numbers %s are in no source of %r", extra, answer.question)
        return answer
    return replace(answer, text=text)
