"""The pages over plain HTTP: GraphiQL by content negotiation, examples, missing assets."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from graphql import parse, validate

from schema import build_schema
from tests.conftest import settings_for
from tests.hosts import GraphHost
from tests.live import LiveServer
from web import pages
from web.examples import Example, load_examples

EXAMPLES = load_examples()
AUDIENCES = {"Directorate", "Partner agencies", "Journalists"}


def page_config(html: str) -> dict[str, Any]:
    match = re.search(r'<script type="application/json" id="graphiql-config">(.*?)</script>', html)
    assert match, html
    config: dict[str, Any] = json.loads(match.group(1))
    return config


def test_browsers_get_the_offline_graphiql(site: LiveServer) -> None:
    response = site.http.get("/graphql", headers={"accept": "text/html"})
    assert response.status_code == 200
    assert "default-src 'self'" in response.headers["content-security-policy"]
    assert '/static/vendor/graphiql/graphiql.js' in response.text
    assert not re.search(r'(src|href)="(https?:)?//', response.text), "no asset from elsewhere"
    config = page_config(response.text)
    assert config["endpoint"] == "/graphql"
    assert [e["name"] for e in config["examples"]] == [e.name for e in EXAMPLES]


def test_graphql_get_and_post_still_answer_json(site: LiveServer) -> None:
    got = site.http.get("/graphql", params={"query": "{ __typename }"},
                        headers={"accept": "application/json"})
    assert got.json()["data"] == {"__typename": "Query"}
    browser_get = site.http.get("/graphql", params={"query": "{ __typename }"},
                                headers={"accept": "text/html,application/json"})
    assert browser_get.json()["data"] == {"__typename": "Query"}
    assert site.data("{ __typename }") == {"__typename": "Query"}


def test_graphiql_off_serves_no_page(graph_host: GraphHost,
                                     backbone_graph: str) -> None:
    with LiveServer(settings_for(graph_host, backbone_graph, graphiql=False)) as live:
        response = live.http.get("/graphql", headers={"accept": "text/html"})
        assert "graphiql-config" not in response.text
        assert live.data("{ __typename }") == {"__typename": "Query"}


def test_pages_and_static_files(site: LiveServer) -> None:
    for path, marker in [("/explore", 'id="search-text"'), ("/coverage", 'id="subject"')]:
        response = site.http.get(path)
        assert response.status_code == 200, path
        assert marker in response.text
        assert "content-security-policy" in response.headers
    script = site.http.get("/static/vendor/graphiql/graphiql.js",
                           headers={"accept-encoding": "gzip"})
    assert script.status_code == 200
    assert script.headers["content-encoding"] == "gzip"
    assert site.http.get("/static/vendor/cytoscape/cytoscape.esm.min.mjs").status_code == 200


def test_missing_assets_say_run_npm_ci(site: LiveServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pages, "vendor_versions", lambda: None)
    for path, headers in [("/graphql", {"accept": "text/html"}), ("/explore", {})]:
        response = site.http.get(path, headers=headers)
        assert response.status_code == 503, path
        assert "npm ci" in response.text
    assert site.http.get("/coverage").status_code == 200, "coverage needs no vendor asset"
    assert site.data("{ __typename }") == {"__typename": "Query"}, "the API still answers"


def test_examples_cover_each_audience() -> None:
    assert {example.audience for example in EXAMPLES} == AUDIENCES
    assert all(example.title and example.description for example in EXAMPLES)


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.name for e in EXAMPLES])
def test_example_is_valid_and_answers(example: Example, site: LiveServer) -> None:
    schema = build_schema()._schema
    assert validate(schema, parse(example.query)) == []
    variables = json.loads(example.variables) if example.variables else {}
    data = site.data(example.query, variables)
    assert all(value for value in data.values()), f"{example.name} found nothing: {data}"
