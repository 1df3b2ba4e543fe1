"""Turning validated, resolved records into the rows the graph layer writes."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from domain import model
from domain.records import Ref
from domain.rows import entity_row, link_parties, link_props, repeated_slot
from importers.network.parse import ParsedFile
from importers.network.resolve import ref_key
from importers.problems import Problem


@dataclass
class Rows:
    """Everything one curated file writes."""

    entities: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    names: list[dict[str, str]] = field(default_factory=list)
    links: list[dict[str, Any]] = field(default_factory=list)
    parties: list[dict[str, str]] = field(default_factory=list)
    entity_sources: list[dict[str, str]] = field(default_factory=list)
    link_sources: list[dict[str, str]] = field(default_factory=list)
    labels: dict[str, str] = field(default_factory=dict)
    repeated: list[tuple[str, model.Slot]] = field(default_factory=list)

    def hashes(self) -> dict[str, str]:
        """Import hash of every node written, by id."""
        nodes = [row for rows in self.entities.values() for row in rows] + self.links
        return {row["id"]: row["props"]["importHash"] for row in nodes}


def build_rows(parsed: ParsedFile, resolved: dict[str, str],
               problems: list[Problem]) -> Rows:
    """Rows for every entity and link of the file (references already resolved)."""
    out = Rows()

    def ref(target: Ref | None) -> str | None:
        return None if target is None else resolved.get(ref_key(target))

    for entity_type in model.ENTITY_TYPES:
        for _, record in parsed.of(entity_type.section):
            _add_entity(out, parsed.name, entity_type.name, record)
    _derived_links(out, parsed, ref)
    _stated_links(out, parsed, ref)
    _check_links(out, parsed.name, problems)
    return out


def _add_entity(out: Rows, origin: str, entity_type: str, record: Any) -> None:
    row, name_rows = entity_row(entity_type, record, origin)
    sources = list(dict.fromkeys(getattr(record, "sources", [])))  # each edge written once
    row["props"]["importHash"] = _digest(row["props"], name_rows, sources)
    out.entities.setdefault(entity_type, []).append(row)
    out.names.extend(name_rows)
    out.entity_sources.extend({"id": record.id, "sourceId": s} for s in sources)


def _add_link(out: Rows, label: str, parties: list[tuple[str, str | None]],
              props: dict[str, Any], sources: list[str], identity: str | None = None) -> None:
    if any(entity_id is None for _, entity_id in parties):
        return  # an unresolved reference: already reported as a problem
    link_id = model.link_id_of(props["kind"], [entity_id or "" for _, entity_id in parties],
                               identity)
    sources = list(dict.fromkeys(sources))
    props["importHash"] = _digest(props, sorted(parties, key=str), sources)
    out.links.append({"id": link_id, "props": props})
    out.labels.setdefault(link_id, label)
    out.parties.extend({"linkId": link_id, "slot": slot, "entityId": entity_id or ""}
                       for slot, entity_id in dict.fromkeys(parties))
    out.link_sources.extend({"id": link_id, "sourceId": s} for s in sources)


def _derived_links(out: Rows, parsed: ParsedFile, ref: Callable[[Ref | None], str | None]) -> None:
    """Links stated by an entity's own fields (a post's body, an event's place...)."""
    for reference in model.REFERENCES:
        for label, record in parsed.of(reference.section):
            target = getattr(record, reference.field)
            if target is not None:
                props = {"kind": reference.kind, "role": None, "since": None, "until": None,
                         "note": None, "origin": parsed.name}
                _add_link(out, label, [(reference.own, record.id),
                                       (reference.other, ref(target))], props, record.sources)


def _stated_links(out: Rows, parsed: ParsedFile, ref: Callable[[Ref | None], str | None]) -> None:
    """The link sections: memberships, twinnings, participations and the rest."""
    for kind in model.LINK_KINDS:
        for label, record in parsed.of(kind.section or ""):
            parties = link_parties(kind, record, ref)
            repeated = repeated_slot(kind, parties)
            if repeated is not None:
                out.repeated.append((label, repeated))
                continue
            _add_link(out, label, parties, link_props(kind, record, parsed.name),
                      record.sources, model.identity_of(kind, record))


def _check_links(out: Rows, file: str, problems: list[Problem]) -> None:
    problems.extend(Problem(file, label, slot.record_field, slot.repeated)
                    for label, slot in out.repeated)
    seen: set[str] = set()
    for row in out.links:
        props = row["props"]
        label = out.labels[row["id"]]
        if row["id"] in seen:
            problems.append(Problem(file, label, "", f"states the same link again ({row['id']})"))
        seen.add(row["id"])
        since, until = props.get("since"), props.get("until")
        if since and until and until < since:
            problems.append(Problem(file, label, "until", f"{until} is before since {since}"))



def _digest(*parts: Any) -> str:
    # repr of plain values built in a fixed order: stable, and several times cheaper than
    # a sorted JSON encoding for the million links of a large file.
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:32]
