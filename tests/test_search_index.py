"""The full-text index over names, on both backends: names of an older graph get their
search properties, and each pass of a search runs on the index."""

from __future__ import annotations

from typing import LiteralString

from domain.matching import search_text
from graph import names as graph_names
from graph import search as graph_search
from graph.client import GraphBackend
from tests.hosts import GraphHost, on_graph

# As a graph written before names carried their search properties.
FORGET_TERMS: LiteralString = (
    "MATCH (k:Name) WHERE k.entityId IN $ids SET k.terms = null, k.sounds = null "
    "RETURN count(k) AS n"
)
PEOPLE = ["person:nadia-mumni", "person:khalid-azzuzwi"]
ANYWHERE = graph_search.Scope()


def test_names_of_an_older_graph_get_their_search_properties(graph_host: GraphHost,
                                                             network_graph: str) -> None:
    async def work(backend: GraphBackend) -> tuple[int, int, list[str], list[str]]:
        [forgotten] = await backend.write(FORGET_TERMS, {"ids": PEOPLE})
        text = search_text("moumni")
        clauses = graph_search.sounds_clauses(text)
        before = await graph_search.search_names(backend, text, clauses, ANYWHERE, 100)
        given = await graph_names.add_missing_terms(backend, batch=1)
        after = await graph_search.search_names(backend, text, clauses, ANYWHERE, 100)
        return forgotten["n"], given, [r["id"] for r in before], [r["id"] for r in after]
    forgotten, given, before, after = on_graph(graph_host, network_graph, work)
    assert forgotten == given == 2  # one name each, given back one batch at a time
    assert "person:nadia-mumni" not in before and "person:nadia-mumni" in after


def test_every_pass_runs_on_the_index(graph_host: GraphHost, network_graph: str) -> None:
    async def work(backend: GraphBackend) -> dict[str, list[str]]:
        out = {}
        for label, text, clauses, every in [
            ("words", "sidi ka", graph_search.words_clauses, True),
            ("sounds", "khalid azzouzi", graph_search.sounds_clauses, True),
            ("typos", "berkame", graph_search.typo_clauses, True),
            ("some", "enabel maroc", graph_search.some_words_clauses, False),
        ]:
            words = search_text(text)
            rows = await graph_search.search_names(backend, words, clauses(words), ANYWHERE,
                                                   50, every=every, candidates=500)
            out[label] = [row["id"] for row in rows]
        return out
    found = on_graph(graph_host, network_graph, work)
    assert "MA:04.481" in found["words"]  # Sidi Kacem
    assert found["sounds"] == ["person:khalid-azzuzwi"]
    assert found["typos"][:2] == ["MA:02.113", "MA:02.113.01.09"]
    assert "org:enabel" in found["some"] and "org:arm" in found["some"]
