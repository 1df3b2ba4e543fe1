"""`links(kinds, first)` for collectivities: every link a unit takes part in, as curated
entities already answer it (the entity page lists a commune's links this way)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from resolvers import network as resolve
from resolvers.context import Info
from schema.network_enums import LinkKind
from schema.node import Node

if TYPE_CHECKING:
    from schema.link import Link

DESCRIPTION = ("Every link it takes part in, whatever its part, of some kinds only when given; "
               "by kind, then date (the territorial hierarchy is in `parent` and `children`).")


async def _links(root: Node, info: Info, kinds: list[LinkKind] | None = None,
                 first: int | None = None) -> list[Annotated[Link, strawberry.lazy(
                     "schema.link")]]:
    from schema.link import link_from
    wanted = [kind.value for kind in kinds] if kinds else None
    rows = await resolve.links_involving(info, root.id, wanted, first)
    return [link_from(row, viewer=root.id) for row in rows]


def links_field() -> Any:
    """The field, fresh for each type declaring it."""
    return strawberry.field(resolver=_links, description=DESCRIPTION)
