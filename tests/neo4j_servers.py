"""Real Neo4j 5 servers for a test run, started by the repository's launcher (`tools/neo4j`).

`NEO4J_TEST_URIS` (comma-separated Bolt URIs of empty, disposable databases without
authentication) uses servers already running instead; otherwise the launcher
starts the servers in one JVM and stops them when the run ends.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

LAUNCHER = Path(__file__).resolve().parents[1] / "tools" / "neo4j" / "run"
# The first run builds the launcher and downloads Neo4j from Maven Central.
START_TIMEOUT_S = 900


@contextmanager
def start_neo4j(instances: int) -> Iterator[list[str]]:
    """Bolt URIs of `instances` running Neo4j servers, each with its own database."""
    given = os.environ.get("NEO4J_TEST_URIS")
    if given:
        yield [uri.strip() for uri in given.split(",") if uri.strip()]
        return
    # A test run is long: the full JIT compiler pays back its slower start; the servers
    # share one JVM and need little page cache each (the test graphs are small).
    env = {**os.environ, "NEO4J_LAUNCHER_HEAP": "2g",
           "NEO4J_LAUNCHER_JAVA_OPTS": "-XX:TieredStopAtLevel=4"}
    process = subprocess.Popen([str(LAUNCHER), "--instances", str(instances),
                                "--page-cache", "64m"], env=env,
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        yield _read_uris(process, instances)
    finally:
        assert process.stdin is not None
        process.stdin.close()  # the launcher stops when its stdin closes
        try:
            process.wait(60)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _read_uris(process: subprocess.Popen[str], instances: int) -> list[str]:
    uris: list[str] = []
    assert process.stdout is not None

    def read() -> None:
        assert process.stdout is not None
        while len(uris) < instances:
            line = process.stdout.readline()
            if not line:
                return
            if line.startswith("bolt://"):
                uris.append(line.strip())
    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(START_TIMEOUT_S)
    if len(uris) < instances:
        process.kill()
        print(f"Neo4j launcher gave {len(uris)} of {instances} servers "
              f"(exit code {process.wait()}); see its messages above", file=sys.stderr)
        raise RuntimeError("the Neo4j test servers did not start")
    return uris
