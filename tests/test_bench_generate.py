"""The benchmark's generator: deterministic, and a valid curated file (small size, fast)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bench.generate import generate
from importers.network.load import NetworkSummary, import_network
from importers.network.parse import parse_file
from importers.network.resolve import defined_ids
from importers.problems import Problem
from tests.conftest import backend_for, run

SCALE = 0.002  # a few hundred entities, a few thousand links


def test_same_seed_same_bytes_other_seed_other_bytes(tmp_path: Path) -> None:
    first = generate(tmp_path / "a", seed=7, scale=SCALE)
    again = generate(tmp_path / "b", seed=7, scale=SCALE)
    other = generate(tmp_path / "c", seed=8, scale=SCALE)
    assert first.path.read_bytes() == again.path.read_bytes()
    assert first.path.read_bytes() != other.path.read_bytes()
    assert first.entity_count > 100 and first.link_count > first.entity_count


def test_generated_file_is_valid_curated_data(tmp_path: Path) -> None:
    generated = generate(tmp_path, seed=7, scale=SCALE)
    problems: list[Problem] = []
    parsed = parse_file(generated.path, problems)
    defined_ids(parsed, problems)
    assert problems == []
    for section, count in generated.entities.items():
        assert len(parsed.of(section)) == count
    references = {r["member"] for _, r in [(0, m.model_dump()) for _, m in
                                           parsed.of("memberships")]}
    assert any(ref.startswith("MA:") for ref in references)


def test_generated_file_imports_onto_the_backbone(tmp_path: Path, graph_host: Any,
                                                  backbone_graph: str) -> None:
    generated = generate(tmp_path, seed=7, scale=SCALE)

    async def go() -> NetworkSummary:
        backend = backend_for(graph_host, backbone_graph)
        try:
            return await import_network(backend, generated.path, quiet=True)
        finally:
            await backend.close()
    summary: NetworkSummary = run(go())
    assert summary.changed
    assert sum(summary.entities.values()) == generated.entity_count
    assert sum(summary.links.values()) == generated.link_count
