"""`python -m importers twinnings`: Wikipedia's twin-town lists, resolved and imported.

Every row and alias is validated before anything is written (a problem refuses the
import, naming file, row and field). Pairs are then resolved side by side
(`resolve.py`); an unresolved side is reported with its candidates and its pair left
out. The rest is one atomic unit: the foreign units the pairs need (through the
territory import's statements), the GeoNames ids of the Belgian partners, the curated
document (a source per list page, a twinning per pair: the network importer's
validation, resolution and write), and this dataset's citation on twinnings another
origin already states (an article's Berkane–Saint-Gilles stays one twinning, now with
both sources). A second run with the same data writes nothing.
"""

from __future__ import annotations

import asyncio
import dataclasses
import multiprocessing
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from domain.names import name_key
from graph import network_import as graph_network
from graph import territory as graph_territory
from graph import territory_import as graph_units
from graph.client import GraphBackend, GraphClient
from graph.errors import GraphError
from importers.audit import ImportedFile, ImportRecord
from importers.network.load import ExtraStep, NetworkSummary, import_document
from importers.problems import ImportRefused, Problem
from importers.progress import Progress
from importers.territory import foreign
from importers.territory.records import SourceRecord, TerritoryRecord
from importers.twinnings import dataset as data
from importers.twinnings.backbone import belgian_municipalities, moroccan_units
from importers.twinnings.document import Pair, belgian_ids, document, foreign_records, pairs_of
from importers.twinnings.gazetteer import PACKAGE, read_countries, read_places
from importers.twinnings.report import TwinningsSummary
from importers.twinnings.resolve import Outcome, Resolver, alias_problems


@dataclass
class Plan:
    """Everything resolved from the dataset, before touching the graph."""

    origin: str
    outcomes: list[Outcome]
    pairs: list[Pair]
    records: list[TerritoryRecord] = field(default_factory=list)
    belgian: dict[str, int] = field(default_factory=dict)


def resolver_for(rows: list[data.Row], table: data.AliasTable) -> Resolver:
    """A resolver holding the backbone's units and the gazetteer places the rows and
    aliases may name (read from the packages: a few seconds)."""
    resolver = Resolver(table, moroccan_units(), belgian_municipalities(), read_countries(), [])
    keys: dict[str, set[str]] = {}
    for row in rows:
        iso = resolver.country(row.data.foreign_country)
        if iso is not None:
            keys.setdefault(iso, set()).add(name_key(row.data.foreign_city))
    for alias in table.foreign:
        keys.setdefault(alias.country, set()).add(name_key(alias.alias))
    places = read_places(keys, {alias.geonamesId for alias in table.foreign})
    return dataclasses.replace(resolver, places=places, by_country={})


def make_plan(csv_path: Path = data.DATASET, aliases_path: Path = data.ALIASES) -> Plan:
    """Validate the dataset and the alias table, then resolve every row; raise
    ImportRefused, writing nothing, on any problem with either file."""
    problems: list[Problem] = []
    rows = data.read_rows(csv_path, problems)
    table = data.read_aliases(aliases_path, problems)
    if problems:
        raise ImportRefused(problems)
    resolver = resolver_for(rows, table)
    problems.extend(alias_problems(resolver, aliases_path.name))
    if problems:
        raise ImportRefused(problems)
    outcomes = [resolver.outcome(row) for row in rows]
    pairs = pairs_of(outcomes)
    return Plan(csv_path.name, outcomes, pairs, foreign_records(pairs, resolver.countries),
                belgian_ids(pairs))


def _plan_apart(csv_path: Path, aliases_path: Path) -> Plan:
    """`make_plan` in a process of its own: reading the gazetteer peaks at about 380 MB,
    which a long-running server (this runs at its first start) would otherwise keep."""
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        return pool.submit(make_plan, csv_path, aliases_path).result()


