"""A twinning is stated once: the API refuses a second one of the same two parties
(same programme, or either without one) and names the first (issue 15)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import issue_token
from tests.hosts import GraphHost
from tests.live import LiveServer

BERKANE, SAINT_GILLES, ANDERLECHT = "MA:02.113.01.09", "BE:21013", "BE:21001"
WITHIN_CIM = "twinning:BE:21013~MA:02.113.01.09~programme:cim-2022-2026"
CREATE = """mutation($parties: [ID!]!, $programme: ID) { createTwinning(input: {
    parties: $parties, programme: $programme}, sources: ["src:seed-003"]) {
    __typename ... on Changed { targetId }
    ... on InvalidInput { problems { field message existingId } } } }"""


@pytest.fixture(scope="module")
def admin(graph_host: GraphHost, writable_graph: str) -> str:
    return issue_token(graph_host, writable_graph, "Admin", "admin")


def create(live: LiveServer, token: str, parties: list[str],
           programme: str | None = None) -> dict[str, Any]:
    result: dict[str, Any] = live.data(CREATE, {"parties": parties, "programme": programme},
                                       token)["createTwinning"]
    return result


def refused_for(result: dict[str, Any]) -> str:
    assert result["__typename"] == "InvalidInput", result
    [problem] = result["problems"]
    assert problem["field"] == "parties" and problem["existingId"] in problem["message"]
    existing: str = problem["existingId"]
    return existing


def test_the_readme_twinning_is_refused_and_names_the_programmes(writable: LiveServer,
                                                                 admin: str) -> None:
    # Without a programme, or within the same one, in either order of the parties.
    assert refused_for(create(writable, admin, [BERKANE, SAINT_GILLES])) == WITHIN_CIM
    assert refused_for(create(writable, admin, [SAINT_GILLES, BERKANE],
                              "programme:cim-2022-2026")) == WITHIN_CIM
    twinnings = writable.data('{ collectivity(id: "BE:21013") { twinnings { id } } }')
    assert twinnings["collectivity"]["twinnings"] == [{"id": WITHIN_CIM}]


def test_twinnings_within_two_programmes_are_two(writable: LiveServer, admin: str) -> None:
    created = create(writable, admin, [BERKANE, SAINT_GILLES], "programme:tadafur")
    assert created["__typename"] == "Changed", created


def test_a_twinning_without_a_programme_is_stated_once(writable: LiveServer, admin: str) -> None:
    first = create(writable, admin, [BERKANE, ANDERLECHT])
    assert first["__typename"] == "Changed", first
    assert refused_for(create(writable, admin, [ANDERLECHT, BERKANE])) == first["targetId"]
    assert refused_for(create(writable, admin, [BERKANE, ANDERLECHT],
                              "programme:cim-2022-2026")) == first["targetId"]
