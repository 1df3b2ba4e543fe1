"""Every Cypher statement the `graph` package ships to Neo4j, found by inspection.

The collector imports each module of `graph` and takes the module-level string
constants assigned in that module (and strings nested in module-level dicts,
tuples, lists and sets) whose text starts with a Cypher clause keyword. It
needs no registration, so statements in new `graph/*.py` modules are picked up.

Left out:
- names starting with `FALKOR_` (FalkorDB-only statements);
- names starting with `_`: private fragments (`_FILTER`, `_CHILDREN_TAIL`, ...)
  that are only ever shipped as part of a public statement, which is linted;
- names a module imports rather than assigns (each statement is named once,
  after the module that defines it);
- everything in `graph.dialect` except its `NEO4J_*` constants and the output
  of `neo4j_schema_statements()`.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import re
from collections.abc import Iterator
from types import ModuleType

import graph
from graph import dialect

# Clause keywords a statement can start with (matched on the stripped, upper-cased text).
_CLAUSE_START = re.compile(
    r"(OPTIONAL\s+MATCH|MATCH|UNWIND|MERGE|CREATE|CALL|WITH|RETURN|SHOW|DROP|DETACH"
    r"|DELETE|SET|UNION|LOAD\s+CSV|FOREACH)\b"
)
_DIALECT = dialect.__name__


def is_cypher(text: str) -> bool:
    """Whether `text` reads as a Cypher statement: it starts with a clause keyword."""
    return _CLAUSE_START.match(text.strip().upper()) is not None


def graph_modules() -> list[ModuleType]:
    """Every module of the `graph` package (and of its subpackages), imported."""
    infos = pkgutil.walk_packages(graph.__path__, prefix=f"{graph.__name__}.")
    return [importlib.import_module(info.name) for info in sorted(infos, key=lambda i: i.name)]


def assigned_names(module: ModuleType) -> set[str]:
    """The names a module assigns at its top level (not the ones it imports)."""
    tree = ast.parse(inspect.getsource(module))
    names: set[str] = set()
    for node in tree.body:
        targets: list[ast.expr] = []
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, ast.AnnAssign):
            targets = [node.target]
        for target in targets:
            names.update(n.id for n in ast.walk(target) if isinstance(n, ast.Name))
    return names


def _strings(label: str, value: object) -> Iterator[tuple[str, str]]:
    """(name, text) of `value` if it is a string, or of the strings nested in it."""
    if isinstance(value, str):
        yield label, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(f"{label}[{key}]", item)
    elif isinstance(value, (tuple, list)):
        for index, item in enumerate(value):
            yield from _strings(f"{label}[{index}]", item)
    elif isinstance(value, (set, frozenset)):
        for item in sorted(v for v in value if isinstance(v, str)):
            yield from _strings(f"{label}[{item!r}]", item)


def _wanted(module: ModuleType, name: str) -> bool:
    if name.startswith(("_", "FALKOR_")):
        return False
    return module.__name__ != _DIALECT or name.startswith("NEO4J_")


def module_statements(module: ModuleType) -> dict[str, str]:
    """The Cypher statements a module defines as (or inside) module-level constants."""
    found: dict[str, str] = {}
    for name in sorted(assigned_names(module)):
        if not _wanted(module, name) or not hasattr(module, name):
            continue
        for label, text in _strings(f"{module.__name__}.{name}", getattr(module, name)):
            if is_cypher(text):
                found[label] = text
    return found


def shipped_statements() -> dict[str, str]:
    """Every Cypher statement `graph` sends to Neo4j, keyed by a readable name."""
    found: dict[str, str] = {}
    for module in graph_modules():
        found.update(module_statements(module))
    for index, text in enumerate(dialect.neo4j_schema_statements()):
        found[f"{_DIALECT}.neo4j_schema_statements()[{index}]"] = text
    return found
