"""Shared fixtures: real graph servers, real HTTP servers, on the backend the run asks for.

`REGISTRY_TEST_BACKEND` picks the graph backend of a run: `falkordb` (default: one
embedded FalkorDB server, a fresh named graph per test that writes) or `neo4j`
(real Neo4j 5 servers started by `tools/neo4j/run`). Tests that take the
`graph_host` fixture run on either; a Neo4j run selects only those. Tests about
FalkorDB alone take `embedded_server` and say so in their names. `python -m tests`
runs both.

Every test gets its tiers at collection (see `tiers`): `graph`, `node`, `browser`,
any of them, or else `unit` (no database, no Node, no browser, no process), so that
`pytest -m unit` is the quick loop. A unit test that starts a process fails, saying so.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
from collections.abc import Generator, Iterator
from pathlib import Path
from typing import Any

import pytest

from graph.client import GraphBackend
from graph.embedded import EmbeddedGraphServer
from graph.snapshot import Snapshot, snapshot
from importers.territory.load import import_territory
from settings import Settings
from tests import statement_coverage
from tests.hosts import FalkorHost, GraphHost, Neo4jHost, new_name, on_graph
from tests.live import LiveServer
from tests.neo4j_servers import start_neo4j

BACKEND = os.environ.get("REGISTRY_TEST_BACKEND", "falkordb")
if BACKEND not in ("falkordb", "neo4j"):
    raise pytest.UsageError(f"REGISTRY_TEST_BACKEND must be falkordb or neo4j, not {BACKEND}")


if BACKEND == "neo4j":
    statement_coverage.install()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """On Neo4j: say which shipped statements never ran (and fail if they must all run)."""
    if BACKEND == "neo4j" and exitstatus != pytest.ExitCode.NO_TESTS_COLLECTED:
        statement_coverage.report(session)


# What puts a test in a tier. item.fixturenames is the closure of a test's fixtures, so
# a test using `api`, `backbone_graph` or `site` uses `graph_host` through them.
GRAPH_FIXTURES = frozenset({"graph_host", "embedded_server"})
NODE_FIXTURES = frozenset({"npm_packages", "lint_errors"})  # the gateway, the Cypher linter
BROWSER_FIXTURES = frozenset({"browser", "page"})
BROWSER_PATHS = ("tests/browser/",)
NODE_PATHS = ("tests/federation/", "tests/test_supergraph.py")
# Modules whose tests start a graph server or `server.py` themselves, without a fixture.
OWN_SERVER_PATHS = (
    "tests/test_disk_full.py", "tests/test_durability.py", "tests/test_embedded_server.py",
    "tests/test_graph_copy.py", "tests/test_neo4j_settings.py", "tests/test_workers.py",
)
TIERS = ("graph", "node", "browser")


def tiers(item: pytest.Item, path: str) -> set[str]:
    """The tiers of one test (path: its file, relative to the repository, with slashes)."""
    names = set(getattr(item, "fixturenames", ()))
    found = {marker.name for marker in item.iter_markers() if marker.name in TIERS}
    if names & GRAPH_FIXTURES or path.startswith(OWN_SERVER_PATHS):
        found.add("graph")
    if names & NODE_FIXTURES or path.startswith(NODE_PATHS):
        found.add("node")
    if names & BROWSER_FIXTURES or path.startswith(BROWSER_PATHS):
        found.add("browser")
    return found


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark each test's tiers (or `unit`); a Neo4j run keeps only the tests using graph_host,
    browser tests aside."""
    kept: list[pytest.Item] = []
    dropped: list[pytest.Item] = []
    for item in items:
        found = tiers(item, Path(os.path.relpath(item.path, config.rootpath)).as_posix())
        if found and item.get_closest_marker("unit") is not None:
            raise pytest.UsageError(
                f"{item.nodeid} is marked unit but is {', '.join(sorted(found))}")
        for tier in sorted(found) or ["unit"]:
            item.add_marker(tier)
        # The pages in Chromium stay on FalkorDB: they see the graph only through the API,
        # whose every statement the API tests run on Neo4j (driving Chromium over the same
        # answers took the Neo4j run alone from 547 to 682 s).
        on_neo4j = "graph_host" in getattr(item, "fixturenames", ()) and "browser" not in found
        (kept if on_neo4j else dropped).append(item)
    if BACKEND == "neo4j":
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept


def _refuse_process(self: subprocess.Popen[Any], args: Any, *rest: Any, **options: Any) -> None:
    raise AssertionError(
        f"a unit test started a process ({args!r}): take a fixture that says what it needs "
        "(graph_host, embedded_server, ...) or mark the test graph, node or browser")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item: pytest.Item) -> Generator[None, None, None]:
    """A unit test (setup, call and teardown) may start no process: no server, no Node."""
    if item.get_closest_marker("unit") is None:
        yield
        return
    original = subprocess.Popen.__init__
    subprocess.Popen.__init__ = _refuse_process  # type: ignore[method-assign]
    try:
        yield
    finally:
        subprocess.Popen.__init__ = original  # type: ignore[method-assign]


def pytest_report_header(config: pytest.Config) -> str:
    """Say which backend the run's graph tests use."""
    return f"graph backend: {BACKEND} (REGISTRY_TEST_BACKEND)"


@pytest.fixture(scope="session")
def embedded_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmbeddedGraphServer]:
    """The embedded FalkorDB server of the session (FalkorDB-only tests use it directly)."""
    server = EmbeddedGraphServer(tmp_path_factory.mktemp("graph"))
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def graph_host(tmp_path_factory: pytest.TempPathFactory) -> Iterator[GraphHost]:
    """Where this run's graphs live: the embedded FalkorDB, or a pool of Neo4j servers."""
    data_dir = tmp_path_factory.mktemp("registry")
    if BACKEND == "neo4j":
        with start_neo4j(instances=5) as uris:
            yield Neo4jHost(uris, data_dir)
        return
    server = EmbeddedGraphServer(tmp_path_factory.mktemp("graph"))
    server.start()
    yield FalkorHost(server)
    server.stop()


