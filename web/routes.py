"""The pages' routes, and GraphiQL on GET /graphql for browsers."""

from __future__ import annotations

from starlette.middleware.gzip import GZipMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Receive, Scope, Send

from protection.errors import error_body
from protection.request_id import request_id_of
from settings import Settings
from web import entity_page, pages, source_page
from web.assets import STATIC_DIR
from web.model import model_json


def routes(settings: Settings) -> list[BaseRoute]:
    """The explorer, the coverage view, entity pages and the static files (GraphiQL is on
    /graphql)."""
    static = StaticFiles(directory=STATIC_DIR, check_dir=False)
    return [
        Route("/explore", pages.explore, methods=["GET"]),
        Route("/coverage", pages.coverage, methods=["GET"]),
        Route("/entity/{id:path}", entity_page.entity, methods=["GET"]),
        Route("/sources/{id:path}", source_page.source, methods=["GET"]),
        Route("/model.json", model_json, methods=["GET"]),
        Mount("/static", app=GZipMiddleware(static, minimum_size=1024), name="static"),
    ]


def wants_graphiql(scope: Scope) -> bool:
    """A browser navigating to the endpoint: GET, asking for HTML, carrying no operation."""
    if scope["type"] != "http" or scope["method"] != "GET":
        return False
    request = Request(scope)
    accept = request.headers.get("accept", "")
    return "text/html" in accept and "query" not in request.query_params


NO_OPERATION = ("No operation: send ?query=... with GET, or a JSON body with POST; "
                "GraphiQL is served here to browsers (requests that accept text/html).")


def lacks_operation(scope: Scope) -> bool:
    """A GET that is neither for GraphiQL nor carries an operation."""
    return (scope["type"] == "http" and scope["method"] == "GET"
            and "query" not in Request(scope).query_params)


class WithGraphiQL:
    """The GraphQL endpoint, with the registry's offline GraphiQL page for browsers."""

    def __init__(self, graphql: ASGIApp) -> None:
        self.graphql = graphql

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if wants_graphiql(scope):
            await pages.graphiql_page(Request(scope))(scope, receive, send)
        elif lacks_operation(scope):
            # Strawberry's answer says GraphiQL is off, which is not so here.
            body = error_body(NO_OPERATION, "BAD_REQUEST", request_id_of(scope))
            await JSONResponse(body, status_code=400)(scope, receive, send)
        else:
            await self.graphql(scope, receive, send)


def with_graphiql(graphql: ASGIApp, settings: Settings) -> ASGIApp:
    """The endpoint to route at /graphql: with GraphiQL unless settings turn it off."""
    return WithGraphiQL(graphql) if settings.graphiql else graphql
