"""Writing contributions: each change is one statement, so it is atomic.

The statement that changes an entity or a link also appends its `Change`
record and cites the sources, so a fact never changes without its audit entry.
Updates are guarded by the version the writer read: a stale version matches
nothing and writes nothing. The guard is checked after the statement has locked
the node (a write to it), so that on Neo4j, where transactions run side by side,
two writers cannot both pass it; and a change's time is never earlier than the
previous change's to the same target, so the audit trail lists a target's
changes in version order whatever order the writers' clocks gave.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, LiteralString, cast

from graph.client import GraphClient
from graph.names import searchable
from graph.rows import CurrentRow, WrittenRow

_CITE: LiteralString = (
    "CALL { WITH x, c UNWIND $sources AS sid MATCH (s:Entity {id: sid}) WHERE s:Source "
    "MERGE (x)-[:SOURCED_FROM]->(s) MERGE (c)-[:CITES]->(s) RETURN count(s) AS cited } "
)
_NAMES: LiteralString = (
    "CALL { WITH x UNWIND $names AS nm MERGE (k:Name {id: nm.id}) "
    "SET k.key = nm.key, k.text = nm.text, k.lang = nm.lang, k.kind = nm.kind, "
    "k.entityId = nm.entityId, k.terms = nm.terms, k.sounds = nm.sounds "
    "MERGE (x)-[:NAMED]->(k) RETURN count(k) AS named } "
)
_LINKS: LiteralString = (
    "CALL { WITH x UNWIND $links AS lk MATCH (o:Entity {id: lk.other}) "
    "CREATE (l:Link {id: lk.id}) SET l += lk.props, l.version = 1 "
    "CREATE (l)-[:INVOLVES {slot: lk.ownSlot}]->(x) "
    "CREATE (l)-[:INVOLVES {slot: lk.otherSlot}]->(o) "
    "WITH l UNWIND $sources AS sid MATCH (s:Entity {id: sid}) WHERE s:Source "
    "MERGE (l)-[:SOURCED_FROM]->(s) RETURN count(l) AS linked } "
)
_CREATE_TAIL: LiteralString = (
    " SET x += $props, x.version = 1 "
    "CREATE (c:Change) SET c += $change, c.version = 1 "
    "WITH x, c " + _CITE + _NAMES + _LINKS + "RETURN x.version AS version, cited"
)
CREATE_ENTITY: dict[str, LiteralString] = {
    "Organisation": "CREATE (x:Entity:Organisation {id: $id})" + _CREATE_TAIL,
    "Network": "CREATE (x:Entity:Network {id: $id})" + _CREATE_TAIL,
    "Programme": "CREATE (x:Entity:Programme {id: $id})" + _CREATE_TAIL,
    "Person": "CREATE (x:Entity:Person {id: $id})" + _CREATE_TAIL,
    "Post": "CREATE (x:Entity:Post {id: $id})" + _CREATE_TAIL,
    "Event": "CREATE (x:Entity:Event {id: $id})" + _CREATE_TAIL,
    "Source": "CREATE (x:Entity:Source {id: $id})" + _CREATE_TAIL,
}

CREATE_LINK: LiteralString = (
    "CREATE (x:Link {id: $id}) SET x += $props, x.version = 1 "
    "CREATE (c:Change) SET c += $change, c.version = 1 "
    "WITH x, c "
    "CALL { WITH x UNWIND $parties AS p MATCH (e:Entity {id: p.id}) "
    "CREATE (x)-[:INVOLVES {slot: p.slot}]->(e) RETURN count(e) AS joined } "
    + _CITE + "RETURN x.version AS version, joined, cited"
)

# Writing a property locks the node on Neo4j; what is read after it is the latest committed.
_LOCKED: LiteralString = " SET x.changing = true SET x.changing = null WITH x "
# The change, its version, and a time no earlier than the target's previous change.
_CHANGE: LiteralString = (
    "CREATE (c:Change) SET c += $change, c.version = x.version "
    "WITH x, c OPTIONAL MATCH (p:Change {targetId: c.targetId}) WHERE p.version = c.version - 1 "
    "WITH x, c, max(p.at) AS previous "
    "SET c.at = CASE WHEN previous > c.at THEN previous ELSE c.at END "
    "WITH x, c "
)
_UPDATE_TAIL: LiteralString = (
    "WHERE coalesce(x.version, 1) = $expected "
    "SET x += $props, x.version = coalesce(x.version, 1) + 1 " + _CHANGE + _CITE
    + "RETURN x.version AS version"
)
UPDATE_ENTITY: LiteralString = "MATCH (x:Entity {id: $id})" + _LOCKED + _UPDATE_TAIL
UPDATE_LINK: LiteralString = "MATCH (x:Link {id: $id})" + _LOCKED + _UPDATE_TAIL
ADD_NAME: LiteralString = (
    "MATCH (x:Entity {id: $id})" + _LOCKED
    + "SET x.version = coalesce(x.version, 1) + 1 " + _CHANGE + _CITE + _NAMES
    + "RETURN x.version AS version"
)

# A source created for a mutation that was then refused: it, its names and its Change go,
# unless something cites it meanwhile.
WITHDRAW_SOURCE: LiteralString = (
    "MATCH (s:Entity {id: $id}) WHERE s:Source AND s.contributorTokenId = $tokenId "
    "AND NOT ()-[:SOURCED_FROM]->(s) "
    "OPTIONAL MATCH (s)-[:NAMED]->(k:Name) "
    "OPTIONAL MATCH (c:Change {targetId: $id}) "
    "WITH s, collect(DISTINCT k) AS names, collect(DISTINCT c) AS changes "
    "FOREACH (k IN names | DETACH DELETE k) FOREACH (c IN changes | DETACH DELETE c) "
    "DETACH DELETE s RETURN count(*) AS withdrawn"
)

CURRENT: LiteralString = (
    "UNWIND $ids AS id MATCH (x:Entity {id: id}) "
    "RETURN x{.*, version: coalesce(x.version, 1)} AS current, false AS isLink "
    "UNION ALL "
    "UNWIND $ids AS id MATCH (x:Link {id: id}) "
    "RETURN x{.*, version: coalesce(x.version, 1), "
    "parties: [(x)-[p:INVOLVES]->(e:Entity) | {slot: p.slot, id: e.id}]} AS current, "
    "true AS isLink"
)


async def create_entity(db: GraphClient, label: str, params: dict[str, Any]
                        ) -> list[WrittenRow]:
    """Create an entity with its names, structural links, sources and Change."""
    params = {**params, "names": searchable(params["names"])}
    return cast(list[WrittenRow], await db.write(CREATE_ENTITY[label], params))


# The current twinnings of two parties, with the programme each is within (if any). The
# kind is tested after a WITH: in the first MATCH, FalkorDB scanned every link.
TWINNINGS_OF_PAIR: LiteralString = (
    "MATCH (:Entity {id: $a})<-[:INVOLVES]-(l:Link) "
    "WITH DISTINCT l WHERE l.kind = 'TWINNING' AND coalesce(l.retired, false) = false "
    "MATCH (l)-[:INVOLVES]->(:Entity {id: $b}) "
    "RETURN DISTINCT l.id AS id, "
    "[(l)-[i:INVOLVES]->(p:Entity) WHERE i.slot = 'programme' | p.id] AS programmes "
    "ORDER BY id"
)


async def twinnings_of_pair(db: GraphClient, a: str, b: str) -> list[tuple[str, str | None]]:
    """(id, programme id or None) of the current twinnings of `a` and `b`."""
    rows = await db.read(TWINNINGS_OF_PAIR, {"a": a, "b": b})
    return [(row["id"], (row["programmes"] or [None])[0]) for row in rows]


async def create_link(db: GraphClient, params: dict[str, Any]) -> list[WrittenRow]:
    """Create a link with its parties, sources and Change."""
    return cast(list[WrittenRow], await db.write(CREATE_LINK, params))


async def update(db: GraphClient, is_link: bool, params: dict[str, Any]) -> list[WrittenRow]:
    """Update an entity or link if its version is `expected`; no row means nothing changed."""
    return cast(list[WrittenRow], await db.write(UPDATE_LINK if is_link else UPDATE_ENTITY,
                                                 params))


async def add_name(db: GraphClient, params: dict[str, Any]) -> list[WrittenRow]:
    """Add names to an entity, with sources and a Change."""
    params = {**params, "names": searchable(params["names"])}
    return cast(list[WrittenRow], await db.write(ADD_NAME, params))


async def withdraw_source(db: GraphClient, source_id: str, token_id: str) -> bool:
    """Remove a source this token just created, with its audit record; False if cited."""
    rows = await db.write(WITHDRAW_SOURCE, {"id": source_id, "tokenId": token_id})
    return bool(rows and rows[0]["withdrawn"])


async def current(db: GraphClient, ids: Sequence[str]) -> list[CurrentRow]:
    """The current properties (and parties, for links) of entities or links."""
    return cast(list[CurrentRow], await db.read(CURRENT, {"ids": list(ids)}))
