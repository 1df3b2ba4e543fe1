"""Coverage types: members of a network or programme against the backbone's totals."""

from __future__ import annotations

from enum import Enum
from typing import Any

import strawberry
from strawberry import Private

from domain.vocabulary import Level
from resolvers import network as resolve
from resolvers.context import Info
from resolvers.coverage import LEVELS, CoverageResult, GroupCoverage
from resolvers.coverage import MemberCount as Count
from schema.entity import node_from
from schema.link import StatedCount, links_of
from schema.node import Node
from schema.source import Source
from schema.territory import Collectivity


@strawberry.enum(description="How to group coverage.")
class CoverageGrouping(Enum):
    REGION = "REGION"
    PROVINCE = "PROVINCE"


@strawberry.type(description="Members of one level against the backbone's total.")
class LevelCoverage:
    level: Level
    members: int
    total: int

    @strawberry.field(description="members / total, 0 to 1.")
    def share(self) -> float:
        return self.members / self.total if self.total else 0.0


async def _nodes(info: Info, ids: list[str]) -> list[Any]:
    return [node for node in map(node_from, await resolve.entities(info, ids)) if node]


@strawberry.type(description="Coverage of one region, one province, or the whole country.")
class CoverageGroup:
    group: Private[GroupCoverage]
    is_national: Private[bool]

    @strawberry.field(description="The region or province; null for the national totals.")
    async def territory(self, info: Info) -> Collectivity | None:
        if self.is_national:
            return None
        return node_from(await resolve.entity(info, self.group.group_id))

    @strawberry.field(description="Members against totals, for regions, provinces and "
                                  "prefectures, and communes.")
    def levels(self) -> list[LevelCoverage]:
        return [LevelCoverage(level=Level(level), members=members, total=total)
                for level in LEVELS if level in self.group.counts
                for members, total in [self.group.counts[level]]]

    @strawberry.field(description="Population of its communes, RGPH 2024.")
    def population(self) -> int:
        return self.group.population

    @strawberry.field(description="Population of its communes reached by a member: the "
                                  "commune itself, its province or its region is a member.")
    def population_covered(self) -> int:
        return self.group.population_covered

    @strawberry.field(description="populationCovered / population, 0 to 1.")
    def population_share(self) -> float:
        group = self.group
        return group.population_covered / group.population if group.population else 0.0

    @strawberry.field(description="The members recorded in this group.")
    async def members(self, info: Info) -> list[Node]:
        return await _nodes(info, self.group.member_ids)


@strawberry.type(description="The members recorded by name beside the number the sources "
                             "state: how complete the record is.")
class MemberCount:
    count: Private[Count]

    @strawberry.field(description="Members recorded by name (a programme's funders are not "
                                  "members).")
    def recorded(self) -> int:
        return self.count.recorded

    @strawberry.field(description="The newest number of members a source states (of counts "
                                  "stated together, the total); null when no source states "
                                  "one.")
    def stated(self) -> int | None:
        return self.count.stated_value

    @strawberry.field(description="The date the stated count holds for, when its source says; "
                                  "partial ISO.")
    def stated_on(self) -> str | None:
        return None if self.count.stated is None else self.count.stated["link"].get("asOf")

    @strawberry.field(description="The sources of the stated count.")
    async def stated_by(self, info: Info) -> list[Source]:
        if self.count.stated is None:
            return []
        rows = await resolve.sources(info, self.count.stated["link"]["id"])
        return [Source.from_row(row) for row in rows]

    @strawberry.field(description="In plain words, e.g. \"1 of 126 stated members recorded "
                                  "by name\".")
    def summary(self) -> str:
        return self.count.summary


@strawberry.type(description="How much of Morocco's collectivities a network or programme "
                             "reaches, from the members recorded by name.")
class Coverage:
    result: Private[CoverageResult]

    @strawberry.field(description="The network or programme.")
    def subject(self) -> Node:
        return node_from(self.result.subject)

    @strawberry.field
    def group_by(self) -> CoverageGrouping:
        return CoverageGrouping(self.result.group_by)

    @strawberry.field(description="One entry per region or province with at least one unit.")
    def groups(self) -> list[CoverageGroup]:
        return [CoverageGroup(group=g, is_national=False) for g in self.result.groups]

    @strawberry.field(description="Totals for Morocco.")
    def national(self) -> CoverageGroup:
        return CoverageGroup(group=self.result.national, is_national=True)

    @strawberry.field(description="Members abroad (municipalities of other countries).")
    async def members_abroad(self, info: Info) -> list[Node]:
        return await _nodes(info, self.result.abroad_ids)

    @strawberry.field(description="Members that are not collectivities (organisations); a "
                                  "programme's funders are in `funders`, not here.")
    async def other_members(self, info: Info) -> list[Node]:
        return await _nodes(info, self.result.other_ids)

    @strawberry.field(description="A programme's funders (of it or of its parts): they pay "
                                  "for it and are not counted as members. Empty for a "
                                  "network.")
    async def funders(self, info: Info) -> list[Node]:
        return await _nodes(info, self.result.funder_ids)

    @strawberry.field(description="Members recorded by name beside the number the sources "
                                  "state.")
    def member_count(self) -> MemberCount:
        return MemberCount(count=self.result.member_count)

    @strawberry.field(description="Counts the sources state, to compare with the members "
                                  "recorded by name.")
    async def stated_counts(self, info: Info) -> list[StatedCount]:
        return await links_of(info, "STATED_COUNT", "subject", self.result.subject["id"])
