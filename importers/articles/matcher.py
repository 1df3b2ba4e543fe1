"""Finding the registry's entities in a text: every name of the gazetteer, matched word by
word on its key (with Arabic prefixes taken off the first word), the longest first; a
collectivity's level from the cue word before it; homonyms kept apart by context or
listed with their candidates, never guessed."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from domain.names import name_key
from domain.person_names import skeleton
from importers.articles.cues import HONORIFICS, LONGEST_CUE, level_before, variants
from importers.articles.gazetteer import Entry, Gazetteer

_WORD = re.compile(r"[^\W_]+")
_ARABIC_MARK = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u0640]")
# Words may be apart by spaces and light punctuation, not by a sentence's end.
_JOIN = re.compile(r"^[\s\-–'’`«»\"“”()‘]{0,4}$")
_STRONG_POPULATION = 50_000
ACCEPTS = {"COMMUNE": ("COMMUNE", "MUNICIPALITY"), "PROVINCE": ("PROVINCE",),
           "REGION": ("REGION",)}


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    key: str


@dataclass(frozen=True)
class Mention:
    """An entity named in a text, at [start, end), with how sure and why."""

    entity_id: str
    type: str
    start: int
    end: int
    text: str
    confidence: float
    how: str


@dataclass(frozen=True)
class Ambiguity:
    """A name the matcher did not link: its candidates, and why it left it."""

    start: int
    end: int
    text: str
    candidates: tuple[tuple[str, str, str], ...]  # (id, type, name)
    reason: str


@dataclass(frozen=True)
class _Span:
    first: int  # first token
    size: int  # tokens
    start: int
    end: int
    entries: tuple[Entry, ...]


def tokens_of(text: str) -> list[Token]:
    """The words of a text with their offsets and keys."""
    return [Token(m.start(), m.end(), name_key(m.group(0))) for m in _WORD.finditer(text)
            if name_key(m.group(0))]


def _skip_letters(text: str, start: int, count: int) -> int:
    """The offset `count` letters after `start`, diacritics not counted."""
    position = start
    while count > 0 and position < len(text):
        if not _ARABIC_MARK.match(text[position]):
            count -= 1
        position += 1
    while position < len(text) and _ARABIC_MARK.match(text[position]):
        position += 1
    return position


def _joined(text: str, tokens: list[Token], first: int, size: int) -> bool:
    return all(_JOIN.match(text[tokens[i].end:tokens[i + 1].start])
               for i in range(first, first + size - 1))


def _written_as_named(entry: Entry, surface: str) -> bool:
    """Latin names keep their case: an acronym as written, a one-word name capitalised."""
    if entry.acronym:
        return surface == entry.text
    if len(entry.words) == 1 and surface[:1].isascii() and surface[:1].isalpha():
        return surface[:1].isupper()
    return True


def _spans(text: str, tokens: list[Token], gazetteer: Gazetteer) -> Iterator[_Span]:
    for i, token in enumerate(tokens):
        found: dict[tuple[int, int], list[Entry]] = {}
        for key, cut in variants(token.key):
            for entry in gazetteer.starting(key):
                size = len(entry.words)
                if i + size > len(tokens) or not _joined(text, tokens, i, size):
                    continue
                if any(tokens[i + j].key != entry.words[j] for j in range(1, size)):
                    continue
                start = _skip_letters(text, token.start, cut)
                if _written_as_named(entry, text[start:tokens[i + size - 1].end]):
                    found.setdefault((size, start), []).append(entry)
        for (size, start), entries in found.items():
            yield _Span(i, size, start, tokens[i + size - 1].end, tuple(entries))


def _select(spans: list[_Span]) -> tuple[list[_Span], list[_Span]]:
    """The longest spans, leftmost first, without overlaps; and the collectivities named
    inside a chosen organisation's or programme's name."""
    chosen: list[_Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -(s.end - s.start))):
        if not chosen or span.start >= chosen[-1].end:
            chosen.append(span)
    nested = [s for s in spans if s not in chosen and any(
        c.start <= s.start and s.end <= c.end and not any(e.territorial for e in c.entries)
        for c in chosen) and any(e.territorial for e in s.entries)]
    return chosen, nested


def match(text: str, gazetteer: Gazetteer) -> tuple[list[Mention], list[Ambiguity]]:
    """The mentions in a text and the names left ambiguous or unconfirmed."""
    tokens = tokens_of(text)
    chosen, nested = _select(list(_spans(text, tokens, gazetteer)))
    resolver = _Resolver(text, tokens, gazetteer)
    for span in chosen:
        resolver.resolve(span, nested=False)
    for span in nested:
        resolver.resolve(span, nested=True)
    resolver.persons_by_spelling(chosen)
    mentions = sorted(resolver.mentions, key=lambda m: (m.start, m.end, m.entity_id))
    return mentions, sorted(resolver.ambiguities, key=lambda a: a.start)


class _Resolver:
    """Turns spans into mentions, or into ambiguities with their candidates."""

    def __init__(self, text: str, tokens: list[Token], gazetteer: Gazetteer) -> None:
        self.text, self.tokens, self.gazetteer = text, tokens, gazetteer
        self.mentions: list[Mention] = []
        self.ambiguities: list[Ambiguity] = []

    def resolve(self, span: _Span, nested: bool) -> None:
        """Link one span, or report it."""
        candidates = {e.id: e for e in span.entries}
        level = self._cue(span)
        if nested and level is None:
            return  # a place name inside another name, without a level word: not a mention
        territorial = [e for e in candidates.values() if e.territorial]
        if level is not None and territorial:
            self._at_level(span, level, territorial)
        elif territorial:
            self._without_cue(span, list(candidates.values()))
        else:
            self._curated(span, list(candidates.values()))

    def _cue(self, span: _Span) -> str | None:
        """The level announced by the words right before the span (same sentence)."""
        first = span.first
        while first > 0 and span.first - first < LONGEST_CUE and _JOIN.match(
                self.text[self.tokens[first - 1].end:self.tokens[first].start]):
            first -= 1
        words = [t.key for t in self.tokens[first:span.first]]
        return level_before(words) if words else None

    def _at_level(self, span: _Span, level: str, territorial: list[Entry]) -> None:
        fitting = _distinct([e for e in territorial if e.type in ACCEPTS[level]])
        if len(fitting) == 1:
            self._add(span, fitting[0], 0.95, f"level word ({level.lower()})")
            return
        if not fitting and level == "REGION":
            regions = _distinct([e for e in self.gazetteer.starting(span.entries[0].words[0])
                                 if e.type == "REGION"])
            if len(regions) == 1:
                self._add(span, regions[0], 0.8, "region named by its first word")
                return
        if len(fitting) > 1 and (one := self._by_province(span, fitting)) is not None:
            self._add(span, one, 0.9, "level word and the province named next to it")
            return
        reason = (f"{len(fitting)} {level.lower()}s of this name" if fitting
                  else f"no {level.lower()} of this name")
        self._report(span, fitting or territorial, reason)

    def _without_cue(self, span: _Span, entries: list[Entry]) -> None:
        distinct = _distinct(entries)
        if len(distinct) == 1:
            entry = distinct[0]
            if _strong(entry):
                self._add(span, entry, 0.75, "unique name")
            else:
                self._report(span, distinct, "a small commune named without a level word")
            return
        territorial = [e for e in distinct if e.territorial]
        if (one := self._by_province(span, territorial)) is not None:
            self._add(span, one, 0.85, "the province named next to it")
            return
        self._report(span, distinct, "several entities of this name, no level word")

    def _curated(self, span: _Span, entries: list[Entry]) -> None:
        distinct = _distinct(entries)
        if len(distinct) > 1:
            self._report(span, distinct, "several entities of this name")
            return
        entry = distinct[0]
        if entry.type == "Person" and len(entry.words) == 1 and not self._honorific(span):
            return  # a surname alone, without Mr/السيد before it: too weak
        single = len(entry.words) == 1
        self._add(span, entry, 0.85 if single else 0.95, "acronym" if entry.acronym
                  else "name")

    def _honorific(self, span: _Span) -> bool:
        return span.first > 0 and self.tokens[span.first - 1].key in HONORIFICS

    def _by_province(self, span: _Span, entries: list[Entry]) -> Entry | None:
        """The one candidate whose province is named in the few words after the span."""
        after = self.tokens[span.first + span.size:span.first + span.size + 6]
        provinces = {e.id for t in after for key, _ in variants(t.key)
                     for e in self.gazetteer.starting(key) if e.type == "PROVINCE"}
        fitting = [e for e in entries if e.parent in provinces]
        return fitting[0] if len(_distinct(fitting)) == 1 else None

    def persons_by_spelling(self, chosen: list[_Span]) -> None:
        """People named in Latin letters whose Arabic name the registry holds."""
        taken = [(s.start, s.end) for s in chosen]
        for first in range(len(self.tokens)):
            for size in (3, 2):
                group = self.tokens[first:first + size]
                if len(group) < size or not _joined(self.text, self.tokens, first, size):
                    continue
                surface = self.text[group[0].start:group[-1].end]
                if not all(self.text[t.start].isupper() and self.text[t.start].isascii()
                           for t in group):
                    continue
                if any(s < group[-1].end and group[0].start < e for s, e in taken):
                    continue
                people = _distinct(self.gazetteer.persons.get(skeleton(surface), []))
                if len(people) == 1 and sum(map(len, skeleton(surface))) >= 4:
                    self.mentions.append(Mention(people[0].id, "Person", group[0].start,
                                                 group[-1].end, surface, 0.6,
                                                 "Arabic name spelt in Latin letters"))
                    taken.append((group[0].start, group[-1].end))
                    break

    def _add(self, span: _Span, entry: Entry, confidence: float, how: str) -> None:
        self.mentions.append(Mention(entry.id, entry.type, span.start, span.end,
                                     self.text[span.start:span.end], confidence, how))

    def _report(self, span: _Span, entries: list[Entry], reason: str) -> None:
        candidates = tuple((e.id, e.type, e.text) for e in _distinct(entries))
        self.ambiguities.append(Ambiguity(span.start, span.end,
                                          self.text[span.start:span.end], candidates, reason))


def _distinct(entries: list[Entry]) -> list[Entry]:
    """One entry per entity, in a stable order."""
    seen: dict[str, Entry] = {}
    for entry in entries:
        seen.setdefault(entry.id, entry)
    return sorted(seen.values(), key=lambda e: e.id)


def _strong(entry: Entry) -> bool:
    """A collectivity that may be named without a level word: a region or province, a
    name of several words, a city, or a municipality abroad."""
    if entry.type == "REGION" and len(entry.words) == 1 and not entry.text.isascii():
        return False  # الشرق is also "the east"
    return (entry.type in ("REGION", "PROVINCE") or len(entry.words) > 1
            or entry.population >= _STRONG_POPULATION
            or (entry.type == "MUNICIPALITY" and entry.country != "MA"))
