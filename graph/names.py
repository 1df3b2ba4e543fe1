"""Names of entities: one `Name` node per name and language, with its search key.

Each name also carries what the full-text index reads (`SEARCH_PROPS`): its words
(`terms`) and their sound skeletons (`sounds`, domain.transliteration). They are
derived from the key when the name is written, here and in graph.contributions, and
never exported: a name row has the same fields as before.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, LiteralString, cast

from domain.transliteration import name_sounds, name_terms
from graph.client import GraphClient
from graph.rows import EntityNameRow

# Properties of a Name node that only search reads, derived from its key.
SEARCH_PROPS = ("terms", "sounds")

NAMES_UPSERT: LiteralString = (
    "UNWIND $rows AS r "
    "MATCH (e:Entity {id: r.entityId}) "
    "MERGE (k:Name {id: r.id}) "
    "SET k.key = r.key, k.text = r.text, k.lang = r.lang, k.kind = r.kind, "
    "k.entityId = r.entityId, k.terms = r.terms, k.sounds = r.sounds "
    "MERGE (e)-[:NAMED]->(k)"
)

# Names written before names carried their search terms (a graph of an older version).
NAMES_WITHOUT_TERMS: LiteralString = (
    "MATCH (k:Name) WHERE k.terms IS NULL RETURN k.id AS id, k.key AS key LIMIT $limit"
)
NAMES_SET_TERMS: LiteralString = (
    "UNWIND $rows AS r MATCH (k:Name {id: r.id}) SET k.terms = r.terms, k.sounds = r.sounds"
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


def searchable(rows: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Name rows with the search properties derived from their keys."""
    return [{**row, "terms": name_terms(row["key"]), "sounds": name_sounds(row["key"])}
            for row in rows]


async def upsert_names(db: GraphClient, rows: Sequence[dict[str, Any]]) -> None:
    """Create or update names and link them to their entities."""
    await db.write(NAMES_UPSERT, {"rows": searchable(rows)})


async def add_missing_terms(db: GraphClient, batch: int = 5000) -> int:
    """Give names written by an older version their search properties; how many."""
    done = 0
    while rows := await db.read(NAMES_WITHOUT_TERMS, {"limit": batch}):
        await db.write(NAMES_SET_TERMS, {"rows": searchable(rows)})
        done += len(rows)
    return done


async def prune_names(db: GraphClient, rows: Sequence[dict[str, Any]]) -> None:
    """Remove names of a kind that an entity no longer has (rows: entityId, kind, keep)."""
    await db.write(NAMES_PRUNE, {"rows": list(rows)})


async def names_of(db: GraphClient, entity_ids: Sequence[str]) -> list[EntityNameRow]:
    """Rows of (entityId, name) for many entities."""
    return cast(list[EntityNameRow], await db.read(NAMES_OF_ENTITIES, {"ids": list(entity_ids)}))
