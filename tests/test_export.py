"""`python -m importers export` and `restore`: a round trip gives the same graph.

The source graph holds the seed file, a second curated file that refers to it,
and contributions made through the API (a source, an organisation updated to
version 2, an alias added to a commune); then some facts the files cannot say
(an official name's search entry and a citation removed by hand). The export is
restored into a graph holding only the backbone, and both graphs are compared in full.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import LiteralString

import pytest

from graph.snapshot import Snapshot
from importers.__main__ import main as importers_main
from importers.network.load import import_network
from tests.conftest import backend_for, copy_graph, graph_snapshot, issue_token, run, settings_for
from tests.hosts import GraphHost
from tests.live import LiveServer
from tests.test_contributions import CREATE_ORG, CREATE_SOURCE, UPDATE_ORG

EXTRA = """format: registry-network/1
sources:
  - {id: src:extra, title: "Un réseau s'agrandit", language: fr, published: "2025-01"}
  - {id: src:extra2, title: "شبكة تتوسع", language: ar, published: "2025-02-03"}
organisations:
  - id: org:extra-agence
    kind: DEVELOPMENT_AGENCY
    name: {fr: "Agence d'exemple", ar: "وكالة المثال"}
    aliases: [{lang: fr, text: "AEX"}]
    sources: [src:extra]
memberships:
  - {network: network:remacto, member: org:extra-agence, since: "2025",
     sources: [src:extra, src:extra2]}
