"""An import that fails midway leaves the graph exactly as it was.

The failure is real: after some statements of the unit have been written, the
database refuses a statement (a uniqueness violation), and everything the unit
wrote before it must be gone.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import LiteralString

import pytest

from graph.client import GraphBackend, GraphClient, Params, Row
from graph.errors import ConstraintViolation
from importers.network.load import curated_files, import_network
from tests.conftest import backend_for, graph_snapshot, run
from tests.hosts import GraphHost

# A second territory with the id of an existing one: the unique constraint refuses it.
DUPLICATE: LiteralString = "CREATE (:Entity:Territory {id: 'MA:02'})"


class FailsAfter:
    """A unit that writes for real and, at its `n`-th write, runs a statement that fails."""

    # One write at a time, so the n-th write is the n-th the importer sent.
    write_concurrency = 1

    def __init__(self, inner: GraphClient, n: int) -> None:
        self.inner = inner
        self.n = n
        self.writes = 0

    @property
    def dialect(self) -> str:
        """The real unit's."""
        return self.inner.dialect

    async def read(self, query: LiteralString, params: Params | None = None) -> list[Row]:
        """Read through the real unit."""
        return await self.inner.read(query, params)

    async def write(self, query: LiteralString, params: Params | None = None) -> list[Row]:
        """Write through the real unit; the n-th write is followed by a refused one."""
        rows = await self.inner.write(query, params)
        self.writes += 1
        if self.writes == self.n:
            await self.inner.write(DUPLICATE)
        return rows


class FailingBackend:
    """The real backend, whose atomic units fail at their n-th write."""

    def __init__(self, inner: GraphBackend, fail_at: int) -> None:
        self.inner = inner
        self.name = inner.name
        self.server_version = inner.server_version
        self.fail_at = fail_at

    @property
    def write_concurrency(self) -> int:
        """The real backend's."""
        return self.inner.write_concurrency

    @property
    def dialect(self) -> str:
        """The real backend's."""
        return self.inner.dialect

    async def read(self, query: LiteralString, params: Params | None = None) -> list[Row]:
        """Read through the real backend."""
        return await self.inner.read(query, params)

    async def write(self, query: LiteralString, params: Params | None = None) -> list[Row]:
        """Write through the real backend."""
        return await self.inner.write(query, params)

    @asynccontextmanager
    async def atomic(self) -> AsyncIterator[GraphClient]:
        """The real atomic unit, wrapped."""
        async with self.inner.atomic() as unit:
            failing = FailsAfter(unit, self.fail_at)
            yield failing
            assert failing.writes >= self.fail_at, "the unit ended before failing"

    async def ensure_schema(self) -> list[str]:
        """The real schema set-up."""
        return await self.inner.ensure_schema()

    async def problems(self) -> list[str]:
        """The real backend's problems."""
        return await self.inner.problems()

    async def compact(self) -> None:
        """The real backend's compaction."""
        await self.inner.compact()

    async def close(self) -> None:
        """Close the real backend."""
        await self.inner.close()


def test_a_unit_refused_after_some_writes_keeps_none_of_them(
        graph_host: GraphHost, backbone_graph: str) -> None:
    before = graph_snapshot(graph_host, backbone_graph)

    async def unit() -> None:
        backend = backend_for(graph_host, backbone_graph)
        try:
            with pytest.raises(ConstraintViolation):
                async with backend.atomic() as db:
                    await db.write("CREATE (:Entity:Organisation {id: 'org:ghost'})")
                    await db.write("MATCH (n:Entity {id: 'MA:02'}) SET n.population = -1")
                    await db.write("MATCH (k:Name) WITH k LIMIT 10 DETACH DELETE k")
                    await db.write(DUPLICATE)
            assert not await backend.read("MATCH (n:Entity {id: 'org:ghost'}) RETURN n.id AS id")
        finally:
            await backend.close()
    run(unit())
    assert graph_snapshot(graph_host, backbone_graph) == before


@pytest.mark.parametrize("fail_at", [1, 5, 12])
def test_a_network_import_failing_midway_leaves_the_graph_as_it_was(
        graph_host: GraphHost, backbone_graph: str, fail_at: int) -> None:
    before = graph_snapshot(graph_host, backbone_graph)

    async def attempt() -> None:
        backend = FailingBackend(backend_for(graph_host, backbone_graph), fail_at)
        try:
            with pytest.raises(ConstraintViolation):
                await import_network(backend, curated_files()[0], quiet=True)
        finally:
            await backend.close()
    run(attempt())
    assert graph_snapshot(graph_host, backbone_graph) == before

    async def retry() -> None:
        backend = backend_for(graph_host, backbone_graph)
        try:
            summary = await import_network(backend, curated_files()[0], quiet=True)
            assert summary.changed
        finally:
            await backend.close()
    run(retry())
    assert graph_snapshot(graph_host, backbone_graph) != before
