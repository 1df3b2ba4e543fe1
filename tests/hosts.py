"""Where the tests' graphs live: named graphs on one FalkorDB server, or a pool of Neo4j servers.

Both hosts give a test the same things: a backend or app settings for a graph, a
fresh copy of a template graph, a new empty graph, and the environment a
command-line tool needs to reach a graph. FalkorDB holds any number of named
graphs and copies them with GRAPH.COPY. A Neo4j Community server holds one
database, so the Neo4j host keeps a few servers (in one JVM, `tools/neo4j/run
--instances N`) and hands them out in turn; templates are kept as rows and
written into a server when a test asks for a copy. A graph that a module or the
session keeps for its duration is pinned, so no test's copy takes its server.
"""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, Protocol, TypeVar

from graph.client import GraphBackend
from graph.embedded import EmbeddedGraphServer
from graph.falkor_backend import FalkorBackend
from graph.graph_copy import GraphRows, read_all, replace_all
from graph.neo4j_backend import Neo4jBackend
from settings import Settings

_names = itertools.count()
# Tests read whole graphs (snapshots) on a machine that may be busy: a generous bound.
READ_TIMEOUT_MS = 60_000
T = TypeVar("T")


class GraphHost(Protocol):
    """What the tests need of the place their graphs live."""

    name: str
    data_dir: Path

    def backend(self, graph: str, timeout_ms: int = READ_TIMEOUT_MS) -> GraphBackend:
        """A backend on one graph (create it inside the test's event loop)."""
        ...

    def settings(self, graph: str, **overrides: Any) -> Settings:
        """App settings pointing at one graph."""
        ...

    def env(self, graph: str) -> dict[str, str]:
        """Environment variables that point a command-line tool at one graph."""
        ...

    def new_graph(self, prefix: str = "t") -> str:
        """An empty graph of the caller's own."""
        ...

    def copy(self, source: str, pin: bool = False) -> str:
        """A fresh copy of a graph or template, under a new name."""
        ...

    def freeze(self, graph: str) -> str:
        """Keep a graph as a template to copy from (never written again)."""
        ...

    def release(self, graph: str) -> None:
        """Unpin a graph: its place may be given to another."""
        ...


def on_graph(host: GraphHost, graph: str, work: Callable[[GraphBackend], Awaitable[T]]) -> T:
    """Do `work` with a backend on one graph, in an event loop of its own."""
    async def go() -> T:
        backend = host.backend(graph)
        try:
            return await work(backend)
        finally:
            await backend.close()
    return asyncio.run(go())


def _settings(data_dir: Path, **values: Any) -> Settings:
    base = {"autoload": False, "trace_round_trips": True, "data_dir": data_dir}
    return Settings(**{**base, **values})


def new_name(prefix: str) -> str:
    """A graph name no other test uses."""
    return f"{prefix}{next(_names)}"


class FalkorHost:
    """Named graphs on the one embedded FalkorDB server of the session."""

    name = "falkordb"

    def __init__(self, server: EmbeddedGraphServer) -> None:
        self.server = server
        self.url = server.url
        self.data_dir = Path(server.data_dir)

    def backend(self, graph: str, timeout_ms: int = READ_TIMEOUT_MS) -> FalkorBackend:
        """A backend on one graph of the server."""
        return FalkorBackend.connect(self.url, graph, timeout_ms)

    def settings(self, graph: str, **overrides: Any) -> Settings:
        """Settings with `falkordb_url` and `graph`."""
        return _settings(self.data_dir, falkordb_url=self.url, graph=graph, **overrides)

    def env(self, graph: str) -> dict[str, str]:
        """`REGISTRY_FALKORDB_URL` and `REGISTRY_GRAPH`."""
        return {"REGISTRY_FALKORDB_URL": self.url, "REGISTRY_GRAPH": graph}

    def new_graph(self, prefix: str = "t") -> str:
        """A name no graph has yet: FalkorDB creates the graph at its first write."""
        return new_name(prefix)

    def copy(self, source: str, pin: bool = False) -> str:
        """GRAPH.COPY under a new name."""
        name = new_name("copy")

        async def copy() -> None:
            backend = self.backend(source)
            try:
                await backend.copy_graph(source, name)
            finally:
                await backend.close()
        asyncio.run(copy())
        return name

    def freeze(self, graph: str) -> str:
        """The graph itself is the template."""
        return graph

    def release(self, graph: str) -> None:
        """Graphs stay until the server stops."""


