"""Importing curated network files: validate all, resolve all, then write all or nothing."""

from __future__ import annotations

import asyncio
from collections import Counter, defaultdict
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from operator import itemgetter
from pathlib import Path
from typing import Any

from graph import names as graph_names
from graph import network_import as graph_import
from graph.client import GraphBackend, GraphClient
from importers.audit import ImportedFile, ImportRecord
from importers.audit import record as record_import
from importers.memory import collector_paused
from importers.network.parse import ParsedFile, parse_document, parse_file
from importers.network.resolve import defined_ids, resolve
from importers.network.rows import Rows, build_rows
from importers.problems import ImportRefused, Problem
from importers.progress import Progress

DATA_DIR = Path(__file__).resolve().parents[2] / "data" / "network"
BATCH = 2_000
EXISTS_BATCH = 20_000


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
    done = ImportRecord("network", path.name, [ImportedFile.of(path)])
    with collector_paused():
        return await _import_rows(backend, path.name, await prepare(backend, path), quiet,
                                  done)


@dataclass
class ExtraStep:
    """An importer's own writes, kept in the same atomic unit as a document's rows.

    `before` runs first and the document is then resolved inside the unit, so its
    records may name what `before` writes (a dataset's foreign units); `after` runs
    last. `pending`: whether they have anything to write; when not, the document is
    imported as usual (nothing written if it is unchanged too).
    """

    pending: bool
    before: Callable[[GraphClient], Awaitable[None]] | None = None
    after: Callable[[GraphClient], Awaitable[None]] | None = None


async def import_document(backend: GraphBackend, name: str, document: dict[str, Any],
                          quiet: bool = False, extra: ExtraStep | None = None,
                          done: ImportRecord | None = None) -> NetworkSummary:
    """Import a curated document built in memory (a dataset converted to the format) as
    origin `name`, with the same rules as a file: all or nothing, idempotent. `done`
    names the importer and the files it read, for the audit trail."""
    problems: list[Problem] = []
    parsed = parse_document(name, document, problems)
    done = done or ImportRecord("network", name, [ImportedFile.of_document(name, document)])
    with collector_paused():
        if extra is not None and extra.pending:
            return await _import_with(backend, name, parsed, problems, quiet, extra, done)
        return await _import_rows(backend, name, await _prepared(backend, parsed, problems),
                                  quiet, done)


async def import_documents(backend: GraphBackend, documents: Sequence[tuple[str, dict[str, Any]]],
                           quiet: bool = False, importer: str = "network"
                           ) -> list[NetworkSummary]:
    """Several documents built in memory, each under its own origin (`name`), validated
    and resolved first, then written as one unit (one audit record per changed
    document, as `importer`): all or nothing; an unchanged document writes nothing."""
    problems: list[Problem] = []
    parsed = [(name, document, parse_document(name, document, problems))
              for name, document in documents]
    progress = Progress(importer, 1, quiet=quiet)
    with collector_paused():
        summaries, pending = [], []
        for name, document, one in parsed:
            rows = await _prepared(backend, one, problems)
            summary, known, stale = await _compared(backend, name, rows)
            summaries.append(summary)
            if summary.changed:
                done = ImportRecord(importer, name, [ImportedFile.of_document(name, document)])
                done.count(known, rows.hashes(), len(stale))
                pending.append((name, rows, stale, done))
        progress.total = 1 + sum(_write_steps(rows, stale) for _, rows, stale, _ in pending)
        progress.advance(1, "validated")
        if pending:
            async with backend.atomic() as unit:
                for name, rows, stale, done in pending:
                    await _write(unit, name, rows, stale, progress)
                    await record_import(unit, done)
    seconds = progress.finish()
    for summary in summaries:
        summary.seconds = seconds
    return summaries


