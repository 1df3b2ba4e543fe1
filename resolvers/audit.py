"""Reading the audit trail: pages of changes in time order, one change by id."""

from __future__ import annotations

from typing import Any

from graph import audit as graph_audit
from graph.rows import ChangeRow
from resolvers.context import Info
from resolvers.errors import BadArgument
from resolvers.pagination import Ordering, Page, decode_cursor, encode_cursor, page_size

ORDER = Ordering(field="AT")
DEFAULT_PAGE = 50


def _after(position: tuple[Any, str]) -> tuple[str, int, str]:
    """A changes cursor's (time, version, id); a malformed one is the caller's error."""
    key, change_id = position
    if not (isinstance(key, list) and len(key) == 2 and isinstance(key[0], str)
            and isinstance(key[1], int)):
        raise BadArgument("after", "is not a cursor of the audit trail; use a pageInfo."
                                   "endCursor from a previous page of `changes`")
    return key[0], key[1], change_id


async def changes_page(info: Info, filters: dict[str, Any], first: int | None,
                       after: str | None) -> Page[ChangeRow]:
    """A page of changes in time order (then version, then id), filtered by `since`,
    `target` and `actor`; counted only when asked."""
    size = page_size(first, info.context.settings.max_page_size, DEFAULT_PAGE)
    position = decode_cursor(after, ORDER)
    db = info.context.graph
    rows = await graph_audit.changes(db, filters, _after(position) if position else None,
                                     size + 1)

    async def count() -> int:
        return await graph_audit.count(db, filters)
    return Page(rows[:size],
                lambda row: encode_cursor(ORDER, [row["at"], int(row["version"])], row["id"]),
                len(rows) > size, after is not None, count)


async def change(info: Info, change_id: str) -> ChangeRow | None:
    """The audit record of one change, or None."""
    return await graph_audit.change_by_id(info.context.graph, change_id)
