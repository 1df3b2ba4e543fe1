"""The programmes question: who funds or implements what, where, in which state, when."""

from __future__ import annotations

from typing import Any

import strawberry

from domain.vocabulary import ProgrammeKind, ProgrammeStatus
from resolvers import programme as resolve
from resolvers.context import Info
from schema.pagination import Connection, connection_from
from schema.programme import Programme
from schema.vocabularies import register

register(ProgrammeStatus)


@strawberry.input(description="Which programmes: every field is optional, all given must hold.")
class ProgrammeFilter:
    funder: strawberry.ID | None = strawberry.field(default=None, description="Funded by this "
                                                    "organisation or collectivity.")
    implementer: strawberry.ID | None = strawberry.field(default=None, description="Implemented "
                                                         "by this organisation or collectivity.")
    region: strawberry.ID | None = strawberry.field(default=None, description="Placed in, or "
                                                    "with a party in, this region or a unit "
                                                    "within it (MA:02: the Oriental).")
    province: strawberry.ID | None = strawberry.field(default=None, description="The same for "
                                                      "a province or prefecture.")
    status: ProgrammeStatus | None = strawberry.field(default=None, description="In this "
                                                      "state, where its source says.")
    active_on: str | None = strawberry.field(default=None, description="Running on this "
                                             "partial ISO date (YYYY, YYYY-MM or YYYY-MM-DD), "
                                             "by its stated start and end.")
    kinds: list[ProgrammeKind] | None = strawberry.field(default=None, description="Of these "
                                                         "kinds only.")

    def as_filters(self) -> dict[str, Any]:
        """The filter as the resolver takes it."""
        return {"funder": self.funder, "implementer": self.implementer, "region": self.region,
                "province": self.province, "activeOn": self.active_on,
                "status": self.status.value if self.status else None,
                "kinds": [kind.value for kind in self.kinds] if self.kinds else None}


@strawberry.type
class ProgrammeQuery:
    @strawberry.field(description="Programmes matching a filter, by name (default 50 a page): "
                                  "\"who funds what in the Oriental\" is one query; "
                                  "`totalCount` when asked.")
    async def programmes_matching(self, info: Info, filter: ProgrammeFilter,
                                  first: int | None = None, after: str | None = None
                                  ) -> Connection[Programme]:
        page = await resolve.programmes_page(info, filter.as_filters(), first, after)
        return connection_from(page, Programme.from_row)
