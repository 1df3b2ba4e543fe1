"""What `appendfsync always` costs against `everysec`: single-statement writes, timed.

    python -m bench.fsync [--writes 500] [--rounds 3] [--dir /path/on/the/target/disk]

For each round and each mode (alternating, so load drift hits both), an embedded
graph server starts on a fresh directory and the backend client runs the writes
one after the other, each its own statement (as API contributions are). Prints
the median time per mode, per write, and the ratio. Run it on the disk the data
directory will live on: the fsync cost is the disk's.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from pathlib import Path

from graph.embedded import EmbeddedGraphServer
from graph.falkor_backend import FalkorBackend

MODES = ("everysec", "always")
WRITE = ("MERGE (n:Entity:Organisation {id: $id}) "
         "SET n.nameFr = $name, n.version = coalesce(n.version, 0) + 1")


async def _writes(url: str, count: int) -> float:
    backend = FalkorBackend.connect(url, "fsync", 10_000)
    try:
        await backend.ensure_schema()
        start = time.perf_counter()
        for i in range(count):
            await backend.write(WRITE, {"id": f"org:probe-{i}", "name": f"Probe {i}"})
        return time.perf_counter() - start
    finally:
        await backend.close()


def one_run(mode: str, count: int, parent: Path) -> float:
    """Seconds for `count` writes on a fresh server in `mode`."""
    with tempfile.TemporaryDirectory(dir=parent, prefix=f"fsync-{mode}-") as directory:
        server = EmbeddedGraphServer(Path(directory), appendfsync=mode)
        server.start()
        try:
            return asyncio.run(_writes(server.url, count))
        finally:
            server.stop()


def main(argv: list[str] | None = None) -> None:
    """Time both modes and print a small table."""
    parser = argparse.ArgumentParser(prog="python -m bench.fsync", description=__doc__)
    parser.add_argument("--writes", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--dir", type=Path, default=Path(tempfile.gettempdir()))
    args = parser.parse_args(argv)
    times: dict[str, list[float]] = {mode: [] for mode in MODES}
    for _ in range(args.rounds):
        for mode in MODES:
            times[mode].append(one_run(mode, args.writes, args.dir))
    print(f"{args.writes} single-statement writes, {args.rounds} rounds, on {args.dir}")
    for mode in MODES:
        median = statistics.median(times[mode])
        runs = ", ".join(f"{t:.2f}" for t in times[mode])
        print(f"  {mode:<9} median {median:6.2f} s  {1000 * median / args.writes:6.2f} ms/write"
              f"  (runs: {runs})")
    ratio = statistics.median(times["always"]) / statistics.median(times["everysec"])
    print(f"  always / everysec: {ratio:.2f}x")


if __name__ == "__main__":
    main()
