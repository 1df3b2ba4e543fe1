"""Sources: the articles, documents and datasets that state the registry's facts."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import strawberry
from strawberry import Private

from graph.rows import EntityRow
from resolvers import lookups
from resolvers import mentions as resolve_mentions
from resolvers import network as resolve
from resolvers.context import Info
from schema.entity import curated_type, node_from, reference
from schema.node import Node

if TYPE_CHECKING:
    from schema.link import Link, Mention


@curated_type("Source")
@strawberry.federation.type(keys=["id"], description="An article, document or dataset that "
                                                     "states facts the registry holds.")
class Source(Node):
    title: str | None
    url: str | None = strawberry.field(description="Where to read it, when known.")
    file: str | None = strawberry.field(description="The seed file it was curated from.")
    publisher: str | None
    language: str | None
    published: str | None = strawberry.field(description="Publication date, partial ISO.")
    kind: str | None = strawberry.field(description="ARTICLE, DOCUMENT or DATASET.")
    licence: str | None = strawberry.field(description="The licence of a dataset, to credit.")
    note: str | None
    row: Private[EntityRow]

    @classmethod
    def from_row(cls, row: EntityRow) -> Source:
        """A source from its row (curated sources and the backbone's datasets)."""
        return cls(id=strawberry.ID(row["id"]), title=row.get("title") or None,
                   url=row.get("url"), file=row.get("file"), publisher=row.get("publisher"),
                   language=row.get("language"), published=row.get("published"),
                   kind=row.get("kind"), licence=row.get("licence"), note=row.get("note"),
                   row=row)

    @classmethod
    async def resolve_reference(cls, info: Info, id: strawberry.ID | None = None,
                                **rest: Any) -> Source | None:
        row = await reference(info, id, "Source", rest)
        return None if row is None else cls.from_row(row)

    @strawberry.field(description="The article's full text (the item's, for one of several "
                                  "news items), when the registry holds it.")
    def text(self) -> str | None:
        text = self.row.get("text")
        return text if isinstance(text, str) else None

    @strawberry.field(description="Whether the registry holds its text (read it at "
                                  "/sources/<id>), without sending the text.")
    def has_text(self) -> bool:
        return bool(self.text())

    @strawberry.field(description="Where to read it in the registry, its mentions "
                                  "highlighted (`/sources/<id>`), when the registry holds "
                                  "its text.")
    def page(self) -> str | None:
        return f"/sources/{self.id}" if self.row.get("text") else None

    @strawberry.field(description="Entities this source states as facts (links are in "
                                  "`supports`; names in its text are in `mentions`).")
    async def states(self, info: Info) -> list[Node]:
        rows = [row for row in await resolve.mentions(info, self.id) if not row["isLink"]]
        found = await resolve.entities(info, [row["id"] for row in rows])
        return [node for node in map(node_from, found) if node is not None]

    @strawberry.field(description="Every entity its text names, in the text's order, with "
                                  "offsets, the sentence and the matcher's confidence.")
    async def mentions(self, info: Info, first: int | None = None
                       ) -> list[Annotated[Mention, strawberry.lazy("schema.link")]]:
        from schema.link import link_from
        rows = await resolve_mentions.mentions_in(info, self.id, first)
        return [link_from(resolve_mentions.as_link(row), viewer=self.id) for row in rows]

    @strawberry.field(description="Relationships this source states.")
    async def supports(self, info: Info) -> list[Annotated[Link, strawberry.lazy(
            "schema.link")]]:
        from schema.link import link_from
        rows = [row for row in await resolve.mentions(info, self.id) if row["isLink"]]
        return [link_from(row) for row in await lookups.links(info, [row["id"] for row in rows])]
