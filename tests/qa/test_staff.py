"""Staff accounts decide who may change data; the change log records each change."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from govqa.core.config import load_settings
from govqa.core.errors import ConfigError
from govqa.qa.changelog import read_changes, record_change
from govqa.qa.staff import ADMIN, Staff, check_password, hash_password, is_loopback, read_users


def test_password_hashes_are_salted_and_checked() -> None:
    one, two = hash_password("s3cret", iterations=1000), hash_password("s3cret", iterations=1000)
    assert one != two and one.startswith("pbkdf2_sha256$1000$")
    assert check_password(one, "s3cret") and not check_password(one, "S3cret")
    assert not check_password("plain-text", "plain-text") and not check_password("md5$1$aa$bb", "x")


def test_users_file_takes_hashes_only(tmp_path: Path) -> None:
    users = tmp_path / "users.txt"
    users.write_text(f"# comment\n\nli:{hash_password('a', iterations=1000)}\n", encoding="utf-8")
    assert list(read_users(users)) == ["li"]
    users.write_text("zhang:hunter2\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"line 1: expected name:pbkdf2_sha256\$…"):
        read_users(users)
    with pytest.raises(ConfigError, match="cannot read it"):
        read_users(tmp_path / "missing.txt")


def test_login_with_admin_password_or_users_file(tmp_path: Path) -> None:
    users = tmp_path / "users.txt"
    users.write_text(f"li:{hash_password('pw-li', iterations=1000)}\n", encoding="utf-8")
    settings = load_settings({"GOVQA_HOME": str(tmp_path), "GOVQA_ADMIN_PASSWORD": "adm!n", "GOVQA_USERS_FILE": str(users)})
    staff = Staff.of(settings, host="0.0.0.0")
    assert staff.mode == "login"
    assert staff.login("admin", "adm!n") == ADMIN and staff.login(" li ", "pw-li") == "li"
    assert staff.login("admin", "wrong") is None and staff.login("li", "") is None and staff.login("nobody", "pw-li") is None


@pytest.mark.parametrize(("host", "mode"), [("127.0.0.1", "local"), ("localhost", "local"), ("::1", "local"),
                                            ("0.0.0.0", "off"), ("192.168.1.5", "off"), ("example.org", "off")])
def test_without_accounts_only_a_loopback_server_may_change_data(settings: Any, host: str, mode: str) -> None:
    assert Staff.of(settings, host=host).mode == mode
    assert is_loopback(host) == (mode == "local")


def test_change_log_records_who_when_file_and_version(settings: Any) -> None:
    record_change(settings.change_log_path, who="li", action="upload", file="某县2021年报.pdf", status="新增", version="v1")
    with settings.change_log_path.open("a", encoding="utf-8") as out:
        out.write("{damaged\n")
    record_change(settings.change_log_path, who=ADMIN, action="upload", file="b.txt", status="⚠ 拒绝", version=None)
    changes = read_changes(settings.change_log_path)
    assert [(c["who"], c["file"], c["version"]) for c in changes] == [("li", "某县2021年报.pdf", "v1"), (ADMIN, "b.txt", None)]
    assert changes[0]["time"].endswith("+00:00") and settings.change_log_path.parent == settings.home


def test_command_line_changes_are_logged_too(settings: Any, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from govqa.qa.cli import main

    seed = Path(__file__).parents[1] / "fixtures" / "seeds" / "000_9f89ab4fe0ea1170.txt"
    second = tmp_path / "v2.txt"
    second.write_text(seed.read_text(encoding="utf-8").replace("本报告", "本年度报告", 1), encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(main, ["ingest", "--no-vectors", str(seed)]).exit_code == 0
    assert runner.invoke(main, ["ingest", "--no-vectors", "--replace", str(second)]).exit_code == 0
    first = read_changes(settings.change_log_path)[0]["version"]
    assert runner.invoke(main, ["activate", "--no-vectors", first]).exit_code == 0
    assert runner.invoke(main, ["delete", "--no-vectors", first]).exit_code == 0
    changes = read_changes(settings.change_log_path)
    assert [(c["action"], c["status"]) for c in changes] == [("ingest", "added"), ("ingest", "replaced"),
                                                              ("activate", "activated"), ("delete", "deleted")]
    assert all(c["who"].startswith("命令行") and c["version"] for c in changes)
    assert changes[3]["version"] == first and changes[3]["file"] == seed.name
