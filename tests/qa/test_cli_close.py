"""Each `govqa` command closes the store it opened: on PostgreSQL an idle pool would hold the database open."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy.pool import QueuePool

from govqa.core.config import load_settings
from govqa.index.store import Store
from govqa.qa.cli import main
from govqa.qa.service import GovQA


def idle(store: Store) -> int:
    """Connections the store's pool holds open."""
    pool = store.engine.pool
    assert isinstance(pool, QueuePool)
    return pool.checkedin()


def test_store_close_returns_every_pooled_connection(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'govqa.db'}")
    assert store.reports() == []
    assert idle(store) >= 1
    store.close()
    assert idle(store) == 0


def test_service_close_drops_the_store_and_builds_it_again_on_use() -> None:
    qa = GovQA(load_settings())
    first = qa.store
    qa.close()
    assert idle(first) == 0
    assert qa.store is not first
    qa.close()


@pytest.mark.parametrize("args", [["reports"], ["tables", "--json"], ["ask", "掌政镇2020年收到多少申请？"]])
def test_each_command_closes_its_service(args: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    closed: list[GovQA] = []
    real_close = GovQA.close

    def close(self: GovQA) -> None:
        closed.append(self)
        real_close(self)

    monkeypatch.setattr(GovQA, "close", close)
    CliRunner().invoke(main, args, catch_exceptions=False)
    assert len(closed) >= 1
