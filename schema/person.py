"""People and the posts they hold (a post belongs to a body; a holding has dates)."""

from __future__ import annotations

import strawberry

from resolvers.context import Info
from schema import actor
from schema.entity import CuratedEntity, curated_type
from schema.link import PostHolding, links_of, related_one
from schema.node import Node


@curated_type("Person")
@strawberry.federation.type(keys=["id"], description="A named person acting in the network.")
class Person(CuratedEntity):
    @strawberry.field(description="Posts held, with dates.")
    async def posts(self, info: Info) -> list[PostHolding]:
        return await links_of(info, "HOLDING", "holder", self.id)

    events = actor.events_field()


@curated_type("Post")
@strawberry.federation.type(keys=["id"], description="A role in a body, e.g. chair of a "
                                                     "council committee, held by people.")
class Post(CuratedEntity):
    @strawberry.field(description="The body the post belongs to.")
    async def body(self, info: Info) -> Node | None:
        return await related_one(info, "POST_OF", "post", self.id, "body")

    @strawberry.field(description="Who held the post, with dates.")
    async def holders(self, info: Info) -> list[PostHolding]:
        return await links_of(info, "HOLDING", "post", self.id)
