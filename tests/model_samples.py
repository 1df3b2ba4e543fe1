"""A curated file holding one record of every kind the model declares, built from the
declaration itself: a new kind is covered by the tests without a new test."""

from __future__ import annotations

from enum import Enum
from typing import Any

import yaml

from domain import model
from domain.fields import Confidence, Count, NonEmptyText, PartialDate
from domain.records import ENTITY_RECORDS, SECTIONS

SOURCE = "src:kinds"
TERRITORIES = ["MA:02.113", "BE:21013"]  # Berkane province, Saint-Gilles
# Two entities of each curated type, so a link between two of one type has both.
ENTITIES = {t.name: [f"{t.prefix}:kinds-a", f"{t.prefix}:kinds-b"]
            for t in model.ENTITY_TYPES if t.name != "Source"}
_SAMPLE_VALUES: dict[Any, Any] = {NonEmptyText: "sample", Count: 3, PartialDate: "2024",
                                   Confidence: 0.5}


def sample_value(kind: Any) -> Any:
    """A valid value of a declared property or field type."""
    if isinstance(kind, type) and issubclass(kind, Enum):
        return next(iter(kind)).value
    return _SAMPLE_VALUES.get(kind, "sample")


def candidates(accepts: frozenset[str]) -> list[str]:
    """Ids that may fill a slot accepting these types (curated ones first)."""
    ids = [i for name in sorted(accepts - {model.TERRITORY, "Source"}) for i in ENTITIES[name]]
    ids += [SOURCE] if "Source" in accepts else []
    return ids + (TERRITORIES if model.TERRITORY in accepts else [])


def _pick(accepts: frozenset[str], used: set[str], count: int = 1) -> list[str]:
    found = [i for i in candidates(accepts) if i not in used][:count]
    used.update(found)
    return found


def link_record(kind: model.LinkKind) -> dict[str, Any]:
    """One record of a link section, every optional field filled."""
    used: set[str] = set()
    record: dict[str, Any] = {}
    for slot in kind.slots:
        ids = _pick(slot.accepts, used, slot.count)
        record[slot.record_field] = sorted(ids) if slot.count > 1 else ids[0]
    if kind.role is not None:
        record["role"] = sample_value(kind.role)
    record.update({p.name: sample_value(p.type) for p in kind.props})
    if kind.dated:
        record.update(since="2023", until="2025")
    return {**record, "note": f"a sample {kind.kind}", "sources": [SOURCE]}


def entity_record(entity_type: str, entity_id: str) -> dict[str, Any]:
    """An entity record with its required fields and, for the first of each type (`-a`),
    every reference the model declares for it."""
    fields = ENTITY_RECORDS[entity_type].model_fields
    record: dict[str, Any] = {"id": entity_id, "name": {"fr": f"Échantillon {entity_id}"},
                              "sources": [SOURCE]}
    for reference in model.references_of(entity_type):
        if entity_id.endswith("-a") or reference.required:
            record[reference.field] = next(i for i in candidates(reference.expects)
                                       if i != entity_id)
    record.update({name: sample_value(info.annotation) for name, info in fields.items()
                   if info.is_required() and name not in record})
    return record


def sample_file(with_links: bool = True) -> dict[str, Any]:
    """The whole curated document."""
    document: dict[str, Any] = {"format": "registry-network/1", "sources": [
        {"id": SOURCE, "title": "Every kind, once", "language": "fr"}]}
    for entity in model.ENTITY_TYPES:
        if entity.name != "Source":
            document[entity.section] = [entity_record(entity.name, i)
                                        for i in ENTITIES[entity.name]]
    if with_links:
        for kind in model.LINK_KINDS:
            if kind.section:
                document[kind.section] = [link_record(kind)]
    return document


def canonical(section: str, records: list[dict[str, Any]]) -> list[str]:
    """Records as their section's model reads them (defaults filled in), comparable."""
    return sorted(yaml.safe_dump(SECTIONS[section].model_validate(r).model_dump(mode="json"),
                                 sort_keys=True) for r in records)
