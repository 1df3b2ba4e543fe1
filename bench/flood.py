"""The floods of the attack review (issue 12), replayed against a registry:
`python -m bench.flood [--root DIR] [--seconds 60] [--out FILE.json]`, and
`python -m bench.flood --compare BEFORE.json AFTER.json` for the two runs side by side.

Each scenario starts the registry from the source tree `--root` (`server.py`, one worker,
the real data, a fresh data directory in /tmp, under `ulimit -n 1024`), drives it from
this process over 127.0.0.1, and stops it:

1. `--clients` (200) anonymous connections sending searches and `connections` for
   `--seconds`, beside one editor with a token (`python -m auth issue`) creating
   organisations: answers by outcome, the editor's writes accepted and refused, p50/p95
   of the successful ones;
2. during 1, the resident memory of the server and of it with its children (the embedded
   graph server), every second: at start, after the warm-up (a fifth of the flood),
   at its peak, at the flood's end and `--settle` (30) seconds later;
3. `--slow` (1,100) connections sending partial headers for `--slow-seconds` (40), a
   header line every 5 s, and a look-up by code every 2 s meanwhile: first with the
   connections held (never reopened), then reopened 1 s after the server closes them;
4. the depth-8 query, the same three times aliased, and `_entities` with 20,000 Commune
   representations (a light selection, within the cost budget, and a heavy one), each on
   a fresh server, with a look-up every second beside it.

Every request has a client-side timeout (30 s; 15 s for the look-ups of 3; in 4,
`--heavy-timeout`, 150 s).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import Counter
from pathlib import Path
from typing import Any

import uvloop

from bench import flood_load as load
from bench.servers import free_port

MAIN = Path(__file__).resolve().parents[1]
SERVER_FILES = 1024
Row = tuple[str, str, str]


def _vmrss_mib(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _children(pid: int) -> list[int]:
    found = []
    with contextlib.suppress(OSError):
        for task in Path(f"/proc/{pid}/task").iterdir():
            found += [int(c) for c in (task / "children").read_text().split()]
    return found + [d for child in found for d in _children(child)]


def rss(pid: int) -> tuple[float, float]:
    """Resident memory in MiB: the process alone, and with all its descendants."""
    own = _vmrss_mib(pid)
    return own, own + sum(_vmrss_mib(child) for child in _children(pid))


def _server_limits() -> None:
    """In the server's child process, before exec: the common `ulimit -n 1024`."""
    _, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (SERVER_FILES, hard))


