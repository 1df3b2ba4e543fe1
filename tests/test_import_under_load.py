"""A command-line import while the API takes writes: nothing acknowledged is lost.

The import (`python -m importers network`, a second process) copies the graph,
writes the copy and renames it over the original. Writers through the API and a
token revocation by `python -m auth revoke` run meanwhile; afterwards every
acknowledged write, its audit record and the revocation are in the graph, the
import's data is too, and the registry answered throughout.
"""

from __future__ import annotations

import re
import subprocess
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

from bench.generate import generate
from graph import tokens as graph_tokens
from tests.conftest import backend_for, copy_graph, issue_token, run, run_cli, settings_for
from tests.hosts import GraphHost
from tests.live import LiveServer

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
    health: list[tuple[int, float]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


def _write_until(live: LiveServer, token: str, worker: int, stop: threading.Event,
                 tally: Tally) -> None:
    with httpx.Client(base_url=live.url, timeout=60) as client:
        for n in range(10_000):
            if stop.is_set():
                return
            org = f"org:load-{worker}-{n}"
            body = client.post("/graphql", json={"query": CREATE_ORG, "variables": {"id": org}},
                               headers={"Authorization": f"Bearer {token}"}).json()
            with tally.lock:
                if (body.get("data") or {}).get("createOrganisation", {}).get(
                        "__typename") == "Changed":
                    tally.acknowledged.append(org)
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


def _writing_started(importer: subprocess.Popen[str], lines: list[str]) -> threading.Event:
    """Set once the import's progress passes a quarter: it is writing the graph."""
    started = threading.Event()

    def follow() -> None:
        assert importer.stderr is not None
        for line in importer.stderr:
            lines.append(line)
            progress = re.search(r"\] +(\d+)%", line)
            if progress and int(progress.group(1)) >= 25:
                started.set()
        started.set()  # the import ended: let the test go on and report it
    threading.Thread(target=follow, daemon=True).start()
    return started


@pytest.fixture
def busy_registry(graph_host: GraphHost,
                  network_template: str) -> Iterator[tuple[LiveServer, str]]:
    graph = copy_graph(graph_host, network_template, pin=True)
    with LiveServer(settings_for(graph_host, graph)) as live:
        yield live, graph
    graph_host.release(graph)


def test_cli_import_keeps_every_acknowledged_write_and_revocation(
        graph_host: GraphHost, busy_registry: tuple[LiveServer, str],
        tmp_path: Path) -> None:
    live, graph = busy_registry
    generated = generate(tmp_path, seed=11, scale=0.03)
    admin = issue_token(graph_host, graph, "Load admin", "admin")
    doomed = issue_token(graph_host, graph, "Load editor")
    live.data(CREATE_SOURCE, {"id": "src:load"}, admin)
    tally, stop = Tally(), threading.Event()
    threads = [threading.Thread(target=_write_until, args=(live, admin, w, stop, tally))
               for w in range(WRITERS)]
    threads.append(threading.Thread(target=_probe_health, args=(live, stop, tally)))
    for thread in threads:
        thread.start()
    try:
        time.sleep(0.5)
        importer = run_cli(graph_host, graph, "importers", "network", str(generated.path))
        import_err: list[str] = []
        assert _writing_started(importer, import_err).wait(120)
        revoker = run_cli(graph_host, graph, "auth", "revoke", doomed.split(".")[0])
        assert importer.wait(300) == 0, "".join(import_err)
        import_out = importer.stdout.read() if importer.stdout else ""
        revoke_out, revoke_err = revoker.communicate(timeout=300)
        time.sleep(0.5)
    finally:
        stop.set()
        for thread in threads:
            thread.join(60)
    assert revoker.returncode == 0 and "revoked" in revoke_out, revoke_err
    assert "imported" in import_out
    _assert_nothing_lost(graph_host, graph, tally, generated.path.name)
    assert live.error(CREATE_SOURCE, {"id": "src:after"}, doomed)["extensions"]["code"] \
        == "UNAUTHENTICATED"
    assert tally.health and all(status == 200 for status, _ in tally.health), tally.health
    assert tally.refused == []


def _assert_nothing_lost(graph_host: GraphHost, graph: str, tally: Tally,
                         origin: str) -> None:
    async def check() -> None:
        backend = backend_for(graph_host, graph)
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
            revoked = [t for t in await graph_tokens.all_tokens(backend) if t["revokedAt"]]
            assert [t["owner"] for t in revoked] == ["Load editor"]
        finally:
            await backend.close()
    run(check())
