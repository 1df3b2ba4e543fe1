"""The registry's names as a gazetteer: every name of a collectivity or curated entity,
indexed by its first word's key (domain/names.py), with what tells homonyms apart."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from domain.names import name_key
from domain.person_names import skeleton
from graph.mentions import GazetteerRow

CURATED_TYPES = ("Organisation", "Network", "Programme", "Person")
LEVELS = ("REGION", "PROVINCE", "COMMUNE", "MUNICIPALITY")
# Names too common to mean an entity on their own, whatever the registry holds.
_STOP = frozenset(name_key(w) for w in (
    "de", "la", "le", "les", "des", "et", "en", "ville", "centre", "commune", "province",
    "région", "programme", "réseau", "projet", "association", "conseil", "المركز", "المدينة",
    "الجماعة", "الجهة", "الإقليم", "المجلس", "البرنامج", "المشروع", "الجمعية", "الشراكة",
))


@dataclass(frozen=True)
class Entry:
    """One name of one entity."""

    id: str
    type: str  # Organisation, Network, Programme, Person, or a level
    words: tuple[str, ...]
    text: str
    lang: str
    parent: str | None = None
    country: str | None = None
    population: int = 0

    @property
    def territorial(self) -> bool:
        return self.type in LEVELS

    @property
    def acronym(self) -> bool:
        """A short name in capitals (REMACTO, ARM): matched only as written."""
        return len(self.words) == 1 and self.text.isupper() and len(self.text) <= 8


@dataclass
class Gazetteer:
    """Names by their first word's key; persons' skeletons; regions by first word."""

    by_first: dict[str, list[Entry]] = field(default_factory=lambda: defaultdict(list))
    persons: dict[tuple[str, ...], list[Entry]] = field(default_factory=lambda: defaultdict(list))
    foreign: list[tuple[tuple[str, ...], Entry]] = field(default_factory=list)
    longest: int = 1
    _prefixes: dict[int, dict[int, list[tuple[str, Entry]]]] = field(default_factory=dict)

    def add(self, entry: Entry) -> None:
        """Index one name (ignored when too common or too short to mean anything)."""
        key = " ".join(entry.words)
        if key in _STOP or (len(key) < 3 and not entry.acronym):
            return
        self.by_first[entry.words[0]].append(entry)
        self.longest = max(self.longest, len(entry.words))
        if entry.type == "Person" and entry.lang == "ar":
            self.persons[skeleton(entry.text)].append(entry)
        if entry.type == "MUNICIPALITY" and entry.country != "MA":
            self.foreign.append((skeleton(entry.text), entry))

    def foreign_prefixes(self, words: int) -> dict[int, list[tuple[str, Entry]]]:
        """Municipalities abroad by the length of the skeleton of their first `words`
        words (built once per number of words)."""
        if words not in self._prefixes:
            found: dict[int, list[tuple[str, Entry]]] = defaultdict(list)
            for skel, entry in self.foreign:
                joined = "".join(skel[:words])
                found[len(joined)].append((joined, entry))
            self._prefixes[words] = found
        return self._prefixes[words]

    def starting(self, word: str) -> list[Entry]:
        """The names whose first word has this key."""
        return self.by_first.get(word, [])


def build(rows: Iterable[GazetteerRow]) -> Gazetteer:
    """The gazetteer of the registry's names (rows of graph.mentions.gazetteer)."""
    gazetteer = Gazetteer()
    seen: set[tuple[str, str]] = set()
    for row in rows:
        words = tuple((row["key"] or name_key(row["text"])).split())
        if not words or (row["id"], " ".join(words)) in seen:
            continue
        seen.add((row["id"], " ".join(words)))
        gazetteer.add(Entry(row["id"], row["level"] or row["type"], words, row["text"],
                            row["lang"], row["parentId"], row["country"],
                            int(row["population"] or 0)))
    return gazetteer
