"""Coverage: how much of each region or province a network or programme reaches."""

from __future__ import annotations

from typing import LiteralString, cast

from graph.client import GraphClient
from graph.rows import CoverageUnitRow, MemberRow

# Filters on links come after a WITH: in the same MATCH as the subject's id, FalkorDB
# planned a scan of every link (0.6 to 1 s with a million links).

# Members of a network: current memberships (no end date stated).
NETWORK_MEMBERS: LiteralString = (
    "MATCH (:Entity {id: $id})<-[a:INVOLVES]-(l:Link) "
    "WITH a, l WHERE a.slot = 'network' AND l.kind = 'MEMBERSHIP' AND l.until IS NULL "
    "MATCH (l)-[b:INVOLVES]->(m:Entity) WHERE b.slot = 'member' "
    "RETURN DISTINCT m.id AS id, null AS role"
)
# Parties of a programme: participants (with their role: a funder is not a member) and
# twinned parties, of it or of its parts.
_PROGRAMME_PARTIES: LiteralString = (
    "<-[s:INVOLVES]-(l:Link) "
    "WITH s, l WHERE s.slot = 'programme' AND l.kind IN ['PARTICIPATION', 'TWINNING'] "
    "AND l.until IS NULL "
    "MATCH (l)-[a:INVOLVES]->(m:Entity) WHERE a.slot IN ['participant', 'party'] "
    "RETURN m.id AS id, l.role AS role"
)
PROGRAMME_MEMBERS: LiteralString = (
    "MATCH (:Entity {id: $id})" + _PROGRAMME_PARTIES + " "
    "UNION "
    "MATCH (:Entity {id: $id})<-[w:INVOLVES]-(k:Link) "
    "WITH w, k WHERE w.slot = 'whole' AND k.kind = 'PART_OF' "
    "MATCH (k)-[:INVOLVES {slot: 'part'}]->(part:Entity) "
    "WITH part MATCH (part)" + _PROGRAMME_PARTIES
)

# Every Moroccan collectivity with what coverage counts: the resolver tallies members,
# totals and population by group in Python. (One statement testing `c.id IN $members`
# for each unit grew with units x members: 0.4 s for a network of 1,500 members.)
MOROCCAN_UNITS: LiteralString = (
    "MATCH (c:Collectivity) WHERE c.country = 'MA' "
    "RETURN c.id AS id, c.level AS level, c.regionId AS regionId, "
    "c.provinceId AS provinceId, c.population AS population"
)


async def members(db: GraphClient, subject_id: str, is_network: bool) -> list[MemberRow]:
    """Rows of (id, role) of the current members of a network (role null), or of the
    parties of a programme (a participant's role; null for a twinned party)."""
    query = NETWORK_MEMBERS if is_network else PROGRAMME_MEMBERS
    return cast(list[MemberRow], await db.read(query, {"id": subject_id}))


async def moroccan_units(db: GraphClient) -> list[CoverageUnitRow]:
    """Rows of (id, level, regionId, provinceId, population) of Morocco's collectivities."""
    return cast(list[CoverageUnitRow], await db.read(MOROCCAN_UNITS))
