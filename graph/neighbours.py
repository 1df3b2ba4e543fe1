"""The one traversal primitive: the neighbours of many entities, one hop away.

Path finding and neighbourhoods run in application code over this query, one
round trip per breadth-first level (FalkorDB has no undirected shortest path).
A hop is either a reified link (entity - link - entity) or a step of the fixed
territorial hierarchy (commune - province - region).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import LiteralString, cast

from graph.client import GraphClient
from graph.rows import NeighbourRow

# The filter on the link comes after a WITH: in the same MATCH, FalkorDB planned a scan
# of every link (2 s per entity with a million links) instead of starting at the id.
NEIGHBOURS: LiteralString = (
    "UNWIND $ids AS xid "
    "MATCH (:Entity {id: xid})<-[:INVOLVES]-(l:Link)-[b:INVOLVES]->(y:Entity) "
    "WITH xid, l, y WHERE y.id <> xid AND NOT l.kind IN ['STATED_COUNT', 'MENTIONS'] "
    "AND ($kinds IS NULL OR l.kind IN $kinds) "
    "RETURN xid AS fromId, y.id AS toId, l.id AS linkId, l.kind AS kind, l.role AS role, "
    "labels(y) AS labels "
    "UNION ALL "
    "UNWIND $ids AS xid "
    "MATCH (x:Entity {id: xid})-[:PART_OF]-(y:Collectivity) "
    "WHERE $territory AND x:Collectivity "
    "RETURN xid AS fromId, y.id AS toId, null AS linkId, 'TERRITORY' AS kind, null AS role, "
    "labels(y) AS labels"
)


async def neighbours(db: GraphClient, ids: Sequence[str], kinds: Sequence[str] | None,
                     territory: bool) -> list[NeighbourRow]:
    """Rows of (fromId, toId, linkId, kind, role, labels), one per hop from `ids`."""
    params = {"ids": list(ids), "kinds": list(kinds) if kinds else None,
              "territory": territory}
    return cast(list[NeighbourRow], await db.read(NEIGHBOURS, params))
