"""`python -m importers articles --evaluate GOLD`: the matcher against a hand-written gold
file (data/articles/seeds-gold.yaml), precision and recall per entity type and for the
candidate facts. Reads the graph's names; writes nothing.

A found mention is right when it names the gold's entity and its offsets overlap the
gold's (offsets in the whole file). A found fact is right when its kind and entities
are the gold's (participations: programme and participant; events: the date, and the
organiser when the gold states one)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from graph import mentions as graph_mentions
from graph.client import GraphClient
from importers.articles import gazetteer as gazetteer_module
from importers.articles.analyse import analyse
from importers.articles.facts import Fact, facts_of
from importers.articles.text import read_article
from importers.problems import ImportRefused, Problem

COLLECTIVITY = ("REGION", "PROVINCE", "COMMUNE", "MUNICIPALITY")


@dataclass
class Score:
    """Counts of one row of the table."""

    right: int = 0
    found: int = 0
    expected: int = 0

    @property
    def precision(self) -> float:
        return self.right / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.right / self.expected if self.expected else 1.0


@dataclass
class Evaluation:
    """Scores by entity type and fact kind, and the errors behind them."""

    scores: dict[str, Score] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    def score(self, row: str) -> Score:
        return self.scores.setdefault(row, Score())

    def lines(self) -> list[str]:
        """The table, then each error."""
        out = [f"{'':28} {'precision':>9} {'recall':>7} {'right':>6} {'found':>6} {'gold':>5}"]
        for row, s in self.scores.items():
            out.append(f"{row:28} {s.precision:9.2f} {s.recall:7.2f} {s.right:6} "
                       f"{s.found:6} {s.expected:5}")
        return out + ["", f"errors ({len(self.errors)}):"] + [f"  - {e}" for e in self.errors]


def _type_row(kind: str) -> str:
    return f"collectivity ({kind.lower()})" if kind in COLLECTIVITY else kind.lower()


async def evaluate(db: GraphClient, gold_path: Path, articles_dir: Path) -> Evaluation:
    """Score the matcher on every article the gold file lists."""
    problems: list[Problem] = []
    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    gazetteer = gazetteer_module.build(
        await graph_mentions.gazetteer(db, gazetteer_module.CURATED_TYPES))
    result = Evaluation()
    for row in ("collectivity (all levels)", *map(_type_row, COLLECTIVITY), "organisation",
                "network", "programme", "person"):
        result.score(row)
    for entry in gold["articles"]:
        article = read_article(articles_dir / entry["file"], problems)
        if article is None:
            raise ImportRefused(problems)
        found = analyse(article, gazetteer)
        offset = article.body_offset
        mentions = [(m, offset + a.item.start) for a in found for m in a.mentions]
        _mentions(result, entry["file"], entry["mentions"], mentions)
        _facts(result, entry["file"], entry.get("facts", []),
               [fact for a in found for fact in facts_of(a)])
    return result


def _mentions(result: Evaluation, file: str, gold: list[dict[str, Any]],
              found: list[tuple[Any, int]]) -> None:
    matched: set[int] = set()
    for mention, base in found:
        start, end = base + mention.start, base + mention.end
        hit = next((i for i, g in enumerate(gold) if i not in matched
                    and g["entity"] == mention.entity_id
                    and g["start"] < end and start < g["end"]), None)
        _count(result, mention.type, found=1, right=int(hit is not None))
        if hit is None:
            result.errors.append(f"{file} {start}-{end} {mention.text!r}: found "
                                 f"{mention.entity_id} ({mention.how}), not in the gold")
        else:
            matched.add(hit)
    for i, g in enumerate(gold):
        _count(result, g["type"], expected=1)
        if i not in matched:
            result.errors.append(f"{file} {g['start']}-{g['end']} {g['text']!r}: missed "
                                 f"{g['entity']} ({g['type'].lower()})")


def _count(result: Evaluation, kind: str, found: int = 0, right: int = 0,
           expected: int = 0) -> None:
    rows = [_type_row(kind)] + (["collectivity (all levels)"] if kind in COLLECTIVITY else [])
    for row in rows:
        score = result.score(row)
        score.found, score.right, score.expected = (score.found + found, score.right + right,
                                                    score.expected + expected)


def _same(fact: Fact, gold: dict[str, Any]) -> bool:
    if fact.kind != gold["kind"]:
        return False
    if fact.kind == "TWINNING":
        return sorted(fact.parties["parties"].split()) == sorted(gold["parties"])
    if fact.kind == "MEMBERSHIP":
        return (fact.parties["network"], fact.parties["member"]) == (gold["network"],
                                                                      gold["member"])
    if fact.kind == "PARTICIPATION":
        return (fact.parties["programme"], fact.parties["participant"]) == (
            gold["programme"], gold["participant"])
    organiser = gold.get("organiser")
    return fact.date == gold.get("date") and (organiser is None
                                              or fact.parties.get("organiser") == organiser)


def _facts(result: Evaluation, file: str, gold: list[dict[str, Any]],
           found: list[Fact]) -> None:
    matched: set[int] = set()
    for fact in found:
        hit = next((i for i, g in enumerate(gold) if i not in matched and _same(fact, g)),
                   None)
        score = result.score(f"fact: {fact.kind.lower()}")
        score.found, score.right = score.found + 1, score.right + int(hit is not None)
        if hit is None:
            result.errors.append(f"{file}: found {fact.kind} {fact.parties} {fact.role or ''}"
                                 f"{fact.date or ''}, not in the gold")
        else:
            matched.add(hit)
    for i, g in enumerate(gold):
        result.score(f"fact: {g['kind'].lower()}").expected += 1
        if i not in matched:
            result.errors.append(f"{file}: missed {g}")
