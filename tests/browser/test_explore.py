"""The network explorer in a real browser, checked against the API it uses."""

from __future__ import annotations

from typing import Any

from tests.browser.conftest import screenshot
from tests.browser.explore_helpers import (
    BELGIAN_COOPERATION,
    BERKANE,
    CIM,
    CONNECTIONS,
    NEIGHBOURHOOD,
    graph_ids,
    open_explorer,
    result_ids,
    search,
    tap_edge,
    tap_node,
    url_params,
    wait_nodes,
)
from tests.live import LiveServer

PARTICIPATION_HEADING = "Link: takes part in a programme"
SEARCH = "query ($text: String!) { search(text: $text, first: 20) { entity { id } } }"


def api_search(site: LiveServer, text: str) -> list[str]:
    return [hit["entity"]["id"] for hit in site.data(SEARCH, {"text": text})["search"]]


def test_search_in_arabic_renders_right_to_left(page: Any, site: LiveServer) -> None:
    open_explorer(page)
    search(page, "بركان")
    assert result_ids(page) == api_search(site, "بركان")
    assert {BERKANE, "MA:02.113"} <= set(result_ids(page))
    direction = page.eval_on_selector("#search-text", "e => getComputedStyle(e).direction")
    assert direction == "rtl"
    matched = page.locator("#results small").first
    assert "بركان" in matched.inner_text()
    assert url_params(page)["q"] == "بركان"
    screenshot(page, "explore-search-arabic")


def test_search_in_french_and_no_result(page: Any, site: LiveServer) -> None:
    open_explorer(page)
    search(page, "Berkane")
    assert result_ids(page) == api_search(site, "Berkane")
    assert page.eval_on_selector("#search-text", "e => getComputedStyle(e).direction") == "ltr"
    search(page, "Zzyzx Qqq")
    assert "No entity matches “Zzyzx Qqq”" in page.locator("#status").inner_text()
    assert result_ids(page) == []
    screenshot(page, "explore-search-no-result")


def test_pick_and_expand_a_node(page: Any, site: LiveServer) -> None:
    around = site.data(NEIGHBOURHOOD, {"id": BERKANE})["neighbourhood"]
    open_explorer(page)
    search(page, "Berkane")
    page.locator(f'#results button[data-id="{BERKANE}"]').click()
    wait_nodes(page, len(around["nodes"]))
    assert graph_ids(page) == {node["id"] for node in around["nodes"]}
    assert url_params(page)["focus"] == BERKANE
    assert page.locator("#details h2").inner_text() == "Berkane"
    programme = {n["id"] for n in site.data(NEIGHBOURHOOD, {"id": CIM})["neighbourhood"]["nodes"]}
    tap_node(page, CIM)
    # The programme's twenty partners come as one group node, opened by a tap.
    group = f"group:{CIM}:PARTICIPATION"
    page.wait_for_function("id => registryGraph.has(id)", arg=group)
    assert url_params(page)["open"] == CIM
    page.evaluate("id => registryGraph.cy.getElementById(id).emit('tap')", group)
    wait_nodes(page, len(graph_ids(page) | programme))
    assert programme <= graph_ids(page)
    assert url_params(page)["open"] == f"{CIM},{group}"
    screenshot(page, "explore-expanded")


def test_filter_by_link_type(page: Any) -> None:
    open_explorer(page, f"?focus={BERKANE}")
    before = graph_ids(page)
    page.get_by_label("twinning").uncheck()
    # The graph is redrawn after the filtered neighbourhood arrives: wait for it (a
    # timeout here fails the test: Saint-Gilles is only reached by the twinning).
    page.wait_for_function(
        "id => !registryGraph.cy.nodes(':visible').some(n => n.id() === id)", arg="BE:21013")
    assert "BE:21013" not in graph_ids(page)
    assert len(graph_ids(page)) < len(before)
    assert url_params(page)["hide"] == "TWINNING"


