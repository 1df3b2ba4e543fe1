"""The twinnings question: which Moroccan collectivities are twinned, with whom, where."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import strawberry

from resolvers import twinning as resolve
from resolvers.context import Info
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
