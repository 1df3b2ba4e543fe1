"""The cost of an operation, computed before it runs: expensive ones are refused at once.

Every query the registry ships (GraphiQL's examples, the pages', the benchmark's)
fits the budget; the shapes that stalled a worker (nested unpaginated lists,
aliases of them, `_entities` with thousands of representations) are refused with
`QUERY_TOO_COMPLEX`, their cost and the budget, before any of it reaches the graph.
"""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any

import pytest
from graphql import parse

from bench import operations
from protection.cost import LIST_SIZES, operation_cost
from schema import build_schema
from settings import Settings
from tests.conftest import read
from tests.hosts import GraphHost
from tests.live import LiveServer

ROOT = Path(__file__).resolve().parents[1]
BUDGET = Settings().max_cost
SCHEMA = build_schema([])._schema
NESTED = ("{ regions { children { children { parent { children { parent { children { id } } } "
          "} } } } }")


def cost(query: str, variables: dict[str, Any] | None = None) -> int:
    """The cost the server would compute for a query."""
    return operation_cost(SCHEMA, parse(query), None, variables, Settings().max_page_size)


def _page_queries() -> dict[str, str]:
    """The operations of the pages' `queries.js` files, fragments put in."""
    found: dict[str, str] = {}
    for path in sorted((ROOT / "web" / "static").glob("*/queries.js")):
        parts = dict(re.findall(r"const (\w+) = `([^`]*)`", path.read_text(encoding="utf-8")))
        for name, text in parts.items():
            found[f"{path.parent.name}.{name}"] = _fill(text, parts)
    return found


def _fill(text: str, parts: dict[str, str]) -> str:
    """A JavaScript template with its `${NAME}` fragments put in."""
    return re.sub(r"\$\{(\w+)\}", lambda match: parts[match.group(1)], text)


def shipped_queries() -> dict[str, str]:
    """Every query the registry ships: examples, pages, benchmark operations."""
    found = {p.name: p.read_text(encoding="utf-8")
             for p in sorted((ROOT / "web" / "examples").glob("*.graphql"))}
    found.update(_page_queries())
    found.update({name: getattr(operations, name) for name in dir(operations)
                  if name.isupper() and isinstance(getattr(operations, name), str)
                  and "{" in getattr(operations, name)})
    return found


def test_every_shipped_query_fits_the_budget() -> None:
    queries = shipped_queries()
    assert len(queries) > 15
    over = {name: cost(q) for name, q in queries.items() if "query" in q and cost(q) > BUDGET}
    assert over == {}


def test_costs_follow_lists_pages_aliases_and_representations() -> None:
    assert cost('{ collectivity(code: "02") { id nameFr } }') == 1
    assert cost("{ collectivities(first: 10) { totalCount nodes { id } } }") == 11
    assert cost("{ a: collectivities(first: 10) { nodes { id } } "
                "b: collectivities(first: 10) { nodes { id } } }") == 22
    assert cost("{ collectivities(first: 10) { edges { node { id } } } }") == 21
    assert cost("{ regions { id } }") == LIST_SIZES["regions"]
    entities = "query($r: [_Any!]!) { _entities(representations: $r) { __typename } }"
    assert cost(entities, {"r": [{"__typename": "Commune", "id": "x"}] * 40}) == 40
    assert cost("{ __schema { types { name fields { name } } } }") == 0


def test_largest_unpaginated_lists_stay_within_their_counted_sizes(
        graph_host: GraphHost, network_template: str) -> None:
    graph = graph_host.copy(network_template)
    children = read(graph_host, graph, "MATCH (c:Territory)-[r]->(p:Territory) "
                    "WHERE type(r) IN ['PART_OF', 'ARRONDISSEMENT_OF', 'IN_CERCLE'] "
                    "WITH p.level AS level, p, count(c) AS n RETURN level, max(n) AS n")
    most = {row["level"].title(): row["n"] for row in children}
    assert set(most) == {"Region", "Province", "Commune", "Cercle"}
    for level, n in most.items():
        assert n <= LIST_SIZES[f"{level}.children"], level
    regions = read(graph_host, graph, "MATCH (r:Territory) WHERE r.level = 'REGION' "
                   "RETURN count(r) AS n")
    assert regions[0]["n"] <= LIST_SIZES["regions"]


@pytest.mark.parametrize("query", [
    NESTED,
    "{ " + " ".join(f"a{i}: regions {{ children {{ children {{ id }} }} }}" for i in range(20))
    + " }",
])
def test_a_costly_operation_is_refused_before_it_runs(api: LiveServer, query: str) -> None:
    started = time.monotonic()
    body = api.post(query)
    assert time.monotonic() - started < 5  # refused, not run (a generous bound, not a timing)
    [error] = body["errors"]
    assert error["extensions"]["code"] == "QUERY_TOO_COMPLEX"
    assert error["extensions"]["cost"] > error["extensions"]["budget"] == BUDGET
    assert f"{BUDGET:,}" in error["message"] and body["data"] is None
    assert "roundTrips" not in body.get("extensions", {}) or \
        body["extensions"]["roundTrips"] == 0


def test_entities_count_each_representation_and_what_it_selects(api: LiveServer) -> None:
    deep = ("query($r: [_Any!]!) { _entities(representations: $r) { ... on Province { "
            "children { children { id } } } } }")
    many = [{"__typename": "Province", "id": "MA:02.113"}] * 1_000
    body = api.post(deep, {"r": many})
    assert body["errors"][0]["extensions"]["code"] == "QUERY_TOO_COMPLEX"
    assert body["errors"][0]["extensions"]["cost"] == 1_000 * (1 + 100 * (1 + 100))
    flat = "query($r: [_Any!]!) { _entities(representations: $r) { ... on Province { id } } }"
    answer = api.post(flat, {"r": many})
    assert "errors" not in answer and len(answer["data"]["_entities"]) == 1_000


def test_cost_is_reported_when_asked(api: LiveServer) -> None:
    query = "{ collectivities(first: 10) { nodes { id } } }"
    response = api.http.post("/graphql", json={"query": query}, headers={"X-Query-Cost": "1"})
    assert response.json()["extensions"]["cost"] == 11
    assert response.json()["extensions"]["costBudget"] == BUDGET
    plain = api.http.post("/graphql", json={"query": query}).json()
    assert "cost" not in plain.get("extensions", {})
