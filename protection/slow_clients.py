"""Connections that send their request headers too slowly are closed.

uvicorn waits for a request's headers with no time limit, so a thousand clients
each sending a few bytes of headers (slowloris) hold a thousand sockets, and
under the common `ulimit -n 1024` every other request fails. This HTTP protocol
gives every request's headers `header_timeout_ms` to arrive, counted from the
connection's first byte or the end of the previous request; past it, the
connection is closed. The request body has its own limit (`protection.admission`).
"""

from __future__ import annotations

import asyncio
from typing import Any

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from settings import Settings


class HeaderDeadline(HttpToolsProtocol):
    """uvicorn's httptools protocol, with a deadline on each request's headers."""

    header_timeout_s = 10.0

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._header_timer: asyncio.TimerHandle | None = None
        self._start_header_timer()

    def on_message_begin(self) -> None:
        super().on_message_begin()
        self._start_header_timer()

    def on_headers_complete(self) -> None:
        self._cancel_header_timer()
        super().on_headers_complete()

    def connection_lost(self, exc: Exception | None) -> None:
        self._cancel_header_timer()
        super().connection_lost(exc)

    def _start_header_timer(self) -> None:
        if self._header_timer is None:
            self._header_timer = self.loop.call_later(self.header_timeout_s, self._too_slow)

    def _cancel_header_timer(self) -> None:
        if self._header_timer is not None:
            self._header_timer.cancel()
            self._header_timer = None

    def _too_slow(self) -> None:
        self._header_timer = None
        self.logger.info("closed a connection whose request headers took more than %.1f s",
                         self.header_timeout_s)
        self.transport.close()


def use_header_deadline(settings: Settings) -> dict[str, Any]:
    """uvicorn's options for the protocol, its deadline set for this process.

    A class attribute, set where the app is made (each worker process makes its own):
    uvicorn takes a protocol class, and passes it to worker processes by name.
    """
    HeaderDeadline.header_timeout_s = settings.header_timeout_ms / 1000
    return {"http": HeaderDeadline}
