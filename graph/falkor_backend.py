"""FalkorDB backend, spoken to with the native `falkordb` asyncio client.

Used for the embedded server (a unix socket in the data directory) and for any
FalkorDB server given by `FALKORDB_URL`. FalkorDB has no multi-statement
transactions, so an atomic unit of work runs on a copy of the graph that
replaces the original only when every statement succeeded; the write gate
(`graph.write_gate`) keeps every process's writes out of the graph meanwhile.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any, LiteralString

from falkordb.asyncio import FalkorDB
from redis import exceptions as redis_errors
from redis.asyncio import BlockingConnectionPool

from graph import dialect, falkor_wire
from graph.client import GraphClient, Params, Row
from graph.embedded import EmbeddedGraphServer
from graph.errors import (
    ConstraintViolation,
    GraphError,
    GraphTimeout,
    GraphUnavailable,
    GraphUnwritable,
)
from graph.write_gate import WriteGate

_STAGING_SUFFIX = "__staging"
_MIN_SOCKET_TIMEOUT_S = 60.0
_DEFAULT_WRITE_WAIT_S = 20.0
POOL_SIZE = 64
_FORK_WAIT_S = 120.0
_FORKS = ("aof_rewrite_in_progress", "aof_rewrite_scheduled", "module_fork_in_progress",
          "rdb_bgsave_in_progress")


def _forking(persistence: dict[str, Any]) -> bool:
    """Whether INFO persistence shows a background rewrite, save or module fork."""
    return any(int(persistence.get(field) or 0) for field in _FORKS)


def _socket_wait(timeout_ms: int) -> float:
    """How long the client waits for a reply: well past the server's own read limit."""
    return max(_MIN_SOCKET_TIMEOUT_S, 2 * timeout_ms / 1000)


def _translate(error: Exception) -> GraphError:
    message = str(error)
    if isinstance(error, redis_errors.ConnectionError | redis_errors.TimeoutError):
        return GraphUnavailable(f"graph server unreachable: {message}")
    if "timed out" in message.lower():
        return GraphTimeout(message)
    if "constraint violation" in message.lower():
        return ConstraintViolation(message)
    if message.startswith("MISCONF") or "writing to the AOF" in message:
        return GraphUnwritable(f"the graph server cannot write its append-only file: {message}")
    return GraphError(message)


class FalkorClient:
    """Runs statements against one named graph of a FalkorDB server."""

    # Importers may keep two independent write batches in flight: the server runs one
    # write at a time per graph, while the client builds the next statement.
    write_concurrency = 2
    dialect = "falkordb"

    def __init__(self, db: FalkorDB, graph: str, timeout_ms: int) -> None:
        self._db = db
        self.graph = graph
        self._graph = db.select_graph(graph)
        self._timeout_ms = timeout_ms

    async def read(self, query: LiteralString, params: Params | None = None) -> list[Row]:
        """Run a read-only statement (FalkorDB refuses writes in it)."""
        return await self._run(query, params, read_only=True)

    async def write(self, query: LiteralString, params: Params | None = None) -> list[Row]:
        """Run a statement that may write; FalkorDB keeps all of it or none."""
        return await self._run(query, params, read_only=False)

    async def _run(self, query: str, params: Params | None, read_only: bool) -> list[Row]:
        # The compact reply is parsed by `falkor_wire`, not by the client's per-value
        # coroutines (which cost more than the database on large results).
        command: list[Any] = ["GRAPH.RO_QUERY" if read_only else "GRAPH.QUERY", self.graph,
                              falkor_wire.params_header(params or {}) + query, "--compact"]
        if read_only:
            command += ["timeout", self._timeout_ms]
        try:
            return falkor_wire.rows(await self._graph.execute_command(*command))
        except (redis_errors.RedisError, OSError) as error:
            raise _translate(error) from error


