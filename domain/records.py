"""The curated format `registry-network/1`: one pydantic model per section.

Each entity type's own properties are written here; the fields that name other
entities (an organisation's `partOf`, a post's `body`) and every link section
are generated from domain/model.py. The format is documented in data/README.md.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, create_model, model_validator

from domain import model
from domain import vocabulary as v
from domain.fields import CuratedId, NameText, NonEmptyText, PartialDate, Sources

FORMAT = "registry-network/1"


class Record(BaseModel):
    """Strict: unknown fields are an error, not silently dropped; vocabularies are validated
    against their enums and kept as plain strings."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_enum_values=True)


class TerritoryLookup(Record):
    """A collectivity of the backbone, found by code or by name, level and parent."""

    code: str | None = None
    name: str | None = None
    level: v.CollectivityLevel | None = None
    parent: str | None = None
    country: v.BackboneCountry = v.BackboneCountry.MA

    @model_validator(mode="after")
    def _code_or_name(self) -> TerritoryLookup:
        if not self.code and not (self.name and self.level):
            raise ValueError("a territorial reference needs `code`, or `name` and `level`")
        return self


Ref = str | TerritoryLookup
"""A curated id (`org:enabel`), a backbone id (`MA:02.081`, `BE:21013`) or a look-up."""


class Alias(Record):
    lang: v.Language
    text: NameText


class Named(Record):
    """A curated entity: id, names by language, aliases, sources."""

    id: CuratedId
    name: Annotated[dict[v.Language, NameText], Field(min_length=1)]
    aliases: list[Alias] = []
    note: str | None = None
    sources: Sources


class SourceRecord(Record):
    id: CuratedId
    file: str | None = None
    url: str | None = None
    title: NonEmptyText
    publisher: str | None = None
    language: v.Language
    published: PartialDate | None = None
    kind: v.SourceKind = v.SourceKind.ARTICLE
    note: str | None = None
    licence: str | None = None
    text: str | None = None


class _Organisation(Named):
    kind: v.OrganisationKind
    country: v.OrganisationCountry | None = None


class _Network(Named):
    founded: PartialDate | None = None


class Money(Record):
    """An amount of money in a currency: `{amount: 5600000, currency: USD}`. Stored on a
    node as two properties (`commitmentAmount`, `commitmentCurrency`: domain/rows.py)."""

    amount: Annotated[float, Field(ge=0, allow_inf_nan=False)]
    currency: Annotated[str, Field(pattern=r"^[A-Z]{3}$", description="ISO 4217 code.")]


class _Programme(Named):
    kind: v.ProgrammeKind
    start: PartialDate | None = None
    end: PartialDate | None = None
    status: v.ProgrammeStatus | None = None
    objective: str | None = None
    worldBankId: Annotated[str, Field(pattern=r"^P\d{6}$")] | None = None
    commitment: Money | None = None


class _Event(Named):
    kind: v.EventKind
    status: v.EventStatus = v.EventStatus.HELD
    start: PartialDate | None = None
    end: PartialDate | None = None
    venue: str | None = None
    agenda: list[str] = []
    outcomes: list[str] = []


class _Document(Named):
    kind: v.DocumentKind
    number: str | None = None
    date: PartialDate | None = None


_OWN: dict[str, type[Record]] = {
    "Source": SourceRecord, "Organisation": _Organisation, "Network": _Network,
    "Programme": _Programme, "Person": Named, "Post": Named, "Event": _Event,
    "Document": _Document,
}


def _entity_model(entity_type: str) -> type[Record]:
    """The record of an entity type: its own properties and its link-stating fields."""
    refs: dict[str, Any] = {r.field: (Ref, ...) if r.required else (Ref | None, None)
                            for r in model.references_of(entity_type)}
    return create_model(f"{entity_type}Record", __base__=_OWN[entity_type], **refs)


def _link_model(kind: model.LinkKind) -> type[Record]:
    """The record of a link section: its slots, role, properties, dates, note, sources."""
    fields: dict[str, Any] = {}
    for slot in kind.slots:
        if slot.count > 1:
            fields[slot.record_field] = (Annotated[list[Ref], Field(
                min_length=slot.count, max_length=slot.count)], ...)
        else:
            fields[slot.record_field] = (Ref, ...) if slot.required else (Ref | None, None)
    if kind.role is not None:
        fields["role"] = (kind.role, ...)
    for prop in kind.props:
        fields[prop.name] = (prop.type, ...) if prop.required else (prop.type | None,
                                                                     prop.default)
    if kind.dated:
        fields.update(since=(PartialDate | None, None), until=(PartialDate | None, None))
    fields.update(note=(str | None, None), sources=(Sources, ...))
    name = "".join(part.title() for part in kind.kind.split("_")) + "Record"
    return create_model(name, __base__=Record, **fields)


ENTITY_RECORDS: dict[str, type[Record]] = {t.name: _entity_model(t.name)
                                           for t in model.ENTITY_TYPES}
LINK_RECORDS: dict[str, type[Record]] = {k.kind: _link_model(k) for k in model.LINK_KINDS
                                         if k.section}
SECTIONS: dict[str, type[BaseModel]] = {
    **{t.section: ENTITY_RECORDS[t.name] for t in model.ENTITY_TYPES},
    **{k.section: LINK_RECORDS[k.kind] for k in model.LINK_KINDS if k.section},
}
"""Every section of a curated file, in the format's order, with its record model."""

NAMING_FIELDS = frozenset({"id", "name", "aliases", "sources"})


def own_props(entity_type: str) -> tuple[str, ...]:
    """The fields of an entity record kept as node properties (not names, references or
    sources)."""
    fields = ENTITY_RECORDS[entity_type].model_fields
    left_out = NAMING_FIELDS | {r.field for r in model.references_of(entity_type)}
    if "name" in fields:
        left_out |= {"note"}  # a named entity's note is written with its names
    return tuple(f for f in fields if f not in left_out)
