"""People and the posts they hold (a post belongs to a body; a holding has dates)."""

from __future__ import annotations

from typing import Any

import strawberry

from graph.rows import EntityRow
from resolvers.context import Info
from schema import actor
from schema.entity import CuratedEntity, curated_args, curated_type, reference
from schema.link import PostHolding, links_of, related_one
from schema.node import Node


@curated_type("Person")
@strawberry.federation.type(keys=["id"], description="A named person acting in the network.")
class Person(CuratedEntity):
    @classmethod
    def from_row(cls, row: EntityRow) -> Person:
        """A person from its row."""
        return cls(**curated_args(row))

    @classmethod
    async def resolve_reference(cls, info: Info, id: strawberry.ID | None = None,
                                **rest: Any) -> Person | None:
        row = await reference(info, id, "Person", rest)
        return None if row is None else cls.from_row(row)

    @strawberry.field(description="Posts held, with dates.")
    async def posts(self, info: Info) -> list[PostHolding]:
        return await links_of(info, "HOLDING", "holder", self.id)

    events = actor.events_field()


@curated_type("Post")
@strawberry.federation.type(keys=["id"], description="A role in a body, e.g. chair of a "
                                                     "council committee, held by people.")
class Post(CuratedEntity):
    @classmethod
    def from_row(cls, row: EntityRow) -> Post:
        """A post from its row."""
        return cls(**curated_args(row))

    @classmethod
    async def resolve_reference(cls, info: Info, id: strawberry.ID | None = None,
                                **rest: Any) -> Post | None:
        row = await reference(info, id, "Post", rest)
        return None if row is None else cls.from_row(row)

    @strawberry.field(description="The body the post belongs to.")
    async def body(self, info: Info) -> Node | None:
        return await related_one(info, "POST_OF", "post", self.id, "body")

    @strawberry.field(description="Who held the post, with dates.")
    async def holders(self, info: Info) -> list[PostHolding]:
        return await links_of(info, "HOLDING", "post", self.id)
