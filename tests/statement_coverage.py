"""Which shipped Cypher statements a Neo4j run executed: every one must run on a real Neo4j.

The Neo4j backend's two ways of running a statement are wrapped for the session;
at its end, statements of `graph/` (as `tests.cypher_statements` collects them)
that never ran are listed, and the run fails when `REGISTRY_STATEMENT_COVERAGE` is
`require` (`python -m tests` sets it for a whole Neo4j run).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

import pytest

from graph import neo4j_backend
from tests.cypher_statements import shipped_statements

executed: set[str] = set()


def _recording(run: Callable[..., Any], text_of: Callable[[Any], str]) -> Callable[..., Any]:
    async def wrapper(self: Any, query: Any, *args: Any, **kwargs: Any) -> Any:
        executed.add(text_of(query))
        return await run(self, query, *args, **kwargs)
    return wrapper


def install() -> None:
    """Record every statement the Neo4j backend runs in this process."""
    backend, unit = neo4j_backend.Neo4jBackend, neo4j_backend._TransactionClient
    backend._execute = _recording(backend._execute, lambda q: str(q.text))  # type: ignore[method-assign]
    unit.write = _recording(unit.write, str)  # type: ignore[method-assign]


def never_run() -> list[str]:
    """Names of shipped statements no test ran on Neo4j."""
    return sorted(name for name, text in shipped_statements().items() if text not in executed)


def report(session: pytest.Session) -> None:
    """Print the statements never run; fail the session if they are required."""
    missing = never_run()
    required = os.environ.get("REGISTRY_STATEMENT_COVERAGE") == "require"
    total = len(shipped_statements())
    print(f"\nNeo4j statement coverage: {total - len(missing)} of {total} shipped statements "
          f"ran on Neo4j")
    for name in missing:
        print(f"  never run on Neo4j: {name}")
    if missing and required and session.exitstatus == 0:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
