"""Every GraphQL example of README.md runs as written, in order, on the seeded registry
(backbone, curated files, World Bank projects, Wikipedia's twinnings) with an admin
token: queries answer without errors, mutations with the results the README says."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from importers.startup import load_if_empty
from tests.conftest import backend_for, copy_graph, issue_token, run, settings_for
from tests.hosts import GraphHost
from tests.live import LiveServer

README = Path(__file__).resolve().parents[1] / "README.md"
BLOCK = re.compile(r"^```graphql\n(.*?)^```", re.MULTILINE | re.DOTALL)
# What each mutation of "Contributing through the API" answers, in order.
MUTATIONS = ["Changed", "InvalidInput", "Changed", "Changed", "Changed", "Changed"]


def operations(text: str) -> list[str]:
    """The operations of the README's graphql blocks, in order: each starts at a line
    beginning with `{`, `query` or `mutation`; comment lines are left out."""
    found: list[list[str]] = []
    for block in BLOCK.findall(text):
        for line in block.splitlines():
            if line.startswith("#") or not line.strip():
                continue
            if line.startswith(("{", "query", "mutation")):
                found.append([])
            found[-1].append(line)
    return ["\n".join(lines) for lines in found]


@pytest.fixture(scope="module")
def seeded(graph_host: GraphHost, network_template: str) -> Iterator[tuple[LiveServer, str]]:
    """A server on the registry as its first start loads it, and an admin token."""
    graph = copy_graph(graph_host, network_template, pin=True)

    async def first_start() -> None:
        backend = backend_for(graph_host, graph)
        try:
            await load_if_empty(backend)
        finally:
            await backend.close()
    try:
        run(first_start())
        token = issue_token(graph_host, graph, "README", "admin")
        with LiveServer(settings_for(graph_host, graph)) as live:
            yield live, token
    finally:
        graph_host.release(graph)


def test_the_readme_has_examples_to_run() -> None:
    found = operations(README.read_text(encoding="utf-8"))
    assert len(found) >= 15
    assert sum(op.startswith("mutation") for op in found) == len(MUTATIONS)


def test_every_readme_example_runs_as_written(seeded: tuple[LiveServer, str]) -> None:
    live, token = seeded
    results: list[str] = []
    for operation in operations(README.read_text(encoding="utf-8")):
        body = live.post(operation, token=token)
        assert "errors" not in body, (operation, body["errors"])
        data: dict[str, Any] = body["data"]
        if operation.startswith("mutation"):
            [result] = data.values()
            results.append(result.get("__typename") or ("Changed" if "targetId" in result
                                                        else "InvalidInput"))
            if len(results) == 2:  # the duplicate twinning names the existing one
                [problem] = result["problems"]
                assert problem["existingId"] == (
                    "twinning:BE:21013~MA:02.113.01.09~programme:cim-2022-2026"), problem
        else:
            assert any(value for value in data.values()), (operation, data)
    assert results == MUTATIONS
