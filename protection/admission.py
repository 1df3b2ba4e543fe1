"""Bounded concurrency for GraphQL requests: a few run at once, a few wait, the rest are told
to come back, at once.

Requests without a token share `max_concurrent` places; requests with a token
(contributors, who write) have `reserved_for_tokens` places of their own, so a
flood of anonymous readers cannot starve them. A request that finds its places
taken waits in line (at most `max_queue` of them, each at most `queue_wait_ms`);
past either, it gets a 503 with `Retry-After` and a GraphQL-shaped error, without
having cost the database anything. The request body must arrive within
`body_timeout_ms`: a client that sends it slowly loses its place with a 408.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from protection.errors import error_body
from protection.request_id import request_id_of

BUSY = ("The registry is answering as many requests as it can; nothing was done: "
        "try again in a moment (see Retry-After).")
SLOW_BODY = "The request body did not arrive in time; send it again, whole."


@dataclass
class Lane:
    """Places for one kind of caller, and the line in front of them."""

    places: asyncio.Semaphore
    waiting: int = 0


class BodyTimeout(Exception):
    """The client did not send its body in time."""


class Admission:
    """An ASGI middleware admitting GraphQL requests to a bounded number of places."""

    def __init__(self, app: ASGIApp, max_concurrent: int, reserved_for_tokens: int,
                 max_queue: int, queue_wait_ms: int, body_timeout_ms: int) -> None:
        self.app = app
        self.lanes = {"anonymous": Lane(asyncio.Semaphore(max_concurrent)),
                      "token": Lane(asyncio.Semaphore(reserved_for_tokens))}
        self.max_queue = max_queue
        self.queue_wait_s = queue_wait_ms / 1000
        self.body_timeout_s = body_timeout_ms / 1000

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] != "/graphql":
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        lane = self.lanes["token" if b"authorization" in headers else "anonymous"]
        if not await self._admit(lane):
            await _refuse(scope, receive, send, 503, BUSY, "SERVICE_UNAVAILABLE")
            return
        try:
            await self.app(scope, self._timed(receive), send)
        except BodyTimeout:
            await _refuse(scope, receive, send, 408, SLOW_BODY, "REQUEST_TIMEOUT")
        finally:
            lane.places.release()

    async def _admit(self, lane: Lane) -> bool:
        """Take a place, waiting in a bounded line for a bounded time."""
        if not lane.places.locked():
            await lane.places.acquire()
            return True
        if lane.waiting >= self.max_queue:
            return False
        lane.waiting += 1
        try:
            await asyncio.wait_for(lane.places.acquire(), self.queue_wait_s)
            return True
        except TimeoutError:
            return False
        finally:
            lane.waiting -= 1

    def _timed(self, receive: Receive) -> Receive:
        """`receive`, bounded in time until the body has arrived whole."""
        complete = False

        async def timed_receive() -> Message:
            nonlocal complete
            if complete:
                return await receive()  # e.g. waiting for a disconnect: not the body
            try:
                message = await asyncio.wait_for(receive(), self.body_timeout_s)
            except TimeoutError:
                raise BodyTimeout from None
            complete = message["type"] != "http.request" or not message.get("more_body")
            return message
        return timed_receive


async def _refuse(scope: Scope, receive: Receive, send: Send, status: int, message: str,
                  code: str) -> None:
    body = error_body(message, code, request_id_of(scope))
    headers = {"Retry-After": "1"} if status == 503 else {"Connection": "close"}
    await JSONResponse(body, status_code=status, headers=headers)(scope, receive, send)
