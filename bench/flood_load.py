"""The traffic of `bench.flood`: a small HTTP client, what an answer came to, and the drivers
of the three kinds of load (a flood of readers beside one editor, slow headers, heavy
operations), each bounded in time by client-side timeouts."""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from bench.operations import CONNECTIONS, LOOKUP, SEARCH, SEARCH_TEXTS

PAIRS = (("org:dgct", "BE:21013"), ("network:remacto", "MA:02.113.01.09"))
FLOOD_OPS = ([("search", SEARCH, {"text": text}) for text in SEARCH_TEXTS]
             + [("connections", CONNECTIONS, {"from": a, "to": b}) for a, b in PAIRS])
CREATE_SOURCE = """mutation($id: ID!) { createSource(input: {id: $id, title: "Flood",
    language: "fr"}) { __typename } }"""
CREATE_ORG = """mutation($id: ID!, $src: [ID!]) { createOrganisation(input: {id: $id,
    kind: NATIONAL_BODY, names: [{lang: "fr", text: "Agence"}]}, sources: $src) {
    __typename } }"""
PROBE = (LOOKUP, {"code": "02.113.01.09"})
DEPTH8 = "regions { children { children { parent { children { parent { children { id } } } } } } }"
# _entities: a light selection (within the cost budget at 20,000) and a heavy one (over it)
SELECTIONS = {"light": "id code nameFr population",
              "heavy": "id nameFr names { text lang } parent { id nameFr children { id nameFr } }"}
ENTITIES = "query($r: [_Any!]!) { _entities(representations: $r) { ... on Commune { %s } } }"
PAGE = ("query($after: String) { collectivities(filter: {level: COMMUNE}, first: 100, "
        "after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } }")
OK = "ok"
FAILURES = {"IncompleteReadError": "closed without an answer",
            "ConnectionResetError": "connection reset",
            "ConnectionRefusedError": "connection refused"}


@dataclass
class Answer:
    """One request's fate: HTTP status (0: no answer), Retry-After, body, time, failure."""

    status: int
    retry_after: bool
    body: bytes
    seconds: float
    failure: str = ""

    def outcome(self) -> str:
        """ok, 503 Retry-After, SERVICE_UNAVAILABLE, an error code, HTTP status or failure."""
        if self.failure:
            return self.failure
        if self.status == 503 and self.retry_after:
            return "503 Retry-After"
        if b"SERVICE_UNAVAILABLE" in self.body:
            return "SERVICE_UNAVAILABLE"
        try:
            answer = json.loads(self.body)
        except ValueError:
            return f"HTTP {self.status}, not JSON"
        errors = answer.get("errors") if isinstance(answer, dict) else None
        if errors:
            return str((errors[0].get("extensions") or {}).get("code") or "error without code")
        return OK if self.status == 200 else f"HTTP {self.status}"

    def data(self) -> dict[str, Any]:
        """The answer's `data` (empty when there is none)."""
        try:
            return json.loads(self.body).get("data") or {}
        except (ValueError, AttributeError):
            return {}


def graphql(query: str, variables: dict[str, Any]) -> bytes:
    """A GraphQL request body, compact."""
    return json.dumps({"query": query, "variables": variables}, ensure_ascii=False,
                      separators=(",", ":")).encode()


