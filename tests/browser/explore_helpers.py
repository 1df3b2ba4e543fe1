"""Driving the explorer page: search, the Cytoscape graph, the side panel."""

from __future__ import annotations

from typing import Any

NEIGHBOURHOOD = """query ($id: ID!) { neighbourhood(id: $id) { nodes { id } edges { kind } } }"""
CONNECTIONS = """query ($from: ID!, $to: ID!) { connections(from: $from, to: $to, first: 5) {
  paths { length steps { kind from { id } to { id } link { sources { title } } } } } }"""
BERKANE = "MA:02.113.01.09"
BELGIAN_COOPERATION = "org:belgian-development-cooperation"
CIM = "programme:cim-2022-2026"


def open_explorer(page: Any, query: str = "") -> None:
    page.goto(f"/explore{query}")
    page.locator("body[data-ready]").wait_for()


def search(page: Any, text: str) -> None:
    page.fill("#search-text", text)
    page.get_by_role("button", name="Search").click()
    page.locator("#status").filter(has_text=text).wait_for()


def result_ids(page: Any) -> list[str]:
    return [str(b.get_attribute("data-id")) for b in page.locator("#results button").all()]


def graph_ids(page: Any) -> set[str]:
    ids: list[str] = page.evaluate("registryGraph.cy.nodes(':visible').map(n => n.id())")
    return set(ids)


def wait_nodes(page: Any, count: int) -> None:
    page.wait_for_function("n => registryGraph.cy.nodes().length >= n", arg=count)


def tap(page: Any, selector_js: str, arg: str) -> None:
    """Click a graph element where Cytoscape draws it (`selector_js` gives its position)."""
    box = page.locator("#graph").bounding_box()
    position = page.evaluate(selector_js, arg)
    page.mouse.click(box["x"] + position["x"], box["y"] + position["y"])


def tap_node(page: Any, node_id: str) -> None:
    tap(page, "id => registryGraph.cy.getElementById(id).renderedPosition()", node_id)


def tap_edge(page: Any, link_id: str) -> None:
    tap(page, "id => registryGraph.cy.edges().filter(e => e.data('edge').link?.id === id)"
              "[0].renderedMidpoint()", link_id)


def url_params(page: Any) -> dict[str, str]:
    from urllib.parse import parse_qsl, urlsplit
    return dict(parse_qsl(urlsplit(page.url).query))


def tab_to(page: Any, test_js: str, limit: int = 60) -> None:
    """Press Tab until the focused element passes `test_js` (a function of the element):
    what a keyboard-only reader does; fails past `limit` presses."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"({test_js})(document.activeElement)"):
            return
    raise AssertionError(f"{limit} presses of Tab never reached {test_js}")