class FloodServer:
    """The registry of one source tree on a fresh data directory, in a child process."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.work = Path(tempfile.mkdtemp(prefix="registry-flood-"))
        self.port = free_port()
        self.env = {k: v for k, v in os.environ.items()
                    if k not in {"NEO4J_URI", "FALKORDB_URL", "REGISTRY_FALKORDB_URL"}}
        self.env.update(PYTHONPATH=str(root), REGISTRY_DATA_DIR=str(self.work / "data"))
        self.log = (self.work / "server.log").open("wb")
        self.process = subprocess.Popen(
            [sys.executable, str(root / "server.py"), "--host", "127.0.0.1", "--port",
             str(self.port), "--log-level", "warning"], cwd=root, env=self.env,
            stdout=self.log, stderr=self.log, preexec_fn=_server_limits)  # noqa: PLW1509
        self.pid = self.process.pid
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and self.process.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/health", timeout=5):
                    return
            except OSError:
                time.sleep(0.3)
        self.stop()
        raise SystemExit("the registry did not start within 120 s")

    def issue_token(self) -> str | None:
        """An editor's token from `python -m auth issue` in the tree, or None if it fails."""
        try:
            done = subprocess.run(
                [sys.executable, "-m", "auth", "issue", "--owner", "flood editor", "--role",
                 "editor"], cwd=self.root, env=self.env, capture_output=True, timeout=120,
                check=False)
        except subprocess.TimeoutExpired:
            return None
        lines = done.stdout.decode().split()
        return lines[0] if done.returncode == 0 and lines else None

    def stop(self) -> None:
        """Stop the server and its graph server; remove its data."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(60)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()
        shutil.rmtree(self.work, ignore_errors=True)


class Sampler:
    """Resident memory every second, in the background."""

    def __init__(self, pid: int, say_every: int = 0) -> None:
        self.pid, self.say_every = pid, say_every
        self.samples: list[tuple[float, float, float]] = []
        self.task = asyncio.create_task(self._run())

    async def _run(self) -> None:
        began = time.monotonic()
        while True:
            self.samples.append((time.monotonic(), *rss(self.pid)))
            if self.say_every and len(self.samples) % self.say_every == 0:
                print(f"  [{time.monotonic() - began:4.0f} s] server "
                      f"{mib(self.samples[-1][1:])}", file=sys.stderr, flush=True)
            await asyncio.sleep(1)

    def at(self, moment: float) -> tuple[float, float]:
        """The first sample taken at or after `moment` (the last one otherwise)."""
        for when, own, total in self.samples:
            if when >= moment:
                return own, total
        return self.samples[-1][1:]

    def peak(self, since: float = 0.0) -> tuple[float, float]:
        """The largest samples since `since`."""
        taken = [s for s in self.samples if s[0] >= since] or self.samples
        return max(s[1] for s in taken), max(s[2] for s in taken)


def mib(pair: tuple[float, float]) -> str:
    """A memory pair as `server (with graph)`."""
    return f"{pair[0]:.0f} MiB ({pair[1]:.0f} with graph server)"


def tally_text(counts: dict[str, int]) -> str:
    """Outcomes as `ok n (x%), ...`, ok first."""
    total = sum(counts.values()) or 1
    order = sorted(counts, key=lambda o: (o != load.OK, -counts[o]))
    return ", ".join(f"{o} {counts[o]:,} ({100 * counts[o] / total:.0f}%)" for o in order)


def _flood_rows(tally: load.Tally, args: argparse.Namespace, editor: str) -> list[Row]:
    summary, rows = tally.summary(), []
    name = f"1 flood: {args.clients} conns, {args.seconds:.0f} s"
    empty: dict[str, Any] = {"outcomes": {}, "p50_ms": None, "p95_ms": None}
    for kind in ("search", "connections", "editor"):
        part = summary.get(kind, empty)
        if kind == "editor" and editor != load.OK:
            rows.append((name, "editor writes", f"not run ({editor})"))
            continue
        rows += [(name, f"{kind}: outcomes", tally_text(part["outcomes"])),
                 (name, f"{kind}: ok p50 / p95", f"{part['p50_ms']} / {part['p95_ms']} ms")]
    return rows


async def _flood(server: FloodServer, token: str | None,
                 args: argparse.Namespace) -> tuple[list[Row], dict[str, Any]]:
    sampler = Sampler(server.pid)
    await asyncio.sleep(1.5)
    prepared = await load.prepare_editor(server.port, token, "ed") if token else "no token"
    began = time.monotonic()

    def progress(tally: load.Tally) -> None:
        editor = tally.outcomes.get("editor") or Counter()
        print(f"  [{time.monotonic() - began:4.0f} s] {tally.total():,} answers, "
              f"{tally.total(load.OK):,} ok, {tally.total('503 Retry-After'):,} 503, "
              f"{tally.total('SERVICE_UNAVAILABLE'):,} SERVICE_UNAVAILABLE; editor "
              f"{editor.get(load.OK, 0)} accepted, {sum(editor.values()) - editor.get(load.OK, 0)}"
              f" refused; server {mib(sampler.samples[-1][1:])}", file=sys.stderr, flush=True)
    tally = await load.flood(server.port, args.clients, args.seconds,
                             (token, "ed") if token and prepared == load.OK else None,
                             progress, not args.no_retry_wait)
    ended = time.monotonic()
    print(f"  flood over after {ended - began:.0f} s; memory for {args.settle:.0f} s more",
          file=sys.stderr, flush=True)
    sampler.say_every = 10
    await asyncio.sleep(args.settle)
    sampler.task.cancel()
    marks = {"start": sampler.at(began - 1), "after warm-up": sampler.at(began + args.seconds / 5),
             "peak": sampler.peak(began), "flood end": sampler.at(ended),
             f"{args.settle:.0f} s after": sampler.samples[-1][1:]}
    rows = _flood_rows(tally, args, prepared)
    rows += [("2 memory (RSS)", mark, mib(pair)) for mark, pair in marks.items()]
    return rows, {"flood": tally.summary(), "memory": marks,
                  "samples": [(round(t - began, 1), a, b) for t, a, b in sampler.samples]}


def run_flood(root: Path, args: argparse.Namespace) -> tuple[list[Row], Any]:
    """Scenarios 1 and 2, on one server."""
    server = FloodServer(root)
    try:
        token = server.issue_token()
        print(f"scenario 1-2 (port {server.port}, editor token: {'yes' if token else 'NO'})",
              file=sys.stderr, flush=True)
        return uvloop.run(_flood(server, token, args))
    finally:
        server.stop()


def _slow_once(root: Path, args: argparse.Namespace, mode: str) -> tuple[list[Row], Any]:
    server = FloodServer(root)
    print(f"scenario 3, {mode} (port {server.port})", file=sys.stderr, flush=True)

    def progress(slow: load.Slow, probes: list[tuple[float, load.Answer]]) -> None:
        ok = sum(1 for _, a in probes if a.outcome() == load.OK)
        print(f"  {slow.open} slow connections open, {slow.opened} opened, "
              f"{slow.closed_by_server} closed by the server; look-ups {ok} ok of "
              f"{len(probes)} answered", file=sys.stderr, flush=True)
    try:
        slow, probes = uvloop.run(load.slow_headers(server.port, args.slow, args.slow_seconds,
                                                    mode == "reopened", progress))
    finally:
        server.stop()
    name = f"3 slow headers, {mode}: {args.slow:,} conns, {args.slow_seconds:.0f} s"
    oks = [a.seconds for _, a in probes if a.outcome() == load.OK]
    firsts = [at for at, a in probes if a.outcome() == load.OK]
    outcomes = Counter(a.outcome() for _, a in probes)
    rows: list[Row] = [
        (name, "slow connections", f"{slow.opened:,} opened, {slow.closed_by_server:,} closed "
         f"by the server ({slow.closed_at_once:,} within 1 s), {slow.connect_failures:,} "
         "failed to open"),
        (name, "look-ups meanwhile", tally_text(outcomes)),
        (name, "ok look-up p50 / max", f"{load.percentile(oks, 50)} / "
                                       f"{round(1000 * max(oks), 1) if oks else None} ms"),
        (name, "first ok look-up sent at", f"{firsts[0]:.0f} s" if firsts else "none")]
    timeline = [(round(at, 1), a.outcome(), round(a.seconds, 3)) for at, a in probes]
    return rows, {"slow": vars(slow), "probes": timeline}


def run_slow(root: Path, args: argparse.Namespace) -> tuple[list[Row], Any]:
    """Scenario 3: slow clients that hold their connections, then ones that reopen them."""
    rows: list[Row] = []
    details = {}
    for mode in args.slow_modes.split(","):
        got, details[mode] = _slow_once(root, args, mode)
        rows += got
    return rows, details


HEAVY = ("depth 8", "depth 8, 3 aliases", "_entities light", "_entities heavy")


async def _heavy(server: FloodServer, name: str, args: argparse.Namespace) -> dict[str, Any]:
    body = await load.heavy_body(server.port, name, args.representations)
    sampler = Sampler(server.pid, 10)
    await asyncio.sleep(1.5)
    before, began = sampler.samples[-1][1:], time.monotonic()
    answer, looks = await load.heavy(server.port, body, args.heavy_timeout)
    await asyncio.sleep(1.5)
    sampler.task.cancel()
    return {"request bytes": len(body), "status": answer.status, "outcome": answer.outcome(),
            "seconds": round(answer.seconds, 1), "answer bytes": len(answer.body),
            "rss before": before, "rss peak": sampler.peak(began),
            "rss after": sampler.samples[-1][1:], "look-ups": len(looks),
            "look-ups ok": sum(1 for a in looks if a.outcome() == load.OK),
            "slowest look-up s": round(max((a.seconds for a in looks), default=0.0), 1)}


def run_heavy(root: Path, args: argparse.Namespace) -> tuple[list[Row], Any]:
    """Scenario 4: each operation on its own fresh server."""
    rows: list[Row] = []
    details = {}
    for name in HEAVY:
        server = FloodServer(root)
        print(f"scenario 4: {name} (port {server.port})", file=sys.stderr, flush=True)
        try:
            got = details[name] = uvloop.run(_heavy(server, name, args))
        finally:
            server.stop()
        print(f"  {got}", file=sys.stderr, flush=True)
        title = f"4 {name}" + (f" x{args.representations:,}" if "_entities" in name else "")
        before, peak, after = got["rss before"], got["rss peak"], got["rss after"]
        rows += [(title, "answer", f"HTTP {got['status']} {got['outcome']}, {got['seconds']} s, "
                                   f"{got['answer bytes']:,} bytes"),
                 (title, "RSS before / peak / after", f"{before[0]:.0f} / {peak[0]:.0f} / "
                  f"{after[0]:.0f} MiB (with graph: {before[1]:.0f} / {peak[1]:.0f} / "
                  f"{after[1]:.0f})"),
                 (title, "look-ups meanwhile", f"{got['look-ups ok']} ok of {got['look-ups']}, "
                                               f"slowest {got['slowest look-up s']} s")]
    return rows, details


def table(rows: list[Row], headers: list[str], values: list[list[str]]) -> str:
    """A plain text table: scenario, measure, then one column per run."""
    lines, last = [" | ".join(["scenario", "measure", *headers])], ""
    for (scenario, measure, _), columns in zip(rows, values, strict=True):
        lines.append(" | ".join([scenario if scenario != last else "", measure, *columns]))
        last = scenario
    return "\n".join(lines)


def compare(paths: list[str]) -> str:
    """The tables of several runs side by side (rows matched by scenario and measure)."""
    runs = [json.loads(Path(p).read_text(encoding="utf-8")) for p in paths]
    keys = [tuple(r[:2]) for r in runs[0]["rows"]]
    for run in runs[1:]:
        keys += [tuple(r[:2]) for r in run["rows"] if tuple(r[:2]) not in keys]
    found = [{tuple(r[:2]): r[2] for r in run["rows"]} for run in runs]
    rows: list[Row] = [(k[0], k[1], "") for k in keys]
    return table(rows, [run["label"] for run in runs],
                 [[f.get(k, "-") for f in found] for k in keys])


def parse(argv: list[str]) -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(prog="python -m bench.flood", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    add = parser.add_argument
    add("--root", type=Path, default=MAIN, help="source tree to serve (default: this one)")
    add("--label", help="name of the run (default: the tree's commit)")
    add("--scenarios", default="1,3,4", help="comma-separated, of 1 (with 2), 3 and 4")
    add("--seconds", type=float, default=60.0, help="length of the flood (1)")
    add("--clients", type=int, default=200, help="anonymous connections of the flood (1)")
    add("--settle", type=float, default=30.0, help="memory sampled after the flood (2)")
    add("--no-retry-wait", action="store_true",
        help="readers send again at once after a 503 (default: they wait its Retry-After, 1 s)")
    add("--slow", type=int, default=1100, help="slow-header connections (3)")
    add("--slow-seconds", type=float, default=40.0)
    add("--slow-modes", default="held,reopened", help="held: never reopened; reopened: "
        "opened again 1 s after the server closes them")
    add("--representations", type=int, default=20_000, help="of _entities (4)")
    add("--heavy-timeout", type=float, default=150.0, help="client timeout in 4")
    add("--out", type=Path, help="write rows and details as JSON")
    add("--compare", nargs="+", metavar="RUN.json", help="print saved runs side by side")
    return parser.parse_args(argv)


def main(argv: list[str]) -> int:
    """Run the chosen scenarios on one tree and print the summary table."""
    args = parse(argv)
    if args.compare:
        print(compare(args.compare))
        return 0
    root = args.root.resolve()
    commit = subprocess.run(["git", "-C", str(root), "rev-parse", "--short", "HEAD"],
                            capture_output=True, text=True, check=False).stdout.strip()
    label = args.label or commit or root.name
    _, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, max(4096, 2 * args.slow)), hard))
    rows: list[Row] = []
    details: dict[str, Any] = {}
    chosen = args.scenarios.split(",")
    for number, run in (("1", run_flood), ("3", run_slow), ("4", run_heavy)):
        if number in chosen:
            got, details[number] = run(root, args)
            rows += got
    print(f"\nflood benchmark on {root} ({label}); timings are noisy (2 shared cores)")
    print(table(rows, [label], [[r[2]] for r in rows]))
    if args.out:
        args.out.write_text(json.dumps({"label": label, "root": str(root), "rows": rows,
                                        "details": details}, ensure_ascii=False, indent=1),
                            encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
