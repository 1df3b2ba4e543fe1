"""The write gate (FalkorDB only): writes wait for imports in any process, with leases."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from falkordb.asyncio import FalkorDB

from graph.embedded import EmbeddedGraphServer
from graph.errors import GraphBusy
from graph.falkor_backend import FalkorBackend
from graph.write_gate import Command, WriteGate
from tests.conftest import issue_token, new_graph_name, run
from tests.hosts import FalkorHost
from tests.live import LiveServer

MARK = "CREATE (:Entity:Organisation {id: $id})"
COUNT = "MATCH (n:Entity) WHERE n.id STARTS WITH 'org:gate' RETURN count(n) AS n"


@pytest.fixture(scope="module")
def falkor(embedded_server: EmbeddedGraphServer) -> FalkorHost:
    """Graphs on the session's embedded FalkorDB server."""
    return FalkorHost(embedded_server)


def _waiting(falkor: FalkorHost, graph: str, wait_s: float) -> FalkorBackend:
    return FalkorBackend.connect(falkor.url, graph, 10_000, write_wait_s=wait_s)


def test_falkordb_write_waits_for_an_import_of_another_client_then_lands(
        falkor: FalkorHost) -> None:
    graph = new_graph_name("gate")

    async def scenario() -> None:
        importer, writer = falkor.backend(graph), _waiting(falkor, graph, 10)
        try:
            await importer.write(MARK, {"id": "org:gate-0"})
            async with importer.atomic() as unit:
                write = asyncio.create_task(writer.write(MARK, {"id": "org:gate-1"}))
                await asyncio.sleep(0.3)
                assert not write.done()  # held at the gate, not written to the old graph
                await unit.write(MARK, {"id": "org:gate-2"})
            await write
            assert (await writer.read(COUNT))[0]["n"] == 3
        finally:
            await importer.close()
            await writer.close()
    run(scenario())


def test_falkordb_write_refused_when_an_import_outlasts_its_wait(
        falkor: FalkorHost) -> None:
    graph = new_graph_name("gate")

    async def scenario() -> None:
        importer, writer = falkor.backend(graph), _waiting(falkor, graph, 0.2)
        try:
            async with importer.atomic():
                with pytest.raises(GraphBusy, match=r"an import .* holds the write gate"):
                    await writer.write(MARK, {"id": "org:gate-late"})
            assert (await writer.read(COUNT))[0]["n"] == 0
        finally:
            await importer.close()
            await writer.close()
    run(scenario())


def test_falkordb_import_waits_for_writes_already_inside(
        falkor: FalkorHost) -> None:
    graph = new_graph_name("gate")

    async def scenario() -> None:
        importer, writer = falkor.backend(graph), falkor.backend(graph)
        try:
            order: list[str] = []
            async with writer.gate.writing():
                unit = asyncio.create_task(_import_marking(importer, order))
                await asyncio.sleep(0.3)
                order.append("write done")
            await unit
            assert order == ["write done", "import copied"]
        finally:
            await importer.close()
            await writer.close()
    run(scenario())


async def _import_marking(backend: FalkorBackend, order: list[str]) -> None:
    async with backend.atomic():
        order.append("import copied")


def test_falkordb_dead_importer_and_writer_leases_expire(
        falkor: FalkorHost) -> None:
    graph = new_graph_name("gate")

    async def scenario() -> None:
        db = FalkorDB.from_url(falkor.url)
        backend = falkor.backend(graph)
        try:
            async def command(*args: Any) -> Any:
                return await db.connection.execute_command(*args)
            dead_import = WriteGate(command, graph, 5, write_lease_ms=200, import_lease_ms=300)
            # An importer that took the gate and died: its renewal task is gone.
            assert await dead_import._take("crashed-importer") is None
            assert await backend.gate.held_by() == "crashed-importer"
            await backend.write(MARK, {"id": "org:gate-after"})  # waits out the lease
            assert await backend.gate.held_by() is None
            # A writer that entered and died: an import waits for its lease only.
            assert await dead_import._enter_write("crashed-writer") is None
            async with backend.atomic() as unit:
                await unit.write(MARK, {"id": "org:gate-import"})
            assert (await backend.read(COUNT))[0]["n"] == 2
        finally:
            await db.aclose()
            await backend.close()
    run(scenario())


def test_falkordb_start_up_drops_a_staging_copy_only_when_no_import_runs(
        falkor: FalkorHost) -> None:
    graph = new_graph_name("gate")
    staging = graph + "__staging"

    async def scenario() -> None:
        backend = falkor.backend(graph)
        try:
            await backend.write(MARK, {"id": "org:gate-live"})
            await backend.copy_graph(graph, staging)  # as a killed import leaves it
            created = await backend.ensure_schema()
            assert any(staging in line for line in created), created
            assert not await backend._command("EXISTS", staging)
            async with backend.atomic() as unit:
                await unit.write(MARK, {"id": "org:gate-unit"})
                assert await backend._command("EXISTS", staging)
            assert (await backend.read(COUNT))[0]["n"] == 2
        finally:
            await backend.close()
    run(scenario())


def test_falkordb_api_write_during_a_long_import_is_refused_with_what_to_do(
        falkor: FalkorHost) -> None:
    graph = falkor.new_graph("gate")
    mutation = """mutation { createSource(input: {id: "src:gate", title: "T", language: "fr"})
        { __typename } }"""
    settings = falkor.settings(graph, write_wait_ms=200)
    admin = issue_token(falkor, graph, "Admin", "admin")
    holder = WriteGate(_raw(falkor), graph, 5, 1000, import_lease_ms=20_000)
    with LiveServer(settings) as live:
        assert run(holder._take("test-import")) is None
        try:
            error = live.error(mutation, token=admin)
        finally:
            run(_release(falkor, graph))
        assert error["extensions"]["code"] == "SERVICE_UNAVAILABLE"
        assert "import" in error["message"] and "nothing was written" in error["message"]
        assert live.data(mutation, token=admin)["createSource"]["__typename"] == "Changed"


def _raw(falkor: FalkorHost) -> Command:
    async def command(*args: Any) -> Any:
        db = FalkorDB.from_url(falkor.url)
        try:
            return await db.connection.execute_command(*args)
        finally:
            await db.aclose()
    return command


async def _release(falkor: FalkorHost, graph: str) -> None:
    backend = falkor.backend(graph)
    try:
        await backend._command("DEL", backend.gate.import_key)
    finally:
        await backend.close()
