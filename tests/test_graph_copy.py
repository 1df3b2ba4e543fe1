"""GRAPH.COPY right after an append-only-file rewrite starts must not wedge the server.

FalkorDB 4.16 stops answering for good when GRAPH.COPY arrives while a rewrite
forks; the backend waits for the rewrite first. The test uses a server of its own,
so a regression cannot wedge the shared one.
"""

from __future__ import annotations

from pathlib import Path

from graph.embedded import EmbeddedGraphServer, _answers_ping
from graph.falkor_backend import FalkorBackend
from tests.conftest import run


def test_copies_during_rewrites_keep_the_server_answering(tmp_path: Path) -> None:
    server = EmbeddedGraphServer(tmp_path / "graph")
    server.start()

    async def copies() -> None:
        backend = FalkorBackend.connect(server.url, "source", 10_000)
        try:
            await backend.write("UNWIND range(1, 20000) AS i CREATE (:A {i: i})")
            for i in range(15):
                await backend._command("BGREWRITEAOF")
                await backend.copy_graph("source", f"copy{i}")
                async with backend.atomic() as unit:
                    await unit.write("CREATE (:B)")
            rows = await backend.read("MATCH (b:B) RETURN count(b) AS n")
            assert rows == [{"n": 15}]
        finally:
            await backend.close()
    try:
        run(copies())
        assert _answers_ping(server.socket_path)
    finally:
        server.stop(timeout=5)
