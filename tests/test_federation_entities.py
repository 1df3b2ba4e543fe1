"""`_entities` over real HTTP: batching, order, unknown keys and bad representations."""

from __future__ import annotations

import random
import time
from typing import Any

import pytest

from tests.live import LiveServer

ENTITIES = """query($representations: [_Any!]!) { _entities(representations: $representations) {
    __typename ... on Territory { id code } ... on CuratedEntity { id label }
    ... on Source { id title } } }"""

# Units of every territorial type, with ids and codes, read through the public API.
UNITS = """{
  countries { __typename id code }
  regions { __typename id code provinces { __typename id code
    cercles { __typename id code } } }
  be: regions(country: "BE") { __typename id code }
  communes: collectivities(filter: {level: COMMUNE}, first: 100) { nodes { __typename id code } }
  more: collectivities(filter: {level: COMMUNE}, first: 100, orderBy: {field: POPULATION})
    { nodes { __typename id code } }
  municipalities: collectivities(filter: {level: MUNICIPALITY}, first: 100)
    { nodes { __typename id code } }
  casablanca: collectivity(code: "06.141.01.0") { ... on Commune {
    arrondissements { __typename id code } } }
}"""

# Curated entities of every type, read through the public API.
CURATED = """{
  organisations { __typename id label posts { __typename id label } }
  networks { __typename id label }
  programmes { __typename id label }
  persons { __typename id label }
  events { __typename id label }
  documents { __typename id label }
  sources { __typename id title }
}"""

@pytest.fixture(scope="module")
def api(network_api: LiveServer) -> LiveServer:
    """The registry with the curated network (conftest), for this module's read-only tests."""
    return network_api


def entities(api: LiveServer, representations: list[Any]) -> dict[str, Any]:
    return api.post(ENTITIES, {"representations": representations})


def units(api: LiveServer) -> list[dict[str, str]]:
    data = api.data(UNITS)
    found = [*data["countries"], *data["be"], *data["casablanca"]["arrondissements"]]
    for region in data["regions"]:
        found.append(region)
        for province in region["provinces"]:
            found += [province, *province["cercles"]]
    for name in ("communes", "more", "municipalities"):
        found += data[name]["nodes"]
    return list({unit["id"]: {key: unit[key] for key in ("__typename", "id", "code")}
                 for unit in found}.values())


def curated(api: LiveServer) -> list[dict[str, str]]:
    data = api.data(CURATED)
    found = [entity for kind in data.values() for entity in kind]
    found += [post for organisation in data["organisations"] for post in organisation["posts"]]
    return [{k: v for k, v in entity.items() if k != "posts"} for entity in found]


def test_five_hundred_mixed_representations_cost_one_round_trip_per_loader(
        api: LiveServer) -> None:
    rng = random.Random(4)
    known = rng.sample(units(api), 330)
    assert {u["__typename"] for u in known} == {
        "Country", "Region", "Province", "Cercle", "Commune", "ForeignMunicipality",
        "Arrondissement"}
    entities_known = curated(api)
    assert {e["__typename"] for e in entities_known} == {
        "Organisation", "Post", "Network", "Programme", "Person", "Event", "Document", "Source"}
    cases: list[tuple[dict[str, Any], dict[str, str] | None]] = []
    for unit in known:
        # Countries have only @key(fields: "id"); every other type also has a code key.
        key = "id" if unit["__typename"] == "Country" or rng.random() < 0.5 else "code"
        cases.append(({"__typename": unit["__typename"], key: unit[key]}, unit))
    for entity in rng.sample(entities_known, min(len(entities_known), 90)):
        cases.append(({"__typename": entity["__typename"], "id": entity["id"]}, entity))
    for n in range(15):
        cases.append(({"__typename": "Commune", "id": f"MA:99.{n:03}.01.01"}, None))
        cases.append(({"__typename": "Region", "code": f"nonexistent-{n}"}, None))
        cases.append(({"__typename": "Programme", "id": f"programme:nonexistent-{n}"}, None))
    # Keys of existing entities sent under another type: null, never a relabelled entity.
    cases.append(({"__typename": "Region", "id": "MA:01.511"}, None))  # a province
    cases.append(({"__typename": "Commune", "code": "01.511"}, None))
    cases.append(({"__typename": "Organisation", "id": "programme:cim-2022-2026"}, None))
    cases.append(({"__typename": "Programme", "id": "MA:02.113.01.09"}, None))  # a territory
    known_cases = [case for case in cases if case[1] is not None]
    while len(cases) < 500:  # repeats of the same entity are answered each time
        cases.append(rng.choice(known_cases))
    rng.shuffle(cases)
    assert len(cases) == 500

    started = time.perf_counter()
    body = entities(api, [representation for representation, _ in cases])
    elapsed = time.perf_counter() - started

    assert "errors" not in body, body["errors"]
    assert body["data"]["_entities"] == [expected for _, expected in cases]
    # Three statements: one for all the territory ids (territory loader), one for
    # all the codes (territory_by_code), one for all the curated ids (entity),
    # whatever the types, the order and the repeats.
    assert body["extensions"]["roundTrips"] == 3
    assert elapsed < 5, f"500 representations took {elapsed:.2f} s"


