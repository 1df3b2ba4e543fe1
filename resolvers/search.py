"""Multilingual search over the names of every entity, in passes from the closest match.

Pass by pass (domain.matching): the words as typed, their sounds (Latin spellings of
Arabic names and the reverse), and, only when those found nothing, typos, then some of
the words. A pass runs only while the page is not full, so a name matched as written is
never pushed out by one matched otherwise; each is one full-text query.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from domain.matching import Match, SearchText, closeness, search_text
from domain.names import query_key
from graph import search as graph_search
from graph.dialect import Clause
from graph.rows import EntityRow, NameMatch, SearchRow
from resolvers.context import Info
from resolvers.errors import BadArgument
from resolvers.pagination import page_size

MAX_TEXT = 200
DEFAULT_HITS = 20
# Names found by sound, typo or some words are ordered here, all of them: the index's
# best this many per pass (a short skeleton such as zz, Azzouzi's, is shared by some 140
# names at a tenth of the benchmark's large scale, communes of large population first).
CANDIDATES = 500


@dataclass
class Hit:
    """One entity found, with the name that matched best and how well."""

    record: EntityRow
    name: NameMatch
    rank: Match


@dataclass(frozen=True)
class _Pass:
    match: Match | None  # None: the statement's own rank (whole name, start, other)
    clauses: Callable[[SearchText], list[Clause]]
    every: bool = True
    fallback: bool = False  # runs only when the passes before it found nothing


# Typos and some words only when the text finds nothing as typed or as sounded: a name
# spelled right is not surrounded with its one-letter neighbours.
_PASSES = (
    _Pass(None, graph_search.words_clauses),
    _Pass(Match.TRANSLITERATION, graph_search.sounds_clauses),
    _Pass(Match.FUZZY, graph_search.typo_clauses, fallback=True),
    _Pass(Match.PARTIAL, graph_search.some_words_clauses, every=False, fallback=True),
)


def _ranked(text: SearchText, rows: list[SearchRow], match: Match
            ) -> list[tuple[str, Match, NameMatch]]:
    """Rows of a sound, typo or partial pass, closest first, each with its closest name."""
    scored = []
    for row in rows:
        score = float(row["score"] or 0)
        name, close = min(((m, closeness(text, m["key"])) for m in row["matches"]),
                          key=lambda pair: pair[1].order(match, score))
        scored.append((close.order(match, score), row["contributed"], -row["population"],
                       row["id"], name))
    scored.sort(key=lambda s: s[:4])
    return [(s[3], match, s[4]) for s in scored]


async def _found(info: Info, text: SearchText, scope: graph_search.Scope,
                 size: int) -> list[tuple[str, Match, NameMatch]]:
    found: list[tuple[str, Match, NameMatch]] = []
    seen: set[str] = set()
    for step in _PASSES:
        clauses = step.clauses(text)
        if len(found) >= size or not clauses or (step.fallback and found) or (
                not step.every and len(text.words) < 2):
            continue
        if step.match is None:  # every name the words find: the statement orders them
            rows = await graph_search.search_names(info.context.graph, text, clauses, scope,
                                                   size)
        else:
            rows = await graph_search.search_names(
                info.context.graph, text, clauses, scope, max(CANDIDATES, size),
                every=step.every, candidates=CANDIDATES)
        if step.match is None:
            ranked = [(r["id"], Match(r["rank"]),
                       min(r["matches"], key=lambda m: (m["rank"], m["lang"]))) for r in rows]
        else:
            ranked = _ranked(text, rows, step.match)
        for entity_id, match, name in ranked:
            if entity_id not in seen:
                seen.add(entity_id)
                found.append((entity_id, match, name))
    return found[:size]


async def search(info: Info, text: str, labels: list[str] | None, first: int | None,
                 region: str | None = None) -> list[Hit]:
    """Entities whose names match `text` in any language or script, best matches first."""
    if len(text) > MAX_TEXT:
        raise BadArgument("text", f"must be at most {MAX_TEXT} characters (got {len(text)})")
    key = query_key(text)
    if not key:
        raise BadArgument("text", "must contain at least one letter or digit")
    size = page_size(first, info.context.settings.max_page_size, DEFAULT_HITS)
    found = await _found(info, search_text(key), graph_search.Scope(labels, region), size)
    records = await info.context.loaders.entity.load_many([f[0] for f in found])
    return [Hit(record, name, match)
            for (_, match, name), record in zip(found, records, strict=True)
            if record is not None]
