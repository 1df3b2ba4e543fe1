"""Networks of collectivities, with their members and the counts sources state."""

from __future__ import annotations

from typing import Any

import strawberry

from graph.rows import EntityRow
from resolvers.context import Info
from schema.entity import CuratedEntity, curated_args, curated_type, reference
from schema.link import Membership, StatedCount, links_of


@curated_type("Network")
@strawberry.federation.type(keys=["id"], description="A network of collectivities.")
class Network(CuratedEntity):
    founded: str | None = strawberry.field(description="Creation date, partial ISO.")

    @classmethod
    def from_row(cls, row: EntityRow) -> Network:
        """A network from its row."""
        return cls(**curated_args(row), founded=row.get("founded"))

    @classmethod
    async def resolve_reference(cls, info: Info, id: strawberry.ID | None = None,
                                **rest: Any) -> Network | None:
        row = await reference(info, id, "Network", rest)
        return None if row is None else cls.from_row(row)

    @strawberry.field(description="Members recorded by name, with their dates and sources.")
    async def members(self, info: Info) -> list[Membership]:
        return await links_of(info, "MEMBERSHIP", "network", self.id)

    @strawberry.field(description="Counts the sources state (members by level...), which may "
                                  "exceed the members recorded by name.")
    async def stated_counts(self, info: Info) -> list[StatedCount]:
        return await links_of(info, "STATED_COUNT", "subject", self.id)
