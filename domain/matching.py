"""How a searched text is looked for, and how close a name found by its sound is.

A search runs in passes, best first (resolvers.search): the name's words as typed
(the last one as a prefix), then their sounds (domain.transliteration), then words
within a typo or two, then, when nothing was found, names holding only some of the
words. Names found by sound, typo or some words are ordered here, by how alike the
spellings are and how much of the name the text covers; no pass ever drops a name
matched as written below one matched otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher
from enum import IntEnum
from functools import lru_cache

from domain.transliteration import is_arabic, long_skeletons, word_skeletons

MAX_WORDS = 10


class Match(IntEnum):
    """How a name matched, best first (the GraphQL MatchQuality's values)."""

    EXACT = 0
    PREFIX = 1
    WORD = 2
    TRANSLITERATION = 3
    FUZZY = 4
    PARTIAL = 5


@dataclass(frozen=True)
class SearchText:
    """A searched text as words of its normal-form key, with each word's sounds."""

    key: str
    words: tuple[str, ...]
    sounds: tuple[tuple[str, ...], ...]

    @property
    def sounded(self) -> bool:
        """Whether any word has a sound to look for."""
        return any(self.sounds)


def search_text(key: str) -> SearchText:
    """The words (at most MAX_WORDS) and sounds of a query key."""
    words = tuple(key.split()[:MAX_WORDS])
    return SearchText(key, words, tuple(word_skeletons(w) for w in words))


def typo_edits(word: str) -> int:
    """How many typos a word may carry and still match: none under 4 letters."""
    return 0 if len(word) < 4 else 1 if len(word) < 8 else 2


@lru_cache(maxsize=65536)
def _ratio(a: str, b: str) -> float:
    """How alike two words are: as spelled in one script, by their sounds across two."""
    if is_arabic(a) != is_arabic(b):
        return max(SequenceMatcher(None, x, y).ratio()
                   for x in long_skeletons(a) for y in long_skeletons(b))
    return SequenceMatcher(None, a, b).ratio()


def _word_matches(query: str, sounds: tuple[str, ...], word: str) -> bool:
    return (word.startswith(query) or any(s in sounds for s in word_skeletons(word))
            or _ratio(query, word) >= 0.8)


@dataclass(frozen=True)
class Closeness:
    """How well a name found by sound, typo or some words matches the text."""

    matched: int  # words of the text found in the name
    coverage: float  # share of the name's words the text accounts for
    similarity: float  # mean, over the text's words, of the closest spelling in the name
    # The text in one script, the name in the other: what sound matching is for (a name
    # the articles write in Arabic only, typed in Latin letters), before another Latin
    # spelling that merely sounds alike (Reniers: رونيه before Renaix).
    across: bool

    def order(self, match: Match, score: float = 0.0) -> tuple[float, ...]:
        """A sort key, best first: for some of the words, the most words, the most of the
        name, then the index's `score` (the rarer words: Enabel before Maroc); otherwise
        across scripts first, then the closest spelling."""
        if match is Match.PARTIAL:
            return (-self.matched, -self.coverage, -score, -round(self.similarity, 2))
        return (-self.matched, -self.across, -round(self.similarity, 2), -self.coverage)


@lru_cache(maxsize=16384)
def closeness(text: SearchText, name_key: str) -> Closeness:
    """How close a name (its normal-form key) is to the searched text."""
    words = [w for w in name_key.split() if word_skeletons(w) or w.isdigit()] \
        or name_key.split()
    pairs = list(zip(text.words, text.sounds, strict=True))
    matched = sum(any(_word_matches(q, s, w) for w in words) for q, s in pairs)
    covered = sum(any(_word_matches(q, s, w) for q, s in pairs) for w in words)
    similarity = sum(max((_ratio(q, w) for w in words), default=0.0)
                     for q in text.words) / max(len(text.words), 1)
    across = is_arabic(text.key) != is_arabic(name_key)
    return Closeness(matched, covered / max(len(words), 1), similarity, across)
