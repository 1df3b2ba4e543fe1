"""The network's GraphQL enums, registered from the vocabularies and the model in domain/.

A vocabulary class is its own GraphQL enum (its docstring the description), so a
value the API returns is the value a curated file validates against.
"""

from __future__ import annotations

from enum import Enum, StrEnum
from typing import TYPE_CHECKING, Any, TypeAlias

import strawberry

from domain import vocabulary as v
from domain.model import LINK_KINDS
from schema.vocabularies import register


def _link_vocabularies() -> list[type[StrEnum]]:
    """The roles and enum properties of the declared kinds of link."""
    found: list[Any] = [k.role for k in LINK_KINDS if k.role is not None]
    found += [p.type for k in LINK_KINDS for p in k.props
              if p.graphql is None and isinstance(p.type, type) and issubclass(p.type, StrEnum)]
    return list(dict.fromkeys(found))


_ENTITY_VOCABULARIES: list[type[StrEnum]] = [v.OrganisationKind, v.ProgrammeKind, v.EventKind,
                                             v.EventStatus, v.DocumentKind]
for _vocabulary in _ENTITY_VOCABULARIES + _link_vocabularies():
    register(_vocabulary)

OrganisationKind = v.OrganisationKind
ProgrammeKind = v.ProgrammeKind
EventKind = v.EventKind
EventStatus = v.EventStatus
DocumentKind = v.DocumentKind
ParticipationRole = v.ParticipationRole
EventRole = v.EventRole
DocumentRole = v.DocumentRole
TwinningStatus = v.TwinningStatus

_TERRITORY = strawberry.enum_value("TERRITORY", description="Territorial containment (a "
                                   "commune in its province, a province in its region): the "
                                   "fixed hierarchy of the backbone, not a link any source "
                                   "states.")
_MEMBERS: dict[str, Any] = {**{k.kind: strawberry.enum_value(k.kind, description=k.description)
                                   for k in LINK_KINDS}, "TERRITORY": _TERRITORY}
_KINDS: Any = Enum("LinkKind", _MEMBERS)  # type: ignore[misc]  # members from the model
if TYPE_CHECKING:  # generated at run time from the model
    LinkKind: TypeAlias = Enum
else:
    LinkKind = strawberry.enum(_KINDS, description="Kinds of reified relationship.")
"""Every kind of link declared in domain/model.py, and the territorial hierarchy."""
