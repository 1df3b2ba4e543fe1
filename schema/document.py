"""Documents: charters, partnership agreements, guides, decisions, reports, plans."""

from __future__ import annotations

from typing import Any

import strawberry

from graph.rows import EntityRow
from resolvers.context import Info
from schema.entity import CuratedEntity, curated_type
from schema.event import Event
from schema.link import DocumentParty, links_of, related_one
from schema.network_enums import DocumentKind
from schema.programme import Programme


@curated_type("Document")
@strawberry.federation.type(keys=["id"], description="A charter, agreement, guide, decision "
                                                     "(with its number and date), report or "
                                                     "plan.")
class Document(CuratedEntity):
    kind: DocumentKind
    number: str | None = strawberry.field(description="Its number, e.g. of a decision.")
    date: str | None = strawberry.field(description="Its date, partial ISO.")

    @classmethod
    def own_args(cls, row: EntityRow) -> dict[str, Any]:
        """Its own fields' arguments."""
        return {"kind": DocumentKind(row["kind"]), "number": row.get("number"),
                "date": row.get("date")}

    @strawberry.field(description="Authors, signatories, adopters and issuers.")
    async def parties(self, info: Info) -> list[DocumentParty]:
        return await links_of(info, "DOCUMENT_PARTY", "document", self.id)

    @strawberry.field(description="The event where it was adopted or signed.")
    async def event(self, info: Info) -> Event | None:
        return await related_one(info, "ADOPTED_AT", "document", self.id, "event")

    @strawberry.field(description="The programme it belongs to.")
    async def programme(self, info: Info) -> Programme | None:
        return await related_one(info, "FRAMEWORK", "activity", self.id, "programme")
