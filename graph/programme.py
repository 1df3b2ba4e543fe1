"""Programmes as a list: who funds or implements them, where, in which state, when.

"Where" is a collectivity the programme is placed in (PROGRAMME_PLACE) or one taking
part in it (a participant, a twinned party): the region or province itself, or a unit
within it. Partial ISO dates are compared at the precision both have.
"""

from __future__ import annotations

from typing import Any, LiteralString, cast

from graph.client import GraphClient
from graph.rows import EntityRow

_FILTER: LiteralString = (
    "MATCH (p:Entity:Programme) "
    "WHERE ($kinds IS NULL OR p.kind IN $kinds) "
    "AND ($status IS NULL OR p.status = $status) "
    "AND ($activeOn IS NULL OR ((p.start IS NOT NULL OR p.end IS NOT NULL) "
    "AND (p.start IS NULL OR left(p.start, size($activeOn)) <= left($activeOn, size(p.start))) "
    "AND (p.end IS NULL OR left(p.end, size($activeOn)) >= left($activeOn, size(p.end))))) "
    # The links asked about, looked for only when asked (CASE), after the cheap filters.
    # (As pattern predicates in the WHERE, the funder's two hops crashed FalkorDB 4.16.)
    "WITH p, CASE WHEN $funder IS NULL THEN true ELSE size([(p)<-[a:INVOLVES]-(l:Link)"
    "-[b:INVOLVES]->(x:Entity) WHERE a.slot = 'programme' AND l.kind = 'PARTICIPATION' "
    "AND l.role = 'FUNDER' AND b.slot = 'participant' AND x.id = $funder | x.id]) > 0 "
    "END AS funded, "
    # Each comprehension names its own variables: FalkorDB mixed up reused names.
    "CASE WHEN $implementer IS NULL THEN true ELSE size([(p)<-[c:INVOLVES]-(k:Link)"
    "-[d:INVOLVES]->(y:Entity) WHERE c.slot = 'programme' AND k.kind = 'PARTICIPATION' "
    "AND k.role = 'IMPLEMENTER' AND d.slot = 'participant' AND y.id = $implementer | y.id]) "
    "> 0 END AS implemented, "
    "CASE WHEN $region IS NULL AND $province IS NULL THEN true "
    "ELSE size([(p)<-[e:INVOLVES]-(m:Link)-[f:INVOLVES]->(t:Entity) "
    "WHERE e.slot = 'programme' AND f.slot IN ['place', 'participant', 'party'] "
    "AND coalesce(m.retired, false) = false "
    "AND ($region IS NULL OR t.id = $region OR t.regionId = $region) "
    "AND ($province IS NULL OR t.id = $province OR t.provinceId = $province) | t.id]) > 0 "
    "END AS placed WHERE funded AND implemented AND placed "
)
PROGRAMMES: LiteralString = (
    _FILTER
    + "WITH p WHERE $afterId IS NULL OR p.nameSort > $afterKey "
    "OR (p.nameSort = $afterKey AND p.id > $afterId) "
    "WITH p ORDER BY p.nameSort, p.id LIMIT $limit "
    "RETURN p{.*} AS n ORDER BY n.nameSort, n.id"
)
COUNT: LiteralString = _FILTER + "RETURN count(p) AS n"

FILTER_KEYS = ("kinds", "status", "activeOn", "funder", "implementer", "region", "province")


def _params(filters: dict[str, Any]) -> dict[str, Any]:
    return {key: filters.get(key) for key in FILTER_KEYS}


async def programmes(db: GraphClient, filters: dict[str, Any], after: tuple[str, str] | None,
                     limit: int) -> list[EntityRow]:
    """Programmes matching `filters` (keys: FILTER_KEYS), by name then id, after the
    (name key, id) position `after`."""
    after_key, after_id = after if after else (None, None)
    rows = await db.read(PROGRAMMES, {**_params(filters), "afterKey": after_key,
                                      "afterId": after_id, "limit": limit})
    return [cast(EntityRow, row["n"]) for row in rows]


async def count(db: GraphClient, filters: dict[str, Any]) -> int:
    """How many programmes match `filters`."""
    rows = await db.read(COUNT, _params(filters))
    return int(rows[0]["n"]) if rows else 0
