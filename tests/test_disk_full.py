"""A full disk under the embedded graph (FalkorDB only): writes are refused with a code that
says so, /health says degraded, and every acknowledged write survives a restart.

The data directory is a 3 MiB tmpfs, mounted by the test (it needs root, as CI runs).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.embedded import EmbeddedGraphServer
from settings import Settings
from tests.conftest import issue_token, run
from tests.hosts import FalkorHost
from tests.live import LiveServer

NOTE = "n" * 20_000
CREATE = """mutation($id: ID!, $note: String!) { createSource(input: {id: $id, title: "T",
    language: "fr", note: $note}) { __typename } }"""


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    mount = tmp_path / "tiny"
    mount.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mount)],
                             check=False, capture_output=True, text=True)
    if mounted.returncode != 0:
        if os.environ.get("CI"):
            pytest.fail(f"CI must be able to mount a tmpfs: {mounted.stderr.strip()}")
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_falkordb_full_disk_refuses_writes_and_loses_no_acknowledged_one(
        tiny_disk: Path, tmp_path: Path) -> None:
    data = tiny_disk / "data"
    settings = Settings(data_dir=data, autoload=False)
    server = EmbeddedGraphServer(data)
    server.start()
    admin = issue_token(FalkorHost(server), "registry", "Admin", "admin")
    server.stop()
    acknowledged, refusals = [], []
    with LiveServer(settings) as live:
        for index in range(400):
            body = live.post(CREATE, {"id": f"src:full-{index}", "note": NOTE}, admin)
            if body.get("data") and body["data"]["createSource"]:
                acknowledged.append(f"src:full-{index}")
            else:
                refusals.append(body["errors"][0])
            if len(refusals) == 2:
                break
        health = live.http.get("/health").json()
    assert refusals, "the disk never filled up"
    assert {r["extensions"]["code"] for r in refusals} == {"WRITES_UNAVAILABLE"}
    assert "not acknowledged" in refusals[0]["message"]
    assert health["status"] == "degraded" and "append-only file" in health["problems"][0]
    copy = tmp_path / "copy"
    shutil.copytree(data, copy, ignore=shutil.ignore_patterns("graph.sock", "graph.lock"))
    assert set(acknowledged) <= _sources_after_restart(copy)


def _sources_after_restart(data: Path) -> set[str]:
    server = EmbeddedGraphServer(data, load_truncated=True)
    server.start()

    async def read() -> set[str]:
        backend = FalkorHost(server).backend("registry")
        try:
            rows = await backend.read("MATCH (s:Source) RETURN s.id AS id")
            return {row["id"] for row in rows}
        finally:
            await backend.close()
    try:
        found: set[str] = run(read())
        return found
    finally:
        server.stop()
