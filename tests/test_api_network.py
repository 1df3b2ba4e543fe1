"""The cooperation network over HTTP: the facts the seed articles state, with their sources."""

from __future__ import annotations

from itertools import pairwise

from tests.live import LiveServer

BERKANE_COMMUNE = "MA:02.113.01.09"
BERKANE_PROVINCE = "MA:02.113"
SAINT_GILLES = "BE:21013"
SOURCE_003 = "003_982db0d22045046b.txt"


def test_berkane_twin_programme_period_and_funder(network_api: LiveServer) -> None:
    data = network_api.data("""query($id: ID!) { collectivity(id: $id) { twinnings {
        partner { id ... on Collectivity { nameFr } } since status sources { file }
        programme { id start end nameAr partOf { id start }
          funders { role participant { id ... on Organisation { nameAr } } sources { file } } }
    } } }""", {"id": BERKANE_COMMUNE})
    [twinning] = data["collectivity"]["twinnings"]
    assert twinning["partner"] == {"id": SAINT_GILLES, "nameFr": "Saint-Gilles"}
    assert twinning["sources"] == [{"file": SOURCE_003}]
    programme = twinning["programme"]
    assert (programme["id"], programme["start"], programme["end"]) == (
        "programme:cim-2022-2026", "2022", "2026")
    assert programme["nameAr"] == "برنامج التعاون الجماعي الدولي 2022-2026"
    assert programme["partOf"] == {"id": "programme:cim", "start": "2017"}
    [funder] = programme["funders"]
    assert funder["participant"] == {"id": "org:belgian-development-cooperation",
                                     "nameAr": "التعاون البلجيكي للتنمية"}
    assert funder["sources"] == [{"file": SOURCE_003}]


def test_twinning_is_one_link_seen_from_both_sides(network_api: LiveServer) -> None:
    data = network_api.data("""{ a: collectivity(id: "MA:02.113.01.09") { twinnings { id } }
        b: collectivity(id: "BE:21013") { twinnings { id partner { id } } } }""")
    assert data["a"]["twinnings"][0]["id"] == data["b"]["twinnings"][0]["id"]
    assert data["b"]["twinnings"][0]["partner"] == {"id": BERKANE_COMMUNE}


def test_openness_workshop_host_and_chair(network_api: LiveServer) -> None:
    data = network_api.data("""{ event(id: "event:berkane-openness-workshop") {
        kind programme { id }
        participants(roles: [ORGANISER, CHAIR]) { role sources { file }
          participant { id ... on Person { nameAr posts { post { nameAr body { id } } } } } }
    } }""")
    event = data["event"]
    assert event["kind"] == "WORKSHOP"
    assert event["programme"] == {"id": "programme:berkane-openness"}
    by_role = {p["role"]: p for p in event["participants"]}
    assert by_role["ORGANISER"]["participant"]["id"] == BERKANE_PROVINCE
    chair = by_role["CHAIR"]["participant"]
    assert chair["nameAr"] == "خالد عزوزوي"
    assert chair["posts"][0]["post"]["body"] == {"id": "org:berkane-openness-committee"}
    assert by_role["CHAIR"]["sources"] == [{"file": "000_6d3baf1c3126418d.txt"}]


def test_network_member_counts_as_stated(network_api: LiveServer) -> None:
    data = network_api.data("""{ network(id: "network:remacto") { founded
        members { member { id } sources { file } }
        statedCounts { measure category value sources { file } } } }""")
    network = data["network"]
    assert network["founded"] == "2022-10-21"
    counts = {c["category"]: c["value"] for c in network["statedCounts"]}
    assert counts == {"collectivité locale": 126, "REGION": 12, "PROVINCE": 7, "COMMUNE": 107}
    assert {c["sources"][0]["file"] for c in network["statedCounts"]} == {
        "002_fdbef4fad8fb6b6a.txt"}
    assert [m["member"]["id"] for m in network["members"]] == ["MA:04.421"]


