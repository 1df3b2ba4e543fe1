"""Programmes, with their components and phases, parties, twinnings and events."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from domain.vocabulary import ProgrammeStatus
from graph.rows import EntityRow
from resolvers.context import Info
from schema.entity import CuratedEntity, curated_type
from schema.link import (
    LINK_TYPES,
    Link,
    Participation,
    StatedCount,
    Twinning,
    links_of,
    related,
    related_one,
)
from schema.money import Money, money_from
from schema.network_enums import ParticipationRole, ProgrammeKind
from schema.vocabularies import register

if TYPE_CHECKING:
    from schema.document import Document
    from schema.event import Event

    ProgrammePlace = Link
else:  # generated from the model's PROGRAMME_PLACE kind
    ProgrammePlace = next(t for t in LINK_TYPES if t.__name__ == "ProgrammePlace")
register(ProgrammeStatus)


@curated_type("Programme")
@strawberry.federation.type(keys=["id"], description="A programme, project, component, phase "
                                                     "or plan of cooperation.")
class Programme(CuratedEntity):
    kind: ProgrammeKind
    start: str | None = strawberry.field(description="Start, partial ISO date.")
    end: str | None = strawberry.field(description="End, partial ISO date.")
    status: ProgrammeStatus | None = strawberry.field(description="Where it stands, when its "
                                                                  "source says.")
    objective: str | None = strawberry.field(description="Its objective, as its source "
                                                         "words it.")
    world_bank_id: str | None = strawberry.field(description="The World Bank's project id "
                                                             "(P-number), for its projects.")
    commitment: Money | None = strawberry.field(description="The amount committed to it (for "
                                                            "a World Bank project, the Bank's "
                                                            "commitment), with its currency.")

    @classmethod
    def own_args(cls, row: EntityRow) -> dict[str, Any]:
        """Its own fields' arguments."""
        props: dict[str, Any] = dict(row)  # the World Bank's fields are not in EntityRow
        status = props.get("status")
        return {"kind": ProgrammeKind(row["kind"]), "start": row.get("start"),
                "end": row.get("end"), "status": ProgrammeStatus(status) if status else None,
                "objective": props.get("objective"), "world_bank_id": props.get("worldBankId"),
                "commitment": money_from(props, "commitment")}

    @strawberry.field(description="The programme this is a component or phase of.")
    async def part_of(self, info: Info) -> Programme | None:
        return await related_one(info, "PART_OF", "part", self.id, "whole")

    @strawberry.field(description="Its components and phases.")
    async def components(self, info: Info) -> list[Programme]:
        return await related(info, "PART_OF", "whole", self.id, "part")

    @strawberry.field(description="Parties, optionally of some roles only.")
    async def participants(self, info: Info, roles: list[ParticipationRole] | None = None
                           ) -> list[Participation]:
        wanted = [role.value for role in roles] if roles else None
        return await links_of(info, "PARTICIPATION", "programme", self.id, wanted)

    @strawberry.field(description="Who funds it.")
    async def funders(self, info: Info) -> list[Participation]:
        return await links_of(info, "PARTICIPATION", "programme", self.id, ["FUNDER"])

    @strawberry.field(description="Who implements it.")
    async def implementers(self, info: Info) -> list[Participation]:
        return await links_of(info, "PARTICIPATION", "programme", self.id, ["IMPLEMENTER"])

    @strawberry.field(description="The collectivities it is located in.")
    async def places(self, info: Info) -> list[ProgrammePlace]:
        return await links_of(info, "PROGRAMME_PLACE", "programme", self.id)

    @strawberry.field(description="Twinnings within it.")
    async def twinnings(self, info: Info) -> list[Twinning]:
        return await links_of(info, "TWINNING", "programme", self.id)

    @strawberry.field(description="Events held within it.")
    async def events(self, info: Info) -> list[Annotated[Event, strawberry.lazy(
            "schema.event")]]:
        found = await related(info, "FRAMEWORK", "programme", self.id, "activity")
        return [node for node in found if type(node).__name__ == "Event"]

    @strawberry.field(description="Documents within it.")
    async def documents(self, info: Info) -> list[Annotated[Document, strawberry.lazy(
            "schema.document")]]:
        found = await related(info, "FRAMEWORK", "programme", self.id, "activity")
        return [node for node in found if type(node).__name__ == "Document"]

    @strawberry.field(description="Counts the sources state about it.")
    async def stated_counts(self, info: Info) -> list[StatedCount]:
        return await links_of(info, "STATED_COUNT", "subject", self.id)
