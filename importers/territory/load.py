"""Loading the territorial backbone: validate everything, then write only what changed."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from graph import names as graph_names
from graph import territory_import as graph_import
from graph.client import GraphBackend, GraphClient
from importers.audit import ImportedFile, ImportRecord
from importers.audit import record as record_import
from importers.problems import ImportRefused, Problem
from importers.progress import Progress
from importers.territory import belgium, hcp, morocco
from importers.territory.records import LEVELS, SourceRecord, TerritoryRecord

BATCH = 1000
T = TypeVar("T")


@dataclass
class LevelCount:
    """What an import did to the units of one level."""

    total: int = 0
    created: int = 0
    updated: int = 0

    @property
    def unchanged(self) -> int:
        """Units that were already there, identical."""
        return self.total - self.created - self.updated


@dataclass
class TerritorySummary:
    """The outcome of one backbone import."""

    levels: dict[str, LevelCount] = field(default_factory=dict)
    names: int = 0
    links: int = 0
    seconds: float = 0.0

    @property
    def changed(self) -> bool:
        """Whether the import wrote anything."""
        return any(c.created or c.updated for c in self.levels.values())

    def lines(self) -> list[str]:
        """A human summary, one line per level."""
        out = [f"{level.lower():<15} {c.total:>5} total  {c.created:>5} created  "
               f"{c.updated:>5} updated  {c.unchanged:>5} unchanged"
               for level, c in self.levels.items()]
        if self.changed:
            out.append(f"wrote {self.names} names and {self.links} links in {self.seconds:.2f} s")
        else:
            out.append(f"nothing changed: the graph already holds this backbone "
                       f"({self.seconds:.2f} s)")
        return out


def backbone() -> tuple[list[TerritoryRecord], list[SourceRecord]]:
    """Every territorial record and source, validated; raise if anything is wrong."""
    problems: list[Problem] = []
    records = morocco.records(problems) + belgium.records(problems)
    seen: set[str] = set()
    for record in records:
        if record.id in seen:
            problems.append(Problem("backbone", record.id, "id", "two units share this id"))
        seen.add(record.id)
    if problems:
        raise ImportRefused(problems)
    return records, [hcp.source(), belgium.source()]


async def import_territory(backend: GraphBackend, quiet: bool = False) -> TerritorySummary:
    """Import the backbone; a second run with the same data writes nothing."""
    records, sources = backbone()
    known = await graph_import.import_hashes(backend)
    changed = [r for r in records if known.get(r.id) != r.import_hash()]
    new_sources = [s for s in sources if known.get(s.id) != s.node_props()["importHash"]]
    summary = TerritorySummary(levels=_count(records, changed, known))
    progress = Progress("territory", _steps(changed, new_sources), quiet=quiet or not changed)
    if changed or new_sources:
        done = _audit_record(records, changed, new_sources, known)
        async with backend.atomic() as unit:
            await _write(unit, changed, new_sources, known, progress, summary)
            await record_import(unit, done)
    summary.seconds = progress.finish()
    return summary


def _audit_record(records: Sequence[TerritoryRecord], changed: Sequence[TerritoryRecord],
                  sources: Sequence[SourceRecord], known: dict[str, str | None]
                  ) -> ImportRecord:
    """The import for the audit trail. The backbone comes from installed packages, not
    files: each package is named with its version and the SHA-256 of its records as
    imported (ids and import hashes)."""
    files = [ImportedFile.of_document(dataset, sorted(
        (r.id, r.import_hash()) for r in records if r.props["country"] == country))
        for dataset, country in ((hcp.DATASET, morocco.COUNTRY_ID),
                                 (belgium.DATASET, belgium.COUNTRY_ID))]
    ids = [r.id for r in changed] + [s.id for s in sources]
    added = sum(1 for i in ids if i not in known)
    return ImportRecord("territory", "territory", files, added, len(ids) - added, 0)


def _count(records: Sequence[TerritoryRecord], changed: Sequence[TerritoryRecord],
           known: dict[str, str | None]) -> dict[str, LevelCount]:
    counts = {level: LevelCount() for level in LEVELS}
    for record in records:
        counts[record.level].total += 1
    for record in changed:
        if record.id in known:
            counts[record.level].updated += 1
        else:
            counts[record.level].created += 1
    return counts


def _steps(changed: Sequence[TerritoryRecord], sources: Sequence[SourceRecord]) -> int:
    return len(sources) + 3 * len(changed)


async def _write(unit: GraphClient, changed: list[TerritoryRecord], sources: list[SourceRecord],
                 known: dict[str, str | None], progress: Progress,
                 summary: TerritorySummary) -> None:
    if sources:
        await graph_import.upsert_sources(
            unit, [{"id": s.id, "props": s.node_props()} for s in sources])
        progress.advance(len(sources), "sources")
    for level in LEVELS:
        of_level = [r for r in changed if r.level == level]
        for batch in _batches(of_level):
            rows = [{"id": r.id, "props": r.node_props()} for r in batch]
            await graph_import.upsert_level(unit, level, rows)
            progress.advance(len(batch), level.lower())
    await _write_names(unit, changed, known, progress, summary)
    await _write_links(unit, changed, known, progress, summary)


async def _write_names(unit: GraphClient, changed: list[TerritoryRecord],
                       known: dict[str, str | None], progress: Progress,
                       summary: TerritorySummary) -> None:
    for batch in _batches(changed):
        rows = [row for r in batch for row in r.name_rows()]
        keep = [{"entityId": r.id, "kind": "official", "keep": [n["id"] for n in r.name_rows()]}
                for r in batch if r.id in known]
        if keep:
            await graph_names.prune_names(unit, keep)
        await graph_names.upsert_names(unit, rows)
        summary.names += len(rows)
        progress.advance(len(batch), "names")


async def _write_links(unit: GraphClient, changed: list[TerritoryRecord],
                       known: dict[str, str | None], progress: Progress,
                       summary: TerritorySummary) -> None:
    existing = [r.id for r in changed if r.id in known]
    for ids in _batches(existing):
        await graph_import.unlink(unit, ids)
    by_relation: dict[str, list[dict[str, str]]] = defaultdict(list)
    for record in changed:
        for relation, target in record.links:
            by_relation[relation].append({"from": record.id, "to": target})
    for relation, rows in by_relation.items():
        for batch in _batches(rows):
            await graph_import.link(unit, relation, batch)
            summary.links += len(batch)
    progress.advance(len(changed), "links")


def _batches(items: Sequence[T], size: int = BATCH) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]
