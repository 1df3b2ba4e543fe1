"""Nothing lost: concurrent writers lose no update; acknowledged writes survive SIGKILL."""

from __future__ import annotations

import json
import os
import signal
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from auth import tokens
from graph.backends import open_backend
from settings import Settings
from tests.conftest import issue_token, run
from tests.hosts import GraphHost
from tests.live import LiveServer
from tests.test_contributions import CREATE_ORG, CREATE_SOURCE, UPDATE_ORG

WRITERS, ATTEMPTS = 6, 8
READ_VERSION = 'query($id: ID!) { organisation(id: $id) { version } }'


def _writer(live: LiveServer, token: str) -> tuple[int, int]:
    """Read, then update with the version read; count accepted and conflicting attempts."""
    accepted = conflicts = 0
    for _ in range(ATTEMPTS):
        version = live.data(READ_VERSION, {"id": "org:race"})["organisation"]["version"]
        result = live.data(UPDATE_ORG, {"id": "org:race", "v": version, "src": ["src:race"]},
                           token)["updateOrganisation"]
        if result["__typename"] == "Changed":
            accepted += 1
        else:
            assert result["__typename"] == "VersionConflict"
            conflicts += 1
    return accepted, conflicts


def test_concurrent_writers_lose_no_update(graph_host: GraphHost,
                                           backbone_graph: str) -> None:
    from tests.conftest import settings_for
    token = issue_token(graph_host, backbone_graph, "Racer")
    with LiveServer(settings_for(graph_host, backbone_graph)) as live:
        live.data(CREATE_SOURCE, {"id": "src:race"}, token)
        live.data(CREATE_ORG, {"id": "org:race", "src": ["src:race"]}, token)
        with ThreadPoolExecutor(WRITERS) as pool:
            results = list(pool.map(lambda _: _writer(live, token), range(WRITERS)))
        accepted = sum(a for a, _ in results)
        assert accepted + sum(c for _, c in results) == WRITERS * ATTEMPTS
        final = live.data(READ_VERSION, {"id": "org:race"})["organisation"]["version"]
        history = live.data("""{ changes(entity: "org:race", first: 100) {
            totalCount nodes { action version before } } }""")["changes"]
    assert final == 1 + accepted, "every accepted update moved the version by exactly one"
    assert history["totalCount"] == 1 + accepted
    updates = [c for c in history["nodes"] if c["action"] == "UPDATE"]
    assert [c["version"] for c in updates] == list(range(2, accepted + 2))
    # Each accepted update started from the version the previous one produced.
    assert [json.loads(c["before"])["version"] for c in updates] == list(range(1, accepted + 1))


def _pid_of_graph_server(data_dir: Path) -> int:
    return int((data_dir / "graph.lock").read_text().strip())


@pytest.mark.parametrize("appendfsync", ["everysec", "always"])
def test_falkordb_acknowledged_writes_survive_sigkill(tmp_path: Path, appendfsync: str) -> None:
    settings = Settings(data_dir=tmp_path / "data", autoload=False, appendfsync=appendfsync,
                        trace_round_trips=True)

    async def make_token() -> str:
        backend = open_backend(settings)
        try:
            await backend.ensure_schema()
            return await tokens.issue(backend, "Durable", "admin")
        finally:
            await backend.close()
    token: str = run(make_token())
    written = []
    with LiveServer(settings) as live:
        live.data(CREATE_SOURCE, {"id": "src:durable"}, token)
        for index in range(100):
            result = live.data(CREATE_ORG, {"id": f"org:d{index}", "src": ["src:durable"]},
                               token)["createOrganisation"]
            assert result["__typename"] == "Changed"
            written.append(result["targetId"])
        os.kill(_pid_of_graph_server(settings.data_dir), signal.SIGKILL)
        time.sleep(0.2)
    with LiveServer(settings) as again:
        found = again.data("{ organisations(first: 100) { id } }")["organisations"]
        changes = again.data("{ changes(first: 1) { totalCount } }")["changes"]
    assert sorted(o["id"] for o in found) == sorted(written)
    assert changes["totalCount"] == 101
