"""The World Bank importer on a graph (both backends): counts, idempotence, a refusal that
writes nothing, repaired and merged names, mapped and unresolved places, the export, and
"who funds what in the Oriental" over HTTP."""

from __future__ import annotations

import csv
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from importers.export.documents import build_documents
from importers.problems import ImportRefused
from importers.worldbank import WorldBankSummary, import_worldbank
from importers.worldbank.rows import DATA_DIR, LOCATIONS, PROJECTS
from tests.conftest import copy_graph, graph_snapshot, served
from tests.hosts import GraphHost, on_graph
from tests.live import LiveServer

ORIENTAL = {  # the projects geocoded in the Oriental region, its provinces or communes
    "P041396", "P094007", "P100397", "P110833", "P121271", "P144134", "P145529", "P150928",
    "P155198", "P165411", "P167894"}


def _import(host: GraphHost, graph: str, directory: Path = DATA_DIR) -> WorldBankSummary:
    summary: WorldBankSummary = on_graph(host, graph, lambda backend: import_worldbank(
        backend, quiet=True, directory=directory))
    return summary


@pytest.fixture(scope="module")
def imported(graph_host: GraphHost, network_template: str) -> tuple[str, WorldBankSummary]:
    """A template holding the backbone, the curated network and the World Bank's projects,
    with the summary of that import."""
    graph = copy_graph(graph_host, network_template)
    summary = _import(graph_host, graph)
    return graph_host.freeze(graph), summary


@pytest.fixture(scope="module")
def worldbank_api(graph_host: GraphHost, imported: tuple[str, WorldBankSummary]
                  ) -> Iterator[LiveServer]:
    with served(graph_host, imported[0]) as live:
        yield live


def test_import_counts(imported: tuple[str, WorldBankSummary]) -> None:
    _, summary = imported
    assert summary.rows == {PROJECTS: 359, LOCATIONS: 250}
    assert summary.programmes == {"created": 359}
    assert (summary.spellings, summary.organisations, summary.in_registry) == (59, 43, 2)
    assert summary.links == {"FUNDER": 163, "IMPLEMENTER": 93, "ACCOUNTABLE": 0}
    assert summary.unfunded == {"Closed": 90, "Dropped": 102, "Pipeline": 4}
    assert summary.resolved == {"region": 49, "province": 90, "commune": 48}
    assert (summary.place_links, len(summary.unresolved)) == (181, 63)
    assert summary.network is not None and summary.network.changed
    assert summary.network.entities == {"Source": 359, "Programme": 359, "Organisation": 42}
    assert summary.network.links == {"PARTICIPATION": 256, "PROGRAMME_PLACE": 181,
                                     "PART_OF": 1}  # the DTFE, part of its ministry
    text = "\n".join(summary.lines())
    assert "agencies: 59 spellings -> 43 organisations (2 already in the registry)" in text
    assert "links: ACCOUNTABLE 0, FUNDER 163, IMPLEMENTER 93" in text


def test_unresolved_places_are_reported_with_reason_and_candidates(
        imported: tuple[str, WorldBankSummary]) -> None:
    _, summary = imported
    by_name = {u.name: u for u in summary.unresolved}
    ajdir = by_name["Ajdir"]
    assert (ajdir.file, ajdir.row) == (LOCATIONS, "row 234 (P167894)")
    assert "ambiguous, 2 candidates" in ajdir.reason
    assert [c.split()[0] for c in ajdir.candidates] == ["MA:01.051.01.09", "MA:03.561.03.01"]
    split = by_name["Région de Doukkala-Abda"]
    assert "split in 2015" in split.reason
    assert sorted(c.split()[0] for c in split.candidates) == ["MA:06", "MA:07"]
    assert by_name["Oulad Boubker"].candidates[0].startswith("MA:02.167.17.11 ")
    assert "whole country" in by_name["Kingdom of Morocco"].reason
    assert "Ajdir" in "\n".join(summary.lines())


def test_second_import_changes_nothing(graph_host: GraphHost,
                                       imported: tuple[str, WorldBankSummary]) -> None:
    graph = copy_graph(graph_host, imported[0])
    before = graph_snapshot(graph_host, graph)
    summary = _import(graph_host, graph)
    assert summary.network is not None and not summary.network.changed
    assert summary.lines()[0].startswith("worldbank: unchanged, nothing written")
    assert summary.programmes == {"unchanged": 359}
    assert graph_snapshot(graph_host, graph) == before


def _copy_with(tmp_path: Path, edits: dict[tuple[int, str], str]) -> Path:
    for path in DATA_DIR.iterdir():
        shutil.copy(path, tmp_path / path.name)
    path = tmp_path / PROJECTS
    with path.open(encoding="utf-8", newline="") as stream:
        records = list(csv.DictReader(stream))
    for (row, column), value in edits.items():
        records[row - 2][column] = value
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=list(records[0]))
        writer.writeheader()
        writer.writerows(records)
    return tmp_path


def test_a_bad_row_refuses_the_import_and_writes_nothing(
        graph_host: GraphHost, network_template: str, tmp_path: Path) -> None:
    graph = copy_graph(graph_host, network_template)
    directory = _copy_with(tmp_path, {(5, "status"): "Ongoing",
                                      (7, "boardapprovaldate"): "2019-02-30"})
    before = graph_snapshot(graph_host, graph)
    with pytest.raises(ImportRefused) as refused:
        _import(graph_host, graph, directory)
    assert graph_snapshot(graph_host, graph) == before
    assert [(p.file, p.record, p.field) for p in refused.value.problems] == [
        (PROJECTS, "row 5 (P005350)", "status"),
        (PROJECTS, "row 7 (P005352)", "boardapprovaldate")]
    assert "import refused, nothing written (2 problems)" in str(refused.value)


