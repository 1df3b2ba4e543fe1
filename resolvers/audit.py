"""Reading the audit trail: pages of changes in time order, one change by id."""

from __future__ import annotations

from datetime import UTC, date, datetime
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


def since_utc(since: str | None) -> str | None:
    """`since` as the audit trail writes times (UTC, microseconds, `+00:00`), so that the
    graph compares like with like: a date-time with its offset (Z or +01:00), without one
    (UTC), or a date (its midnight UTC). Anything else is the caller's error."""
    if since is None:
        return None
    text = since.strip()
    try:
        moment = (datetime.fromisoformat(text) if "T" in text or " " in text
                  else datetime.combine(date.fromisoformat(text), datetime.min.time()))
    except ValueError:
        raise BadArgument("since", f"{since!r} is not an ISO 8601 date or date-time (e.g. "
                                   "2026-10-01, 2026-12-02T08:21:00+01:00, "
                                   "2026-12-02T07:21:00Z)") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


async def changes_page(info: Info, filters: dict[str, Any], first: int | None,
                       after: str | None) -> Page[ChangeRow]:
    """A page of changes in time order (then version, then id), filtered by `since`,
    `target` and `actor`; counted only when asked."""
    filters = {**filters, "since": since_utc(filters.get("since"))}
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
