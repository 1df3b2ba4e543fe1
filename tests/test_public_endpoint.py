"""The public endpoint's settings: introspection, GraphiQL, CORS, request ids, deadlines."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from graphql import GraphQLError

from graph.errors import GraphError, GraphTimeout, GraphUnavailable
from protection.errors import MASKED, TIMED_OUT, with_code
from resolvers.errors import BadArgument
from tests import hostile
from tests.conftest import copy_graph, run, served, settings_for
from tests.hosts import GraphHost
from tests.live import LiveServer

NORMAL = "{ countries { id } }"
PARTNER = "https://partner.example"


@pytest.fixture(scope="module")
def locked(graph_host: GraphHost, backbone_template: str) -> Iterator[LiveServer]:
    """A server with introspection and GraphiQL off, listed CORS origins, small limits."""
    with served(graph_host, backbone_template, introspection=False, graphiql=False,
                cors_origins=[PARTNER], max_depth=3, max_aliases=1) as live:
        yield live


def test_with_introspection_off_the_schema_cannot_be_read(locked: LiveServer) -> None:
    for query in ("{ __schema { types { name } } }", '{ __type(name: "Query") { name } }',
                  "{ countries { id } __schema { queryType { name } } }",
                  "{ _service { sdl } }"):
        response = locked.http.post("/graphql", json={"query": query})
        assert hostile.outcome(response) == "GRAPHQL_VALIDATION_FAILED"
        assert "introspection" in response.text.lower()
    assert locked.data(NORMAL)["countries"]
    assert locked.data("{ __typename }") == {"__typename": "Query"}


def test_with_introspection_off_errors_suggest_no_field_names(locked: LiveServer,
                                                               api: LiveServer) -> None:
    typo = "{ countrie { id } }"
    assert "Did you mean" in api.error(typo)["message"]  # introspection on: suggestions help
    message = locked.error(typo)["message"]
    assert "Did you mean" not in message and "countries" not in message
    assert "countrie" in message


def test_introspection_is_on_by_default(api: LiveServer) -> None:
    assert api.data("{ __schema { queryType { name } } }")["__schema"]["queryType"]
    assert "type Query" in api.data("{ _service { sdl } }")["_service"]["sdl"]


def test_with_graphiql_off_a_browser_gets_no_graphiql_page(locked: LiveServer) -> None:
    response = locked.http.get("/graphql", headers={"accept": "text/html,*/*"})
    assert "html" not in response.headers["content-type"]
    assert "<html" not in response.text.lower() and "graphiql" in response.text.lower()
    assert hostile.outcome(response) == "NOT_FOUND"
    response = locked.http.get("/graphql", params={"query": NORMAL},
                               headers={"accept": "text/html"})
    assert response.json()["data"]["countries"]


def test_limits_follow_the_settings(locked: LiveServer) -> None:
    deep = "{ countries { regions { provinces { communes { totalCount } } } } }"
    assert hostile.outcome(locked.http.post("/graphql", json={"query": deep})) \
        == "QUERY_TOO_COMPLEX"
    aliases = "{ a: countries { id } b: countries { id } }"
    assert hostile.outcome(locked.http.post("/graphql", json={"query": aliases})) \
        == "QUERY_TOO_COMPLEX"


def test_a_sane_request_id_is_kept_and_reported_in_errors(api: LiveServer) -> None:
    response = api.http.post("/graphql", json={"query": "{ nope }"},
                             headers={"X-Request-Id": "desk-42.a:b_c"})
    assert response.headers["x-request-id"] == "desk-42.a:b_c"
    assert response.json()["errors"][0]["extensions"]["requestId"] == "desk-42.a:b_c"
    for insane in ("a b", "x" * 129, "<script>", "' OR 1=1"):
        response = api.http.post("/graphql", json={"query": "{ nope }"},
                                 headers={"X-Request-Id": insane})
        generated = response.headers["x-request-id"]
        assert re.fullmatch(r"[0-9a-f]{32}", generated)
        assert response.json()["errors"][0]["extensions"]["requestId"] == generated
    assert re.fullmatch(r"[0-9a-f]{32}", api.http.get("/health").headers["x-request-id"])


def _preflight(live: LiveServer, origin: str, headers: str) -> dict[str, str]:
    response = live.http.options("/graphql", headers={
        "origin": origin, "access-control-request-method": "POST",
        "access-control-request-headers": headers})
    return {k.lower(): v for k, v in response.headers.items()}


def test_by_default_any_page_may_read_but_not_send_a_token(api: LiveServer) -> None:
    allowed = _preflight(api, "https://notebook.example", "content-type")
    assert allowed["access-control-allow-origin"] == "*"
    assert "access-control-allow-credentials" not in allowed
    with_token = api.http.options("/graphql", headers={
        "origin": "https://evil.example", "access-control-request-method": "POST",
        "access-control-request-headers": "authorization"})
    assert with_token.status_code == 400  # Starlette refuses the preflight
    response = api.http.post("/graphql", json={"query": NORMAL},
                             headers={"origin": "https://notebook.example"})
    assert response.headers["access-control-allow-origin"] == "*"
    assert "x-request-id" in response.headers["access-control-expose-headers"].lower()


def test_listed_origins_may_send_a_token_and_others_get_nothing(locked: LiveServer) -> None:
    allowed = _preflight(locked, PARTNER, "content-type, authorization")
    assert allowed["access-control-allow-origin"] == PARTNER
    assert "authorization" in allowed["access-control-allow-headers"].lower()
    response = locked.http.post("/graphql", json={"query": NORMAL},
                                headers={"origin": "https://other.example"})
    assert "access-control-allow-origin" not in response.headers


def test_no_cors_when_no_origin_is_listed(graph_host: GraphHost,
                                          backbone_template: str) -> None:
    graph = copy_graph(graph_host, backbone_template)
    with LiveServer(settings_for(graph_host, graph, cors_origins=[])) as live:
        response = live.http.post("/graphql", json={"query": NORMAL},
                                  headers={"origin": "https://notebook.example"})
        assert response.status_code == 200
        assert "access-control-allow-origin" not in response.headers


def test_an_operation_past_the_request_deadline_is_answered_timeout(
        graph_host: GraphHost, network_template: str) -> None:
    graph = copy_graph(graph_host, network_template)
    query = "{ " + " ".join(f'c{i}: connections(from: "org:dgct", to: "BE:21013") '
                            "{ paths { length } }" for i in range(10)) + " }"
    with LiveServer(settings_for(graph_host, graph, request_timeout_ms=1)) as live:
        response = live.http.post("/graphql", json={"query": query})
        assert hostile.outcome(response, allowed=frozenset({"TIMEOUT"})) == "TIMEOUT"
        assert response.json()["errors"][0]["message"] == TIMED_OUT
    with LiveServer(settings_for(graph_host, graph)) as live:
        assert live.data(query)["c0"]["paths"]


def test_the_database_bounds_each_read_statement(graph_host: GraphHost) -> None:
    graph = graph_host.new_graph()

    async def check() -> None:
        backend = graph_host.backend(graph, timeout_ms=100)
        try:
            await backend.write("CREATE (:Probe)")
            with pytest.raises(GraphTimeout):
                await backend.read("UNWIND range(1, 100000000) AS i "
                                   "WITH i WHERE i % 7 = 0 RETURN count(i) AS n")
            # Writes are not bounded: a write runs to completion, whole.
            rows = await backend.write("UNWIND range(1, 200000) AS i CREATE (:Probe {i: i}) "
                                       "RETURN count(*) AS n")
            assert rows == [{"n": 200000}]
            assert await backend.read("MATCH (p:Probe) RETURN count(p) AS n") == [{"n": 200001}]
        finally:
            await backend.close()
    run(check())


@pytest.mark.parametrize(("cause", "code", "message"), [
    (GraphTimeout("Query timed out"), "TIMEOUT", TIMED_OUT),
    (GraphUnavailable("graph server unreachable: /tmp/x.sock"), "SERVICE_UNAVAILABLE", None),
    (GraphError("errMsg: Invalid input at MATCH (n) RETURN n"), "INTERNAL_SERVER_ERROR", MASKED),
    (KeyError("nameFr"), "INTERNAL_SERVER_ERROR", MASKED),
    (BadArgument("first", "must be between 0 and 100"), "BAD_USER_INPUT",
     "first: must be between 0 and 100"),
])
def test_errors_get_a_code_and_internal_ones_say_nothing(
        cause: Exception, code: str, message: str | None) -> None:
    located = GraphQLError(str(cause), path=["field"], original_error=cause,
                           extensions=getattr(cause, "extensions", None))
    coded = with_code(located, "req-1")
    assert coded.extensions is not None
    assert (coded.extensions["code"], coded.extensions["requestId"]) == (code, "req-1")
    if message is not None:
        assert coded.message == message
    assert "errMsg" not in coded.message and "/tmp" not in coded.message
