"""Look-ups shared by every kind of entity, batched through the request's DataLoaders:
names, partners, links by id."""

from __future__ import annotations

from collections.abc import Sequence

from graph.rows import LinkRow, NameRow, PartnerRow
from resolvers.context import Info


async def names(info: Info, entity_id: str) -> list[NameRow]:
    """Every name an entity (territorial unit or curated) holds, in every language."""
    return await info.context.loaders.names.load(entity_id)


async def partners(info: Info, entity_id: str) -> list[PartnerRow]:
    """Who an entity works with: rows of (partnerId, via, throughId)."""
    return await info.context.loaders.partners.load(entity_id)


async def links(info: Info, link_ids: Sequence[str]) -> list[LinkRow]:
    """The links (with their parties) that exist among `link_ids`, in order."""
    rows = await info.context.loaders.link.load_many(list(link_ids))
    return [row for row in rows if row is not None]
