"""Coverage of a network or programme against the territorial backbone."""

from __future__ import annotations

from dataclasses import dataclass, field

from graph import coverage as graph_coverage
from graph.client import Row
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

    subject: Row
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
    groups = _groups(await graph_coverage.coverage_by_group(db, ids, group_by))
    national = _groups(await graph_coverage.coverage_by_group(db, ids, "COUNTRY"))
    for member in in_morocco:
        key = _group_of(member, group_by)
        if key in groups:
            groups[key].member_ids.append(member["id"])
    country = national.get("MA", GroupCoverage("MA"))
    country.member_ids = ids
    return CoverageResult(
        subject, group_by, [groups[k] for k in sorted(groups)], country,
        abroad_ids=[m["id"] for m in members if "level" in m and m.get("country") != "MA"],
        other_ids=[m["id"] for m in members if "level" not in m])


async def _subject(info: Info, network: str | None, programme: str | None) -> Row:
    if (network is None) == (programme is None):
        raise BadArgument("network", "give exactly one of `network` and `programme`")
    argument, wanted = ("network", "Network") if network else ("programme", "Programme")
    row = await resolve.typed(info, network or programme, wanted)
    if row is None:
        raise BadArgument(argument, f"no {wanted.lower()} has the id {network or programme!r}")
    return row


def _groups(rows: list[Row]) -> dict[str, GroupCoverage]:
    groups: dict[str, GroupCoverage] = {}
    for row in rows:
        group = groups.setdefault(row["groupId"], GroupCoverage(row["groupId"]))
        group.counts[row["level"]] = (int(row["members"]), int(row["total"]))
        group.population += int(row["population"])
        group.population_covered += int(row["populationCovered"])
    return groups


def _group_of(member: Row, group_by: str) -> str | None:
    if group_by == "REGION":
        return str(member["id"]) if member["level"] == "REGION" else member.get("regionId")
    if member["level"] == "PROVINCE":
        return str(member["id"])
    return member.get("provinceId")
