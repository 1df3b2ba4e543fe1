"""Any entity as its GraphQL type, and the fields every curated entity shares."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, TypedDict, TypeVar

import strawberry
from strawberry import Private

from graph.rows import EntityRow
from resolvers import lookups
from resolvers import network as resolve
from resolvers.context import Info
from schema.federation import entity_reference
from schema.mentions_field import mentioned_in_field
from schema.network_enums import LinkKind
from schema.node import Node
from schema.territory import Name, territory_from

if TYPE_CHECKING:
    from schema.link import Link
    from schema.source import Source

T = TypeVar("T")
_BUILDERS: dict[str, Callable[[EntityRow], Any]] = {}


def curated_type(entity_type: str) -> Callable[[type[T]], type[T]]:
    """Register a type's `from_row` as the builder for rows of `entity_type` (and the type
    as the one federation references of that entity type resolve to)."""
    def register(cls: type[T]) -> type[T]:
        cls.entity_type = entity_type  # type: ignore[attr-defined]
        _BUILDERS[entity_type] = cls.from_row  # type: ignore[attr-defined]
        return cls
    return register


def node_from(row: EntityRow | None) -> Any:
    """The GraphQL object for any entity row: a territory or a curated entity."""
    if row is None:
        return None
    builder = _BUILDERS.get(row.get("entityType") or "")
    if builder is not None:
        return builder(row)
    return territory_from(row) if "level" in row else None


def nodes_from(rows: list[EntityRow]) -> list[Any]:
    """GraphQL objects for many entity rows, skipping unknown kinds."""
    return [node for node in map(node_from, rows) if node is not None]


async def reference(info: Info, id: Any, entity_type: str, rest: dict[str, Any]
                    ) -> EntityRow | None:
    """The row of a federation representation of a curated entity, if it is one."""
    return await entity_reference(info, id, entity_type, _same, **rest)


def _same(row: EntityRow) -> EntityRow:
    return row


class CuratedArgs(TypedDict):
    """The constructor arguments every curated type shares."""

    id: strawberry.ID
    name_ar: str | None
    name_fr: str | None
    name_en: str | None
    name_nl: str | None
    note: str | None
    row: EntityRow


def curated_args(row: EntityRow) -> CuratedArgs:
    """The constructor arguments every curated type shares."""
    return {"id": strawberry.ID(row["id"]), "name_ar": row.get("nameAr"),
            "name_fr": row.get("nameFr"), "name_en": row.get("nameEn"),
            "name_nl": row.get("nameNl"), "note": row.get("note"), "row": row}


@strawberry.interface(description="An entity curated from published sources: an organisation, "
                                  "network, programme, person, post, event or document.")
class CuratedEntity(Node):
    name_ar: str | None = strawberry.field(description="Name in Arabic, as a source writes it.")
    name_fr: str | None = strawberry.field(description="Name in French, as a source writes it.")
    name_en: str | None = strawberry.field(description="Name in English.")
    name_nl: str | None = strawberry.field(description="Name in Dutch.")
    note: str | None = strawberry.field(description="Curator's note: readings and caveats.")
    row: Private[EntityRow]
    entity_type: ClassVar[str] = ""

    @classmethod
    def own_args(cls, row: EntityRow) -> dict[str, Any]:
        """The constructor arguments of a type's own fields (none here)."""
        return {}

    @classmethod
    def from_row(cls, row: EntityRow) -> Any:
        """The object for an entity row."""
        return cls(**curated_args(row), **cls.own_args(row))

    @classmethod
    async def resolve_reference(cls, info: Info, id: strawberry.ID | None = None,
                                **rest: Any) -> Any:
        """A federation reference of this type, or None when no such entity exists."""
        row = await reference(info, id, cls.entity_type, rest)
        return None if row is None else cls.from_row(row)

    @strawberry.field(description="Increases with each change; give it back when updating.")
    def version(self) -> int:
        return int(self.row.get("version") or 1)

    @strawberry.field(description="Retired: no longer current; kept for history.")
    def retired(self) -> bool:
        retired: bool | None = self.row.get("retired")
        return bool(retired)

    @strawberry.field(description="A name to show: French, else English, else Arabic.")
    def label(self) -> str:
        return self.name_fr or self.name_en or self.name_ar or self.name_nl or self.id

    @strawberry.field(description="Every name and alias held, in every language.")
    async def names(self, info: Info) -> list[Name]:
        return [Name(**row) for row in await lookups.names(info, self.id)]

    @strawberry.field(description="Every link it takes part in, whatever its part, of some "
                                  "kinds only when given; by kind, then date.")
    async def links(self, info: Info, kinds: list[LinkKind] | None = None,
                    first: int | None = None) -> list[Annotated[Link, strawberry.lazy(
                        "schema.link")]]:
        from schema.link import link_from
        wanted = [kind.value for kind in kinds] if kinds else None
        rows = await resolve.links_involving(info, self.id, wanted, first)
        return [link_from(row, viewer=self.id) for row in rows]

    @strawberry.field(description="The sources that state this entity.")
    async def sources(self, info: Info) -> list[Annotated[Source, strawberry.lazy(
            "schema.source")]]:
        from schema.source import Source
        return [Source.from_row(row) for row in await resolve.sources(info, self.id)]

    mentioned_in = mentioned_in_field()
