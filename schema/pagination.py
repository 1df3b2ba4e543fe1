"""Relay connections: edges with cursors, page info, a total counted only on demand."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

import strawberry
from strawberry import Private

from resolvers.pagination import Page

NodeT = TypeVar("NodeT")


@strawberry.type(description="Where a page sits in the whole list.")
class PageInfo:
    has_next_page: bool
    has_previous_page: bool
    start_cursor: str | None
    end_cursor: str | None


@strawberry.type(description="One item of a page, with the cursor that points after it.")
class Edge(Generic[NodeT]):
    cursor: str
    node: NodeT


@strawberry.type(description="A page of a list. Pass `pageInfo.endCursor` as `after` to get "
                             "the next page.")
class Connection(Generic[NodeT]):
    edges: list[Edge[NodeT]]
    page_info: PageInfo
    page: Private[Page]

    @strawberry.field(description="The items of the page, without cursors.")
    def nodes(self) -> list[NodeT]:
        return [edge.node for edge in self.edges]

    @strawberry.field(description="How many items the whole list has (counted only when asked).")
    async def total_count(self) -> int:
        return await self.page.count()


def connection_from(page: Page, convert: Callable[[Any], Any]) -> Connection[Any]:
    """A connection for a page, converting each row to its GraphQL object."""
    edges = [Edge(cursor=cursor, node=convert(row))
             for row, cursor in zip(page.rows, page.cursors, strict=True)]
    info = PageInfo(has_next_page=page.has_next, has_previous_page=page.has_previous,
                    start_cursor=page.cursors[0] if page.cursors else None,
                    end_cursor=page.cursors[-1] if page.cursors else None)
    return Connection(edges=edges, page_info=info, page=page)
