"""A command-line import while the API takes writes: nothing acknowledged is lost.

The import (`python -m importers network`, a second process) copies the graph,
writes the copy and renames it over the original. Writers through the API and a
token revocation by `python -m auth revoke` run meanwhile; afterwards every
acknowledged write, its audit record and the revocation are in the graph, the
import's data is too, and the registry answered throughout.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

from bench.generate import generate
from graph import tokens as graph_tokens
from graph.embedded import EmbeddedGraphServer
from tests.conftest import backend_for, copy_graph, issue_token, run, settings_for
from tests.live import LiveServer

ROOT = Path(__file__).resolve().parents[1]
WRITERS = 6
CREATE_SOURCE = """mutation($id: ID!) { createSource(input: {id: $id, title: "Note",
    language: "fr"}) { __typename ... on Changed { targetId } } }"""
CREATE_ORG = """mutation($id: ID!) { createOrganisation(input: {id: $id, kind: NATIONAL_BODY,
    names: [{lang: "fr", text: "Agence"}]}, sources: ["src:load"]) {
    __typename ... on Changed { targetId } } }"""
ENTITIES = "MATCH (n:Entity) WHERE n.id IN $ids RETURN n.id AS id"
CHANGES = "MATCH (c:Change) WHERE c.targetId IN $ids RETURN c.targetId AS id"


@dataclass
class Tally:
    """What the writers and the health probe saw."""

    acknowledged: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    waited: list[float] = field(default_factory=list)
    health: list[tuple[int, float]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


def _write_until(live: LiveServer, token: str, worker: int, stop: threading.Event,
                 tally: Tally) -> None:
    with httpx.Client(base_url=live.url, timeout=60) as client:
        for n in range(10_000):
            if stop.is_set():
                return
            org = f"org:load-{worker}-{n}"
            started = time.monotonic()
            body = client.post("/graphql", json={"query": CREATE_ORG, "variables": {"id": org}},
                               headers={"Authorization": f"Bearer {token}"}).json()
            took = time.monotonic() - started
            with tally.lock:
                if (body.get("data") or {}).get("createOrganisation", {}).get(
                        "__typename") == "Changed":
                    tally.acknowledged.append(org)
                    tally.waited.append(took)
                else:
                    tally.refused.append(str(body.get("errors")))
            time.sleep(0.02)


def _probe_health(live: LiveServer, stop: threading.Event, tally: Tally) -> None:
    with httpx.Client(base_url=live.url, timeout=30) as client:
        while not stop.is_set():
            started = time.monotonic()
            status = client.get("/health").status_code
            tally.health.append((status, time.monotonic() - started))
            time.sleep(0.1)


def _cli(graph_server: EmbeddedGraphServer, graph: str, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "REGISTRY_FALKORDB_URL": graph_server.url, "REGISTRY_GRAPH": graph,
           "REGISTRY_DATA_DIR": str(graph_server.data_dir)}
    env.pop("NEO4J_URI", None)
    return subprocess.Popen([sys.executable, "-m", *args], cwd=ROOT, env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _gate_holder(graph_server: EmbeddedGraphServer, graph: str) -> str | None:
    async def held() -> str | None:
        backend = backend_for(graph_server, graph)
        try:
            return await backend.gate.held_by()
        finally:
            await backend.close()
    holder: str | None = run(held())
    return holder


@pytest.fixture
def busy_registry(graph_server: EmbeddedGraphServer,
                  network_template: str) -> Iterator[tuple[LiveServer, str]]:
    graph = copy_graph(graph_server, network_template)
    with LiveServer(settings_for(graph_server, graph)) as live:
        yield live, graph


def test_cli_import_keeps_every_acknowledged_write_and_revocation(
        graph_server: EmbeddedGraphServer, busy_registry: tuple[LiveServer, str],
        tmp_path: Path) -> None:
    live, graph = busy_registry
    generated = generate(tmp_path, seed=11, scale=0.03)
    admin = issue_token(graph_server, graph, "Load admin", "admin")
    doomed = issue_token(graph_server, graph, "Load editor")
    live.data(CREATE_SOURCE, {"id": "src:load"}, admin)
    tally, stop = Tally(), threading.Event()
    threads = [threading.Thread(target=_write_until, args=(live, admin, w, stop, tally))
               for w in range(WRITERS)]
    threads.append(threading.Thread(target=_probe_health, args=(live, stop, tally)))
    for thread in threads:
        thread.start()
    try:
        time.sleep(0.5)
        importer = _cli(graph_server, graph, "importers", "network", str(generated.path))
        deadline = time.monotonic() + 60
        while _gate_holder(graph_server, graph) is None and importer.poll() is None:
            assert time.monotonic() < deadline, "the import never took the write gate"
        revoker = _cli(graph_server, graph, "auth", "revoke", doomed.split(".")[0])
        import_out, import_err = importer.communicate(timeout=300)
        revoke_out, revoke_err = revoker.communicate(timeout=300)
        time.sleep(0.5)
    finally:
        stop.set()
        for thread in threads:
            thread.join(60)
    assert importer.returncode == 0, import_err
    assert revoker.returncode == 0 and "revoked" in revoke_out, revoke_err
    assert "imported" in import_out
    _assert_nothing_lost(graph_server, graph, tally, generated.path.name)
    assert live.error(CREATE_SOURCE, {"id": "src:after"}, doomed)["extensions"]["code"] \
        == "UNAUTHENTICATED"
    assert tally.health and all(status == 200 for status, _ in tally.health), tally.health
    # Some writes arrived while the import held the gate: they waited for it, then landed.
    assert max(tally.waited) > 0.5, sorted(tally.waited)[-5:]
    assert tally.refused == []


def _assert_nothing_lost(graph_server: EmbeddedGraphServer, graph: str, tally: Tally,
                         origin: str) -> None:
    async def check() -> None:
        backend = backend_for(graph_server, graph)
        try:
            ids = tally.acknowledged
            found = {row["id"] for row in await backend.read(ENTITIES, {"ids": ids})}
            audited = {row["id"] for row in await backend.read(CHANGES, {"ids": ids})}
            assert len(ids) > 50
            assert sorted(set(ids) - found) == []
            assert sorted(set(ids) - audited) == []
            imported = await backend.read("MATCH (n:Entity {origin: $o}) RETURN count(n) AS n",
                                          {"o": origin})
            assert imported[0]["n"] > 3000
            assert not await backend._command("EXISTS", graph + "__staging")
            assert await backend.gate.held_by() is None
            revoked = [t for t in await graph_tokens.all_tokens(backend) if t["revokedAt"]]
            assert [t["owner"] for t in revoked] == ["Load editor"]
        finally:
            await backend.close()
    run(check())
