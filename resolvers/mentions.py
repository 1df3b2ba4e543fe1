"""Mentions in articles' text, through the request's DataLoaders."""

from __future__ import annotations

from graph import mentions as graph_mentions
from graph.mentions import TextMentionRow
from graph.rows import EntityRow, LinkRow
from resolvers.context import Info
from resolvers.errors import BadArgument
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


async def articles_containing(info: Info, text: str, first: int | None) -> list[EntityRow]:
    """Sources whose text holds every word of `text`, ignoring case, newest first."""
    words = text.casefold().split()
    if not words:
        raise BadArgument("containing", "give at least one word")
    size = page_size(first, info.context.settings.max_page_size, 20)
    rows = await graph_mentions.sources_with_text(info.context.graph, words, size)
    info.context.loaders.entity.prime_many({row["id"]: row for row in rows})
    return rows