class Conn:
    """One keep-alive HTTP/1.1 connection to the registry, reopened after a failure."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def post(self, body: bytes, timeout: float, token: str | None = None) -> Answer:
        """POST /graphql; never raises: a timeout or a broken connection is a failure."""
        began = time.perf_counter()
        auth = f"Authorization: Bearer {token}\r\n" if token else ""
        head = (f"POST /graphql HTTP/1.1\r\nHost: 127.0.0.1:{self.port}\r\n{auth}"
                f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n")
        try:
            async with asyncio.timeout(timeout):
                status, retry, answer = await self._exchange(head.encode() + body)
        except TimeoutError:
            await self.close()
            return Answer(0, False, b"", time.perf_counter() - began, "client timeout")
        except (OSError, asyncio.IncompleteReadError, ValueError) as error:
            await self.close()
            return Answer(0, False, b"", time.perf_counter() - began, FAILURES.get(
                type(error).__name__, f"connection failed: {type(error).__name__}"))
        return Answer(status, retry, answer, time.perf_counter() - began)

    async def _exchange(self, request: bytes) -> tuple[int, bool, bytes]:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port,
                                                                     limit=2**27)
        assert self.reader is not None
        self.writer.write(request)
        head = (await self.reader.readuntil(b"\r\n\r\n")).lower()
        length = head.find(b"content-length:")
        if length >= 0:
            size = int(head[length + 15:head.index(b"\r\n", length)])
            body = await self.reader.readexactly(size)
        else:
            body = await self.reader.read()
        if length < 0 or b"connection: close" in head:
            await self.close()
        return int(head[9:12]), b"retry-after:" in head, body

    async def close(self) -> None:
        """Close the connection (a later post opens a new one)."""
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


async def once(port: int, body: bytes, timeout: float) -> Answer:
    """One request on a connection of its own."""
    conn = Conn(port)
    try:
        return await conn.post(body, timeout)
    finally:
        await conn.close()


def percentile(values: list[float], p: float) -> float | None:
    """The p-th percentile, in milliseconds."""
    ordered = sorted(values)
    if not ordered:
        return None
    return round(1000 * ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))], 1)


@dataclass
class Tally:
    """Outcomes by kind of request, and latencies of the successful ones."""

    outcomes: dict[str, Counter[str]] = field(default_factory=dict)
    latencies: dict[str, list[float]] = field(default_factory=dict)

    def add(self, kind: str, outcome: str, seconds: float) -> None:
        """Count one answer."""
        self.outcomes.setdefault(kind, Counter())[outcome] += 1
        if outcome == OK:
            self.latencies.setdefault(kind, []).append(seconds)

    def total(self, outcome: str | None = None) -> int:
        """Answers of every kind (with this outcome)."""
        return sum(n for c in self.outcomes.values() for o, n in c.items()
                   if outcome is None or o == outcome)

    def summary(self) -> dict[str, Any]:
        """Counts and p50/p95 of the successful ones, by kind."""
        return {kind: {"outcomes": dict(counts),
                       "p50_ms": percentile(self.latencies.get(kind, []), 50),
                       "p95_ms": percentile(self.latencies.get(kind, []), 95)}
                for kind, counts in self.outcomes.items()}


async def _reader(port: int, turn: int, stop_at: float, tally: Tally,
                  honour_retry_after: bool) -> None:
    """One anonymous client on its own connection, searches and connections in turn."""
    conn = Conn(port)
    try:
        while time.monotonic() < stop_at:
            kind, query, variables = FLOOD_OPS[turn % len(FLOOD_OPS)]
            turn += 7
            answer = await conn.post(graphql(query, variables), 30)
            outcome = answer.outcome()
            tally.add(kind, outcome, answer.seconds)
            if outcome == "503 Retry-After" and honour_retry_after:
                await asyncio.sleep(1)
            elif answer.failure:
                await asyncio.sleep(0.05)
    finally:
        await conn.close()


async def _editor(port: int, token: str, stop_at: float, tally: Tally, tag: str) -> None:
    """The editor: organisations created one after the other, citing its own source."""
    conn, number = Conn(port), 0
    try:
        while time.monotonic() < stop_at:
            number += 1
            answer = await conn.post(graphql(CREATE_ORG, {"id": f"org:flood-{tag}-{number}",
                                                          "src": [f"src:flood-{tag}"]}), 30, token)
            outcome = answer.outcome()
            made = (answer.data().get("createOrganisation") or {}).get("__typename")
            if outcome == OK and made != "Changed":
                outcome = f"answered {made}"
            tally.add("editor", outcome, answer.seconds)
    finally:
        await conn.close()


async def prepare_editor(port: int, token: str, tag: str) -> str:
    """The editor's source, created before the flood; its outcome."""
    conn = Conn(port)
    answer = await conn.post(graphql(CREATE_SOURCE, {"id": f"src:flood-{tag}"}), 30, token)
    await conn.close()
    made = (answer.data().get("createSource") or {}).get("__typename")
    return answer.outcome() if made == "Changed" or answer.outcome() != OK else f"{made}"


async def flood(port: int, clients: int, seconds: float, editor: tuple[str, str] | None,
                progress: Callable[[Tally], None], honour_retry_after: bool = True) -> Tally:
    """`clients` anonymous readers and, with a (token, tag), one editor, for `seconds`."""
    stop_at = time.monotonic() + seconds
    tally = Tally()
    tasks = [asyncio.create_task(_reader(port, turn, stop_at, tally, honour_retry_after))
             for turn in range(clients)]
    if editor is not None:
        tasks.append(asyncio.create_task(_editor(port, editor[0], stop_at, tally, editor[1])))
    while stop_at - time.monotonic() > 1:
        await asyncio.sleep(min(5.0, stop_at - time.monotonic()))
        progress(tally)
    await asyncio.gather(*tasks)
    return tally


@dataclass
class Slow:
    """What the slow-header clients did."""

    open: int = 0
    opened: int = 0
    closed_by_server: int = 0
    closed_at_once: int = 0
    connect_failures: int = 0


ATTACKER = "127.0.0.2"


