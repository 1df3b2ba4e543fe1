"""Shared fixtures: one real embedded graph server per session, real HTTP servers.

Each test that writes gets a fresh graph name on the shared server; tests that
only read share a copy of a graph holding the territorial backbone, imported
once per session.
"""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from graph.embedded import EmbeddedGraphServer
from graph.falkor_backend import FalkorBackend
from graph.snapshot import Snapshot, snapshot
from importers.territory.load import import_territory
from settings import Settings
from tests.live import LiveServer

TEMPLATE = "template_backbone"
_names = itertools.count()


@pytest.fixture(scope="session")
def graph_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmbeddedGraphServer]:
    """The embedded FalkorDB server all tests share."""
    server = EmbeddedGraphServer(tmp_path_factory.mktemp("graph"))
    server.start()
    yield server
    server.stop()


def backend_for(server: EmbeddedGraphServer, graph: str) -> FalkorBackend:
    """A backend on the shared server for one graph (create it inside the test's loop)."""
    return FalkorBackend.connect(server.url, graph, timeout_ms=10_000)


def run(coroutine: Any) -> Any:
    """Run a coroutine to completion in a new event loop."""
    return asyncio.run(coroutine)


def graph_snapshot(server: EmbeddedGraphServer, graph: str) -> Snapshot:
    """Everything in one graph of the shared server, to compare before and after."""
    async def read() -> Snapshot:
        backend = backend_for(server, graph)
        try:
            return await snapshot(backend)
        finally:
            await backend.close()
    shot: Snapshot = run(read())
    return shot


def issue_token(server: EmbeddedGraphServer, graph: str, owner: str, role: str = "editor",
                organisation: str | None = None) -> str:
    """A new API token on a graph of the shared server; returns its secret."""
    from auth import tokens

    async def go() -> str:
        backend = backend_for(server, graph)
        try:
            return await tokens.issue(backend, owner, role, organisation)
        finally:
            await backend.close()
    token: str = run(go())
    return token


def new_graph_name(prefix: str = "t") -> str:
    """A graph name no other test uses."""
    return f"{prefix}{next(_names)}"


@pytest.fixture(scope="session")
def backbone_template(graph_server: EmbeddedGraphServer) -> str:
    """The name of a graph holding the imported backbone; copy it, never write to it."""
    async def build() -> None:
        backend = backend_for(graph_server, TEMPLATE)
        try:
            await backend.ensure_schema()
            await import_territory(backend, quiet=True)
        finally:
            await backend.close()
    run(build())
    return TEMPLATE


def copy_graph(server: EmbeddedGraphServer, source: str) -> str:
    """A fresh copy of a graph, under a new name."""
    name = new_graph_name("copy")

    async def copy() -> None:
        backend = backend_for(server, source)
        try:
            await backend.copy_graph(source, name)
        finally:
            await backend.close()
    run(copy())
    return name


@pytest.fixture
def backbone_graph(graph_server: EmbeddedGraphServer, backbone_template: str) -> str:
    """A graph of this test's own holding the backbone."""
    return copy_graph(graph_server, backbone_template)


def settings_for(server: EmbeddedGraphServer, graph: str, **overrides: Any) -> Settings:
    """Settings pointing the app at one graph of the shared server."""
    values: dict[str, Any] = {"falkordb_url": server.url, "graph": graph, "autoload": False,
                              "trace_round_trips": True, "data_dir": Path(server.data_dir)}
    return Settings(**{**values, **overrides})


@pytest.fixture(scope="module")
def api(graph_server: EmbeddedGraphServer, backbone_template: str) -> Iterator[LiveServer]:
    """A real uvicorn server over HTTP on a backbone graph, shared by a module's read tests."""
    graph = copy_graph(graph_server, backbone_template)
    with LiveServer(settings_for(graph_server, graph)) as live:
        yield live


NETWORK_TEMPLATE = "template_network"


@pytest.fixture(scope="session")
def network_template(graph_server: EmbeddedGraphServer, backbone_template: str) -> str:
    """A graph holding the backbone and the curated network files; copy it, never write."""
    from importers.network.load import curated_files, import_network

    async def build() -> None:
        backend = backend_for(graph_server, NETWORK_TEMPLATE)
        try:
            await backend.copy_graph(backbone_template, NETWORK_TEMPLATE)
            for path in curated_files():
                await import_network(backend, path, quiet=True)
        finally:
            await backend.close()
    run(build())
    return NETWORK_TEMPLATE


@pytest.fixture
def network_graph(graph_server: EmbeddedGraphServer, network_template: str) -> str:
    """A graph of this test's own holding the backbone and the curated network."""
    return copy_graph(graph_server, network_template)


@pytest.fixture(scope="module")
def network_api(graph_server: EmbeddedGraphServer,
                network_template: str) -> Iterator[LiveServer]:
    """A real server over HTTP on the backbone plus the curated network (read-only tests)."""
    graph = copy_graph(graph_server, network_template)
    with LiveServer(settings_for(graph_server, graph)) as live:
        yield live
