"""What the server loads by itself on its first start with an empty graph."""

from __future__ import annotations

import logging

from graph import territory as graph_territory
from graph.client import GraphBackend
from importers.territory.load import import_territory

log = logging.getLogger("registry.import")


async def load_if_empty(backend: GraphBackend) -> bool:
    """Import the territorial backbone when the graph holds none; say whether it did."""
    if await graph_territory.counts_by_level(backend):
        return False
    log.info("empty graph: loading the territorial backbone (HCP, Statbel)")
    summary = await import_territory(backend)
    for line in summary.lines():
        log.info("%s", line)
    return True
