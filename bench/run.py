"""One scale of the benchmark: import into each backend, serve, check answers, measure.

For each backend asked (the embedded FalkorDB, then a Neo4j started with
`tools/neo4j/run`) it imports the scale's data through the project's importers,
serves the registry on it (once with round trips traced, to pick targets, trace
and collect the shared operations' answers; then with `--workers` for timing),
and drives it with `bench.load`. On Neo4j it then serves the Neo4j GraphQL
Library (`bench/peer/server.mjs`) on the same database, collects its answers,
compares them with every registry's (`bench.agreement`) and times its shared
operations the same way.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bench import agreement, report
from bench.graphs import GraphTarget, import_data
from bench.operations import Targets, operations
from bench.peer import SHARED, peer_operations, peer_sets, registry_sets
from bench.servers import ROOT, Neo4jServer, PeerServer, Server
from bench.split import split
from bench.targets import complete, from_backbone

PEER = "neo4j-graphql"
# Neo4j imports a file in one transaction, held in its heap: the generated network goes
# in as files of at most this many links (see bench/split.py).
NEO4J_LINKS_PER_FILE = 100_000


def log(message: str) -> None:
    """A progress line with the time."""
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


class Scale:
    """The state of one scale's run, shared by its backends."""

    def __init__(self, name: str, args: argparse.Namespace, work: Path, extra: list[Path]
                 ) -> None:
        self.name, self.args, self.work, self.extra = name, args, work, extra
        self.large = name == "large"
        self.targets: Targets = from_backbone()
        self.chosen = False
        self.answers: dict[str, agreement.Answers] = {}
        self.out: dict[str, Any] = {"clients": args.clients, "workers": args.workers,
                                    "seconds": args.seconds, "backends": {}, "systems": {},
                                    "agreement": []}


def _load(plan: dict[str, Any], work: Path) -> dict[str, Any]:
    plan_path, out_path = work / f"plan-{plan['mode']}.json", work / "out.json"
    plan_path.write_text(json.dumps(plan, ensure_ascii=False), encoding="utf-8")
    subprocess.run([sys.executable, "-m", "bench.load", str(plan_path), str(out_path)],
                   cwd=ROOT, check=True)
    result: dict[str, Any] = json.loads(out_path.read_text(encoding="utf-8"))
    return result


def _trace(port: int, ops: list[dict[str, Any]], work: Path, system: str
           ) -> list[dict[str, Any]]:
    traced: list[dict[str, Any]] = _load(
        {"mode": "trace", "host": "127.0.0.1", "port": port, "ops": ops}, work)["trace"]
    for item in traced:
        if item["errors"] or item["status"] != 200:
            raise RuntimeError(f"{system} {item['name']} failed: {item['errors']}")
    return traced


def _time(scale: Scale, port: int, ops: list[dict[str, Any]], graph: GraphTarget
          ) -> list[dict[str, Any]]:
    args = scale.args
    measured: list[dict[str, Any]] = _load(
        {"mode": "timing", "host": "127.0.0.1", "port": port, "graph": graph.client_config(),
         "clients": args.clients, "seconds": args.seconds,
         "latency_seconds": args.latency_seconds, "floor_seconds": args.floor_seconds,
         "warmup": args.warmup, "ops": ops}, scale.work)["ops"]
    return measured


def _system(measured: list[dict[str, Any]], traced: list[dict[str, Any]], start: float
            ) -> dict[str, Any]:
    by_name = {item["name"]: item for item in traced}
    for op in measured:
        op["round_trips"] = by_name[op["name"]]["round_trips"]
        op["bytes"] = by_name[op["name"]]["bytes"]
        op["ratio"] = report.ratio(op)
    return {"server_start_seconds": round(start, 2), "ops": measured}


def measure_registry(scale: Scale, graph: GraphTarget) -> None:
    """Serve the registry on `graph`: targets, trace and answers, then timing."""
    system = f"registry-{graph.kind}"
    server = Server(graph, trace=True)
    try:
        if not scale.chosen:
            complete(scale.targets, server.port, graph, scale.large)
            scale.chosen = True
            log(f"{scale.name}: connections between {scale.targets.connection}; twinnings of "
                f"{len(scale.targets.twinned_codes)} commune(s)")
        ops = operations(scale.targets)
        traced = _trace(server.port, [op.to_json() for op in ops], scale.work, system)
        scale.answers[system] = agreement.collect(server.port, ops, registry_sets)
    finally:
        server.stop()
    log(f"{scale.name}: {system} round trips: "
        f"{ {item['name']: item['round_trips'] for item in traced} }")
    server = Server(graph, trace=False, workers=scale.args.workers)
    try:
        measured = _time(scale, server.port, [op.to_json() for op in ops], graph)
    finally:
        server.stop()
    scale.out["systems"][system] = _system(measured, traced, server.start_seconds)


