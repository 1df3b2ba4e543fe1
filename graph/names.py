"""Names of entities: one `Name` node per name and language, with its search key."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, LiteralString, cast

from graph.client import GraphClient
from graph.rows import EntityNameRow

NAMES_UPSERT: LiteralString = (
    "UNWIND $rows AS r "
    "MATCH (e:Entity {id: r.entityId}) "
    "MERGE (k:Name {id: r.id}) "
    "SET k.key = r.key, k.text = r.text, k.lang = r.lang, k.kind = r.kind, "
    "k.entityId = r.entityId "
    "MERGE (e)-[:NAMED]->(k)"
)

# Official names an entity no longer carries (a renamed unit) are removed.
NAMES_PRUNE: LiteralString = (
    "UNWIND $rows AS r "
    "MATCH (:Entity {id: r.entityId})-[:NAMED]->(k:Name) "
    "WHERE k.kind = r.kind AND NOT k.id IN r.keep "
    "DETACH DELETE k"
)

NAMES_OF_ENTITIES: LiteralString = (
    "UNWIND $ids AS id "
    "MATCH (:Entity {id: id})-[:NAMED]->(k:Name) "
    "RETURN id AS entityId, k{.text, .lang, .kind} AS name "
    "ORDER BY id, k.kind DESC, k.lang, k.text"
)


async def upsert_names(db: GraphClient, rows: Sequence[dict[str, Any]]) -> None:
    """Create or update names and link them to their entities."""
    await db.write(NAMES_UPSERT, {"rows": list(rows)})


async def prune_names(db: GraphClient, rows: Sequence[dict[str, Any]]) -> None:
    """Remove names of a kind that an entity no longer has (rows: entityId, kind, keep)."""
    await db.write(NAMES_PRUNE, {"rows": list(rows)})


async def names_of(db: GraphClient, entity_ids: Sequence[str]) -> list[EntityNameRow]:
    """Rows of (entityId, name) for many entities."""
    return cast(list[EntityNameRow], await db.read(NAMES_OF_ENTITIES, {"ids": list(entity_ids)}))
