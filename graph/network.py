"""Reading the cooperation network: entities, reified links, sources, mentions.

A link is a `:Link` node with a `kind`; it points at each party with an
`INVOLVES` edge whose `slot` says which part the party plays (a membership's
`network` and `member`, a twinning's two `party`, ...).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import LiteralString, cast

from graph.client import GraphClient
from graph.rows import EntityRow, LinkRow, MentionRow, OwnedLinkRow, PartnerRow, SourceOfRow

ENTITIES_BY_IDS: LiteralString = (
    "UNWIND $ids AS id MATCH (n:Entity {id: id}) RETURN n{.*} AS n"
)

_PARTIES: LiteralString = (
    "MATCH (l)-[p:INVOLVES]->(e:Entity) "
)
LINKS_BY_IDS: LiteralString = (
    "UNWIND $ids AS id MATCH (l:Link {id: id}) " + _PARTIES
    + "RETURN l{.*} AS link, collect({slot: p.slot, id: e.id}) AS parties"
)
# Filters on links come after a WITH, in these statements: in the same MATCH as the
# entity's id, FalkorDB planned a scan of every link (0.5 to 2 s with a million links)
# instead of starting at the id index.

# The links of one kind where each entity plays one slot (optionally in some roles
# only: a programme's funders among its hundred participants), with all their parties.
LINKS_OF: LiteralString = (
    "UNWIND $ids AS xid MATCH (:Entity {id: xid})<-[a:INVOLVES]-(l:Link) "
    "WITH xid, a, l WHERE l.kind = $kind AND a.slot = $slot "
    "AND ($roles IS NULL OR l.role IN $roles) "
    + _PARTIES
    + "WITH xid, l, collect({slot: p.slot, id: e.id}) AS parties "
    "RETURN xid AS ownerId, l{.*} AS link, parties "
    "ORDER BY ownerId, coalesce(l.since, ''), l.id"
)
# Every link each entity takes part in, whatever its slot, of some kinds only when given;
# mentions in articles' text only when asked for (they are in `mentionedIn`).
LINKS_INVOLVING: LiteralString = (
    "UNWIND $ids AS xid MATCH (:Entity {id: xid})<-[:INVOLVES]-(l:Link) "
    "WITH DISTINCT xid, l WHERE ($kinds IS NULL AND l.kind <> 'MENTIONS') "
    "OR l.kind IN $kinds "
    + _PARTIES
    + "WITH xid, l, collect({slot: p.slot, id: e.id}) AS parties "
    "RETURN xid AS ownerId, l{.*} AS link, parties "
    "ORDER BY ownerId, l.kind, coalesce(l.since, ''), l.id"
)
SOURCES_OF: LiteralString = (
    "UNWIND $ids AS id MATCH (:Entity {id: id})-[:SOURCED_FROM]->(s:Source) "
    "RETURN id AS ownerId, s{.*} AS source "
    "UNION ALL "
    "UNWIND $ids AS id MATCH (:Link {id: id})-[:SOURCED_FROM]->(s:Source) "
    "RETURN id AS ownerId, s{.*} AS source"
)
MENTIONS_OF: LiteralString = (
    "UNWIND $ids AS sid MATCH (:Entity {id: sid})<-[:SOURCED_FROM]-(x) "
    "WITH sid, x WHERE x:Entity OR x:Link "
    "RETURN sid AS sourceId, x.id AS id, x:Link AS isLink ORDER BY sourceId, id"
)

# Partners: the other party of a twinning, and co-parties of a programme or a document.
PARTNERS_OF: LiteralString = (
    "UNWIND $ids AS xid "
    "MATCH (:Entity {id: xid})<-[a:INVOLVES]-(l:Link) "
    "WITH xid, a, l WHERE a.slot = 'party' AND l.kind = 'TWINNING' "
    "MATCH (l)-[b:INVOLVES]->(y:Entity) WHERE b.slot = 'party' AND y.id <> xid "
    "RETURN DISTINCT xid AS ownerId, y.id AS partnerId, l.kind AS via, l.id AS throughId "
    "UNION "
    "UNWIND $ids AS xid "
    "MATCH (:Entity {id: xid})<-[a:INVOLVES]-(l:Link) "
    "WITH xid, a, l WHERE a.slot = 'participant' AND l.kind = 'PARTICIPATION' "
    "MATCH (l)-[:INVOLVES {slot: 'programme'}]->(p:Entity)<-[b:INVOLVES]-(m:Link) "
    "WITH xid, p, b, m WHERE b.slot = 'programme' AND m.kind = 'PARTICIPATION' "
    "MATCH (m)-[c:INVOLVES]->(y:Entity) WHERE c.slot = 'participant' AND y.id <> xid "
    "RETURN DISTINCT xid AS ownerId, y.id AS partnerId, 'PARTICIPATION' AS via, p.id AS throughId "
    "UNION "
    "UNWIND $ids AS xid "
    "MATCH (:Entity {id: xid})<-[a:INVOLVES]-(l:Link) "
    "WITH xid, a, l WHERE a.slot = 'party' AND l.kind = 'DOCUMENT_PARTY' "
    "MATCH (l)-[:INVOLVES {slot: 'document'}]->(d:Entity)<-[b:INVOLVES]-(m:Link) "
    "WITH xid, d, b, m WHERE b.slot = 'document' AND m.kind = 'DOCUMENT_PARTY' "
    "MATCH (m)-[c:INVOLVES]->(y:Entity) WHERE c.slot = 'party' AND y.id <> xid "
    "RETURN DISTINCT xid AS ownerId, y.id AS partnerId, 'DOCUMENT_PARTY' AS via, d.id AS throughId"
)

_LIST_TAIL: LiteralString = (
    " WHERE $kinds IS NULL OR n.kind IN $kinds "
    "RETURN n{.*} AS n ORDER BY n.nameSort, n.id SKIP $skip LIMIT $limit"
)
LIST_BY_LABEL: dict[str, LiteralString] = {
    "Organisation": "MATCH (n:Entity:Organisation)" + _LIST_TAIL,
    "Network": "MATCH (n:Entity:Network)" + _LIST_TAIL,
    "Programme": "MATCH (n:Entity:Programme)" + _LIST_TAIL,
    "Person": "MATCH (n:Entity:Person)" + _LIST_TAIL,
    "Event": "MATCH (n:Entity:Event)" + _LIST_TAIL,
    "Document": "MATCH (n:Entity:Document)" + _LIST_TAIL,
    "Source": "MATCH (n:Entity:Source)" + _LIST_TAIL,
}


async def entities_by_ids(db: GraphClient, ids: Sequence[str]) -> list[EntityRow]:
    """All properties of the entities with these ids."""
    rows = await db.read(ENTITIES_BY_IDS, {"ids": list(ids)})
    return cast(list[EntityRow], [row["n"] for row in rows])


async def links_by_ids(db: GraphClient, ids: Sequence[str]) -> list[LinkRow]:
    """Links by id, each with its parties."""
    return cast(list[LinkRow], await db.read(LINKS_BY_IDS, {"ids": list(ids)}))


async def links_of(db: GraphClient, kind: str, slot: str, ids: Sequence[str],
                   roles: Sequence[str] | None = None) -> list[OwnedLinkRow]:
    """Links of `kind` in which each of `ids` plays `slot`, with all parties; only links
    in one of `roles` when given."""
    return cast(list[OwnedLinkRow], await db.read(
        LINKS_OF, {"ids": list(ids), "kind": kind, "slot": slot,
                   "roles": list(roles) if roles else None}))


async def links_involving(db: GraphClient, ids: Sequence[str],
                          kinds: Sequence[str] | None = None) -> list[OwnedLinkRow]:
    """Every link each of `ids` takes part in (of one of `kinds`, when given), with all
    parties."""
    return cast(list[OwnedLinkRow], await db.read(
        LINKS_INVOLVING, {"ids": list(ids), "kinds": list(kinds) if kinds else None}))


async def sources_of(db: GraphClient, ids: Sequence[str]) -> list[SourceOfRow]:
    """Rows of (ownerId, source) for entities and links."""
    return cast(list[SourceOfRow], await db.read(SOURCES_OF, {"ids": list(ids)}))


async def mentions_of(db: GraphClient, source_ids: Sequence[str]) -> list[MentionRow]:
    """What each source supports: entity and link ids."""
    return cast(list[MentionRow], await db.read(MENTIONS_OF, {"ids": list(source_ids)}))


async def partners_of(db: GraphClient, ids: Sequence[str]) -> list[PartnerRow]:
    """Rows of (ownerId, partnerId, via, throughId): who works with whom, through what."""
    return cast(list[PartnerRow], await db.read(PARTNERS_OF, {"ids": list(ids)}))


async def list_entities(db: GraphClient, label: str, kinds: Sequence[str] | None,
                        skip: int, limit: int) -> list[EntityRow]:
    """One page of entities of an allowlisted label, by name."""
    params = {"kinds": list(kinds) if kinds else None, "skip": skip, "limit": limit}
    rows = await db.read(LIST_BY_LABEL[label], params)
    return cast(list[EntityRow], [row["n"] for row in rows])
