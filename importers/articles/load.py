"""`python -m importers articles FILE|DIR...`: read the articles, find their mentions
against the registry's names, import sources and mentions as one unit, and write a draft
of the facts each states that the registry lacks."""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from graph import mentions as graph_mentions
from graph.client import GraphBackend
from importers.articles import gazetteer as gazetteer_module
from importers.articles.analyse import ItemAnalysis, analyse
from importers.articles.document import article_document, draft_document, origin_of, slug
from importers.articles.facts import Fact, facts_of
from importers.articles.text import Article, read_article
from importers.network.load import import_documents
from importers.problems import ImportRefused, Problem

SEEDS = Path(__file__).resolve().parents[2] / "data" / "articles" / "seeds"
SEED_ORIGIN = "article-000_6d3baf1c3126418d.txt"
"""The origin of the first seed article: loaded at first start when it is absent."""


@dataclass
class ArticlesSummary:
    """What an import of articles did."""

    articles: int = 0
    items: int = 0
    changed: int = 0
    mentions: Counter[str] = field(default_factory=Counter)
    ambiguities: list[str] = field(default_factory=list)
    facts: Counter[str] = field(default_factory=Counter)
    drafts: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def lines(self) -> list[str]:
        """A human summary: counts, then each ambiguous name with its candidates."""
        lines = [f"articles: {self.articles} files, {self.items} news items, "
                 f"{self.changed} imported or updated, {self.articles - self.changed} "
                 f"unchanged, in {self.seconds:.2f} s",
                 "  mentions: " + (", ".join(f"{n} {k}" for k, n in
                                             sorted(self.mentions.items())) or "none"),
                 "  candidate facts the registry lacks: " + (", ".join(
                     f"{n} {k}" for k, n in sorted(self.facts.items())) or "none")]
        lines += [f"  draft: {path}" for path in self.drafts]
        if self.ambiguities:
            lines.append(f"  names not linked ({len(self.ambiguities)}), with their "
                         "candidates:")
            lines += [f"    - {line}" for line in self.ambiguities]
        return lines


def article_files(paths: list[Path], problems: list[Problem]) -> list[Path]:
    """The files named, and the `.txt` files of the directories named, in name order."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(path.glob("*.txt"))
        elif path.is_file():
            found.append(path)
        else:
            problems.append(Problem(str(path), "file", "", "no such file or directory"))
    return found


async def import_articles(backend: GraphBackend, paths: list[Path],
                          drafts: Path | None = None, quiet: bool = False) -> ArticlesSummary:
    """Import articles; refuse them all, writing nothing, if one cannot be read."""
    started = time.monotonic()
    problems: list[Problem] = []
    read = [read_article(path, problems) for path in article_files(paths, problems)]
    articles = [article for article in read if article is not None]
    if problems:
        raise ImportRefused(problems)
    gazetteer = gazetteer_module.build(
        await graph_mentions.gazetteer(backend, gazetteer_module.CURATED_TYPES))
    analysed = [(article, analyse(article, gazetteer)) for article in articles]
    summaries = await import_documents(
        backend, [(origin_of(a), article_document(a, found)) for a, found in analysed],
        quiet=quiet, importer="articles")
    summary = ArticlesSummary(len(articles), sum(len(a.items) for a in articles),
                              sum(1 for s in summaries if s.changed))
    for article, found in analysed:
        _count(summary, article, found)
        facts = await _missing(backend, [f for one in found for f in facts_of(one)])
        summary.facts.update(fact.kind for fact in facts)
        if drafts is not None and facts:
            summary.drafts.append(str(write_draft(drafts, article, facts)))
    summary.seconds = time.monotonic() - started
    return summary


async def import_seed_articles(backend: GraphBackend) -> ArticlesSummary:
    """The five seed articles (data/articles/seeds), without drafts: the server's first
    start loads them so that their mentions are there from the start."""
    return await import_articles(backend, [SEEDS], None, quiet=True)


def _count(summary: ArticlesSummary, article: Article, found: list[ItemAnalysis]) -> None:
    for analysis in found:
        summary.mentions.update(m.type for m in analysis.mentions)
        summary.ambiguities += [
            f"{article.file} item {analysis.item.number} at {a.start}: {a.text!r}: "
            f"{a.reason}; candidates: " + "; ".join(f"{c[0]} {c[2]} ({c[1].lower()})"
                                                   for c in a.candidates)
            for a in analysis.ambiguities]


def _fact_key(fact: Fact) -> dict[str, str | None] | None:
    """The fact as an existence check: its kind, two entities and role."""
    parties = fact.parties
    if fact.kind == "TWINNING":
        a, b = parties["parties"].split()
    elif fact.kind == "MEMBERSHIP":
        a, b = parties["network"], parties["member"]
    elif fact.kind == "PARTICIPATION":
        a, b = parties["programme"], parties["participant"]
    else:
        return None
    return {"kind": fact.kind, "a": a, "b": b, "role": fact.role,
            "key": f"{fact.kind} {a} {b} {fact.role}"}


async def _missing(backend: GraphBackend, facts: list[Fact]) -> list[Fact]:
    """The facts the registry does not state yet (events are all kept: a curator checks
    them against the registry's events)."""
    keys = [_fact_key(fact) for fact in facts]
    rows = [key for key in keys if key is not None]
    existing = await graph_mentions.existing_facts(backend, rows) if rows else set()
    return [fact for fact, key in zip(facts, keys, strict=True)
            if key is None or key["key"] not in existing]


def write_draft(directory: Path, article: Article, facts: list[Fact]) -> Path:
    """The draft file of one article's candidate facts, for a curator."""
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"draft-{slug(article.file)}.yaml"
    header = (f"# Draft: candidate facts stated by {article.file}, found by `python -m "
              "importers articles`.\n# Not imported. Review each record against its "
              "sentence (note), correct or delete it, then import\n# with `python -m "
              "importers network <this file>` (the article must be imported first).\n")
    body = yaml.safe_dump(draft_document(article, facts), allow_unicode=True,
                          sort_keys=False, width=100)
    path.write_text(header + body, encoding="utf-8")
    return path
