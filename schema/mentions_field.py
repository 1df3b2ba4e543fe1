"""`mentionedIn(first)`: the articles whose text names an entity, newest first, each
mention with its offsets and sentence (`MENTIONS` links, `python -m importers articles`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from resolvers import mentions as resolve
from resolvers.context import Info
from schema.node import Node

if TYPE_CHECKING:
    from schema.link import Mention

DESCRIPTION = ("Where articles' text names it: each mention with its source, offsets, the "
               "name as written, its sentence and the matcher's confidence; newest source "
               "first.")


async def _mentioned_in(root: Node, info: Info, first: int | None = 20
                        ) -> list[Annotated[Mention, strawberry.lazy("schema.link")]]:
    from schema.link import link_from
    rows = await resolve.mentioned_in(info, root.id, first)
    return [link_from(resolve.as_link(row), viewer=root.id) for row in rows]


def mentioned_in_field() -> Any:
    """The field, fresh for each type declaring it."""
    return strawberry.field(resolver=_mentioned_in, description=DESCRIPTION)
