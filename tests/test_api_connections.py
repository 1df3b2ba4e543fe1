"""Connections that cannot mislead: stated links first, containment marked as such, and an
explanation whenever a search finds nothing (issue 15)."""

from __future__ import annotations

from itertools import pairwise
from typing import Any

import pytest

from tests.conftest import issue_token
from tests.hosts import GraphHost
from tests.live import LiveServer

SAINT_GILLES = "BE:21013"
BERKANE = "MA:02.113.01.09"
QUERY = """query($from: ID!, $to: ID!, $maxHops: Int = 8, $via: [LinkKind!]) {
  connections(from: $from, to: $to, maxHops: $maxHops, via: $via) { visited truncated
    explanation { reason message visited maxHops suggestedMaxHops suggestion }
    paths { length containmentSteps steps { kind stepKind description
      from { id } to { id } link { id } sources { file } } } } }"""


@pytest.fixture(scope="module")
def admin(graph_host: GraphHost, writable_graph: str) -> str:
    return issue_token(graph_host, writable_graph, "Admin", "admin")


def ask(api: LiveServer, start: str, end: str, **arguments: Any) -> dict[str, Any]:
    found: dict[str, Any] = api.data(QUERY, {"from": start, "to": end, **arguments})
    connections: dict[str, Any] = found["connections"]
    return connections


def chained(path: dict[str, Any], start: str, end: str) -> bool:
    steps = path["steps"]
    return (steps[0]["from"]["id"] == start and steps[-1]["to"]["id"] == end
            and all(a["to"]["id"] == b["from"]["id"] for a, b in pairwise(steps)))


def test_containment_steps_are_marked_and_unsourced(network_api: LiveServer) -> None:
    # The README's example: no chain of stated links joins them within 8 hops.
    found = ask(network_api, "org:dgct", SAINT_GILLES)
    assert found["paths"]
    for path in found["paths"]:
        assert chained(path, "org:dgct", SAINT_GILLES)
        containment = [s for s in path["steps"] if s["stepKind"] == "CONTAINMENT"]
        assert path["containmentSteps"] == len(containment) > 0
        for step in path["steps"]:
            if step["stepKind"] == "CONTAINMENT":
                assert (step["kind"], step["link"], step["sources"]) == ("TERRITORY", None, [])
                assert "not a link any source states" in step["description"]
            else:
                assert step["link"]["id"] and step["sources"], step
    explanation = found["explanation"]
    assert explanation["reason"] == "CONTAINMENT_ONLY" and explanation["maxHops"] == 8
    assert explanation["message"].startswith("no chain of stated links within 8 hops")


def test_a_chain_of_stated_links_is_preferred_to_a_shorter_one_through_containment(
        writable: LiveServer, admin: str) -> None:
    # Berkane and its province, both members of one network: two stated hops, where the
    # commune is one containment step from its province.
    assert ask(writable, BERKANE, "MA:02.113")["paths"][0]["containmentSteps"] == 1
    writable.data("""mutation { createNetwork(input: {id: "network:h15", names: [{lang: "fr",
        text: "Réseau d'essai"}]}, newSource: {id: "src:h15", title: "Communiqué",
        language: "fr"}) { __typename } }""", token=admin)
    for member in (BERKANE, "MA:02.113"):
        created = writable.data("""mutation($member: ID!) { createMembership(input: {
            network: "network:h15", member: $member}, sources: ["src:h15"]) { __typename } }""",
                                {"member": member}, admin)
        assert created["createMembership"]["__typename"] == "Changed", created
    found = ask(writable, BERKANE, "MA:02.113")
    assert found["explanation"] is None
    [path] = found["paths"]
    assert (path["length"], path["containmentSteps"]) == (2, 0)
    assert [s["kind"] for s in path["steps"]] == ["MEMBERSHIP", "MEMBERSHIP"]
    assert all(s["sources"] == [{"file": None}] for s in path["steps"])
    # Asked for containment only, containment it is.
    found = ask(writable, BERKANE, "MA:02.113", via=["TERRITORY"])
    assert [p["containmentSteps"] for p in found["paths"]] == [1]


def test_a_search_too_short_says_how_far_to_go(network_api: LiveServer) -> None:
    found = ask(network_api, "org:dgct", "BE:21002")
    assert (found["paths"], found["truncated"]) == ([], False)
    explanation = found["explanation"]
    hops = explanation["suggestedMaxHops"]
    assert explanation["reason"] == "TOO_FAR" and hops > 8
    assert explanation["visited"] == found["visited"] > 2
    assert explanation["suggestion"] == f"try maxHops: {hops}"
    assert explanation["message"] == (f"no path within 8 hops; {found['visited']} entities "
                                      f"visited; try maxHops: {hops}")
    further = ask(network_api, "org:dgct", "BE:21002", maxHops=hops)
    assert further["paths"] and further["paths"][0]["length"] == hops
    assert chained(further["paths"][0], "org:dgct", "BE:21002")


def test_unconnected_ends_are_said_to_be(network_api: LiveServer) -> None:
    # The directorate takes part in no twinning: one side runs out at once.
    found = ask(network_api, "org:dgct", SAINT_GILLES, via=["TWINNING"])
    assert found["paths"] == []
    explanation = found["explanation"]
    assert explanation["reason"] == "NOT_CONNECTED"
    assert explanation["suggestion"] is None and explanation["suggestedMaxHops"] is None
    assert explanation["message"].startswith("no path at any length")


def test_a_path_of_stated_links_has_no_explanation(network_api: LiveServer) -> None:
    found = ask(network_api, BERKANE, "org:belgian-development-cooperation")
    assert found["explanation"] is None
    assert found["paths"] and all(p["containmentSteps"] == 0 for p in found["paths"])
    only_containment = ask(network_api, BERKANE, "MA:02", via=["TERRITORY"])
    assert only_containment["explanation"] is None
    assert only_containment["paths"][0]["containmentSteps"] == 2


def test_round_trips_stay_bounded(network_api: LiveServer) -> None:
    # One statement per level: the stated search (at most 10 levels with its look-ahead),
    # the search through containment (8), and the two ends' look-up.
    trips = network_api.round_trips(
        '{ connections(from: "org:dgct", to: "BE:21013") { paths { length } } }')
    assert trips <= 1 + 10 + 8


def test_no_belgian_twin_gets_an_unexplained_empty_answer(network_api: LiveServer) -> None:
    twins = network_api.data('{ coverage(programme: "programme:cim") { membersAbroad { id } } }')
    ids = [m["id"] for m in twins["coverage"]["membersAbroad"]]
    assert len(ids) == 10
    for twin in ids:
        found = ask(network_api, "org:dgct", twin)
        explanation = found["explanation"]
        if not found["paths"]:
            # Each is within reach of a longer search, which the explanation names.
            assert explanation["reason"] == "TOO_FAR", (twin, explanation)
            hops = explanation["suggestedMaxHops"]
            assert ask(network_api, "org:dgct", twin, maxHops=hops)["paths"], twin
        elif any(p["containmentSteps"] for p in found["paths"]):
            assert explanation["reason"] == "CONTAINMENT_ONLY", (twin, explanation)
