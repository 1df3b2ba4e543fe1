"""Coverage of a network or programme against the territorial backbone."""

from __future__ import annotations

from dataclasses import dataclass, field

from graph import coverage as graph_coverage
from graph.rows import CoverageUnitRow, EntityRow
from resolvers import network as resolve
from resolvers.context import Info
from resolvers.errors import BadArgument

LEVELS = ("REGION", "PROVINCE", "COMMUNE")


@dataclass
class GroupCoverage:
    """One region, province or the whole country: members against totals by level."""

    group_id: str
    counts: dict[str, tuple[int, int]] = field(default_factory=dict)
    population: int = 0
    population_covered: int = 0
    member_ids: list[str] = field(default_factory=list)


@dataclass
class CoverageResult:
    """Coverage per group and for the country, plus the members outside the backbone."""

    subject: EntityRow
    group_by: str
    groups: list[GroupCoverage]
    national: GroupCoverage
    abroad_ids: list[str]
    other_ids: list[str]


async def coverage(info: Info, network: str | None, programme: str | None,
                   group_by: str) -> CoverageResult:
    """How much of each group the members of a network or programme cover."""
    subject = await _subject(info, network, programme)
    db = info.context.graph
    member_ids = await graph_coverage.members(db, subject["id"],
                                              subject["entityType"] == "Network")
    members = await resolve.entities(info, member_ids)
    in_morocco = [m for m in members if m.get("country") == "MA" and m.get("level") in LEVELS]
    ids = [m["id"] for m in in_morocco]
    units = await graph_coverage.moroccan_units(db)
    groups = tally(units, set(ids), group_by)
    national = tally(units, set(ids), "COUNTRY")
    for member in in_morocco:
        key = group_of(member, group_by)
        if key in groups:
            groups[key].member_ids.append(member["id"])
    country = national.get("MA", GroupCoverage("MA"))
    country.member_ids = ids
    return CoverageResult(
        subject, group_by, [groups[k] for k in sorted(groups)], country,
        abroad_ids=[m["id"] for m in members if "level" in m and m.get("country") != "MA"],
        other_ids=[m["id"] for m in members if "level" not in m])


async def _subject(info: Info, network: str | None, programme: str | None) -> EntityRow:
    if (network is None) == (programme is None):
        raise BadArgument("network", "give exactly one of `network` and `programme`")
    argument, wanted = ("network", "Network") if network else ("programme", "Programme")
    row = await resolve.typed(info, network or programme, wanted)
    if row is None:
        raise BadArgument(argument, f"no {wanted.lower()} has the id {network or programme!r}")
    return row


def tally(units: list[CoverageUnitRow], members: set[str], group_by: str
           ) -> dict[str, GroupCoverage]:
    """Members against totals by group and level, and the population of the communes
    reached by a member (the commune itself, its province or its region)."""
    counts: dict[str, dict[str, list[int]]] = {}
    groups: dict[str, GroupCoverage] = {}
    for unit in units:
        key = "MA" if group_by == "COUNTRY" else group_of(unit, group_by)
        if key is None:
            continue
        group = groups.setdefault(key, GroupCoverage(key))
        tally = counts.setdefault(key, {}).setdefault(unit["level"], [0, 0])
        tally[1] += 1
        if unit["id"] in members:
            tally[0] += 1
        if unit["level"] == "COMMUNE":
            population = int(unit["population"] or 0)
            group.population += population
            if (unit["id"] in members or unit["provinceId"] in members
                    or unit["regionId"] in members):
                group.population_covered += population
    for key, levels in counts.items():
        groups[key].counts = {level: (tally[0], tally[1]) for level, tally in levels.items()}
    return groups


def group_of(member: EntityRow | CoverageUnitRow, group_by: str) -> str | None:
    if group_by == "REGION":
        return str(member["id"]) if member["level"] == "REGION" else member.get("regionId")
    if member["level"] == "PROVINCE":
        return str(member["id"])
    return member.get("provinceId")
