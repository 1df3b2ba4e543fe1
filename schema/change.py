"""The audit trail in GraphQL: every change, who made it, when, before and after."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import strawberry
from strawberry import Private

from graph.rows import ChangeRow
from resolvers import audit as resolve_audit
from resolvers import network as resolve
from resolvers.context import Info
from schema.entity import node_from
from schema.node import Node
from schema.pagination import Connection, connection_from

if TYPE_CHECKING:
    from schema.source import Source


@strawberry.type(description="One change to the registry, as recorded when it was made. "
                             "Changes are appended, never edited or deleted.")
class Change:
    id: strawberry.ID
    at: str = strawberry.field(description="When, ISO 8601 UTC.")
    actor: str = strawberry.field(description="The owner of the token that made it.")
    action: str = strawberry.field(description="CREATE, UPDATE, RETIRE or ADD_NAME.")
    target_id: strawberry.ID
    target_kind: str
    version: int = strawberry.field(description="The target's version after the change.")
    before: str | None = strawberry.field(description="The target's properties before, JSON.")
    after: str = strawberry.field(description="The target's properties after, JSON.")
    request_id: str | None
    source_ids: Private[list[str]]

    @classmethod
    def from_row(cls, row: ChangeRow) -> Change:
        """A change from its row."""
        return cls(id=strawberry.ID(row["id"]), at=row["at"], actor=row["actor"],
                   action=row["action"], target_id=strawberry.ID(row["targetId"]),
                   target_kind=row["targetKind"],
                   version=int(row["version"]), before=row.get("before"), after=row["after"],
                   request_id=row.get("requestId"), source_ids=list(row.get("sources") or []))

    @strawberry.field(description="The entity or link changed, as it is now.")
    async def target(self, info: Info) -> Node | None:
        found = node_from(await resolve.entity(info, self.target_id))
        if found is None and (row := await resolve.link(info, self.target_id)) is not None:
            from schema.link import link_from
            return link_from(row)
        return found

    @strawberry.field(description="The sources the change cites.")
    async def sources(self, info: Info) -> list[Annotated[Source, strawberry.lazy(
            "schema.source")]]:
        from schema.source import Source
        return [Source.from_row(r) for r in await resolve.entities(info, self.source_ids)]


async def changes_page(info: Info, filters: dict[str, Any], first: int | None,
                       after: str | None) -> Connection[Change]:
    """A page of changes in time order."""
    page = await resolve_audit.changes_page(info, filters, first, after)
    return connection_from(page, Change.from_row)


@strawberry.type
class ChangesQuery:
    @strawberry.field(description="The audit trail, oldest first: every change since a time "
                                  "(ISO 8601), to one entity or link, or by one contributor.")
    async def changes(self, info: Info, since: str | None = None,
                      entity: strawberry.ID | None = None, contributor: str | None = None,
                      first: int | None = None, after: str | None = None
                      ) -> Connection[Change]:
        filters = {"since": since, "target": entity, "actor": contributor}
        return await changes_page(info, filters, first, after)
