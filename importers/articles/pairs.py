"""Partner pairs written "X-Y": a Moroccan collectivity joined by a dash to a municipality
abroad whose name the article spells in another script ("بركان-سان-جيل" for
Berkane–Saint-Gilles). The foreign name is compared by its consonant skeleton
(domain/person_names.py) with the registry's municipalities abroad; the Moroccan name,
paired with a municipality, is read at commune level."""

from __future__ import annotations

import re
from dataclasses import dataclass

from domain.person_names import gap_at_most, skeleton
from importers.articles.gazetteer import Entry, Gazetteer
from importers.articles.matcher import Ambiguity, Mention

# After the Moroccan name: a dash, then the foreign name up to a comma, "و" or the end.
_PARTNER = re.compile(r"\s*[-–]\s*(?P<name>[^،,؛;.\n()]+?)(?=\s*(?:[،,؛;.\n(]|\s+و|$))")
_MAX_WORDS = 4


@dataclass(frozen=True)
class Pair:
    """A Moroccan collectivity and its partner abroad, as one dash joins them."""

    home: Mention
    abroad: Mention


def _abroad(name: str, gazetteer: Gazetteer) -> Entry | None:
    """The one municipality abroad whose name's skeleton is nearest to `name`'s (at most
    one consonant apart per four), or None when none or several are that near."""
    words = skeleton(name)
    if not words or len(words) > _MAX_WORDS or sum(map(len, words)) < 2:
        return None
    wanted = "".join(words)
    allowed = len(wanted) // 4
    by_length = gazetteer.foreign_prefixes(len(words))
    best: dict[str, tuple[int, Entry]] = {}
    for length in range(len(wanted) - allowed, len(wanted) + allowed + 1):
        for candidate, entry in by_length.get(length, ()):
            gap = gap_at_most(wanted, candidate, allowed)
            if gap is not None and gap < best.get(entry.id, (99, entry))[0]:
                best[entry.id] = (gap, entry)
    if not best:
        return None
    nearest = min(gap for gap, _ in best.values())
    winners = [entry for gap, entry in best.values() if gap == nearest]
    return winners[0] if len(winners) == 1 else None


def pair_abroad(text: str, mentions: list[Mention], ambiguities: list[Ambiguity],
                gazetteer: Gazetteer) -> tuple[list[Mention], list[Ambiguity], list[Pair]]:
    """Mentions and ambiguities completed by the pairs found; the pairs."""
    pairs: list[Pair] = []
    kept: list[Ambiguity] = []
    homes: list[tuple[int, int, str, tuple[tuple[str, str], ...], Ambiguity | None]]
    homes = [(m.start, m.end, m.text, ((m.entity_id, m.type),), None) for m in mentions
             if m.type in ("COMMUNE", "PROVINCE") and m.entity_id.startswith("MA:")]
    homes += [(a.start, a.end, a.text, tuple((c[0], c[1]) for c in a.candidates), a)
              for a in ambiguities]
    taken = {(m.start, m.end) for m in mentions}
    resolved: set[int] = set()
    for start, end, written, candidates, ambiguity in homes:
        communes = [c for c in candidates if c[1] == "COMMUNE" and c[0].startswith("MA:")]
        found = _PARTNER.match(text, end)
        if len(communes) != 1 or found is None:
            continue
        entry = _abroad(found.group("name"), gazetteer)
        if entry is None:
            continue
        home = Mention(communes[0][0], "COMMUNE", start, end, written, 0.8,
                       "paired with a municipality abroad")
        abroad = Mention(entry.id, entry.type, found.start("name"), found.end("name"),
                         found.group("name"), 0.6, "name abroad spelt in another script")
        pairs.append(Pair(home, abroad))
        if ambiguity is not None:
            resolved.add(id(ambiguity))
        if (start, end) not in taken:
            mentions.append(home)
        mentions.append(abroad)
    kept = [a for a in ambiguities if id(a) not in resolved]
    mentions.sort(key=lambda m: (m.start, m.end, m.entity_id))
    return mentions, kept, pairs
