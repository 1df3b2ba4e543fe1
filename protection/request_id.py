"""A request id for every HTTP request: the caller's `X-Request-Id` if sane, else a new one.

It is kept in the request's state (`request.state.request_id`), returned in the
`X-Request-Id` response header, and put in every GraphQL error's
`extensions.requestId`, so a user's report can be matched with the server log.
The server also gives every request an id of its own (`request.state.server_request_id`,
the same as `request_id` when the caller sent none): the audit trail records that one,
which no caller chooses, with the caller's sane id beside it.
"""

from __future__ import annotations

import re
import uuid

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

HEADER = "x-request-id"
# Letters, digits and a few separators, at most 128: safe to log and to echo.
_SANE = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")


def new_request_id() -> str:
    """A fresh random request id."""
    return uuid.uuid4().hex


def accepted_request_id(value: str | None) -> str:
    """The caller's id when it is sane, else a new one."""
    if value is not None and _SANE.match(value):
        return value
    return new_request_id()


def request_id_of(scope: Scope) -> str | None:
    """The id given to this request by `RequestIdMiddleware`, if any."""
    state = scope.get("state")
    return state.get("request_id") if isinstance(state, dict) else None


class RequestIdMiddleware:
    """Gives each HTTP request an id, in its state and in the response's headers."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        given = dict(scope["headers"]).get(HEADER.encode())
        given_text = given.decode("latin-1") if given else None
        request_id = accepted_request_id(given_text)
        caller_id = request_id if request_id == given_text else None
        state = scope.setdefault("state", {})
        state["request_id"] = request_id
        state["server_request_id"] = request_id if caller_id is None else new_request_id()
        state["client_request_id"] = caller_id

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                MutableHeaders(scope=message)[HEADER] = request_id
            await send(message)

        await self.app(scope, receive, send_with_id)
