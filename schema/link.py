"""Reified relationships: each link is a node with its dates, role and sources."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import strawberry
from strawberry import Private

from graph.client import Row
from resolvers import network as resolve
from resolvers.context import Info
from schema.entity import node_from
from schema.network_enums import (
    DocumentRole,
    EventRole,
    LinkKind,
    ParticipationRole,
    TwinningStatus,
)
from schema.node import Node

if TYPE_CHECKING:
    from schema.document import Document
    from schema.event import Event
    from schema.network import Network
    from schema.person import Person, Post
    from schema.programme import Programme
    from schema.source import Source


@strawberry.type(description="An entity taking part in a link, and the part it plays.")
class LinkParty:
    slot: str = strawberry.field(description="The part played: member, network, party, "
                                             "programme, participant, event, holder, post...")
    entity_id: Private[str]

    @strawberry.field
    async def entity(self, info: Info) -> Node | None:
        return node_from(await resolve.entity(info, self.entity_id))


@strawberry.interface(description="A relationship stated by sources, with its dates.")
class Link(Node):
    kind: LinkKind
    since: str | None = strawberry.field(description="Start, partial ISO date, when stated.")
    until: str | None = strawberry.field(description="End, partial ISO date, when stated.")
    note: str | None
    row: Private[Row]

    @strawberry.field(description="Increases with each change; give it back when updating.")
    def version(self) -> int:
        return int(self.row["link"].get("version") or 1)

    @strawberry.field(description="Retired: no longer current; kept for history.")
    def retired(self) -> bool:
        return bool(self.row["link"].get("retired"))

    @strawberry.field(description="Every entity taking part, with its part.")
    def parties(self) -> list[LinkParty]:
        return [LinkParty(slot=p["slot"], entity_id=p["id"]) for p in self.row["parties"]]

    @strawberry.field(description="The sources that state this link.")
    async def sources(self, info: Info) -> list[Annotated[Source, strawberry.lazy(
            "schema.source")]]:
        from schema.source import Source
        return [Source.from_row(row) for row in await resolve.sources(info, self.id)]

    async def _one(self, info: Info, slot: str) -> Any:
        return node_from(await resolve.entity(info, resolve.party(self.row, slot)))


def _args(row: Row) -> dict[str, Any]:
    link = row["link"]
    return {"id": link["id"], "kind": LinkKind(link["kind"]), "since": link.get("since"),
            "until": link.get("until"), "note": link.get("note"), "row": row}


@strawberry.type(description="A collectivity's membership of a network.")
class Membership(Link):
    @strawberry.field
    async def network(self, info: Info) -> Annotated[Network, strawberry.lazy(
            "schema.network")] | None:
        return await self._one(info, "network")

    @strawberry.field
    async def member(self, info: Info) -> Node | None:
        return await self._one(info, "member")


@strawberry.type(description="Two twinned local governments, within a programme if stated.")
class Twinning(Link):
    status: TwinningStatus
    viewer: Private[str | None] = None

    @strawberry.field(description="The other party, when reached from one of the two.")
    async def partner(self, info: Info) -> Node | None:
        others = [p for p in resolve.parties(self.row, "party") if p != self.viewer]
        if self.viewer is None or len(others) != 1:
            return None
        return node_from(await resolve.entity(info, others[0]))

    @strawberry.field(description="Both twinned local governments.")
    async def twins(self, info: Info) -> list[Node]:
        rows = await resolve.entities(info, resolve.parties(self.row, "party"))
        return [node_from(row) for row in rows]

    @strawberry.field(description="The programme the twinning is part of, when stated.")
    async def programme(self, info: Info) -> Annotated[Programme, strawberry.lazy(
            "schema.programme")] | None:
        return await self._one(info, "programme")


@strawberry.type(description="A party to a programme, in a role.")
class Participation(Link):
    role: ParticipationRole

    @strawberry.field
    async def programme(self, info: Info) -> Annotated[Programme, strawberry.lazy(
            "schema.programme")] | None:
        return await self._one(info, "programme")

    @strawberry.field
    async def participant(self, info: Info) -> Node | None:
        return await self._one(info, "participant")


@strawberry.type(description="A person holding a post, from a date to a date.")
class PostHolding(Link):
    @strawberry.field
    async def post(self, info: Info) -> Annotated[Post, strawberry.lazy(
            "schema.person")] | None:
        return await self._one(info, "post")

    @strawberry.field
    async def person(self, info: Info) -> Annotated[Person, strawberry.lazy(
            "schema.person")] | None:
        return await self._one(info, "holder")


@strawberry.type(description="A party to an event, in a role.")
class EventParticipation(Link):
    role: EventRole

    @strawberry.field
    async def event(self, info: Info) -> Annotated[Event, strawberry.lazy(
            "schema.event")] | None:
        return await self._one(info, "event")

    @strawberry.field
    async def participant(self, info: Info) -> Node | None:
        return await self._one(info, "participant")


@strawberry.type(description="A party to a document: author, signatory, adopter or issuer.")
class DocumentParty(Link):
    role: DocumentRole

    @strawberry.field
    async def document(self, info: Info) -> Annotated[Document, strawberry.lazy(
            "schema.document")] | None:
        return await self._one(info, "document")

    @strawberry.field
    async def party(self, info: Info) -> Node | None:
        return await self._one(info, "party")


@strawberry.type(description="A number a source states about an entity (members by level, "
                             "participants), kept as stated rather than as invented entities.")
class StatedCount(Link):
    measure: str
    category: str
    value: int
    as_of: str | None

    @strawberry.field
    async def subject(self, info: Info) -> Node | None:
        return await self._one(info, "subject")


@strawberry.type(description="A structural link: part of, post of, held in, within a "
                             "programme, adopted at. Its parties say who plays which part.")
class Relation(Link):
    pass


_BUILDERS: dict[str, Any] = {
    "MEMBERSHIP": lambda args, link, viewer: Membership(**args),
    "TWINNING": lambda args, link, viewer: Twinning(
        **args, status=TwinningStatus(link.get("status") or "ACTIVE"), viewer=viewer),
    "PARTICIPATION": lambda args, link, viewer: Participation(
        **args, role=ParticipationRole(link["role"])),
    "HOLDING": lambda args, link, viewer: PostHolding(**args),
    "ATTENDANCE": lambda args, link, viewer: EventParticipation(
        **args, role=EventRole(link["role"])),
    "DOCUMENT_PARTY": lambda args, link, viewer: DocumentParty(
        **args, role=DocumentRole(link["role"])),
    "STATED_COUNT": lambda args, link, viewer: StatedCount(
        **args, measure=link["measure"], category=link["category"], value=int(link["value"]),
        as_of=link.get("asOf")),
}


def link_from(row: Row, viewer: str | None = None) -> Link:
    """The GraphQL link for a link row; `viewer` is the entity it was reached from."""
    build = _BUILDERS.get(row["link"]["kind"])
    if build is None:
        return Relation(**_args(row))
    return build(_args(row), row["link"], viewer)


LINK_TYPES = (Membership, Twinning, Participation, PostHolding, EventParticipation,
              DocumentParty, StatedCount, Relation)


async def links_of(info: Info, kind: str, slot: str, owner_id: str,
                   roles: list[str] | None = None) -> list[Any]:
    """GraphQL links of `kind` in which `owner_id` plays `slot`."""
    rows = await resolve.links(info, kind, slot, owner_id, roles)
    return [link_from(row, viewer=owner_id) for row in rows]


async def related(info: Info, kind: str, slot: str, owner_id: str, other: str) -> list[Any]:
    """The entities playing `other` in the links where `owner_id` plays `slot`."""
    rows = await resolve.links(info, kind, slot, owner_id)
    ids = [entity_id for row in rows for entity_id in resolve.parties(row, other)]
    return [node for node in map(node_from, await resolve.entities(info, ids)) if node]


async def related_one(info: Info, kind: str, slot: str, owner_id: str, other: str) -> Any:
    """The first entity playing `other` in such links, or None."""
    found = await related(info, kind, slot, owner_id, other)
    return found[0] if found else None
