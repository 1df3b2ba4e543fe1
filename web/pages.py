"""The HTML pages: one shared layout, a page per view, and a plain page when assets are missing."""

from __future__ import annotations

import json
from string import Template
from typing import Any

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from web.assets import template, vendor_versions
from web.examples import load_examples

# Everything a page loads comes from the registry itself: no CDN, no other host.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
       "img-src 'self' data: blob:; font-src 'self' data:; worker-src 'self' blob:; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'self'")
HEADERS = {"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff",
           "Referrer-Policy": "same-origin"}
MISSING = ("This page's scripts are not built on this server. Run <code>npm ci</code> in "
           "the registry's folder (it builds <code>web/static/vendor/</code>), then reload. "
           "The GraphQL API itself works: <code>POST /graphql</code>.")


def script_json(value: Any) -> str:
    """JSON safe to place inside a <script> element."""
    text = json.dumps(value, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def render(page: str, title: str, body_class: str, status: int = 200, **values: str) -> Response:
    """A page: its template's body inside the shared layout."""
    body = Template(template(f"{page}.html")).substitute(values)
    html = Template(template("layout.html")).substitute(
        title=title, body_class=body_class, body=body, head=values.get("head", ""))
    return HTMLResponse(html, status_code=status, headers=HEADERS)


def missing_assets(title: str) -> Response:
    """Said plainly instead of a blank page when `npm ci` has not built the assets."""
    return render("missing", title, "plain", status=503, message=MISSING)


def graphiql_page() -> Response:
    """GraphiQL with the explorer plugin and the example operations."""
    title = "GraphiQL"
    if vendor_versions() is None:
        return missing_assets(title)
    config = {"endpoint": "/graphql", "examples": [e.as_json() for e in load_examples()]}
    head = '<link rel="stylesheet" href="/static/vendor/graphiql/graphiql.css">'
    return render("graphiql", title, "graphiql-page", config=script_json(config), head=head)


async def explore(request: Request) -> Response:
    """The network explorer: search, neighbourhoods, connections, link details."""
    if vendor_versions() is None:
        return missing_assets("Network explorer")
    return render("explore", "Network explorer", "explore-page")


async def coverage(request: Request) -> Response:
    """Coverage of a network or programme by region and province, with its table."""
    return render("coverage", "Coverage", "coverage-page")