def test_only_ids_cost_one_round_trip_and_fields_batch_per_level(api: LiveServer) -> None:
    communes = api.data("""{ collectivities(filter: {level: COMMUNE}, first: 100)
        { nodes { id } } }""")["collectivities"]["nodes"]
    query = """query($representations: [_Any!]!) { _entities(representations: $representations)
        { ... on Commune { id province { code } region { nameFr } } } }"""
    body = api.post(query, {"representations": [
        {"__typename": "Commune", "id": c["id"]} for c in communes]})
    assert "errors" not in body, body["errors"]
    assert [e["id"] for e in body["data"]["_entities"]] == [c["id"] for c in communes]
    assert all(e["region"]["nameFr"] and e["province"]["code"]
               for e in body["data"]["_entities"])
    # Communes by id (1); then provinces and regions are all loaded by id in one batch (1).
    assert body["extensions"]["roundTrips"] == 2


def test_representation_by_id_and_code_must_agree(api: LiveServer) -> None:
    body = entities(api, [
        {"__typename": "Province", "id": "MA:01.511", "code": "01.511"},
        {"__typename": "Province", "id": "MA:01.511", "code": "02.113"},
    ])
    assert "errors" not in body, body["errors"]
    assert body["data"]["_entities"] == [
        {"__typename": "Province", "id": "MA:01.511", "code": "01.511"}, None]


def assert_entity_error(body: dict[str, Any], index: int, *fragments: str) -> None:
    matching = [e for e in body["errors"] if e.get("path") == ["_entities", index]]
    assert len(matching) == 1, body["errors"]
    error = matching[0]
    assert error["extensions"]["code"] == "BAD_USER_INPUT", error
    for fragment in fragments:
        assert fragment in error["message"], error


def test_representation_missing_its_key_is_null_with_an_error_naming_it(
        api: LiveServer) -> None:
    body = entities(api, [
        {"__typename": "Commune", "id": "MA:02.113.01.09"},
        {"__typename": "Commune", "name": "Berkane"},
        {"__typename": "Country", "code": "MA"},
        {"__typename": "Region", "id": {"nested": "MA:02"}},
        {"__typename": "Region", "id": "MA:02"},
        {"__typename": "Programme", "slug": "cim-2022-2026"},
        {"__typename": "Programme", "id": "programme:cim-2022-2026"},
    ])
    assert body["data"]["_entities"] == [
        {"__typename": "Commune", "id": "MA:02.113.01.09", "code": "02.113.01.09"},
        None, None, None,
        {"__typename": "Region", "id": "MA:02", "code": "02"},
        None,
        {"__typename": "Programme", "id": "programme:cim-2022-2026",
         "label": "برنامج التعاون الجماعي الدولي 2022-2026"},
    ]
    assert len(body["errors"]) == 4, body["errors"]
    assert_entity_error(body, 1, "Commune representation", '"name": "Berkane"',
                        "missing key field id or code")
    assert_entity_error(body, 2, "Country representation", '"code": "MA"',
                        "missing key field id")
    assert_entity_error(body, 3, "Region representation", "key field id must be")
    assert_entity_error(body, 5, "Programme representation", '"slug": "cim-2022-2026"',
                        "missing key field id")


def test_representation_with_a_wrong_typename_is_null_with_an_error_naming_it(
        api: LiveServer) -> None:
    body = entities(api, [
        {"__typename": "Comune", "id": "MA:02.113.01.09"},
        {"__typename": "Commune", "id": "MA:02.113.01.09"},
        {"__typename": "Name", "text": "Berkane"},
        {"id": "MA:02"},
        "MA:02",
        {"__typename": "Region", "code": "02"},
    ])
    assert body["data"]["_entities"] == [
        None, {"__typename": "Commune", "id": "MA:02.113.01.09", "code": "02.113.01.09"},
        None, None, None, {"__typename": "Region", "id": "MA:02", "code": "02"},
    ]
    assert len(body["errors"]) == 4, body["errors"]
    assert_entity_error(body, 0, "Comune representation", "Comune is not an entity type",
                        "Commune")
    assert_entity_error(body, 2, "Name representation", "Name is not an entity type")
    assert_entity_error(body, 3, "missing __typename", '"id": "MA:02"')
    assert_entity_error(body, 4, "must be an object")


def test_collectivity_representations_come_back_as_their_own_type(api: LiveServer) -> None:
    body = entities(api, [
        {"__typename": "Collectivity", "id": "MA:02"},
        {"__typename": "Collectivity", "id": "BE:21013"},
        {"__typename": "Collectivity", "id": "MA"},  # a country is not a collectivity
        {"__typename": "Collectivity", "id": "MA:02.113.01.09"},
        {"__typename": "Collectivity", "id": "MA:99.999"},
        {"__typename": "Collectivity", "code": "02"},
    ])
    assert body["data"]["_entities"] == [
        {"__typename": "Region", "id": "MA:02", "code": "02"},
        {"__typename": "ForeignMunicipality", "id": "BE:21013", "code": "21013"},
        None,
        {"__typename": "Commune", "id": "MA:02.113.01.09", "code": "02.113.01.09"},
        None, None,
    ]
    assert len(body["errors"]) == 1, body["errors"]
    assert_entity_error(body, 5, "Collectivity representation", "missing key field id")
    assert body["extensions"]["roundTrips"] == 1
