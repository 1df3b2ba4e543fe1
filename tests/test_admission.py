"""Admission: a bounded number of GraphQL requests run, a bounded line waits, the rest are
told at once to retry; callers with a token keep places of their own; slow bodies lose
their place."""

from __future__ import annotations

import asyncio
import socket
import time

import httpx
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from protection.admission import Admission
from tests.hosts import GraphHost
from tests.live import LiveServer

TOKEN = {"Authorization": "Bearer tok_x.secret"}


def _app(gate: asyncio.Event, running: list[int]) -> Admission:
    async def graphql(request: Request) -> Response:
        await request.body()
        running.append(1)
        await gate.wait()
        return JSONResponse({"data": {"ok": True}})
    app = Starlette(routes=[Route("/graphql", graphql, methods=["POST"])])
    return Admission(app, max_concurrent=2, reserved_for_tokens=1, max_queue=1,
                     queue_wait_ms=2_000, body_timeout_ms=2_000)


async def _flood() -> dict[str, object]:
    gate, running = asyncio.Event(), list[int]()
    transport = httpx.ASGITransport(app=_app(gate, running))
    async with httpx.AsyncClient(transport=transport, base_url="http://registry") as client:
        def ask(headers: dict[str, str] | None = None) -> asyncio.Task[httpx.Response]:
            return asyncio.ensure_future(client.post("/graphql", json={}, headers=headers))
        first, second = ask(), ask()
        await asyncio.sleep(0.1)
        queued = ask()
        await asyncio.sleep(0.1)
        started = time.monotonic()
        refused = await ask()
        refused_after = time.monotonic() - started
        writer = ask(TOKEN)
        await asyncio.sleep(0.1)
        running_before_release = len(running)
        gate.set()
        answers = await asyncio.gather(first, second, queued, writer)
    return {"refused": refused, "refused_after": refused_after, "answers": answers,
            "running": running_before_release}


def test_full_places_and_line_refuse_at_once_and_tokens_keep_their_places() -> None:
    seen = asyncio.run(_flood())
    refused = seen["refused"]
    assert isinstance(refused, httpx.Response)
    assert refused.status_code == 503 and refused.headers["retry-after"] == "1"
    assert refused.json()["errors"][0]["extensions"]["code"] == "SERVICE_UNAVAILABLE"
    assert float(str(seen["refused_after"])) < 1  # told at once, not after waiting (a loose bound)
    # Two anonymous requests and the writer ran while the anonymous places were full.
    assert seen["running"] == 3
    answers = seen["answers"]
    assert isinstance(answers, list)
    assert [a.status_code for a in answers] == [200, 200, 200, 200]


async def _line_times_out() -> httpx.Response:
    gate, running = asyncio.Event(), list[int]()
    app = _app(gate, running)
    app.queue_wait_s = 0.2
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://registry") as client:
        busy = [asyncio.ensure_future(client.post("/graphql", json={})) for _ in range(2)]
        await asyncio.sleep(0.1)
        waited = await client.post("/graphql", json={})
        gate.set()
        await asyncio.gather(*busy)
    return waited


def test_a_request_waiting_too_long_in_line_is_refused() -> None:
    assert asyncio.run(_line_times_out()).status_code == 503


def test_a_body_sent_too_slowly_loses_its_place(graph_host: GraphHost,
                                                backbone_template: str) -> None:
    from tests.conftest import served
    with served(graph_host, backbone_template, body_timeout_ms=300) as live:
        answer = _send_half_a_body(live)
        assert answer.startswith(b"HTTP/1.1 408"), answer[:200]
        assert b"REQUEST_TIMEOUT" in answer
        assert live.data("{ countries { id } }")["countries"]  # the registry still answers


def _send_half_a_body(live: LiveServer) -> bytes:
    with socket.create_connection(("127.0.0.1", live.port), timeout=10) as sock:
        sock.sendall(b"POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                     b"Content-Length: 100\r\n\r\n{\"query\": ")
        return sock.recv(4096)


def test_connections_sending_headers_too_slowly_are_closed(graph_host: GraphHost,
                                                           backbone_template: str) -> None:
    from tests.conftest import served
    with served(graph_host, backbone_template, header_timeout_ms=300) as live:
        slow = [socket.create_connection(("127.0.0.1", live.port), timeout=10)
                for _ in range(30)]
        try:
            for sock in slow:
                sock.sendall(b"POST /graphql HTTP/1.1\r\nHost: x\r\n")  # and never the rest
            assert live.data("{ countries { id } }")["countries"]  # others are served
            assert all(sock.recv(1024) == b"" for sock in slow)  # closed by the server
        finally:
            for sock in slow:
                sock.close()


def test_slow_connections_of_one_client_are_bounded(graph_host: GraphHost,
                                                    backbone_template: str) -> None:
    from tests.conftest import served
    with served(graph_host, backbone_template, max_header_waits_per_client=5) as live:
        held = [socket.create_connection(("127.0.0.1", live.port), timeout=10)
                for _ in range(5)]
        try:
            for sock in held:
                sock.sendall(b"POST /graphql HTTP/1.1\r\nHost: x\r\n")  # and never the rest
            extra = socket.create_connection(("127.0.0.1", live.port), timeout=10)
            with extra:
                assert extra.recv(1024) == b""  # closed as soon as it was accepted
        finally:
            for sock in held:
                sock.close()
        assert live.data("{ countries { id } }")["countries"]  # once they are gone, served
