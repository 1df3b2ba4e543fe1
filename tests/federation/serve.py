"""Serve one of the test subgraphs over HTTP, in its own process.

    python -m tests.federation.serve partner [--port 0]

Binds the port first (0 picks a free one), then prints one line,
`subgraph ready at http://127.0.0.1:PORT/graphql`, and serves until killed.
"""

from __future__ import annotations

import argparse
import importlib
import socket
import sys

import uvicorn
from starlette.applications import Starlette
from starlette.routing import Route
from strawberry.asgi import GraphQL

SUBGRAPHS = {"partner": "tests.federation.partner", "grants": "tests.federation.grants",
             "conflicting": "tests.federation.conflicting"}


def app_for(name: str) -> Starlette:
    """The Starlette app serving subgraph `name` at /graphql."""
    schema = importlib.import_module(SUBGRAPHS[name]).schema
    return Starlette(routes=[Route("/graphql", GraphQL(schema, graphql_ide=None),
                                   methods=["GET", "POST"])])


def main(argv: list[str] | None = None) -> None:
    """Bind, announce the URL, serve."""
    parser = argparse.ArgumentParser(prog="python -m tests.federation.serve")
    parser.add_argument("subgraph", choices=sorted(SUBGRAPHS))
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args(argv)
    app = app_for(args.subgraph)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((args.host, args.port))
    sock.listen(128)  # connections made before uvicorn runs wait in the backlog
    port = sock.getsockname()[1]
    print(f"subgraph ready at http://{args.host}:{port}/graphql", flush=True)
    config = uvicorn.Config(app, log_level="warning", lifespan="off")
    uvicorn.Server(config).run(sockets=[sock])
    sys.exit(0)


if __name__ == "__main__":
    main()
