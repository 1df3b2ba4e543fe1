"""GraphiQL in a real browser: served by the registry alone, examples, docs and explorer."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.browser.conftest import screenshot
from tests.live import LiveServer
from web.examples import load_examples

EXAMPLES = load_examples()


def open_graphiql(page: Any) -> None:
    page.goto("/graphql")
    page.locator(".graphiql-container").wait_for()
    page.get_by_role("heading", name="Journalists").wait_for()


def response_json(page: Any) -> Any:
    """The result pane's JSON, once an operation has answered."""
    pane = page.locator(".graphiql-response .view-lines")
    pane.filter(has_text='"data"').wait_for()
    return pane.inner_text()


def test_examples_run_offline(page: Any, site: LiveServer) -> None:
    open_graphiql(page)
    for audience in ["Directorate", "Partner agencies", "Journalists"]:
        assert page.get_by_role("heading", name=audience).is_visible()
    page.get_by_role("button", name="Find an entity by any of its names").click()
    page.get_by_role("tab", name="FindByName").wait_for()
    page.locator(".graphiql-execute-button").click()
    text = response_json(page)
    assert "MA:02.113" in text and "بركان" in text
    screenshot(page, "graphiql-example-search")
    expected = site.data(
        'query { search(text: "بركان", first: 10) { entity { id } } }')["search"][0]["entity"]
    assert json.dumps(expected["id"]) in text


def test_documentation_and_explorer_panels(page: Any) -> None:
    open_graphiql(page)
    page.get_by_role("button", name="Show Documentation Explorer").click()
    docs = page.locator(".graphiql-doc-explorer")
    docs.get_by_text("Query", exact=True).first.click()
    docs.locator(".graphiql-doc-explorer-field-name", has_text="search").first.wait_for()
    screenshot(page, "graphiql-docs")
    page.get_by_role("button", name="Show GraphiQL Explorer").click()
    page.locator(".graphiql-explorer-root, .docExplorerWrap").first.wait_for()
    screenshot(page, "graphiql-explorer")


@pytest.mark.parametrize("lang", ["fr", "ar", "en"])
def test_the_default_tab_runs_on_a_first_visit(lang_page: Any, site: LiveServer,
                                              lang: str) -> None:
    """The first example opens as the default tab with its variables, and answers."""
    lang_page.goto("/graphql")
    lang_page.locator(".graphiql-container").wait_for()
    first = EXAMPLES[0]
    variables = lang_page.locator(".graphiql-editor-tool .view-lines").first
    variables.filter(has_text=next(iter(json.loads(first.variables)))).wait_for()
    lang_page.locator(".graphiql-execute-button").click()
    text = response_json(lang_page).replace("\xa0", " ")
    assert '"errors"' not in text
    expected = site.data(first.query, json.loads(first.variables))
    assert f'"founded": {json.dumps(expected["network"]["founded"])}' in text
    heading = {"fr": "Journalistes", "ar": "الصحفيون", "en": "Journalists"}[lang]
    assert lang_page.get_by_role("heading", name=heading).is_visible()
    assert lang_page.locator("#graphiql").get_attribute("dir") == "ltr"
    screenshot(lang_page, f"graphiql-default-tab-{lang}")
