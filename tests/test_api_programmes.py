"""The programmes question over HTTP on the seed network: funder, implementer, where,
when; pages, totals and round trips."""

from __future__ import annotations

from typing import Any

from tests.live import LiveServer

PROGRAMMES = """query($f: ProgrammeFilter!, $first: Int, $after: String) {
  programmesMatching(filter: $f, first: $first, after: $after) {
    totalCount pageInfo { endCursor hasNextPage }
    nodes { id start end funders { participant { id } } } } }"""
CIM = "programme:cim-2022-2026"
BELGIAN_COOPERATION = "org:belgian-development-cooperation"


def _ids(api: LiveServer, filters: dict[str, Any]) -> list[str]:
    found = api.data(PROGRAMMES, {"f": filters, "first": 100})["programmesMatching"]
    assert found["totalCount"] == len(found["nodes"])
    return [node["id"] for node in found["nodes"]]


def test_who_funds_and_who_implements(network_api: LiveServer) -> None:
    assert _ids(network_api, {"funder": BELGIAN_COOPERATION}) == [CIM]
    assert "programme:tadafur" in _ids(network_api, {"implementer": "org:dgct"})
    assert _ids(network_api, {"funder": "org:dgct"}) == []


def test_where_a_programme_is(network_api: LiveServer) -> None:
    # The 2022-2026 phase has partners in the Oriental (Berkane) and Tangier, none in Dakhla.
    assert CIM in _ids(network_api, {"region": "MA:02"})
    assert CIM in _ids(network_api, {"province": "MA:02.113"})
    assert CIM in _ids(network_api, {"funder": BELGIAN_COOPERATION, "region": "MA:02"})
    assert _ids(network_api, {"funder": BELGIAN_COOPERATION, "region": "MA:12"}) == []  # Dakhla


def test_running_on_a_date(network_api: LiveServer) -> None:
    in_2024 = _ids(network_api, {"activeOn": "2024-06-01"})
    assert CIM in in_2024 and "programme:cim-2017-2021" not in in_2024
    assert "programme:cim-2017-2021" in _ids(network_api, {"activeOn": "2021-12"})
    assert CIM in _ids(network_api, {"activeOn": "2026"})
    error = network_api.error(PROGRAMMES, {"f": {"activeOn": "June 2024"}})
    assert error["extensions"]["code"] == "BAD_USER_INPUT" and "activeOn" in error["message"]


def test_pages_and_round_trips(network_api: LiveServer) -> None:
    every = _ids(network_api, {})
    seen: list[str] = []
    after = None
    while True:
        page = network_api.data(PROGRAMMES, {"f": {}, "first": 3, "after": after})
        page = page["programmesMatching"]
        seen += [node["id"] for node in page["nodes"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert seen == every and len(every) >= 10
    query = "{ programmesMatching(filter: {}) { nodes { id } } }"
    assert network_api.round_trips(query) == 1
    with_total = "{ programmesMatching(filter: {}) { totalCount nodes { id } } }"
    assert network_api.round_trips(with_total) == 2
