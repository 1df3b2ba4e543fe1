"""Lists of units read brief units when that is all they are asked, and whole units
otherwise: the answers are the same either way, only the bytes read differ."""

from __future__ import annotations

from typing import Any

from graph import territory as graph_territory
from tests.conftest import backend_for, run
from tests.hosts import GraphHost
from tests.live import LiveServer

BERKANE_PROVINCE, BERKANE = "MA:02.113", "MA:02.113.01.09"
BRIEF = """{ collectivity(id: "MA:02.113") { ... on Province {
    communes(first: 100) { nodes { id code nameFr nameAr population hasCouncil
                                   parent { id } } } } } }"""
WHOLE = """{ collectivity(id: "MA:02.113") { ... on Province {
    communes(first: 100) { edges { node { id code nameFr nameAr population hasCouncil
        parent { id } households ... on Commune { population2014 region { id }
                                                   province { id } } } } } } } }"""


def _nodes(data: dict[str, Any]) -> list[dict[str, Any]]:
    communes = data["collectivity"]["communes"]
    return communes.get("nodes") or [edge["node"] for edge in communes["edges"]]


def test_brief_units_hold_only_the_brief_keys(graph_host: GraphHost,
                                              backbone_graph: str) -> None:
    async def read() -> tuple[list[Any], list[Any]]:
        backend = backend_for(graph_host, backbone_graph)
        try:
            brief = await graph_territory.children(backend, "PART_OF", [BERKANE_PROVINCE],
                                                   brief=True)
            whole = await graph_territory.children(backend, "PART_OF", [BERKANE_PROVINCE])
            return brief, whole
        finally:
            await backend.close()
    brief, whole = run(read())
    assert len(brief) == len(whole) > 10
    assert all(set(row["n"]) == set(graph_territory.BRIEF_KEYS) for row in brief)
    assert all(set(row["n"]) == set(graph_territory.TERRITORY_KEYS) for row in whole)
    # Same units, same order, same values for the keys both hold.
    assert [{key: row["n"][key] for key in graph_territory.BRIEF_KEYS} for row in whole] == \
        [row["n"] for row in brief]


def test_a_list_asking_more_than_brief_fields_gets_whole_units(api: LiveServer) -> None:
    brief = {node["id"]: node for node in _nodes(api.data(BRIEF))}
    whole = {node["id"]: node for node in _nodes(api.data(WHOLE))}
    assert brief.keys() == whole.keys() and BERKANE in brief
    for id, node in whole.items():
        assert {key: node[key] for key in brief[id]} == brief[id]
    berkane = whole[BERKANE]
    assert berkane["households"] > 0 and berkane["population2014"] > 0
    assert berkane["region"] == {"id": "MA:02"}
    assert berkane["province"] == {"id": BERKANE_PROVINCE}


def test_brief_units_do_not_answer_a_later_look_up_of_the_whole_unit(
        api: LiveServer) -> None:
    # The brief list resolves first; the look-up by id after it must still read the
    # whole commune, not reuse the brief one (which has no households or region).
    query = """{ list: collectivity(id: "MA:02.113") { ... on Province {
          communes(first: 100) { nodes { id nameFr } } } }
        one: collectivity(id: "MA:02.113.01.09") { households
          ... on Commune { region { id } cercle { id } } } }"""
    data = api.data(query)
    assert BERKANE in {node["id"] for node in data["list"]["communes"]["nodes"]}
    assert data["one"]["households"] > 0
    assert data["one"]["region"] == {"id": "MA:02"}


def test_fields_inside_fragments_count(api: LiveServer) -> None:
    query = """fragment Up on Commune { region { code } }
      { collectivity(id: "MA:02.113") { ... on Province {
          communes(first: 100) { nodes { id ...Up } } } } }"""
    nodes = _nodes(api.data(query))
    assert nodes and all(node["region"] == {"code": "02"} for node in nodes)


def test_collectivity_pages_agree_brief_or_whole_in_both_directions(api: LiveServer) -> None:
    template = """query($after: String, $dir: OrderDirection!) {
      collectivities(filter: {level: [COMMUNE]}, first: 40, after: $after,
                     orderBy: {field: POPULATION, direction: $dir}) {
        edges { cursor node { id population %s } } pageInfo { endCursor } } }"""
    for direction in ("ASC", "DESC"):
        pages: dict[str, list[dict[str, Any]]] = {}
        for kind, extra in (("brief", ""), ("whole", "households")):
            after, edges = None, []
            for _ in range(3):  # three pages, each continuing from the last cursor
                page = api.data(template % extra, {"after": after, "dir": direction})
                edges += page["collectivities"]["edges"]
                after = page["collectivities"]["pageInfo"]["endCursor"]
            pages[kind] = edges
        brief, whole = pages["brief"], pages["whole"]
        assert len(brief) == len(whole) == 120
        assert [(e["cursor"], e["node"]["id"]) for e in brief] == \
            [(e["cursor"], e["node"]["id"]) for e in whole]
        populations = [e["node"]["population"] for e in brief]
        assert populations == sorted(populations, reverse=direction == "DESC")
        assert all(e["node"]["households"] > 0 for e in whole)
