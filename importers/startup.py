"""What the server loads by itself on its first start: the backbone, the curated files,
then the public datasets (World Bank projects, Wikipedia's twinnings), then the five seed
articles' sources and mentions."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from graph import network_import as graph_network
from graph import territory as graph_territory
from graph.client import GraphBackend
from importers.articles.load import SEED_ORIGIN, import_seed_articles
from importers.audit import os_user, run_by
from importers.network.load import curated_files, import_network
from importers.territory.load import import_territory
from importers.twinnings import dataset as twinnings_dataset
from importers.twinnings.load import import_twinnings
from importers.worldbank import ORIGIN as WORLDBANK_ORIGIN
from importers.worldbank import import_worldbank

# Each dataset by the origin its import records, in loading order (the twinnings complete
# the articles' twinnings, so they come after the curated files).
DATASETS: tuple[tuple[str, Callable[[GraphBackend], Awaitable[Any]]], ...] = (
    (WORLDBANK_ORIGIN, import_worldbank),
    (twinnings_dataset.DATASET.name, import_twinnings),
    # Last: their mentions are matched against every name loaded before.
    (SEED_ORIGIN, import_seed_articles),
)

log = logging.getLogger("registry.import")


async def load_if_empty(backend: GraphBackend) -> list[str]:
    """Import the backbone into an empty graph, and each curated file never imported.

    Returns what it loaded. Files and datasets already imported are left alone: an
    operator updates them with `python -m importers network | worldbank | twinnings`.
    Each import is in the audit trail as made by the registry's first start.
    """
    with run_by(f"registry first start (OS user {os_user()})"):
        return await _load(backend)


async def _load(backend: GraphBackend) -> list[str]:
    loaded: list[str] = []
    if not await graph_territory.counts_by_level(backend):
        log.info("empty graph: loading the territorial backbone (HCP, Statbel)")
        summary = await import_territory(backend)
        loaded.append("territory")
        for line in summary.lines():
            log.info("%s", line)
    for path in curated_files():
        if await graph_network.origin_hashes(backend, path.name):
            continue
        log.info("loading curated network file %s", path.name)
        network = await import_network(backend, path)
        loaded.append(path.name)
        for line in network.lines():
            log.info("%s", line)
    for origin, load in DATASETS:
        if await graph_network.origin_hashes(backend, origin):
            continue
        log.info("loading dataset %s", origin)
        summary = await load(backend)
        loaded.append(origin)
        for line in summary.lines():
            log.info("%s", line)
    return loaded
