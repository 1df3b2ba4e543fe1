"""Every error gets `extensions.code` and `extensions.requestId`; unexpected ones are masked.

Codes: BAD_USER_INPUT (and the other codes of `UserError` subclasses: the API's
expected failures), GRAPHQL_PARSE_FAILED, GRAPHQL_VALIDATION_FAILED,
QUERY_TOO_COMPLEX (depth, aliases, tokens), TIMEOUT,
SERVICE_UNAVAILABLE (the graph cannot be reached, or a write waited too long for an
import to end), WRITES_UNAVAILABLE (the graph's storage refuses writes),
INTERNAL_SERVER_ERROR ("Unexpected error.", logged with the request id and the
traceback, never shown: no stack trace, Cypher or internal message reaches the user).
HTTP-level refusals (malformed JSON, body too large) use the same shape through
`error_body`.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

from graphql import GraphQLError
from strawberry.extensions import SchemaExtension

from graph.errors import GraphBusy, GraphTimeout, GraphUnavailable, GraphUnwritable

log = logging.getLogger("registry.errors")

MASKED = "Unexpected error."
TIMED_OUT = ("The database took too long to answer; ask for less "
             "(a smaller page, fewer hops, a narrower filter).")
UNAVAILABLE = "The graph database is not available at the moment; try again shortly."
UNWRITABLE = ("The registry cannot record changes at the moment: its storage refuses writes. "
              "This change was not recorded durably and is not acknowledged; send it again "
              "once the operator has freed space.")
IMPORTING = ("An import is being applied to the registry and writes wait for it to end; "
             "nothing was written: send the change again in a minute.")

# Messages of graphql-core and Strawberry's limiters that say a document is too big.
_TOO_COMPLEX = ("exceeds maximum operation depth", "aliases found. Allowed",
                "Document contains more than", "Document is nested too deeply")


class UserError(GraphQLError):
    """An expected failure whose message tells the user what to fix: shown as it is,
    with its `code` (each subclass of the API's errors sets its own)."""

    code = "BAD_USER_INPUT"

    def __init__(self, message: str, **extensions: Any) -> None:
        super().__init__(message, extensions={"code": self.code, **extensions})


def error_body(message: str, code: str, request_id: str | None) -> dict[str, Any]:
    """A GraphQL-shaped response body holding one error."""
    return {"data": None, "errors": [
        {"message": message, "extensions": {"code": code, "requestId": request_id}}]}


def code_of(error: GraphQLError) -> str:
    """The error's code: a user error's own, else from its cause or from what failed."""
    original = error.original_error
    given = (error.extensions or {}).get("code")
    if isinstance(original, UserError):
        return str(given or UserError.code)
    if isinstance(original, GraphQLError) and error.path is None:
        return _code_of_message(error.message)  # graphql-core refusing a variable's value
    if original is not None:
        return _code_of_cause(original)
    return str(given) if given else _code_of_message(error.message)


def _code_of_cause(original: Exception) -> str:
    if isinstance(original, GraphTimeout):
        return "TIMEOUT"
    if isinstance(original, GraphUnwritable):
        return "WRITES_UNAVAILABLE"
    if isinstance(original, GraphUnavailable):
        return "SERVICE_UNAVAILABLE"
    return "INTERNAL_SERVER_ERROR"


def _code_of_message(message: str) -> str:
    if any(marker in message for marker in _TOO_COMPLEX):
        return "QUERY_TOO_COMPLEX"
    if message.startswith("Syntax Error"):
        return "GRAPHQL_PARSE_FAILED"
    if message.startswith("Variable '$"):
        return "BAD_USER_INPUT"
    return "GRAPHQL_VALIDATION_FAILED"


_REPLACED = {"TIMEOUT": TIMED_OUT, "SERVICE_UNAVAILABLE": UNAVAILABLE,
             "WRITES_UNAVAILABLE": UNWRITABLE, "INTERNAL_SERVER_ERROR": MASKED}


def _message_for(code: str, error: GraphQLError) -> str:
    if isinstance(error.original_error, GraphBusy):
        return IMPORTING
    return _REPLACED.get(code, error.message)


def with_code(error: GraphQLError, request_id: str | None) -> GraphQLError:
    """The error as the user sees it: a code, the request id, and nothing internal."""
    code = code_of(error)
    extensions = dict(error.extensions or {})
    if code in _REPLACED:
        extensions = {}  # whatever the code put there is internal too
    if code == "INTERNAL_SERVER_ERROR":
        log.error("unexpected error in request %s at %s: %s", request_id,
                  ".".join(str(p) for p in error.path or []) or "(operation)", error,
                  exc_info=error.original_error)
    elif code in ("TIMEOUT", "SERVICE_UNAVAILABLE", "WRITES_UNAVAILABLE"):
        log.warning("request %s: %s", request_id, error)
    return GraphQLError(_message_for(code, error), nodes=error.nodes, source=error.source,
                        positions=error.positions, path=error.path, original_error=None,
                        extensions={**extensions, "code": code, "requestId": request_id})


class ErrorPolicy(SchemaExtension):
    """Codes every error of a result and masks the unexpected ones."""

    def on_operation(self) -> Iterator[None]:
        yield
        result = self.execution_context.result
        if result is not None and result.errors:
            request_id = _request_id(self.execution_context.context)
            result.errors = [with_code(error, request_id) for error in result.errors]


def _request_id(context: Any) -> str | None:
    request = getattr(context, "request", None)
    state = getattr(request, "state", None)
    return getattr(state, "request_id", None) if state is not None else None


class _Dropped(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return False


def silence_library_error_log() -> None:
    """Stop Strawberry logging every GraphQL error with a traceback (user errors included).

    `ErrorPolicy` logs the unexpected ones itself, with the request id.
    """
    logger = logging.getLogger("strawberry.execution")
    if not any(isinstance(f, _Dropped) for f in logger.filters):
        logger.addFilter(_Dropped())
