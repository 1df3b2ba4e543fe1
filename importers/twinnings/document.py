"""From resolved rows to what is written: pairs, the curated document, foreign units.

A pair is one twinning however many lists give it (Oujda–Trowbridge is on the
England and the Morocco pages): it cites each list page it is on, as
"Wikipedia, List of twin towns and sister cities in <country>".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from domain.names import name_key
from domain.records import FORMAT, SourceRecord
from importers.territory import foreign
from importers.territory.records import TerritoryRecord
from importers.twinnings.dataset import PAGE_PREFIX
from importers.twinnings.resolve import Outcome

LICENCE = "CC BY-SA 4.0"
WIKI = "https://en.wikipedia.org/wiki/"
BACKBONE_COUNTRIES = frozenset({"MA", "BE"})


@dataclass
class Pair:
    """A resolved pair: the Moroccan unit, the foreign one, the rows that list it."""

    moroccan: str
    foreign: str
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def pages(self) -> list[str]:
        """The countries of the list pages giving the pair, each once."""
        return sorted({o.row.data.page_country for o in self.outcomes})

    @property
    def sources(self) -> list[str]:
        """The ids of the sources the pair cites."""
        return [source_id(page) for page in self.pages]


def pairs_of(outcomes: Iterable[Outcome]) -> list[Pair]:
    """Resolved rows grouped by pair, in the order first listed."""
    pairs: dict[tuple[str, str], Pair] = {}
    for outcome in outcomes:
        if outcome.moroccan.id and outcome.foreign.id:
            key = (outcome.moroccan.id, outcome.foreign.id)
            pairs.setdefault(key, Pair(*key)).outcomes.append(outcome)
    return list(pairs.values())


def source_id(page: str) -> str:
    """`src:wikipedia-twin-towns-<country>` for a list page's country."""
    slug = re.sub(r"[^a-z0-9]+", "-", name_key(page)).strip("-")
    return f"src:wikipedia-twin-towns-{slug}"


def source(page: str) -> dict[str, Any]:
    """The source record of one list page."""
    record: dict[str, Any] = {
        "id": source_id(page), "title": f"Wikipedia, {PAGE_PREFIX}{page}",
        "url": WIKI + (PAGE_PREFIX + page).replace(" ", "_"), "publisher": "Wikipedia",
        "language": "en", "kind": "DATASET",
        "note": "Read from the scrape of Wikipedia's twin-town lists in the repository "
                "Hekman/twincities (commit 84ebdec, twin_cities_raw.csv); the lists' "
                f"content is Wikipedia's, {LICENCE}.",
    }
    if "licence" in SourceRecord.model_fields:  # sources record a licence when they can
        record["licence"] = LICENCE
    return record


def document(pairs: Iterable[Pair], merged: Iterable[Pair]) -> dict[str, Any]:
    """The curated document: a source per list page cited, a twinning per pair not
    already stated by another origin (`merged` pairs only cite their sources)."""
    stated = list(pairs)
    pages = sorted({page for pair in [*stated, *merged] for page in pair.pages})
    return {
        "format": FORMAT,
        "sources": [source(page) for page in pages],
        "twinnings": [{"parties": [pair.moroccan, pair.foreign], "sources": pair.sources,
                       "note": _listed(pair)} for pair in stated],
    }


def _listed(pair: Pair) -> str:
    seen = dict.fromkeys(f"{o.row.data.moroccan_city} – {o.row.data.foreign_city} "
                         f"({o.row.data.foreign_country})" for o in pair.outcomes)
    return "Listed by Wikipedia as " + "; ".join(seen) + "."


def foreign_records(pairs: Iterable[Pair], countries: dict[str, str]) -> list[TerritoryRecord]:
    """The gazetteer units the pairs need, and a country unit for each country new to the
    registry (Belgian partners are the backbone's own)."""
    places = {o.foreign.place.geonames_id: o.foreign.place for pair in pairs
              for o in pair.outcomes if o.foreign.place is not None and o.country
              and o.country not in BACKBONE_COUNTRIES}
    units: list[TerritoryRecord] = [
        foreign.municipality(p.country, p.geonames_id, p.name, p.alternates)
        for p in sorted(places.values(), key=lambda p: (p.country, p.geonames_id))]
    isos = sorted({p.country for p in places.values()})
    return [foreign.country(iso, countries[iso]) for iso in isos] + units


def belgian_ids(pairs: Iterable[Pair]) -> dict[str, int]:
    """GeoNames ids of the Belgian municipalities the pairs name, where consistent."""
    return {o.foreign.id: o.foreign.place.geonames_id for pair in pairs for o in pair.outcomes
            if o.country == "BE" and o.foreign.id and o.foreign.place is not None}
