"""The rows the graph layer writes for a curated fact, built from a validated record.

The importer and the write API build the same rows, so a fact has one shape
whichever way it comes in.
"""

from __future__ import annotations

import typing
from collections.abc import Callable
from enum import Enum
from typing import Any

from pydantic import BaseModel

from domain import model
from domain.names import name_key
from domain.records import ENTITY_RECORDS, own_props
from domain.vocabulary import Language

NAME_FIELDS = {lang.value: f"name{lang.value.title()}" for lang in Language}
"""The node property holding an entity's official name in each language (`nameFr`...)."""

Row = dict[str, Any]
Parties = list[tuple[str, str | None]]


def plain(value: Any) -> Any:
    """A vocabulary member as its plain string (the graph drivers want `str`)."""
    return value.value if isinstance(value, Enum) else value


def _nested_fields(entity_type: str) -> dict[str, type[BaseModel]]:
    """Own fields whose value is a small model (a programme's `commitment`: Money)."""
    found: dict[str, type[BaseModel]] = {}
    for name, info in ENTITY_RECORDS[entity_type].model_fields.items():
        for part in (info.annotation, *typing.get_args(info.annotation)):
            if isinstance(part, type) and issubclass(part, BaseModel):
                found[name] = part
    return found


NESTED = {t.name: _nested_fields(t.name) for t in model.ENTITY_TYPES}
"""Per entity type, the own fields stored flat on the node (`commitment` as
`commitmentAmount` and `commitmentCurrency`): graph properties hold no maps."""


def flat_name(field: str, part: str) -> str:
    """The node property holding one part of a nested field: `commitmentAmount`."""
    return field + part[0].upper() + part[1:]


def own_values(entity_type: str, props: Row) -> Row:
    """An entity's own record fields from its node properties, nested fields rebuilt (the
    export's way back from `entity_row`); absent values left out."""
    values: Row = {}
    for name in own_props(entity_type):
        nested = NESTED[entity_type].get(name)
        if nested is None:
            value = props.get(name)
        else:
            parts = {p: props.get(flat_name(name, p)) for p in nested.model_fields}
            value = {k: v for k, v in parts.items() if v is not None} or None
        if value is not None:
            values[name] = value
    return values


def _flatten(entity_type: str, props: Row) -> Row:
    for name, nested in NESTED[entity_type].items():
        value = props.pop(name, None)
        for part in nested.model_fields:
            props[flat_name(name, part)] = None if value is None else getattr(value, part)
    return props


def name_row(entity_id: str, lang: str, text: str, kind: str) -> dict[str, str]:
    """A `Name` row: one name of an entity, in one language, with its search key."""
    key = name_key(text)
    return {"id": f"{entity_id}/name/{lang}/{key}", "entityId": entity_id, "key": key,
            "text": text, "lang": lang, "kind": kind}


def entity_row(entity_type: str, record: Any, origin: str) -> tuple[Row, list[dict[str, str]]]:
    """The node row of a curated entity record, and its name rows."""
    names = dict(record.name) if hasattr(record, "name") else {record.language: record.title}
    props = _flatten(entity_type, {p: getattr(record, p) for p in own_props(entity_type)})
    props.update({NAME_FIELDS[lang]: names.get(lang) for lang in NAME_FIELDS})
    sort_name = names.get("fr") or names.get("en") or next(iter(names.values()))
    props.update(entityType=entity_type, nameSort=name_key(sort_name), origin=origin,
                 note=getattr(record, "note", None))
    props = {k: plain(v) for k, v in props.items()}
    name_rows = [name_row(record.id, lang, text, "official") for lang, text in names.items()]
    name_rows += [name_row(record.id, a.lang, a.text, "alias")
                  for a in getattr(record, "aliases", [])]
    return {"id": record.id, "props": props}, name_rows


def link_parties(kind: model.LinkKind, record: Any,
                 resolve: Callable[[Any], str | None]) -> Parties:
    """(slot, entity id) of every party a link record names, in the kind's slot order; a
    many-party slot's ids sorted. An id is None where its reference did not resolve."""
    parties: Parties = []
    for slot in kind.slots:
        value = getattr(record, slot.record_field)
        if slot.count > 1:
            parties += sorted(((slot.name, resolve(ref)) for ref in value), key=str)
        elif value is not None:
            parties.append((slot.name, resolve(value)))
    return parties


def repeated_slot(kind: model.LinkKind, parties: Parties) -> model.Slot | None:
    """A many-party slot naming the same entity twice, if any."""
    for slot in kind.slots:
        ids = [entity_id for name, entity_id in parties if name == slot.name]
        if slot.count > 1 and None not in ids and len(set(ids)) < len(ids):
            return slot
    return None


def link_props(kind: model.LinkKind, record: Any, origin: str) -> Row:
    """The properties of a link node: kind, role (for a kind without roles, its identity:
    a stated count's `MEMBERS/COMMUNE`), dates, note, own props."""
    role = record.role if kind.role else model.identity_of(kind, record)
    props = {"kind": kind.kind, "role": role,
             "since": getattr(record, "since", None), "until": getattr(record, "until", None),
             "note": record.note, "origin": origin}
    props.update({p.name: getattr(record, p.name) for p in kind.props})
    return {k: plain(v) for k, v in props.items()}
