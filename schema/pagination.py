"""Relay connections: edges with cursors, page info, a total counted only on demand."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

import strawberry
from strawberry import Private

from resolvers.pagination import Page

NodeT = TypeVar("NodeT")
RowT = TypeVar("RowT")


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
    items: Private[list[Any]]
    page: Private[Page[Any]]

    # Cursors are made only for the edges and page info asked: a list of nodes needs none.
    @strawberry.field
    def edges(self) -> list[Edge[NodeT]]:
        cursor_of = self.page.cursor_of
        return [Edge(cursor=cursor_of(row), node=item)
                for row, item in zip(self.page.rows, self.items, strict=True)]

    @strawberry.field
    def page_info(self) -> PageInfo:
        rows, cursor_of = self.page.rows, self.page.cursor_of
        return PageInfo(has_next_page=self.page.has_next,
                        has_previous_page=self.page.has_previous,
                        start_cursor=cursor_of(rows[0]) if rows else None,
                        end_cursor=cursor_of(rows[-1]) if rows else None)

    @strawberry.field(description="The items of the page, without cursors.")
    def nodes(self) -> list[NodeT]:
        return self.items

    @strawberry.field(description="How many items the whole list has (counted only when asked).")
    async def total_count(self) -> int:
        return await self.page.count()


def connection_from(page: Page[RowT], convert: Callable[[RowT], Any]) -> Connection[Any]:
    """A connection for a page, converting each row to its GraphQL object."""
    return Connection(items=[convert(row) for row in page.rows], page=page)
