"""Hostile queries against a real server: each is refused or handled, nothing is written.

Every response must be a clean one (no 5xx, no traceback, Cypher or database
message, every error with a refusal code and the request id), the graph must be
exactly as it was (every entity, link, name, edge and property), and the server
must still answer a normal query.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import pytest

from graph.snapshot import Snapshot
from tests import hostile
from tests.conftest import graph_snapshot, served
from tests.hosts import GraphHost
from tests.live import LiveServer

NORMAL = '{ search(text: "بركان") { entity { id } } }'
FEW = ("' OR 1=1 //", "MATCH (n) DETACH DELETE n", "بركان", "a\u0000b")


@pytest.fixture(scope="module")
def target(graph_host: GraphHost, network_template: str) -> Iterator[LiveServer]:
    """A live server on a graph of this module's own (backbone plus curated network)."""
    with served(graph_host, network_template) as live:
        yield live


def graph_state(server: GraphHost, live: LiveServer) -> Snapshot:
    """Everything in the server's graph."""
    return graph_snapshot(server, live.settings.graph)


def post(live: LiveServer, query: str, variables: dict[str, object] | None = None,
         **kwargs: object) -> str:
    """POST an operation; the outcome ('ok' or refusal codes), checked to be clean."""
    response = live.http.post("/graphql", json={"query": query, "variables": variables or {}},
                              **kwargs)  # type: ignore[arg-type]
    return hostile.outcome(response)


def test_an_injection_in_every_string_argument_is_refused_or_handled_and_writes_nothing(
        graph_host: GraphHost, target: LiveServer) -> None:
    before = graph_state(graph_host, target)
    slots = hostile.all_slots(hostile.client_schema(target.http))
    assert {"search.text", "collectivities.filter.region", "connections.from",
            "territory.code", "regions.country"} <= {slot.path for slot in slots}
    outcomes: Counter[str] = Counter()
    for slot in slots:
        # Without a token every mutation stops at authentication: a few payloads suffice.
        payloads = hostile.PAYLOADS if slot.document.startswith("query") else FEW
        for payload in payloads:
            response = target.http.post("/graphql", json={
                "query": slot.document, "variables": slot.variables(payload)})
            outcomes[hostile.outcome(response, payload)] += 1
    assert outcomes["ok"] > 0 and outcomes["BAD_USER_INPUT"] > 0, outcomes
    assert graph_state(graph_host, target) == before
    assert target.data(NORMAL)["search"]


def test_injections_in_federation_representations_are_handled(
        graph_host: GraphHost, target: LiveServer) -> None:
    before = graph_state(graph_host, target)
    query = ("query($r: [_Any!]!) { _entities(representations: $r) "
             "{ __typename ... on Commune { id } } }")
    for payload in hostile.PAYLOADS:
        for representation in ({"__typename": "Commune", "id": payload},
                               {"__typename": payload, "id": "MA:02"},
                               {"__typename": "Commune", payload: payload}):
            response = target.http.post("/graphql", json={
                "query": query, "variables": {"r": [representation]}})
            assert response.status_code == 200
            body = response.json()
            assert not hostile.leaks(body, payload), body
    assert graph_state(graph_host, target) == before


def test_hostile_headers_are_harmless(graph_host: GraphHost,
                                      target: LiveServer) -> None:
    before = graph_state(graph_host, target)
    mutation = next((s for s in hostile.all_slots(hostile.client_schema(target.http))
                     if s.document.startswith("mutation")), None)
    for payload in ("' OR 1=1 //", "MATCH (n) DETACH DELETE n", "}`", "x" * 5000):
        headers = {"Authorization": f"Bearer {payload}", "X-Request-Id": payload}
        response = target.http.post("/graphql", json={"query": NORMAL}, headers=headers)
        assert hostile.outcome(response, payload) == "ok"
        assert response.headers["x-request-id"] != payload  # not sane: replaced
        if mutation is not None:
            response = target.http.post("/graphql", headers=headers, json={
                "query": mutation.document, "variables": mutation.variables(payload)})
            assert hostile.outcome(response, payload) != "ok"
    assert graph_state(graph_host, target) == before


def nested(levels: int) -> str:
    """A query `levels` deep: countries, then regions and their country, again and again."""
    return ("{ countries { " + "regions { country { " * levels + "id"
            + " } }" * levels + " } }")


