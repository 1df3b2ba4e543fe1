"""The programmes question: a page of programmes matching a filter, counted when asked."""

from __future__ import annotations

import re
from typing import Any

from graph import programme as graph_programme
from graph.rows import EntityRow
from resolvers.context import Info
from resolvers.errors import BadArgument
from resolvers.pagination import Ordering, Page, decode_cursor, encode_cursor, page_size

ORDER = Ordering(field="PROGRAMME_NAME")
DEFAULT_PAGE = 50
PARTIAL_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")


def _position(after: str | None) -> tuple[str, str] | None:
    position = decode_cursor(after, ORDER)
    if position is None:
        return None
    key, programme_id = position
    if not isinstance(key, str):
        raise BadArgument("after", "is not a cursor of `programmesMatching`; use a "
                                   "pageInfo.endCursor from a previous page")
    return key, programme_id


def _checked(filters: dict[str, Any]) -> dict[str, Any]:
    active_on = filters.get("activeOn")
    if active_on is not None and not PARTIAL_DATE.match(active_on):
        raise BadArgument("filter.activeOn", "must be a partial ISO date: YYYY, YYYY-MM or "
                                             f"YYYY-MM-DD (got {active_on!r})")
    return filters


async def programmes_page(info: Info, filters: dict[str, Any], first: int | None,
                          after: str | None) -> Page[EntityRow]:
    """One page of programmes by name; the total only when asked."""
    size = page_size(first, info.context.settings.max_page_size, DEFAULT_PAGE)
    db = info.context.graph
    checked = _checked(filters)
    rows = await graph_programme.programmes(db, checked, _position(after), size + 1)
    info.context.loaders.entity.prime_many({row["id"]: row for row in rows})

    async def count() -> int:
        return await graph_programme.count(db, checked)
    return Page(rows[:size], lambda row: encode_cursor(ORDER, row.get("nameSort"), row["id"]),
                len(rows) > size, after is not None, count)
