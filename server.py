"""The registry's web application: GraphQL at /graphql, health at /health.

Run it with `python server.py` (see `--help`); configuration comes from the
environment through `settings.Settings`.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import logging
import os
import sys
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from importlib.metadata import PackageNotFoundError, version
from typing import Any

import uvicorn
from starlette.applications import Starlette
from starlette.middleware.gzip import DEFAULT_EXCLUDED_CONTENT_TYPES, GZipMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from strawberry.extensions import SchemaExtension

from graph import names as graph_names
from graph import territory as graph_territory
from graph.backends import open_backend, start_embedded
from graph.client import CountingClient, GraphBackend
from graph.errors import GraphError, GraphUnavailable
from importers.problems import ImportRefused
from importers.startup import load_if_empty
from protection.cost import cost_extension
from protection.errors import ErrorPolicy, silence_library_error_log
from protection.limits import limit_extensions
from protection.middleware import protective_middleware
from protection.slow_clients import use_header_deadline
from protection.view import GuardedGraphQL
from resolvers.context import Context
from schema import build_schema
from settings import Settings
from web.routes import routes as web_routes
from web.routes import with_graphiql

log = logging.getLogger("registry")
GC_THRESHOLD = 50_000
# Answers at least this large are gzip-compressed for clients that accept it. Level 6:
# the whole hierarchy (200 KB of JSON) became 36 KB in 9 ms here; level 9 took 52 ms
# for 6% less. Starlette compresses bodies over 128 KiB in a worker thread.
GZIP_MIN_BYTES = 1024
GZIP_LEVEL = 6


def registry_version() -> str:
    """The installed version of the registry."""
    try:
        return version("morocco-collectivities-registry")
    except PackageNotFoundError:
        return "unknown"


class RoundTrips(SchemaExtension):
    """Adds the request's database round trips to the response's `extensions`."""

    def get_results(self) -> dict[str, Any]:
        context = self.execution_context.context
        if isinstance(context, Context):
            return {"roundTrips": context.graph.round_trips}
        return {}


class RegistryGraphQL(GuardedGraphQL[Context]):
    """Strawberry's ASGI app with the registry's typed per-request context."""

    async def get_context(self, request: Any, response: Any) -> Context:
        app_state = request.app.state
        return Context(CountingClient(app_state.backend), app_state.settings, request)


async def health(request: Request) -> Response:
    """Backend, counts of units by country and level, version, and problems if any."""
    backend: GraphBackend = request.app.state.backend
    try:
        rows = await graph_territory.counts_by_level(backend)
        problems = await backend.problems()
    except GraphError as error:
        log.warning("health check failed: %s", error)
        return JSONResponse({"status": "unavailable", "backend": backend.name}, 503)
    counts: dict[str, dict[str, int]] = {}
    for row in rows:
        counts.setdefault(row["country"], {})[row["level"]] = row["count"]
    # Degraded: it answers reads, but something (such as a full disk) refuses writes.
    return JSONResponse({"status": "degraded" if problems else "ok", "problems": problems,
                         "backend": backend.name,
                         "serverVersion": backend.server_version,
                         "version": registry_version(), "counts": counts})


class InProcess:
    """Runs a GraphQL operation inside the server, with a request's context: the pages it
    renders itself (`/sources/<id>`) read the registry through the API like any client."""

    def __init__(self, schema: Any) -> None:
        self.schema = schema

    async def __call__(self, query: str, variables: dict[str, Any],
                       request: Request) -> dict[str, Any]:
        state = request.app.state
        context = Context(CountingClient(state.backend), state.settings, request)
        result = await self.schema.execute(query, variables, context_value=context)
        if result.errors:
            raise RuntimeError(f"in-process operation failed: {result.errors[0].message}")
        return dict(result.data or {})


async def index(request: Request) -> Response:
    """The root sends browsers to GraphiQL."""
    return RedirectResponse("/graphql")


async def make_ready(backend: GraphBackend, settings: Settings) -> None:
    """Indexes and constraints in place; data loaded into an empty graph if asked."""
    await backend.ensure_schema()
    # Names written by a version before full-text search get their search properties.
    if given := await graph_names.add_missing_terms(backend):
        log.info("search terms added to %d names", given)
    if settings.autoload:
        await load_if_empty(backend)


def tune_garbage_collector() -> None:
    """Collect less often, and never again scan what start-up built.

    A request allocates many short-lived objects (the full hierarchy about 100,000)
    with hardly any cycles, so the default threshold (a collection every 700
    allocations, each full one walking the schema and every module) cost a fifth of
    that request's time; measured with `python -m bench`.
    """
    gc.collect()
    gc.freeze()
    gc.set_threshold(GC_THRESHOLD, 20, 100)


def create_app(settings: Settings | None = None) -> Starlette:
    """The registry app; the graph backend opens in its lifespan."""
    settings = settings or Settings()

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        backend = open_backend(settings)
        try:
            await make_ready(backend, settings)
            app.state.backend = backend
            tune_garbage_collector()
            yield
        finally:
            await backend.close()

    # ErrorPolicy codes every error, adds the request id, masks and logs unexpected errors.
    silence_library_error_log()
    # Each extension costs every request its hooks, so tracing is added only when asked.
    tracing = [RoundTrips] if settings.trace_round_trips else []
    schema = build_schema([*limit_extensions(settings), cost_extension(settings), ErrorPolicy,
                           *tracing])
    # Strawberry's GraphiQL loads from CDNs; web/ serves an offline one (settings.graphiql).
    graphql = RegistryGraphQL(schema, graphql_ide=None)
    app = Starlette(routes=[
        Route("/", index), Route("/health", health),
        Route("/graphql", compressed(with_graphiql(graphql, settings)),
              methods=["GET", "POST"]),
        *web_routes(settings),
    ], middleware=protective_middleware(settings), lifespan=lifespan)
    app.state.settings = settings
    app.state.execute = InProcess(schema)
    use_header_deadline(settings)
    return app


def compressed(endpoint: ASGIApp) -> ASGIApp:
    """The endpoint, its large answers gzipped when the client accepts it (never a
    stream of parts, which must reach the client as each is ready)."""
    return GZipMiddleware(endpoint, minimum_size=GZIP_MIN_BYTES, compresslevel=GZIP_LEVEL,
                          exclude_content_types=(*DEFAULT_EXCLUDED_CONTENT_TYPES,
                                                 "multipart/mixed"))


class CleanStartupErrors:
    """Reports a start-up failure we understand as one line instead of a traceback."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def send_clean(message: Message) -> None:
            error = sys.exc_info()[1]
            if message["type"] == "lifespan.startup.failed" and isinstance(
                    error, GraphUnavailable | ImportRefused):
                message = {**message, "message": f"registry cannot start: {error}"}
            await send(message)
        await self.app(scope, receive, send_clean if scope["type"] == "lifespan" else send)


