"""The graph a benchmark run measures: an embedded FalkorDB in a fresh directory, or a Neo4j.

A `GraphTarget` says which backend, where its data lives and how the registry
server, the load driver's floor client and the benchmark's own helper reads reach
it. Data goes in through the project's own importers on either backend
(`graph.backends.open_backend` picks the backend from the settings).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, LiteralString

from bench import floors
from graph.backends import open_backend
from graph.client import GraphClient, Row
from graph.falkor_backend import FalkorClient
from graph.neo4j_backend import Neo4jBackend
from importers.network.load import curated_files, import_network
from importers.territory.load import import_territory
from settings import Settings

GRAPH = "registry"
LABELS = {"falkordb": "FalkorDB", "neo4j": "Neo4j"}
# Connection settings the benchmark sets itself: none may leak in from the caller's shell.
CONNECTION_VARIABLES = ("NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD", "NEO4J_DATABASE",
                        "FALKORDB_URL", "REGISTRY_FALKORDB_URL")


@dataclass
class GraphTarget:
    """One backend holding the benchmark's data."""

    kind: str  # "falkordb" or "neo4j"
    data_dir: Path  # the embedded graph's files, or the registry's (unused) data directory
    neo4j_uri: str | None = None

    @property
    def label(self) -> str:
        """The backend's name for people."""
        return LABELS[self.kind]

    def settings(self) -> Settings:
        """The registry's settings for this graph (nothing read from the caller's NEO4J_*)."""
        return Settings(data_dir=self.data_dir, graph=GRAPH, autoload=False,
                        neo4j_uri=self.neo4j_uri, falkordb_url=None, neo4j_password=None,
                        neo4j_user="neo4j", neo4j_database="neo4j", query_timeout_ms=60_000)

    def server_env(self) -> dict[str, str]:
        """The environment of a registry server on this graph."""
        env = {key: value for key, value in os.environ.items()
               if key not in CONNECTION_VARIABLES}
        env.update({"REGISTRY_DATA_DIR": str(self.data_dir), "REGISTRY_GRAPH": GRAPH,
                    "REGISTRY_AUTOLOAD": "false"})
        if self.neo4j_uri:
            env["NEO4J_URI"] = self.neo4j_uri
        return env

    def client_config(self) -> dict[str, Any]:
        """How the load driver reaches the graph for the floor statements."""
        if self.neo4j_uri:
            return {"kind": "neo4j", "uri": self.neo4j_uri}
        return {"kind": "falkordb", "url": f"unix://{self.data_dir / 'graph.sock'}",
                "graph": GRAPH}


class FloorClient:
    """The backend client the floors run through (see `bench.floors`), from a config."""

    def __init__(self, config: dict[str, Any]) -> None:
        self._close: Callable[[], Any]
        if config["kind"] == "neo4j":
            backend = Neo4jBackend(config["uri"], None, "neo4j", 60_000)
            self.client: GraphClient = backend
            self._close = backend.close
        else:
            from falkordb.asyncio import FalkorDB
            db = FalkorDB.from_url(config["url"], socket_timeout=None)
            self.client = FalkorClient(db, config["graph"], 60_000)
            self._close = db.aclose

    async def read(self, query: LiteralString, params: dict[str, Any] | None = None
                   ) -> list[Row]:
        """Run a read statement."""
        return await self.client.read(query, params)

    async def close(self) -> None:
        """Close the connection."""
        await self._close()


async def read(target: GraphTarget, query: LiteralString,
               params: dict[str, Any] | None = None) -> list[Row]:
    """One statement on the target's graph, through its backend client."""
    client = FloorClient(target.client_config())
    try:
        return await client.read(query, params)
    finally:
        await client.close()


def _step(name: str, entities: int, links: int, seconds: float) -> dict[str, Any]:
    return {"step": name, "entities": entities, "links": links, "seconds": round(seconds, 3),
            "entities_per_s": round(entities / seconds) if seconds else None,
            "links_per_s": round(links / seconds) if seconds else None}


async def import_data(target: GraphTarget, extra: list[Path], log: Callable[[str], None]
                      ) -> tuple[list[dict[str, Any]], dict[str, int], str | None]:
    """The backbone, the curated network and `extra` files, through the project's importers;
    returns the timed steps, the graph's size and the server's product and version."""
    backend = open_backend(target.settings())
    steps = []
    try:
        await backend.ensure_schema()
        server = backend.server_version
        began = time.perf_counter()
        territory = await import_territory(backend, quiet=True)
        units = sum(level.total for level in territory.levels.values())
        steps.append(_step("territory (HCP + Statbel)", units, territory.links,
                           time.perf_counter() - began))
        for path in [*curated_files(), *extra]:
            log(f"{target.label}: importing {path.name}")
            began = time.perf_counter()
            summary = await import_network(backend, path)
            steps.append(_step(f"network {path.name}", sum(summary.entities.values()),
                               sum(summary.links.values()), time.perf_counter() - began))
        size = (await backend.read(floors.GRAPH_SIZE))[0]
        log(f"{target.label}: compacting the graph's storage so the server restarts quickly")
        await backend.compact()
    finally:
        await backend.close()
    return steps, {"nodes": int(size["nodes"]), "edges": int(size["edges"])}, server

