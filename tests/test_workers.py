"""`python server.py --workers 2`: one embedded graph server, loaded once, shared by two
worker processes that both answer; everything stops with the parent."""

from __future__ import annotations

import concurrent.futures
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[1]
LOOKUP = {"query": 'query { collectivity(code: "02.113.01.09") { id nameFr } }'}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _children(pid: int) -> dict[int, str]:
    """Child processes of `pid`: their command lines, by pid."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except (OSError, IndexError, ValueError):
            continue  # the process ended meanwhile
        if ppid == pid:
            found[int(entry.name)] = command
    return found


def _cpu_ticks(pid: int) -> int:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])


def _start(data_dir: Path, port: int) -> subprocess.Popen[str]:
    env = {**os.environ, "REGISTRY_DATA_DIR": str(data_dir), "REGISTRY_PORT": str(port)}
    for name in ("NEO4J_URI", "FALKORDB_URL", "REGISTRY_FALKORDB_URL", "REGISTRY_AUTOLOAD"):
        env.pop(name, None)
    return subprocess.Popen([sys.executable, "server.py", "--workers", "2",
                             "--log-level", "warning"], cwd=ROOT, env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[subprocess.Popen[str],
                                                                       str, Path]]:
    data_dir = tmp_path_factory.mktemp("workers") / "data"
    port = _free_port()
    process = _start(data_dir, port)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        assert process.poll() is None, process.communicate()
        try:
            if httpx.get(f"{url}/health", timeout=2).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.2)
    else:
        process.kill()
        pytest.fail("the workers did not answer /health")
    yield process, url, data_dir
    if process.poll() is None:
        process.kill()
        process.wait()


def test_parent_runs_one_graph_server_and_two_workers(served: tuple[subprocess.Popen[str],
                                                                    str, Path]) -> None:
    process, url, _ = served
    children = _children(process.pid)
    assert sum("redis-server" in command for command in children.values()) == 1
    workers = [pid for pid, command in children.items() if "spawn_main" in command]
    assert len(workers) == 2, children
    health = httpx.get(f"{url}/health").json()
    assert health["counts"]["MA"]["COMMUNE"] == 1503  # loaded once, by the parent


def test_both_workers_answer(served: tuple[subprocess.Popen[str], str, Path]) -> None:
    process, url, _ = served

    def ask(_: int) -> dict[str, object]:
        # A new connection each time: the kernel spreads them over both workers.
        with httpx.Client() as client:
            answer: dict[str, object] = client.post(f"{url}/graphql", json=LOOKUP).json()
            return answer
    workers = [pid for pid, command in _children(process.pid).items()
               if "spawn_main" in command]
    before = {pid: _cpu_ticks(pid) for pid in workers}
    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(ask, range(400)))
    assert all(answer == {"data": {"collectivity": {"id": "MA:02.113.01.09",
                                                    "nameFr": "Berkane"}}}
               for answer in answers), answers[:3]
    # uvicorn's supervisor replaces a worker that misses its ping: with its 5 s default, a
    # loaded machine replaced workers in a loop (REGISTRY_WORKER_HEALTHCHECK_S).
    replaced = [pid for pid in workers if not Path(f"/proc/{pid}").exists()]
    assert replaced == [], "a worker was replaced while serving"
    assert all(_cpu_ticks(pid) > before[pid] for pid in workers)


def test_a_second_registry_on_the_same_data_is_refused_in_one_line(
        served: tuple[subprocess.Popen[str], str, Path]) -> None:
    _, _, data_dir = served
    second = _start(data_dir, _free_port())
    _, stderr = second.communicate(timeout=60)
    assert second.returncode != 0
    assert [line for line in stderr.splitlines() if "registry cannot start" in line], stderr
    assert "Traceback" not in stderr


def test_stopping_the_parent_stops_everything(served: tuple[subprocess.Popen[str],
                                                            str, Path]) -> None:
    process, _, data_dir = served
    children = _children(process.pid)
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=60) == 0
    deadline = time.monotonic() + 10
    while any(Path(f"/proc/{pid}").exists() for pid in children) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [pid for pid in children if Path(f"/proc/{pid}").exists()]
    assert not (data_dir / "graph.sock").exists()
