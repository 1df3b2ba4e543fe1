"""Search over the notes, agendas and outcomes the registry holds (articles' text:
schema/articles_query.py)."""

from __future__ import annotations

import strawberry
from strawberry import Private

from resolvers import network as resolve_network
from resolvers import text as resolve
from resolvers.context import Info
from resolvers.text import TextMatchRow
from schema.entity import node_from
from schema.link import Link, link_from
from schema.node import Node


@strawberry.type(description="A note, agenda item or outcome holding the words searched, "
                             "and the entity or link it belongs to.")
class TextMatch:
    field: str = strawberry.field(description="note, agenda or outcomes.")
    text: str = strawberry.field(description="The note, agenda item or outcome, whole.")
    entity_id: Private[str | None]
    link_id: Private[str | None]

    @classmethod
    def from_row(cls, row: TextMatchRow) -> TextMatch:
        return cls(field=row["field"], text=row["text"], entity_id=row["entityId"],
                   link_id=row["linkId"])

    @strawberry.field(description="The entity or event it belongs to; null for a link's note.")
    async def entity(self, info: Info) -> Node | None:
        return node_from(await resolve_network.entity(info, self.entity_id))

    @strawberry.field(description="The link whose note it is; null for an entity's text.")
    async def link(self, info: Info) -> Link | None:
        row = None if self.link_id is None else await resolve_network.link(info, self.link_id)
        return None if row is None else link_from(row)


@strawberry.type
class TextQuery:
    @strawberry.field(description="Notes of entities and links, events' agenda items and "
                                  "outcomes holding every word of `containing`, ignoring "
                                  "case, accents and Arabic letter variants ('reseau' finds "
                                  "'réseau'): agendas and outcomes first, then notes. "
                                  "Articles' text: `articles`.")
    async def texts(self, info: Info, containing: str,
                    first: int | None = 20) -> list[TextMatch]:
        return [TextMatch.from_row(row) for row in
                await resolve.texts_containing(info, containing, first)]
