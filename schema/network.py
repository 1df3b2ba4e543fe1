"""Networks of collectivities, with their members and the counts sources state."""

from __future__ import annotations

from typing import Any

import strawberry

from graph.rows import EntityRow
from resolvers.context import Info
from schema.entity import CuratedEntity, curated_type
from schema.link import Membership, StatedCount, links_of


@curated_type("Network")
@strawberry.federation.type(keys=["id"], description="A network of collectivities.")
class Network(CuratedEntity):
    founded: str | None = strawberry.field(description="Creation date, partial ISO.")

    @classmethod
    def own_args(cls, row: EntityRow) -> dict[str, Any]:
        """Its own fields' arguments."""
        return {"founded": row.get("founded")}

    @strawberry.field(description="Members recorded by name, with their dates and sources.")
    async def members(self, info: Info) -> list[Membership]:
        return await links_of(info, "MEMBERSHIP", "network", self.id)

    @strawberry.field(description="Counts the sources state (members by level...), which may "
                                  "exceed the members recorded by name.")
    async def stated_counts(self, info: Info) -> list[StatedCount]:
        return await links_of(info, "STATED_COUNT", "subject", self.id)
