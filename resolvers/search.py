"""Multilingual search over the names of every entity."""

from __future__ import annotations

from dataclasses import dataclass

from domain.names import query_key
from graph import search as graph_search
from graph.rows import EntityRow, NameMatch
from resolvers.context import Info
from resolvers.errors import BadArgument
from resolvers.pagination import page_size

MAX_TEXT = 200
DEFAULT_HITS = 20


@dataclass
class Hit:
    """One entity found, with the name that matched best and how well."""

    record: EntityRow
    name: NameMatch
    rank: int


async def search(info: Info, text: str, labels: list[str] | None, first: int | None) -> list[Hit]:
    """Entities whose names match `text` in any language, best matches first."""
    if len(text) > MAX_TEXT:
        raise BadArgument("text", f"must be at most {MAX_TEXT} characters (got {len(text)})")
    key = query_key(text)
    if not key:
        raise BadArgument("text", "must contain at least one letter or digit")
    size = page_size(first, info.context.settings.max_page_size, DEFAULT_HITS)
    rows = await graph_search.search_by_name(info.context.graph, key, labels, size)
    records = await info.context.loaders.entity.load_many([row["id"] for row in rows])
    return [
        Hit(record, min(row["matches"], key=lambda m: (m["rank"], m["lang"])), row["rank"])
        for row, record in zip(rows, records, strict=True) if record is not None
    ]
