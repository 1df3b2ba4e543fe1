"""The twinnings importer (Wikipedia's lists): resolution, merging with an article's
twinning, idempotence, refusals that write nothing, and the questions over HTTP."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from importers.problems import ImportRefused
from importers.twinnings.dataset import ALIASES, DATASET
from importers.twinnings.load import import_twinnings
from importers.twinnings.report import TwinningsSummary
from tests.conftest import backend_for, copy_graph, run, served
from tests.hosts import GraphHost

ORIGIN = DATASET.name
BERKANE, SAINT_GILLES = "MA:02.113.01.09", "BE:21013"
SNAPSHOT = (
    "MATCH (n) WHERE n:Entity OR n:Link OR n:Name "
    "OPTIONAL MATCH (n)-[r]->(m) "
    "RETURN n.id AS id, n.importHash AS hash, n.geonamesId AS gn, "
    "collect(type(r) + '>' + m.id + '>' + coalesce(r.origin, '')) AS out ORDER BY id"
)
BETWEEN = (
    "MATCH (:Entity {id: $a})<-[:INVOLVES]-(l:Link)-[:INVOLVES]->(:Entity {id: $b}) "
    "WHERE l.kind = 'TWINNING' "
    "OPTIONAL MATCH (l)-[:SOURCED_FROM]->(s:Source) "
    "OPTIONAL MATCH (l)-[p:INVOLVES]->(x:Programme) "
    "RETURN l.id AS id, l.origin AS origin, collect(DISTINCT s.id) AS sources, "
    "collect(DISTINCT x.id) AS programmes"
)
OWN = (
    "MATCH (l:Link) WHERE l.origin = $origin AND l.kind = 'TWINNING' RETURN count(l) AS n "
    "UNION ALL MATCH (n:Municipality) WHERE n.code STARTS WITH 'gn' RETURN count(n) AS n "
    "UNION ALL MATCH (n:Country) RETURN count(n) AS n"
)


def _import(host: GraphHost, graph: str, **paths: Path) -> TwinningsSummary:
    async def go() -> TwinningsSummary:
        backend = backend_for(host, graph)
        try:
            return await import_twinnings(backend, quiet=True, **paths)
        finally:
            await backend.close()
    result: TwinningsSummary = run(go())
    return result


def _read(host: GraphHost, graph: str, query: Any, **params: Any) -> list[dict[str, Any]]:
    async def go() -> list[dict[str, Any]]:
        backend = backend_for(host, graph)
        try:
            rows: list[dict[str, Any]] = await backend.read(query, params)
            return rows
        finally:
            await backend.close()
    result: list[dict[str, Any]] = run(go())
    return result


def _snapshot(host: GraphHost, graph: str) -> list[dict[str, Any]]:
    rows = _read(host, graph, SNAPSHOT)
    return [{**row, "out": sorted(row["out"])} for row in rows]


@pytest.fixture(scope="module")
def imported(graph_host: GraphHost, network_template: str) -> tuple[str, TwinningsSummary]:
    """A template holding the backbone, the seed articles and the twinnings dataset."""
    graph = copy_graph(graph_host, network_template)
    summary = _import(graph_host, graph)
    return graph_host.freeze(graph), summary


def test_rows_resolved_pairs_units_and_merges(graph_host: GraphHost,
                                              imported: tuple[str, TwinningsSummary]) -> None:
    template, summary = imported
    assert summary.changed
    assert len(summary.outcomes) == 137
    assert summary.count("moroccan") == 137
    assert summary.count("both") >= 0.95 * 137
    assert summary.count("both") == summary.count("foreign") == 133
    assert summary.pairs == 132  # Oujda–Trowbridge is on two pages
    assert summary.units["FR"] == 28 and sum(summary.units.values()) == 120
    assert summary.created == summary.units
    assert set(summary.merged) == {f"{BERKANE} – {SAINT_GILLES}",
                                   "MA:01.511.01.0 – BE:21014"}
    graph = copy_graph(graph_host, template)  # a template is never read directly
    [own, units, countries] = [row["n"] for row in _read(graph_host, graph, OWN,
                                                          origin=ORIGIN)]
    assert (own, units, countries) == (130, 120, 2 + 32)
    text = "\n".join(summary.lines())
    assert "rows read: 137; resolved on both sides: 133 (97.1%)" in text


def test_an_articles_twinning_gains_the_lists_source_and_stays_one(
        graph_host: GraphHost, imported: tuple[str, TwinningsSummary]) -> None:
    graph = copy_graph(graph_host, imported[0])
    [link] = _read(graph_host, graph, BETWEEN, a=BERKANE, b=SAINT_GILLES)
    assert link["origin"] == "seed-articles.yaml"
    assert sorted(link["sources"]) == ["src:seed-003", "src:wikipedia-twin-towns-belgium"]
    assert link["programmes"] == ["programme:cim-2022-2026"]
    [trowbridge] = _read(graph_host, graph, BETWEEN, a="MA:02.411.01.23", b="GB:gn2635427")
    assert sorted(trowbridge["sources"]) == ["src:wikipedia-twin-towns-england",
                                             "src:wikipedia-twin-towns-morocco"]


def test_second_import_changes_nothing(graph_host: GraphHost,
                                       imported: tuple[str, TwinningsSummary]) -> None:
    graph = copy_graph(graph_host, imported[0])
    before = _snapshot(graph_host, graph)
    summary = _import(graph_host, graph)
    assert not summary.changed and not summary.created
    assert "unchanged, nothing written" in summary.lines()[0]
    assert _snapshot(graph_host, graph) == before


def test_pairs_dropped_from_the_dataset_take_only_what_it_added(
        graph_host: GraphHost, imported: tuple[str, TwinningsSummary], tmp_path: Path) -> None:
    graph = copy_graph(graph_host, imported[0])
    lines = DATASET.read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [line for line in lines if not line.startswith(("Berkane,Saint-Gilles,",
                                                           "Agadir,Pleven,"))]
    assert len(kept) == len(lines) - 2
    smaller = tmp_path / ORIGIN
    smaller.write_text("".join(kept), encoding="utf-8")
    summary = _import(graph_host, graph, csv_path=smaller)
    # the Agadir–Pleven twinning and the Bulgaria page, which listed nothing else
    assert summary.changed and summary.network is not None and summary.network.removed == 2
    [link] = _read(graph_host, graph, BETWEEN, a=BERKANE, b=SAINT_GILLES)
    assert link["sources"] == ["src:seed-003"]
    assert link["programmes"] == ["programme:cim-2022-2026"]
    assert _read(graph_host, graph, BETWEEN, a="MA:09.001.01.01", b="BG:gn728203") == []
    # and back: the full dataset restores both
    _import(graph_host, graph)
    [link] = _read(graph_host, graph, BETWEEN, a=BERKANE, b=SAINT_GILLES)
    assert sorted(link["sources"]) == ["src:seed-003", "src:wikipedia-twin-towns-belgium"]


BAD_ROWS = """moroccan_city,foreign_city,foreign_country,listed_on
Agadir,Pleven,Bulgaria,List of twin towns and sister cities in Bulgaria
Agadir,,China,List of twin towns and sister cities in China
Agadir,Gaza City,Palestine,Twin towns of Morocco
Agadir,Pleven,Bulgaria,List of twin towns and sister cities in Bulgaria
"""


def test_a_bad_row_refuses_the_import_and_writes_nothing(
        graph_host: GraphHost, imported: tuple[str, TwinningsSummary], tmp_path: Path) -> None:
    graph = copy_graph(graph_host, imported[0])
    before = _snapshot(graph_host, graph)
    bad = tmp_path / ORIGIN
    bad.write_text(BAD_ROWS, encoding="utf-8")
    with pytest.raises(ImportRefused) as refused:
        _import(graph_host, graph, csv_path=bad)
    where = {(p.file, p.record, p.field) for p in refused.value.problems}
    assert {(ORIGIN, "row 3", "foreign_city"), (ORIGIN, "row 4", "listed_on"),
            (ORIGIN, "row 5", "")} <= where, refused.value.problems
    aliases = tmp_path / ALIASES.name
    aliases.write_text(ALIASES.read_text(encoding="utf-8").replace(
        "    name: Fès\n", "    name: Fès\n    code: 03.231.01.0\n"), encoding="utf-8")
    with pytest.raises(ImportRefused) as refused:
        _import(graph_host, graph, aliases_path=aliases)
    assert [(p.file, p.record, p.field) for p in refused.value.problems] == [
        (ALIASES.name, "moroccan #1 (Fez)", "code")]
    assert _snapshot(graph_host, graph) == before


def test_ambiguous_and_unknown_names_are_reported_with_candidates(
        imported: tuple[str, TwinningsSummary]) -> None:
    _, summary = imported
    missing = {(u.line, u.side, u.written): u for u in summary.unresolved}
    assert set(missing) == {(5, "foreign", "Portsmouth"), (112, "foreign", "Grand Yoff"),
                            (116, "foreign", "Beyoğlu"), (133, "foreign", "Somerville")}
    portsmouth = missing[(5, "foreign", "Portsmouth")]
    assert len(portsmouth.candidates) == 4
    assert portsmouth.candidates[0].startswith("GeoNames 4779999 Portsmouth (US-VA")
    assert "row 5, foreign side 'Portsmouth' (United States): 4 places" in str(portsmouth)
    assert not missing[(112, "foreign", "Grand Yoff")].candidates


ENTITIES = """query($r: [_Any!]!) { _entities(representations: $r) {
    __typename ... on ForeignMunicipality { id code name geonamesId countryCode
      country { id name } names { text lang kind } }
    ... on Country { id name } } }"""
JOURNALIST = """{ collectivities(filter: {level: COMMUNE, twinnedAbroad: true}, first: 100) {
    totalCount nodes { id nameFr twinnings { partner { id ... on ForeignMunicipality {
      name country { id name } } } sources { title url } } } } }"""


def test_foreign_units_and_the_journalists_question_over_http(
        graph_host: GraphHost, imported: tuple[str, TwinningsSummary]) -> None:
    with served(graph_host, imported[0]) as live:
        body = live.post(ENTITIES, {"r": [
            {"__typename": "ForeignMunicipality", "id": "FR:gn2996944"},
            {"__typename": "ForeignMunicipality", "code": "gn2996944"},
            {"__typename": "ForeignMunicipality", "id": SAINT_GILLES},
            {"__typename": "Country", "id": "FR"}]})
        assert "errors" not in body, body
        lyon, by_code, saint_gilles, france = body["data"]["_entities"]
        assert lyon == by_code
        assert (lyon["id"], lyon["code"], lyon["name"], lyon["geonamesId"]) == (
            "FR:gn2996944", "gn2996944", "Lyon", 2996944)
        assert lyon["country"] == {"id": "FR", "name": "France"}
        assert (france["id"], france["name"]) == ("FR", "France")
        assert {"text": "Lyon", "lang": "und", "kind": "official"} in lyon["names"]
        assert {"text": "ليون", "lang": "und", "kind": "alias"} in lyon["names"]
        assert (saint_gilles["name"], saint_gilles["geonamesId"]) == ("Saint-Gilles", 2787413)
        answer = live.post(JOURNALIST)["data"]["collectivities"]
        found = live.data('{ search(text: "ليون") { label entity { id } } }')["search"]
        assert {"label": "Lyon (municipality, France)", "entity": {"id": "FR:gn2996944"}} \
            in found
    communes = {node["id"]: node for node in answer["nodes"]}
    assert answer["totalCount"] == len(communes) >= 34
    fes = communes["MA:03.231.01.0"]
    countries = {t["partner"]["country"]["id"] for t in fes["twinnings"]}
    assert {"CN", "FR", "IT", "PS", "PT", "ES"} <= countries
    wuxi = next(t for t in fes["twinnings"] if t["partner"]["id"] == "CN:gn1790923")
    assert wuxi["sources"] == [{
        "title": "Wikipedia, List of twin towns and sister cities in China",
        "url": "https://en.wikipedia.org/wiki/List_of_twin_towns_and_sister_cities_in_China"}]
