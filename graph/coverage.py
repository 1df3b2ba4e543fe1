"""Coverage: how much of each region or province a network or programme reaches."""

from __future__ import annotations

from collections.abc import Sequence
from typing import LiteralString

from graph.client import GraphClient, Row

# Filters on links come after a WITH: in the same MATCH as the subject's id, FalkorDB
# planned a scan of every link (0.6 to 1 s with a million links).

# Members of a network: current memberships (no end date stated).
NETWORK_MEMBERS: LiteralString = (
    "MATCH (:Entity {id: $id})<-[a:INVOLVES]-(l:Link) "
    "WITH a, l WHERE a.slot = 'network' AND l.kind = 'MEMBERSHIP' AND l.until IS NULL "
    "MATCH (l)-[b:INVOLVES]->(m:Entity) WHERE b.slot = 'member' "
    "RETURN DISTINCT m.id AS id"
)
# Members of a programme: participants and twinned parties of it or of its parts.
_PROGRAMME_PARTIES: LiteralString = (
    "<-[s:INVOLVES]-(l:Link) "
    "WITH s, l WHERE s.slot = 'programme' AND l.kind IN ['PARTICIPATION', 'TWINNING'] "
    "AND l.until IS NULL "
    "MATCH (l)-[a:INVOLVES]->(m:Entity) WHERE a.slot IN ['participant', 'party'] "
    "RETURN m.id AS id"
)
PROGRAMME_MEMBERS: LiteralString = (
    "MATCH (:Entity {id: $id})" + _PROGRAMME_PARTIES + " "
    "UNION "
    "MATCH (:Entity {id: $id})<-[w:INVOLVES]-(k:Link) "
    "WITH w, k WHERE w.slot = 'whole' AND k.kind = 'PART_OF' "
    "MATCH (k)-[:INVOLVES {slot: 'part'}]->(part:Entity) "
    "WITH part MATCH (part)" + _PROGRAMME_PARTIES
)

# Per group (the country, a region or a province) and level: totals of the backbone, members,
# commune population, and population of communes reached by a member (the commune
# itself, its province or its region).
COVERAGE_BY_GROUP: LiteralString = (
    "MATCH (c:Collectivity) WHERE c.country = 'MA' "
    "WITH c, CASE $groupBy WHEN 'COUNTRY' THEN c.country "
    "WHEN 'REGION' THEN CASE c.level WHEN 'REGION' THEN c.id ELSE c.regionId END "
    "ELSE CASE c.level WHEN 'REGION' THEN null WHEN 'PROVINCE' THEN c.id ELSE c.provinceId END "
    "END AS groupId "
    "WHERE groupId IS NOT NULL "
    "WITH groupId, c, c.id IN $members AS member, "
    "c.level = 'COMMUNE' AND (c.id IN $members OR c.provinceId IN $members "
    "OR c.regionId IN $members) AS reached "
    "RETURN groupId, c.level AS level, count(c) AS total, "
    "toInteger(sum(CASE WHEN member THEN 1 ELSE 0 END)) AS members, "
    "toInteger(sum(CASE WHEN c.level = 'COMMUNE' THEN coalesce(c.population, 0) ELSE 0 END)) "
    "AS population, "
    "toInteger(sum(CASE WHEN reached THEN coalesce(c.population, 0) ELSE 0 END)) "
    "AS populationCovered "
    "ORDER BY groupId, level"
)


async def members(db: GraphClient, subject_id: str, is_network: bool) -> list[str]:
    """Ids of the current members of a network, or of the parties of a programme."""
    query = NETWORK_MEMBERS if is_network else PROGRAMME_MEMBERS
    return [row["id"] for row in await db.read(query, {"id": subject_id})]


async def coverage_by_group(db: GraphClient, member_ids: Sequence[str],
                            group_by: str) -> list[Row]:
    """Rows of (groupId, level, total, members, population, populationCovered)."""
    return await db.read(COVERAGE_BY_GROUP, {"members": list(member_ids), "groupBy": group_by})
