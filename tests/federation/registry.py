"""The registry as the federation tests serve it: the backbone plus the curated network."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from graph.embedded import EmbeddedGraphServer
from importers.network.load import curated_files, import_network
from tests.conftest import backend_for, copy_graph, run, settings_for
from tests.live import LiveServer


def network_graph(server: EmbeddedGraphServer, backbone_template: str) -> str:
    """A fresh graph holding the backbone and every curated file shipped in data/."""
    graph = copy_graph(server, backbone_template)

    async def load() -> None:
        backend = backend_for(server, graph)
        try:
            for path in curated_files():
                await import_network(backend, path, quiet=True)
        finally:
            await backend.close()
    run(load())
    return graph


@contextmanager
def registry_with_network(server: EmbeddedGraphServer, backbone_template: str
                          ) -> Iterator[LiveServer]:
    """The registry over HTTP (round trips traced) on a backbone + network graph."""
    with LiveServer(settings_for(server, network_graph(server, backbone_template))) as live:
        yield live
