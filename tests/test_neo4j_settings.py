"""A misconfigured Neo4j connection stops the server at start with one line naming the setting."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from graph.neo4j_backend import Neo4jBackend
from tests.conftest import BACKEND, run
from tests.hosts import GraphHost
from tests.neo4j_servers import LAUNCHER

ROOT = Path(__file__).resolve().parents[1]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _start(tmp_path: Path, **env: str) -> tuple[int, str]:
    """Start `server.py` with the given Neo4j settings; its exit status and stderr."""
    environment = {**os.environ, "REGISTRY_DATA_DIR": str(tmp_path / "data"),
                   "REGISTRY_PORT": str(_free_port()), **env}
    for name in ("FALKORDB_URL", "REGISTRY_FALKORDB_URL", "NEO4J_PASSWORD"):
        if name not in env:
            environment.pop(name, None)
    done = subprocess.run([sys.executable, "server.py", "--log-level", "warning"], cwd=ROOT,
                          check=False,
                          env=environment, capture_output=True, text=True, timeout=120)
    return done.returncode, done.stderr


def _one_line(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if "registry cannot start" in line]
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr
    return lines[0]


async def _version(uri: str, password: str) -> str:
    backend = Neo4jBackend(uri, ("neo4j", password), "neo4j", 10_000)
    try:
        return await backend.verify()
    finally:
        await backend.close()


def test_no_server_at_neo4j_uri(tmp_path: Path) -> None:
    uri = f"bolt://127.0.0.1:{_free_port()}"
    status, stderr = _start(tmp_path, NEO4J_URI=uri)
    assert status == 3
    line = _one_line(stderr)
    assert "NEO4J_URI" in line and uri in line


def test_neo4j_uri_that_is_not_a_neo4j_address(tmp_path: Path) -> None:
    status, stderr = _start(tmp_path, NEO4J_URI="http://127.0.0.1:7474")
    assert status == 3
    assert "NEO4J_URI 'http://127.0.0.1:7474' is not a Neo4j address" in _one_line(stderr)


def test_neo4j_wrong_password(graph_host: GraphHost, tmp_path: Path) -> None:
    if BACKEND != "neo4j":
        pytest.skip("Neo4j only: needs a Neo4j server with a password (the Neo4j run has one)")
    server = subprocess.Popen([str(LAUNCHER), "--password", "right-one", "--page-cache", "16m"],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert server.stdout is not None
        uri = server.stdout.readline().strip()
        assert uri.startswith("bolt://"), "the password-protected Neo4j did not start"
        status, stderr = _start(tmp_path, NEO4J_URI=uri, NEO4J_PASSWORD="wrong-one")
        assert status == 3
        assert "NEO4J_USER, NEO4J_PASSWORD" in _one_line(stderr)
        assert run(_version(uri, "right-one")).startswith("Neo4j community 5.")
    finally:
        assert server.stdin is not None
        server.stdin.close()
        server.wait(60)
