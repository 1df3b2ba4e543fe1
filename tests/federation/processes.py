"""Child processes for the supergraph tests: started, awaited until ready, always stopped."""

from __future__ import annotations

import json
import os
import queue
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from types import TracebackType
from typing import IO, Any

import httpx

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("@apollo/gateway", "@apollo/server", "@apollo/composition", "graphql")


def node() -> str | None:
    """The `node` executable, if there is one."""
    return shutil.which("node")


def missing_packages() -> list[str]:
    """The npm packages the gateway tools need that node_modules lacks."""
    return [name for name in PACKAGES
            if not (ROOT / "node_modules" / name / "package.json").is_file()]


class Process:
    """A child process that announces its URL on stdout; a context manager.

    Entering starts it and waits (up to `timeout` seconds) for a stdout line
    matching `ready` (whose first group is the URL); leaving terminates it, and
    kills it if it lingers. stderr goes to a temporary file, quoted in failures.
    """

    def __init__(self, args: list[str], ready: str, timeout: float = 60,
                 env: dict[str, str] | None = None) -> None:
        self.args = args
        self.ready = re.compile(ready)
        self.timeout = timeout
        self.env = {**os.environ, **(env or {})}
        self.url = ""
        self._lines: queue.Queue[str | None] = queue.Queue()
        self._stdout: list[str] = []
        # Closed by stop(), which every way out of the context manager runs.
        self._stderr: IO[str] = tempfile.TemporaryFile("w+", encoding="utf-8")  # noqa: SIM115
        self._stderr_text = ""
        self._process: subprocess.Popen[str] | None = None

    def __enter__(self) -> Process:
        self._process = subprocess.Popen(
            self.args, cwd=ROOT, env=self.env, stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE, stderr=self._stderr, text=True, encoding="utf-8")
        threading.Thread(target=self._read, daemon=True).start()
        try:
            self.url = self._wait_ready()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.stop()

    def _read(self) -> None:
        assert self._process is not None and self._process.stdout is not None
        for line in self._process.stdout:
            self._lines.put(line)
        self._lines.put(None)

    def _wait_ready(self) -> str:
        deadline = time.monotonic() + self.timeout
        while (left := deadline - time.monotonic()) > 0:
            try:
                line = self._lines.get(timeout=left)
            except queue.Empty:
                break
            if line is None:
                self.wait(10)
                raise RuntimeError(f"{self.name} exited before it was ready "
                                   f"(status {self.returncode}):\n{self.output()}")
            self._stdout.append(line)
            if match := self.ready.search(line):
                return match.group(1)
        raise RuntimeError(f"{self.name} not ready after {self.timeout} s:\n{self.output()}")

    @property
    def name(self) -> str:
        return " ".join(Path(arg).name if i == 0 else arg for i, arg in enumerate(self.args[:3]))

    @property
    def returncode(self) -> int | None:
        return self._process.poll() if self._process else None

    def wait(self, timeout: float) -> int:
        """Wait for the process to exit; its status."""
        assert self._process is not None
        return self._process.wait(timeout)

    def stderr(self) -> str:
        """What the process wrote to stderr so far (all of it once stopped)."""
        if self._stderr.closed:
            return self._stderr_text
        self._stderr.flush()
        self._stderr.seek(0)
        return self._stderr.read()

    def output(self) -> str:
        return "".join(self._stdout) + self.stderr()

    def stop(self) -> None:
        """Terminate the process (kill it after 10 s) and release its pipes."""
        process = self._process
        if process is not None and process.poll() is None:
            process.terminate()
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(10)
        if process is not None and process.stdout is not None:
            process.stdout.close()
        if not self._stderr.closed:
            self._stderr_text = self.stderr()
            self._stderr.close()


def subgraph(name: str) -> Process:
    """A test subgraph (tests/federation/serve.py) on a free port."""
    return Process([sys.executable, "-m", "tests.federation.serve", name],
                   ready=r"subgraph ready at (\S+)", timeout=60)


def gateway(subgraphs: dict[str, str], timeout: float = 60) -> Process:
    """tools/gateway.mjs on a free port over the given subgraph URLs."""
    node_path = node()
    assert node_path is not None, "node is not installed"
    specs = [f"{name}={url}" for name, url in subgraphs.items()]
    return Process([node_path, "tools/gateway.mjs", "--port", "0", *specs],
                   ready=r"gateway ready at (\S+)", timeout=timeout)


def compose(sdls: dict[str, str]) -> dict[str, Any]:
    """tools/compose.mjs over the given SDLs: its JSON report (`composed`, `errors`, ...)."""
    node_path = node()
    assert node_path is not None, "node is not installed"
    with tempfile.TemporaryDirectory() as folder:
        specs = []
        for name, sdl in sdls.items():
            path = Path(folder) / f"{name}.graphql"
            path.write_text(sdl, encoding="utf-8")
            specs.append(f"{name}={path}")
        done = subprocess.run([node_path, "tools/compose.mjs", *specs, "--supergraph"],
                              cwd=ROOT, capture_output=True, text=True, timeout=120,
                              check=False)
    if done.returncode not in (0, 1):
        raise RuntimeError(f"compose.mjs failed ({done.returncode}): {done.stderr}")
    report: dict[str, Any] = json.loads(done.stdout)
    return report


def wait_for_graphql(url: str, timeout: float = 30) -> None:
    """Poll a GraphQL endpoint until it answers `{ __typename }`."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            response = httpx.post(url, json={"query": "{ __typename }"}, timeout=5)
            if response.status_code == 200:
                return
        except httpx.TransportError:
            pass
        if time.monotonic() > deadline:
            raise RuntimeError(f"{url} does not answer GraphQL after {timeout} s")
        time.sleep(0.05)


class GraphQLClient:
    """Posts operations to one endpoint."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.http = httpx.Client(timeout=60)

    def post(self, query: str, variables: dict[str, Any] | None = None,
             token: str | None = None) -> dict[str, Any]:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        response = self.http.post(self.url, json={"query": query, "variables": variables or {}},
                                  headers=headers)
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        return body

    def data(self, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
        body = self.post(query, variables)
        assert "errors" not in body, body["errors"]
        data: dict[str, Any] = body["data"]
        return data

    def close(self) -> None:
        self.http.close()