def test_connections_with_their_sources(page: Any, site: LiveServer) -> None:
    expected = site.data(CONNECTIONS, {"from": BERKANE, "to": BELGIAN_COOPERATION})
    paths = expected["connections"]["paths"]
    assert paths, "the seed data connects Berkane to Belgian development cooperation"
    open_explorer(page, f"?focus={BERKANE}")
    page.get_by_role("button", name="From here").click()
    search(page, "التعاون البلجيكي")
    page.locator(f'#results button[data-id="{BELGIAN_COOPERATION}"]').click()
    page.locator("#details h2").filter(has_text="التعاون البلجيكي").wait_for()
    page.get_by_role("button", name="To here").click()
    page.get_by_role("button", name="Show connections").click()
    page.locator("#paths > li").first.wait_for()
    assert page.locator("#paths > li").count() == len(paths)
    first = page.locator("#paths > li").first
    assert first.locator(".steps > li").count() == paths[0]["length"]
    titles = {s["title"] for step in paths[0]["steps"] for s in step["link"]["sources"]}
    assert titles <= set(first.locator(".sources li bdi").all_inner_texts())
    on_path: list[str] = page.evaluate("registryGraph.cy.$('node.on-path').map(n => n.id())")
    assert {BERKANE, BELGIAN_COOPERATION} <= set(on_path)
    assert url_params(page)["from"] == BERKANE and url_params(page)["to"] == BELGIAN_COOPERATION
    screenshot(page, "explore-connections")


def test_click_a_link_for_its_role_dates_and_sources(page: Any, site: LiveServer) -> None:
    open_explorer(page, f"?focus={BERKANE}")
    link = f"participation:{CIM}~{BERKANE}~PARTNER"
    tap_edge(page, link)
    details = page.locator("#details")
    details.get_by_role("heading", name=PARTICIPATION_HEADING).wait_for()
    text = details.inner_text()
    assert "Role" in text and "partner" in text and "Since" in text
    source = site.data('query ($id: ID!) { link(id: $id) { sources { title } } }', {"id": link})
    assert source["link"]["sources"][0]["title"] in text
    assert url_params(page)["link"] == link
    screenshot(page, "explore-link-details")
    page.reload()
    page.locator("body[data-ready]").wait_for()
    details.get_by_role("heading", name=PARTICIPATION_HEADING).wait_for()


def test_unknown_entity_in_a_shared_url(page: Any) -> None:
    open_explorer(page, "?focus=MA:99.999")
    status = page.locator("#status")
    assert "No entity has the id “MA:99.999”" in status.inner_text()
    assert "error" in (status.get_attribute("class") or "")
    screenshot(page, "explore-unknown-entity")


def test_api_down_shows_an_error(page: Any) -> None:
    page.route("**/graphql", lambda route: route.abort())
    open_explorer(page, f"?focus={BERKANE}")
    assert "cannot be reached" in page.locator("#status").inner_text()
    page.watch.errors.clear()  # the aborted requests are logged by the browser
    screenshot(page, "explore-api-down")


def test_a_shared_url_restores_the_view(page: Any, site: LiveServer) -> None:
    link = f"participation:{CIM}~{BERKANE}~PARTNER"
    open_explorer(page, f"?focus={BERKANE}&open={CIM},group:{CIM}:PARTICIPATION&hide=TERRITORY"
                        f"&from={BERKANE}&to={BELGIAN_COOPERATION}&link={link}")
    programme = {n["id"] for n in site.data(NEIGHBOURHOOD, {"id": CIM})["neighbourhood"]["nodes"]}
    assert programme - {"MA:02.113"} <= graph_ids(page)
    assert "MA:02.113" not in graph_ids(page), "the province is reached by a territory link only"
    assert not page.get_by_label("territory").is_checked()
    assert page.locator("#from-name").inner_text() == "Berkane"
    assert page.locator("#paths > li").count() >= 1
    page.locator("#details").get_by_role("heading", name=PARTICIPATION_HEADING).wait_for()
    assert "error" not in (page.locator("#status").get_attribute("class") or "")
    screenshot(page, "explore-shared-url")
