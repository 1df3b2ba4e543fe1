"""Importing curated network files: validate all, resolve all, then write all or nothing."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph import names as graph_names
from graph import network_import as graph_import
from graph.client import GraphBackend, GraphClient
from importers.network.parse import parse_file
from importers.network.resolve import defined_ids, resolve
from importers.network.rows import Rows, build_rows
from importers.problems import ImportRefused, Problem
from importers.progress import Progress

DATA_DIR = Path(__file__).resolve().parents[2] / "data" / "network"
BATCH = 2_000


@dataclass
class NetworkSummary:
    """What importing one curated file did."""

    file: str
    entities: Counter[str] = field(default_factory=Counter)
    links: Counter[str] = field(default_factory=Counter)
    names: int = 0
    removed: int = 0
    changed: bool = False
    seconds: float = 0.0

    def lines(self) -> list[str]:
        """A human summary, one line per fact."""
        state = "imported" if self.changed else "unchanged, nothing written"
        return [
            f"network {self.file}: {state} in {self.seconds:.2f} s",
            "  entities: " + ", ".join(f"{n} {k}" for k, n in sorted(self.entities.items())),
            "  links: " + ", ".join(f"{n} {k}" for k, n in sorted(self.links.items())),
            f"  names: {self.names}; removed since last import: {self.removed}",
        ]


def curated_files(directory: Path = DATA_DIR) -> list[Path]:
    """The curated files shipped with the registry, in name order."""
    return sorted([*directory.glob("*.yaml"), *directory.glob("*.json")])


async def import_network(backend: GraphBackend, path: Path,
                         quiet: bool = False) -> NetworkSummary:
    """Import one curated file; refuse it whole, writing nothing, if anything is wrong."""
    progress = Progress(f"network {path.name}", 6, quiet=quiet)
    rows = await prepare(backend, path)
    progress.advance(1, "validated")
    summary = _summarise(path.name, rows)
    known = await graph_import.origin_hashes(backend, path.name)
    hashes = rows.hashes()
    summary.removed = len(set(known) - set(hashes))
    if known != hashes:
        summary.changed = True
        async with backend.atomic() as unit:
            await _write(unit, path.name, rows, progress)
    summary.seconds = progress.finish()
    return summary


async def prepare(db: GraphClient, path: Path) -> Rows:
    """Parse, validate and resolve a file into rows; raise ImportRefused on any problem."""
    problems: list[Problem] = []
    parsed = parse_file(path, problems)
    defined = defined_ids(parsed, problems)
    resolved = await resolve(db, parsed, defined, problems)
    rows = build_rows(parsed, resolved, problems)
    if problems:
        raise ImportRefused(problems)
    return rows


async def _write(unit: GraphClient, origin: str, rows: Rows, progress: Progress) -> None:
    # Sources first: the other rows' SOURCED_FROM edges point at them.
    for label in ("Source", *sorted(set(rows.entities) - {"Source"})):
        for batch in _batches(rows.entities.get(label, [])):
            await graph_import.upsert_entities(unit, label, batch)
    progress.advance(1, "entities")
    await _write_names(unit, rows)
    progress.advance(1, "names")
    parties: dict[str, list[dict[str, str]]] = defaultdict(list)
    for party in rows.parties:
        parties[party["linkId"]].append(party)
    for links in _batches(rows.links):
        await graph_import.upsert_links(
            unit, links, [p for row in links for p in parties[row["id"]]])
    progress.advance(1, "links")
    entity_ids = [row["id"] for group in rows.entities.values() for row in group]
    link_ids = [row["id"] for row in rows.links]
    for start in range(0, max(len(entity_ids), len(link_ids)), BATCH):
        await graph_import.clear_sources(unit, entity_ids[start:start + BATCH],
                                         link_ids[start:start + BATCH])
    for batch in _batches(rows.entity_sources):
        await graph_import.add_sources(unit, batch, [])
    for batch in _batches(rows.link_sources):
        await graph_import.add_sources(unit, [], batch)
    progress.advance(1, "sources")
    await graph_import.drop_stale(unit, origin, list(rows.hashes()))
    progress.advance(1, "stale removed")


async def _write_names(unit: GraphClient, rows: Rows) -> None:
    keep: dict[tuple[str, str], list[str]] = {}
    for name in rows.names:
        keep.setdefault((name["entityId"], name["kind"]), []).append(name["id"])
    entity_ids = [row["id"] for group in rows.entities.values() for row in group]
    prune = [{"entityId": entity_id, "kind": kind, "keep": keep.get((entity_id, kind), [])}
             for entity_id in entity_ids for kind in ("official", "alias")]
    for batch in _batches(prune):
        await graph_names.prune_names(unit, batch)
    for batch in _batches(rows.names):
        await graph_names.upsert_names(unit, batch)


def _summarise(file: str, rows: Rows) -> NetworkSummary:
    summary = NetworkSummary(file)
    for label, group in rows.entities.items():
        summary.entities[label] = len(group)
    summary.links.update(row["props"]["kind"] for row in rows.links)
    summary.names = len(rows.names)
    return summary


def _batches(rows: Sequence[Any]) -> list[Sequence[Any]]:
    return [rows[i:i + BATCH] for i in range(0, len(rows), BATCH)]
