"""Importing the World Bank's projects: read and check everything, resolve the places, then
import the whole as one curated document (all or nothing, idempotent)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from graph import network_import as graph_import
from graph.client import GraphBackend
from importers.audit import ImportedFile, ImportRecord
from importers.network.load import import_document
from importers.problems import ImportRefused, Problem
from importers.progress import Progress
from importers.worldbank import document
from importers.worldbank.checks import check
from importers.worldbank.places import Place, Resolution, resolve_places
from importers.worldbank.rows import (
    DATA_DIR,
    LOCATIONS,
    PROJECTS,
    LocationRow,
    ProjectRow,
    Rows,
    read,
)
from importers.worldbank.summary import Unresolved, WorldBankSummary
from importers.worldbank.tables import AGENCIES, PLACES, REGIONS, Tables, load


async def import_worldbank(backend: GraphBackend, quiet: bool = False,
                           directory: Path = DATA_DIR) -> WorldBankSummary:
    """Import data/datasets/worldbank-morocco-*.csv; refuse it whole, writing nothing, if any
    row, table or reference is wrong. Places that do not resolve are reported, not linked."""
    progress = Progress("worldbank", 4, quiet=quiet)
    problems: list[Problem] = []
    tables = load(problems, directory)
    projects = read(directory / PROJECTS, ProjectRow, problems)
    locations = read(directory / LOCATIONS, LocationRow, problems)
    progress.advance(1, "read")
    problems += check(projects, locations, tables)
    if problems:
        raise ImportRefused(problems)
    progress.advance(1, "validated")
    places = [Place(row.geo_loc_name, row.admin_unit1_name) for _, row in locations.valid]
    resolutions = await resolve_places(backend, places, tables)
    progress.advance(1, "places resolved")
    rows = [project for _, project in projects.valid]
    built = document.build(rows, [row for _, row in locations.valid], resolutions, tables)
    before = await graph_import.origin_hashes(backend, document.ORIGIN)
    progress.advance(1, "document built")
    progress.finish()
    files = [ImportedFile.of(directory / name)
             for name in (PROJECTS, LOCATIONS, AGENCIES, REGIONS, PLACES)]
    network = await import_document(backend, document.ORIGIN, built, quiet=quiet,
                                    done=ImportRecord("worldbank", document.ORIGIN, files))
    after = await graph_import.origin_hashes(backend, document.ORIGIN)
    summary = _summary(projects, locations, tables, resolutions, built)
    summary.programmes = _changes(before, after, "programme:")
    summary.network = network
    return summary


def _summary(projects: Rows, locations: Rows, tables: Tables,
             resolutions: dict[Place, Resolution], built: document.Record) -> WorldBankSummary:
    summary = WorldBankSummary(rows={projects.file: len(projects.valid),
                                     locations.file: len(locations.valid)},
                               projects=len(projects.valid),
                               location_rows=len(locations.valid),
                               texts=projects.texts + locations.texts)
    _agencies(summary, [project for _, project in projects.valid], tables)
    summary.links.update({role: 0 for role in ("FUNDER", "IMPLEMENTER", "ACCOUNTABLE")})
    summary.links.update(link["role"] for link in built["participations"])
    summary.unfunded.update(p.status.value for _, p in projects.valid if not document.funded(p))
    for label, row in locations.valid:
        resolution = resolutions[Place(row.geo_loc_name, row.admin_unit1_name)]
        if resolution.unit is not None:
            summary.resolved[resolution.unit["level"].lower()] += 1
        else:
            summary.unresolved.append(Unresolved(locations.file, label, row.geo_loc_name or "",
                                                 resolution.reason, resolution.candidates))
    summary.place_links = len(built["programmePlaces"])
    return summary


def _agencies(summary: WorldBankSummary, projects: list[ProjectRow], tables: Tables) -> None:
    spellings = {text for p in projects for text in (p.impagency, p.borrower) if text}
    by_agency: dict[str, list[str]] = {}
    for text in sorted(spellings):
        for agency in tables.agencies_named(text):
            by_agency.setdefault(agency.id, []).append(text)
    registry = {agency.id for agency in tables.agencies if agency.registry}
    summary.spellings = len(spellings)
    summary.organisations = len(by_agency)
    summary.in_registry = len(registry & set(by_agency))
    summary.merges = {i: texts for i, texts in sorted(by_agency.items()) if len(texts) > 1}


def _changes(before: dict[str, str | None], after: dict[str, str | None],
             prefix: str) -> Counter[str]:
    """Created, updated, unchanged and removed nodes whose id starts with `prefix`."""
    ids = {i for i in (*before, *after) if i.startswith(prefix)}
    changes: Counter[str] = Counter()
    for node_id in ids:
        if node_id not in before:
            changes["created"] += 1
        elif node_id not in after:
            changes["removed"] += 1
        else:
            changes["updated" if before[node_id] != after[node_id] else "unchanged"] += 1
    return changes
