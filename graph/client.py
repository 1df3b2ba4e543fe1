"""The narrow seam between the registry and a graph backend.

Every statement returns plain Python values (maps, lists, scalars): statements
project what they need (`n{.id, .code}`) and never return driver node objects,
so the layers above cannot tell the backends apart.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from contextlib import AbstractAsyncContextManager
from typing import Any, LiteralString, Protocol

Params = Mapping[str, Any]
Row = dict[str, Any]


class GraphClient(Protocol):
    """Runs parameterised Cypher statements and returns their rows."""

    @property
    def write_concurrency(self) -> int:
        """How many independent writes a caller may keep in flight at once (1 or more)."""
        ...

    @property
    def dialect(self) -> str:
        """Which backend's statements of graph.dialect to send: "falkordb" or "neo4j"."""
        ...

    async def read(self, query: LiteralString, params: Params | None = None) -> list[Row]:
        """Run a read-only statement."""
        ...

    async def write(self, query: LiteralString, params: Params | None = None) -> list[Row]:
        """Run a statement that writes; one statement is one atomic change."""
        ...


class GraphBackend(GraphClient, Protocol):
    """A graph backend: a client plus schema set-up, atomic units and shutdown."""

    name: str
    # The server's product and version once `ensure_schema` has reached it.
    server_version: str | None

    def atomic(self) -> AbstractAsyncContextManager[GraphClient]:
        """A unit of several statements that is kept whole or not at all."""
        ...

    async def ensure_schema(self) -> list[str]:
        """Check the server, create missing constraints and indexes; return what was created."""
        ...

    async def problems(self) -> list[str]:
        """What keeps the backend from working fully (reported by /health); none: []."""
        ...

    async def compact(self) -> None:
        """Rewrite the server's storage so it restarts quickly, and wait for it to end
        (FalkorDB: its append-only file; nothing to do on Neo4j)."""
        ...

    async def close(self) -> None:
        """Release connections (and stop what the backend started)."""
        ...


class CountingClient:
    """Wraps a client and counts its database round trips (one per statement)."""

    def __init__(self, inner: GraphClient) -> None:
        self.inner = inner
        self.round_trips = 0

    @property
    def write_concurrency(self) -> int:
        """The wrapped client's."""
        return self.inner.write_concurrency

    @property
    def dialect(self) -> str:
        """The wrapped client's."""
        return self.inner.dialect

    async def read(self, query: LiteralString, params: Params | None = None) -> list[Row]:
        """Run a read-only statement and count it."""
        self.round_trips += 1
        return await self.inner.read(query, params)

    async def write(self, query: LiteralString, params: Params | None = None) -> list[Row]:
        """Run a write statement and count it."""
        self.round_trips += 1
        return await self.inner.write(query, params)


def column(rows: Sequence[Row], name: str) -> list[Any]:
    """The values of one column, in row order."""
    return [row[name] for row in rows]
