"""The interface's languages in a real browser: French by default, Arabic right to left with
its own font, English; the switch keeps the view and is remembered."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.browser.conftest import screenshot
from tests.browser.explore_helpers import BERKANE, CIM
from tests.live import LiveServer

PAGES = ["/explore", "/coverage", "/graphql", f"/entity/{BERKANE}"]
NAV = {"fr": "Explorer le réseau", "ar": "استكشاف الشبكة", "en": "Explore the network"}


def ready(page: Any, path: str) -> None:
    page.goto(path)
    if path.startswith("/graphql"):
        page.locator(".graphiql-container").wait_for()
    else:
        page.locator("body[data-ready]").wait_for()


@pytest.mark.parametrize("path", PAGES)
def test_french_by_default(fresh_page: Any, path: str) -> None:
    ready(fresh_page, path)
    html = fresh_page.locator("html")
    assert (html.get_attribute("lang"), html.get_attribute("dir")) == ("fr", "ltr")
    assert fresh_page.locator("header.site nav").first.inner_text().startswith(NAV["fr"])
    assert fresh_page.locator('nav.languages a[aria-current="true"]').inner_text() == "Français"


@pytest.mark.parametrize("path", PAGES)
def test_arabic_pages_right_to_left(fresh_page: Any, path: str) -> None:
    ready(fresh_page, f"{path}{'&' if '?' in path else '?'}lang=ar")
    html = fresh_page.locator("html")
    assert (html.get_attribute("lang"), html.get_attribute("dir")) == ("ar", "rtl")
    assert NAV["ar"] in fresh_page.locator("header.site").inner_text()
    font = fresh_page.eval_on_selector("header.site a.brand", "e => getComputedStyle(e).fontFamily")
    assert font.startswith('"Noto Sans Arabic"'), font
    assert fresh_page.evaluate("document.fonts.check('16px \"Noto Sans Arabic\"', 'بركان')")
    screenshot(fresh_page, f"lang-ar{path.replace('/', '-').replace(':', '')}")


def test_switch_keeps_the_view_and_is_remembered(fresh_page: Any) -> None:
    page = fresh_page
    ready(page, f"/explore?focus={BERKANE}&open={CIM}")
    page.locator("nav.languages").get_by_role("link", name="العربية").click()
    page.wait_for_url("**lang=ar**")
    page.locator("body[data-ready]").wait_for()
    query = parse_qs(urlsplit(page.url).query)
    assert query["focus"] == [BERKANE] and query["open"] == [CIM]
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("#details h2").inner_text() == "بركان"
    # The next page, opened without ?lang=, is in Arabic too; then back to English.
    ready(page, "/coverage")
    assert page.locator("html").get_attribute("lang") == "ar"
    page.locator("nav.languages").get_by_role("link", name="English").click()
    page.wait_for_url("**lang=en**")
    page.locator("body[data-ready]").wait_for()
    ready(page, f"/entity/{BERKANE}")
    assert page.locator("html").get_attribute("lang") == "en"


@pytest.mark.parametrize("lang", ["fr", "ar", "en"])
def test_numbers_and_dates_per_language(lang_page: Any, site: LiveServer, lang: str) -> None:
    expected = lang_page.evaluate(
        "([lang, n]) => [new Intl.NumberFormat({fr: 'fr-FR', ar: 'ar-MA', en: 'en-GB'}[lang])"
        ".format(n), new Intl.DateTimeFormat({fr: 'fr-FR', ar: 'ar-MA', en: 'en-GB'}[lang], "
        "{day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC'})"
        ".format(new Date(Date.UTC(2025, 2, 14)))]", [lang, 284061])
    ready(lang_page, "/entity/MA:02.113")
    assert expected[0] in lang_page.locator("#entity-facts").inner_text()
    ready(lang_page, f"/entity/{BERKANE}")
    # The adoption of the smart cities forum agreement is dated 2025-03-14 in the sources.
    assert expected[1] in lang_page.locator("#entity-links").inner_text()


def test_arabic_titles_are_isolated(lang_page: Any) -> None:
    """A source's Arabic title sits in its own <bdi>, so "(publisher · date)" after it is not
    pulled into its right-to-left run."""
    ready(lang_page, f"/entity/{BERKANE}")
    titles = lang_page.locator("#entity-links li[data-source] .source-title bdi")
    assert titles.count() > 0
    arabic = [t for t in titles.all_inner_texts() if any("\u0600" <= c <= "\u06ff" for c in t)]
    assert arabic, "Berkane's sources include Arabic titles"


def test_numbers_read_left_to_right_in_arabic_tables(lang_page: Any) -> None:
    """"0 / 1" in a right-to-left table is drawn 0 first, at the left, not reversed."""
    lang_page.goto("/coverage?subject=network:remacto&lang=ar")
    cell = lang_page.locator("table.numbers tbody tr td.n").first
    cell.wait_for()
    first, last = cell.evaluate("""td => { const text = td.firstChild;
      const x = (i) => { const range = document.createRange(); range.setStart(text, i);
        range.setEnd(text, i + 1); return range.getBoundingClientRect().x; };
      return [x(0), x(text.length - 1)]; }""")
    assert first < last