class FalkorBackend(FalkorClient):
    """A FalkorDB graph plus schema set-up, atomic units and shutdown."""

    name = "falkordb"

    def __init__(self, db: FalkorDB, graph: str, timeout_ms: int,
                 server: EmbeddedGraphServer | None = None,
                 write_wait_s: float = _DEFAULT_WRITE_WAIT_S) -> None:
        super().__init__(db, graph, timeout_ms)
        self.server = server
        if server is not None:
            self.name = "falkordb-embedded"
        # A write's lease outlasts the longest the client waits for any reply.
        lease_ms = int(1000 * _socket_wait(timeout_ms)) + 10_000
        self.gate = WriteGate(self._command, graph, write_wait_s, lease_ms)
        self.server_version: str | None = None

    @classmethod
    def connect(cls, url: str, graph: str, timeout_ms: int,
                server: EmbeddedGraphServer | None = None,
                write_wait_s: float = _DEFAULT_WRITE_WAIT_S) -> FalkorBackend:
        """A backend for the graph `graph` on the server at `url`.

        The client waits far longer than redis-py's default 5 s: the server bounds
        reads with `timeout_ms`, and a write (or GRAPH.COPY) the client stopped
        waiting for would still complete while the caller was told it failed. The
        wait stays finite, so a server that stopped answering is reported.
        """
        # A blocking pool: a request past the pool's size waits for a connection (up to the
        # socket wait) instead of failing with "Too many connections".
        if url.startswith(("falkor://", "falkors://")):
            url = "redis" + url[len("falkor"):]
        pool = BlockingConnectionPool.from_url(
            url, max_connections=POOL_SIZE, timeout=_socket_wait(timeout_ms),
            socket_timeout=_socket_wait(timeout_ms), decode_responses=True)
        return cls(FalkorDB(connection_pool=pool), graph, timeout_ms, server, write_wait_s)

    async def write(self, query: LiteralString, params: Params | None = None) -> list[Row]:
        """Run a write through the gate: it waits while any process runs an atomic unit.

        The server replies to a write before it knows whether its append-only file took
        it (with `appendfsync everysec`); a write is reported done only once the file
        took it, so a full disk never gets a change acknowledged that a crash would lose.
        """
        async with self.gate.writing():
            rows = await super().write(query, params)
        await self._check_log_took_writes()
        return rows

    async def problems(self) -> list[str]:
        """What keeps the graph from working fully (for /health): a log that takes no writes."""
        persistence = await self._command("INFO", "persistence")
        if persistence.get("aof_last_write_status", "ok") != "ok":
            return ["the graph server cannot write its append-only file (disk full or "
                    "read-only?): writes are refused until it can"]
        return []

    async def _check_log_took_writes(self) -> None:
        if problems := await self.problems():
            raise GraphUnwritable(problems[0])

    @asynccontextmanager
    async def atomic(self) -> AsyncIterator[GraphClient]:
        """Run statements on a copy of the graph; swap it in only if all succeed.

        The gate is shut for the whole unit, across processes: no write reaches the
        graph between the copy and the rename, where it would be lost.
        """
        async with self.gate.importing():
            staging = self.graph + _STAGING_SUFFIX
            await self._command("DEL", staging)
            if await self._command("EXISTS", self.graph):
                await self.copy_graph(self.graph, staging)
            unit = FalkorClient(self._db, staging, self._timeout_ms)
            if not await self._command("EXISTS", staging):
                await _ensure_schema(self, unit)
            try:
                yield unit
            except BaseException:
                await self._command("DEL", staging)
                raise
            await self._command("RENAME", staging, self.graph)
            await self._check_log_took_writes()

    async def ensure_schema(self) -> list[str]:
        """Create the missing indexes and constraints; drop a dead import's staging copy."""
        self.server_version = await self._version()
        async with self.gate.writing():
            created = await _ensure_schema(self, self)
            staging = self.graph + _STAGING_SUFFIX
            # The gate is open, so no import is running: a staging copy is a leftover of
            # one whose process died before its rename, and would be loaded at every start.
            if await self._command("DEL", staging):
                created.append(f"(removed {staging}, left by an import that did not finish)")
            return created

    async def copy_graph(self, source: str, target: str) -> None:
        """GRAPH.COPY, started only while the server runs no other fork.

        FalkorDB 4.16 stops answering for good (even PING) when GRAPH.COPY
        arrives while an append-only-file rewrite is forking or running (seen:
        `Can't fork for module: File exists`, then a wedged server); waiting for
        the rewrite to finish first avoids it.
        """
        deadline = asyncio.get_running_loop().time() + _FORK_WAIT_S
        while _forking(await self._command("INFO", "persistence")):
            if asyncio.get_running_loop().time() > deadline:
                raise GraphUnavailable(f"the graph server was busy rewriting its append-only "
                                       f"file for more than {_FORK_WAIT_S:.0f} s")
            await asyncio.sleep(0.01)
        await self._command("GRAPH.COPY", source, target)

    async def compact(self) -> None:
        """Rewrite the append-only file (the server replays it at start, so a shorter one
        restarts faster), and wait until the rewrite has ended.

        Started inside the write gate, so no atomic unit's GRAPH.COPY is under way; a
        unit that starts during the rewrite waits for it (`copy_graph`).
        """
        async with self.gate.writing():
            await self._command("BGREWRITEAOF")
        while _forking(await self._command("INFO", "persistence")):
            await asyncio.sleep(0.2)

    async def _version(self) -> str:
        """`FalkorDB 4.16.3`, from the graph module's version number (41603)."""
        for module in await self._command("MODULE", "LIST"):
            if module.get("name") == "graph":
                number = int(module["ver"])
                return f"FalkorDB {number // 10000}.{number // 100 % 100}.{number % 100}"
        raise GraphUnavailable("the server at FALKORDB_URL has no FalkorDB graph module")

    async def close(self) -> None:
        """Close connections, then stop the embedded server if this backend owns one."""
        try:
            await self._db.aclose()
        finally:
            if self.server is not None:
                await asyncio.to_thread(self.server.stop)

    async def _command(self, *args: str) -> Any:
        try:
            return await self._db.connection.execute_command(*args)
        except (redis_errors.RedisError, OSError) as error:
            raise _translate(error) from error