def test_the_export_gives_back_money_and_licences(graph_host: GraphHost,
                                                  imported: tuple[str, WorldBankSummary]
                                                  ) -> None:
    documents = build_documents(graph_snapshot(graph_host, copy_graph(graph_host, imported[0])))
    assert not [p for p in documents.problems if "worldbank" in p]
    exported = documents.documents()["worldbank-morocco"]
    programmes = {p["id"]: p for p in exported["programmes"]}
    assert programmes["programme:worldbank-p005347"]["commitment"] == {
        "amount": 5600000.0, "currency": "USD"}
    assert programmes["programme:worldbank-p005347"]["status"] == "CLOSED"
    assert {s["licence"] for s in exported["sources"]} == {"CC BY 4.0"}
    assert len(exported["programmePlaces"]) == 181


PROGRAMME = """query($id: ID!) { programme(id: $id) { nameEn status worldBankId objective
  start end commitment { amount currency }
  places { note place { __typename ... on Region { id nameFr } } }
  funders { participant { id } }
  implementers { participant { ... on Organisation { id nameFr names { text kind } } } }
  sources { title url publisher licence kind } } }"""


def test_a_programme_over_http(worldbank_api: LiveServer) -> None:
    found = worldbank_api.data(PROGRAMME, {"id": "programme:worldbank-p041396"})["programme"]
    assert (found["status"], found["worldBankId"], found["start"]) == (
        "CLOSED", "P041396", "2007-04-19")
    assert found["end"] == "2012-12-31"
    assert found["commitment"] == {"amount": 431528000.0, "currency": "USD"}
    [place] = found["places"]
    assert place["place"] == {"__typename": "Region", "id": "MA:02", "nameFr": "Oriental"}
    assert "former region Oriental, within Oriental" in place["note"], "old name mapped"
    assert [f["participant"]["id"] for f in found["funders"]] == ["org:world-bank"]
    assert found["sources"] == [{
        "title": "World Bank, Projects & Operations, project P041396",
        "url": "https://projects.worldbank.org/en/projects-operations/project-detail/P041396",
        "publisher": "World Bank", "licence": "CC BY 4.0", "kind": "DATASET"}]


def test_mojibake_repaired_and_variants_merged(worldbank_api: LiveServer) -> None:
    found = worldbank_api.data(PROGRAMME, {"id": "programme:worldbank-p104265"})["programme"]
    [onee] = [i["participant"] for i in found["implementers"]]
    assert onee["id"] == "org:onee"
    assert onee["nameFr"] == "Office National de l'Electricité et de l'Eau Potable"
    texts = {n["text"] for n in onee["names"]}
    assert "Office Nationale de l'Electricite et de l'Eau Potable (ONEE)" in texts
    assert not any("Ã" in text for text in texts), "the mis-encoded spelling is repaired"
    other = worldbank_api.data(PROGRAMME, {"id": "programme:worldbank-p086877"})["programme"]
    assert [i["participant"]["id"] for i in other["implementers"]] == ["org:onee"], \
        "another spelling, the same organisation"


ORIENTAL_QUESTION = """query($offset: Int!) {
  programmes(kinds: [PROJECT], first: 100, offset: $offset) {
    id worldBankId nameEn status commitment { amount currency }
    places { place { __typename ... on Region { id }
                     ... on Province { id region { id } } ... on Commune { id region { id } } } }
    funders { participant { ... on Organisation { id nameEn } } } } }"""


def _in_region(place: dict[str, Any], region: str) -> bool:
    return place["id"] == region or (place.get("region") or {}).get("id") == region


def test_who_funds_what_in_the_oriental(worldbank_api: LiveServer) -> None:
    programmes: list[dict[str, Any]] = []
    for offset in range(0, 400, 100):
        programmes += worldbank_api.data(ORIENTAL_QUESTION, {"offset": offset})["programmes"]
    from_the_bank = [p for p in programmes if p["worldBankId"]]
    assert len({p["id"] for p in from_the_bank}) == 359, "every World Bank project, once"
    oriental = {p["worldBankId"]: p for p in programmes
                if any(_in_region(pl["place"], "MA:02") for pl in p["places"])}
    assert set(oriental) == ORIENTAL
    funders = {wb: [f["participant"]["id"] for f in p["funders"]] for wb, p in oriental.items()}
    assert funders["P167894"] == ["org:world-bank"]
    assert all(funders[wb] == ["org:world-bank"] for wb in ORIENTAL)
    assert oriental["P167894"]["status"] == "ACTIVE"
    assert oriental["P167894"]["commitment"]["currency"] == "USD"


ONE_QUERY = """{ programmesMatching(filter: {region: "MA:02", funder: "org:world-bank"},
    first: 50) { totalCount nodes { worldBankId commitment { amount currency } } } }"""


def test_who_funds_what_in_the_oriental_in_one_query(worldbank_api: LiveServer) -> None:
    found = worldbank_api.data(ONE_QUERY)["programmesMatching"]
    assert {node["worldBankId"] for node in found["nodes"]} == ORIENTAL
    assert found["totalCount"] == len(ORIENTAL)
