"""The inputs of the link mutations, generated from the kinds of link in domain/model.py."""

from __future__ import annotations

from typing import Any, Optional

import strawberry

from domain import model


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
        return kind, strawberry.field(description=prop.description or None)
    return (kind if prop.default is not None else Optional[kind],  # noqa: UP045
            strawberry.field(default=prop.default, description=prop.description or None))


def input_type(name: str, fields: dict[str, tuple[Any, Any]], base: type = object,
               description: str | None = None) -> type:
    """A Strawberry input named `name` with `fields` (name: (type, strawberry.field))."""
    namespace: dict[str, Any] = {"__module__": __name__,
                                 "__annotations__": {k: t for k, (t, _) in fields.items()}}
    namespace.update({k: f for k, (_, f) in fields.items()})
    return strawberry.input(type(name, (base,), namespace), name=name, description=description)


def _link_input(kind: model.LinkKind) -> type:
    """The input of a link mutation: its slots as ids, role, properties, dates and note."""
    fields = {slot.record_field: _slot_input(slot) for slot in kind.slots}
    if kind.role is not None:
        fields["role"] = (kind.role, strawberry.field())
    fields.update({prop.name: _prop_input(prop) for prop in kind.props})
    if kind.dated:
        fields.update({name: (Optional[str], strawberry.field(  # noqa: UP045
            default=None, description=model.DATE)) for name in model.DATE_FIELDS})
    fields["note"] = (Optional[str], strawberry.field(default=None))  # noqa: UP045
    return input_type(kind.input or "", fields)


def with_references(base: type, entity_type: str) -> type:
    """An entity's input with a field for each reference the model declares for it that the
    hand-written `base` lacks (appended, so existing fields keep their order)."""
    present = {camel(f) for f in base.__annotations__}
    missing = {_snake(r.field): (Optional[strawberry.ID], strawberry.field(default=None))  # noqa: UP045
               for r in model.references_of(entity_type) if r.field not in present}
    definition = getattr(base, "__strawberry_definition__", None)
    name = definition.name if definition else base.__name__
    if not missing:
        return base
    return input_type(name, missing, base=base,
                      description=definition.description if definition else None)


def _snake(name: str) -> str:
    return "".join(f"_{c.lower()}" if c.isupper() else c for c in name)


def camel(name: str) -> str:
    """A Python field name in the curated format's camelCase (`part_of` -> `partOf`)."""
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


LINK_INPUTS: dict[str, type] = {k.kind: _link_input(k) for k in model.LINK_KINDS if k.input}
"""The input type of each kind of link the API creates, by kind."""
