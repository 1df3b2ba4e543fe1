"""Connections that send their request headers too slowly are closed.

uvicorn waits for a request's headers with no time limit, so a thousand clients
each sending a few bytes of headers (slowloris) hold a thousand sockets, and
under the common `ulimit -n 1024` every other request fails. This HTTP protocol
gives every request's headers `header_timeout_ms` to arrive, counted from the
connection's first byte or the end of the previous request; past it, the
connection is closed. The request body has its own limit (`protection.admission`).

A client that reopens each closed connection at once takes the sockets back as fast
as the deadline frees them, so each client address may also have at most
`max_header_waits_per_client` connections waiting for their headers at a time (per
process); one more is closed as soon as it is accepted. Connections that sent their
headers do not count: a busy client is not a slow one. Behind a reverse proxy every
client shares the proxy's address: raise the limit there, or set 0 to turn it off.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from typing import Any, ClassVar

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from settings import Settings


class HeaderDeadline(HttpToolsProtocol):
    """uvicorn's httptools protocol, with a deadline on each request's headers."""

    header_timeout_s = 10.0
    max_waits_per_client = 0
    # Connections waiting for their headers, by client address, in this process.
    waiting: ClassVar[Counter[str]] = Counter()

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._header_timer: asyncio.TimerHandle | None = None
        self._peer = str((transport.get_extra_info("peername") or ("",))[0])
        if self.max_waits_per_client and self.waiting[self._peer] >= self.max_waits_per_client:
            self.logger.info("closed a connection from %s: %d of its connections are waiting "
                             "for their headers", self._peer, self.max_waits_per_client)
            transport.close()
            return
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
            self.waiting[self._peer] += 1

    def _cancel_header_timer(self) -> None:
        if self._header_timer is not None:
            self._header_timer.cancel()
            self._stop_waiting()

    def _stop_waiting(self) -> None:
        self._header_timer = None
        self.waiting[self._peer] -= 1
        if self.waiting[self._peer] <= 0:
            del self.waiting[self._peer]

    def _too_slow(self) -> None:
        self._stop_waiting()
        self.logger.info("closed a connection whose request headers took more than %.1f s",
                         self.header_timeout_s)
        self.transport.close()


def use_header_deadline(settings: Settings) -> dict[str, Any]:
    """uvicorn's options for the protocol, its limits set for this process.

    Class attributes, set where the app is made (each worker process makes its own):
    uvicorn takes a protocol class, and passes it to worker processes by name.
    """
    HeaderDeadline.header_timeout_s = settings.header_timeout_ms / 1000
    HeaderDeadline.max_waits_per_client = settings.max_header_waits_per_client
    return {"http": HeaderDeadline}
