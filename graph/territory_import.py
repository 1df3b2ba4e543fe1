"""Writing the territorial backbone: nodes per level, hierarchy links, sources.

Each level has its own statement because labels cannot be parameters; the
labels come from this module's allowlist, keyed by the level name.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, LiteralString

from graph.client import GraphClient

_SET_PROPS: LiteralString = " SET n += r.props"

UPSERT_BY_LEVEL: dict[str, LiteralString] = {
    "COUNTRY": "UNWIND $rows AS r MERGE (n:Entity:Territory:Country {id: r.id})" + _SET_PROPS,
    "REGION": "UNWIND $rows AS r MERGE (n:Entity:Territory:Collectivity:Region {id: r.id})"
    + _SET_PROPS,
    "PROVINCE": "UNWIND $rows AS r MERGE (n:Entity:Territory:Collectivity:Province {id: r.id})"
    + _SET_PROPS,
    "COMMUNE": "UNWIND $rows AS r MERGE (n:Entity:Territory:Collectivity:Commune {id: r.id})"
    + _SET_PROPS,
    "MUNICIPALITY": "UNWIND $rows AS r "
    "MERGE (n:Entity:Territory:Collectivity:Municipality {id: r.id})" + _SET_PROPS,
    "CERCLE": "UNWIND $rows AS r MERGE (n:Entity:Territory:Cercle {id: r.id})" + _SET_PROPS,
    "ARRONDISSEMENT": "UNWIND $rows AS r MERGE (n:Entity:Territory:Arrondissement {id: r.id})"
    + _SET_PROPS,
}

_LINK_HEAD: LiteralString = (
    "UNWIND $rows AS r MATCH (a:Entity {id: r.from}) MATCH (b:Entity {id: r.to}) "
)
LINK_BY_RELATION: dict[str, LiteralString] = {
    "PART_OF": _LINK_HEAD + "MERGE (a)-[:PART_OF]->(b)",
    "IN_COUNTRY": _LINK_HEAD + "MERGE (a)-[:IN_COUNTRY]->(b)",
    "CERCLE_OF": _LINK_HEAD + "MERGE (a)-[:CERCLE_OF]->(b)",
    "IN_CERCLE": _LINK_HEAD + "MERGE (a)-[:IN_CERCLE]->(b)",
    "ARRONDISSEMENT_OF": _LINK_HEAD + "MERGE (a)-[:ARRONDISSEMENT_OF]->(b)",
    "SOURCED_FROM": _LINK_HEAD + "MERGE (a)-[:SOURCED_FROM]->(b)",
}

# Before re-linking a changed unit, drop its outgoing backbone links, so a unit
# that moved to another parent does not keep the old one.
UNLINK_BACKBONE: LiteralString = (
    "UNWIND $ids AS id "
    "MATCH (:Entity {id: id})-[l:PART_OF|IN_COUNTRY|CERCLE_OF|IN_CERCLE|ARRONDISSEMENT_OF"
    "|SOURCED_FROM]->() "
    "DELETE l"
)

IMPORT_HASHES: LiteralString = (
    "MATCH (n:Entity) WHERE n:Territory OR n:Source RETURN n.id AS id, n.importHash AS hash"
)

UPSERT_SOURCES: LiteralString = (
    "UNWIND $rows AS r MERGE (n:Entity:Source {id: r.id})" + _SET_PROPS
)


async def import_hashes(db: GraphClient) -> dict[str, str | None]:
    """The import hash of every territorial unit and source already in the graph."""
    return {row["id"]: row["hash"] for row in await db.read(IMPORT_HASHES)}


async def upsert_level(db: GraphClient, level: str, rows: Sequence[dict[str, Any]]) -> None:
    """Create or update units of one level (rows: id, props)."""
    await db.write(UPSERT_BY_LEVEL[level], {"rows": list(rows)})


async def upsert_sources(db: GraphClient, rows: Sequence[dict[str, Any]]) -> None:
    """Create or update source documents (rows: id, props)."""
    await db.write(UPSERT_SOURCES, {"rows": list(rows)})


async def unlink(db: GraphClient, ids: Sequence[str]) -> None:
    """Remove the outgoing backbone links of these units."""
    await db.write(UNLINK_BACKBONE, {"ids": list(ids)})


async def link(db: GraphClient, relation: str, rows: Sequence[dict[str, str]]) -> None:
    """Link units along one relation (rows: from, to)."""
    await db.write(LINK_BY_RELATION[relation], {"rows": list(rows)})


# The GeoNames id of backbone units a dataset matched in the gazetteer (Belgian
# municipalities): a property of its own, outside the import hash, so the backbone
# import neither sees a change nor removes it.
GAZETTEER_IDS: LiteralString = (
    "UNWIND $ids AS id MATCH (n:Entity {id: id}) WHERE n:Territory "
    "RETURN n.id AS id, n.geonamesId AS geonamesId"
)
SET_GAZETTEER_IDS: LiteralString = (
    "UNWIND $rows AS r MATCH (n:Entity {id: r.id}) WHERE n:Territory "
    "SET n.geonamesId = r.geonamesId"
)


async def gazetteer_ids(db: GraphClient, ids: Sequence[str]) -> dict[str, int | None]:
    """The GeoNames id each of these units holds (None: none), by id."""
    rows = await db.read(GAZETTEER_IDS, {"ids": list(ids)})
    return {row["id"]: row["geonamesId"] for row in rows}


async def set_gazetteer_ids(db: GraphClient, rows: Sequence[dict[str, Any]]) -> None:
    """Record units' GeoNames ids (rows: id, geonamesId)."""
    await db.write(SET_GAZETTEER_IDS, {"rows": list(rows)})
