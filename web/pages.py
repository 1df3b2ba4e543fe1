"""The HTML pages: one shared layout in the reader's language, a page per view, and a plain
page when assets are missing or an entity is unknown."""

from __future__ import annotations

import html
import json
from string import Template
from typing import Any

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from web import i18n
from web.assets import template, vendor_versions
from web.examples import load_examples

# Everything a page loads comes from the registry itself: no CDN, no other host.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
       "img-src 'self' data: blob:; font-src 'self' data:; worker-src 'self' blob:; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'self'")
HEADERS = {"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff",
           "Referrer-Policy": "same-origin", "Vary": "Cookie"}


class PageTemplate(Template):
    """`$name` or `${dotted.key}`: page values, and the catalogue's strings by key."""

    idpattern = r"(?a:[_a-z][_a-z0-9]*(?:\.[_a-zA-Z0-9]+)*)"


def escape(text: str) -> str:
    """Text safe inside HTML."""
    return html.escape(text)


def script_json(value: Any) -> str:
    """JSON safe to place inside a <script> element."""
    text = json.dumps(value, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def switch(lang: str) -> str:
    """The language switch: each language named in itself; plain links work without scripts."""
    items = []
    for other in i18n.LANGUAGES:
        current = ' aria-current="true"' if other == lang else ""
        name = html.escape(i18n.text(other, f"lang.{other}"))
        items.append(f'<a href="?lang={other}" hreflang="{other}" lang="{other}" '
                     f'data-lang="{other}"{current}>{name}</a>')
    return "".join(items)


def render(request: Request, page: str, title_key: str, body_class: str, status: int = 200,
           title: str = "", **values: str) -> Response:
    """A page: its template's body inside the shared layout, in the reader's language."""
    lang, asked = i18n.chosen(request)
    strings = {key: html.escape(value) for key, value in i18n.catalogue(lang).items()}
    body = PageTemplate(template(f"{page}.html")).substitute(strings, **values)
    shown = html.escape(title) if title else strings[title_key]
    page_html = PageTemplate(template("layout.html")).substitute(
        strings, title=shown, body_class=body_class, body=body, head=values.get("head", ""),
        lang=lang, dir=i18n.direction(lang), switch=switch(lang),
        catalogue=script_json({"lang": lang, "strings": i18n.catalogue(lang)}))
    response = HTMLResponse(page_html, status_code=status, headers=HEADERS)
    if asked:
        i18n.remember(response, lang)
    return response


def not_found(request: Request, lang: str, kind: str, message: str) -> Response:
    """A 404 page saying what was not found (`kind`: the catalogue's entity or source)."""
    title_key = f"{kind}.notFoundTitle"
    return render(request, "not_found", title_key, "plain", status=404,
                  heading=escape(i18n.text(lang, title_key)), message=escape(message))


def missing_assets(request: Request, title_key: str) -> Response:
    """Said plainly instead of a blank page when `npm ci` has not built the assets."""
    return render(request, "missing", title_key, "plain", status=503)


def graphiql_page(request: Request) -> Response:
    """GraphiQL with the explorer plugin and the example operations."""
    title = "page.graphiql.title"
    if vendor_versions() is None:
        return missing_assets(request, title)
    lang, _ = i18n.chosen(request)
    config = {"endpoint": "/graphql", "examples": [e.as_json() for e in load_examples()],
              "strings": {key: value for key, value in i18n.catalogue(lang).items()
                          if key.startswith("graphiql.")}}
    head = '<link rel="stylesheet" href="/static/vendor/graphiql/graphiql.css">'
    return render(request, "graphiql", title, "graphiql-page", config=script_json(config),
                  head=head)


async def explore(request: Request) -> Response:
    """The network explorer: search, neighbourhoods, connections, link details."""
    if vendor_versions() is None:
        return missing_assets(request, "page.explore.title")
    return render(request, "explore", "page.explore.title", "explore-page")


async def coverage(request: Request) -> Response:
    """Coverage of a network or programme by region and province, with its table."""
    return render(request, "coverage", "page.coverage.title", "coverage-page")