async def _import_with(backend: GraphBackend, origin: str, parsed: ParsedFile,
                       problems: list[Problem], quiet: bool, extra: ExtraStep,
                       done: ImportRecord) -> NetworkSummary:
    """A document and an importer's extra writes as one unit: a problem found while
    resolving inside it undoes `before` too; otherwise everything is written."""
    progress = Progress(f"network {origin}", 1, quiet=quiet)
    async with backend.atomic() as unit:
        if extra.before is not None:
            await extra.before(unit)
        rows = await _prepared(unit, parsed, problems)
        summary, known, stale = await _compared(unit, origin, rows)
        progress.total = 1 + _write_steps(rows, stale)
        progress.advance(1, "validated")
        if summary.changed:
            await _write(unit, origin, rows, stale, progress)
        summary.changed = True  # the importer's own steps write in any case
        if extra.after is not None:
            await extra.after(unit)
        done.count(known, rows.hashes(), len(stale))
        await record_import(unit, done)
    summary.seconds = progress.finish()
    return summary


async def _import_rows(backend: GraphBackend, origin: str, rows: Rows,
                       quiet: bool, done: ImportRecord) -> NetworkSummary:
    progress = Progress(f"network {origin}", 1, quiet=quiet)
    summary, known, stale = await _compared(backend, origin, rows)
    progress.total = 1 + (_write_steps(rows, stale) if summary.changed else 0)
    progress.advance(1, "validated")
    if summary.changed:
        done.count(known, rows.hashes(), len(stale))
        async with backend.atomic() as unit:
            await _write(unit, origin, rows, stale, progress)
            await record_import(unit, done)
    summary.seconds = progress.finish()
    return summary


async def prepare(db: GraphClient, path: Path) -> Rows:
    """Parse, validate and resolve a file into rows; raise ImportRefused on any problem."""
    problems: list[Problem] = []
    return await _prepared(db, parse_file(path, problems), problems)


async def _prepared(db: GraphClient, parsed: ParsedFile, problems: list[Problem]) -> Rows:
    defined = defined_ids(parsed, problems)
    resolved = await resolve(db, parsed, defined, problems)
    rows = build_rows(parsed, resolved, problems)
    if problems:
        raise ImportRefused(problems)
    return rows


async def _write(unit: GraphClient, origin: str, rows: Rows, stale: list[str],
                 progress: Progress) -> None:
    # Sources first: the other rows' SOURCED_FROM edges point at them.
    for label in ("Source", *sorted(set(rows.entities) - {"Source"})):
        await _in_turn(unit, _batches(rows.entities.get(label, [])), progress, "entities",
                       partial(graph_import.upsert_entities, unit, label))
    await _write_names(unit, rows, progress)
    parties: dict[str, list[dict[str, str]]] = defaultdict(list)
    for party in rows.parties:
        parties[party["linkId"]].append(party)
    existing: set[str] = set()
    for ids in _batches([row["id"] for row in rows.links], EXISTS_BATCH):
        existing |= await graph_import.existing_links(unit, ids)
    await _in_turn(unit, _batches(_new_links(rows, parties, existing)), progress, "links",
                   partial(graph_import.create_links, unit))
    old = [row for row in rows.links if row["id"] in existing]
    await _in_turn(unit, _batches(old), progress, "links",
                   lambda links: graph_import.upsert_links(
                       unit, links, [p for row in links for p in parties[row["id"]]]))
    entity_ids = [row["id"] for group in rows.entities.values() for row in group]
    await _in_turn(unit, _batches(entity_ids), progress, "sources",
                   lambda batch: graph_import.clear_sources(unit, batch))
    await _in_turn(unit, _batches(rows.entity_sources), progress, "sources",
                   lambda batch: graph_import.add_sources(unit, batch, []))
    # The sources of links already in the graph (new links got theirs when created), in
    # source order, so a batch holds few sources, each with many links.
    by_source = sorted((row for row in rows.link_sources if row["id"] in existing),
                       key=itemgetter("sourceId"))
    progress.total -= len(_batches(rows.link_sources)) - len(_batches(by_source))
    await _in_turn(unit, _batches(by_source), progress, "sources",
                   lambda batch: graph_import.add_sources(unit, [], batch))
    await _in_turn(unit, _batches(stale), progress, "stale removed",
                   lambda batch: graph_import.drop_stale(unit, origin, batch))


