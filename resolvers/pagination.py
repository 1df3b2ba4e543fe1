"""Relay cursor pagination: page sizes, opaque keyset cursors, slicing."""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from graph.rows import TerritoryRow
from resolvers.errors import BadArgument

RowT = TypeVar("RowT")

ORDER_FIELDS = ("NAME", "POPULATION", "CODE")


@dataclass(frozen=True)
class Ordering:
    """How a list is sorted: a field and a direction; ties break on id."""

    field: str = "NAME"
    descending: bool = False

    def key(self, row: TerritoryRow) -> str | int | None:
        """The sort key of a row, as the graph computes it."""
        if self.field == "POPULATION":
            return row.get("population") if row.get("population") is not None else -1
        return row.get("code") if self.field == "CODE" else row.get("nameSort")


@dataclass
class Page(Generic[RowT]):
    """One page of rows, the cursor of each (made only when asked), and a way to count
    them all when asked."""

    rows: list[RowT]
    cursor_of: Callable[[RowT], str]
    has_next: bool
    has_previous: bool
    count: Callable[[], Awaitable[int]]


def page_size(first: int | None, maximum: int, default: int) -> int:
    """Validate `first` against the maximum page size."""
    if first is None:
        return min(default, maximum)
    if not 0 <= first <= maximum:
        raise BadArgument("first", f"must be between 0 and {maximum} (got {first})")
    return first


def encode_cursor(order: Ordering, key: Any, id: str) -> str:
    """An opaque cursor naming the position after a row."""
    raw = json.dumps([order.field, order.descending, key, id], ensure_ascii=False)
    return base64.urlsafe_b64encode(raw.encode()).decode()


def decode_cursor(after: str | None, order: Ordering) -> tuple[Any, str] | None:
    """The (sort key, id) a cursor points after; refuse cursors of another ordering."""
    if after is None:
        return None
    try:
        field, descending, key, id = json.loads(base64.urlsafe_b64decode(after.encode()))
    except (ValueError, TypeError, binascii.Error):
        raise BadArgument("after", "is not a cursor this API issued; use a pageInfo.endCursor "
                                   "or edge cursor from a previous page") from None
    if (field, descending) != (order.field, order.descending) or not isinstance(id, str):
        raise BadArgument("after", "was issued for a different orderBy; "
                                   "ask again from the first page with this orderBy")
    return key, id


def name_position(after: str | None, order: Ordering, field: str) -> tuple[str, str] | None:
    """The (name key, id) a cursor of a list by name points after; `field` names the list
    in the error a foreign cursor gets."""
    position = decode_cursor(after, order)
    if position is None:
        return None
    key, row_id = position
    if not isinstance(key, str):
        raise BadArgument("after", f"is not a cursor of `{field}`; use a pageInfo.endCursor "
                                   "from a previous page")
    return key, row_id


def keyset_page(rows: list[TerritoryRow], order: Ordering, size: int, after: str | None,
                count: Callable[[], Awaitable[int]]) -> Page[TerritoryRow]:
    """A page from rows fetched with one extra row (which tells there is a next page)."""
    def cursor_of(row: TerritoryRow) -> str:
        return encode_cursor(order, order.key(row), row["id"])
    return Page(rows[:size], cursor_of, len(rows) > size, after is not None, count)


def slice_page(rows: Sequence[TerritoryRow], order: Ordering, size: int, after: str | None
               ) -> Page[TerritoryRow]:
    """A page of an already complete list (children of one parent), sorted here."""
    ordered = sorted(rows, key=lambda row: row["id"])
    ordered.sort(key=lambda row: _comparable(order.key(row)), reverse=order.descending)
    position = decode_cursor(after, order)
    if position is not None:
        ordered = [row for row in ordered if _is_after(row, position, order)]
    total = len(rows)

    async def count() -> int:
        return total
    return keyset_page(ordered[:size + 1], order, size, after, count)


def _comparable(key: Any) -> tuple[int, Any]:
    return (0, key) if key is not None else (1, "")


def _is_after(row: TerritoryRow, position: tuple[Any, str], order: Ordering) -> bool:
    key, id = _comparable(order.key(row)), row["id"]
    after_key = _comparable(position[0])
    if key == after_key:
        return bool(id > position[1])
    return key < after_key if order.descending else key > after_key