async def _existing_schema(client: FalkorClient, exists: bool) -> tuple[set[Any], set[Any]]:
    if not exists:
        return set(), set()
    indexes = {(row["label"], prop) for row in await client.read(dialect.FALKOR_LIST_INDEXES)
               for prop in row["properties"]}
    listed = await client.read(dialect.FALKOR_LIST_CONSTRAINTS)
    constraints = {(row["label"], prop) for row in listed
                   if row["type"] == "UNIQUE" for prop in row["properties"]}
    return indexes, constraints


async def _ensure_schema(backend: FalkorBackend, client: FalkorClient) -> list[str]:
    exists = bool(await backend._command("EXISTS", client.graph))
    indexes, constraints = await _existing_schema(client, exists)
    created: list[str] = []
    for spec in dialect.SCHEMA:
        if (spec.label, spec.prop) not in indexes:
            await FalkorClient.write(client, dialect.falkor_index_statement(spec))
            created.append(f"index {spec.name}")
        if spec.unique and (spec.label, spec.prop) not in constraints:
            await backend._command(*dialect.falkor_constraint_command(client.graph, spec))
            created.append(f"constraint {spec.name}")
    if ("Name", dialect.FULLTEXT_FIELDS[0]) not in indexes:
        await FalkorClient.write(client, dialect.FALKOR_NAME_FULLTEXT_INDEX)
        created.append(f"full-text index {dialect.NAME_FULLTEXT_INDEX}")
    await _wait_operational(client)
    return created


async def _wait_operational(client: FalkorClient, timeout: float = 30.0) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        rows = await client.read(dialect.FALKOR_LIST_CONSTRAINTS)
        pending = [row for row in rows if row["status"] != "OPERATIONAL"]
        if not pending:
            return
        if any(row["status"] == "FAILED" for row in pending):
            raise GraphError(f"a uniqueness constraint failed to build: {pending}")
        if asyncio.get_running_loop().time() > deadline:
            raise GraphError(f"uniqueness constraints still pending after {timeout} s")
        await asyncio.sleep(0.05)
