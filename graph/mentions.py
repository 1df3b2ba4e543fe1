"""Mentions: where a source's text names an entity (`MENTIONS` links), and the names the
article importer matches against (its gazetteer).

A mention is a `:Link` of kind `MENTIONS` (domain/model.py) with two parties: the
`source` whose text names the `entity`, and its offsets, text, snippet and confidence.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, LiteralString, TypedDict, cast

from graph.client import GraphClient
from graph.rows import EntityRow, LinkProps


class GazetteerRow(TypedDict):
    """One name of an entity an article may mention."""

    id: str
    text: str
    key: str
    lang: str
    kind: str
    type: str
    level: str | None
    parentId: str | None
    country: str | None
    population: int | None


class TextMentionRow(TypedDict):
    """A `MENTIONS` link (its properties), the source naming and the entity named."""

    ownerId: str
    link: LinkProps
    sourceId: str
    entityId: str

# The names of every entity an article may mention: collectivities (not cercles,
# arrondissements or countries) and curated entities other than sources, posts, events
# and documents (whose names are phrases of the articles they come from).
GAZETTEER: LiteralString = (
    "MATCH (e:Entity)-[:NAMED]->(k:Name) "
    "WHERE e:Collectivity OR e.entityType IN $types "
    "RETURN e.id AS id, k.text AS text, k.key AS key, k.lang AS lang, k.kind AS kind, "
    "coalesce(e.entityType, e.level) AS type, e.level AS level, e.parentId AS parentId, "
    "e.country AS country, e.population AS population"
)

# Newest source first (undated sources last), the first `$first` of each entity.
MENTIONED_IN: LiteralString = (
    "UNWIND $ids AS xid "
    "MATCH (:Entity {id: xid})<-[a:INVOLVES]-(l:Link) "
    "WITH xid, a, l WHERE l.kind = 'MENTIONS' AND a.slot = 'entity' "
    "MATCH (l)-[b:INVOLVES]->(s:Source) WHERE b.slot = 'source' "
    "WITH xid, l, s ORDER BY coalesce(s.published, '') DESC, s.id, l.start "
    "WITH xid, collect({link: l{.*}, sourceId: s.id}) AS found "
    "UNWIND found[0..$first] AS m "
    "RETURN xid AS ownerId, m.link AS link, m.sourceId AS sourceId, xid AS entityId"
)

# A source's mentions in the order of its text.
MENTIONS_IN_SOURCE: LiteralString = (
    "UNWIND $ids AS sid "
    "MATCH (:Source {id: sid})<-[a:INVOLVES]-(l:Link) "
    "WITH sid, a, l WHERE l.kind = 'MENTIONS' AND a.slot = 'source' "
    "MATCH (l)-[b:INVOLVES]->(e:Entity) WHERE b.slot = 'entity' "
    "WITH sid, l, e ORDER BY l.start, l.end, e.id "
    "WITH sid, collect({link: l{.*}, entityId: e.id}) AS found "
    "UNWIND found[0..$first] AS m "
    "RETURN sid AS ownerId, m.link AS link, sid AS sourceId, m.entityId AS entityId"
)

# Which candidate facts the registry states already: a link of the kind (and role) with
# both entities among its parties, whatever else it has (a twinning's programme).
EXISTING_FACTS: LiteralString = (
    "UNWIND $rows AS r "
    "MATCH (:Entity {id: r.a})<-[:INVOLVES]-(l:Link) "
    "WITH r, l WHERE l.kind = r.kind AND (r.role IS NULL OR l.role = r.role) "
    "MATCH (l)-[:INVOLVES]->(b:Entity) WHERE b.id = r.b "
    "RETURN DISTINCT r.key AS key"
)

# Text search over articles: sources whose text holds every word (keys lower-cased).
# (FalkorDB 4.16 answered no row at all for `all(...)` over a WITH-bound value: in MATCH's
# WHERE it works.)
SOURCES_WITH_TEXT: LiteralString = (
    "MATCH (s:Source) WHERE s.text IS NOT NULL "
    "AND all(w IN $words WHERE toLower(s.text) CONTAINS w) "
    "RETURN s{.*} AS source ORDER BY coalesce(s.published, '') DESC, s.id LIMIT $limit"
)


async def gazetteer(db: GraphClient, curated_types: Sequence[str]) -> list[GazetteerRow]:
    """Every name of the entities an article may mention, with what tells them apart."""
    rows = await db.read(GAZETTEER, {"types": list(curated_types)})
    return cast(list[GazetteerRow], rows)


async def mentioned_in(db: GraphClient, entity_ids: Sequence[str],
                       first: int) -> list[TextMentionRow]:
    """The first `first` mentions of each entity, newest source first."""
    rows = await db.read(MENTIONED_IN, {"ids": list(entity_ids), "first": first})
    return cast(list[TextMentionRow], rows)


async def mentions_in(db: GraphClient, source_ids: Sequence[str],
                      first: int) -> list[TextMentionRow]:
    """The first `first` mentions of each source, in the order of its text."""
    rows = await db.read(MENTIONS_IN_SOURCE, {"ids": list(source_ids), "first": first})
    return cast(list[TextMentionRow], rows)


async def existing_facts(db: GraphClient, rows: Sequence[dict[str, Any]]) -> set[str]:
    """The `key` of each row (kind, a, b, role) the registry already states as a link."""
    found = await db.read(EXISTING_FACTS, {"rows": list(rows)})
    return {row["key"] for row in found}


async def sources_with_text(db: GraphClient, words: Sequence[str],
                            limit: int) -> list[EntityRow]:
    """Sources whose text holds every one of `words` (lower-case), newest first."""
    rows = await db.read(SOURCES_WITH_TEXT, {"words": list(words), "limit": limit})
    return cast(list[EntityRow], [row["source"] for row in rows])
