"""The programmes question: a page of programmes matching a filter, counted when asked."""

from __future__ import annotations

from typing import Any

from domain.fields import PARTIAL_DATE
from graph import programme as graph_programme
from graph.rows import EntityRow
from resolvers.context import Info
from resolvers.errors import BadArgument
from resolvers.pagination import Ordering, Page, encode_cursor, name_position, page_size

ORDER = Ordering(field="PROGRAMME_NAME")
DEFAULT_PAGE = 50


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
    position = name_position(after, ORDER, "programmesMatching")
    rows = await graph_programme.programmes(db, checked, position, size + 1)
    info.context.loaders.entity.prime_many({row["id"]: row for row in rows})

    async def count() -> int:
        return await graph_programme.count(db, checked)
    return Page(rows[:size], lambda row: encode_cursor(ORDER, row.get("nameSort"), row["id"]),
                len(rows) > size, after is not None, count)
