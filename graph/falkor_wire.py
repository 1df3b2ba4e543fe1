"""FalkorDB's wire format, read and written without the client's per-value coroutines.

The `falkordb` client parses every value of a compact result set through an
`async` function (several coroutines per value) and builds the parameter
header with a generic recursive encoder; for the full hierarchy (1,503
communes) that parsing cost more than the database. The registry's
statements return plain values only (scalars, lists, maps: never nodes, edges
or paths), so this module parses those synchronously, and writes parameters
the same way the client does (same quoting, so the same Cypher reaches the
server), faster.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from redis.exceptions import ResponseError

from graph.errors import GraphError

_NULL, _STRING, _INTEGER, _BOOLEAN, _DOUBLE, _ARRAY, _MAP = 1, 2, 3, 4, 5, 6, 10


def _text(value: Any) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)


def _boolean(value: Any) -> bool:
    return value in ("true", b"true")


def _array(value: Any) -> list[Any]:
    return [_PARSERS[item[0]](item[1]) for item in value]


def _map(value: Any) -> dict[str, Any]:
    keys = value[0::2]
    cells = value[1::2]
    return {(key if isinstance(key, str) else _text(key)): _PARSERS[cell[0]](cell[1])
            for key, cell in zip(keys, cells, strict=True)}


def _unsupported(value: Any) -> Any:
    raise GraphError("a statement returned a value of a kind the registry does not read "
                     "(node, edge, path, point, vector or temporal): project plain values")


_PARSERS: list[Callable[[Any], Any]] = [_unsupported] * 17
_PARSERS[_NULL] = lambda value: None
_PARSERS[_STRING] = lambda value: value if isinstance(value, str) else _text(value)
_PARSERS[_INTEGER] = int
_PARSERS[_BOOLEAN] = _boolean
_PARSERS[_DOUBLE] = float
_PARSERS[_ARRAY] = _array
_PARSERS[_MAP] = _map


def rows(response: Any) -> list[dict[str, Any]]:
    """The rows of a compact `GRAPH.QUERY` reply as plain dicts; raise the reply's error."""
    if isinstance(response[0], ResponseError):
        raise response[0]
    if isinstance(response[-1], ResponseError):
        raise response[-1]
    if len(response) < 3:
        return []  # statistics only: a write that returns nothing
    names = [_text(column[1]) for column in response[0]]
    parsers = _PARSERS
    return [dict(zip(names, [parsers[cell[0]](cell[1]) for cell in record], strict=True))
            for record in response[1]]


def _quote(value: str) -> str:
    if "\\" in value:
        value = value.replace("\\", "\\\\")
    if '"' in value:
        value = value.replace('"', '\\"')
    return f'"{value}"'


_KEYS: dict[Any, str] = {}


def _key(key: Any) -> str:
    """A map key as written before its value; checked once per distinct key (rows of
    one statement share their keys, and imports write millions of rows)."""
    written = _KEYS.get(key)
    if written is None:
        name = _text(key)
        if not name or "`" in name:
            raise ValueError(f"Cypher map key cannot be empty or hold a backtick: {name!r}")
        written = f"`{name}`:"
        if len(_KEYS) < 10_000:
            _KEYS[key] = written
    return written


def _map_literal(value: Mapping[Any, Any]) -> str:
    writers = _LITERALS
    return "{" + ",".join([
        _key(key) + (writers.get(type(item)) or literal)(item)
        for key, item in value.items()]) + "}"


def _list_literal(value: list[Any] | tuple[Any, ...]) -> str:
    return "[" + ",".join(map(literal, value)) + "]"


_LITERALS: dict[type, Callable[[Any], str]] = {
    str: _quote, type(None): lambda value: "null",
    bool: lambda value: "true" if value else "false", int: str, float: str,
    dict: _map_literal, list: _list_literal, tuple: _list_literal,
}


def literal(value: Any) -> str:
    """A parameter value as the client writes it in the `CYPHER` header."""
    write = _LITERALS.get(type(value))
    if write is not None:
        return write(value)
    if isinstance(value, Mapping):
        return _map_literal(value)
    if isinstance(value, list | tuple):
        return _list_literal(value)
    if isinstance(value, str | bytes):
        return _quote(_text(value))
    return str(value)


def params_header(params: Mapping[str, Any]) -> str:
    """The `CYPHER name=value ...` prefix carrying a statement's parameters."""
    if not params:
        return ""
    return "CYPHER " + " ".join(f"`{name}`={literal(value)}"
                                for name, value in params.items()) + " "
