"""Partner pairs written "X-Y": a Moroccan collectivity joined by a dash to a municipality
abroad whose name the article spells in another script ("بركان-سان-جيل" for
Berkane–Saint-Gilles). The foreign name is compared by its consonant skeleton
(domain/person_names.py) with the registry's municipalities abroad; the Moroccan name,
paired with a municipality, is read at commune level."""

from __future__ import annotations

import re
from dataclasses import dataclass

from domain.person_names import distance, skeleton
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
    best: dict[str, int] = {}
    for skel, entry in gazetteer.foreign:
        candidate = "".join(skel[:len(words)])
        gap = distance(wanted, candidate)
        if gap <= len(wanted) // 4 and gap < best.get(entry.id, 99):
            best[entry.id] = gap
    if not best:
        return None
    nearest = min(best.values())
    winners = [i for i, gap in best.items() if gap == nearest]
    if len(winners) != 1:
        return None
    return next(e for _, e in gazetteer.foreign if e.id == winners[0])


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
