"""The twinnings question: which Moroccan collectivities are twinned, with whom, where."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import strawberry
from strawberry import Private

from resolvers import twinning as resolve
from resolvers.context import Info
from resolvers.twinning import TwinningGroup
from schema.coverage import CoverageGroup, CoverageGrouping
from schema.link import link_from
from schema.pagination import Connection, connection_from

if TYPE_CHECKING:
    from schema.link import Twinning
else:
    from schema.link import Twinning


@strawberry.input(description="Which twinnings: every field is optional, all given must hold.")
class TwinningFilter:
    country: str | None = strawberry.field(default=None, description="ISO code of the other "
                                           "party's country (FR, BE, ES...).")
    abroad: bool | None = strawberry.field(default=None, description="true: only twins "
                                           "abroad; false: only between Moroccan "
                                           "collectivities.")
    region: strawberry.ID | None = strawberry.field(default=None, description="The Moroccan "
                                                    "party is this region or within it.")
    province: strawberry.ID | None = strawberry.field(default=None, description="The Moroccan "
                                                      "party is this province or within it.")
    programme: strawberry.ID | None = strawberry.field(default=None, description="Within this "
                                                       "programme.")
    since: str | None = strawberry.field(default=None, description="Started on or after this "
                                         "partial ISO date (twinnings with a stated start).")

    def as_filters(self) -> dict[str, Any]:
        """The filter as the resolver takes it."""
        return {"country": self.country, "abroad": self.abroad, "region": self.region,
                "province": self.province, "programme": self.programme, "since": self.since}


@strawberry.type(description="Twinnings with one country.")
class CountryTwinnings:
    country_code: str = strawberry.field(description="ISO 3166 code of the country.")
    twinnings: int


@strawberry.type(description="Twinnings abroad of one region, one province, or the whole "
                             "country.")
class TwinningCoverageGroup:
    group: Private[TwinningGroup]
    is_national: Private[bool]

    @strawberry.field(description="The collectivities twinned abroad against the totals, by "
                                  "level, and the population they reach (`members`: those "
                                  "twinned).")
    def coverage(self) -> CoverageGroup:
        return CoverageGroup(group=self.group.coverage, is_national=self.is_national)

    @strawberry.field(description="Twinnings abroad.")
    def twinnings(self) -> int:
        return self.group.twinnings

    @strawberry.field(description="The countries of the twins, most twinnings first.")
    def countries(self) -> list[CountryTwinnings]:
        ranked = sorted(self.group.countries.items(), key=lambda item: (-item[1], item[0]))
        return [CountryTwinnings(country_code=code, twinnings=n) for code, n in ranked]


@strawberry.type(description="How many collectivities of each region or province have a twin "
                             "abroad, and in which countries.")
class TwinningCoverage:
    group_by: CoverageGrouping
    groups: list[TwinningCoverageGroup] = strawberry.field(
        description="One entry per region or province.")
    national: TwinningCoverageGroup = strawberry.field(description="Totals for Morocco.")


@strawberry.type
class TwinningQuery:
    @strawberry.field(description="Twinnings of Moroccan collectivities, by the Moroccan "
                                  "party's name: one row per twinning and Moroccan party "
                                  "(default 50 a page); `totalCount` when asked.")
    async def twinnings(self, info: Info, filter: TwinningFilter | None = None,
                        first: int | None = None, after: str | None = None
                        ) -> Connection[Twinning]:
        filters = filter.as_filters() if filter else {}
        page = await resolve.twinnings_page(info, filters, first, after)
        return connection_from(page, lambda row: link_from(row, viewer=row["moroccanId"]))

    @strawberry.field(description="Twinnings abroad by region or province: the "
                                  "collectivities twinned against the totals and the "
                                  "countries of their twins; `country` keeps one country.")
    async def twinning_coverage(self, info: Info,
                                group_by: CoverageGrouping = CoverageGrouping.REGION,
                                country: str | None = None) -> TwinningCoverage:
        groups, national = await resolve.twinning_coverage(info, group_by.value, country)
        return TwinningCoverage(
            group_by=group_by, national=TwinningCoverageGroup(group=national, is_national=True),
            groups=[TwinningCoverageGroup(group=g, is_national=False) for g in groups])
