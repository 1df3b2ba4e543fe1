"""Neo4j 5 backend, through the official async driver (used when NEO4J_URI is set).

One driver for the application's lifetime; reads are routed to readers, writes
to the leader, and an atomic unit of work is one explicit transaction.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import LiteralString

import neo4j
from neo4j import AsyncGraphDatabase, RoutingControl
from neo4j import exceptions as neo4j_errors

from graph import dialect
from graph.client import GraphClient, Params, Row
from graph.errors import ConstraintViolation, GraphError, GraphTimeout, GraphUnavailable


def _translate(error: Exception) -> GraphError:
    if isinstance(error, neo4j_errors.ServiceUnavailable | neo4j_errors.SessionExpired):
        return GraphUnavailable(f"Neo4j unreachable: {error}")
    if isinstance(error, neo4j_errors.ConstraintError):
        return ConstraintViolation(str(error))
    code = getattr(error, "code", "") or ""
    if "TransactionTimedOut" in code or "TransactionTimedOutClientConfiguration" in code:
        return GraphTimeout(str(error))
    return GraphError(str(error))


class _TransactionClient:
    """Runs statements inside one open Neo4j transaction."""

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
        except neo4j_errors.Neo4jError as error:
            raise _translate(error) from error


class Neo4jBackend:
    """A Neo4j database behind the registry's narrow seam."""

    name = "neo4j"

    def __init__(self, uri: str, auth: tuple[str, str] | None, database: str,
                 timeout_ms: int) -> None:
        self._driver = AsyncGraphDatabase.driver(uri, auth=auth)
        self._database = database
        self._timeout_s = timeout_ms / 1000

    async def read(self, query: LiteralString, params: Params | None = None) -> list[Row]:
        """Run a read-only statement on a reader."""
        return await self._execute(query, params, RoutingControl.READ)

    async def write(self, query: LiteralString, params: Params | None = None) -> list[Row]:
        """Run a statement that writes, on the leader."""
        return await self._execute(query, params, RoutingControl.WRITE)

    async def _execute(self, query: LiteralString, params: Params | None,
                       routing: RoutingControl) -> list[Row]:
        try:
            records, _, _ = await self._driver.execute_query(
                neo4j.Query(query, timeout=self._timeout_s), dict(params or {}),
                database_=self._database, routing_=routing,
            )
        except (neo4j_errors.Neo4jError, neo4j_errors.DriverError) as error:
            raise _translate(error) from error
        return [record.data() for record in records]

    @asynccontextmanager
    async def atomic(self) -> AsyncIterator[GraphClient]:
        """One explicit transaction: committed when the block ends, rolled back on error."""
        async with self._driver.session(database=self._database) as session:
            tx = await session.begin_transaction(timeout=None)
            try:
                yield _TransactionClient(tx)
            except BaseException:
                await tx.rollback()
                raise
            await tx.commit()

    async def ensure_schema(self) -> list[str]:
        """Create missing constraints and indexes with `IF NOT EXISTS` statements."""
        before = {row["name"] for row in await self.read(dialect.NEO4J_LIST_INDEXES)}
        before |= {row["name"] for row in await self.read(dialect.NEO4J_LIST_CONSTRAINTS)}
        for statement in dialect.neo4j_schema_statements():
            await self.write(statement)
        return [spec.name for spec in dialect.SCHEMA if spec.name not in before]

    async def close(self) -> None:
        """Close the driver and its connection pool."""
        await self._driver.close()