def test_coverage_by_region_against_backbone_totals(network_api: LiveServer) -> None:
    data = network_api.data("""{ coverage(network: "network:remacto") {
        national { levels { level members total } population populationCovered }
        groups { territory { id } levels { level members total } members { id } }
        statedCounts { category value } } }""")
    coverage = data["coverage"]
    national = {lv["level"]: (lv["members"], lv["total"]) for lv in coverage["national"]["levels"]}
    assert national == {"REGION": (0, 12), "PROVINCE": (1, 83), "COMMUNE": (0, 1503)}
    assert len(coverage["groups"]) == 12
    [rabat] = [g for g in coverage["groups"] if g["members"]]
    assert rabat["territory"] == {"id": "MA:04"}
    assert rabat["members"] == [{"id": "MA:04.421"}]
    assert 0 < coverage["national"]["populationCovered"] < coverage["national"]["population"]
    assert {"category": "collectivité locale", "value": 126} in coverage["statedCounts"]


def test_coverage_of_a_programme_by_province(network_api: LiveServer) -> None:
    data = network_api.data("""{ coverage(programme: "programme:cim", groupBy: PROVINCE) {
        national { levels { level members } } membersAbroad { id }
        groups { territory { id } } } }""")
    coverage = data["coverage"]
    national = {lv["level"]: lv["members"] for lv in coverage["national"]["levels"]}
    assert national["COMMUNE"] == 10
    assert len(coverage["membersAbroad"]) == 10
    assert SAINT_GILLES in {m["id"] for m in coverage["membersAbroad"]}
    assert len(coverage["groups"]) == 83


def test_coverage_states_recorded_against_stated_members(network_api: LiveServer) -> None:
    data = network_api.data("""{ coverage(network: "network:remacto") {
        memberCount { recorded stated statedOn statedBy { file } summary } funders { id } } }""")
    coverage = data["coverage"]
    assert coverage["memberCount"] == {
        "recorded": 1, "stated": 126, "statedOn": None,
        "statedBy": [{"file": "002_fdbef4fad8fb6b6a.txt"}],
        "summary": "1 of 126 stated members recorded by name"}
    assert coverage["funders"] == []


def test_a_programmes_funder_is_not_one_of_its_members(network_api: LiveServer) -> None:
    data = network_api.data("""{ coverage(programme: "programme:cim-2022-2026") {
        otherMembers { id } funders { id } membersAbroad { id }
        national { levels { level members } }
        memberCount { recorded stated statedBy { id } summary } } }""")
    coverage = data["coverage"]
    assert coverage["funders"] == [{"id": "org:belgian-development-cooperation"}]
    assert "org:belgian-development-cooperation" not in {m["id"] for m in
                                                          coverage["otherMembers"]}
    communes = {lv["level"]: lv["members"] for lv in coverage["national"]["levels"]}["COMMUNE"]
    count = coverage["memberCount"]
    assert count["recorded"] == (communes + len(coverage["membersAbroad"])
                                 + len(coverage["otherMembers"]))
    assert (count["stated"], count["statedBy"]) == (None, [])
    assert count["summary"] == (f"{count['recorded']} members recorded by name; no source "
                                "states how many there are")


def test_coverage_bad_arguments(network_api: LiveServer) -> None:
    error = network_api.error('{ coverage(network: "network:nope") { groupBy } }')
    assert error["extensions"]["argument"] == "network"
    error = network_api.error('{ coverage { groupBy } }')
    assert "exactly one of" in error["message"]


def test_directorate_is_connected_to_a_belgian_municipality(network_api: LiveServer) -> None:
    data = network_api.data("""{ connections(from: "org:dgct", to: "BE:21013", first: 3) {
        truncated paths { length steps { kind role from { id } to { id }
          link { id sources { file } } } } } }""")
    paths = data["connections"]["paths"]
    assert paths and not data["connections"]["truncated"]
    for path in paths:
        steps = path["steps"]
        assert path["length"] == len(steps) == len(paths[0]["steps"])
        assert steps[0]["from"]["id"] == "org:dgct" and steps[-1]["to"]["id"] == SAINT_GILLES
        for before, after in pairwise(steps):
            assert before["to"]["id"] == after["from"]["id"]
        for step in steps:
            if step["kind"] != "TERRITORY":
                assert step["link"]["sources"], step
    assert paths[0]["steps"][-1]["kind"] == "TWINNING"


