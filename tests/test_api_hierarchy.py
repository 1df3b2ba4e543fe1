"""The backbone over GraphQL: the issue's examples, hierarchy both ways, round trips."""

from __future__ import annotations

from typing import Any

from tests.live import LiveServer

HIERARCHY = """{ regions { nameFr nameAr provinces { nameFr
    communes(first: 100) { totalCount edges { node { nameAr population } } } } } }"""


def test_counts_communes(api: LiveServer) -> None:
    data = api.data("{ collectivities(filter: {level: COMMUNE}) { totalCount } }")
    assert data["collectivities"]["totalCount"] == 1503


def test_regions_with_provinces_and_first_communes(api: LiveServer) -> None:
    query = """{ regions { nameFr nameAr provinces { nameFr
        communes(first: 3) { edges { node { nameAr population } } } } } }"""
    regions = api.data(query)["regions"]
    assert len(regions) == 12
    assert {r["nameFr"] for r in regions} >= {"Oriental", "Souss-Massa", "Casablanca-Settat"}
    provinces = [p for r in regions for p in r["provinces"]]
    assert len(provinces) == 83
    with_communes = [p for p in provinces if p["communes"]["edges"]]
    assert all(len(p["communes"]["edges"]) <= 3 for p in provinces)
    assert all(e["node"]["nameAr"] and e["node"]["population"] > 0
               for p in with_communes for e in p["communes"]["edges"])


def test_full_hierarchy_costs_one_round_trip_per_level(api: LiveServer) -> None:
    body = api.post(HIERARCHY)
    communes = [e for r in body["data"]["regions"] for p in r["provinces"]
                for e in p["communes"]["edges"]]
    assert len(communes) == 1503
    assert body["extensions"]["roundTrips"] == 3


def test_names_add_one_round_trip_per_level_asked(api: LiveServer) -> None:
    query = "{ regions { names { text } provinces { names { text lang } } } }"
    assert api.round_trips(query) == 4


def test_commune_navigates_up(api: LiveServer) -> None:
    query = """{ collectivity(id: "MA:02.113.01.09") { __typename name
        parent { name } ... on Commune { type province { code type } region { nameFr }
        cercle { code } } } }"""
    commune = api.data(query)["collectivity"]
    assert commune["__typename"] == "Commune"
    assert commune["type"] == "URBAN"
    assert commune["parent"]["name"] == "Berkane"
    assert commune["province"] == {"code": "02.113", "type": "PROVINCE"}
    assert commune["region"]["nameFr"] == "Oriental"
    assert commune["cercle"] is None


def test_rural_commune_has_cercle_and_cercle_lists_it(api: LiveServer) -> None:
    query = """{ collectivity(code: "02.381.07.09") { ... on Commune { type
        cercle { code province { code } communes { code } } } } }"""
    commune = api.data(query)["collectivity"]
    assert commune["type"] == "RURAL"
    assert commune["cercle"]["code"] == "02.381.07"
    assert commune["cercle"]["province"]["code"] == "02.381"
    assert "02.381.07.09" in {c["code"] for c in commune["cercle"]["communes"]}


def test_children_and_parent_agree(api: LiveServer) -> None:
    query = """{ collectivity(code: "02.113") { children { code parent { code } } } }"""
    children = api.data(query)["collectivity"]["children"]
    assert len(children) == 16
    assert {c["parent"]["code"] for c in children} == {"02.113"}


def test_region_communes_page_through_all(api: LiveServer) -> None:
    query = """query($after: String) { collectivity(code: "07") { ... on Region {
        communes(first: 100, after: $after) { totalCount pageInfo { hasNextPage endCursor }
        nodes { code } } } } }"""
    codes: list[str] = []
    after = None
    while True:
        page = api.data(query, {"after": after})["collectivity"]["communes"]
        codes += [n["code"] for n in page["nodes"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert len(codes) == len(set(codes)) == page["totalCount"] == 251


def test_arrondissements_of_casablanca(api: LiveServer) -> None:
    query = """{ collectivity(code: "06.141.01.0") { ... on Commune {
        arrondissements { code nameFr commune { code } } } } }"""
    arrondissements = api.data(query)["collectivity"]["arrondissements"]
    assert len(arrondissements) == 16
    assert {a["commune"]["code"] for a in arrondissements} == {"06.141.01.0"}


def test_belgian_municipality_in_brussels_has_region_not_province(api: LiveServer) -> None:
    query = """{ collectivity(code: "21013") { __typename names { text lang }
        ... on ForeignMunicipality { province { code } region { code nameNl } }
        country { nameFr } } }"""
    saint_gilles = api.data(query)["collectivity"]
    assert saint_gilles["__typename"] == "ForeignMunicipality"
    assert {(n["lang"], n["text"]) for n in saint_gilles["names"]} == {
        ("fr", "Saint-Gilles"), ("nl", "Sint-Gillis")}
    assert saint_gilles["province"] is None
    assert saint_gilles["region"]["code"] == "04000"
    assert saint_gilles["country"]["nameFr"] == "Belgique"


def test_belgian_region_and_province_hierarchy(api: LiveServer) -> None:
    regions = api.data('{ regions(country: "BE") { code provinces { code } } }')["regions"]
    assert len(regions) == 3
    assert sum(len(r["provinces"]) for r in regions) == 10
    la_hulpe = api.data('{ collectivity(code: "25050") { name parent { code } } }')
    assert la_hulpe["collectivity"] == {"name": "La Hulpe", "parent": {"code": "20002"}}


BRIEF_AND_FULL = """query($fields: Boolean!) {
  regions { id nameFr households @include(if: $fields) }
  province: collectivity(code: "09.541") { ... on Province {
    cercles { id nameFr households @include(if: $fields) } } }
  cercle: territory(code: "09.541.04") { ... on Cercle {
    communes { id nameFr households @include(if: $fields) } } }
  casablanca: collectivity(code: "06.141.01.0") { ... on Commune {
    arrondissements { id nameFr households @include(if: $fields) } } }
  region: collectivity(code: "09") { ... on Region { communes(first: 3) {
    totalCount nodes { id nameFr households @include(if: $fields) } } } }
}"""


def test_children_lists_give_the_same_units_brief_or_whole(api: LiveServer) -> None:
    brief = api.data(BRIEF_AND_FULL, {"fields": False})
    whole = api.data(BRIEF_AND_FULL, {"fields": True})

    def ids(answer: Any) -> list[list[str]]:
        lists = [answer["regions"], answer["province"]["cercles"], answer["cercle"]["communes"],
                 answer["casablanca"]["arrondissements"], answer["region"]["communes"]["nodes"]]
        return [[unit["id"] for unit in units] for units in lists]
    assert ids(brief) == ids(whole)
    assert [len(units) for units in ids(brief)] == [12, 6, 17, 16, 3]
    assert all("households" in unit for unit in whole["province"]["cercles"])