def worker_app() -> ASGIApp:
    """The app of one worker process (`--workers`), configured by the environment its
    parent prepared in `shared_graph`."""
    return CleanStartupErrors(create_app(Settings()))


@contextmanager
def shared_graph(settings: Settings) -> Iterator[dict[str, str]]:
    """The graph for several worker processes, opened once here and loaded if empty.

    Yields the environment the workers start with: attached to this process's
    embedded graph server (whose data directory only one process may own), and
    never loading data themselves (several would race to import the same files).
    """
    env = {"REGISTRY_AUTOLOAD": "false"}
    server = start_embedded(settings) if settings.backend_name == "embedded" else None
    try:
        if server is not None:
            env["REGISTRY_FALKORDB_URL"] = server.url
            settings = settings.model_copy(update={"falkordb_url": server.url})
        asyncio.run(_prepare_graph(settings))
        yield env
    finally:
        if server is not None:
            server.stop()


async def _prepare_graph(settings: Settings) -> None:
    backend = open_backend(settings)
    try:
        await make_ready(backend, settings)
    finally:
        await backend.close()


def main(argv: list[str] | None = None) -> None:
    """Serve the registry with uvicorn."""
    settings = Settings()
    parser = argparse.ArgumentParser(description="Serve the collectivities registry.")
    parser.add_argument("--host", default=settings.host, help="interface (REGISTRY_HOST)")
    parser.add_argument("--port", type=int, default=settings.port, help="port (REGISTRY_PORT)")
    parser.add_argument("--workers", type=int, default=settings.workers,
                        help="processes serving requests, about one per core; they share "
                             "one graph server (REGISTRY_WORKERS)")
    parser.add_argument("--log-level", default="info")
    args = parser.parse_args(argv)
    logging.basicConfig(level=args.log_level.upper(), format="%(levelname)s: %(message)s")
    if args.workers <= 1:
        app = CleanStartupErrors(create_app(settings))
        uvicorn.run(app, host=args.host, port=args.port, log_level=args.log_level,
                    lifespan="on", **use_header_deadline(settings))
        return
    try:
        with shared_graph(settings) as env:
            os.environ.update(env)
            uvicorn.run("server:worker_app", factory=True, workers=args.workers,
                        host=args.host, port=args.port, log_level=args.log_level,
                        lifespan="on", timeout_worker_healthcheck=settings.worker_healthcheck_s,
                        **use_header_deadline(settings))
    except (GraphUnavailable, ImportRefused) as error:
        print(f"registry cannot start: {error}", file=sys.stderr)
        sys.exit(3)  # uvicorn's status for a failed start-up, as with one worker


if __name__ == "__main__":
    main()
