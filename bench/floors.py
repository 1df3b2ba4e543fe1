"""Measurement floors: each operation's data fetched by one hand-written Cypher statement.

THESE STATEMENTS ARE MEASUREMENT FLOORS, NOT PART OF THE REGISTRY. The
registry's own Cypher lives in `graph/` only; these are written here, for the
benchmark alone, to say how fast the same data comes out of the graph when a
person who knows the graph writes one statement for it and runs it through the
backend client (`graph.falkor_backend.FalkorClient`, or `graph.neo4j_backend.Neo4jBackend`
on Neo4j), with no GraphQL, no HTTP
and no resolvers. The benchmark reports each operation's latency as a multiple
of its floor's.
"""

from __future__ import annotations

from typing import LiteralString

from graph import dialect

# A collectivity by official code, the fields the GraphQL operation asks for.
LOOKUP: LiteralString = (
    "MATCH (n:Territory {code: $code}) "
    "RETURN n.id AS id, n.code AS code, n.nameFr AS nameFr, n.nameAr AS nameAr, "
    "n.level AS level, n.population AS population"
)

# The first pass of a search (the words as typed) through the full-text index over
# names: the statement the registry sends, in each backend's dialect.
SEARCH: dict[str, LiteralString] = {"falkordb": dialect.FALKOR_SEARCH_NAMES,
                                    "neo4j": dialect.NEO4J_SEARCH_NAMES}

# Regions, provinces and communes of Morocco in one flat, ordered result.
HIERARCHY: LiteralString = (
    "MATCH (:Entity {id: 'MA'})<-[:IN_COUNTRY]-(r:Region)<-[:PART_OF]-(p:Province)"
    "<-[:PART_OF]-(c:Commune) "
    "RETURN r.code AS region, r.nameFr AS regionName, p.code AS province, "
    "p.nameFr AS provinceName, c.code AS code, c.nameFr AS nameFr, c.population AS population "
    "ORDER BY r.nameSort, p.nameSort, c.nameSort"
)

# A commune with its networks, twinnings (partner, programme) and programmes with funders.
COMMUNE_NETWORK: LiteralString = (
    "MATCH (c:Territory {code: $code}) "
    "RETURN c.id AS id, c.nameFr AS nameFr, "
    "[(c)<-[:INVOLVES {slot: 'member'}]-(m:Link {kind: 'MEMBERSHIP'})"
    "-[:INVOLVES {slot: 'network'}]->(n:Entity) | {since: m.since, id: n.id, nameFr: n.nameFr}] "
    "AS networks, "
    "[(c)<-[:INVOLVES {slot: 'party'}]-(t:Link {kind: 'TWINNING'})"
    "-[:INVOLVES {slot: 'party'}]->(o:Entity) WHERE o.id <> c.id | "
    "{since: t.since, status: t.status, id: o.id, nameFr: o.nameFr, "
    "programme: [(t)-[:INVOLVES {slot: 'programme'}]->(g:Entity) | "
    "{id: g.id, nameFr: g.nameFr}][0]}] AS twinnings, "
    "[(c)<-[:INVOLVES {slot: 'participant'}]-(l:Link {kind: 'PARTICIPATION'})"
    "-[:INVOLVES {slot: 'programme'}]->(g:Entity) | "
    "{role: l.role, id: g.id, nameFr: g.nameFr, funders: "
    "[(g)<-[:INVOLVES {slot: 'programme'}]-(f:Link {kind: 'PARTICIPATION', role: 'FUNDER'})"
    "-[:INVOLVES {slot: 'participant'}]->(x:Entity) | {id: x.id, nameFr: x.nameFr}]}] "
    "AS programmes"
)

# A commune's twinnings: partner, programme and the programme's funders, one row per
# twinning. Filters on links come after a WITH: written as nested pattern comprehensions
# (as COMMUNE_NETWORK is), FalkorDB 4.16 took 15-20 ms and answered `programme: null`
# for Berkane's twinning, whose programme Neo4j found.
TWINNINGS: LiteralString = (
    "MATCH (c:Territory {code: $code})<-[a:INVOLVES]-(t:Link) "
    "WITH c, a, t WHERE a.slot = 'party' AND t.kind = 'TWINNING' "
    "MATCH (t)-[b:INVOLVES]->(o:Entity) WHERE b.slot = 'party' AND o.id <> c.id "
    "OPTIONAL MATCH (t)-[:INVOLVES {slot: 'programme'}]->(g:Entity) "
    "OPTIONAL MATCH (g)<-[d:INVOLVES]-(f:Link) "
    "WHERE d.slot = 'programme' AND f.kind = 'PARTICIPATION' AND f.role = 'FUNDER' "
    "OPTIONAL MATCH (f)-[e:INVOLVES]->(x:Entity) WHERE e.slot = 'participant' "
    "RETURN t.id AS id, t.since AS since, t.status AS status, o.id AS partner, "
    "o.nameFr AS partnerName, g.id AS programme, g.nameFr AS programmeName, "
    "collect(x.id) AS funders"
)

