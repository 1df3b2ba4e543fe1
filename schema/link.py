"""Reified relationships: each link is a node with its dates, role and sources."""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any, Optional, TypeAlias, TypedDict

import strawberry
from strawberry import Private

from domain import model
from graph.rows import LinkRow
from resolvers import network as resolve
from resolvers.context import Info
from schema.entity import node_from
from schema.network_enums import LinkKind
from schema.node import Node

if TYPE_CHECKING:
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
    row: Private[LinkRow]
    viewer: Private[str | None] = None

    @strawberry.field(description="Increases with each change; give it back when updating.")
    def version(self) -> int:
        return int(self.row["link"].get("version") or 1)

    @strawberry.field(description="Retired: no longer current; kept for history.")
    def retired(self) -> bool:
        retired: bool | None = self.row["link"].get("retired")
        return bool(retired)

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


class _LinkArgs(TypedDict):
    """The constructor arguments every link type shares."""

    id: strawberry.ID
    kind: LinkKind
    since: str | None
    until: str | None
    note: str | None
    row: LinkRow


def _args(row: LinkRow) -> _LinkArgs:
    link = row["link"]
    return {"id": strawberry.ID(link["id"]), "kind": LinkKind(link["kind"]),
            "since": link.get("since"), "until": link.get("until"), "note": link.get("note"),
            "row": row}


# Where the GraphQL type of each curated entity type lives (types are lazy: this module
# is imported by them).
_MODULES = {"Organisation": "schema.organisation", "Network": "schema.network",
            "Programme": "schema.programme", "Person": "schema.person", "Post": "schema.person",
            "Event": "schema.event", "Document": "schema.document", "Source": "schema.source"}


def _slot_type(slot: model.Slot) -> Any:
    """A slot's GraphQL type: its entity type when it accepts only one curated type."""
    if slot.count > 1:
        return list[Node]
    (only,) = slot.accepts if len(slot.accepts) == 1 else (None,)
    if only in _MODULES:
        return Optional[Annotated[only, strawberry.lazy(_MODULES[only])]]  # noqa: UP045
    return Optional[Node]  # noqa: UP045


def _slot_field(slot: model.Slot) -> Any:
    async def playing(root: Link, info: Info) -> Any:
        if slot.count > 1:
            rows = await resolve.entities(info, resolve.parties(root.row,
                                                                                slot.name))
            return [node_from(row) for row in rows]
        return await root._one(info, slot.name)
    playing.__annotations__ = {"root": Link, "info": Info, "return": _slot_type(slot)}
    name = "twins" if slot.count > 1 else slot.record_field
    return name, strawberry.field(resolver=playing, description=slot.description or None)


def _partner_field(slot: model.Slot) -> Any:
    async def partner(root: Link, info: Info) -> Node | None:
        others = [p for p in resolve.parties(root.row, slot.name) if p != root.viewer]
        if root.viewer is None or len(others) != 1:
            return None
        return node_from(await resolve.entity(info, others[0]))
    return strawberry.field(resolver=partner, description="The other party, when reached "
                                                          "from one of the two.")


def _graphql_type(prop: model.Prop) -> Any:
    kind = prop.graphql or prop.type
    return kind if prop.required or prop.default is not None else Optional[kind]  # noqa: UP045


def _link_type(kind: model.LinkKind) -> type[Link]:
    """The GraphQL type of a kind of link: its role, properties and one field per slot."""
    annotations: dict[str, Any] = {}
    namespace: dict[str, Any] = {"__module__": __name__, "__annotations__": annotations}
    if kind.role is not None:
        annotations["role"] = kind.role
        namespace["role"] = None
    for prop in kind.props:
        annotations[prop.name] = _graphql_type(prop)
        namespace[prop.name] = None
    for slot in kind.slots:
        if slot.count > 1:
            namespace["partner"] = _partner_field(slot)
    namespace.update(_slot_field(slot) for slot in kind.slots)
    cls = type(kind.graphql_type, (Link,), namespace)
    return strawberry.type(cls, description=kind.type_description)


_TYPES: dict[str, type[Link]] = {k.kind: _link_type(k) for k in model.LINK_KINDS
                                 if k.graphql_type != "Relation"}


@strawberry.type(description="A structural link: part of, post of, held in, within a "
                             "programme, adopted at. Its parties say who plays which part.")
class Relation(Link):
    pass


def link_from(row: LinkRow, viewer: str | None = None) -> Link:
    """The GraphQL link for a link row; `viewer` is the entity it was reached from."""
    link = row["link"]
    link_type = _TYPES.get(link["kind"])
    if link_type is None:
        return Relation(**_args(row))
    kind = model.LINK_KIND[link["kind"]]
    extra: dict[str, Any] = {p.name: _value(p, link.get(p.name)) for p in kind.props}
    if kind.role is not None:
        extra["role"] = kind.role(link["role"])
    return link_type(**_args(row), **extra, viewer=viewer)


def _value(prop: model.Prop, value: Any) -> Any:
    if value is None:
        value = prop.default
    kind = prop.graphql or prop.type
    if isinstance(kind, type) and issubclass(kind, Enum) and value is not None:
        return kind(value)
    return int(value) if kind is int and value is not None else value


if TYPE_CHECKING:  # generated at run time; to mypy, each is a Link
    Membership: TypeAlias = Link
    Twinning: TypeAlias = Link
    Participation: TypeAlias = Link
    PostHolding: TypeAlias = Link
    EventParticipation: TypeAlias = Link
    DocumentParty: TypeAlias = Link
    StatedCount: TypeAlias = Link
    Mention: TypeAlias = Link
else:
    Membership, Twinning, Participation, PostHolding, EventParticipation, DocumentParty, \
        StatedCount, Mention = (_TYPES[k] for k in ("MEMBERSHIP", "TWINNING", "PARTICIPATION",
                                                    "HOLDING", "ATTENDANCE", "DOCUMENT_PARTY",
                                                    "STATED_COUNT", "MENTIONS"))
LINK_TYPES = (*_TYPES.values(), Relation)


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
