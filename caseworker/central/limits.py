"""Request bodies limited by route, refused before they are read whole.

A body declared (``Content-Length``) larger than its route's limit is answered 413 at
once, without one byte of it read; a body sent in chunks is read only up to the limit.
The routes that need a device's token (``/push``, ``/bundles``) check the token before
they read any of the body, so that no one without one can make the server hold even
the route's limit. The answer is JSON with a one-line ``detail``, as every refusal."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

from anyio import to_thread

from caseworker.central.base import CentralError

KB = 1024
MB = 1024 * KB

Scope = dict[str, Any]
Message = dict[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


def size(limit: int) -> str:
    return f"{limit // MB} MB" if limit >= MB else f"{limit // KB} KB"


async def refuse(send: Send, status: int, detail: str) -> None:
    body = json.dumps({"detail": detail}, ensure_ascii=False).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


class BodyLimit:
    """ASGI middleware: ``limits`` maps a path to its largest body (bytes); any other
    path takes ``default``. ``authenticate(token)`` (run in a worker thread) is called
    first for the paths in ``authenticated``; it raises CentralError to refuse and
    returns what the route finds in ``request.state.device``."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        limits: Mapping[str, int],
        default: int,
        authenticated: frozenset[str],
        authenticate: Callable[[str], object],
    ) -> None:
        self.app = app
        self.limits = dict(limits)
        self.default = default
        self.authenticated = authenticated
        self.authenticate = authenticate

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = str(scope.get("path", ""))
        limit = self.limits.get(path, self.default)
        headers = {k.lower(): v for k, v in scope.get("headers", [])}
        declared = headers.get(b"content-length")
        if declared is not None:
            if not declared.isdigit() or len(declared) > 18:
                await refuse(send, 400, "the Content-Length header is not a number")
                return
            if int(declared) > limit:
                await refuse(send, 413, self._too_large(path, limit))
                return
        if path in self.authenticated and scope.get("method") == "POST":
            scheme, _, token = headers.get(b"authorization", b"").decode("latin-1").partition(" ")
            if scheme.lower() != "bearer" or not token:
                await refuse(send, 401, "authenticate first: Authorization: Bearer TOKEN")
                return
            try:
                device = await to_thread.run_sync(self.authenticate, token)
            except CentralError as exc:
                await refuse(send, exc.status, str(exc))
                return
            scope.setdefault("state", {})["device"] = device
        body = bytearray()
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return  # the client went away: nothing to answer
            body += message.get("body", b"")
            if len(body) > limit:
                await refuse(send, 413, self._too_large(path, limit))
                return
            if not message.get("more_body", False):
                break
        await self.app(scope, _replay(bytes(body), receive), send)

    def _too_large(self, path: str, limit: int) -> str:
        where = path if path in self.limits else "this request"
        return f"the body of {where} may be at most {size(limit)}; send less at a time"


def _replay(body: bytes, receive: Receive) -> Receive:
    """The body read, handed to the app as one message; then the connection's own."""
    sent = False

    async def again() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return again
