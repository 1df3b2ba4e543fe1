"""What the server loads by itself on its first start: the backbone, then the curated files."""

from __future__ import annotations

import logging

from graph import network_import as graph_network
from graph import territory as graph_territory
from graph.client import GraphBackend
from importers.network.load import curated_files, import_network
from importers.territory.load import import_territory

log = logging.getLogger("registry.import")


async def load_if_empty(backend: GraphBackend) -> list[str]:
    """Import the backbone into an empty graph, and each curated file never imported.

    Returns what it loaded. Files already imported are left alone: an operator
    updates them with `python -m importers network`.
    """
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
    return loaded
