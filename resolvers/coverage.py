"""Coverage of a network or programme against the territorial backbone."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from domain.vocabulary import ParticipationRole
from graph import coverage as graph_coverage
from graph.rows import CoverageUnitRow, EntityRow, OwnedLinkRow
from resolvers import network as resolve
from resolvers.context import Info
from resolvers.errors import BadArgument

LEVELS = ("REGION", "PROVINCE", "COMMUNE")
# A funder pays for a programme; it is not one of its members.
FUNDER = ParticipationRole.FUNDER


@dataclass
class MemberCount:
    """Members recorded by name beside the newest count the sources state."""

    recorded: int
    stated: OwnedLinkRow | None

    @property
    def summary(self) -> str:
        """In plain words: '1 of 126 stated members recorded by name'."""
        noun = "member" if (self.stated_value or self.recorded) == 1 else "members"
        if self.stated is None:
            return (f"{self.recorded} {noun} recorded by name; no source states how many "
                    "there are")
        as_of = self.stated["link"].get("asOf")
        when = f" (stated as of {as_of})" if as_of else ""
        return f"{self.recorded} of {self.stated_value} stated {noun} recorded by name{when}"

    @property
    def stated_value(self) -> int | None:
        return None if self.stated is None else int(self.stated["link"]["value"])


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
    funder_ids: list[str]
    member_count: MemberCount


async def coverage(info: Info, network: str | None, programme: str | None,
                   group_by: str) -> CoverageResult:
    """How much of each group the members of a network or programme cover."""
    subject = await _subject(info, network, programme)
    db = info.context.graph
    parties = await graph_coverage.members(db, subject["id"],
                                           subject["entityType"] == "Network")
    member_ids = _unique(row["id"] for row in parties if row["role"] != FUNDER)
    funder_ids = _unique(row["id"] for row in parties if row["role"] == FUNDER)
    members = await resolve.entities(info, member_ids)
    counts = await resolve.links(info, "STATED_COUNT", "subject", subject["id"])
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
        other_ids=[m["id"] for m in members if "level" not in m],
        funder_ids=funder_ids, member_count=MemberCount(len(members), stated_members(counts)))


def stated_members(counts: list[OwnedLinkRow]) -> OwnedLinkRow | None:
    """The newest count of members a source states; of counts stated on the same date
    (or undated), the largest, since a total is never below its parts by level."""
    members = [row for row in counts if row["link"].get("measure") == "MEMBERS"
               and not row["link"].get("retired")]
    return max(members, key=lambda row: (row["link"].get("asOf") or "",
                                         int(row["link"]["value"])), default=None)


def _unique(ids: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(ids))


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
