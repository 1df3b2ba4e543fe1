"""Finding entities by any of their names, through the names' normal-form keys."""

from __future__ import annotations

from collections.abc import Sequence
from typing import LiteralString, cast

from graph.client import GraphClient
from graph.rows import SearchRow

# rank 0: the whole name; 1: the name starts with the text; 2: a word of it does; at the
# same rank, curated and official entities before those contributed through the API.
SEARCH_BY_NAME: LiteralString = (
    "MATCH (k:Name) "
    "WHERE k.key STARTS WITH $key OR any(p IN $wordPrefixes WHERE k.key CONTAINS p) "
    "WITH k, CASE WHEN k.key = $key THEN 0 WHEN k.key STARTS WITH $key THEN 1 ELSE 2 END "
    "AS rank "
    "MATCH (e:Entity {id: k.entityId}) "
    "WHERE $labels IS NULL OR any(l IN labels(e) WHERE l IN $labels) "
    "WITH e, min(rank) AS best, "
    "collect({text: k.text, lang: k.lang, kind: k.kind, rank: rank}) AS matches "
    "RETURN e.id AS id, best AS rank, matches "
    "ORDER BY best, CASE WHEN e.origin = 'api' THEN 1 ELSE 0 END, "
    "coalesce(e.population, 0) DESC, e.id "
    "LIMIT $limit"
)


def word_prefixes(key: str) -> list[str]:
    """Substrings that mark `key` as the start of a word (also after an Arabic article)."""
    return [" " + key, " ال" + key] + ([] if key.startswith("ال") else ["ال" + key])


async def search_by_name(db: GraphClient, key: str, labels: Sequence[str] | None,
                         limit: int) -> list[SearchRow]:
    """Entities whose names match the normal-form `key`, best matches first."""
    params = {"key": key, "wordPrefixes": word_prefixes(key),
              "labels": list(labels) if labels else None, "limit": limit}
    return cast(list[SearchRow], await db.read(SEARCH_BY_NAME, params))
