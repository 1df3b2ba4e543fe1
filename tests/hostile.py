"""Hostile inputs, and operations that put one in every string argument of the root fields.

The operations are derived from the schema the live server introspects, so a new
root field or a new string argument is attacked without editing the test.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import httpx
from graphql import (
    GraphQLEnumType,
    GraphQLField,
    GraphQLInputObjectType,
    GraphQLInputType,
    GraphQLList,
    GraphQLNamedType,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLScalarType,
    GraphQLSchema,
    build_client_schema,
    get_introspection_query,
    get_named_type,
    is_required_argument,
    is_required_input_field,
)

PAYLOADS = (
    "'", '"', "\\", "' OR 1=1 //", '" OR "1"="1', "x') RETURN 1 //",
    'x"}) MATCH (n) DETACH DELETE n //', "MATCH (n) DETACH DELETE n",
    "CALL db.labels() YIELD label RETURN label", "}", "{", "`", "`) DETACH DELETE n //",
    "$id", "\\u0000", "بركان", "جماعة' OR 1=1 //", "😀🇲🇦", "\u202e\u0627\u0644", "a\u0000b",
    "x" * 5000,
)
# Codes a hostile input may get: refusals, never an internal error.
REFUSALS = frozenset({
    "BAD_USER_INPUT", "GRAPHQL_VALIDATION_FAILED", "GRAPHQL_PARSE_FAILED", "QUERY_TOO_COMPLEX",
    "PAYLOAD_TOO_LARGE", "BAD_REQUEST", "NOT_FOUND", "UNAUTHENTICATED", "FORBIDDEN",
})
# Text that would show internals: tracebacks, Cypher, the database's own messages.
LEAKS = ("Traceback", 'File "', "UNWIND ", "MATCH (", "RETURN ", "DETACH DELETE", "errMsg",
         "errCtx", "redis", "falkordb", "FalkorDB", "neo4j", "Neo4j", "GraphError",
         "Unexpected error")
_FILLERS = {"String": '"x"', "ID": '"x"', "Int": "1", "Float": "1.0", "Boolean": "false"}


class Unfillable(Exception):
    """A required argument of a type the generator cannot write (a custom scalar)."""


@dataclass(frozen=True)
class Slot:
    """One string argument (or string field of an input argument) of one root field."""

    path: str
    document: str
    list_variable: bool

    def variables(self, payload: str) -> dict[str, Any]:
        """The variables putting the payload in this slot."""
        return {"v": [payload] if self.list_variable else payload}


def client_schema(http: httpx.Client) -> GraphQLSchema:
    """The schema the live server reports by introspection."""
    response = http.post("/graphql", json={"query": get_introspection_query()})
    return build_client_schema(response.json()["data"])


def is_string(named: GraphQLNamedType) -> bool:
    """String and ID: where text from the user arrives."""
    return isinstance(named, GraphQLScalarType) and named.name in ("String", "ID")


def string_paths(type_: GraphQLInputType, depth: int = 0) -> Iterator[tuple[str, ...]]:
    """Paths to every string inside an argument's type (the argument itself: ())."""
    named = get_named_type(type_)
    if is_string(named):
        yield ()
    elif isinstance(named, GraphQLInputObjectType) and depth < 3:
        for name, field in named.fields.items():
            for rest in string_paths(field.type, depth + 1):
                yield (name, *rest)


def literal(type_: GraphQLInputType, path: tuple[str, ...] | None) -> str:
    """A literal of `type_`; `$v` at `path` (None: no slot in this value)."""
    if isinstance(type_, GraphQLNonNull):
        return literal(type_.of_type, path)
    if path == ():
        return "$v"
    if isinstance(type_, GraphQLList):
        return f"[{literal(type_.of_type, path)}]"
    if isinstance(type_, GraphQLInputObjectType):
        parts = [f"{name}: {literal(field.type, path[1:] if path and path[0] == name else None)}"
                 for name, field in type_.fields.items()
                 if (path and path[0] == name) or is_required_input_field(field)]
        return "{" + ", ".join(parts) + "}"
    if isinstance(type_, GraphQLEnumType):
        return str(next(iter(type_.values)))
    if type_.name in _FILLERS:
        return _FILLERS[type_.name]
    raise Unfillable(str(type_))


def _slot_type(type_: GraphQLInputType, path: tuple[str, ...]) -> GraphQLInputType:
    """The type of the value at `path` (lists of input objects are looked through)."""
    inner = type_.of_type if isinstance(type_, GraphQLNonNull) else type_
    if not path:
        return type_
    while isinstance(inner, GraphQLList | GraphQLNonNull):
        inner = inner.of_type
    assert isinstance(inner, GraphQLInputObjectType)
    return _slot_type(inner.fields[path[0]].type, path[1:])


def _selection(field: GraphQLField) -> str:
    named = get_named_type(field.type)
    return "" if isinstance(named, GraphQLScalarType | GraphQLEnumType) else " { __typename }"


def field_slots(kind: str, name: str, field: GraphQLField) -> Iterator[Slot]:
    """A slot for every string position of one root field's arguments."""
    for arg_name, arg in field.args.items():
        for path in string_paths(arg.type):
            slot_type = _slot_type(arg.type, path)
            try:
                args = [f"{other}: {literal(a.type, path if other == arg_name else None)}"
                        for other, a in field.args.items()
                        if other == arg_name or is_required_argument(a)]
            except Unfillable:
                continue
            document = (f"{kind} Hostile($v: {slot_type}) {{ {name}({', '.join(args)})"
                        f"{_selection(field)} }}")
            yield Slot(".".join((name, arg_name, *path)), document,
                       isinstance(get_nullable(slot_type), GraphQLList))


def get_nullable(type_: GraphQLInputType) -> GraphQLInputType:
    """The type without its non-null wrapper."""
    return type_.of_type if isinstance(type_, GraphQLNonNull) else type_


def all_slots(schema: GraphQLSchema) -> list[Slot]:
    """Every string slot of every root field, queries and mutations."""
    roots: list[tuple[str, GraphQLObjectType | None]] = [
        ("query", schema.query_type), ("mutation", schema.mutation_type)]
    return [slot for kind, root in roots if root is not None
            for name, field in root.fields.items() if not name.startswith("_")
            for slot in field_slots(kind, name, field)]


def strings_in(value: Any) -> Iterator[str]:
    """Every string (keys included) inside a decoded JSON value."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from strings_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings_in(item)


def leaks(body: Any, payload: str) -> list[str]:
    """Internal text in a response; the payload's own words, echoed back, do not count."""
    watched = [leak for leak in LEAKS if leak not in payload]
    return [leak for text in strings_in(body) for leak in watched if leak in text]


def outcome(response: httpx.Response, payload: str = "",
            allowed: frozenset[str] = REFUSALS) -> str:
    """'ok' or the refusal code; raise AssertionError if the answer is not a clean one."""
    assert response.status_code < 500, (response.status_code, response.text[:500])
    body = response.json()
    assert not leaks(body, payload), (leaks(body, payload), response.text[:500])
    errors = body.get("errors") or []
    request_id = response.headers.get("x-request-id")
    for error in errors:
        extensions = error.get("extensions") or {}
        assert extensions.get("code") in allowed, (error, response.text[:500])
        assert extensions.get("requestId") == request_id, (error, request_id)
    return ",".join(sorted({e["extensions"]["code"] for e in errors})) or "ok"