def _new_links(rows: Rows, parties: dict[str, list[dict[str, str]]],
               existing: set[str]) -> list[dict[str, Any]]:
    """Rows for `create_links`: the links not in the graph, with parties and sources.

    Empty properties are left out: a new node has none to clear, and a million links
    each carrying `until: null` and the like cost the encoder and the server's parser.
    """
    sources: dict[str, list[str]] = defaultdict(list)
    for row in rows.link_sources:
        sources[row["id"]].append(row["sourceId"])
    return [{"id": row["id"],
             "props": {key: value for key, value in row["props"].items() if value is not None},
             "parties": [{"slot": p["slot"], "entityId": p["entityId"]}
                         for p in parties[row["id"]]],
             "sources": sources[row["id"]]}
            for row in rows.links if row["id"] not in existing]


async def _write_names(unit: GraphClient, rows: Rows, progress: Progress) -> None:
    keep: dict[tuple[str, str], list[str]] = {}
    for name in rows.names:
        keep.setdefault((name["entityId"], name["kind"]), []).append(name["id"])
    entity_ids = [row["id"] for group in rows.entities.values() for row in group]
    prune = [{"entityId": entity_id, "kind": kind, "keep": keep.get((entity_id, kind), [])}
             for entity_id in entity_ids for kind in ("official", "alias")]
    await _in_turn(unit, _batches(prune), progress, "names",
                   lambda batch: graph_names.prune_names(unit, batch))
    await _in_turn(unit, _batches(rows.names), progress, "names",
                   lambda batch: graph_names.upsert_names(unit, batch))


def _write_steps(rows: Rows, stale: list[str]) -> int:
    """How many batches `_write` writes (the progress bar's steps)."""
    entities = sum(len(_batches(group)) for group in rows.entities.values())
    entity_count = sum(len(group) for group in rows.entities.values())
    return (entities + len(_batches(rows.names)) + len(_batches([None] * 2 * entity_count))
            + len(rows.links) // BATCH + 2 + len(_batches([None] * entity_count))
            + len(_batches(rows.entity_sources)) + len(_batches(rows.link_sources))
            + len(_batches(stale)))


async def _in_turn(unit: GraphClient, batches: Sequence[Sequence[Any]], progress: Progress,
                   note: str, write: Callable[[Sequence[Any]], Awaitable[None]]) -> None:
    """Write independent batches in order, several in flight when the client allows it.

    With two in flight (FalkorDB clients), the next batch's statement is built while
    the server runs the previous one, which it does one write at a time; a Neo4j
    transaction takes one statement at a time (the client's `write_concurrency`).
    """
    limit = max(1, unit.write_concurrency)
    pending: set[asyncio.Future[None]] = set()
    try:
        for batch in batches:
            if len(pending) >= limit:
                done, pending = await asyncio.wait(pending,
                                                   return_when=asyncio.FIRST_COMPLETED)
                for task in done:
                    task.result()
                progress.advance(len(done), note)
            pending.add(asyncio.ensure_future(write(batch)))
        if pending:
            done, pending = await asyncio.wait(pending)
            for task in done:
                task.result()
            progress.advance(len(done), note)
    finally:
        for task in pending:
            task.cancel()
        if pending:
            await asyncio.gather(*pending, return_exceptions=True)


async def _compared(db: GraphClient, origin: str, rows: Rows
                    ) -> tuple[NetworkSummary, dict[str, str | None], list[str]]:
    """The rows' summary against what the graph holds under `origin` (`changed` when the
    import hashes differ), those hashes, and the ids the rows no longer hold."""
    summary = _summarise(origin, rows)
    known = await graph_import.origin_hashes(db, origin)
    hashes = rows.hashes()
    stale = sorted(set(known) - set(hashes))
    summary.removed, summary.changed = len(stale), known != hashes
    return summary, known, stale


def _summarise(file: str, rows: Rows) -> NetworkSummary:
    summary = NetworkSummary(file)
    for label, group in rows.entities.items():
        summary.entities[label] = len(group)
    summary.links.update(row["props"]["kind"] for row in rows.links)
    summary.names = len(rows.names)
    return summary


def _batches(rows: Sequence[Any], size: int = BATCH) -> list[Sequence[Any]]:
    return [rows[i:i + size] for i in range(0, len(rows), size)]