def backend_for(host: GraphHost, graph: str) -> GraphBackend:
    """A backend on one graph (create it inside the test's loop)."""
    return host.backend(graph)


def run(coroutine: Any) -> Any:
    """Run a coroutine to completion in a new event loop."""
    return asyncio.run(coroutine)


def graph_snapshot(host: GraphHost, graph: str) -> Snapshot:
    """Everything in one graph, to compare before and after."""
    return on_graph(host, graph, snapshot)


def write(host: GraphHost, graph: str, statement: Any, params: dict[str, Any] | None = None,
          ) -> list[dict[str, Any]]:
    """Run one write statement on a graph, outside any app."""
    return on_graph(host, graph, lambda backend: backend.write(statement, params))


def read(host: GraphHost, graph: str, statement: Any,
         params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """Run one read statement on a graph."""
    return on_graph(host, graph, lambda backend: backend.read(statement, params))


def issue_token(host: GraphHost, graph: str, owner: str, role: str = "editor",
                organisation: str | None = None) -> str:
    """A new API token on a graph; returns its secret."""
    from auth import tokens
    return on_graph(host, graph, lambda backend: tokens.issue(backend, owner, role, organisation))


def new_graph_name(prefix: str = "t") -> str:
    """A graph name no other test uses (FalkorDB: the graph exists at its first write)."""
    return new_name(prefix)


def copy_graph(host: GraphHost, source: str, pin: bool = False) -> str:
    """A fresh copy of a graph or template, under a new name."""
    return host.copy(source, pin)


def settings_for(host: GraphHost, graph: str, **overrides: Any) -> Settings:
    """Settings pointing the app at one graph."""
    return host.settings(graph, **overrides)


def cli_env(host: GraphHost, graph: str) -> dict[str, str]:
    """The environment of a command-line tool (a subprocess) working on one graph."""
    env = {**os.environ, **host.env(graph), "REGISTRY_DATA_DIR": str(host.data_dir)}
    for name in ("NEO4J_URI", "FALKORDB_URL", "REGISTRY_FALKORDB_URL"):
        if name not in host.env(graph):
            env.pop(name, None)
    return env


def run_cli(host: GraphHost, graph: str, *args: str) -> subprocess.Popen[str]:
    """Start `python -m ARGS` on one graph, from the repository's root."""
    import sys
    root = Path(__file__).resolve().parents[1]
    return subprocess.Popen([sys.executable, "-m", *args], cwd=root, env=cli_env(host, graph),
                            text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


TEMPLATE = "template_backbone"


@pytest.fixture(scope="session")
def backbone_template(graph_host: GraphHost) -> str:
    """A template holding the imported backbone; copy it, never write to it."""
    graph = graph_host.new_graph(TEMPLATE)

    async def build() -> None:
        backend = graph_host.backend(graph)
        try:
            await backend.ensure_schema()
            await import_territory(backend, quiet=True)
        finally:
            await backend.close()
    run(build())
    return graph_host.freeze(graph)


@pytest.fixture
def backbone_graph(graph_host: GraphHost, backbone_template: str) -> str:
    """A graph of this test's own holding the backbone."""
    return copy_graph(graph_host, backbone_template)


@pytest.fixture(scope="module")
def api(graph_host: GraphHost, backbone_template: str) -> Iterator[LiveServer]:
    """A real uvicorn server over HTTP on a backbone graph, shared by a module's read tests."""
    with served(graph_host, backbone_template) as live:
        yield live


@pytest.fixture(scope="session")
def network_template(graph_host: GraphHost, backbone_template: str) -> str:
    """A template holding the backbone and the curated network files; copy it, never write."""
    from importers.network.load import curated_files, import_network
    graph = graph_host.copy(backbone_template)

    async def build() -> None:
        backend = graph_host.backend(graph)
        try:
            for path in curated_files():
                await import_network(backend, path, quiet=True)
        finally:
            await backend.close()
    run(build())
    return graph_host.freeze(graph)


@pytest.fixture
def network_graph(graph_host: GraphHost, network_template: str) -> str:
    """A graph of this test's own holding the backbone and the curated network."""
    return copy_graph(graph_host, network_template)


@pytest.fixture(scope="module")
def network_api(graph_host: GraphHost, network_template: str) -> Iterator[LiveServer]:
    """A real server over HTTP on the backbone plus the curated network (read-only tests)."""
    with served(graph_host, network_template) as live:
        yield live


@pytest.fixture(scope="module")
def writable_network(graph_host: GraphHost, network_template: str) -> Iterator[served]:
    """A live server on a pinned copy of the network graph, for a module that writes."""
    server = served(graph_host, network_template)
    with server:
        yield server


@pytest.fixture(scope="module")
def writable_graph(writable_network: served) -> str:
    """The name of the module's writable copy of the network graph."""
    return writable_network.graph


@pytest.fixture(scope="module")
def writable(writable_network: served) -> LiveServer:
    """The app over the module's writable copy of the network graph."""
    return writable_network.live


class served:
    """A live server on a pinned copy of a template, released when it stops."""

    def __init__(self, host: GraphHost, template: str, **overrides: Any) -> None:
        self.host = host
        self.graph = host.copy(template, pin=True)
        self.live = LiveServer(host.settings(self.graph, **overrides))

    def __enter__(self) -> LiveServer:
        return self.live.__enter__()

    def __exit__(self, *exc: Any) -> None:
        try:
            self.live.__exit__(*exc)
        finally:
            self.host.release(self.graph)