async def import_twinnings(backend: GraphBackend, quiet: bool = False,
                           csv_path: Path = data.DATASET,
                           aliases_path: Path = data.ALIASES) -> TwinningsSummary:
    """Import the twinnings dataset (after the backbone); nothing changes on a second run."""
    progress = Progress("twinnings", 3, quiet=quiet)
    plan = await asyncio.to_thread(_plan_apart, csv_path, aliases_path)
    progress.advance(2, "validated and resolved")
    if not await graph_territory.counts_by_level(backend):
        raise GraphError("the territorial backbone is not loaded: run "
                         "`python -m importers territory` first")
    existing = await graph_network.twinnings_between(
        backend, [(p.moroccan, p.foreign) for p in plan.pairs], plan.origin)
    merged = [p for p in plan.pairs if (p.moroccan, p.foreign) in existing]
    curated = document([p for p in plan.pairs if (p.moroccan, p.foreign) not in existing],
                       merged)
    known = await graph_units.import_hashes(backend)
    extra = await _extra_step(backend, plan, curated["sources"], merged, existing, known)
    done = ImportRecord("twinnings", plan.origin,
                        [ImportedFile.of(csv_path), ImportedFile.of(aliases_path)])
    network = await import_document(backend, plan.origin, curated, quiet=True, extra=extra,
                                    done=done)
    progress.advance(1, "written" if network.changed else "unchanged")
    return TwinningsSummary(
        file=plan.origin, outcomes=plan.outcomes, pairs=len(plan.pairs),
        merged={f"{p.moroccan} – {p.foreign}": existing[(p.moroccan, p.foreign)]
                for p in merged},
        units=Counter(r.props["country"] for r in plan.records if r.level == "MUNICIPALITY"),
        created=Counter(r.props["country"] for r in plan.records
                        if r.level == "MUNICIPALITY" and r.id not in known),
        network=network, seconds=progress.finish())


async def _extra_step(backend: GraphBackend, plan: Plan, sources: list[dict[str, str]],
                      merged: list[Pair], existing: dict[tuple[str, str], list[str]],
                      known: dict[str, str | None]) -> ExtraStep:
    """What the import writes beside the curated document, in the same unit."""
    source_ids = [s["id"] for s in sources]
    citations = sorted({(link_id, source_id) for pair in merged
                        for link_id in existing[(pair.moroccan, pair.foreign)]
                        for source_id in pair.sources})
    cited = await graph_network.origin_citations(backend, plan.origin, source_ids)
    held = await graph_units.gazetteer_ids(backend, list(plan.belgian))
    belgian = [{"id": unit_id, "geonamesId": geonames_id}
               for unit_id, geonames_id in sorted(plan.belgian.items())
               if held.get(unit_id) != geonames_id]
    gazetteer = foreign.source(PACKAGE)
    units = foreign.changed(plan.records, known) or \
        known.get(gazetteer.id) != gazetteer.node_props()["importHash"]

    async def before(unit: GraphClient) -> None:
        await foreign.write_units(unit, plan.records, [gazetteer], known)
        if belgian:
            await graph_units.set_gazetteer_ids(unit, belgian)

    async def after(unit: GraphClient) -> None:
        if set(citations) != cited:
            await graph_network.replace_origin_citations(unit, plan.origin, source_ids,
                                                         citations)

    pending = bool(units or belgian or set(citations) != cited)
    return ExtraStep(pending, before, after)


__all__ = ["NetworkSummary", "Plan", "TwinningsSummary", "import_twinnings", "make_plan"]


def gazetteer_units() -> tuple[list[TerritoryRecord], SourceRecord]:
    """The foreign units the dataset's resolved pairs need, and the gazetteer's source: as
    an import writes them (for the export's prediction and a restore)."""
    return make_plan().records, foreign.source(PACKAGE)


async def restore_gazetteer_units(backend: GraphBackend) -> int:
    """Write the foreign units the dataset gives (before documents that name them)."""
    records, gazetteer = await asyncio.to_thread(gazetteer_units)
    known = await graph_units.import_hashes(backend)
    async with backend.atomic() as unit:
        await foreign.write_units(unit, records, [gazetteer], known)
    return len(records)
