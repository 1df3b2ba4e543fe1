"""Organisations: agencies, national bodies, associations, funders, departments..."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from graph.rows import EntityRow
from resolvers.context import Info
from schema import actor
from schema.entity import CuratedEntity, curated_type
from schema.link import DocumentParty, links_of, related, related_one
from schema.network_enums import OrganisationKind
from schema.node import Node

if TYPE_CHECKING:
    from schema.person import Post


@curated_type("Organisation")
@strawberry.federation.type(keys=["id"], description="A body taking part in the network: "
                                                     "agency, national body, association, "
                                                     "funder, department, committee...")
class Organisation(CuratedEntity):
    kind: OrganisationKind
    country: str | None = strawberry.field(description="ISO code of its country, or EU.")

    @classmethod
    def own_args(cls, row: EntityRow) -> dict[str, Any]:
        """Its own fields' arguments."""
        return {"kind": OrganisationKind(row["kind"]), "country": row.get("country")}

    @strawberry.field(description="The body it is a unit of (a ministry, a council...).")
    async def part_of(self, info: Info) -> Node | None:
        return await related_one(info, "PART_OF", "part", self.id, "whole")

    @strawberry.field(description="Its units: departments, committees, consultative bodies.")
    async def units(self, info: Info) -> list[Node]:
        return await related(info, "PART_OF", "whole", self.id, "part")

    @strawberry.field(description="Posts in this body.")
    async def posts(self, info: Info) -> list[Annotated[Post, strawberry.lazy(
            "schema.person")]]:
        return await related(info, "POST_OF", "body", self.id, "post")

    @strawberry.field(description="Documents it authored, signed, adopted or issued.")
    async def documents(self, info: Info) -> list[DocumentParty]:
        return await links_of(info, "DOCUMENT_PARTY", "party", self.id)

    networks = actor.networks_field()
    programmes = actor.programmes_field()
    events = actor.events_field()
    partners = actor.partners_field()
