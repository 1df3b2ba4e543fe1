"""The entity page in a real browser, in French, Arabic and English, checked against the API:
names, place in the hierarchy, links by kind with sources, history, exports, a 404 page."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import screenshot
from tests.browser.explore_helpers import BERKANE, CIM
from tests.live import LiveServer

LANGS = ["fr", "ar", "en"]
PROVINCE = "MA:02.113"
REGION = "MA:02"
LINKS = """query ($id: ID!) { node(id: $id) { id
  ... on Collectivity { links(first: 100) { id kind sources { id title url hasText } } }
  ... on CuratedEntity { links(first: 100) { id kind sources { id title url hasText } } } }
  changes(entity: $id, first: 50) { totalCount } }"""
HEADINGS = {"fr": "Liens", "ar": "الروابط", "en": "Links"}
POPULATION = {"fr": "99\u202f069", "ar": "99.069", "en": "99,069"}


def open_entity(page: Any, entity_id: str, lang: str | None = None) -> None:
    page.goto(f"/entity/{entity_id}" + (f"?lang={lang}" if lang else ""))
    page.locator("body[data-ready]").wait_for()
    page.locator("#entity").wait_for()


def api_links(site: LiveServer, entity_id: str) -> tuple[list[dict[str, Any]], int]:
    data = site.data(LINKS, {"id": entity_id})
    return data["node"]["links"], data["changes"]["totalCount"]


@pytest.mark.parametrize("lang", LANGS)
def test_a_commune_whole(lang_page: Any, site: LiveServer, lang: str) -> None:
    page = lang_page
    open_entity(page, BERKANE)
    assert page.locator("html").get_attribute("lang") == lang
    assert page.locator("html").get_attribute("dir") == ("rtl" if lang == "ar" else "ltr")
    name = page.locator("#entity-name").inner_text()
    assert name.startswith("بركان" if lang == "ar" else "Berkane")
    # Names in every language, and where it sits: its region and province, each a link.
    names = page.locator("#entity-names td").all_inner_texts()
    assert "بركان" in names and "Berkane" in names
    hierarchy = page.locator("#entity-hierarchy a")
    assert [hierarchy.nth(i).get_attribute("href") for i in range(hierarchy.count())][-2:] == [
        f"/entity/{REGION}", f"/entity/{PROVINCE}"]
    assert POPULATION[lang] in page.locator("#entity-facts").inner_text()
    assert "02.113.01.09" in page.locator("#entity-facts").inner_text()
    # Every link, grouped by kind, with each source openable.
    links, changes = api_links(site, BERKANE)
    assert page.locator("#links-title").inner_text() == HEADINGS[lang]
    shown = page.locator("#entity-links li.link").evaluate_all(
        "items => items.map(i => i.dataset.link)")
    assert sorted(shown) == sorted(link["id"] for link in links)
    kinds = page.locator("#entity-links section.link-kind").evaluate_all(
        "sections => sections.map(s => s.dataset.kind)")
    assert kinds == list(dict.fromkeys(link["kind"] for link in links))
    for link in links:
        item = page.locator(f'#entity-links li.link[data-link="{link["id"]}"]')
        for source in link["sources"]:
            entry = item.locator(f'li[data-source="{source["id"]}"]')
            if source["url"]:
                assert entry.locator(f'a[href="{source["url"]}"]').count() == 1
            if source["hasText"]:
                assert entry.locator(f'a[href="/sources/{source["id"]}"]').count() == 1
            assert entry.locator("bdi").first.inner_text() == source["title"]
    assert page.locator("#entity-history").is_visible()
    assert page.locator("#entity-history ol.history > li").count() == min(changes, 50)
    screenshot(page, f"entity-berkane-{lang}")


@pytest.mark.parametrize("lang", LANGS)
def test_exports_the_links(lang_page: Any, site: LiveServer, lang: str) -> None:
    page = lang_page
    open_entity(page, CIM)
    links, _ = api_links(site, CIM)
    with page.expect_download() as download:
        page.locator("#export-csv").click()
    rows = list(csv.DictReader(io.StringIO(Path(download.value.path()).read_text("utf-8-sig"))))
    assert sorted(row["link_id"] for row in rows) == sorted(link["id"] for link in links)
    assert all(row["entity_id"] == CIM for row in rows)
    funder = next(row for row in rows if row["role"] == "FUNDER")
    assert funder["other_ids"] == "org:belgian-development-cooperation"
    with page.expect_download() as download:
        page.locator("#export-json").click()
    exported = json.loads(Path(download.value.path()).read_text("utf-8"))
    assert exported["entity"]["id"] == CIM
    assert sorted(link["id"] for link in exported["links"]) == sorted(link["id"] for link in links)
    screenshot(page, f"entity-programme-{lang}")


@pytest.mark.parametrize("lang", LANGS)
def test_unknown_id_is_a_404_page(lang_page: Any, site: LiveServer, lang: str) -> None:
    response = lang_page.goto("/entity/MA:99.999")
    assert response.status == 404
    text = lang_page.locator("main").inner_text()
    assert "MA:99.999" in text
    title = {"fr": "Entité introuvable", "ar": "كيان غير موجود", "en": "Entity not found"}[lang]
    assert title in text
    assert site.http.get("/entity/MA:99.999").status_code == 404
    screenshot(lang_page, f"entity-unknown-{lang}")


def test_pages_link_to_entity_pages(page: Any) -> None:
    page.goto("/explore?q=Berkane")
    page.locator("body[data-ready]").wait_for()
    page.locator(f'#results a.page-link[href="/entity/{BERKANE}"]').wait_for()
    page.goto(f"/explore?focus={BERKANE}")
    page.locator("body[data-ready]").wait_for()
    page.locator("#details").get_by_role("link", name="Open its page").click()
    page.wait_for_url(f"**/entity/{BERKANE}")
    page.locator("#entity").wait_for()
    page.goto("/coverage?subject=network:remacto")
    page.locator("table.numbers tbody tr").first.wait_for()
    page.get_by_role("link", name="Page of Rabat-Salé-Kénitra").click()
    page.wait_for_url("**/entity/MA:04")
    page.locator("#entity-name").filter(has_text="Rabat-Salé-Kénitra").wait_for()


MENTIONS = """query ($id: ID!) { node(id: $id) { ... on Collectivity { mentionedIn(first: 20) {
  id text source { id url hasText } } } } }"""


@pytest.mark.parametrize("lang", LANGS)
def test_articles_that_mention_it(lang_page: Any, site: LiveServer, lang: str) -> None:
    mentions = site.data(MENTIONS, {"id": BERKANE})["node"]["mentionedIn"]
    open_entity(lang_page, BERKANE)
    section = lang_page.locator("#mentions-section")
    assert section.is_visible()
    items = section.locator("li.mention")
    assert items.evaluate_all("items => items.map(i => i.dataset.mention)") == [
        mention["id"] for mention in mentions]
    for mention in mentions:
        item = section.locator(f'li[data-mention="{mention["id"]}"]')
        assert mention["text"] in item.locator("mark").inner_text()
        if mention["source"]["hasText"]:
            assert item.locator(f'a[href="/sources/{mention["source"]["id"]}"]').count() == 1
    if not mentions:
        assert section.locator("p.hint").is_visible()


def test_a_source_id_opens_its_page(page: Any, site: LiveServer) -> None:
    source = site.data("{ sources(first: 1) { id } }")["sources"][0]["id"]
    response = site.http.get(f"/entity/{source}", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == f"/sources/{source}"


def test_one_request_for_the_whole_page(page: Any) -> None:
    """The page reads everything in one GraphQL request."""
    posts: list[str] = []
    page.on("request", lambda request: posts.append(request.url)
            if request.method == "POST" and request.url.endswith("/graphql") else None)
    open_entity(page, BERKANE)
    assert len(posts) == 1