def test_connections_limits_and_unknown_ids(network_api: LiveServer) -> None:
    error = network_api.error('{ connections(from: "org:nope", to: "BE:21013") { visited } }')
    assert error["extensions"]["argument"] == "from"
    error = network_api.error(
        '{ connections(from: "org:dgct", to: "BE:21013", maxHops: 50) { visited } }')
    assert error["extensions"]["argument"] == "maxHops" and "between 1 and" in error["message"]
    data = network_api.data("""{ connections(from: "org:dgct", to: "BE:21013",
        via: [TWINNING]) { paths { length } } }""")
    assert data["connections"]["paths"] == []


def test_neighbourhood_of_an_actor(network_api: LiveServer) -> None:
    data = network_api.data("""{ neighbourhood(id: "org:dgct") { truncated
        nodes { id } edges { kind role from { id } to { id } link { id } } } }""")
    hood = data["neighbourhood"]
    ids = [n["id"] for n in hood["nodes"]]
    assert ids[0] == "org:dgct" and "programme:tadafur" in ids
    assert all("org:dgct" in (e["from"]["id"], e["to"]["id"]) for e in hood["edges"])
    assert network_api.data('{ neighbourhood(id: "org:nope") { truncated } }') == {
        "neighbourhood": None}
    error = network_api.error('{ neighbourhood(id: "org:dgct", depth: 9) { truncated } }')
    assert error["extensions"]["argument"] == "depth"


def test_search_finds_every_kind(network_api: LiveServer) -> None:
    hits = network_api.data('{ search(text: "REMACTO") { label entity { id } } }')["search"]
    assert hits[0]["entity"]["id"] == "network:remacto"
    hits = network_api.data('{ search(text: "الوكالة البلجيكية للتنمية", types: [ORGANISATION]) '
                            '{ entity { id } } }')["search"]
    assert [h["entity"]["id"] for h in hits] == ["org:enabel"]


def test_node_and_sources_mentions(network_api: LiveServer) -> None:
    data = network_api.data("""{ node(id: "programme:tadafur") { id ... on Programme { kind } }
        source(id: "src:seed-003") { file states { id } supports { kind } } }""")
    assert data["node"] == {"id": "programme:tadafur", "kind": "COMPONENT"}
    source = data["source"]
    assert "programme:cim-2022-2026" in {m["id"] for m in source["states"]}
    assert sum(1 for s in source["supports"] if s["kind"] == "TWINNING") == 10


def test_lists_cost_one_round_trip_per_level(network_api: LiveServer) -> None:
    query = """{ programmes { id participants { role participant { id }
        sources { title } } } }"""
    # programmes, participations, participants, sources: four levels, four statements.
    assert network_api.round_trips(query) == 4
    data = network_api.data(query)
    assert len(data["programmes"]) == 10


def test_partners_through_twinnings_and_shared_programmes(network_api: LiveServer) -> None:
    data = network_api.data("""{ collectivity(id: "MA:02.113.01.09") { partners {
        via partner { id } through { ... on Twinning { id } ... on Programme { id } } } }
        organisation(id: "org:enabel") { partners { via partner { id } } } }""")
    berkane = data["collectivity"]["partners"]
    assert {"via": "TWINNING", "partner": {"id": "BE:21013"},
            "through": {"id": "twinning:BE:21013~MA:02.113.01.09~programme:cim-2022-2026"}
            } in berkane
    enabel = data["organisation"]["partners"]
    assert enabel and {p["via"] for p in enabel} <= {"PARTICIPATION", "DOCUMENT_PARTY"}
    assert all(p["partner"]["id"] != "org:enabel" for p in enabel)