"""
ADD_ALIAS = """mutation($id: ID!, $src: [ID!]) { addName(id: $id, name: {lang: "fr",
    text: "Berkane Ville"}, alias: true, sources: $src) { __typename } }"""
BERKANE = "MA:02.113.01.09"


def _write(server: GraphHost, graph: str, statement: LiteralString) -> None:
    async def write() -> None:
        backend = backend_for(server, graph)
        try:
            await backend.write(statement)
        finally:
            await backend.close()
    run(write())


def _curated(shot: Snapshot) -> dict[str, object]:
    """Everything but the audit trail and tokens, which the export leaves out."""
    return {"entities": shot.entities, "labels": shot.labels, "links": shot.links,
            "parties": shot.parties, "names": shot.names, "named": shot.named,
            "sourced": shot.sourced, "structure": shot.structure}


def _cli(monkeypatch: pytest.MonkeyPatch, server: GraphHost, graph: str,
         *argv: str) -> int:
    for name in ("FALKORDB_URL", "REGISTRY_FALKORDB_URL", "NEO4J_URI"):
        monkeypatch.delenv(name, raising=False)
    for name, value in server.env(graph).items():
        monkeypatch.setenv(name, value)
    return importers_main(list(argv))


def _contribute(server: GraphHost, graph: str) -> None:
    token = issue_token(server, graph, "Exporter", "admin")
    with LiveServer(settings_for(server, graph)) as live:
        live.data(CREATE_SOURCE, {"id": "src:api-export"}, token)
        live.data(CREATE_ORG, {"id": "org:api-export", "src": ["src:api-export"]}, token)
        live.data(UPDATE_ORG, {"id": "org:api-export", "v": 1, "src": ["src:api-export"]},
                  token)
        live.data(ADD_ALIAS, {"id": BERKANE, "src": ["src:api-export"]}, token)


@pytest.fixture
def rich_graph(graph_host: GraphHost, network_graph: str, tmp_path: Path) -> str:
    """The network graph plus a second file, API contributions and hand-made changes."""
    extra = tmp_path / "extra.yaml"
    extra.write_text(EXTRA, encoding="utf-8")

    async def second_file() -> None:
        backend = backend_for(graph_host, network_graph)
        try:
            await import_network(backend, extra, quiet=True)
        finally:
            await backend.close()
    run(second_file())
    _contribute(graph_host, network_graph)
    _write(graph_host, network_graph,
           "MATCH (:Entity {id: 'org:extra-agence'})-[:NAMED]->(k:Name {lang: 'ar'}) "
           "DETACH DELETE k")
    _write(graph_host, network_graph,
           "MATCH (:Link {kind: 'PART_OF', origin: 'seed-articles.yaml'})-[c:SOURCED_FROM]->() "
           "WITH c LIMIT 1 DELETE c")  # a link stated by an entity's field: sources differ
    _write(graph_host, network_graph,  # ... and another one citing one more source
           "MATCH (l:Link {kind: 'PART_OF', origin: 'seed-articles.yaml'}) "
           "WHERE NOT (l)-[:SOURCED_FROM]->(:Source {id: 'src:extra'}) "
           "WITH l ORDER BY l.id DESC LIMIT 1 MATCH (s:Source {id: 'src:extra'}) "
           "MERGE (l)-[:SOURCED_FROM]->(s)")
    _write(graph_host, network_graph,  # a property no file states, on a link
           "MATCH (l:Link {kind: 'MEMBERSHIP'}) WITH l ORDER BY l.id LIMIT 1 "
           "SET l.reviewedBy = 'desk'")
    _write(graph_host, network_graph,  # a backbone unit's citation of its dataset removed
           "MATCH (:Entity {id: 'MA:02'})-[c:SOURCED_FROM]->() DELETE c")
    return network_graph


def test_export_then_restore_gives_the_same_graph(
        graph_host: GraphHost, rich_graph: str, backbone_graph: str,
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    dump = tmp_path / "dump.json"
    assert _cli(monkeypatch, graph_host, rich_graph, "export", "--out", str(dump)) == 0
    bundle = json.loads(dump.read_text(encoding="utf-8"))
    origins = [f["origin"] for f in bundle["files"]]
    assert sorted(origins) == ["api", "extra.yaml", "seed-articles.yaml"]
    assert origins.index("seed-articles.yaml") < origins.index("extra.yaml")  # it refers
    assert bundle["residual"]["names"] and bundle["residual"]["dropNames"]
    assert bundle["residual"]["dropSources"]
    assert {"Change", "Token"} <= set(bundle["notExported"])
    assert _cli(monkeypatch, graph_host, backbone_graph, "restore", str(dump)) == 0
    before = graph_snapshot(graph_host, rich_graph)
    after = graph_snapshot(graph_host, backbone_graph)
    assert _curated(after) == _curated(before)
    assert after.entities["org:api-export"]["version"] == 2
    # Restoring again changes nothing.
    assert _cli(monkeypatch, graph_host, backbone_graph, "restore", str(dump)) == 0
    assert _curated(graph_snapshot(graph_host, backbone_graph)) == _curated(before)


def test_each_document_of_an_export_is_a_curated_file(
        graph_host: GraphHost, network_graph: str, backbone_graph: str,
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    dump = tmp_path / "dump.json"
    assert _cli(monkeypatch, graph_host, network_graph, "export", "--out", str(dump)) == 0
    document = json.loads(dump.read_text(encoding="utf-8"))["files"][0]["document"]
    curated = tmp_path / "seed-articles.json"
    curated.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    assert _cli(monkeypatch, graph_host, backbone_graph, "network", str(curated)) == 0
    ids = {i for i, p in graph_snapshot(graph_host, backbone_graph).entities.items()
           if "origin" in p}
    assert ids == {i for i, p in graph_snapshot(graph_host, network_graph).entities.items()
                   if "origin" in p}


def test_restore_refuses_a_graph_with_other_curated_data(
        graph_host: GraphHost, network_graph: str, network_template: str,
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    dump = tmp_path / "dump.json"
    assert _cli(monkeypatch, graph_host, network_graph, "export", "--out", str(dump)) == 0
    target = copy_graph(graph_host, network_template)
    _write(graph_host, target, "CREATE (:Entity:Organisation {id: 'org:stranger', "
                                 "origin: 'api', entityType: 'Organisation'})")
    before = graph_snapshot(graph_host, target)
    assert _cli(monkeypatch, graph_host, target, "restore", str(dump)) == 1
    assert "restore refused" in capsys.readouterr().err
    assert _curated(graph_snapshot(graph_host, target)) == _curated(before)


def test_export_refuses_what_the_file_cannot_hold(
        graph_host: GraphHost, network_graph: str, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    _write(graph_host, network_graph,
           "CREATE (:Link {id: 'mystery:1', kind: 'MYSTERY', origin: 'api'})")
    dump = tmp_path / "dump.json"
    assert _cli(monkeypatch, graph_host, network_graph, "export", "--out", str(dump)) == 1
    assert "mystery:1" in capsys.readouterr().err and not dump.exists()
    assert _cli(monkeypatch, graph_host, network_graph, "export", "--out", str(dump),
                "--allow-incomplete") == 0
    assert any("mystery:1" in p for p in json.loads(dump.read_text())["problems"])


def test_datasets_survive_export_and_restore(
        graph_host: GraphHost, network_graph: str, backbone_graph: str,
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The twinnings add foreign units from the gazetteer, a citation on an article's
    # twinning and GeoNames ids on Belgian units; the World Bank adds programmes and places.
    assert _cli(monkeypatch, graph_host, network_graph, "twinnings") == 0
    assert _cli(monkeypatch, graph_host, network_graph, "worldbank") == 0
    dump = tmp_path / "datasets.json"
    assert _cli(monkeypatch, graph_host, network_graph, "export", "--out", str(dump)) == 0
    bundle = json.loads(dump.read_text(encoding="utf-8"))
    assert bundle["backbone"]["gazetteer"] is True
    assert bundle["problems"] == []
    assert _cli(monkeypatch, graph_host, backbone_graph, "restore", str(dump)) == 0
    before = graph_snapshot(graph_host, network_graph)
    assert _curated(graph_snapshot(graph_host, backbone_graph)) == _curated(before)
    assert "FR:gn3031582" in before.entities  # Bordeaux, Casablanca's twin
