"""Free text the registry holds besides articles' text: curators' notes on entities and
links, and events' agendas and outcomes.

Read whole and matched in Python (resolvers/text.py): the match ignores accents and
Arabic letter variants (domain.names.name_key), which Cypher cannot do portably.
"""

from __future__ import annotations

from typing import LiteralString, TypedDict, cast

from graph.client import GraphClient


class TextRow(TypedDict):
    """The free text of one entity (`holder` "entity") or link (`holder` "link")."""

    id: str
    holder: str
    note: str | None
    agenda: list[str] | None
    outcomes: list[str] | None


# Every entity (curated entity or source) with a note, an agenda or outcomes, and every
# link with a note, mentions left out (their note says how the article importer matched
# the name: "unique name", "acronym"...). Ids and strings only: what matches is read whole
# afterwards, through the request's loaders.
TEXTS: LiteralString = (
    "MATCH (n:Entity) "
    "WHERE n.note IS NOT NULL OR n.agenda IS NOT NULL OR n.outcomes IS NOT NULL "
    "RETURN n.id AS id, 'entity' AS holder, n.note AS note, n.agenda AS agenda, "
    "n.outcomes AS outcomes "
    "UNION ALL "
    "MATCH (l:Link) WHERE l.note IS NOT NULL AND l.kind <> 'MENTIONS' "
    "RETURN l.id AS id, 'link' AS holder, l.note AS note, null AS agenda, null AS outcomes"
)


async def texts(db: GraphClient) -> list[TextRow]:
    """The notes, agendas and outcomes of every entity and link that has any."""
    return cast(list[TextRow], await db.read(TEXTS))
