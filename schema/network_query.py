"""Root fields of the cooperation network: look-ups by id and lists."""

from __future__ import annotations

from typing import Any

import strawberry

from resolvers import network as resolve
from resolvers.context import Info
from schema.document import Document
from schema.entity import node_from
from schema.event import Event
from schema.link import Link, link_from
from schema.network import Network
from schema.network_enums import EventKind, OrganisationKind, ProgrammeKind
from schema.organisation import Organisation
from schema.person import Person, Post
from schema.programme import Programme
from schema.source import Source

PAGE = "One page by name: `first` (default and maximum: the maximum page size), `offset`."


async def _typed(info: Info, id: str, entity_type: str) -> Any:
    return node_from(await resolve.typed(info, id, entity_type))


@strawberry.type
class NetworkQuery:
    @strawberry.field(description="An organisation by id; null if there is none.")
    async def organisation(self, info: Info, id: strawberry.ID) -> Organisation | None:
        return await _typed(info, id, "Organisation")

    @strawberry.field(description="A network by id; null if there is none.")
    async def network(self, info: Info, id: strawberry.ID) -> Network | None:
        return await _typed(info, id, "Network")

    @strawberry.field(description="A programme by id; null if there is none.")
    async def programme(self, info: Info, id: strawberry.ID) -> Programme | None:
        return await _typed(info, id, "Programme")

    @strawberry.field(description="A person by id; null if there is none.")
    async def person(self, info: Info, id: strawberry.ID) -> Person | None:
        return await _typed(info, id, "Person")

    @strawberry.field(description="A post by id; null if there is none.")
    async def post(self, info: Info, id: strawberry.ID) -> Post | None:
        return await _typed(info, id, "Post")

    @strawberry.field(description="An event by id; null if there is none.")
    async def event(self, info: Info, id: strawberry.ID) -> Event | None:
        return await _typed(info, id, "Event")

    @strawberry.field(description="A document by id; null if there is none.")
    async def document(self, info: Info, id: strawberry.ID) -> Document | None:
        return await _typed(info, id, "Document")

    @strawberry.field(description="A source by id; null if there is none.")
    async def source(self, info: Info, id: strawberry.ID) -> Source | None:
        return await _typed(info, id, "Source")

    @strawberry.field(description="A link (membership, twinning, participation...) by id.")
    async def link(self, info: Info, id: strawberry.ID) -> Link | None:
        row = await resolve.link(info, id)
        return None if row is None else link_from(row)

    @strawberry.field(description="Networks. " + PAGE)
    async def networks(self, info: Info, first: int | None = None,
                       offset: int = 0) -> list[Network]:
        return [Network.from_row(r) for r in
                await resolve.listing(info, "Network", None, first, offset)]

    @strawberry.field(description="Programmes, optionally of some kinds. " + PAGE)
    async def programmes(self, info: Info, kinds: list[ProgrammeKind] | None = None,
                         first: int | None = None, offset: int = 0) -> list[Programme]:
        wanted = [kind.value for kind in kinds] if kinds else None
        return [Programme.from_row(r) for r in
                await resolve.listing(info, "Programme", wanted, first, offset)]

    @strawberry.field(description="Organisations, optionally of some kinds. " + PAGE)
    async def organisations(self, info: Info, kinds: list[OrganisationKind] | None = None,
                            first: int | None = None, offset: int = 0) -> list[Organisation]:
        wanted = [kind.value for kind in kinds] if kinds else None
        return [Organisation.from_row(r) for r in
                await resolve.listing(info, "Organisation", wanted, first, offset)]

    @strawberry.field(description="Events, optionally of some kinds. " + PAGE)
    async def events(self, info: Info, kinds: list[EventKind] | None = None,
                     first: int | None = None, offset: int = 0) -> list[Event]:
        wanted = [kind.value for kind in kinds] if kinds else None
        return [Event.from_row(r) for r in
                await resolve.listing(info, "Event", wanted, first, offset)]

    @strawberry.field(description="People. " + PAGE)
    async def persons(self, info: Info, first: int | None = None,
                      offset: int = 0) -> list[Person]:
        return [Person.from_row(r) for r in
                await resolve.listing(info, "Person", None, first, offset)]

    @strawberry.field(description="Documents. " + PAGE)
    async def documents(self, info: Info, first: int | None = None,
                        offset: int = 0) -> list[Document]:
        return [Document.from_row(r) for r in
                await resolve.listing(info, "Document", None, first, offset)]

    @strawberry.field(description="Sources: articles, documents, datasets. " + PAGE)
    async def sources(self, info: Info, first: int | None = None,
                      offset: int = 0) -> list[Source]:
        return [Source.from_row(r) for r in
                await resolve.listing(info, "Source", None, first, offset)]
