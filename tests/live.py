"""A real uvicorn server in a background thread, and a small GraphQL client for it."""

from __future__ import annotations

import socket
import threading
import time
from types import TracebackType
from typing import Any

import httpx
import uvicorn

from protection.slow_clients import use_header_deadline
from server import create_app
from settings import Settings


class LiveServer:
    """Serves the registry app on a free localhost port for the duration of a `with`."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        # IPPROTO_TCP explicitly: asyncio sets TCP_NODELAY only on sockets that say so, and
        # without it every keep-alive request waits 40 ms for a delayed ACK.
        self._socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        self._socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._socket.bind(("127.0.0.1", 0))
        self.port = self._socket.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.app = create_app(settings)
        config = uvicorn.Config(self.app, log_level="warning", lifespan="on",
                                **use_header_deadline(settings))
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run,
                                        kwargs={"sockets": [self._socket]}, daemon=True)
        self.http = httpx.Client(base_url=self.url, timeout=60)

    def __enter__(self) -> LiveServer:
        self._thread.start()
        deadline = time.monotonic() + 60
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the registry app did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.http.close()
        self._server.should_exit = True
        self._thread.join(30)
        self._socket.close()

    def post(self, query: str, variables: dict[str, Any] | None = None,
             token: str | None = None) -> dict[str, Any]:
        """POST a GraphQL operation (with a bearer token if given); return the decoded body."""
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        response = self.http.post("/graphql", json={"query": query, "variables": variables or {}},
                                  headers=headers)
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        return body

    def data(self, query: str, variables: dict[str, Any] | None = None,
             token: str | None = None) -> dict[str, Any]:
        """The `data` of an operation that must succeed without errors."""
        body = self.post(query, variables, token)
        assert "errors" not in body, body["errors"]
        data: dict[str, Any] = body["data"]
        return data

    def error(self, query: str, variables: dict[str, Any] | None = None,
              token: str | None = None) -> dict[str, Any]:
        """The single error of an operation that must fail."""
        body = self.post(query, variables, token)
        assert body.get("errors"), body
        assert len(body["errors"]) == 1, body["errors"]
        error: dict[str, Any] = body["errors"][0]
        return error

    def round_trips(self, query: str, variables: dict[str, Any] | None = None) -> int:
        """How many database round trips an operation cost (trace_round_trips must be on)."""
        body = self.post(query, variables)
        assert "errors" not in body, body["errors"]
        return int(body["extensions"]["roundTrips"])
