"""The load driver: a separate process that drives the served registry over HTTP.

`python -m bench.load PLAN.json OUT.json`. For each operation of the plan it
runs a fixed number of concurrent clients for a fixed time (after a warm-up),
each client on its own keep-alive connection sending the operation again as
soon as the previous answer arrived, cycling through the operation's
variables (throughput and latency under load), then with one client (the
latency one user sees); then it does the same with the operation's floor
statement through the backend client (FalkorDB's or Neo4j's, as the plan's `graph`
says), straight to the graph server; an operation without a floor (the peer's) has
only the HTTP measurements. In `trace` mode it sends
each operation once and records the database round trips the server reports.

The HTTP client is a minimal HTTP/1.1 one over asyncio streams, with the
request bytes built once: a general-purpose client (httpx) cost more CPU per
request than the server's look-up by code, on a machine of two cores.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import uvloop

from bench.graphs import FloorClient
from graph.errors import GraphError


class HttpClient:
    """One keep-alive HTTP/1.1 connection posting GraphQL requests."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def connect(self) -> None:
        """Open the connection."""
        self.reader, self.writer = await asyncio.open_connection(self.host, self.port,
                                                                 limit=2**24)

    def request(self, body: bytes) -> bytes:
        """The bytes of a POST /graphql carrying `body`."""
        head = (f"POST /graphql HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n"
                "Content-Type: application/json\r\nAccept: application/json\r\n"
                f"Content-Length: {len(body)}\r\n\r\n")
        return head.encode() + body

    async def send(self, request: bytes) -> tuple[int, bytes]:
        """Send prepared request bytes; return the status and the body."""
        if self.writer is None or self.reader is None:
            await self.connect()
        assert self.writer is not None and self.reader is not None
        self.writer.write(request)
        head = await self.reader.readuntil(b"\r\n\r\n")
        status = int(head[9:12])
        lower = head.lower()
        start = lower.find(b"content-length:")
        if start >= 0:
            end = lower.index(b"\r\n", start)
            body = await self.reader.readexactly(int(lower[start + 15:end]))
        elif b"transfer-encoding: chunked" in lower:
            body = await self._chunked()
        else:
            body = await self.reader.read()
            await self.close()
        if b"connection: close" in lower:
            await self.close()
        return status, body

    async def _chunked(self) -> bytes:
        assert self.reader is not None
        parts: list[bytes] = []
        while True:
            size = int((await self.reader.readuntil(b"\r\n")).split(b";")[0], 16)
            if size == 0:
                await self.reader.readuntil(b"\r\n")
                return b"".join(parts)
            parts.append(await self.reader.readexactly(size))
            await self.reader.readexactly(2)

    async def close(self) -> None:
        """Close the connection."""
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


def body_of(query: str, variables: dict[str, Any]) -> bytes:
    """The JSON body of a GraphQL request."""
    return json.dumps({"query": query, "variables": variables}, ensure_ascii=False).encode()


@dataclass
class Measured:
    """Latencies (seconds) of the requests completed within the window."""

    latencies: list[float]
    seconds: float
    failures: int

    def summary(self) -> dict[str, Any]:
        """Requests per second and latency percentiles, in milliseconds."""
        ordered = sorted(self.latencies)

        def pct(p: float) -> float | None:
            if not ordered:
                return None
            return round(1000 * ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))], 3)
        return {"requests": len(ordered), "failures": self.failures,
                "rps": round(len(ordered) / self.seconds, 1) if self.seconds else 0.0,
                "p50_ms": pct(50), "p95_ms": pct(95), "p99_ms": pct(99),
                "mean_ms": round(1000 * sum(ordered) / len(ordered), 3) if ordered else None}


async def _drive(clients: int, seconds: float, make_worker: Any) -> Measured:
    """Run `clients` workers for `seconds`; each returns (latencies, failures)."""
    deadline = time.perf_counter() + seconds
    started = time.perf_counter()
    results = await asyncio.gather(*(make_worker(index, deadline) for index in range(clients)))
    elapsed = time.perf_counter() - started
    return Measured([x for lat, _ in results for x in lat], elapsed,
                    sum(failed for _, failed in results))