# Members of a network by region and level, against the backbone's totals, with the
# population of the communes they reach (the commune, its province or its region).
COVERAGE: LiteralString = (
    "MATCH (:Entity {id: $id})<-[:INVOLVES {slot: 'network'}]-(l:Link {kind: 'MEMBERSHIP'})"
    "-[:INVOLVES {slot: 'member'}]->(m:Entity) WHERE l.until IS NULL "
    "WITH collect(DISTINCT m.id) AS members "
    "MATCH (c:Collectivity) WHERE c.country = 'MA' AND c.level <> 'REGION' "
    "WITH members, c, c.regionId AS region "
    "WITH region, c.level AS level, count(c) AS total, "
    "sum(CASE WHEN c.id IN members THEN 1 ELSE 0 END) AS inNetwork, "
    "sum(CASE WHEN c.level = 'COMMUNE' THEN coalesce(c.population, 0) ELSE 0 END) AS population, "
    "sum(CASE WHEN c.level = 'COMMUNE' AND (c.id IN members OR c.provinceId IN members "
    "OR c.regionId IN members) THEN coalesce(c.population, 0) ELSE 0 END) AS covered "
    "MATCH (r:Entity {id: region}) "
    "RETURN region, r.nameFr AS nameFr, level, total, inNetwork, population, covered "
    "ORDER BY region, level"
)

# Every chain of four reified links between two entities (the benchmark picks a pair whose
# shortest connection is four such hops).
CONNECTIONS: LiteralString = (
    "MATCH (a:Entity {id: $from}), (b:Entity {id: $to}) "
    "MATCH (a)<-[:INVOLVES]-(l1:Link)-[:INVOLVES]->(x1:Entity)<-[:INVOLVES]-(l2:Link)"
    "-[:INVOLVES]->(x2:Entity)<-[:INVOLVES]-(l3:Link)-[:INVOLVES]->(x3:Entity)"
    "<-[:INVOLVES]-(l4:Link)-[:INVOLVES]->(b) "
    "WHERE l1.kind <> 'STATED_COUNT' AND l2.kind <> 'STATED_COUNT' "
    "AND l3.kind <> 'STATED_COUNT' AND l4.kind <> 'STATED_COUNT' "
    "RETURN [x1.id, x2.id, x3.id] AS via, [l1.id, l2.id, l3.id, l4.id] AS links, "
    "[l1.kind, l2.kind, l3.kind, l4.kind] AS kinds, [l1.since, l2.since, l3.since, l4.since] "
    "AS since LIMIT 5"
)

# Communes by id, the fields the `_entities` operation asks for.
ENTITIES: LiteralString = (
    "UNWIND $ids AS id MATCH (n:Entity {id: id}) WHERE n:Commune "
    "RETURN n.id AS id, n.code AS code, n.nameFr AS nameFr, n.population AS population"
)

# The first page of 100 communes by name, and how many there are.
PAGE: LiteralString = (
    "MATCH (n:Collectivity) WHERE n.level = 'COMMUNE' WITH count(n) AS total "
    "MATCH (c:Collectivity) WHERE c.level = 'COMMUNE' "
    "WITH total, c ORDER BY c.nameSort, c.id LIMIT 101 "
    "RETURN total, c.id AS id, c.code AS code, c.nameFr AS nameFr, c.population AS population, "
    "c.nameSort AS sortKey"
)

# --- Benchmark helpers (not floors): choosing what the operations ask about ----------

LARGEST_NETWORK: LiteralString = (
    "MATCH (n:Entity {entityType: 'Network'})<-[:INVOLVES {slot: 'network'}]-(l:Link) "
    "RETURN n.id AS id, count(l) AS members ORDER BY members DESC, id LIMIT 1"
)
PEOPLE_AND_ORGANISATIONS: LiteralString = (
    "MATCH (n:Entity) WHERE n.entityType IN ['Person', 'Organisation'] "
    "RETURN n.id AS id, n.entityType AS type ORDER BY id"
)
TWINNED_ABROAD: LiteralString = (
    "MATCH (:Link {kind: 'TWINNING'})-[:INVOLVES {slot: 'party'}]->(m:Entity) "
    "WHERE m.country = 'BE' RETURN DISTINCT m.id AS id ORDER BY id"
)
# Communes in a twinning (the twinnings operation cycles through up to 20 of them).
TWINNED_COMMUNES: LiteralString = (
    "MATCH (:Link {kind: 'TWINNING'})-[:INVOLVES {slot: 'party'}]->(c:Commune) "
    "RETURN DISTINCT c.code AS code ORDER BY code LIMIT 20"
)
GRAPH_SIZE: LiteralString = (
    "MATCH (n) WITH count(n) AS nodes MATCH ()-[r]->() RETURN nodes, count(r) AS edges"
)