@pytest.mark.parametrize(("name", "query", "code"), [
    ("deep", nested(6), "QUERY_TOO_COMPLEX"),
    ("deeper than the parser allows", nested(300), "QUERY_TOO_COMPLEX"),
    ("alias flood", "{ " + " ".join(f"a{i}: countries {{ id }}" for i in range(21)) + " }",
     "QUERY_TOO_COMPLEX"),
    ("token flood", "{ " + "countries { id } " * 700 + "}", "QUERY_TOO_COMPLEX"),
    ("alias flood in fragments", "query { ...F } fragment F on Query { "
     + " ".join(f"a{i}: regions {{ id }}" for i in range(25)) + " }", "QUERY_TOO_COMPLEX"),
    ("fragment cycle", "query { ...A } fragment A on Query { ...B } "
     "fragment B on Query { ...A }", "GRAPHQL_VALIDATION_FAILED"),
    ("huge first", "{ collectivities(first: 100000) { totalCount } }", "BAD_USER_INPUT"),
    ("huge search page", '{ search(text: "a", first: 1000000) { label } }', "BAD_USER_INPUT"),
    ("huge neighbourhood", '{ neighbourhood(id: "org:dgct", depth: 3, first: 100000) '
     "{ nodes { id } } }", "BAD_USER_INPUT"),
    ("huge connections", '{ connections(from: "org:dgct", to: "BE:21013", maxHops: 1000, '
     "first: 100000) { paths { length } } }", "BAD_USER_INPUT"),
    ("negative offset", "{ networks(offset: -1) { id } }", "BAD_USER_INPUT"),
    ("int overflow", "{ networks(first: 99999999999) { id } }", "GRAPHQL_VALIDATION_FAILED"),
    ("unterminated", "{ countries { id ", "GRAPHQL_PARSE_FAILED"),
    ("NUL in a literal", '{ search(text: "a\\u0000b") { label } }', "BAD_USER_INPUT"),
])
def test_oversized_and_malformed_operations_are_refused_with_a_code(
        target: LiveServer, name: str, query: str, code: str) -> None:
    assert post(target, query) == code, name


def test_huge_page_through_a_variable_is_refused(target: LiveServer) -> None:
    query = "query($n: Int) { collectivities(first: $n) { totalCount } }"
    assert post(target, query, {"n": 10**6}) == "BAD_USER_INPUT"
    assert post(target, query, {"n": 2**40}) == "BAD_USER_INPUT"
    assert post(target, query, {"n": "all"}) == "BAD_USER_INPUT"


@pytest.mark.parametrize(("name", "body", "status"), [
    ("malformed JSON", b'{"query": "{ countries { id } }"', 400),
    ("not an object", b"null", 400),
    ("not UTF-8", b"\xff\xfe{", 400),
    ("nested JSON", b'{"query": "{ countries { id } }", "variables": {"x": '
     + b"[" * 5000 + b"]" * 5000 + b"}}", 400),
    ("batch", b'[{"query": "{ countries { id } }"}]', 400),
    ("query not a string", b'{"query": {"a": 1}}', 400),
    ("oversized body", b'{"query": "{ countries { id } }", "pad": "'
     + b"x" * 2_000_000 + b'"}', 413),
])
def test_malformed_and_oversized_bodies_are_refused_as_json(
        target: LiveServer, name: str, body: bytes, status: int) -> None:
    response = target.http.post("/graphql", content=body,
                                headers={"content-type": "application/json"})
    assert response.status_code == status, (name, response.text[:300])
    assert hostile.outcome(response) in ("BAD_REQUEST", "PAYLOAD_TOO_LARGE")


def test_an_oversized_body_without_a_length_is_cut_off(target: LiveServer) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"query": "{ countries { id } }", "pad": "'
        for _ in range(300):
            yield b"x" * 10_000
        yield b'"}'
    response = target.http.post("/graphql", content=chunks(),
                                headers={"content-type": "application/json"})
    assert response.status_code == 413
    assert hostile.outcome(response) == "PAYLOAD_TOO_LARGE"


def test_the_server_still_serves_after_everything(target: LiveServer) -> None:
    assert target.data(NORMAL)["search"][0]["entity"]["id"].startswith("MA:")
    assert target.http.get("/health").json()["status"] == "ok"