async def http_load(host: str, port: int, op: dict[str, Any], clients: int,
                    seconds: float) -> Measured:
    """Drive one operation over HTTP."""
    probe = HttpClient(host, port)
    requests = [probe.request(body_of(op["query"], v)) for v in op["variables"]]

    async def worker(index: int, deadline: float) -> tuple[list[float], int]:
        client = HttpClient(host, port)
        await client.connect()
        latencies: list[float] = []
        failures, turn = 0, index
        try:
            while time.perf_counter() < deadline:
                request = requests[turn % len(requests)]
                turn += 1
                began = time.perf_counter()
                status, body = await client.send(request)
                latencies.append(time.perf_counter() - began)
                if status != 200 or body.startswith(b'{"errors"') or b'"errors":' in body[:20]:
                    failures += 1
        finally:
            await client.close()
        return latencies, failures
    return await _drive(clients, seconds, worker)


async def floor_load(graph: FloorClient, op: dict[str, Any], clients: int,
                     seconds: float) -> Measured:
    """Drive one operation's floor statement through the backend client; a statement that
    fails (a timeout: 60 s) counts as a failure and ends that client's turn."""
    statement, params = op["floor"], op["floor_params"]
    if isinstance(statement, dict):  # one statement per dialect (the full-text search)
        statement, params = statement[graph.client.dialect], params[graph.client.dialect]

    async def worker(index: int, deadline: float) -> tuple[list[float], int]:
        latencies: list[float] = []
        turn = index
        while time.perf_counter() < deadline:
            began = time.perf_counter()
            try:
                await graph.read(statement, params[turn % len(params)])
            except GraphError as error:
                print(f"  {op['name']} floor failed: {error}", file=sys.stderr, flush=True)
                return latencies, 1
            latencies.append(time.perf_counter() - began)
            turn += 1
        return latencies, 0
    return await _drive(clients, seconds, worker)


async def trace(host: str, port: int, ops: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each operation once: round trips reported by the server, response size, errors."""
    client = HttpClient(host, port)
    out = []
    for op in ops:
        status, body = await client.send(client.request(body_of(op["query"],
                                                                op["variables"][0])))
        answer = json.loads(body)
        out.append({"name": op["name"], "status": status, "bytes": len(body),
                    "errors": answer.get("errors"),
                    "round_trips": (answer.get("extensions") or {}).get("roundTrips")})
    await client.close()
    return out


async def _measure(graph: FloorClient, host: str, port: int, op: dict[str, Any],
                   plan: dict[str, Any]) -> dict[str, Any]:
    """One operation: concurrent clients, one client, then its floor both ways."""
    clients = plan["clients"]
    await http_load(host, port, op, clients, plan["warmup"])
    http = await http_load(host, port, op, clients, plan["seconds"])
    single = await http_load(host, port, op, 1, plan["latency_seconds"])
    result = {"name": op["name"], "http": http.summary(), "single": single.summary()}
    line = (f"  {op['name']:<16} {http.summary()['rps']:>8} req/s with {clients} clients; "
            f"one client: p50 {single.summary()['p50_ms']} ms")
    if op["floor"] is not None:
        await floor_load(graph, op, clients, min(plan["warmup"], 1.0))
        floor = await floor_load(graph, op, clients, plan["floor_seconds"])
        floor_single = await floor_load(graph, op, 1, plan["floor_seconds"])
        result.update(floor=floor.summary(), floor_single=floor_single.summary())
        line += f", floor p50 {floor_single.summary()['p50_ms']} ms"
    print(line, file=sys.stderr, flush=True)
    return result


async def run(plan: dict[str, Any]) -> dict[str, Any]:
    """Carry out a plan (see bench.__main__) and return its measurements."""
    host, port = plan["host"], plan["port"]
    if plan["mode"] == "trace":
        return {"trace": await trace(host, port, plan["ops"])}
    graph = FloorClient(plan["graph"])
    try:
        return {"ops": [await _measure(graph, host, port, op, plan) for op in plan["ops"]]}
    finally:
        await graph.close()


def main(argv: list[str]) -> int:
    """`python -m bench.load PLAN.json OUT.json`."""
    plan = json.loads(Path(argv[0]).read_text(encoding="utf-8"))
    # uvloop: the driver shares the machine with the server, so it should cost it little.
    result = uvloop.run(run(plan))
    Path(argv[1]).write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
