"""Every Cypher statement shipped in `graph/` parses cleanly with Neo4j's own parser.

The parser is `@neo4j-cypher/language-support` (pinned in package.json, installed
with `npm ci`), driven by `tools/cypher_lint.mjs` in one Node process per session.
Without `node` on PATH the lint tests are skipped (the collector's are not); with
`node` but without the package they fail, since CI installs it.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import textwrap
from collections.abc import Mapping
from pathlib import Path
from typing import Any, TypedDict

import pytest

from tests.cypher_statements import is_cypher, shipped_statements

ROOT = Path(__file__).resolve().parent.parent
LINTER = ROOT / "tools" / "cypher_lint.mjs"
PACKAGE_DIR = ROOT / "node_modules" / "@neo4j-cypher" / "language-support"
NODE = shutil.which("node")

# Procedures a shipped statement may `CALL`. Adding one is a deliberate choice:
# it ties the registry to that procedure on every Neo4j it runs against.
ALLOWED_PROCEDURES: frozenset[str] = frozenset({
    "dbms.components",
    # Search: the full-text index over names (graph.dialect), and waiting for it to fill.
    "db.index.fulltext.queryNodes", "db.awaitIndex",
})

# `CALL name...`, but not `CALL {` or `CALL (x) {` subqueries.
_PROCEDURE_CALL = re.compile(r"\bCALL\s+([A-Za-z_][\w]*(?:\s*\.\s*[A-Za-z_][\w]*)*)", re.I)

# Statements the linter must reject: if it accepts them, a clean run proves nothing.
NEGATIVE_CONTROLS: dict[str, str] = {
    "syntax_error": "MATCH (n:Entity RETURN n",
    "removed_exists": "MATCH (n) WHERE exists(n.x) RETURN n",
}


class LintError(TypedDict):
    """One error the parser reported, 1-based position."""

    message: str
    line: int
    column: int


def run_linter(statements: Mapping[str, str]) -> dict[str, list[LintError]]:
    """Lint statements in one Node process; errors per statement name."""
    if NODE is None:
        pytest.skip("node is not on PATH: Cypher statements not linted")
    if not PACKAGE_DIR.is_dir():
        pytest.fail(f"{PACKAGE_DIR.relative_to(ROOT)} is missing: run `npm ci` "
                    "in the repository root", pytrace=False)
    payload = json.dumps([{"name": name, "query": query} for name, query in statements.items()])
    done = subprocess.run(
        [NODE, str(LINTER)], input=payload, capture_output=True, text=True, cwd=ROOT,
        timeout=300, check=False,
    )
    if done.returncode != 0:
        pytest.fail(f"cypher_lint.mjs exited with {done.returncode}:\n{done.stderr}",
                    pytrace=False)
    results: list[dict[str, Any]] = json.loads(done.stdout)
    return {result["name"]: result["errors"] for result in results}


@pytest.fixture(scope="module")
def statements() -> dict[str, str]:
    """Every statement shipped in `graph/`, by name."""
    return shipped_statements()


@pytest.fixture(scope="module")
def lint_errors(statements: dict[str, str]) -> dict[str, list[LintError]]:
    """Errors for the shipped statements and the negative controls, from one Node run."""
    controls = {f"control:{name}": query for name, query in NEGATIVE_CONTROLS.items()}
    return run_linter({**statements, **controls})


def test_collector_finds_the_shipped_statements(statements: dict[str, str]) -> None:
    assert len(statements) >= 20, sorted(statements)
    for name in ("graph.territory.COLLECTIVITIES_ASC", "graph.territory.CHILDREN[PART_OF]",
                 "graph.territory.TERRITORIES_BY_IDS", "graph.dialect.NEO4J_LIST_INDEXES",
                 "graph.dialect.neo4j_schema_statements()[0]"):
        assert name in statements, f"{name} not collected"
    assert not [name for name in statements if ".FALKOR_" in name or "._" in name]
    assert all(is_cypher(query) for query in statements.values())


def test_collector_leaves_out_falkordb_statements(statements: dict[str, str]) -> None:
    from graph import dialect

    shipped = set(statements.values())
    assert dialect.FALKOR_LIST_INDEXES not in shipped
    assert dialect.FALKOR_LIST_CONSTRAINTS not in shipped
    assert not shipped & {dialect.falkor_index_statement(spec) for spec in dialect.SCHEMA}


@pytest.mark.parametrize("control", sorted(NEGATIVE_CONTROLS))
def test_linter_rejects_bad_cypher(lint_errors: dict[str, list[LintError]],
                                   control: str) -> None:
    assert lint_errors[f"control:{control}"], (
        f"the linter accepted {NEGATIVE_CONTROLS[control]!r}: it is not checking anything")


def test_every_shipped_statement_lints_clean(statements: dict[str, str],
                                             lint_errors: dict[str, list[LintError]]) -> None:
    assert set(statements) <= set(lint_errors), "the linter skipped statements"
    failures = [
        f"{name} (line {error['line']}, column {error['column']}): {error['message']}\n"
        + textwrap.indent(statements[name], "    ")
        for name in statements
        for error in lint_errors[name]
    ]
    assert not failures, "Cypher rejected by Neo4j's parser:\n" + "\n".join(failures)


def test_procedure_calls_are_allowlisted(statements: dict[str, str]) -> None:
    unexpected = [
        f"{name}: {procedure}"
        for name, query in statements.items()
        for procedure in (re.sub(r"\s+", "", p) for p in _PROCEDURE_CALL.findall(query))
        if procedure not in ALLOWED_PROCEDURES
    ]
    assert not unexpected, f"procedures outside ALLOWED_PROCEDURES: {unexpected}"


def test_procedure_call_detection() -> None:
    found = _PROCEDURE_CALL.findall(
        "CALL db.index.fulltext.queryNodes('x', $q) YIELD node "
        "CALL { MATCH (n) RETURN n } CALL (node) { RETURN 1 AS one } RETURN node")
    assert found == ["db.index.fulltext.queryNodes"]
