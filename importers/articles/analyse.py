"""One article, analysed: per news item, its mentions, the names left ambiguous, its
dates, and the facts it states (no I/O)."""

from __future__ import annotations

from dataclasses import dataclass, field

from importers.articles.dates import FoundDate, dates_in
from importers.articles.gazetteer import Gazetteer
from importers.articles.matcher import Ambiguity, Mention, match
from importers.articles.pairs import Pair, pair_abroad
from importers.articles.text import Article, Item


@dataclass
class ItemAnalysis:
    """What the matcher found in one news item (offsets in the item's text)."""

    item: Item
    text: str
    mentions: list[Mention] = field(default_factory=list)
    ambiguities: list[Ambiguity] = field(default_factory=list)
    dates: list[FoundDate] = field(default_factory=list)
    pairs: list[Pair] = field(default_factory=list)


def analyse(article: Article, gazetteer: Gazetteer) -> list[ItemAnalysis]:
    """Each item's mentions, ambiguities and dates."""
    found = []
    for item in article.items:
        text = article.text_of(item)
        mentions, ambiguities = match(text, gazetteer)
        mentions, ambiguities, pairs = pair_abroad(text, mentions, ambiguities, gazetteer)
        found.append(ItemAnalysis(item, text, mentions, ambiguities,
                                  dates_in(text, article.published), pairs))
    return found
