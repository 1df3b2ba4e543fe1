"""Resolving network entities and links through the request's DataLoaders."""

from __future__ import annotations

from collections.abc import Sequence

from graph import network as graph_network
from graph.rows import EntityRow, LinkRow, MentionRow, OwnedLinkRow
from resolvers.context import Info
from resolvers.errors import BadArgument
from resolvers.pagination import page_size

LIST_LABELS = ("Organisation", "Network", "Programme", "Person", "Event", "Document", "Source")


async def entity(info: Info, entity_id: str | None) -> EntityRow | None:
    """Any entity's row by id (territories included); None when absent."""
    return None if entity_id is None else await info.context.loaders.entity.load(entity_id)


async def entities(info: Info, ids: Sequence[str]) -> list[EntityRow]:
    """The rows of the entities that exist among `ids`, in order."""
    rows = await info.context.loaders.entity.load_many(list(ids))
    return [row for row in rows if row is not None]


async def typed(info: Info, entity_id: str | None, entity_type: str) -> EntityRow | None:
    """An entity's row if it is of `entity_type` (e.g. "Programme"), else None."""
    row = await entity(info, entity_id)
    return row if row is not None and row.get("entityType") == entity_type else None


async def link(info: Info, link_id: str) -> LinkRow | None:
    """A link with its parties, by id."""
    return await info.context.loaders.link.load(link_id)


async def links(info: Info, kind: str, slot: str, owner_id: str,
                roles: Sequence[str] | None = None) -> list[OwnedLinkRow]:
    """Links of `kind` where `owner_id` plays `slot`, optionally of some roles only."""
    wanted = tuple(sorted(roles)) if roles else None
    return await info.context.loaders.links_of(kind, slot, wanted).load(owner_id)


async def links_involving(info: Info, owner_id: str, kinds: Sequence[str] | None,
                          first: int | None) -> list[OwnedLinkRow]:
    """The first links `owner_id` takes part in, of some kinds only when given."""
    wanted = tuple(sorted(kinds)) if kinds else None
    size = page_size(first, info.context.settings.max_page_size, 100)
    return (await info.context.loaders.links_involving(wanted).load(owner_id))[:size]


async def sources(info: Info, owner_id: str) -> list[EntityRow]:
    """The sources stating an entity or a link."""
    return await info.context.loaders.sources.load(owner_id)


async def mentions(info: Info, source_id: str) -> list[MentionRow]:
    """What a source supports: rows of (id, isLink)."""
    return await info.context.loaders.mentions.load(source_id)


def party(row: LinkRow, slot: str) -> str | None:
    """The id of the entity playing `slot` in a link row, if any."""
    return next((p["id"] for p in row["parties"] if p["slot"] == slot), None)


def parties(row: LinkRow, slot: str) -> list[str]:
    """The ids of every entity playing `slot` in a link row."""
    return sorted(p["id"] for p in row["parties"] if p["slot"] == slot)


async def listing(info: Info, label: str, kinds: Sequence[str] | None, first: int | None,
                  offset: int) -> list[EntityRow]:
    """One page of curated entities of a label, by name."""
    if offset < 0:
        raise BadArgument("offset", f"must be 0 or more (got {offset})")
    size = page_size(first, info.context.settings.max_page_size, 100)
    rows = await graph_network.list_entities(info.context.graph, label, kinds, offset, size)
    info.context.loaders.entity.prime_many({row["id"]: row for row in rows})
    return rows
