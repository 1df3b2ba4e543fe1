"""Events: workshops, council sessions, study days, meetings, trainings."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from graph.rows import EntityRow
from resolvers.context import Info
from schema.entity import CuratedEntity, curated_type
from schema.link import EventParticipation, StatedCount, links_of, related, related_one
from schema.network_enums import EventKind, EventRole, EventStatus
from schema.territory import Territory

if TYPE_CHECKING:
    from schema.document import Document
    from schema.programme import Programme


@curated_type("Event")
@strawberry.federation.type(keys=["id"], description="A workshop, council session, study day, "
                                                     "meeting or training.")
class Event(CuratedEntity):
    kind: EventKind
    status: EventStatus = strawberry.field(description="HELD, or PLANNED when the source "
                                                       "announces it.")
    start: str | None = strawberry.field(description="Start, partial ISO date.")
    end: str | None = strawberry.field(description="End, partial ISO date.")
    venue: str | None = strawberry.field(description="Where, as the source words it.")
    agenda: list[str] = strawberry.field(description="Agenda items, as stated.")
    outcomes: list[str] = strawberry.field(description="Outcomes and decisions, as stated.")

    @classmethod
    def own_args(cls, row: EntityRow) -> dict[str, Any]:
        """Its own fields' arguments."""
        return {"kind": EventKind(row["kind"]),
                "status": EventStatus(row.get("status") or "HELD"), "start": row.get("start"),
                "end": row.get("end"), "venue": row.get("venue"),
                "agenda": list(row.get("agenda") or []),
                "outcomes": list(row.get("outcomes") or [])}

    @strawberry.field(description="The territory where it took place.")
    async def place(self, info: Info) -> Territory | None:
        return await related_one(info, "HELD_IN", "event", self.id, "place")

    @strawberry.field(description="The programme it was held within.")
    async def programme(self, info: Info) -> Annotated[Programme, strawberry.lazy(
            "schema.programme")] | None:
        return await related_one(info, "FRAMEWORK", "activity", self.id, "programme")

    @strawberry.field(description="Parties to the event, optionally of some roles only.")
    async def participants(self, info: Info, roles: list[EventRole] | None = None
                           ) -> list[EventParticipation]:
        wanted = [role.value for role in roles] if roles else None
        return await links_of(info, "ATTENDANCE", "event", self.id, wanted)

    @strawberry.field(description="Documents adopted or signed at it.")
    async def documents(self, info: Info) -> list[Annotated[Document, strawberry.lazy(
            "schema.document")]]:
        return await related(info, "ADOPTED_AT", "event", self.id, "document")

    @strawberry.field(description="Counts the sources state (participants by category...).")
    async def stated_counts(self, info: Info) -> list[StatedCount]:
        return await links_of(info, "STATED_COUNT", "subject", self.id)
