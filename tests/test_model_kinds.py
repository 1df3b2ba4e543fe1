"""Every kind the model declares can be imported, queried, exported and contributed, on
each backend. The curated file is built from the declaration (tests/model_samples.py),
so a kind added to domain/model.py is tested here without a new test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from domain import model
from importers.export.documents import build_documents
from importers.network.load import import_network
from tests.conftest import copy_graph, graph_snapshot, issue_token, settings_for
from tests.hosts import GraphHost, on_graph
from tests.live import LiveServer
from tests.model_samples import SOURCE, canonical, link_record, sample_file

NODE = """query($id: ID!) { node(id: $id) { __typename ... on Link { kind
    parties { slot entity { id } } sources { id } } } }"""
LINKS = """query($id: ID!, $kinds: [LinkKind!]) { node(id: $id) { ... on CuratedEntity {
    links(kinds: $kinds) { __typename id kind } } } }"""


def _import(host: GraphHost, graph: str, tmp_path: Path, document: dict[str, Any]) -> None:
    path = tmp_path / "kinds.yaml"
    path.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    on_graph(host, graph, lambda backend: import_network(backend, path, quiet=True))


@pytest.fixture(scope="module")
def imported(graph_host: GraphHost, network_template: str,
             tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A copy of the network graph with the sample file imported."""
    graph = copy_graph(graph_host, network_template, pin=True)
    _import(graph_host, graph, tmp_path_factory.mktemp("kinds"), sample_file())
    yield graph
    graph_host.release(graph)


@pytest.fixture(scope="module")
def live(graph_host: GraphHost, imported: str) -> Iterator[LiveServer]:
    with LiveServer(settings_for(graph_host, imported)) as server:
        yield server


def _sample_links(host: GraphHost, graph: str) -> dict[str, list[str]]:
    """The ids of the links the sample file wrote, by kind."""
    shot = graph_snapshot(host, graph)
    found: dict[str, list[str]] = {}
    for link_id, props in shot.links.items():
        if props.get("origin") == "kinds.yaml":
            found.setdefault(props["kind"], []).append(link_id)
    return found


def test_every_kind_is_imported_and_queried(graph_host: GraphHost, imported: str,
                                            live: LiveServer) -> None:
    links = _sample_links(graph_host, imported)
    assert sorted(links) == sorted(k.kind for k in model.LINK_KINDS)
    for kind in model.LINK_KINDS:
        node = live.data(NODE, {"id": links[kind.kind][0]})["node"]
        assert (node["__typename"], node["kind"]) == (kind.graphql_type, kind.kind)
        assert {p["slot"] for p in node["parties"]} == {s.name for s in kind.slots}
        assert node["sources"] == [{"id": SOURCE}]
        curated = [p["entity"]["id"] for p in node["parties"]
                   if not p["entity"]["id"].startswith(("MA:", "BE:", "src:"))]
        listed = live.data(LINKS, {"id": curated[0], "kinds": [kind.kind]})["node"]["links"]
        assert links[kind.kind][0] in {link["id"] for link in listed}
        assert {link["__typename"] for link in listed} == {kind.graphql_type}


def test_every_kind_is_exported_as_it_was_written(graph_host: GraphHost,
                                                  imported: str) -> None:
    documents = build_documents(graph_snapshot(graph_host, imported))
    assert documents.problems == []
    exported = documents.documents()["kinds.yaml"]
    written = sample_file()
    for section, records in written.items():
        if section == "format":
            continue
        assert canonical(section, exported[section]) == canonical(section, records), section


def test_every_kind_with_a_mutation_is_contributed(graph_host: GraphHost, network_template: str,
                                                   tmp_path: Path) -> None:
    graph = copy_graph(graph_host, network_template)
    _import(graph_host, graph, tmp_path, sample_file(with_links=False))
    admin = issue_token(graph_host, graph, "Admin", "admin")
    with LiveServer(settings_for(graph_host, graph)) as server:
        for kind in model.LINK_KINDS:
            if kind.mutation is None:
                assert kind.section is None, f"{kind.kind} has a section but no mutation"
                continue
            record = link_record(kind)
            sources = record.pop("sources")
            mutation = (f"mutation($input: {kind.input}!, $sources: [ID!]) {{ "
                        f"{kind.mutation}(input: $input, sources: $sources) {{ __typename "
                        "... on Changed { targetId target { __typename } } "
                        "... on InvalidInput { message } } }")
            answer = server.data(mutation, {"input": record, "sources": sources}, admin)
            result = answer[kind.mutation]
            assert result["__typename"] == "Changed", (kind.kind, result)
            assert result["target"]["__typename"] == kind.graphql_type
    graph_host.release(graph)
