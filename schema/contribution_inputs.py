"""Inputs of the write API; each becomes a record the curated format's models validate."""

from __future__ import annotations

import dataclasses
from enum import Enum
from typing import Any, Optional

import strawberry

from domain import model
from schema.network_enums import (
    EventKind,
    EventStatus,
    OrganisationKind,
    ProgrammeKind,
    TwinningStatus,
)

DATE = model.DATE


@strawberry.input(description="A text in one language (ar, fr, nl, en, de, zgh).")
class LocalisedText:
    lang: str
    text: str


@strawberry.input
class OrganisationInput:
    kind: OrganisationKind
    names: list[LocalisedText]
    id: strawberry.ID | None = strawberry.field(default=None, description="org:<slug>; "
                                                "generated when omitted.")
    aliases: list[LocalisedText] | None = None
    country: str | None = None
    part_of: strawberry.ID | None = None
    note: str | None = None


@strawberry.input
class NetworkInput:
    names: list[LocalisedText]
    id: strawberry.ID | None = None
    aliases: list[LocalisedText] | None = None
    founded: str | None = strawberry.field(default=None, description=DATE)
    note: str | None = None


@strawberry.input
class ProgrammeInput:
    kind: ProgrammeKind
    names: list[LocalisedText]
    id: strawberry.ID | None = None
    aliases: list[LocalisedText] | None = None
    start: str | None = strawberry.field(default=None, description=DATE)
    end: str | None = strawberry.field(default=None, description=DATE)
    part_of: strawberry.ID | None = None
    note: str | None = None


@strawberry.input
class PersonInput:
    names: list[LocalisedText]
    id: strawberry.ID | None = None
    aliases: list[LocalisedText] | None = None
    note: str | None = None


@strawberry.input
class PostInput:
    names: list[LocalisedText]
    body: strawberry.ID
    id: strawberry.ID | None = None
    aliases: list[LocalisedText] | None = None
    note: str | None = None


@strawberry.input
class EventInput:
    kind: EventKind
    names: list[LocalisedText]
    id: strawberry.ID | None = None
    status: EventStatus = EventStatus.HELD
    aliases: list[LocalisedText] | None = None
    start: str | None = strawberry.field(default=None, description=DATE)
    end: str | None = strawberry.field(default=None, description=DATE)
    venue: str | None = None
    place: strawberry.ID | None = None
    programme: strawberry.ID | None = None
    agenda: list[str] | None = None
    outcomes: list[str] | None = None
    note: str | None = None


@strawberry.input
class SourceInput:
    title: str
    language: str
    id: strawberry.ID | None = strawberry.field(default=None, description="src:<slug>.")
    url: str | None = None
    publisher: str | None = None
    published: str | None = strawberry.field(default=None, description=DATE)
    kind: str = "ARTICLE"
    note: str | None = None


def _slot_input(slot: model.Slot) -> tuple[Any, Any]:
    description = slot.input_description or None
    if slot.count > 1:
        return list[strawberry.ID], strawberry.field(description=description)
    if slot.required:
        return strawberry.ID, strawberry.field(description=description)
    return Optional[strawberry.ID], strawberry.field(default=None,  # noqa: UP045
                                                     description=description)


def _prop_input(prop: model.Prop) -> tuple[Any, Any]:
    kind = prop.graphql or prop.type
    if prop.required:
        return kind, strawberry.field()
    return (kind if prop.default is not None else Optional[kind],  # noqa: UP045
            strawberry.field(default=prop.default, description=prop.description or None))


def _link_input(kind: model.LinkKind) -> type:
    """The input of a link mutation: its slots as ids, role, properties, dates and note."""
    fields = {slot.record_field: _slot_input(slot) for slot in kind.slots}
    if kind.role is not None:
        fields["role"] = (kind.role, strawberry.field())
    fields.update({prop.name: _prop_input(prop) for prop in kind.props})
    if kind.dated:
        fields.update({name: (Optional[str], strawberry.field(  # noqa: UP045
            default=None, description=DATE)) for name in model.DATE_FIELDS})
    fields["note"] = (Optional[str], strawberry.field(default=None))  # noqa: UP045
    namespace: dict[str, Any] = {"__module__": __name__,
                                 "__annotations__": {k: t for k, (t, _) in fields.items()}}
    namespace.update({k: f for k, (_, f) in fields.items()})
    return strawberry.input(type(kind.input or "", (), namespace))


LINK_INPUTS: dict[str, type] = {k.kind: _link_input(k) for k in model.LINK_KINDS if k.input}
"""The input type of each kind of link the API creates, by kind."""


@strawberry.input(description="What an update of a link may change.")
class LinkUpdateInput:
    since: str | None = strawberry.field(default=None, description=DATE)
    until: str | None = strawberry.field(default=None, description=DATE)
    note: str | None = None
    status: TwinningStatus | None = None


def as_record(value: Any) -> dict[str, Any]:
    """A GraphQL input as a dict in the curated format (camelCase, names as a map)."""
    record: dict[str, Any] = {}
    for item in dataclasses.fields(value):
        raw = getattr(value, item.name)
        if raw is None:
            continue
        key = "partOf" if item.name == "part_of" else item.name
        if key == "names":
            record["name"] = {n.lang: n.text for n in raw}
        elif key == "aliases":
            record["aliases"] = [{"lang": n.lang, "text": n.text} for n in raw]
        else:
            record[key] = raw.value if isinstance(raw, Enum) else raw
    return record
