"""The curated network importer: counts, idempotence, refusals that write nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from importers.network.load import NetworkSummary, curated_files, import_network
from importers.problems import ImportRefused, Problem
from tests.conftest import backend_for, run
from tests.hosts import GraphHost

SNAPSHOT = (
    "MATCH (n) WHERE n:Entity OR n:Link OR n:Name "
    "OPTIONAL MATCH (n)-[r]->(m) "
    "RETURN n.id AS id, n.importHash AS hash, collect(type(r) + '>' + m.id) AS out "
    "ORDER BY id"
)
GOOD_HEAD = """format: registry-network/1
sources:
  - {id: src:test, title: "A test article", language: fr}
"""


def _import(server: GraphHost, graph: str, path: Path) -> NetworkSummary:
    async def go() -> NetworkSummary:
        backend = backend_for(server, graph)
        try:
            return await import_network(backend, path, quiet=True)
        finally:
            await backend.close()
    result: NetworkSummary = run(go())
    return result


def _snapshot(server: GraphHost, graph: str) -> list[dict[str, Any]]:
    async def go() -> list[dict[str, Any]]:
        backend = backend_for(server, graph)
        try:
            rows: list[dict[str, Any]] = await backend.read(SNAPSHOT)
            return rows
        finally:
            await backend.close()
    result: list[dict[str, Any]] = run(go())
    return result


def _refused(server: GraphHost, graph: str, path: Path) -> list[Problem]:
    before = _snapshot(server, graph)
    with pytest.raises(ImportRefused) as refused:
        _import(server, graph, path)
    assert _snapshot(server, graph) == before, "a refused import must write nothing"
    return refused.value.problems


def _file(tmp_path: Path, body: str, name: str = "bad.yaml") -> Path:
    path = tmp_path / name
    path.write_text(GOOD_HEAD + body, encoding="utf-8")
    return path


def test_seed_file_imports_every_section(graph_host: GraphHost,
                                         backbone_graph: str) -> None:
    [seed] = curated_files()
    summary = _import(graph_host, backbone_graph, seed)
    assert summary.changed
    assert summary.entities == {"Source": 5, "Organisation": 24, "Network": 1, "Programme": 10,
                                "Person": 4, "Post": 7, "Event": 17, "Document": 12}
    assert summary.links["TWINNING"] == 10
    assert summary.links["MEMBERSHIP"] == 1
    assert summary.links["STATED_COUNT"] == 11
    assert summary.links["PARTICIPATION"] == 31
    assert summary.links["ATTENDANCE"] == 40
    assert summary.links["GROUP_ATTENDANCE"] == 15
    assert summary.links["DOCUMENT_RELATION"] == 1
    assert summary.links["SIGNED_AT"] == 1
    assert summary.links["FOUNDED_AT"] == 1


def test_second_import_changes_nothing(graph_host: GraphHost,
                                       network_graph: str) -> None:
    before = _snapshot(graph_host, network_graph)
    [seed] = curated_files()
    summary = _import(graph_host, network_graph, seed)
    assert not summary.changed
    assert "unchanged, nothing written" in summary.lines()[0]
    assert _snapshot(graph_host, network_graph) == before


def test_records_dropped_from_a_file_are_removed(graph_host: GraphHost,
                                                 backbone_graph: str, tmp_path: Path) -> None:
    org = "organisations:\n  - {id: org:%s, kind: OTHER, name: {fr: %s}, sources: [src:test]}\n"
    path = _file(tmp_path, org % ("a", "Alpha") + "  - {id: org:b, kind: OTHER, name: {fr: Beta},"
                 " sources: [src:test]}\n", "mine.yaml")
    _import(graph_host, backbone_graph, path)
    path.write_text(GOOD_HEAD + org % ("a", "Alpha"), encoding="utf-8")
    summary = _import(graph_host, backbone_graph, path)
    assert summary.removed == 1
    ids = {row["id"] for row in _snapshot(graph_host, backbone_graph)}
    assert "org:a" in ids and "org:b" not in ids
    assert not any(i.startswith("org:b/") for i in ids), "its names go too"


@pytest.mark.parametrize(("body", "record", "field", "message"), [
    ("organisations:\n  - {id: org:x, kind: OTHER, name: {fr: X}, sources: [src:test]}\n"
     "  - {id: org:x, kind: OTHER, name: {fr: Y}, sources: [src:test]}\n",
     "org:x", "id", "duplicate id"),
    ("events:\n  - {id: event:x, kind: WORKSHOP, name: {fr: X}, start: 14/02/2024, "
     "sources: [src:test]}\n", "event:x", "start", "not an ISO date"),
    ("programmes:\n  - {id: programme:p, kind: PROGRAMME, name: {fr: P}, sources: [src:test]}\n"
     "participations:\n  - {programme: programme:p, participant: MA:02, role: SPONSOR, "
     "sources: [src:test]}\n", "participations #1", "role", "FUNDER"),
    ("networks:\n  - {id: network:n, name: {fr: N}, sources: []}\n",
     "network:n", "sources", "at least 1"),
    ("networks:\n  - {id: network:n, name: {fr: N}}\n", "network:n", "sources", "required"),
    ("networks:\n  - {id: network:n, name: {fr: N}, sources: [src:nowhere]}\n",
     "network:n", "sources.0", "not a source"),
    ("networks:\n  - {id: network:n, name: {fr: N}, sources: [src:test]}\n"
     "memberships:\n  - {network: network:n, member: {name: Atlantis, level: COMMUNE}, "
     "sources: [src:test]}\n", "memberships #1", "member", "no COMMUNE 'Atlantis'"),
    ("networks:\n  - {id: network:n, name: {fr: N}, sources: [src:test]}\n"
     "memberships:\n  - {network: network:n, member: {name: Oulad Aissa, level: COMMUNE}, "
     "sources: [src:test]}\n", "memberships #1", "member", "3 candidates: MA:"),
    ("organisations:\n  - {id: org:o, kind: OTHER, name: {fr: O}, sources: [src:test]}\n"
     "memberships:\n  - {network: org:o, member: MA:02, sources: [src:test]}\n",
     "memberships #1", "network", "is a Organisation; expected Network"),
    ("twinnings:\n  - {parties: [MA:02.113.01.09, {code: 02.113.01.09}], "
     "sources: [src:test]}\n", "twinnings #1", "parties", "twinned with itself"),
    ("organisations:\n  - {id: org:o, kind: OTHER, name: {fr: O}, colour: red, "
     "sources: [src:test]}\n", "org:o", "colour", "unknown field"),
    ("treaties: []\n", "(file)", "treaties", "unknown section"),
])
def test_bad_input_is_refused_with_file_record_and_field(
        graph_host: GraphHost, backbone_graph: str, tmp_path: Path,
        body: str, record: str, field: str, message: str) -> None:
    problems = _refused(graph_host, backbone_graph, _file(tmp_path, body))
    assert any(p.file == "bad.yaml" and p.record == record and p.field == field
               and message in p.message for p in problems), problems


def test_one_bad_record_refuses_the_whole_file(graph_host: GraphHost,
                                               backbone_graph: str, tmp_path: Path) -> None:
    good = "".join(f"  - {{id: org:o{i}, kind: OTHER, name: {{fr: O{i}}}, sources: [src:test]}}\n"
                   for i in range(50))
    body = "organisations:\n" + good + "  - {id: org:bad, kind: SECRET_SOCIETY, name: {fr: B}, " \
        "sources: [src:test]}\n"
    problems = _refused(graph_host, backbone_graph, _file(tmp_path, body))
    assert [p.record for p in problems] == ["org:bad"]


def test_every_problem_is_listed_not_only_the_first(graph_host: GraphHost,
                                                    backbone_graph: str, tmp_path: Path) -> None:
    body = ("events:\n  - {id: event:a, kind: PARTY, name: {fr: A}, sources: [src:test]}\n"
            "  - {id: event:b, kind: WORKSHOP, name: {fr: B}, end: 2024-13, sources: [src:test]}\n"
            "  - {id: event:c, kind: WORKSHOP, name: {fr: C}, place: MA:99, sources: [src:test]}\n")
    problems = _refused(graph_host, backbone_graph, _file(tmp_path, body))
    assert {(p.record, p.field) for p in problems} == {
        ("event:a", "kind"), ("event:b", "end"), ("event:c", "place")}
    text = str(ImportRefused(problems))
    assert "bad.yaml: record event:c, field place: 'MA:99' is neither defined" in text


def test_malformed_yaml_names_the_line(graph_host: GraphHost, backbone_graph: str,
                                       tmp_path: Path) -> None:
    path = _file(tmp_path, "organisations:\n  - {id: org:o, kind: OTHER\n")
    [problem] = _refused(graph_host, backbone_graph, path)
    assert problem.file == "bad.yaml" and "not valid YAML at line" in problem.message
