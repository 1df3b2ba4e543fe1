"""Writers and whole-graph imports excluded across processes, by a lock in the graph server.

An import on FalkorDB copies the graph, writes the copy, and renames it over the
original: a write that reached the original meanwhile would be lost. Every process
on the graph (the server's workers, `python -m importers`, `python -m auth`) goes
through this gate, whose state lives in the graph server itself, so no write can
land between an import's copy and its rename:

- a writer registers itself in a sorted set, atomically with checking that no
  import holds the gate; while one does, the writer waits (bounded), then is told
  to retry. A writer's entry carries a lease, so a process that died mid-write
  cannot hold imports back for longer than that.
- an import takes the gate (a key with a lease its holder renews), waits until
  the writers already registered have finished, and only then copies the graph.

Writes never wait on each other through the gate, only on an import.
"""

from __future__ import annotations

import asyncio
import os
import socket
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager, suppress
from typing import Any

from graph.errors import GraphBusy, GraphTimeout, GraphUnavailable

Command = Callable[..., Awaitable[Any]]

# Both scripts read the server's clock, so leases do not depend on the callers' clocks.
_ENTER_WRITE = """
if redis.call('EXISTS', KEYS[1]) == 1 then return redis.call('GET', KEYS[1]) end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZADD', KEYS[2], now + tonumber(ARGV[2]), ARGV[1])
return 1
"""
_WRITERS_LEFT = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
return redis.call('ZCARD', KEYS[1])
"""
_RELEASE = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
"""
_RENEW = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0
"""
_POLL_S = 0.02


class WriteGate:
    """The cross-process gate of one graph, spoken to through raw server commands."""

    def __init__(self, command: Command, graph: str, wait_s: float,
                 write_lease_ms: int, import_lease_ms: int = 30_000) -> None:
        self._command = command
        self.import_key = f"registry:gate:{graph}:import"
        self.writers_key = f"registry:gate:{graph}:writers"
        self.wait_s = wait_s
        self._write_lease_ms = write_lease_ms
        self._import_lease_ms = import_lease_ms

    @asynccontextmanager
    async def writing(self) -> AsyncIterator[None]:
        """Hold the gate open for one write; wait while an import holds it."""
        writer = uuid.uuid4().hex
        await self._until(lambda: self._enter_write(writer), "write")
        finished = False
        try:
            yield
            finished = True
        except Exception as error:
            # A reply from the server means the write is over; a lost connection may
            # leave it running there, so its entry is left to expire with its lease.
            finished = not _connection_lost(error)
            raise
        finally:
            if finished:
                await self._command("ZREM", self.writers_key, writer)

    @asynccontextmanager
    async def importing(self) -> AsyncIterator[None]:
        """Hold the gate shut for a whole-graph import: no writer is inside or gets in."""
        holder = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        await self._until(lambda: self._take(holder), "import")
        renewal = asyncio.create_task(self._renew(holder))
        try:
            # A writer's lease bounds how long a write (or a dead writer's entry) can last.
            await self._until(self._writers_gone, "import",
                              self.wait_s + self._write_lease_ms / 1000)
            yield
        finally:
            renewal.cancel()
            with suppress(asyncio.CancelledError):
                await renewal
            await self._command("EVAL", _RELEASE, 1, self.import_key, holder)

    async def held_by(self) -> str | None:
        """Who holds the gate for an import, if anyone."""
        holder = await self._command("GET", self.import_key)
        return _text(holder) if holder is not None else None

    async def _enter_write(self, writer: str) -> str | None:
        reply = await self._command("EVAL", _ENTER_WRITE, 2, self.import_key,
                                    self.writers_key, writer, self._write_lease_ms)
        return None if reply == 1 else f"an import ({_text(reply)}) holds the write gate"

    async def _take(self, holder: str) -> str | None:
        if await self._command("SET", self.import_key, holder, "NX", "PX",
                               self._import_lease_ms):
            return None
        return f"another import ({await self.held_by()}) holds the write gate"

    async def _writers_gone(self) -> str | None:
        left = int(await self._command("EVAL", _WRITERS_LEFT, 1, self.writers_key))
        return f"{left} writes still in progress" if left else None

    async def _renew(self, holder: str) -> None:
        while True:
            await asyncio.sleep(self._import_lease_ms / 3000)
            await self._command("EVAL", _RENEW, 1, self.import_key, holder,
                                self._import_lease_ms)

    async def _until(self, attempt: Callable[[], Awaitable[str | None]], what: str,
                     wait_s: float | None = None) -> None:
        """Retry `attempt` (None: done; else why not) until it succeeds or the wait ends."""
        wait_s = self.wait_s if wait_s is None else wait_s
        deadline = asyncio.get_running_loop().time() + wait_s
        while (blocker := await attempt()) is not None:
            if asyncio.get_running_loop().time() >= deadline:
                raise GraphBusy(f"the {what} waited {wait_s:g} s and could not start: "
                                f"{blocker}; try again when it ends")
            await asyncio.sleep(_POLL_S)


def _text(value: Any) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)


def _connection_lost(error: Exception) -> bool:
    return isinstance(error, GraphTimeout | GraphUnavailable | OSError)
