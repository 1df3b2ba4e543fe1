"""Resolving territorial units: look-ups, hierarchy navigation, filtered pages."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from graph import territory as graph_territory
from graph.rows import TerritoryRow
from graph.territory import CollectivityFilter
from resolvers.context import Info
from resolvers.errors import BadArgument
from resolvers.pagination import (
    Ordering,
    Page,
    decode_cursor,
    keyset_page,
    page_size,
    slice_page,
)
from resolvers.selection import connection_node_fields

DEFAULT_PAGE = 20
_COUNTRY = re.compile(r"^[A-Z]{2}$")


@dataclass(frozen=True)
class CollectivityQuery:
    """A collectivities filter as the API received it (areas by id or code)."""

    country: str | None = None
    levels: tuple[str, ...] | None = None
    types: tuple[str, ...] | None = None
    region: str | None = None
    province: str | None = None
    population_min: int | None = None
    population_max: int | None = None
    twinned_abroad: bool | None = None


async def by_id(info: Info, id: str) -> TerritoryRow | None:
    """The unit with this registry id, or None."""
    return await info.context.loaders.territory.load(id)


async def by_code(info: Info, code: str) -> TerritoryRow | None:
    """The unit with this official code (HCP or REFNIS), or None."""
    return await info.context.loaders.territory_by_code.load(code)


async def lookup(info: Info, id: str | None, code: str | None) -> TerritoryRow | None:
    """By id or by code: exactly one of them."""
    if (id is None) == (code is None):
        raise BadArgument("id", "give exactly one of id or code")
    return await by_id(info, id) if id is not None else await by_code(info, code or "")


async def by_reference(info: Info, id: str | None) -> TerritoryRow | None:
    """A unit a record points to by id (parent, region...), or None when it has none."""
    return await by_id(info, id) if id else None


async def children(info: Info, parent_id: str, relation: str,
                   brief: bool = False) -> list[TerritoryRow]:
    """The units below one parent along a relation, batched across parents; `brief`:
    with only graph.territory.BRIEF_KEYS."""
    return await info.context.loaders.children(relation, brief).load(parent_id)


async def children_page(info: Info, parent_id: str, relation: str, order: Ordering,
                        first: int | None, after: str | None, brief_fields: frozenset[str]
                        ) -> Page[TerritoryRow]:
    """A page of a parent's children (all of them are fetched: lists are short), brief
    units when only `brief_fields` are asked of them."""
    size = page_size(first, info.context.settings.max_page_size,
                     info.context.settings.max_page_size)
    brief = connection_node_fields(info) <= brief_fields
    return slice_page(await children(info, parent_id, relation, brief), order, size, after)


async def countries(info: Info) -> list[TerritoryRow]:
    """Every country of the backbone."""
    return await graph_territory.countries(info.context.graph)


async def collectivity_page(info: Info, query: CollectivityQuery, order: Ordering,
                            first: int | None, after: str | None,
                            brief_fields: frozenset[str]) -> Page[TerritoryRow]:
    """One page of the collectivities matching a filter, brief units when only
    `brief_fields` are asked of them; counted only when asked."""
    size = page_size(first, info.context.settings.max_page_size, DEFAULT_PAGE)
    where = await _resolve_filter(info, query)
    position = decode_cursor(after, order)
    db = info.context.graph
    brief = connection_node_fields(info) <= brief_fields
    rows = [row["n"] for row in await graph_territory.collectivity_page(
        db, where, order.field, order.descending, position, size + 1, brief)]

    async def count() -> int:
        return await graph_territory.collectivity_count(db, where)
    return keyset_page(rows, order, size, after, count)


async def _resolve_filter(info: Info, query: CollectivityQuery) -> CollectivityFilter:
    _check_filter(query)
    region = await _area(info, "filter.region", query.region, "REGION")
    province = await _area(info, "filter.province", query.province, "PROVINCE")
    return replace(CollectivityFilter(), country=query.country, levels=query.levels,
                   types=query.types, region_id=region, province_id=province,
                   population_min=query.population_min, population_max=query.population_max,
                   twinned_abroad=query.twinned_abroad)


def _check_filter(query: CollectivityQuery) -> None:
    if query.country is not None and not _COUNTRY.match(query.country):
        raise BadArgument("filter.country", f"must be an ISO 3166 code such as MA or BE "
                                            f"(got {query.country!r})")
    for name, value in (("filter.population.min", query.population_min),
                        ("filter.population.max", query.population_max)):
        if value is not None and value < 0:
            raise BadArgument(name, f"must be 0 or more (got {value})")
    low, high = query.population_min, query.population_max
    if low is not None and high is not None and low > high:
        raise BadArgument("filter.population", f"min ({low}) is above max ({high})")


async def _area(info: Info, argument: str, reference: str | None, level: str) -> str | None:
    if reference is None:
        return None
    row = await (by_id(info, reference) if ":" in reference else by_code(info, reference))
    if row is None or row["level"] != level:
        raise BadArgument(argument, f"no {level.lower()} has the id or code {reference!r}")
    return str(row["id"])
