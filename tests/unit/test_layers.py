"""The layers import only what is below them: schema → resolvers → graph, with domain/
shared by importers and resolvers, and nothing below importing anything above."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# What each top-level package may not import (its own layer and those below are fine).
FORBIDDEN = {
    "domain": {"schema", "resolvers", "graph", "importers", "protection", "web", "auth",
               "server"},
    "graph": {"schema", "resolvers", "importers", "protection", "web", "auth", "server"},
    "importers": {"schema", "resolvers", "protection", "web", "server"},
    "resolvers": {"schema", "importers", "web", "server"},
    "protection": {"schema", "resolvers", "importers", "web", "server"},
    "auth": {"schema", "resolvers", "importers", "web", "server"},
    "web": {"schema", "resolvers", "graph", "importers", "server"},
}
# schema/ reaches the graph through resolvers/, except for the row types.
SCHEMA_MAY_IMPORT_FROM_GRAPH = {"graph.client", "graph.rows"}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def _modules(package: str) -> list[Path]:
    return sorted((ROOT / package).rglob("*.py"))


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_a_layer_imports_nothing_above_it(package: str) -> None:
    leaks = [f"{path.relative_to(ROOT)} imports {name}" for path in _modules(package)
             for name in _imports(path) if name.split(".")[0] in FORBIDDEN[package]]
    assert leaks == []


def test_schema_reaches_the_graph_only_through_resolvers() -> None:
    leaks = [f"{path.relative_to(ROOT)} imports {name}" for path in _modules("schema")
             for name in _imports(path)
             if name.split(".")[0] in {"graph", "importers"}
             and name not in SCHEMA_MAY_IMPORT_FROM_GRAPH]
    assert leaks == []


def test_schema_reads_no_dataloader_itself() -> None:
    leaks = [str(path.relative_to(ROOT)) for path in _modules("schema")
             if "context.loaders" in path.read_text(encoding="utf-8")]
    assert leaks == []