class Neo4jHost:
    """A pool of Neo4j servers, one graph each, handed out in turn."""

    name = "neo4j"

    def __init__(self, uris: list[str], data_dir: Path) -> None:
        self.uris = uris
        self.data_dir = data_dir
        self._holder: dict[int, str] = {}       # server index -> graph name
        self._pinned: set[int] = set()
        self._templates: dict[str, GraphRows] = {}
        self._turn = itertools.cycle(range(len(uris)))

    def uri(self, graph: str) -> str:
        """The Bolt URI of the server holding `graph`."""
        for index, holder in self._holder.items():
            if holder == graph:
                return self.uris[index]
        if graph in self._templates:
            raise LookupError(f"{graph} is a template: copy it, never use it directly")
        raise LookupError(f"graph {graph} is not held by any Neo4j server (its server was "
                          f"given to a later graph: pin graphs kept across tests)")

    def backend(self, graph: str, timeout_ms: int = READ_TIMEOUT_MS) -> Neo4jBackend:
        """A backend on the server holding the graph."""
        return Neo4jBackend(self.uri(graph), None, "neo4j", timeout_ms)

    def settings(self, graph: str, **overrides: Any) -> Settings:
        """Settings with `neo4j_uri` (no authentication on the test servers)."""
        return _settings(self.data_dir, neo4j_uri=self.uri(graph), graph=graph, **overrides)

    def env(self, graph: str) -> dict[str, str]:
        """`NEO4J_URI`."""
        return {"NEO4J_URI": self.uri(graph), "REGISTRY_GRAPH": graph}

    def new_graph(self, prefix: str = "t") -> str:
        """The next unpinned server, emptied."""
        return self._take(new_name(prefix), GraphRows(), pin=False)

    def copy(self, source: str, pin: bool = False) -> str:
        """The next unpinned server, holding the rows of `source`."""
        rows = self._templates.get(source)
        if rows is None:
            rows = self._run(source, read_all)
        name = self._take(new_name("copy"), rows, pin)
        # A copy keeps its source's indexes and constraints, as GRAPH.COPY does on FalkorDB;
        # a Neo4j server keeps whatever schema an earlier test's graph left on it.
        self._run(name, lambda db: db.ensure_schema())
        return name

    def freeze(self, graph: str) -> str:
        """Keep the graph's rows as a template and free its server."""
        self._templates[graph] = self._run(graph, read_all)
        self._drop(graph)
        return graph

    def release(self, graph: str) -> None:
        """Unpin the server holding the graph."""
        for index, holder in self._holder.items():
            if holder == graph:
                self._pinned.discard(index)

    def _take(self, name: str, rows: GraphRows, pin: bool) -> str:
        free = [i for i in range(len(self.uris)) if i not in self._pinned]
        if not free:
            raise RuntimeError(f"all {len(self.uris)} Neo4j test servers are pinned")
        index = next(i for i in self._turn if i not in self._pinned)
        self._holder[index] = name
        if pin:
            self._pinned.add(index)
        self._run(name, lambda db: replace_all(db, rows))
        return name

    def _drop(self, graph: str) -> None:
        for index, holder in list(self._holder.items()):
            if holder == graph:
                del self._holder[index]
                self._pinned.discard(index)

    def _run(self, graph: str, work: Callable[[GraphBackend], Awaitable[T]]) -> T:
        return on_graph(self, graph, work)
