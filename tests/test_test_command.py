"""The README's test command (`python -m tests`) fails when a test fails, on either backend."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

# It starts pytest processes: not a unit test (no marker fits better than the graph tier,
# whose runs it belongs with; a Neo4j run leaves it out, as it uses no graph_host).
pytestmark = pytest.mark.graph

ROOT = Path(__file__).resolve().parents[1]


def _run(tmp_path: Path, body: str, *args: str) -> subprocess.CompletedProcess[str]:
    # A test file outside the repository: the suite's conftest does not apply to it.
    test_file = tmp_path / "test_sample.py"
    test_file.write_text(body)
    return subprocess.run([sys.executable, "-m", "tests", *args, str(test_file), "-q",
                           "-p", "no:cacheprovider", f"--rootdir={tmp_path}"],
                          check=False, cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_a_failing_test_fails_the_command(tmp_path: Path) -> None:
    done = _run(tmp_path, "def test_fails():\n    assert 1 == 2\n")
    assert done.returncode != 0, done.stdout
    assert done.stdout.rstrip().endswith("0 passed, 2 failed, 0 skipped"), done.stdout
    assert "== falkordb: FAILED" in done.stdout and "== neo4j: FAILED" in done.stdout


def test_passing_tests_pass_on_both_runs_at_once_or_in_turn(tmp_path: Path) -> None:
    for extra in ((), ("--serial",)):
        done = _run(tmp_path, "def test_passes():\n    assert True\n", *extra)
        assert done.returncode == 0, done.stdout
        assert done.stdout.rstrip().endswith("2 passed, 0 failed, 0 skipped"), done.stdout
        assert done.stdout.count("== tests on ") == 2
