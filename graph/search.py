"""Finding entities by any of their names, through the full-text index over names.

The index (graph.dialect) holds each name's words and their sound skeletons; a search
pass is one full-text query in the backend's own syntax, followed by the portable
part of the statement (filters, grouping by entity, order). The passes themselves
are chosen in resolvers.search, their order in domain.matching.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import cast

from domain.matching import SearchText, typo_edits
from graph import dialect
from graph.client import GraphClient
from graph.dialect import Clause, Term
from graph.rows import SearchRow

# (dialect, within a region?) -> statement
_STATEMENTS = {
    ("falkordb", False): dialect.FALKOR_SEARCH_NAMES,
    ("falkordb", True): dialect.FALKOR_SEARCH_NAMES_IN_REGION,
    ("neo4j", False): dialect.NEO4J_SEARCH_NAMES,
    ("neo4j", True): dialect.NEO4J_SEARCH_NAMES_IN_REGION,
}
_QUERY_SYNTAX = {"falkordb": dialect.falkor_fulltext_query, "neo4j": dialect.neo4j_fulltext_query}


def words_clauses(text: SearchText) -> list[Clause]:
    """Every word as written, the last one as a prefix (from two letters on)."""
    *first, last = text.words
    clauses: list[Clause] = [(Term("terms", w),) for w in first]
    return [*clauses, (Term("terms", last, prefix=len(last) >= 2),)]


def sounds_clauses(text: SearchText) -> list[Clause]:
    """Every word by one of its sounds (words without one, such as numbers, as written;
    articles and the like left out)."""
    clauses: list[Clause] = []
    for word, sounds in zip(text.words, text.sounds, strict=True):
        if sounds:
            clauses.append(tuple(Term("sounds", s) for s in sounds))
        elif word.isdigit():
            clauses.append((Term("terms", word),))
    return clauses


def typo_clauses(text: SearchText) -> list[Clause]:
    """Every word within its allowed typos."""
    return [(Term("terms", w, edits=typo_edits(w)),) for w in text.words]


# In the pass of last resort a sound must say more than one or two consonants: `k` (of
# "qqq") or `zz` alone found dozens of unrelated names for a text matching nothing.
PARTIAL_SOUND_MIN = 3


def some_words_clauses(text: SearchText) -> list[Clause]:
    """Any word, as written or by its sounds of three consonants or more (the pass of last
    resort)."""
    return [(Term("terms", w), *(Term("sounds", s) for s in sounds
                                 if len(s) >= PARTIAL_SOUND_MIN))
            for w, sounds in zip(text.words, text.sounds, strict=True)]


_EVERY = 100_000  # as many candidate names as a search takes when unbounded


@dataclass(frozen=True)
class Scope:
    """What a search is limited to: kinds of entity (labels), a region's id."""

    labels: Sequence[str] | None = None
    region: str | None = None


async def search_names(db: GraphClient, text: SearchText, clauses: list[Clause],
                       scope: Scope, limit: int, *, every: bool = True,
                       candidates: int = _EVERY) -> list[SearchRow]:
    """Entities with a name the full-text query finds (all clauses, or any with `every`
    false; among the `candidates` names the index scores best), best matches first: rank
    0 the whole name, 1 its start, 2 other."""
    query = _QUERY_SYNTAX[db.dialect](clauses, every)
    # A page of names matched as written is ordered by population; candidates found
    # otherwise by the index's score, so a person is not cut for having none.
    params = {"query": query, "key": text.key,
              "labels": list(scope.labels) if scope.labels else None,
              "region": scope.region, "limit": limit, "candidates": candidates,
              "byScore": candidates < _EVERY}
    statement = _STATEMENTS[db.dialect, scope.region is not None]
    return cast(list[SearchRow], await db.read(statement, params))
