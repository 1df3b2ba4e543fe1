"""Strawberry's ASGI view, with JSON refusals and a deadline for each operation.

Strawberry answers a malformed request (bad JSON, no query, wrong method) with
plain text; here it is the same GraphQL-shaped error as everywhere else, with a
code and the request id. Each operation runs under `request_timeout_ms`: past it
the operation is cancelled and answered with a TIMEOUT error (every database
statement also has its own limit, `query_timeout_ms`).
"""

from __future__ import annotations

import asyncio
import json
import logging
from typing import Any, Protocol, TypeVar

from cross_web import HTTPException
from graphql import GraphQLError
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.types import Receive, Scope, Send
from strawberry.asgi import GraphQL
from strawberry.types import ExecutionResult

from protection.errors import TIMED_OUT, error_body, with_code
from protection.request_id import request_id_of
from settings import Settings

log = logging.getLogger("registry.errors")

_CODES = {400: "BAD_REQUEST", 404: "NOT_FOUND", 405: "METHOD_NOT_ALLOWED",
          413: "PAYLOAD_TOO_LARGE"}
MAX_JSON_DEPTH = 32
NESTED = f"The JSON is nested deeper than {MAX_JSON_DEPTH} levels."
NO_IDE = ("GraphiQL is turned off on this server; send operations with POST "
          "(JSON body) or GET ?query=...")


class RequestContext(Protocol):
    """What the view needs of a request's GraphQL context: the settings, for the
    deadline, and the request, for its id."""

    @property
    def settings(self) -> Settings:
        """The registry's settings."""
        ...

    @property
    def request(self) -> Request | None:
        """The HTTP request, when there is one."""
        ...


ContextT = TypeVar("ContextT", bound=RequestContext)


def too_deep(value: object, depth: int) -> bool:
    """Whether a JSON value nests lists and objects more than `depth` levels."""
    if depth < 0:
        return True
    if isinstance(value, dict):
        return any(too_deep(item, depth - 1) for item in value.values())
    if isinstance(value, list):
        return any(too_deep(item, depth - 1) for item in value)
    return False


def refusal(scope: Scope, status: int, reason: str) -> JSONResponse:
    """A GraphQL-shaped JSON refusal of a whole HTTP request."""
    message = NO_IDE if status == 404 else reason
    return JSONResponse(error_body(message, _CODES.get(status, "BAD_REQUEST"),
                                   request_id_of(scope)), status_code=status)


class GuardedGraphQL(GraphQL[ContextT, None]):
    """The GraphQL view: JSON refusals, and a deadline for each operation; generic in
    the context its subclass's `get_context` makes."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await super().__call__(scope, receive, send)
            return
        try:
            response = await self.run(Request(scope=scope, receive=receive))
        except HTTPException as error:
            response = refusal(scope, error.status_code, error.reason)
        await response(scope, receive, send)

    def decode_json(self, data: str | bytes) -> object:
        """The request's JSON; refuse nesting deeper than any operation needs."""
        try:
            decoded = json.loads(data)
        except RecursionError:
            raise HTTPException(400, NESTED) from None
        except UnicodeDecodeError:
            raise HTTPException(400, "The body is not JSON in UTF-8.") from None
        if not isinstance(decoded, dict | list):
            raise HTTPException(400, "The JSON must be an object, such as "
                                     '{"query": "{ countries { id } }"}.')
        if too_deep(decoded, MAX_JSON_DEPTH):
            raise HTTPException(400, NESTED)
        return decoded

    async def process_result(self, request: Request, result: ExecutionResult) -> Any:
        """The response; errors that escaped the schema's ErrorPolicy get coded here."""
        if result.errors:
            request_id = request_id_of(request.scope)
            result.errors = [error if "requestId" in (error.extensions or {})
                             else with_code(error, request_id) for error in result.errors]
        return await super().process_result(request, result)

    async def execute_single(self, *args: Any, **kwargs: Any) -> ExecutionResult:
        """Run one operation; past the request deadline, answer TIMEOUT."""
        context: RequestContext = kwargs["context"]
        deadline = asyncio.timeout(context.settings.request_timeout_ms / 1000)
        try:
            async with deadline:
                return await super().execute_single(*args, **kwargs)
        except TimeoutError:
            if not deadline.expired():
                raise
            request = context.request
            request_id = getattr(request.state, "request_id", None) if request else None
            log.warning("request %s: cancelled after %d ms", request_id,
                        context.settings.request_timeout_ms)
            error = GraphQLError(TIMED_OUT, extensions={"code": "TIMEOUT",
                                                        "requestId": request_id})
            return ExecutionResult(data=None, errors=[error])
