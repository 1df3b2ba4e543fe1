"""The article importer on a graph (both backends): the five seed articles' sources and
mentions, `mentionedIn` and `Source.mentions` over HTTP, idempotence, a corrected article
replacing its mentions, refused input writing nothing, the ambiguity report, the draft
file validated by the network importer, the evaluation, and the `/sources/<id>` page.

The two small texts written below are test fixtures for the importer's mechanics (marked
as such in their titles), imported into test graphs only, never into the registry's data.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest

from graph.client import GraphBackend
from importers.articles.evaluate import evaluate
from importers.articles.load import SEEDS, ArticlesSummary, import_articles
from importers.export.bundle import OriginFile
from importers.export.documents import build_documents
from importers.network.load import import_network, prepare
from importers.problems import ImportRefused
from tests.conftest import copy_graph, graph_snapshot, read, run_cli, served
from tests.hosts import GraphHost, on_graph
from tests.live import LiveServer

GOLD = SEEDS.parent / "seeds-gold.yaml"
BERKANE_PROVINCE, BERKANE_COMMUNE = "MA:02.113", "MA:02.113.01.09"
MENTIONED = """query($id: ID!) { node(id: $id) { ... on Collectivity { mentionedIn {
    source { id title } start end text snippet confidence } } } }"""
SOURCE = """query($id: ID!) { node(id: $id) { ... on Source { title language text page
    mentions { start end text confidence entity { id } } } } }"""
COUNT = ("MATCH (l:Link) WHERE l.kind = 'MENTIONS' AND l.origin = $origin "
         "RETURN count(l) AS n")
FIXTURE = "TITLE: Test fixture (not an article)\nDATE: 2026-01-06\n\n{body}\n"


def _import(host: GraphHost, graph: str, paths: list[Path],
            drafts: Path | None = None) -> ArticlesSummary:
    summary: ArticlesSummary = on_graph(host, graph, lambda backend: import_articles(
        backend, paths, drafts, quiet=True))
    return summary


@pytest.fixture(scope="module")
def drafts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("drafts")


@pytest.fixture(scope="module")
def imported(graph_host: GraphHost, network_template: str,
             drafts: Path) -> tuple[str, ArticlesSummary]:
    """A template holding the backbone, the curated network and the five seed articles."""
    graph = copy_graph(graph_host, network_template)
    summary = _import(graph_host, graph, [SEEDS], drafts)
    return graph_host.freeze(graph), summary


@pytest.fixture(scope="module")
def live(graph_host: GraphHost, imported: tuple[str, ArticlesSummary]) -> Iterator[LiveServer]:
    with served(graph_host, imported[0]) as server:
        yield server


def test_the_seeds_are_imported_with_their_items(imported: tuple[str, ArticlesSummary]
                                                 ) -> None:
    _, summary = imported
    assert (summary.articles, summary.items, summary.changed) == (5, 7, 5)
    assert summary.mentions["PROVINCE"] >= 10 and summary.mentions["Organisation"] >= 30
    assert len(summary.drafts) == 5


def test_ambiguous_names_are_listed_with_their_candidates(
        imported: tuple[str, ArticlesSummary]) -> None:
    _, summary = imported
    ouarzazate = [line for line in summary.ambiguities if "'ورزازات'" in line]
    assert len(ouarzazate) == 2
    assert "MA:08.401 " in ouarzazate[0] and "MA:08.401.01.07 " in ouarzazate[0]
    assert "\n".join(summary.lines()).count("names not linked") == 1


def test_mentioned_in_answers_for_berkanes_commune_and_provincial_council(
        live: LiveServer) -> None:
    province = live.data(MENTIONED, {"id": BERKANE_PROVINCE})["node"]["mentionedIn"]
    commune = live.data(MENTIONED, {"id": BERKANE_COMMUNE})["node"]["mentionedIn"]
    assert {m["source"]["id"] for m in province} == {"src:article-000-6d3baf1c3126418d-1"}
    assert {m["source"]["id"] for m in commune} == {"src:article-000-6d3baf1c3126418d-2",
                                                    "src:article-003-982db0d22045046b"}
    assert all(m["text"] == "بركان" and m["text"] in m["snippet"] for m in province + commune)
    assert all(0 < m["confidence"] <= 1 for m in commune)


def test_source_mentions_point_into_its_text(live: LiveServer) -> None:
    source = live.data(SOURCE, {"id": "src:article-002-fdbef4fad8fb6b6a"})["node"]
    assert source["language"] == "fr"
    assert source["page"] == "/sources/src:article-002-fdbef4fad8fb6b6a"
    assert source["title"] == "Dans la sélection des besoins, le citoyen est désormais impliqué"
    found = {m["entity"]["id"] for m in source["mentions"]}
    assert {"network:remacto", "org:arm", "MA:04.421"} <= found
    for mention in source["mentions"]:
        assert source["text"][mention["start"]:mention["end"]] == mention["text"]
    starts = [m["start"] for m in source["mentions"]]
    assert starts == sorted(starts)


def test_an_item_of_a_multi_item_article_has_its_own_headline(live: LiveServer) -> None:
    item = live.data(SOURCE, {"id": "src:article-000-6d3baf1c3126418d-3"})["node"]
    assert item["title"].startswith("احتضنت قاعة الاجتماعات التابعة لجماعة جرادة")
    assert item["text"].startswith("احتضنت") and "بركان" not in item["text"]


def test_mentions_stay_out_of_links_unless_asked(live: LiveServer) -> None:
    query = """query($kinds: [LinkKind!]) { node(id: "org:dgct") { ... on CuratedEntity {
        links(kinds: $kinds) { kind } } } }"""
    assert "MENTIONS" not in {link["kind"] for link in live.data(query)["node"]["links"]}
    asked = live.data(query, {"kinds": ["MENTIONS"]})["node"]["links"]
    assert asked and {link["kind"] for link in asked} == {"MENTIONS"}


def test_importing_again_changes_nothing(graph_host: GraphHost,
                                         imported: tuple[str, ArticlesSummary]) -> None:
    graph = copy_graph(graph_host, imported[0])
    before = graph_snapshot(graph_host, graph)
    summary = _import(graph_host, graph, [SEEDS])
    assert summary.changed == 0 and summary.articles == 5
    assert graph_snapshot(graph_host, graph) == before


def test_a_corrected_article_replaces_its_mentions(graph_host: GraphHost, network_template: str,
                                                   tmp_path: Path) -> None:
    graph = copy_graph(graph_host, network_template)
    path = tmp_path / "fixture.txt"
    path.write_text(FIXTURE.format(body="عقد مجلس جماعة جرادة دورته العادية."),
                    encoding="utf-8")
    _import(graph_host, graph, [path])
    assert _mentioned(graph_host, graph) == ["MA:02.275.01.17"]
    path.write_text(FIXTURE.format(body="عقد المجلس الإقليمي لبركان دورته العادية."),
                    encoding="utf-8")
    summary = _import(graph_host, graph, [path])
    assert summary.changed == 1
    assert _mentioned(graph_host, graph) == [BERKANE_PROVINCE]
    rows = read(graph_host, graph, COUNT, {"origin": "article-fixture.txt"})
    assert rows[0]["n"] == 1


def _mentioned(host: GraphHost, graph: str) -> list[str]:
    rows = read(host, graph, "MATCH (:Source {id: 'src:article-fixture'})<-[:INVOLVES]-(l:Link)"
                "-[p:INVOLVES]->(e:Entity) WHERE l.kind = 'MENTIONS' AND p.slot = 'entity' "
                "RETURN e.id AS id ORDER BY id")
    return [row["id"] for row in rows]


def test_bad_input_is_refused_with_file_line_and_reason(graph_host: GraphHost,
                                                        network_template: str,
                                                        tmp_path: Path) -> None:
    graph = copy_graph(graph_host, network_template)
    before = graph_snapshot(graph_host, graph)
    (tmp_path / "latin1.txt").write_bytes("Conseil préfectoral".encode("latin-1"))
    (tmp_path / "dated.txt").write_text("TITLE: Test fixture\nDATE: someday\n\nTexte.\n",
                                        encoding="utf-8")
    (tmp_path / "empty.txt").write_text("URL: https://example.org/a\n\n", encoding="utf-8")
    with pytest.raises(ImportRefused) as refused:
        _import(graph_host, graph, [tmp_path, tmp_path / "missing.txt"])
    problems = {(p.file, p.record, p.field): p.message for p in refused.value.problems}
    assert "not UTF-8" in problems[("latin1.txt", "file", "")]
    assert "not a date: 'someday'" in problems[("dated.txt", "header", "DATE")]
    assert problems[("empty.txt", "line 2", "text")] == "the article has no text"
    assert any(key[0].endswith("missing.txt") for key in problems)
    assert graph_snapshot(graph_host, graph) == before


def test_the_drafts_pass_the_network_importers_validation(
        graph_host: GraphHost, imported: tuple[str, ArticlesSummary], drafts: Path) -> None:
    graph = copy_graph(graph_host, imported[0])
    draft = drafts / "draft-002-fdbef4fad8fb6b6a.yaml"
    text = draft.read_text(encoding="utf-8")
    assert "Sentence: «" in text and "src:article-002-fdbef4fad8fb6b6a" in text
    for path in sorted(drafts.glob("*.yaml")):
        on_graph(graph_host, graph, partial(_validate, path=path))
    summary = on_graph(graph_host, graph, lambda backend: import_network(backend, draft,
                                                                         quiet=True))
    assert summary.changed and summary.entities["Event"] >= 1


async def _validate(backend: GraphBackend, path: Path) -> None:
    """A draft passes the network importer's validation and resolution (nothing written)."""
    await prepare(backend, path)


