"""The explorer made readable, in French, Arabic and English: a legend from /model.json, plain
link names, busy nodes' neighbours grouped, twinnings between their parties only, containment
drawn apart, no pile-up, and every link reachable from the keyboard."""

from __future__ import annotations

import math
from typing import Any

import pytest

from tests.browser.conftest import screenshot
from tests.browser.explore_helpers import BERKANE, CIM, open_explorer, tab_to, url_params
from tests.live import LiveServer

LANGS = ["fr", "ar", "en"]
TAROUDANNT = "MA:09.541"
SAINT_GILLES = "BE:21013"
GROUP_AT = 8


def drawn(page: Any) -> list[dict[str, Any]]:
    nodes: list[dict[str, Any]] = page.evaluate(
        "registryGraph.cy.nodes(':visible').map(n => ({id: n.id(), group: n.hasClass('group'),"
        " x: n.renderedPosition().x, y: n.renderedPosition().y}))")
    return nodes


@pytest.mark.parametrize("lang", LANGS)
def test_legend_and_plain_link_names(lang_page: Any, site: LiveServer, lang: str) -> None:
    model = site.http.get("/model.json").json()
    open_explorer(lang_page, f"?focus={BERKANE}")
    legend = lang_page.locator("#legend-body")
    assert legend.locator("ul.legend").first.locator("li").count() == len(model["entityTypes"])
    assert legend.locator("ul.legend").nth(1).locator("li").count() == len(model["linkKinds"])
    labels = lang_page.locator("#filter-list label").all_inner_texts()
    assert len(labels) == len(model["linkKinds"])
    for jargon in ["held in", "document party", "held_in", "document_party"]:
        assert not any(jargon == label.strip().lower() for label in labels)
    # Containment is drawn dashed and grey; sourced links solid.
    styles = lang_page.evaluate("registryGraph.cy.edges().map(e => [e.data('kind'), "
                                "e.style('line-style')])")
    assert {style for kind, style in styles if kind == "TERRITORY"} == {"dashed"}
    assert {style for kind, style in styles if kind == "PARTICIPATION"} == {"solid"}
    screenshot(lang_page, f"explore-berkane-{lang}")


@pytest.mark.parametrize("lang", LANGS)
def test_busy_province_grouped_then_opened(lang_page: Any, site: LiveServer, lang: str) -> None:
    around = site.data("query ($id: ID!) { neighbourhood(id: $id) { nodes { id } } }",
                       {"id": TAROUDANNT})["neighbourhood"]["nodes"]
    assert len(around) > 80
    open_explorer(lang_page, f"?focus={TAROUDANNT}")
    nodes = drawn(lang_page)
    assert len(nodes) < 20, "the communes stand behind one group node"
    group = next(node for node in nodes if node["group"])
    # The group is in the panel's list, a button the keyboard reaches.
    lang_page.locator("#search-text").focus()
    tab_to(lang_page, f"e => e.dataset.group === '{group['id']}'")
    lang_page.keyboard.press("Enter")
    lang_page.wait_for_function("n => registryGraph.cy.nodes(':visible').length >= n",
                                arg=len(around))
    assert {node["id"] for node in drawn(lang_page)} >= {node["id"] for node in around}
    assert group["id"] in url_params(lang_page)["open"]
    screenshot(lang_page, f"explore-taroudannt-opened-{lang}")


@pytest.mark.parametrize("lang", LANGS)
def test_programme_twinnings_between_parties(lang_page: Any, lang: str) -> None:
    open_explorer(lang_page, f"?focus={CIM}")
    nodes = drawn(lang_page)
    assert len(nodes) <= 12, "twenty twins grouped"
    group = next(node for node in nodes if node["group"])
    lang_page.evaluate("id => registryGraph.cy.getElementById(id).emit('tap')", group["id"])
    lang_page.wait_for_function("() => registryGraph.cy.edges('[kind = \"TWINNING\"]').length > 5")
    twinnings = lang_page.evaluate(
        "registryGraph.cy.edges('[kind = \"TWINNING\"]').map(e => [e.source().id(), "
        "e.target().id()])")
    assert twinnings and all(CIM not in pair for pair in twinnings)
    assert all(pair[0].startswith("MA:") != pair[1].startswith("MA:") for pair in twinnings)
    screenshot(lang_page, f"explore-programme-twinnings-{lang}")


def test_expanding_saint_gilles_piles_nothing(page: Any) -> None:
    open_explorer(page, f"?focus={BERKANE}")
    page.evaluate("id => registryGraph.cy.getElementById(id).emit('tap')", SAINT_GILLES)
    page.wait_for_function("id => registryGraph.cy.getElementById(id).data('expanded')",
                           arg=SAINT_GILLES)
    page.wait_for_timeout(300)
    nodes = drawn(page)
    closest = min(math.dist((a["x"], a["y"]), (b["x"], b["y"]))
                  for i, a in enumerate(nodes) for b in nodes[i + 1:])
    assert closest > 20, f"two nodes {closest:.0f} px apart"
    screenshot(page, "explore-saint-gilles-expanded")


@pytest.mark.parametrize("lang", LANGS)
def test_keyboard_only(lang_page: Any, lang: str) -> None:
    """Search, pick, read a node's links, open one, go to its other party: keys only."""
    page = lang_page
    open_explorer(page)
    page.locator("#search-text").focus()
    page.keyboard.type("Berkane")
    page.keyboard.press("Enter")
    page.locator(f'#results button[data-id="{BERKANE}"]').wait_for()
    tab_to(page, f"e => e.dataset.id === '{BERKANE}'")
    page.keyboard.press("Enter")
    links = page.locator("#details ul.node-links button[data-link]")
    links.first.wait_for()
    assert links.count() >= 3
    tab_to(page, "e => (e.dataset.link || '').startsWith('twinning:BE:21013')")
    page.keyboard.press("Enter")
    heading = page.locator("#details h2")
    heading.wait_for()
    assert page.evaluate("document.activeElement === document.querySelector('#details h2')")
    assert url_params(page)["link"].startswith("twinning:BE:21013")
    tab_to(page, "e => e.textContent === 'Saint-Gilles'", limit=10)
    page.keyboard.press("Enter")
    page.wait_for_function("id => registryGraph.cy.getElementById(id).data('expanded')",
                           arg=SAINT_GILLES)
    assert url_params(page)["open"] == SAINT_GILLES
    screenshot(page, f"explore-keyboard-{lang}")
