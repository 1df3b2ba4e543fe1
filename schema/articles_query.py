"""Search over the text of the articles the registry holds (`python -m importers articles`)."""

from __future__ import annotations

import strawberry

from resolvers import mentions as resolve
from resolvers.context import Info
from schema.source import Source


@strawberry.type
class ArticlesQuery:
    @strawberry.field(description="Sources whose text holds every word of `containing` "
                                  "(ignoring case), newest first: the articles that say it, "
                                  "each readable at /sources/<id> with its mentions.")
    async def articles(self, info: Info, containing: str,
                       first: int | None = 20) -> list[Source]:
        return [Source.from_row(row) for row in
                await resolve.articles_containing(info, containing, first)]
