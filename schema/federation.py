"""Entity resolution for the federation gateway: `_entities` batched through DataLoaders.

A gateway asks this subgraph for entities it met elsewhere by sending
representations (`{"__typename": "Commune", "id": "MA:02.113.01.09"}`) to
`_entities`. Strawberry calls the type's `resolve_reference` once per
representation; the functions here make every call go through the request's
DataLoaders, so 500 representations of any mix and order cost one database
round trip per loader (ids, codes, curated entities), and answer in the order
asked. An unknown id gives null; a representation that names no entity type,
lacks its key field or holds a key of the wrong kind gives null for that entity
and an error naming it, and the others are still resolved.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, TypeVar

import strawberry
from graphql import GraphQLUnionType
from strawberry.federation.schema import FederationAny
from strawberry.federation.schema_directives import Key
from strawberry.types.base import StrawberryObjectDefinition

from domain.vocabulary import CollectivityLevel
from graph.rows import EntityRow
from resolvers import network as resolve_network
from resolvers import territory as resolve_territory
from resolvers.context import Info
from resolvers.errors import UserError
from schema.territory import territory_from

T = TypeVar("T")

_SHOWN = 200  # characters of a representation quoted in an error


def _show(representation: Any) -> str:
    text = json.dumps(representation, ensure_ascii=False, sort_keys=True, default=str)
    return text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…"


class BadRepresentation(UserError):
    """A representation `_entities` cannot resolve; names its type and quotes it."""

    def __init__(self, typename: str | None, representation: Any, problem: str) -> None:
        subject = f"{typename} representation" if typename else "representation"
        super().__init__(f"{subject} {_show(representation)}: {problem}",
                         typename=typename)


def _key(typename: str, name: str, value: Any, representation: dict[str, Any]) -> str:
    """A key field's value, which must be a non-empty string (ids may come as numbers)."""
    if isinstance(value, bool) or not isinstance(value, str | int) or value == "":
        raise BadRepresentation(typename, representation,
                                f"key field {name} must be a non-empty string")
    return str(value)


def _missing(typename: str, keys: tuple[str, ...], representation: dict[str, Any]
             ) -> BadRepresentation:
    wanted = " or ".join(keys)
    return BadRepresentation(typename, representation,
                             f"missing key field {wanted} (a {typename} has @key {wanted})")


async def territory_reference(info: Info, cls: type[T], id: Any = None, code: Any = None,
                              by_code: bool = True, **rest: Any) -> T | None:
    """The territory of type `cls` a representation points to, by `id` or else `code`.

    None when no unit has that key, or when the unit is of another type (a
    province's id sent as a Region): an entity is never answered under a type
    it does not have.
    """
    typename = strawberry_name(cls)
    shown = {name: value for name, value in {"id": id, "code": code, **rest}.items()
             if value is not None}
    if id is not None:
        record = await resolve_territory.by_id(info, _key(typename, "id", id, shown))
        if record is not None and code is not None and by_code and record["code"] != str(code):
            return None
    elif code is not None and by_code:
        record = await resolve_territory.by_code(info, _key(typename, "code", code, shown))
    else:
        raise _missing(typename, ("id", "code") if by_code else ("id",), shown)
    entity = territory_from(record)
    return entity if type(entity) is cls else None


async def collectivity_reference(info: Info, id: Any = None, **rest: Any) -> Any:
    """Any collectivity by id, as its own type: the reference resolver of the
    `Collectivity` entity interface (`@key(fields: "id")` on the interface), for
    partners that extend every collectivity at once with `@interfaceObject`.

    None when no unit has that id or it is not a collectivity (a country, a
    cercle, an arrondissement).
    """
    shown = {name: value for name, value in {"id": id, **rest}.items() if value is not None}
    if id is None:
        raise _missing("Collectivity", ("id",), shown)
    record = await resolve_territory.by_id(info, _key("Collectivity", "id", id, shown))
    if record is None or record["level"] not in COLLECTIVITY_LEVELS:
        return None
    return territory_from(record)


COLLECTIVITY_LEVELS = frozenset(CollectivityLevel)


async def entity_reference(info: Info, id: Any, typename: str,
                           build: Callable[[EntityRow], T] | None = None, **rest: Any
                           ) -> T | EntityRow | None:
    """A curated entity (Organisation, Programme, ...) by id, through the entity look-up.

    The look-up maps an id to its row (with `entityType`, the GraphQL type name)
    or None. Returns `build(row)` when `build` is given, else the row; None when
    no entity has that id or it is of another type than `typename`.
    """
    shown = {name: value for name, value in {"id": id, **rest}.items() if value is not None}
    if id is None:
        raise _missing(typename, ("id",), shown)
    row = await resolve_network.entity(info, _key(typename, "id", id, shown))
    if row is None or row.get("entityType") != typename:
        return None
    return build(row) if build is not None else row


def strawberry_name(cls: type) -> str:
    """The GraphQL name of a Strawberry type."""
    return str(cls.__strawberry_definition__.name)  # type: ignore[attr-defined]


class RegistrySchema(strawberry.federation.Schema):
    """Strawberry's federation schema, with `_entities` that never fails as a whole.

    Strawberry looks each `__typename` up before calling `resolve_reference`,
    so a representation without `__typename`, or naming a type that is not an
    entity of this subgraph, made the whole `_entities` field fail. Here that
    representation alone becomes null with an error naming it.
    """

    def entities_resolver(self, info: strawberry.Info,
                          representations: list[FederationAny]) -> list[FederationAny]:
        entity_types = self._entity_type_names()
        problems: dict[int, BadRepresentation] = {}
        valid: list[FederationAny] = []
        for index, representation in enumerate(representations):
            problem = _representation_problem(representation, entity_types)
            if problem is None:
                valid.append(representation)
            else:
                problems[index] = problem
        resolved = iter(super().entities_resolver(info, valid))
        return [FederationAny(problems[index]) if index in problems else next(resolved)
                for index in range(len(representations))]

    def _entity_type_names(self) -> frozenset[str]:
        """The `_Entity` union's members, and interfaces with a @key (entity interfaces)."""
        if not hasattr(self, "_entity_types"):
            union = self._schema.type_map.get("_Entity")
            names = {member.name for member in union.types} if isinstance(
                union, GraphQLUnionType) else set()
            for name, concrete in self.schema_converter.type_map.items():
                definition = concrete.definition
                if (isinstance(definition, StrawberryObjectDefinition)
                        and definition.is_interface
                        and any(isinstance(d, Key) for d in definition.directives or ())):
                    names.add(name)
            self._entity_types = frozenset(names)
        return self._entity_types


def _representation_problem(representation: Any, entity_types: frozenset[str]
                            ) -> BadRepresentation | None:
    if not isinstance(representation, dict):
        return BadRepresentation(None, representation, "a representation must be an object")
    typename = representation.get("__typename")
    if not isinstance(typename, str):
        return BadRepresentation(None, representation, "missing __typename")
    if typename not in entity_types:
        known = ", ".join(sorted(entity_types))
        return BadRepresentation(typename, representation,
                                 f"{typename} is not an entity type of this subgraph "
                                 f"(entity types: {known})")
    return None
