"""Turning the curated part of a graph snapshot back into `registry-network/1` documents.

One document per origin (the file a record came from, or `api`). Entities become
records of their section; links stated by an entity's own fields (a post's body,
an event's place) become those fields again; the other links become records of
their section. Anything that has no place in the format is reported, never dropped.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from domain import model
from domain.records import FORMAT, SECTIONS
from domain.rows import NAME_FIELDS, own_values, plain
from graph.snapshot import Snapshot

SECTION_OF_TYPE = {t.name: t.section for t in model.ENTITY_TYPES}
# Derived link kind and the slot of the entity that states it -> (section, field, other slot).
DERIVED = {(r.kind, r.own, r.section): (r.field, r.other) for r in model.REFERENCES}
DERIVED_KINDS = frozenset(r.kind for r in model.REFERENCES)
_LINK_DATES = ("since", "until", "note")


@dataclass
class Documents:
    """Documents by origin, each a mapping of sections; and what could not be expressed."""

    by_origin: dict[str, dict[str, list[dict[str, Any]]]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(list)))
    problems: list[str] = field(default_factory=list)

    def documents(self) -> dict[str, dict[str, Any]]:
        """Each origin's document, sections in the format's order, empty ones left out."""
        return {origin: {"format": FORMAT, **{s: sections[s] for s in SECTIONS if sections[s]}}
                for origin, sections in sorted(self.by_origin.items())}


def curated_entities(shot: Snapshot) -> dict[str, dict[str, Any]]:
    """Entities written by a curated file or the API (they carry `origin`), by id."""
    return {i: p for i, p in shot.entities.items() if p.get("origin") is not None}


def build_documents(shot: Snapshot) -> Documents:
    """The curated documents that, imported, give the snapshot's curated entities and links."""
    out = Documents()
    records: dict[str, tuple[str, dict[str, Any]]] = {}
    for entity_id, props in sorted(curated_entities(shot).items()):
        record = _entity_record(shot, entity_id, props, out.problems)
        if record is not None:
            section = SECTION_OF_TYPE[props["entityType"]]
            out.by_origin[props["origin"]][section].append(record)
            records[entity_id] = (section, record)
    for link_id, props in sorted(shot.links.items()):
        _add_link(out, shot, records, link_id, props)
    return out


def _entity_record(shot: Snapshot, entity_id: str, props: dict[str, Any],
                   problems: list[str]) -> dict[str, Any] | None:
    section = SECTION_OF_TYPE.get(props.get("entityType", ""))
    if section is None:
        problems.append(f"entity {entity_id}: type {props.get('entityType')!r} has no section")
        return None
    record: dict[str, Any] = {"id": entity_id}
    record.update(own_values(props["entityType"], props))
    if section == "sources":
        return record
    record["name"] = {lang: props[f] for lang, f in NAME_FIELDS.items() if props.get(f)}
    aliases = sorted((n["lang"], n["text"]) for i, n in shot.names.items()
                     if n.get("kind") == "alias" and entity_id in shot.named.get(i, ()))
    if aliases:
        record["aliases"] = [{"lang": lang, "text": text} for lang, text in aliases]
    if props.get("note") is not None:
        record["note"] = props["note"]
    record["sources"] = shot.sources_of(entity_id)
    return record


def _add_link(out: Documents, shot: Snapshot, records: dict[str, tuple[str, dict[str, Any]]],
              link_id: str, props: dict[str, Any]) -> None:
    kind = props.get("kind")
    parties: dict[str, list[str]] = defaultdict(list)
    for slot, entity_id in sorted(shot.parties.get(link_id, ())):
        parties[slot].append(entity_id)
    if kind in DERIVED_KINDS:
        _derived(out, records, link_id, kind, parties)
        return
    link_kind = model.LINK_KIND.get(str(kind))
    if link_kind is None or link_kind.section is None or props.get("origin") is None:
        out.problems.append(f"link {link_id}: kind {kind!r} (origin {props.get('origin')!r}) "
                            "has no section in the format")
        return
    record = {**_link_fields(link_kind, parties, props),
              **{k: props[k] for k in _LINK_DATES if props.get(k) is not None},
              "sources": shot.sources_of(link_id)}
    out.by_origin[props["origin"]][link_kind.section].append(record)


def _derived(out: Documents, records: dict[str, tuple[str, dict[str, Any]]], link_id: str,
             kind: str, parties: dict[str, list[str]]) -> None:
    for own, ids in parties.items():
        section, record = records.get(ids[0], ("", {}))
        target = DERIVED.get((kind, own, section))
        if len(ids) == 1 and target is not None and _one(parties, target[1]):
            record[target[0]] = _one(parties, target[1])
            return
    out.problems.append(f"link {link_id}: a {kind} link no curated record states")


def _one(parties: dict[str, list[str]], slot: str) -> str | None:
    ids = parties.get(slot, [])
    return ids[0] if len(ids) == 1 else None


def _link_fields(kind: model.LinkKind, parties: dict[str, list[str]],
                 props: dict[str, Any]) -> dict[str, Any]:
    """A link's record fields: its parties by slot, role and own properties."""
    fields: dict[str, Any] = {}
    for slot in kind.slots:
        if slot.count > 1:
            fields[slot.record_field] = sorted(parties.get(slot.name, []))
        elif _one(parties, slot.name) or slot.required:
            fields[slot.record_field] = _one(parties, slot.name)
    if kind.role is not None:
        fields["role"] = props.get("role")
    for prop in kind.props:
        value = plain(props.get(prop.name, prop.default))
        if value is not None or prop.required:
            fields[prop.name] = value
    return fields
