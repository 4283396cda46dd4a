"""Serve the app page as Chinese whatever the browser's language: ``<html lang="zh-CN">`` and Gradio's own texts.

Gradio picks the language of its built-in texts (error pop-ups, the connection-lost notice, "Use via API") from
``navigator.language`` when its scripts start, before any ``head=`` content is inserted; so the page itself is
rewritten on its way out, with ui/head.html placed first in <head>.

    >>> demo.launch(app_kwargs={"middleware": [chinese_page_middleware()]})
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from starlette.middleware import Middleware

HEAD_PATH = Path(__file__).with_name("head.html")
Scope = dict[str, Any]
Message = dict[str, Any]


def rewrite_page(page: bytes, head: bytes) -> bytes:
    """The page with lang="zh-CN" on <html> and ``head`` as the first thing in <head>."""
    page = page.replace(b'lang="en"', b'lang="zh-CN"', 1)
    return page.replace(b"<head>", b"<head>\n" + head, 1)


class ChinesePage:
    """ASGI middleware: rewrites the HTML of the app's page (GET of a path ending in /), nothing else."""

    def __init__(self, app: Any, head: bytes | None = None) -> None:
        self.app = app
        self.head = head if head is not None else HEAD_PATH.read_bytes()

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope.get("method") != "GET" or not scope.get("path", "").endswith("/"):
            await self.app(scope, receive, send)
            return
        start: Message = {}
        chunks: list[bytes] = []

        async def capture(message: Message) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
                return
            if message["type"] != "http.response.body":
                await send(message)
                return
            chunks.append(message.get("body", b""))
            if message.get("more_body"):
                return
            headers = [(k, v) for k, v in start.get("headers", [])]
            kinds = {k.lower(): v for k, v in headers}
            body = b"".join(chunks)
            if kinds.get(b"content-type", b"").startswith(b"text/html") and b"content-encoding" not in kinds:
                body = rewrite_page(body, self.head)
                headers = [(k, str(len(body)).encode() if k.lower() == b"content-length" else v) for k, v in headers]
            await send({**start, "headers": headers})
            await send({"type": "http.response.body", "body": body})

        await self.app(scope, receive, capture)


def chinese_page_middleware() -> Middleware:
    """The middleware entry for ``launch(app_kwargs={"middleware": [...]})``."""
    return Middleware(ChinesePage)
