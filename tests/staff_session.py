"""A staff member's browser session on a served govqa app, spoken over Gradio's HTTP queue protocol (sse_v3).

The login and import events are private (the Gradio client libraries refuse them), yet a browser calls them: it
finds the event by the button that triggers it, joins the queue with its session hash and reads the outcome from
the session's event stream. This does the same, so a test can upload as a logged-in staff member without a browser.

    >>> staff = StaffSession("http://127.0.0.1:7860/")
    >>> staff.login("admin", password)
    >>> staff.import_files([path])[0]   # the upload message, e.g. 导入 1 个文件：1 个成功，0 个被拒绝。
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import httpx

LOGIN_BUTTON = "govqa-login"
IMPORT_BUTTON = "govqa-import"


class StaffSession:
    """One browser tab: its own session hash, so the login it makes holds for its imports only."""

    def __init__(self, url: str, *, timeout: float = 120.0) -> None:
        self.http = httpx.Client(base_url=url.rstrip("/"), timeout=timeout)
        self.session_hash = uuid.uuid4().hex[:11]
        config = self.http.get("/config").raise_for_status().json()
        self.prefix = config.get("api_prefix", "/gradio_api")
        by_elem = {c.get("props", {}).get("elem_id"): c["id"] for c in config["components"]}
        self.events = {button: _clicked(config, by_elem[button]) for button in (LOGIN_BUTTON, IMPORT_BUTTON)}

    def login(self, name: str, password: str) -> str:
        """Fill in name and password and press 登录; returns the login message shown."""
        outputs = self._run(LOGIN_BUTTON, [name, password])
        return str(outputs[1])

    def import_files(self, paths: Sequence[Path], *, agency: str = "", year: int | None = None) -> list[Any]:
        """Choose the files, fill in the optional agency and year and press 导入; returns the event's outputs
        (the message, then the result table as Gradio sends it)."""
        files = [(("files", (p.name, p.read_bytes(), "application/octet-stream"))) for p in paths]
        uploaded = self.http.post(f"{self.prefix}/upload", files=files).raise_for_status().json()
        data = [{"path": server_path, "orig_name": p.name, "size": p.stat().st_size,
                 "meta": {"_type": "gradio.FileData"}} for server_path, p in zip(uploaded, paths, strict=True)]
        return self._run(IMPORT_BUTTON, [data, agency, year, None])  # the login state lives on the server

    def close(self) -> None:
        """Close the HTTP connections."""
        self.http.close()

    def _run(self, button: str, data: list[Any]) -> list[Any]:
        """Trigger the click event of ``button`` with ``data`` and wait for it to complete; its outputs."""
        fn_index, trigger = self.events[button]
        joined = self.http.post(f"{self.prefix}/queue/join", json={
            "data": data, "event_data": None, "fn_index": fn_index, "trigger_id": trigger,
            "session_hash": self.session_hash}).raise_for_status().json()
        event_id = joined["event_id"]
        with self.http.stream("GET", f"{self.prefix}/queue/data", params={"session_hash": self.session_hash}) as stream:
            for line in stream.iter_lines():
                if not line.startswith("data:"):
                    continue
                message = json.loads(line[5:])
                if message.get("event_id") == event_id and message.get("msg") == "process_completed":
                    if not message.get("success"):
                        raise RuntimeError(f"{button} failed: {message.get('output')}")
                    return list(message["output"]["data"])
        raise RuntimeError(f"the event stream of {button} closed before it completed")


def _clicked(config: dict[str, Any], component: int) -> tuple[int, int]:
    """(fn_index, trigger id) of the event a click on ``component`` runs."""
    for dep in config["dependencies"]:
        if [component, "click"] in dep["targets"]:
            return int(dep["id"]), component
    raise LookupError(f"no click event on component {component}")
