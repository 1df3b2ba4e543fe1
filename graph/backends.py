"""Choosing and opening the graph backend the settings ask for."""

from __future__ import annotations

from graph.client import GraphBackend
from graph.embedded import EmbeddedGraphServer, running_url
from graph.falkor_backend import FalkorBackend
from graph.neo4j_backend import Neo4jBackend
from settings import Settings


def start_embedded(settings: Settings) -> EmbeddedGraphServer:
    """The embedded graph server on the settings' data directory, started (it blocks until
    the server answers); whoever starts it stops it."""
    server = EmbeddedGraphServer(settings.data_dir, settings.appendfsync,
                                 settings.aof_load_truncated)
    server.start()
    return server


def open_backend(settings: Settings, attach: bool = False) -> GraphBackend:
    """Neo4j if NEO4J_URI is set, a FalkorDB server if FALKORDB_URL is, else the embedded one.

    Starting the embedded server blocks for the few milliseconds it takes; call
    this from the main thread, whose lifetime the server's is tied to. With
    `attach`, command-line tools use the embedded server of a running registry
    on the same data directory instead of refusing to start a second one, and
    wait longer for another process's import to end before writing.
    """
    if settings.neo4j_uri:
        auth = (settings.neo4j_user, settings.neo4j_password) if settings.neo4j_password else None
        return Neo4jBackend(settings.neo4j_uri, auth, settings.neo4j_database,
                            settings.query_timeout_ms)
    url = settings.falkordb_url or (running_url(settings.data_dir) if attach else None)
    server = None
    if url is None:
        server = start_embedded(settings)
        url = server.url
    wait_ms = settings.tool_write_wait_ms if attach else settings.write_wait_ms
    return FalkorBackend.connect(url, settings.graph, settings.query_timeout_ms, server,
                                 wait_ms / 1000)
