"""The processes a benchmark run starts: the registry, its Node peer, a Neo4j.

Each is a child process that the benchmark stops when it is done; the Neo4j and
the peer also stop by themselves when their standard input closes, so neither
outlives a benchmark that died.
"""

from __future__ import annotations

import os
import selectors
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import IO

from bench.graphs import GraphTarget

ROOT = Path(__file__).resolve().parents[1]
NEO4J_RUN = ROOT / "tools" / "neo4j" / "run"
PEER_SERVER = ROOT / "bench" / "peer" / "server.mjs"


def free_port() -> int:
    """A TCP port free on the loopback interface now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _stop(process: subprocess.Popen[bytes], close_stdin: bool = False) -> None:
    """Stop a child: close its stdin (those that watch it) or SIGTERM, then kill if it hangs."""
    if process.poll() is None:
        if close_stdin and process.stdin is not None:
            process.stdin.close()
        else:
            process.send_signal(signal.SIGTERM)
        try:
            process.wait(60)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _first_line(process: subprocess.Popen[bytes], timeout: float, what: str) -> str:
    """The first line the child prints on stdout, within `timeout` seconds."""
    assert process.stdout is not None
    selector = selectors.DefaultSelector()
    selector.register(process.stdout, selectors.EVENT_READ)
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        if selector.select(timeout=1.0):
            line = process.stdout.readline().decode().strip()
            if line:
                return line
        if process.poll() is not None:
            raise RuntimeError(f"{what} exited at start (status {process.returncode})")
    raise RuntimeError(f"{what} printed no ready line in {timeout:.0f} s")


class Neo4jServer:
    """A Neo4j 5 started with `tools/neo4j/run` on a temporary database, stopped on `stop`.

    The launcher's JVM stops the JIT at its first tier (C1) for a quick start. With the
    full JIT (`NEO4J_LAUNCHER_JAVA_OPTS=-XX:TieredStopAtLevel=4`, passed on from the
    environment), the runs of 2 December 2026 on 2 shared cores answered no faster
    beyond the machine's noise and imported 3 to 4 times slower, so the default stays.
    """

    def __init__(self, log: Path, heap: str = "1g", page_cache: str = "256m") -> None:
        self.log: IO[bytes] = log.open("wb")
        env = {**os.environ, "NEO4J_LAUNCHER_HEAP": heap}
        began = time.perf_counter()
        self.process = subprocess.Popen(
            [str(NEO4J_RUN), "--page-cache", page_cache], cwd=ROOT, env=env,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.log)
        try:
            self.uri = _first_line(self.process, 900, "tools/neo4j/run")
        except RuntimeError:
            self.stop()
            raise
        if not self.uri.startswith("bolt://"):
            self.stop()
            raise RuntimeError(f"tools/neo4j/run printed {self.uri!r}, not a bolt URI")
        self.start_seconds = time.perf_counter() - began

    def stop(self) -> None:
        """Stop Neo4j (its temporary database goes with it)."""
        _stop(self.process, close_stdin=True)
        self.log.close()


class Server:
    """The registry served by uvicorn in a child process, on one benchmark graph."""

    def __init__(self, target: GraphTarget, trace: bool, workers: int = 1) -> None:
        self.port = free_port()
        env = target.server_env()
        env["REGISTRY_TRACE_ROUND_TRIPS"] = "true" if trace else "false"
        name = f"server-{target.kind}-{'trace' if trace else 'timing'}.log"
        self.log: IO[bytes] = (target.data_dir / name).open("wb")
        began = time.perf_counter()
        self.process = subprocess.Popen(
            [sys.executable, str(ROOT / "server.py"), "--host", "127.0.0.1", "--port",
             str(self.port), "--workers", str(workers), "--log-level", "warning"],
            cwd=ROOT, env=env, stdout=self.log, stderr=self.log)
        self._wait(began)

    def _wait(self, began: float, timeout: float = 300) -> None:
        while time.perf_counter() - began < timeout:
            if self.process.poll() is not None:
                raise RuntimeError(f"the server exited at start (see {self.log.name})")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/health",
                                            timeout=5) as answer:
                    if answer.status == 200:
                        self.start_seconds = time.perf_counter() - began
                        return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("the server did not answer /health in time")

    def stop(self) -> None:
        """Stop the server (and its embedded graph server, if any)."""
        _stop(self.process)
        self.log.close()


class PeerServer:
    """The Neo4j GraphQL Library on the same Neo4j (`bench/peer/server.mjs`), in Node."""

    def __init__(self, neo4j_uri: str, log: Path, trace: bool) -> None:
        self.port = free_port()
        self.log: IO[bytes] = log.open("wb")
        env = {key: value for key, value in os.environ.items() if not key.startswith("NEO4J_")}
        env["PEER_TRACE"] = "true" if trace else "false"
        began = time.perf_counter()
        self.process = subprocess.Popen(
            ["node", str(PEER_SERVER), neo4j_uri, str(self.port)], cwd=ROOT, env=env,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.log)
        try:
            line = _first_line(self.process, 120, "the peer server")
        except RuntimeError as error:
            self.stop()
            raise RuntimeError(f"{error} (see {log})") from error
        if not line.startswith("peer ready at "):
            self.stop()
            raise RuntimeError(f"the peer server printed {line!r} (see {log})")
        self.start_seconds = time.perf_counter() - began

    def stop(self) -> None:
        """Stop the peer server."""
        _stop(self.process, close_stdin=True)
        self.log.close()
