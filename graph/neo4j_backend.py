"""Neo4j 5 backend, through the official async driver (used when NEO4J_URI is set).

One driver for the application's lifetime; reads are routed to readers, writes
to the leader, and an atomic unit of work is one explicit transaction. Reads are
bounded by the query timeout; a write, as on FalkorDB, runs to completion, whole.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import LiteralString
from urllib.parse import urlsplit

import neo4j
from neo4j import AsyncGraphDatabase, RoutingControl
from neo4j import exceptions as neo4j_errors

from graph import dialect
from graph.client import GraphClient, Params, Row
from graph.errors import ConstraintViolation, GraphError, GraphTimeout, GraphUnavailable

SUPPORTED_MAJOR = 5
# Bolt, direct or routed, plain or encrypted (the driver's HTTP support is a preview).
_SCHEMES = ("neo4j", "neo4j+s", "neo4j+ssc", "bolt", "bolt+s", "bolt+ssc")
_RETRIED = (neo4j_errors.Neo4jError, neo4j_errors.DriverError)


def _translate(error: Exception) -> GraphError:
    if isinstance(error, neo4j_errors.AuthError):
        return GraphUnavailable(f"Neo4j refused the credentials (NEO4J_USER, NEO4J_PASSWORD): "
                                f"{error.message}")
    if isinstance(error, neo4j_errors.ServiceUnavailable | neo4j_errors.SessionExpired):
        return GraphUnavailable(f"Neo4j unreachable: {error}")
    if isinstance(error, neo4j_errors.ConstraintError):
        return ConstraintViolation(str(error))
    code = getattr(error, "code", "") or ""
    if "TransactionTimedOut" in code or "TransactionTimedOutClientConfiguration" in code:
        return GraphTimeout(str(error))
    if "DatabaseNotFound" in code:
        return GraphUnavailable(f"Neo4j has no such database (NEO4J_DATABASE): {error}")
    return GraphError(str(error))


class _TransactionClient:
    """Runs statements inside one open Neo4j transaction."""

    # A transaction takes one statement at a time.
    write_concurrency = 1
    dialect = "neo4j"

    def __init__(self, tx: neo4j.AsyncTransaction) -> None:
        self._tx = tx

    async def read(self, query: LiteralString, params: Params | None = None) -> list[Row]:
        """Run a statement in the transaction."""
        return await self.write(query, params)

    async def write(self, query: LiteralString, params: Params | None = None) -> list[Row]:
        """Run a statement in the transaction; results are consumed here."""
        try:
            result = await self._tx.run(query, dict(params or {}))
            return [record.data() for record in await result.fetch(2**31 - 1)]
        except _RETRIED as error:
            raise _translate(error) from error


class Neo4jBackend:
    """A Neo4j database behind the registry's narrow seam."""

    name = "neo4j"
    dialect = "neo4j"
    # Writes are sent one at a time, as in a transaction.
    write_concurrency = 1

    def __init__(self, uri: str, auth: tuple[str, str] | None, database: str,
                 timeout_ms: int) -> None:
        if urlsplit(uri).scheme not in _SCHEMES:
            raise GraphUnavailable(f"NEO4J_URI {uri!r} is not a Neo4j address: it must start "
                                   f"with {', '.join(s + '://' for s in _SCHEMES)}")
        try:
            # Notifications (unknown labels in an empty graph, ...) are not errors: not logged.
            self._driver = AsyncGraphDatabase.driver(uri, auth=auth,
                                                     notifications_min_severity="OFF")
        except (ValueError, neo4j_errors.ConfigurationError) as error:
            raise GraphUnavailable(f"NEO4J_URI {uri!r} is not a Neo4j address "
                                   f"(neo4j://, neo4j+s://, bolt:// or bolt+s://): {error}"
                                   ) from error
        self._uri = uri
        self._database = database
        self._timeout_s = timeout_ms / 1000
        self.server_version: str | None = None

    async def read(self, query: LiteralString, params: Params | None = None) -> list[Row]:
        """Run a read-only statement on a reader, within the query timeout."""
        return await self._execute(neo4j.Query(query, timeout=self._timeout_s), params,
                                   RoutingControl.READ)

    async def write(self, query: LiteralString, params: Params | None = None) -> list[Row]:
        """Run a statement that writes, on the leader."""
        return await self._execute(neo4j.Query(query), params, RoutingControl.WRITE)

    async def _execute(self, query: neo4j.Query, params: Params | None,
                       routing: RoutingControl) -> list[Row]:
        try:
            records, _, _ = await self._driver.execute_query(
                query, dict(params or {}), database_=self._database, routing_=routing)
        except _RETRIED as error:
            raise _translate(error) from error
        return [record.data() for record in records]

    @asynccontextmanager
    async def atomic(self) -> AsyncIterator[GraphClient]:
        """One explicit transaction: committed when the block ends, rolled back on error."""
        async with self._driver.session(database=self._database) as session:
            try:
                tx = await session.begin_transaction(timeout=None)
            except _RETRIED as error:
                raise _translate(error) from error
            try:
                yield _TransactionClient(tx)
            except BaseException:
                await tx.rollback()
                raise
            try:
                await tx.commit()
            except _RETRIED as error:
                raise _translate(error) from error

    async def verify(self) -> str:
        """Reach the server and check its version; one clear error naming the setting if not."""
        try:
            await self._driver.verify_connectivity()
        except neo4j_errors.AuthError as error:
            raise _translate(error) from error
        except _RETRIED as error:
            raise GraphUnavailable(f"no Neo4j server answers at NEO4J_URI {self._uri}: "
                                   f"{error}") from error
        rows = await self.read(dialect.NEO4J_VERSION)
        version = str(rows[0]["version"]) if rows else "unknown"
        if not version.split(".")[0].isdigit() or int(version.split(".")[0]) < SUPPORTED_MAJOR:
            raise GraphUnavailable(f"Neo4j {version} at NEO4J_URI {self._uri} is not supported: "
                                   f"the registry needs Neo4j {SUPPORTED_MAJOR} or later")
        self.server_version = f"Neo4j {rows[0]['edition']} {version}" if rows else version
        return self.server_version

    async def ensure_schema(self) -> list[str]:
        """Check the server, then create missing constraints and indexes (`IF NOT EXISTS`)."""
        await self.verify()
        before = {row["name"] for row in await self.read(dialect.NEO4J_LIST_INDEXES)}
        before |= {row["name"] for row in await self.read(dialect.NEO4J_LIST_CONSTRAINTS)}
        for statement in dialect.neo4j_schema_statements():
            await self.write(statement)
        # A new full-text index is filled in the background: search waits for it here.
        await self.write(dialect.NEO4J_AWAIT_NAME_FULLTEXT)
        names = [spec.name for spec in dialect.SCHEMA] + [dialect.NAME_FULLTEXT_INDEX]
        return [name for name in names if name not in before]

    async def problems(self) -> list[str]:
        """Neo4j refuses what it cannot keep within the transaction itself: nothing to add."""
        return []

    async def compact(self) -> None:
        """Nothing to do: Neo4j's store needs no rewrite to restart quickly."""

    async def close(self) -> None:
        """Close the driver and its connection pool."""
        await self._driver.close()
