"""Finding entities by any of their names, through the full-text index over names.

The index (graph.dialect) holds each name's words and their sound skeletons; a search
pass is one full-text query in the backend's own syntax, followed by the portable
part of the statement (filters, grouping by entity, order). The passes themselves
are chosen in resolvers.search, their order in domain.matching.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

from domain.matching import SearchText, typo_edits
from graph import dialect
from graph.client import GraphClient
from graph.dialect import Clause, Term
from graph.rows import SearchRow

_STATEMENTS = {"falkordb": dialect.FALKOR_SEARCH_NAMES, "neo4j": dialect.NEO4J_SEARCH_NAMES}
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


def some_words_clauses(text: SearchText) -> list[Clause]:
    """Any word, as written or by its sounds (the pass of last resort)."""
    return [(Term("terms", w), *(Term("sounds", s) for s in sounds))
            for w, sounds in zip(text.words, text.sounds, strict=True)]


async def search_names(db: GraphClient, text: SearchText, clauses: list[Clause],
                       every: bool, labels: Sequence[str] | None, region: str | None,
                       limit: int) -> list[SearchRow]:
    """Entities with a name the full-text query finds, best matches first: rank 0 the
    whole name, 1 its start, 2 anything else."""
    query = _QUERY_SYNTAX[db.dialect](clauses, every)
    params = {"query": query, "key": text.key, "labels": list(labels) if labels else None,
              "region": region, "limit": limit}
    return cast(list[SearchRow], await db.read(_STATEMENTS[db.dialect], params))
