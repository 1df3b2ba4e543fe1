"""`python -m importers export [--out FILE]` and `python -m importers restore FILE`."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path

from pydantic import ValidationError

from graph.backends import open_backend
from importers.export.bundle import read_bundle, write_bundle
from importers.export.run import ExportIncomplete, RestoreRefused, export_graph, restore_graph
from settings import Settings

COMMANDS = ("export", "restore")


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Declare the export and restore commands."""
    export = commands.add_parser("export", help="write the whole graph to a re-importable file")
    export.add_argument("--out", type=Path, help="file to write (default: "
                        "registry-export-<UTC time>.json in the current directory)")
    export.add_argument("--allow-incomplete", action="store_true",
                        help="write the file even if it cannot hold everything (listed in it)")
    restore = commands.add_parser("restore", help="rebuild a graph from an export file")
    restore.add_argument("file", type=Path)


async def _export(settings: Settings, out: Path | None, allow_incomplete: bool) -> None:
    out = out or Path(f"registry-export-{datetime.now(UTC):%Y%m%dT%H%M%SZ}.json")
    backend = open_backend(settings, attach=True)
    try:
        bundle = await export_graph(backend, allow_incomplete)
    finally:
        await backend.close()
    write_bundle(bundle, out)
    documents = ", ".join(f"{f.origin} ({_records(f.document)} records)" for f in bundle.files)
    print(f"exported to {out}: {documents or 'no curated records'}; "
          f"{len(bundle.residual.properties)} property patches, "
          f"{len(bundle.residual.names)} extra names")
    for labels, count in bundle.notExported.items():
        print(f"not exported: {count} {labels}")
    for problem in bundle.problems:
        print(f"NOT IN THE FILE: {problem}", file=sys.stderr)


def _records(document: dict[str, object]) -> int:
    return sum(len(v) for v in document.values() if isinstance(v, list))


async def _restore(settings: Settings, path: Path) -> None:
    bundle = read_bundle(path)
    backend = open_backend(settings, attach=True)
    try:
        lines = await restore_graph(backend, bundle)
    finally:
        await backend.close()
    print("\n".join(lines))


async def run(args: argparse.Namespace, settings: Settings) -> int:
    """Run `export` or `restore`; 1 with the reasons when refused."""
    try:
        if args.command == "export":
            await _export(settings, args.out, args.allow_incomplete)
        else:
            await _restore(settings, args.file)
    except (ExportIncomplete, RestoreRefused) as refused:
        print(refused, file=sys.stderr)
        return 1
    except (OSError, ValidationError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0
