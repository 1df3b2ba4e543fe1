"""Search over the notes, agendas and outcomes the registry holds (articles' text: see
resolvers/mentions.py)."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import TypedDict

from domain.names import name_key
from graph import text as graph_text
from graph.text import TextRow
from resolvers.context import Info
from resolvers.errors import BadArgument
from resolvers.pagination import page_size

# The order of the answer: events' agendas and outcomes, then notes.
FIELDS = ("agenda", "outcomes", "note")


class TextMatchRow(TypedDict):
    """One note, agenda item or outcome holding every word searched, and who holds it."""

    field: str
    text: str
    entityId: str | None
    linkId: str | None


@lru_cache(maxsize=8192)
def _key(text: str) -> str:
    """A text in the normal form of names: no case, accents or Arabic letter variants."""
    return name_key(text)


def _items(row: TextRow) -> Iterator[tuple[str, str]]:
    """(field, text) of each note, agenda item and outcome of a row."""
    values: dict[str, list[str] | str | None] = {
        "agenda": row["agenda"], "outcomes": row["outcomes"], "note": row["note"]}
    for field in FIELDS:
        value = values[field]
        for item in [value] if isinstance(value, str) else value or []:
            if isinstance(item, str) and item:
                yield field, item


async def texts_containing(info: Info, text: str, first: int | None) -> list[TextMatchRow]:
    """The notes, agenda items and outcomes holding every word of `text` (ignoring case,
    accents and Arabic letter variants): agendas and outcomes first, then notes; entities
    before links; by id, items in their order."""
    words = name_key(text).split()
    if not words:
        raise BadArgument("containing", "give at least one word")
    size = page_size(first, info.context.settings.max_page_size, 20)
    found: list[tuple[int, int, str, int, TextMatchRow]] = []
    for row in await graph_text.texts(info.context.graph):
        on_link = row["holder"] == "link"
        for index, (field, item) in enumerate(_items(row)):
            key = _key(item)
            if all(word in key for word in words):
                found.append((FIELDS.index(field), on_link, row["id"], index, {
                    "field": field, "text": item,
                    "entityId": None if on_link else row["id"],
                    "linkId": row["id"] if on_link else None}))
    found.sort(key=lambda match: match[:4])
    return [match[4] for match in found[:size]]
