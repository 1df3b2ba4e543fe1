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


@strawberry.type(description="A file an import read.")
class ImportedFile:
    name: str = strawberry.field(description="The file's name; for the backbone, the package "
                                             "and its version.")
    sha256: str = strawberry.field(description="SHA-256 of its bytes (of the backbone's "
                                               "records as imported, for a package).")


@strawberry.type(description="What one import did to the graph.")
class ImportDetails:
    importer: str = strawberry.field(description="network, territory, worldbank, "
                                                 "twinnings or articles.")
    files: list[ImportedFile]
    added: int = strawberry.field(description="Entities and links it created.")
    changed: int = strawberry.field(description="Entities and links it changed.")
    removed: int = strawberry.field(description="Entities and links it removed (no longer "
                                                "in its file).")


def _import_details(row: ChangeRow) -> ImportDetails | None:
    if row["action"] != "IMPORT":
        return None
    files = [ImportedFile(name=name, sha256=digest) for name, digest in
             zip(row.get("fileNames") or [], row.get("fileHashes") or [], strict=True)]
    return ImportDetails(importer=row.get("importer") or "", files=files,
                         added=int(row.get("added") or 0), changed=int(row.get("changed") or 0),
                         removed=int(row.get("removed") or 0))


@strawberry.type(description="One change to the registry, as recorded when it was made. "
                             "Changes are appended, never edited or deleted.")
class Change:
    id: strawberry.ID
    at: str = strawberry.field(description="When, ISO 8601 UTC.")
    actor: str = strawberry.field(description="The owner of the token that made it; for an "
                                              "import, who ran it (`--by`, or the OS user).")
    action: str = strawberry.field(description="CREATE, UPDATE, RETIRE, ADD_NAME, or IMPORT "
                                               "(a file or dataset loaded; target "
                                               "`import:<origin>`).")
    target_id: strawberry.ID
    target_kind: str
    version: int = strawberry.field(description="The target's version after the change.")
    before: str | None = strawberry.field(description="The target's properties before, JSON.")
    after: str = strawberry.field(description="The target's properties after, JSON.")
    request_id: str | None
    imported: ImportDetails | None = strawberry.field(description="For an IMPORT: the "
                                                      "importer, its files and counts.")
    source_ids: Private[list[str]]

    @classmethod
    def from_row(cls, row: ChangeRow) -> Change:
        """A change from its row."""
        return cls(id=strawberry.ID(row["id"]), at=row["at"], actor=row["actor"],
                   action=row["action"], target_id=strawberry.ID(row["targetId"]),
                   target_kind=row["targetKind"],
                   version=int(row["version"]), before=row.get("before"), after=row["after"],
                   request_id=row.get("requestId"), imported=_import_details(row),
                   source_ids=list(row.get("sources") or []))

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
                                  "(an ISO 8601 date-time with its offset, e.g. "
                                  "2026-12-02T08:21:00+01:00; without one, UTC; or a date, "
                                  "from its midnight UTC), to one entity or link (or "
                                  "`import:<origin>`), or by one contributor; imports "
                                  "included.")
    async def changes(self, info: Info, since: str | None = None,
                      entity: strawberry.ID | None = None, contributor: str | None = None,
                      first: int | None = None, after: str | None = None
                      ) -> Connection[Change]:
        filters = {"since": since, "target": entity, "actor": contributor}
        return await changes_page(info, filters, first, after)
