"""The twinnings question: a page of twinnings matching a filter, counted when asked."""

from __future__ import annotations

from typing import Any

from graph import twinning as graph_twinning
from graph.twinning import TwinningRow
from resolvers.context import Info
from resolvers.errors import BadArgument
from resolvers.pagination import Ordering, Page, decode_cursor, encode_cursor, page_size

ORDER = Ordering(field="TWINNED")
DEFAULT_PAGE = 50


def _position(after: str | None) -> list[str] | None:
    position = decode_cursor(after, ORDER)
    if position is None:
        return None
    key, link_id = position
    if not isinstance(key, str):
        raise BadArgument("after", "is not a cursor of `twinnings`; use a pageInfo.endCursor "
                                   "from a previous page")
    return [key, link_id]


async def twinnings_page(info: Info, filters: dict[str, Any], first: int | None,
                         after: str | None) -> Page[TwinningRow]:
    """One page of twinnings by the Moroccan party's name; the total only when asked."""
    size = page_size(first, info.context.settings.max_page_size, DEFAULT_PAGE)
    db = info.context.graph
    rows = await graph_twinning.twinnings(db, filters, _position(after), size + 1)
    info.context.loaders.link.prime_many({row["link"]["id"]: row for row in rows})

    async def count() -> int:
        return await graph_twinning.count(db, filters)
    return Page(rows[:size], lambda row: encode_cursor(ORDER, row["sortKey"], row["link"]["id"]),
                len(rows) > size, after is not None, count)
