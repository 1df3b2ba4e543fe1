"""Twinnings as a list: each Moroccan collectivity's twinning, filtered by the foreign
party's country, the Moroccan party's region or province, the programme, the date."""

from __future__ import annotations

from typing import Any, LiteralString, TypedDict, cast

from graph.client import GraphClient
from graph.rows import LinkRow

# One row per twinning and Moroccan party: the party decides the region and the order.
_MATCHING: LiteralString = (
    "MATCH (l:Link)-[a:INVOLVES]->(m:Entity) "
    "WHERE l.kind = 'TWINNING' AND a.slot = 'party' AND m.country = 'MA' "
    "AND coalesce(l.retired, false) = false "
    "AND ($region IS NULL OR m.regionId = $region OR m.id = $region) "
    "AND ($province IS NULL OR m.provinceId = $province OR m.id = $province) "
    "AND ($since IS NULL OR l.since >= $since) "
    "AND ($programme IS NULL OR (l)-[:INVOLVES {slot: 'programme'}]->(:Entity {id: $programme})) "
    "MATCH (l)-[b:INVOLVES]->(f:Entity) WHERE b.slot = 'party' AND f.id <> m.id "
    "AND ($country IS NULL OR f.country = $country) "
    "AND ($abroad IS NULL OR (f.country <> 'MA') = $abroad) "
)
TWINNINGS: LiteralString = (
    _MATCHING
    + "WITH DISTINCT l, m WHERE $afterKey IS NULL OR m.nameSort > $afterKey "
    "OR (m.nameSort = $afterKey AND l.id > $afterId) "
    "WITH l, m ORDER BY m.nameSort, l.id LIMIT $limit "
    "MATCH (l)-[p:INVOLVES]->(e:Entity) "
    "WITH l, m, collect({slot: p.slot, id: e.id}) AS parties "
    "RETURN l{.*} AS link, parties, m.nameSort AS sortKey, m.id AS moroccanId "
    "ORDER BY m.nameSort, l.id"
)
COUNT: LiteralString = _MATCHING + "RETURN count(DISTINCT [l.id, m.id]) AS n"

# Each twinning's Moroccan party and the other party's country, for twinning coverage.
TWINNED_ABROAD: LiteralString = (
    "MATCH (l:Link)-[a:INVOLVES]->(m:Entity) "
    "WHERE l.kind = 'TWINNING' AND a.slot = 'party' AND m.country = 'MA' "
    "AND coalesce(l.retired, false) = false "
    "MATCH (l)-[b:INVOLVES]->(f:Entity) WHERE b.slot = 'party' AND f.country <> 'MA' "
    "AND ($country IS NULL OR f.country = $country) "
    "RETURN DISTINCT l.id AS linkId, m.id AS moroccanId, f.country AS country"
)

FILTER_KEYS = ("country", "region", "province", "programme", "since", "abroad")


class TwinningRow(LinkRow):
    """A twinning with its parties, and its Moroccan party: id and sort key."""

    sortKey: str
    moroccanId: str


def _params(filters: dict[str, Any]) -> dict[str, Any]:
    return {key: filters.get(key) for key in FILTER_KEYS}


async def twinnings(db: GraphClient, filters: dict[str, Any], after: list[str] | None,
                    limit: int) -> list[TwinningRow]:
    """Twinnings of Moroccan collectivities matching `filters` (keys: FILTER_KEYS), by the
    Moroccan party's name then id, after the (sort key, id) position `after`."""
    after_key, after_id = after if after else (None, None)
    rows = await db.read(TWINNINGS, {**_params(filters), "afterKey": after_key,
                                     "afterId": after_id, "limit": limit})
    return cast(list[TwinningRow], rows)


async def count(db: GraphClient, filters: dict[str, Any]) -> int:
    """How many twinnings match `filters`."""
    rows = await db.read(COUNT, _params(filters))
    return int(rows[0]["n"]) if rows else 0


class TwinnedRow(TypedDict):
    """A twinning abroad: its id, its Moroccan party and the other party's country."""

    linkId: str
    moroccanId: str
    country: str


async def twinned_abroad(db: GraphClient, country: str | None) -> list[TwinnedRow]:
    """Every current twinning of a Moroccan collectivity with one abroad (in `country`)."""
    return cast(list[TwinnedRow], await db.read(TWINNED_ABROAD, {"country": country}))
