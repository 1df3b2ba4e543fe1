"""Relationship fields shared by collectivities and organisations (the network's actors).

Each factory returns a fresh Strawberry field, so a type can declare e.g.
`programmes = actor.programmes_field()`. Types are lazy: this module is
imported by `schema.territory`, below the link types.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from resolvers import lookups
from resolvers import network as resolve
from resolvers.context import Info
from schema.network_enums import LinkKind
from schema.node import Node

if TYPE_CHECKING:
    from schema.link import EventParticipation, Membership, Participation, Twinning

LinkModule = "schema.link"


async def _links(info: Info, kind: str, slot: str, owner_id: str,
                 viewer: str | None = None) -> list[Any]:
    from schema.link import link_from
    return [link_from(row, viewer) for row in await resolve.links(info, kind, slot, owner_id)]


async def _networks(root: Node, info: Info) -> list[Annotated[Membership, strawberry.lazy(
        LinkModule)]]:
    return await _links(info, "MEMBERSHIP", "member", root.id)


async def _twinnings(root: Node, info: Info) -> list[Annotated[Twinning, strawberry.lazy(
        LinkModule)]]:
    return await _links(info, "TWINNING", "party", root.id, viewer=root.id)


async def _programmes(root: Node, info: Info) -> list[Annotated[Participation, strawberry.lazy(
        LinkModule)]]:
    return await _links(info, "PARTICIPATION", "participant", root.id)


async def _events(root: Node, info: Info) -> list[Annotated[
        EventParticipation, strawberry.lazy(LinkModule)]]:
    return await _links(info, "ATTENDANCE", "participant", root.id)


@strawberry.type(description="An entity working with another, and through what.")
class Partner:
    via: LinkKind = strawberry.field(description="TWINNING, PARTICIPATION (a shared "
                                                 "programme) or DOCUMENT_PARTY (a shared "
                                                 "document).")
    partner_id: strawberry.Private[str]
    through_id: strawberry.Private[str]

    @strawberry.field(description="The partner.")
    async def partner(self, info: Info) -> Node | None:
        from schema.entity import node_from
        return node_from(await resolve.entity(info, self.partner_id))

    @strawberry.field(description="The twinning, programme or document they share.")
    async def through(self, info: Info) -> Node | None:
        from schema.entity import node_from
        from schema.link import link_from
        if self.via.value == "TWINNING":
            row = await resolve.link(info, self.through_id)
            return None if row is None else link_from(row)
        return node_from(await resolve.entity(info, self.through_id))


async def _partners(root: Node, info: Info) -> list[Partner]:
    rows = await lookups.partners(info, root.id)
    return [Partner(via=LinkKind(row["via"]), partner_id=row["partnerId"],
                    through_id=row["throughId"]) for row in rows]


def networks_field() -> Any:
    """Memberships of networks."""
    return strawberry.field(resolver=_networks, description="Networks it is a member of.")


def twinnings_field() -> Any:
    """Twinnings, each with `partner` set to the other party."""
    return strawberry.field(resolver=_twinnings, description="Its twinnings; `partner` is "
                                                             "the other party.")


def programmes_field() -> Any:
    """Programme participations."""
    return strawberry.field(resolver=_programmes,
                            description="Programmes it takes part in, with its role.")


def events_field() -> Any:
    """Event participations."""
    return strawberry.field(resolver=_events, description="Events it took part in, with its "
                                                          "role.")


def partners_field() -> Any:
    """Partners through twinnings, shared programmes and shared documents."""
    return strawberry.field(resolver=_partners, description="Who it works with: twins, "
                                                            "co-parties of its programmes and "
                                                            "documents.")
