"""A whole Neo4j database read into plain rows and written back: copies between databases.

FalkorDB copies a graph with `GRAPH.COPY`; a Neo4j Community server holds one
database, so a copy of a graph is its rows, loaded into another server's emptied
database. Used by the tests to give each test a graph of its own on Neo4j.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from graph import dialect
from graph.client import GraphClient

BATCH = 5_000


@dataclass
class GraphRows:
    """Every node (labels, properties) and relationship (ends, type, properties)."""

    nodes: list[dict[str, Any]] = field(default_factory=list)
    relationships: list[dict[str, Any]] = field(default_factory=list)


async def read_all(db: GraphClient) -> GraphRows:
    """The whole database as rows keyed by element ids (valid only within this read)."""
    return GraphRows(await db.read(dialect.NEO4J_ALL_NODES),
                     await db.read(dialect.NEO4J_ALL_RELATIONSHIPS))


async def replace_all(db: GraphClient, rows: GraphRows) -> None:
    """Empty the database, then write `rows` into it (schema objects are kept)."""
    await db.write(dialect.NEO4J_DELETE_ALL)
    await db.write(dialect.NEO4J_COPY_KEY_INDEX)
    for start in range(0, len(rows.nodes), BATCH):
        await db.write(dialect.NEO4J_CREATE_NODES, {"rows": rows.nodes[start:start + BATCH]})
    for start in range(0, len(rows.relationships), BATCH):
        await db.write(dialect.NEO4J_CREATE_RELATIONSHIPS,
                       {"rows": rows.relationships[start:start + BATCH]})
    await db.write(dialect.NEO4J_FORGET_COPY_KEYS)
