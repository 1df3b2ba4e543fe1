"""`python -m tests [pytest args]`: the whole suite on FalkorDB and the graph tests on Neo4j.

Each run is its own pytest process (`REGISTRY_TEST_BACKEND` picks the backend). Both
run at once: the FalkorDB run's output is shown as it comes, the Neo4j run's when it
ends (while one run waits on its database the other has the processor). `--serial`
runs them one after the other. The command fails when either run fails, and ends
with one line adding both up. `--backend falkordb|neo4j` runs one only. A selection
(`-m unit`, `-k ...`, a file) may leave no test on one backend, not on both:
`python -m tests -m unit` runs the unit tests once, on FalkorDB, since a Neo4j run
keeps only the graph tests.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field

BACKENDS = ("falkordb", "neo4j")
NO_TESTS_SELECTED = 5  # pytest's exit status when no test is collected, or all are deselected
_COUNT = re.compile(r"(\d+) (passed|failed|skipped|errors?|deselected)\b")


@dataclass
class Run:
    """One backend's pytest process, its output and, once ended, its status and counts."""

    backend: str
    process: subprocess.Popen[str]
    started: float = field(default_factory=time.monotonic)
    lines: list[str] = field(default_factory=list)
    counts: Counter[str] = field(default_factory=Counter)
    status: int | None = None
    seconds: float = 0.0


def _start(backend: str, argv: list[str]) -> Run:
    """Start pytest on one backend, in a temporary directory of its own."""
    env = {**os.environ, "REGISTRY_TEST_BACKEND": backend}
    if backend == "neo4j" and _whole_suite(argv):
        env["REGISTRY_STATEMENT_COVERAGE"] = "require"
    if not any(arg.startswith("--basetemp") for arg in argv):
        # two pytest sessions at once must not prune each other's numbered temp dirs
        argv = [f"--basetemp={tempfile.mkdtemp(prefix=f'registry-tests-{backend}-')}", *argv]
    process = subprocess.Popen([sys.executable, "-m", "pytest", *argv], env=env, text=True,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, bufsize=1)
    return Run(backend, process)


def _follow(run: Run, live: bool) -> None:
    """Read a run's output to its end (echoing it when `live`); note its status and counts."""
    assert run.process.stdout is not None
    for line in run.process.stdout:
        if live:
            sys.stdout.write(line)
            sys.stdout.flush()
        else:
            run.lines.append(line)
        if re.search(r"\d+ (passed|failed|error)", line) and " in " in line:
            run.counts = Counter({kind.rstrip("s") if kind.startswith("error") else kind: int(n)
                                  for n, kind in _COUNT.findall(line)})
    run.status = run.process.wait()
    run.seconds = time.monotonic() - run.started


def _whole_suite(argv: list[str]) -> bool:
    """Whether pytest is asked for every test (no file, directory, -k or -m selection)."""
    return not any(arg in ("-k", "-m") or arg.startswith(("tests", "-k", "-m")) or "::" in arg
                   for arg in argv)


def _report(run: Run, argv: list[str]) -> None:
    """Print a buffered run's output, then one line saying how it ended."""
    if run.lines:
        print(f"== tests on {run.backend} (ran beside the first run)", flush=True)
        sys.stdout.writelines(run.lines)
    if run.status == NO_TESTS_SELECTED and not _whole_suite(argv):
        state = "no test selected"
    else:
        state = "passed" if run.status == 0 else f"FAILED (pytest exit status {run.status})"
    print(f"== {run.backend}: {state} in {run.seconds:.0f} s", flush=True)


def _run_all(backends: list[str], argv: list[str], serial: bool) -> list[Run]:
    """Run pytest per backend, at once unless `serial`; the first one's output live."""
    runs: list[Run] = []
    followers: list[threading.Thread] = []
    for index, backend in enumerate(backends):
        if serial or index == 0:
            print(f"== tests on {backend}", flush=True)
        run = _start(backend, argv)
        runs.append(run)
        follower = threading.Thread(target=_follow, args=(run, serial or index == 0))
        follower.start()
        followers.append(follower)
        if serial:
            follower.join()
            _report(run, argv)
    for follower in followers:
        follower.join()
    if not serial:
        for run in runs:
            _report(run, argv)
    return runs


def main(argv: list[str]) -> int:
    """Run pytest once per backend; return the worst exit status."""
    backends = list(BACKENDS)
    serial = "--serial" in argv
    argv = [arg for arg in argv if arg != "--serial"]
    if argv[:1] == ["--backend"] and len(argv) > 1:
        backends, argv = [argv[1]], argv[2:]
    runs = _run_all(backends, argv, serial)
    total: Counter[str] = sum((run.counts for run in runs), Counter())
    failed = total["failed"] + total["error"]
    print(f"{total['passed']} passed, {failed} failed, {total['skipped']} skipped")
    statuses = [run.status if run.status is not None else 1 for run in runs]
    ran = [status for status in statuses if status != NO_TESTS_SELECTED]
    if ran and not _whole_suite(argv):
        return max(ran)  # a selection may leave nothing on one backend, not on every one
    return max(statuses)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
