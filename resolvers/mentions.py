"""Mentions in articles' text, through the request's DataLoaders."""

from __future__ import annotations

from graph.mentions import TextMentionRow
from graph.rows import LinkRow
from resolvers.context import Info
from resolvers.pagination import page_size


async def mentioned_in(info: Info, entity_id: str, first: int | None) -> list[TextMentionRow]:
    """The first mentions of an entity, newest source first."""
    size = page_size(first, info.context.settings.max_page_size, 20)
    return await info.context.loaders.text_mentions("entity", size).load(entity_id)


async def mentions_in(info: Info, source_id: str, first: int | None) -> list[TextMentionRow]:
    """The first mentions in a source's text, in the text's order."""
    size = page_size(first, info.context.settings.max_page_size, 100)
    return await info.context.loaders.text_mentions("source", size).load(source_id)


def as_link(row: TextMentionRow) -> LinkRow:
    """A mention row as a link row (its two parties), for the `Mention` link type."""
    return {"link": row["link"], "parties": [{"slot": "source", "id": row["sourceId"]},
                                              {"slot": "entity", "id": row["entityId"]}]}
