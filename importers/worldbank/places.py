"""Resolving geocoded places to the backbone's regions, provinces and communes.

A place is looked up by name (the curated format's territorial look-up: the same keys,
ignoring case, accents and punctuation) at the levels it may be, narrowed to the region
its `admin_unit1_name` names. A former region is mapped to today's through the regions
table; a name the backbone writes otherwise through the places table. A place resolves
when exactly one unit matches, or when one of the matches holds all the others (a
province and its chief town of the same name: linked to the province, which holds the
place whichever is meant). Anything else is reported with its candidates, never guessed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from domain.records import TerritoryLookup
from domain.vocabulary import CollectivityLevel
from graph.client import GraphClient, Row
from importers.network.resolve import _name_lookups, ref_key
from importers.worldbank.tables import CurrentRegion, FormerRegion, Tables

LEVELS = (CollectivityLevel.REGION, CollectivityLevel.PROVINCE, CollectivityLevel.COMMUNE)


@dataclass(frozen=True)
class Place:
    """A place as the dataset geocodes it: its name and the region it gives for it."""

    name: str | None
    admin: str | None = None


@dataclass(frozen=True)
class Resolution:
    """The unit a place resolves to, or why it does not (with the candidates found)."""

    unit: Row | None
    reason: str = ""
    candidates: tuple[str, ...] = ()
    how: str = ""


@dataclass(frozen=True)
class _Plan:
    names: tuple[str, ...] = ()
    levels: tuple[CollectivityLevel, ...] = LEVELS
    parents: tuple[str | None, ...] = (None,)
    failure: str = ""
    how: str = ""

    def lookups(self) -> list[TerritoryLookup]:
        return [TerritoryLookup(name=name, level=level, parent=parent)
                for name in self.names for level in self.levels for parent in self.parents]


async def resolve_places(db: GraphClient, places: Sequence[Place],
                         tables: Tables) -> dict[Place, Resolution]:
    """The resolution of each distinct place (one round trip for all the look-ups)."""
    plans = {place: plan(place, tables) for place in set(places)}
    lookups = [lookup for p in plans.values() for lookup in p.lookups()]
    found = await _name_lookups(db, lookups)
    return {place: decide(p, [row for lookup in p.lookups()
                              for row in found.get(ref_key(lookup), [])])
            for place, p in plans.items()}


def plan(place: Place, tables: Tables) -> _Plan:
    """What to look up for a place (or why nothing can be)."""
    if not place.name:
        return _Plan(failure="no place name")
    if tables.is_country(place.name):
        return _Plan(failure="names the whole country, not a collectivity")
    region = tables.region(place.name)
    if region is not None:
        return _region_plan(place.name, region)
    doubt = tables.doubt(place.name)
    if doubt:
        return _Plan((place.name,), parents=_parents(place, tables), failure=doubt,
                     how="report")
    alias = tables.place(place.name)
    levels = (CollectivityLevel(alias.level),) if alias and alias.level else LEVELS
    how = f"{place.name!r} is written {alias.as_!r} in the backbone" if alias else ""
    return _Plan((alias.as_ if alias else place.name,), levels, _parents(place, tables),
                 how=how)


def _region_plan(name: str, region: CurrentRegion | FormerRegion) -> _Plan:
    """A region's name: today's region, a former one within it, or a former one split."""
    if not isinstance(region, FormerRegion):
        return _Plan((region.region,), (CollectivityLevel.REGION,),
                     how=f"{name!r} is {region.region}")
    if len(region.today) > 1:
        return _Plan(tuple(region.today), (CollectivityLevel.REGION,),
                     failure=f"former region {region.region}, split in 2015 among "
                             f"{len(region.today)} regions: not linked to one of them "
                             f"({region.moved})", how="report")
    return _Plan((region.today[0],), (CollectivityLevel.REGION,),
                 how=f"former region {region.region}, within {region.today[0]}")


def _parents(place: Place, tables: Tables) -> tuple[str | None, ...]:
    if not place.admin:
        return (None,)
    region = tables.region(place.admin)
    if isinstance(region, FormerRegion):
        return tuple(region.today)
    return (region.region if region else place.admin,)


def decide(plan: _Plan, rows: list[Row]) -> Resolution:
    """The unit the look-ups found, or why the place does not resolve."""
    units = list({row["id"]: row for row in rows}.values())
    listed = tuple(_label(unit) for unit in units)
    if plan.failure:
        return Resolution(None, plan.failure, listed if plan.how == "report" else ())
    where = "" if plan.parents == (None,) else " in " + " or ".join(map(str, plan.parents))
    if not units:
        names = [level.value.lower() for level in plan.levels]
        levels = " or ".join(filter(None, [", ".join(names[:-1]), names[-1]]))
        return Resolution(None, f"no {levels} named {plan.names[0]!r}{where} in the "
                                "backbone")
    if len(units) == 1:
        return Resolution(units[0], how=plan.how)
    holder = _holding_all(units)
    if holder is not None:
        how = f"{len(units)} units of that name, all within {_label(holder)}"
        return Resolution(holder, candidates=listed, how=how)
    return Resolution(None, f"{plan.names[0]!r}{where} is ambiguous, {len(units)} "
                            "candidates", listed)


def _holding_all(units: list[Row]) -> Row | None:
    """The one unit containing every other one, if there is such a unit."""
    for unit in units:
        others = [other for other in units if other is not unit]
        if all(unit["id"] in (o.get("parentId"), o.get("provinceId"), o.get("regionId"))
               for o in others):
            return unit
    return None


def _label(unit: Row) -> str:
    return f"{unit['id']} {unit.get('nameFr')} ({unit['level'].lower()})"
