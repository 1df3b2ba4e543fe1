"""Statements that put back, after re-importing an export's curated files, what they cannot say.

Properties (a version, a contributor, a patched value), names and source
citations that the files do not carry are set exactly as exported.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, LiteralString

from graph.client import GraphClient

# `SET n += r.props` with a null value removes that property (both backends).
SET_ENTITY_PROPS: LiteralString = (
    "UNWIND $rows AS r MATCH (n:Entity {id: r.id}) SET n += r.props"
)
SET_LINK_PROPS: LiteralString = "UNWIND $rows AS r MATCH (n:Link {id: r.id}) SET n += r.props"
DROP_NAMES: LiteralString = "UNWIND $ids AS id MATCH (k:Name {id: id}) DETACH DELETE k"
ADD_ENTITY_SOURCES: LiteralString = (
    "UNWIND $rows AS r MATCH (x:Entity {id: r.id}) MATCH (s:Entity {id: r.sourceId}) "
    "WHERE s:Source MERGE (x)-[:SOURCED_FROM]->(s)"
)
ADD_LINK_SOURCES: LiteralString = (
    "UNWIND $rows AS r MATCH (x:Link {id: r.id}) MATCH (s:Entity {id: r.sourceId}) "
    "WHERE s:Source MERGE (x)-[:SOURCED_FROM]->(s)"
)
DROP_ENTITY_SOURCES: LiteralString = (
    "UNWIND $rows AS r MATCH (:Entity {id: r.id})-[c:SOURCED_FROM]->(s:Source) "
    "WHERE s.id = r.sourceId DELETE c"
)
DROP_LINK_SOURCES: LiteralString = (
    "UNWIND $rows AS r MATCH (:Link {id: r.id})-[c:SOURCED_FROM]->(s:Source) "
    "WHERE s.id = r.sourceId DELETE c"
)


async def set_properties(db: GraphClient, rows: Sequence[dict[str, Any]], links: bool) -> None:
    """Set (or, with None, remove) properties of entities or links (rows: id, props)."""
    if rows:
        await db.write(SET_LINK_PROPS if links else SET_ENTITY_PROPS, {"rows": list(rows)})


async def drop_names(db: GraphClient, ids: Sequence[str]) -> None:
    """Remove names by id."""
    if ids:
        await db.write(DROP_NAMES, {"ids": list(ids)})


async def add_sources(db: GraphClient, rows: Sequence[dict[str, str]], links: bool) -> None:
    """Cite sources (rows: id, sourceId); an existing citation is kept once."""
    if rows:
        await db.write(ADD_LINK_SOURCES if links else ADD_ENTITY_SOURCES, {"rows": list(rows)})


async def drop_sources(db: GraphClient, rows: Sequence[dict[str, str]], links: bool) -> None:
    """Remove citations (rows: id, sourceId)."""
    if rows:
        await db.write(DROP_LINK_SOURCES if links else DROP_ENTITY_SOURCES,
                       {"rows": list(rows)})
