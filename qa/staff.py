"""Staff accounts: who may change the stored reports (upload a new report or a new version) in the web app.

Accounts come from ``GOVQA_ADMIN_PASSWORD`` (the account ``admin``) and from a users file
(``GOVQA_USERS_FILE``), one ``name:hash`` line per person, the hash made by ``python -m qa.staff NAME``.
With no account configured, changing data is open only on a server that listens on loopback (the
person at the machine); on any other address the upload part of the app is off.

    >>> check_password(hash_password("s3cret", iterations=1000), "s3cret")
    True
"""

from __future__ import annotations

import getpass
import hashlib
import hmac
import ipaddress
import secrets
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from govqa.core.config import Settings
from govqa.core.errors import ConfigError

ADMIN = "admin"
LOCAL = "本机"  # who changed data on a loopback server without accounts
SCHEME = "pbkdf2_sha256"
ITERATIONS = 200_000
Mode = Literal["login", "local", "off"]


def hash_password(password: str, *, iterations: int = ITERATIONS, salt: str | None = None) -> str:
    """A salted PBKDF2-SHA256 hash of ``password`` in the users-file form ``pbkdf2_sha256$iterations$salt$hash``."""
    salt = salt or secrets.token_hex(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode(), bytes.fromhex(salt), iterations).hex()
    return f"{SCHEME}${iterations}${salt}${digest}"


def check_password(stored: str, password: str) -> bool:
    """Whether ``password`` matches a hash made by :func:`hash_password`."""
    try:
        scheme, iterations, salt, digest = stored.split("$")
        if scheme != SCHEME:
            return False
        again = hashlib.pbkdf2_hmac("sha256", password.encode(), bytes.fromhex(salt), int(iterations)).hex()
    except ValueError:
        return False
    return hmac.compare_digest(again, digest)


def read_users(path: Path) -> dict[str, str]:
    """``name -> hash`` from a users file; a line that is not ``name:pbkdf2_sha256$…`` is a ConfigError."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ConfigError(f"users_file {path}: cannot read it ({exc.strerror or exc})") from exc
    users: dict[str, str] = {}
    for n, line in enumerate(lines, 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        name, _, stored = line.partition(":")
        if not name.strip() or not stored.startswith(SCHEME + "$"):
            raise ConfigError(f"users_file {path} line {n}: expected name:{SCHEME}$…, made by "
                              "`python -m qa.staff NAME` (plain passwords are not accepted)")
        users[name.strip()] = stored.strip()
    return users


@dataclass(frozen=True)
class Staff:
    """The configured accounts and whether the server is on loopback; decides who may change data."""

    admin_password: str
    users: dict[str, str]
    loopback: bool

    @classmethod
    def of(cls, settings: Settings, *, host: str) -> Staff:
        users = read_users(settings.users_file) if str(settings.users_file) not in ("", ".") else {}
        return cls(settings.admin_password, users, is_loopback(host))

    @property
    def mode(self) -> Mode:
        """login: accounts are configured; local: none, but only this machine can reach the server; off: neither."""
        if self.admin_password or self.users:
            return "login"
        return "local" if self.loopback else "off"

    def login(self, name: str, password: str) -> str | None:
        """The account name when ``name`` and ``password`` match a configured account, else None."""
        name = (name or "").strip()
        if not password:
            return None
        if name == ADMIN and self.admin_password:
            return ADMIN if hmac.compare_digest(password.encode(), self.admin_password.encode()) else None
        stored = self.users.get(name)
        return name if stored and check_password(stored, password) else None


def is_loopback(host: str) -> bool:
    """Whether a listen address reaches only this machine (127.0.0.0/8, ::1, localhost)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def main(argv: list[str]) -> int:
    """``python -m qa.staff NAME``: ask for a password twice and print the users-file line."""
    if len(argv) != 1:
        print("usage: python -m qa.staff NAME   (prints a line for the users file)", file=sys.stderr)
        return 2
    first = getpass.getpass(f"password for {argv[0]}: ")
    if not first or first != getpass.getpass("again: "):
        print("the two passwords differ or are empty", file=sys.stderr)
        return 1
    print(f"{argv[0]}:{hash_password(first)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
