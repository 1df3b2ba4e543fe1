"""Refuses request bodies larger than the settings allow, before anything parses them.

A declared `Content-Length` over the limit is refused at once; a body sent
without one (chunked) is counted as it arrives and refused when it passes the
limit. The refusal is a 413 with a GraphQL-shaped JSON error.
"""

from __future__ import annotations

from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from protection.errors import error_body
from protection.request_id import request_id_of


class BodyTooLarge(Exception):
    """The body passed the limit while the application was reading it."""


def _declared_length(scope: Scope) -> int | None:
    value = dict(scope["headers"]).get(b"content-length")
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


class BodySizeLimit:
    """An ASGI middleware capping the size of HTTP request bodies."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = _declared_length(scope)
        if declared is not None and declared > self.max_bytes:
            await self._refuse(scope, receive, send)
            return
        received = 0
        started = False

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise BodyTooLarge
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except BodyTooLarge:
            if started:
                raise
            await self._refuse(scope, receive, send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        message = (f"The request body is larger than this server accepts "
                   f"({self.max_bytes} bytes).")
        body = error_body(message, "PAYLOAD_TOO_LARGE", request_id_of(scope))
        await JSONResponse(body, status_code=413)(scope, receive, send)
