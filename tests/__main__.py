"""`python -m tests [pytest args]`: the whole suite on FalkorDB, then the graph tests on Neo4j.

Each run is its own pytest process (`REGISTRY_TEST_BACKEND` picks the backend);
the command fails when either run fails, and ends with one line adding both up.
`--backend falkordb|neo4j` runs one only. A selection (`-m unit`, `-k ...`, a file)
may leave no test on one backend, not on both: `python -m tests -m unit` runs the
unit tests once, on FalkorDB, since a Neo4j run keeps only the graph tests.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from collections import Counter

BACKENDS = ("falkordb", "neo4j")
NO_TESTS_SELECTED = 5  # pytest's exit status when no test is collected, or all are deselected
_COUNT = re.compile(r"(\d+) (passed|failed|skipped|errors?|deselected)\b")


def _pytest(backend: str, argv: list[str]) -> tuple[int, Counter[str]]:
    """Run pytest on one backend, echoing its output; its status and final counts."""
    env = {**os.environ, "REGISTRY_TEST_BACKEND": backend}
    if backend == "neo4j" and _whole_suite(argv):
        env["REGISTRY_STATEMENT_COVERAGE"] = "require"
    process = subprocess.Popen([sys.executable, "-m", "pytest", *argv], env=env, text=True,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, bufsize=1)
    counts: Counter[str] = Counter()
    assert process.stdout is not None
    for line in process.stdout:
        sys.stdout.write(line)
        if re.search(r"\d+ (passed|failed|error)", line) and " in " in line:
            counts = Counter({kind.rstrip("s") if kind.startswith("error") else kind: int(n)
                              for n, kind in _COUNT.findall(line)})
    sys.stdout.flush()
    return process.wait(), counts


def _whole_suite(argv: list[str]) -> bool:
    """Whether pytest is asked for every test (no file, directory, -k or -m selection)."""
    return not any(arg in ("-k", "-m") or arg.startswith(("tests", "-k", "-m")) or "::" in arg
                   for arg in argv)


def main(argv: list[str]) -> int:
    """Run pytest once per backend; return the worst exit status."""
    backends = list(BACKENDS)
    if argv[:1] == ["--backend"] and len(argv) > 1:
        backends, argv = [argv[1]], argv[2:]
    total: Counter[str] = Counter()
    statuses = []
    for backend in backends:
        started = time.monotonic()
        print(f"== tests on {backend}", flush=True)
        status, counts = _pytest(backend, argv)
        statuses.append(status)
        total += counts
        if status == NO_TESTS_SELECTED and not _whole_suite(argv):
            state = "no test selected"
        else:
            state = "passed" if status == 0 else f"FAILED (pytest exit status {status})"
        print(f"== {backend}: {state} in {time.monotonic() - started:.0f} s", flush=True)
    failed = total["failed"] + total["error"]
    print(f"{total['passed']} passed, {failed} failed, {total['skipped']} skipped")
    ran = [status for status in statuses if status != NO_TESTS_SELECTED]
    if ran and not _whole_suite(argv):
        return max(ran)  # a selection may leave nothing on one backend, not on every one
    return max(statuses)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
