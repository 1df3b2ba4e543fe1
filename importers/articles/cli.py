"""The `articles` command: import articles, or evaluate the matcher against a gold file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from graph import territory as graph_territory
from graph.backends import open_backend
from graph.errors import GraphError
from importers.articles.evaluate import evaluate
from importers.articles.load import SEEDS, import_articles
from settings import Settings

DRAFTS = Path("article-drafts")


def add_command(commands: Any) -> None:
    """Declare `articles` and its options."""
    parser = commands.add_parser(
        "articles", help="press articles (UTF-8 text, optional URL:/TITLE:/DATE:/PUBLISHER: "
        "header lines): sources, mentions of the registry's entities, a draft of the facts "
        "they state")
    parser.add_argument("files", nargs="*", type=Path, help="article files or directories "
                        "of .txt files, imported all or nothing")
    parser.add_argument("--drafts", type=Path, default=DRAFTS,
                        help=f"where to write each article's draft of candidate facts "
                             f"(default: {DRAFTS}/)")
    parser.add_argument("--evaluate", type=Path, metavar="GOLD",
                        help="print precision and recall against a gold file instead of "
                             "importing (e.g. data/articles/seeds-gold.yaml)")
    parser.add_argument("--articles-dir", type=Path, default=SEEDS,
                        help="where the gold file's articles are (default: the seeds)")


async def run(args: argparse.Namespace, settings: Settings) -> int:
    """Evaluate, or import the files named; 1 when there is nothing to do."""
    if args.evaluate is None and not args.files:
        print("error: name article files or directories, or --evaluate GOLD",
              file=sys.stderr)
        return 1
    backend = open_backend(settings, attach=True)
    try:
        if not await graph_territory.counts_by_level(backend):
            raise GraphError("the territorial backbone is not loaded: run "
                             "`python -m importers territory` first")
        if args.evaluate is not None:
            result = await evaluate(backend, args.evaluate, args.articles_dir)
            print("\n".join(result.lines()))
            return 0
        await backend.ensure_schema()
        summary = await import_articles(backend, args.files, args.drafts)
        print("\n".join(summary.lines()))
        return 0
    finally:
        await backend.close()
