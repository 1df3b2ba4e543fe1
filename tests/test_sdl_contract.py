"""The committed SDL is the subgraph's contract: code and file must agree."""

from __future__ import annotations

import difflib

from schema.__main__ import CONTRACT, subgraph_sdl
from tests.live import LiveServer


def test_code_sdl_matches_committed_contract() -> None:
    committed = CONTRACT.read_text(encoding="utf-8")
    current = subgraph_sdl()
    diff = "".join(difflib.unified_diff(committed.splitlines(True), current.splitlines(True),
                                        "schema.graphql (committed)", "schema (code)"))
    assert not diff, ("the schema changed; if deliberate, run `python -m schema --write` and "
                      f"commit schema.graphql (see README, 'Schema changes'):\n{diff}")


def test_served_sdl_is_the_contract(api: LiveServer) -> None:
    served = api.data("{ _service { sdl } }")["_service"]["sdl"]
    assert served.strip() == CONTRACT.read_text(encoding="utf-8").strip()
    assert '@link(url: "https://specs.apollo.dev/federation/v2.9"' in served