def measure_peer(scale: Scale, graph: GraphTarget) -> None:
    """Serve the Neo4j GraphQL Library on the same Neo4j: answers, agreement, timing."""
    assert graph.neo4j_uri is not None
    ops = peer_operations(operations(scale.targets))
    peer = PeerServer(graph.neo4j_uri, scale.work / "peer-trace.log", trace=True)
    try:
        # Answers first: the library's first request also asks the server for its version,
        # a statement the trace that follows should not count.
        scale.answers[PEER] = agreement.collect(peer.port, ops, peer_sets)
        traced = _trace(peer.port, [op.to_json() for op in ops], scale.work, PEER)
    finally:
        peer.stop()
    variables = {op.name: op.variables for op in ops}
    for system, answers in scale.answers.items():
        if system != PEER:
            verdicts = agreement.compare(system, answers, scale.answers[PEER], variables)
            scale.out["agreement"] += verdicts
            for line in agreement.lines(verdicts):
                log(line.strip())
            if not all(verdict["agree"] for verdict in verdicts):
                log(f"!!! {scale.name}: {system} and the Neo4j GraphQL Library DISAGREE "
                    "(details above; the run goes on and exits with status 2) !!!")
    peer = PeerServer(graph.neo4j_uri, scale.work / "peer-timing.log", trace=False)
    try:
        log(f"{scale.name}: timing the Neo4j GraphQL Library ({', '.join(SHARED)})")
        measured = _time(scale, peer.port, [op.to_json() for op in ops], graph)
    finally:
        peer.stop()
    scale.out["systems"][PEER] = _system(measured, traced, peer.start_seconds)
    _against_floor(scale.out["systems"][PEER], scale.out["systems"].get("registry-neo4j"))


def _against_floor(peer: dict[str, Any], registry: dict[str, Any] | None) -> None:
    """The peer's one-client p50 over the floor measured on the same Neo4j."""
    floors = {op["name"]: op for op in registry["ops"]} if registry else {}
    for op in peer["ops"]:
        floor = floors.get(op["name"], {}).get("floor_single")
        if floor and floor["p50_ms"] and op["single"]["p50_ms"]:
            op["ratio"] = round(op["single"]["p50_ms"] / floor["p50_ms"], 2)


def _imported(scale: Scale, graph: GraphTarget, began: float, extra: list[Path]) -> None:
    steps, size, server = asyncio.run(import_data(graph, extra, log))
    seconds = round(sum(step["seconds"] for step in steps), 2)
    scale.out["backends"][graph.kind] = {"server": server, "imports": steps,
                                         "import_seconds": seconds,
                                         "graph_nodes": size["nodes"],
                                         "graph_edges": size["edges"]}
    log(f"{scale.name}: imported into {graph.label} in {seconds} s ({size['nodes']:,} nodes, "
        f"{size['edges']:,} relationships; {time.perf_counter() - began:.0f} s so far)")


def on_falkordb(scale: Scale) -> None:
    """Import into a fresh embedded FalkorDB, then measure the registry on it."""
    began = time.perf_counter()
    graph = GraphTarget("falkordb", scale.work / "falkordb")
    graph.data_dir.mkdir()
    log(f"{scale.name}: importing into a fresh embedded FalkorDB in {graph.data_dir}")
    _imported(scale, graph, began, scale.extra)
    measure_registry(scale, graph)
    scale.out["backends"]["falkordb"]["seconds"] = round(time.perf_counter() - began, 1)


def on_neo4j(scale: Scale) -> None:
    """Start a Neo4j, import into it, measure the registry and the peer on it, stop it."""
    began = time.perf_counter()
    heap, cache = ("6g", "2g") if scale.large else ("1g", "256m")
    log(f"{scale.name}: starting Neo4j (tools/neo4j/run, heap {heap}, page cache {cache})")
    neo4j = Neo4jServer(scale.work / "neo4j.log", heap=heap, page_cache=cache)
    try:
        log(f"{scale.name}: Neo4j at {neo4j.uri} after {neo4j.start_seconds:.1f} s")
        graph = GraphTarget("neo4j", scale.work / "neo4j-registry", neo4j.uri)
        graph.data_dir.mkdir()
        extra = [part for path in scale.extra for part in split(path, NEO4J_LINKS_PER_FILE)]
        if extra:
            log(f"{scale.name}: the generated network split into {len(extra)} files of at "
                f"most {NEO4J_LINKS_PER_FILE:,} links, one transaction each")
        _imported(scale, graph, began, extra)
        measure_registry(scale, graph)
        measure_peer(scale, graph)
    finally:
        neo4j.stop()
    scale.out["backends"]["neo4j"]["seconds"] = round(time.perf_counter() - began, 1)
    scale.out["backends"]["neo4j"]["start_seconds"] = round(neo4j.start_seconds, 1)

