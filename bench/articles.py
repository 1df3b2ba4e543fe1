"""How long `python -m importers articles` takes for 100 articles.

    python -m bench.articles [--copies 20] [--rounds 3]

Builds a fresh embedded graph in /tmp with the backbone and the curated network (the
registry's gazetteer), then imports the five seed articles, each copied `--copies` times
under other file names (100 files by default: the only article texts the repository
holds are the seeds, so the copies repeat them; each copy is its own source with its own
mentions), timing the whole import (reading, matching, validating, writing in one unit,
drafts); then imports them again (nothing changed), and then the seeds alone. Prints
each round's seconds and the median.
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
from importers.articles.load import SEEDS, import_articles
from importers.network.load import curated_files, import_network
from importers.territory.load import import_territory


def copies(directory: Path, count: int) -> list[Path]:
    """`count` copies of each seed article under names of their own."""
    made = []
    for seed in sorted(SEEDS.glob("*.txt")):
        for n in range(count):
            path = directory / f"{seed.stem}-copy{n:03d}.txt"
            path.write_bytes(seed.read_bytes())
            made.append(path)
    return made


async def _round(url: str, graph: str, files: list[Path], drafts: Path) -> tuple[float, ...]:
    backend = FalkorBackend.connect(url, graph, 60_000)
    try:
        await backend.ensure_schema()
        await import_territory(backend, quiet=True)
        for path in curated_files():
            await import_network(backend, path, quiet=True)
        timings = []
        for paths in ([*files], [*files]):  # first import, then an unchanged one
            start = time.perf_counter()
            summary = await import_articles(backend, paths, drafts, quiet=True)
            timings.append(time.perf_counter() - start)
            print(f"  {summary.articles} files, {summary.changed} written, "
                  f"{sum(summary.mentions.values())} mentions: {timings[-1]:.2f} s")
        return tuple(timings)
    finally:
        await backend.close()


def main(argv: list[str] | None = None) -> None:
    """Time the rounds and print the medians."""
    parser = argparse.ArgumentParser(prog="python -m bench.articles", description=__doc__)
    parser.add_argument("--copies", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    first, again = [], []
    with tempfile.TemporaryDirectory(prefix="bench-articles-") as directory:
        root = Path(directory)
        files = copies(root, args.copies)
        server = EmbeddedGraphServer(root / "data")
        server.start()
        try:
            for number in range(args.rounds):
                print(f"round {number + 1}: {len(files)} articles")
                one, two = asyncio.run(_round(server.url, f"articles{number}", files,
                                              root / "drafts"))
                first.append(one)
                again.append(two)
        finally:
            server.stop()
    print(f"{len(files)} articles: first import median {statistics.median(first):.2f} s "
          f"(rounds {', '.join(f'{t:.2f}' for t in first)}); unchanged re-import median "
          f"{statistics.median(again):.2f} s")


if __name__ == "__main__":
    main()
