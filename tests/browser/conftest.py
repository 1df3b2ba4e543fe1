"""The pages in a real browser: Debian's Chromium driven by Playwright, against a live app.

The app runs on localhost over a copy of the embedded backbone graph and loads the
curated network files at start, as a fresh server does. Tests that need the browser
are skipped, saying why, when Chromium is not installed; under CI (CI set) they fail
instead, so that a missing install step cannot pass unnoticed.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.conftest import served
from tests.hosts import GraphHost
from tests.live import LiveServer

SCREENSHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"
CHROMIUM = os.environ.get("REGISTRY_CHROMIUM", "/usr/bin/chromium")
LOCAL_SCHEMES = ("data", "blob", "about", "chrome-error")


@pytest.fixture(scope="session")
def site(graph_host: GraphHost, backbone_template: str) -> Iterator[LiveServer]:
    """The registry app with the backbone and the curated network, on a localhost port."""
    with served(graph_host, backbone_template, autoload=True) as live:
        yield live


@pytest.fixture(scope="module")
def browser(site: LiveServer) -> Iterator[Any]:
    """Headless Chromium from Debian's package; never a browser download.

    Module-scoped and started after the site: Playwright's sync API keeps an event loop
    running in this thread while it is open, and the graph fixtures use asyncio.run.
    """
    if not Path(CHROMIUM).exists() or shutil.which(CHROMIUM) is None:
        reason = f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)"
        if os.environ.get("CI"):
            pytest.fail(f"{reason}: CI must run the browser tests")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM)
        yield chromium
        chromium.close()


class PageWatch:
    """What a page did that a test should fail on: script errors, requests off this host."""

    def __init__(self, host: str) -> None:
        self.host = host
        self.errors: list[str] = []
        self.external: list[str] = []

    def request(self, request: Any) -> None:
        url = urlsplit(request.url)
        if url.scheme not in LOCAL_SCHEMES and url.hostname != self.host:
            self.external.append(request.url)

    def console(self, message: Any) -> None:
        if message.type == "error" and "Failed to load resource" not in message.text:
            self.errors.append(message.text)


@pytest.fixture
def page(browser: Any, site: LiveServer) -> Iterator[Any]:
    """A page in English (the language chosen before, as a cookie), for tests reading English
    text; fails the test on script errors or external requests."""
    yield from watched_page(browser, site, "en")


@pytest.fixture
def fresh_page(browser: Any, site: LiveServer) -> Iterator[Any]:
    """A page of a first visit: no language chosen yet (French, the default)."""
    yield from watched_page(browser, site, None)


@pytest.fixture
def lang() -> str:
    """The interface language of `lang_page`; tests parametrize it."""
    return "en"


@pytest.fixture
def lang_page(browser: Any, site: LiveServer, lang: str) -> Iterator[Any]:
    """A page in the language the test is parametrized with (`lang`)."""
    yield from watched_page(browser, site, lang)


def watched_page(browser: Any, site: LiveServer, lang: str | None) -> Iterator[Any]:
    """A new browser context and page on the site, in `lang` if given (the switch's cookie)."""
    context = browser.new_context(base_url=site.url, viewport={"width": 1400, "height": 900},
                                  accept_downloads=True)
    if lang:
        context.add_cookies([{"name": "lang", "value": lang, "url": site.url}])
    page = context.new_page()
    page.set_default_timeout(20_000)
    watch = PageWatch(urlsplit(site.url).hostname or "127.0.0.1")
    page.on("request", watch.request)
    page.on("console", watch.console)
    page.on("pageerror", lambda error: watch.errors.append(str(error)))
    page.watch = watch
    yield page
    context.close()
    assert not watch.external, f"the page fetched from other hosts: {watch.external}"
    assert not watch.errors, f"script errors in the page: {watch.errors}"


def screenshot(page: Any, name: str) -> Path:
    """Save a full-window screenshot under artifacts/screenshots/."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path))
    return path
