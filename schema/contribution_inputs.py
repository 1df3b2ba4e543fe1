"""Inputs of the write API; each becomes a record the curated format's models validate."""

from __future__ import annotations

import dataclasses
from enum import Enum
from typing import TYPE_CHECKING, Any

import strawberry

from domain import model
from domain.vocabulary import ProgrammeStatus
from schema.link_inputs import camel, with_references
from schema.money import MoneyInput
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


@strawberry.input(name="OrganisationInput")
class _OrganisationInput:
    kind: OrganisationKind
    names: list[LocalisedText]
    id: strawberry.ID | None = strawberry.field(default=None, description="org:<slug>; "
                                                "generated when omitted.")
    aliases: list[LocalisedText] | None = None
    country: str | None = None
    part_of: strawberry.ID | None = None
    note: str | None = None


@strawberry.input(name="NetworkInput")
class _NetworkInput:
    names: list[LocalisedText]
    id: strawberry.ID | None = None
    aliases: list[LocalisedText] | None = None
    founded: str | None = strawberry.field(default=None, description=DATE)
    note: str | None = None


@strawberry.input(name="ProgrammeInput")
class _ProgrammeInput:
    kind: ProgrammeKind
    names: list[LocalisedText]
    id: strawberry.ID | None = None
    aliases: list[LocalisedText] | None = None
    start: str | None = strawberry.field(default=None, description=DATE)
    end: str | None = strawberry.field(default=None, description=DATE)
    part_of: strawberry.ID | None = None
    note: str | None = None
    status: ProgrammeStatus | None = None
    objective: str | None = None
    world_bank_id: str | None = strawberry.field(default=None, description="The World Bank's "
                                                 "project id (P-number).")
    commitment: MoneyInput | None = None


@strawberry.input(name="PersonInput")
class _PersonInput:
    names: list[LocalisedText]
    id: strawberry.ID | None = None
    aliases: list[LocalisedText] | None = None
    note: str | None = None


@strawberry.input(name="PostInput")
class _PostInput:
    names: list[LocalisedText]
    body: strawberry.ID
    id: strawberry.ID | None = None
    aliases: list[LocalisedText] | None = None
    note: str | None = None


@strawberry.input(name="EventInput")
class _EventInput:
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
    licence: str | None = strawberry.field(default=None, description="The licence of a "
                                           "dataset, to credit (CC BY 4.0...).")
    file: str | None = strawberry.field(default=None, description="The registry's copy of "
                                        "its text, for a source curated from one.")
    text: str | None = strawberry.field(default=None, description="The article's full "
                                        "text (the item's, for one of several news items).")


# Each entity's input gains the reference fields the model declares for it.
if TYPE_CHECKING:
    OrganisationInput = _OrganisationInput
    NetworkInput = _NetworkInput
    ProgrammeInput = _ProgrammeInput
    PersonInput = _PersonInput
    PostInput = _PostInput
    EventInput = _EventInput
else:
    OrganisationInput = with_references(_OrganisationInput, "Organisation")
    NetworkInput = with_references(_NetworkInput, "Network")
    ProgrammeInput = with_references(_ProgrammeInput, "Programme")
    PersonInput = with_references(_PersonInput, "Person")
    PostInput = with_references(_PostInput, "Post")
    EventInput = with_references(_EventInput, "Event")


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
        key = camel(item.name)
        if key == "names":
            record["name"] = {n.lang: n.text for n in raw}
        elif key == "aliases":
            record["aliases"] = [{"lang": n.lang, "text": n.text} for n in raw]
        elif dataclasses.is_dataclass(raw) and not isinstance(raw, type):  # nested: money
            record[key] = dataclasses.asdict(raw)
        else:
            record[key] = raw.value if isinstance(raw, Enum) else raw
    return record
