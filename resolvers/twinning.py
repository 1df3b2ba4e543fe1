"""The twinnings question: a page of twinnings matching a filter, counted when asked."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from graph import coverage as graph_coverage
from graph import twinning as graph_twinning
from graph.rows import EntityRow
from graph.twinning import TwinningRow
from resolvers import network as resolve
from resolvers.context import Info
from resolvers.coverage import GroupCoverage, group_of, tally
from resolvers.pagination import Ordering, Page, encode_cursor, name_position, page_size

ORDER = Ordering(field="TWINNED")
DEFAULT_PAGE = 50


async def twinnings_page(info: Info, filters: dict[str, Any], first: int | None,
                         after: str | None) -> Page[TwinningRow]:
    """One page of twinnings by the Moroccan party's name; the total only when asked."""
    size = page_size(first, info.context.settings.max_page_size, DEFAULT_PAGE)
    db = info.context.graph
    position = name_position(after, ORDER, "twinnings")
    rows = await graph_twinning.twinnings(db, filters, list(position) if position else None,
                                          size + 1)
    info.context.loaders.link.prime_many({row["link"]["id"]: row for row in rows})

    async def count() -> int:
        return await graph_twinning.count(db, filters)
    return Page(rows[:size], lambda row: encode_cursor(ORDER, row["sortKey"], row["link"]["id"]),
                len(rows) > size, after is not None, count)


@dataclass
class TwinningGroup:
    """Twinnings abroad in one region, province or the whole country."""

    coverage: GroupCoverage
    twinnings: int = 0
    countries: Counter[str] = field(default_factory=Counter)


async def twinning_coverage(info: Info, group_by: str, country: str | None
                            ) -> tuple[list[TwinningGroup], TwinningGroup]:
    """By region or province: the collectivities twinned abroad against the totals, the
    twinnings and their countries; and the national figures. A twinned arrondissement
    counts for its commune."""
    rows = await graph_twinning.twinned_abroad(info.context.graph, country)
    parties = {row["id"]: _as_commune(row) for row in
               await resolve.entities(info, sorted({r["moroccanId"] for r in rows}))}
    twinned = {party["id"] for party in parties.values()}
    units = await graph_coverage.moroccan_units(info.context.graph)
    groups = {key: TwinningGroup(group) for key, group in tally(units, twinned, group_by).items()}
    national = TwinningGroup(tally(units, twinned, "COUNTRY").get("MA", GroupCoverage("MA")))
    for unit in {party["id"]: party for party in parties.values()}.values():
        for group in _groups_of(unit, group_by, groups, national):
            group.coverage.member_ids.append(unit["id"])
    for row in rows:
        party = parties.get(row["moroccanId"])
        for group in [national] if party is None else _groups_of(party, group_by, groups,
                                                                 national):
            group.twinnings += 1
            group.countries[row["country"]] += 1
    return [groups[key] for key in sorted(groups)], national


def _groups_of(unit: EntityRow, group_by: str, groups: dict[str, TwinningGroup],
               national: TwinningGroup) -> list[TwinningGroup]:
    """The national figures and the unit's region or province, if it has one."""
    group = groups.get(group_of(unit, group_by) or "")
    return [national] if group is None else [national, group]


def _as_commune(row: EntityRow) -> EntityRow:
    """An arrondissement stands for its commune; any other unit for itself."""
    if row.get("level") == "ARRONDISSEMENT" and row.get("communeId"):
        return {**row, "id": str(row.get("communeId")), "level": "COMMUNE"}
    return row
