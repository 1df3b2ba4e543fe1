"""The twinnings question over HTTP: filters, pages, totals and round trips, on the seed
network (ten twinnings from article 003, Moroccan communes with Belgian municipalities)."""

from __future__ import annotations

from typing import Any

from tests.live import LiveServer

TWINNINGS = """query($f: TwinningFilter, $first: Int, $after: String) {
  twinnings(filter: $f, first: $first, after: $after) {
    totalCount pageInfo { endCursor hasNextPage }
    nodes { id programme { id } partner { id ... on Territory { countryCode } }
            twins { id } sources { id } } } }"""
NODES_ONLY = "{ twinnings(first: 100) { nodes { id } } }"
BERKANE = "MA:02.113.01.09"
ORIENTAL = "MA:02"


def _twinnings(api: LiveServer, filters: dict[str, Any] | None = None,
               first: int = 100, after: str | None = None) -> dict[str, Any]:
    variables = {"f": filters, "first": first, "after": after}
    result: dict[str, Any] = api.data(TWINNINGS, variables)["twinnings"]
    return result


def test_every_twinning_once_with_its_foreign_partner(network_api: LiveServer) -> None:
    every = _twinnings(network_api)
    assert every["totalCount"] == len(every["nodes"]) == 10
    assert len({node["id"] for node in every["nodes"]}) == 10
    for node in every["nodes"]:
        assert node["partner"]["countryCode"] == "BE"
        assert node["sources"], "every twinning cites its source"
    berkane = [n for n in every["nodes"] if BERKANE in {t["id"] for t in n["twins"]}]
    assert [n["partner"]["id"] for n in berkane] == ["BE:21013"]


def test_filters_narrow_the_list(network_api: LiveServer) -> None:
    assert _twinnings(network_api, {"country": "BE"})["totalCount"] == 10
    assert _twinnings(network_api, {"country": "FR"})["totalCount"] == 0
    assert _twinnings(network_api, {"abroad": False})["totalCount"] == 0
    oriental = _twinnings(network_api, {"region": ORIENTAL})
    assert 0 < oriental["totalCount"] < 10
    assert all(any(t["id"].startswith("MA:02.") for t in n["twins"]) for n in oriental["nodes"])
    province = _twinnings(network_api, {"province": "MA:02.113"})
    assert BERKANE in {t["id"] for n in province["nodes"] for t in n["twins"]}
    assert province["totalCount"] <= oriental["totalCount"]
    within = _twinnings(network_api, {"programme": "programme:cim-2022-2026"})
    assert within["totalCount"] == sum(
        1 for n in _twinnings(network_api)["nodes"]
        if (n["programme"] or {}).get("id") == "programme:cim-2022-2026")


def test_pages_follow_each_other(network_api: LiveServer) -> None:
    whole = [n["id"] for n in _twinnings(network_api)["nodes"]]
    seen: list[str] = []
    after = None
    while True:
        page = _twinnings(network_api, first=3, after=after)
        seen += [n["id"] for n in page["nodes"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert seen == whole


def test_one_round_trip_for_the_page_one_more_for_the_total(network_api: LiveServer) -> None:
    assert network_api.round_trips(NODES_ONLY) == 1
    assert network_api.round_trips("{ twinnings { totalCount nodes { id } } }") == 2


def test_a_foreign_cursor_is_refused(network_api: LiveServer) -> None:
    error = network_api.error("{ twinnings(after: \"bm9wZQ==\") { nodes { id } } }")
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert "cursor" in error["message"]


def test_collectivities_with_a_twin_abroad(network_api: LiveServer) -> None:
    query = """query($t: Boolean) { collectivities(filter: {country: "MA", level: COMMUNE,
        twinnedAbroad: $t}, first: 100) { totalCount nodes { id } } }"""
    twinned = network_api.data(query, {"t": True})["collectivities"]
    moroccan = {t["id"] for n in _twinnings(network_api)["nodes"] for t in n["twins"]
                if t["id"].startswith("MA:")}
    assert {n["id"] for n in twinned["nodes"]} == moroccan and BERKANE in moroccan
    every = network_api.data(query, {"t": None})["collectivities"]["totalCount"]
    without = network_api.data(query, {"t": False})["collectivities"]["totalCount"]
    assert twinned["totalCount"] + without == every


COVERAGE = """query($by: CoverageGrouping!, $country: String) {
  twinningCoverage(groupBy: $by, country: $country) {
    national { twinnings countries { countryCode twinnings }
               coverage { levels { level members total } members { id } } }
    groups { twinnings countries { countryCode twinnings }
             coverage { territory { id } levels { level members total } } } } }"""


def test_twinning_coverage_by_region_and_province(network_api: LiveServer) -> None:
    by_region = network_api.data(COVERAGE, {"by": "REGION"})["twinningCoverage"]
    national = by_region["national"]
    assert national["twinnings"] == 10
    assert national["countries"] == [{"countryCode": "BE", "twinnings": 10}]
    communes = next(x for x in national["coverage"]["levels"] if x["level"] == "COMMUNE")
    twinned = network_api.data("""{ collectivities(filter: {country: "MA", level: COMMUNE,
        twinnedAbroad: true}) { totalCount } }""")["collectivities"]["totalCount"]
    assert communes["members"] == twinned and communes["total"] > 1000
    assert sum(g["twinnings"] for g in by_region["groups"]) == 10
    oriental = next(g for g in by_region["groups"] if g["coverage"]["territory"]["id"] == ORIENTAL)
    assert oriental["twinnings"] == _twinnings(network_api, {"region": ORIENTAL})["totalCount"]
    by_province = network_api.data(COVERAGE, {"by": "PROVINCE"})["twinningCoverage"]
    assert sum(g["twinnings"] for g in by_province["groups"]) == 10
    france = network_api.data(COVERAGE, {"by": "REGION", "country": "FR"})["twinningCoverage"]
    assert france["national"]["twinnings"] == 0
