"""A memory soak: `python -m bench.soak [--minutes 10] [--clients 50]`.

Starts the registry (`server.py`, one worker, the embedded graph with the real
data, in a temporary directory), drives it over HTTP with `--clients` concurrent
clients sending a mix of the users' queries for `--minutes`, and samples the
resident memory of the server process every `--every` seconds. It prints each
sample as it goes and ends with the growth after the warm-up (the first fifth of
the run): the goal is a curve flat within 20%. It is bounded in time and talks to
127.0.0.1 only.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import httpx

from bench.servers import free_port

ROOT = Path(__file__).resolve().parents[1]
QUERIES = [
    '{ collectivity(code: "02.113.01.09") { id nameFr population parent { nameFr } } }',
    '{ search(text: "Berkane", first: 10) { label entity { id } } }',
    "{ collectivities(filter: {level: [COMMUNE]}, first: 100) { totalCount nodes { id nameFr } } }",
    '{ regions { code nameFr provinces { code nameFr } } }',
    '{ connections(from: "org:dgct", to: "BE:21013") { paths { length } } }',
]


def rss_mib(pid: int) -> float:
    """Resident memory of one process, in MiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def start(data_dir: Path, port: int) -> subprocess.Popen[bytes]:
    """The registry on its own data directory; returns once /health answers."""
    env = {**os.environ, "REGISTRY_DATA_DIR": str(data_dir), "REGISTRY_PORT": str(port)}
    for name in ("NEO4J_URI", "FALKORDB_URL", "REGISTRY_FALKORDB_URL"):
        env.pop(name, None)
    process = subprocess.Popen([sys.executable, str(ROOT / "server.py"), "--log-level",
                                "warning"], env=env, stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2):
                return process
        except OSError:
            time.sleep(0.5)
    process.kill()
    raise SystemExit("the registry did not start within 120 s")


async def client(port: int, stop_at: float, counts: list[int], worker: int) -> None:
    """One client: queries in turn, on one keep-alive connection, until `stop_at`."""
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=60) as http:
        turn = worker
        while time.monotonic() < stop_at:
            response = await http.post("/graphql", json={"query": QUERIES[turn % len(QUERIES)]})
            counts[0 if response.status_code == 200 else 1] += 1
            turn += 1


async def sample(pid: int, stop_at: float, every: float, counts: list[int]) -> list[float]:
    """Resident memory every `every` seconds, printed as it goes."""
    started, samples = time.monotonic(), []
    while time.monotonic() < stop_at:
        samples.append(rss_mib(pid))
        print(f"[{time.monotonic() - started:6.0f} s] server {samples[-1]:7.1f} MiB, "
              f"{counts[0]:,} answered, {counts[1]:,} refused", file=sys.stderr, flush=True)
        await asyncio.sleep(every)
    return samples


async def soak(port: int, pid: int, args: argparse.Namespace) -> tuple[list[float], list[int]]:
    """Drive the load and sample memory for the whole run."""
    stop_at = time.monotonic() + args.minutes * 60
    counts = [0, 0]
    sampler = asyncio.create_task(sample(pid, stop_at, args.every, counts))
    await asyncio.gather(*(client(port, stop_at, counts, w) for w in range(args.clients)))
    return await sampler, counts


def summary(samples: list[float], counts: list[int], args: argparse.Namespace) -> str:
    """The growth after warm-up, against the 20% goal."""
    warm = samples[max(1, len(samples) // 5):] or samples
    growth = (max(warm) - warm[0]) / warm[0] * 100 if warm and warm[0] else 0.0
    verdict = "met" if growth <= 20 else "NOT MET"
    return (f"soak: {args.minutes:g} min, {args.clients} clients, {counts[0]:,} answered, "
            f"{counts[1]:,} refused; resident memory {samples[0]:.0f} MiB at start, "
            f"{warm[0]:.0f} after warm-up, {max(warm):.0f} at most, {samples[-1]:.0f} at the "
            f"end: growth after warm-up {growth:.0f}% (goal <= 20%: {verdict})")


def main(argv: list[str]) -> int:
    """Run the soak and print its summary."""
    parser = argparse.ArgumentParser(prog="python -m bench.soak", description=__doc__)
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--every", type=float, default=10.0, help="seconds between samples")
    args = parser.parse_args(argv)
    data_dir = Path(tempfile.mkdtemp(prefix="registry-soak-"))
    port = free_port()
    process = start(data_dir, port)
    try:
        samples, counts = asyncio.run(soak(port, process.pid, args))
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(60)
        shutil.rmtree(data_dir, ignore_errors=True)
    print(summary(samples, counts, args))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