async def _slow_client(port: int, stop_at: float, slow: Slow, reconnect: bool) -> None:
    """Partial headers, a line every 5 s, never finished; with `reconnect`, again 1 s after
    the server closes the connection."""
    while time.monotonic() < stop_at:
        try:
            # From another loopback address than the look-ups: the attacker is another
            # client, as it would be on a network (the server bounds each client's waits).
            reader, writer = await asyncio.wait_for(
                asyncio.open_connection("127.0.0.1", port, local_addr=(ATTACKER, 0)), 10)
        except (OSError, TimeoutError):
            slow.connect_failures += 1
            await asyncio.sleep(1)
            continue
        slow.opened += 1
        slow.open += 1
        opened = time.monotonic()
        try:
            writer.write(b"POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\n")
            line = 0
            while time.monotonic() < stop_at:
                try:
                    if await asyncio.wait_for(reader.read(1024), 5) == b"":
                        break
                except TimeoutError:
                    line += 1
                    writer.write(f"X-Slow-{line}: x\r\n".encode())
            else:
                return
            slow.closed_by_server += 1
        except OSError:
            slow.closed_by_server += 1
        finally:
            slow.closed_at_once += time.monotonic() - opened < 1 and time.monotonic() < stop_at
            slow.open -= 1
            writer.close()
        if not reconnect:
            return
        await asyncio.sleep(1)


async def probe(port: int, timeout: float) -> Answer:
    """One look-up by code on a fresh connection."""
    return await once(port, graphql(*PROBE), timeout)


async def slow_headers(port: int, connections: int, seconds: float, reconnect: bool,
                       progress: Callable[[Slow, list[tuple[float, Answer]]], None]
                       ) -> tuple[Slow, list[tuple[float, Answer]]]:
    """`connections` slow-header clients for `seconds`; a look-up every 2 s meanwhile
    (from the third second), each waiting at most 15 s."""
    began = time.monotonic()
    stop_at = began + seconds
    slow, probes = Slow(), []
    clients = [asyncio.create_task(_slow_client(port, stop_at, slow, reconnect))
               for _ in range(connections)]
    await asyncio.sleep(3)

    async def timed() -> None:
        at = time.monotonic() - began
        probes.append((at, await probe(port, 15)))
    pending = []
    while time.monotonic() < stop_at:
        pending.append(asyncio.create_task(timed()))
        await asyncio.sleep(2)
        if len(pending) % 3 == 0:
            progress(slow, probes)
    await asyncio.gather(*pending)
    for task in clients:
        task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await asyncio.gather(*clients, return_exceptions=True)
    return slow, sorted(probes, key=lambda item: item[0])


async def heavy(port: int, body: bytes, timeout: float) -> tuple[Answer, list[Answer]]:
    """One heavy operation, and a look-up sent every second while it runs; look-ups still
    unanswered 30 s after it are counted as such, with the time they waited."""
    task = asyncio.create_task(once(port, body, timeout))
    looks: list[tuple[float, asyncio.Task[Answer]]] = []
    while not task.done():
        looks.append((time.perf_counter(), asyncio.create_task(probe(port, timeout))))
        await asyncio.wait([task], timeout=1)
    answer = await task
    if looks:
        await asyncio.wait([look for _, look in looks], timeout=30)
    answers = []
    for began, look in looks:
        if look.done():
            answers.append(look.result())
        else:
            look.cancel()
            answers.append(Answer(0, False, b"", time.perf_counter() - began, "unanswered"))
    return answer, answers


async def commune_ids(port: int) -> list[str]:
    """Every commune's id, a page at a time."""
    conn, ids, after = Conn(port), [], None
    for _ in range(100):
        page = (await conn.post(graphql(PAGE, {"after": after}), 30)).data()
        page = page.get("collectivities") or {}
        ids += [node["id"] for node in page.get("nodes", [])]
        after = (page.get("pageInfo") or {}).get("endCursor")
        if not (page.get("pageInfo") or {}).get("hasNextPage"):
            break
    await conn.close()
    return ids


async def heavy_body(port: int, name: str, count: int) -> bytes:
    """The request of one heavy operation: `depth 8`, `... 3 aliases`, `_entities light|heavy`."""
    if name.startswith("_entities"):
        ids = await commune_ids(port)
        reps = [{"__typename": "Commune", "id": ids[i % len(ids)]} for i in range(count)]
        return graphql(ENTITIES % SELECTIONS[name.rsplit(maxsplit=1)[-1]], {"r": reps})
    aliases = " ".join(f"a{i}: {DEPTH8}" for i in range(3)) if "alias" in name else DEPTH8
    return graphql("{ " + aliases + " }", {})