def test_the_evaluation_prints_its_table(graph_host: GraphHost,
                                         imported: tuple[str, ArticlesSummary]) -> None:
    graph = copy_graph(graph_host, imported[0])
    result = on_graph(graph_host, graph, lambda backend: evaluate(backend, GOLD, SEEDS))
    lines = result.lines()
    assert lines[0].split() == ["precision", "recall", "right", "found", "gold"]
    collectivities = result.scores["collectivity (all levels)"]
    assert collectivities.expected == 43 and collectivities.right <= collectivities.found
    assert result.scores["fact: twinning"].expected == 10
    process = run_cli(graph_host, graph, "importers", "articles", "--evaluate", str(GOLD))
    out, err = process.communicate(timeout=300)
    assert process.returncode == 0, err
    assert out.splitlines()[1].startswith("collectivity (all levels)")


def test_the_source_page_reads_right_to_left_with_its_mentions(live: LiveServer) -> None:
    page = live.http.get("/sources/src:article-000-6d3baf1c3126418d-1")
    assert page.status_code == 200
    assert '<article lang="ar" dir="rtl">' in page.text
    assert '<mark data-entity="MA:02.113"><a href="/entity/MA:02.113"' in page.text
    assert "000_6d3baf1c3126418d.txt" in page.text
    french = live.http.get("/sources/src:article-002-fdbef4fad8fb6b6a")
    assert '<article lang="fr" dir="ltr">' in french.text
    assert '<mark data-entity="network:remacto">' in french.text
    assert live.http.get("/sources/src:nothing-here").status_code == 404


def test_articles_are_found_by_their_text(live: LiveServer) -> None:
    query = "query($text: String!) { articles(containing: $text) { id } }"
    found = live.data(query, {"text": "conseil PRÉFECTORAL de rabat"})["articles"]
    assert [s["id"] for s in found] == ["src:article-002-fdbef4fad8fb6b6a"]
    found = live.data(query, {"text": "ورزازات بلفاع"})["articles"]
    assert [s["id"] for s in found] == ["src:article-003-982db0d22045046b"]
    assert live.error(query, {"text": "  "})["extensions"]["argument"] == "containing"


def test_the_export_keeps_articles_text_and_mentions(graph_host: GraphHost,
                                                    imported: tuple[str, ArticlesSummary]
                                                    ) -> None:
    graph = copy_graph(graph_host, imported[0])
    documents = build_documents(graph_snapshot(graph_host, graph))
    assert documents.problems == []
    article = documents.documents()["article-002_fdbef4fad8fb6b6a.txt"]
    assert article["sources"][0]["text"].startswith("Dans la sélection des besoins")
    assert len(article["mentions"]) >= 10
    for origin, document in documents.documents().items():
        OriginFile.model_validate({"origin": origin, "document": document})
