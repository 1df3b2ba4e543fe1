"""Writing the curated network: entities, reified links, their parties and sources.

Labels cannot be parameters, so each kind of entity has its own statement,
keyed by the allowlist below. Every node written by a curated file carries
`origin` (the file's name), so re-importing a file can drop what it no longer
states.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, LiteralString

from graph.client import GraphClient, Row

_SET: LiteralString = " SET n += r.props"

UPSERT_ENTITY: dict[str, LiteralString] = {
    "Organisation": "UNWIND $rows AS r MERGE (n:Entity:Organisation {id: r.id})" + _SET,
    "Network": "UNWIND $rows AS r MERGE (n:Entity:Network {id: r.id})" + _SET,
    "Programme": "UNWIND $rows AS r MERGE (n:Entity:Programme {id: r.id})" + _SET,
    "Person": "UNWIND $rows AS r MERGE (n:Entity:Person {id: r.id})" + _SET,
    "Post": "UNWIND $rows AS r MERGE (n:Entity:Post {id: r.id})" + _SET,
    "Event": "UNWIND $rows AS r MERGE (n:Entity:Event {id: r.id})" + _SET,
    "Document": "UNWIND $rows AS r MERGE (n:Entity:Document {id: r.id})" + _SET,
    "Source": "UNWIND $rows AS r MERGE (n:Entity:Source {id: r.id})" + _SET,
}

UPSERT_LINKS: LiteralString = "UNWIND $rows AS r MERGE (n:Link {id: r.id})" + _SET

# Parties and sources are replaced as a whole, so a changed link keeps no stale party.
# They are added with CREATE right after being cleared (rows hold no duplicates), and
# sources are found through the `Entity` id index (`(s:Source {id: ...})` scanned every
# source for each row: the slowest statement of a large import).
# Links not yet in the graph (a first import) are created with their parties in one
# statement, with no clearing: a million-link file spent a third of its time clearing
# the parties of links that did not exist yet.
EXISTING_LINKS: LiteralString = (
    "UNWIND $ids AS id MATCH (l:Link {id: id}) RETURN l.id AS id"
)
# FOREACH keeps one row per link (an UNWIND of parties then of sources multiplied the
# rows, and regrouping them cost more than it saved): a third faster than creating
# parties with UNWIND and sources in a second statement. Its MERGE only ever finds:
# the importer checked every party and source exists before writing.
CREATE_LINKS: LiteralString = (
    "UNWIND $rows AS r CREATE (n:Link {id: r.id}) SET n += r.props "
    "FOREACH (p IN r.parties | MERGE (e:Entity {id: p.entityId}) "
    "CREATE (n)-[:INVOLVES {slot: p.slot}]->(e)) "
    "FOREACH (sourceId IN r.sources | MERGE (s:Entity {id: sourceId}) "
    "CREATE (n)-[:SOURCED_FROM]->(s))"
)

# A link's parties and sources, cleared in one pass.
CLEAR_LINK_EDGES: LiteralString = (
    "UNWIND $ids AS id MATCH (:Link {id: id})-[p:INVOLVES|SOURCED_FROM]->() DELETE p"
)
ADD_PARTIES: LiteralString = (
    "UNWIND $rows AS r MATCH (l:Link {id: r.linkId}) MATCH (e:Entity {id: r.entityId}) "
    "CREATE (l)-[:INVOLVES {slot: r.slot}]->(e)"
)
CLEAR_ENTITY_SOURCES: LiteralString = (
    "UNWIND $ids AS id MATCH (:Entity {id: id})-[s:SOURCED_FROM]->() DELETE s"
)
ADD_ENTITY_SOURCES: LiteralString = (
    "UNWIND $rows AS r MATCH (x:Entity {id: r.id}) MATCH (s:Entity {id: r.sourceId}) "
    "WHERE s:Source CREATE (x)-[:SOURCED_FROM]->(s)"
)
# Grouped by source: each source is found once for all the links it supports.
ADD_LINK_SOURCES: LiteralString = (
    "UNWIND $rows AS r MATCH (s:Entity {id: r.sourceId}) WHERE s:Source "
    "UNWIND r.ids AS id MATCH (x:Link {id: id}) CREATE (x)-[:SOURCED_FROM]->(s)"
)

ORIGIN_HASHES: LiteralString = (
    "MATCH (n:Entity) WHERE n.origin = $origin RETURN n.id AS id, n.importHash AS hash "
    "UNION ALL "
    "MATCH (n:Link) WHERE n.origin = $origin RETURN n.id AS id, n.importHash AS hash"
)
# What a file wrote before and no longer states, by id (the importer computes the
# difference: `NOT n.id IN $keep` over every node of a file was quadratic).
DROP_STALE_NAMES: LiteralString = (
    "UNWIND $ids AS id MATCH (n:Entity {id: id})-[:NAMED]->(k:Name) "
    "WHERE n.origin = $origin DETACH DELETE k"
)
DROP_STALE_ENTITIES: LiteralString = (
    "UNWIND $ids AS id MATCH (n:Entity {id: id}) WHERE n.origin = $origin DETACH DELETE n"
)
DROP_STALE_LINKS: LiteralString = (
    "UNWIND $ids AS id MATCH (n:Link {id: id}) WHERE n.origin = $origin DETACH DELETE n"
)

EXISTING_ENTITIES: LiteralString = (
    "UNWIND $ids AS id MATCH (n:Entity {id: id}) "
    "RETURN n.id AS id, labels(n) AS labels"
)


async def origin_hashes(db: GraphClient, origin: str) -> dict[str, str | None]:
    """Import hashes of everything a curated file wrote, by id."""
    rows = await db.read(ORIGIN_HASHES, {"origin": origin})
    return {row["id"]: row["hash"] for row in rows}


async def existing_entities(db: GraphClient, ids: Sequence[str]) -> list[Row]:
    """Which of `ids` are entities in the graph, with their labels."""
    return await db.read(EXISTING_ENTITIES, {"ids": list(ids)})


async def upsert_entities(db: GraphClient, label: str, rows: Sequence[dict[str, Any]]) -> None:
    """Create or update entities of one allowlisted label."""
    await db.write(UPSERT_ENTITY[label], {"rows": list(rows)})


async def upsert_links(db: GraphClient, rows: Sequence[dict[str, Any]],
                       parties: Sequence[dict[str, str]]) -> None:
    """Create or update links, clear their parties and sources, then add their parties."""
    await db.write(UPSERT_LINKS, {"rows": list(rows)})
    await db.write(CLEAR_LINK_EDGES, {"ids": [row["id"] for row in rows]})
    await db.write(ADD_PARTIES, {"rows": list(parties)})


async def existing_links(db: GraphClient, ids: Sequence[str]) -> set[str]:
    """Which of `ids` are links in the graph already."""
    return {row["id"] for row in await db.read(EXISTING_LINKS, {"ids": list(ids)})}


async def create_links(db: GraphClient, rows: Sequence[dict[str, Any]]) -> None:
    """Create links that are not in the graph, with their parties and sources (rows: id,
    props, parties: [{slot, entityId}], sources: [source id]), all of which exist."""
    await db.write(CREATE_LINKS, {"rows": list(rows)})


async def clear_sources(db: GraphClient, entity_ids: Sequence[str]) -> None:
    """Remove the sources of entities, before adding the current ones (`upsert_links`
    clears those of links)."""
    await db.write(CLEAR_ENTITY_SOURCES, {"ids": list(entity_ids)})


async def add_sources(db: GraphClient, entity_rows: Sequence[dict[str, str]],
                      link_rows: Sequence[dict[str, str]]) -> None:
    """Link entities and links to their sources (rows: id, sourceId)."""
    if entity_rows:
        await db.write(ADD_ENTITY_SOURCES, {"rows": list(entity_rows)})
    if link_rows:
        by_source: dict[str, list[str]] = {}
        for row in link_rows:
            by_source.setdefault(row["sourceId"], []).append(row["id"])
        await db.write(ADD_LINK_SOURCES, {"rows": [{"sourceId": source, "ids": ids}
                                                   for source, ids in by_source.items()]})


async def drop_stale(db: GraphClient, origin: str, ids: Sequence[str]) -> None:
    """Remove nodes a file wrote before and no longer states (ids: entities or links)."""
    if not ids:
        return
    params = {"origin": origin, "ids": list(ids)}
    await db.write(DROP_STALE_NAMES, params)
    await db.write(DROP_STALE_ENTITIES, params)
    await db.write(DROP_STALE_LINKS, params)


# Twinnings of the same two parties stated by another origin (an article's, the API's),
# whatever their ids: a dataset listing such a pair cites itself on that twinning
# instead of stating a second one.
TWINNINGS_BETWEEN: LiteralString = (
    "UNWIND $pairs AS p "
    "MATCH (:Entity {id: p.a})<-[:INVOLVES]-(l:Link)-[:INVOLVES]->(:Entity {id: p.b}) "
    "WHERE l.kind = 'TWINNING' AND (l.origin IS NULL OR l.origin <> $origin) "
    "RETURN DISTINCT p.a AS a, p.b AS b, l.id AS id ORDER BY a, b, id"
)
# Sources an origin cites on links other origins own: each edge carries the citing
# origin, so its next import replaces exactly these and no other importer's edges.
ORIGIN_CITATIONS: LiteralString = (
    "UNWIND $sourceIds AS sid MATCH (s:Entity {id: sid})<-[r:SOURCED_FROM]-(l:Link) "
    "WHERE r.origin = $origin RETURN l.id AS id, s.id AS sourceId ORDER BY id, sourceId"
)
DROP_ORIGIN_CITATIONS: LiteralString = (
    "UNWIND $sourceIds AS sid MATCH (:Entity {id: sid})<-[r:SOURCED_FROM]-(:Link) "
    "WHERE r.origin = $origin DELETE r"
)
ADD_ORIGIN_CITATIONS: LiteralString = (
    "UNWIND $rows AS r MATCH (l:Link {id: r.id}) MATCH (s:Entity {id: r.sourceId}) "
    "WHERE s:Source CREATE (l)-[:SOURCED_FROM {origin: $origin}]->(s)"
)


async def twinnings_between(db: GraphClient, pairs: Sequence[tuple[str, str]],
                            origin: str) -> dict[tuple[str, str], list[str]]:
    """Ids of the twinnings of each pair (a, b) that `origin` did not state."""
    rows = await db.read(TWINNINGS_BETWEEN, {"pairs": [{"a": a, "b": b} for a, b in pairs],
                                             "origin": origin})
    found: dict[tuple[str, str], list[str]] = {}
    for row in rows:
        found.setdefault((row["a"], row["b"]), []).append(row["id"])
    return found


async def origin_citations(db: GraphClient, origin: str,
                           source_ids: Sequence[str]) -> set[tuple[str, str]]:
    """(link id, source id) of the citations `origin` added to others' links."""
    rows = await db.read(ORIGIN_CITATIONS, {"origin": origin, "sourceIds": list(source_ids)})
    return {(row["id"], row["sourceId"]) for row in rows}


async def replace_origin_citations(db: GraphClient, origin: str, source_ids: Sequence[str],
                                   citations: Sequence[tuple[str, str]]) -> None:
    """Drop the citations `origin` added through these sources, then add `citations`
    ((link id, source id): both exist)."""
    params = {"origin": origin, "sourceIds": list(source_ids)}
    await db.write(DROP_ORIGIN_CITATIONS, params)
    if citations:
        await db.write(ADD_ORIGIN_CITATIONS, {"origin": origin, "rows": [
            {"id": link_id, "sourceId": source_id} for link_id, source_id in citations]})
