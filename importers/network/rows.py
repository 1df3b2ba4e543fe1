"""Turning validated, resolved records into the rows the graph layer writes."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from domain.names import name_key
from importers.network.parse import ParsedFile
from importers.network.records import Ref
from importers.network.resolve import TYPE_OF_SECTION, ref_key
from importers.problems import Problem

NAME_FIELDS = {"ar": "nameAr", "fr": "nameFr", "nl": "nameNl", "en": "nameEn", "de": "nameDe",
               "zgh": "nameZgh"}
# Fields of each section kept as node properties, besides id, kind, names and note.
PROPS = {
    "sources": ("file", "url", "title", "publisher", "language", "published", "kind", "note"),
    "organisations": ("kind", "country"), "networks": ("founded",),
    "programmes": ("kind", "start", "end"), "persons": (), "posts": (),
    "events": ("kind", "status", "start", "end", "venue", "agenda", "outcomes"),
    "documents": ("kind", "number", "date"),
}


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
    self_twinned: list[str] = field(default_factory=list)

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

    for section, entity_type in TYPE_OF_SECTION.items():
        for _, record in parsed.of(section):
            _add_entity(out, parsed.name, section, entity_type, record)
    _derived_links(out, parsed, ref)
    _stated_links(out, parsed, ref)
    _check_links(out, parsed.name, problems)
    return out


def entity_row(section: str, entity_type: str, record: Any,
               origin: str) -> tuple[dict[str, Any], list[dict[str, str]]]:
    """The node row of a curated entity record, and its name rows."""
    names = dict(record.name) if section != "sources" else {record.language: record.title}
    props = {p: getattr(record, p) for p in PROPS[section]}
    props.update({NAME_FIELDS[lang]: names.get(lang) for lang in NAME_FIELDS})
    sort_name = names.get("fr") or names.get("en") or next(iter(names.values()))
    props.update(entityType=entity_type, nameSort=name_key(sort_name), origin=origin,
                 note=getattr(record, "note", None))
    props = {k: (v.value if hasattr(v, "value") else v) for k, v in props.items()}
    name_rows = [name_row(record.id, lang, text, "official") for lang, text in names.items()]
    name_rows += [name_row(record.id, a.lang, a.text, "alias")
                  for a in getattr(record, "aliases", [])]
    return {"id": record.id, "props": props}, name_rows


def _add_entity(out: Rows, origin: str, section: str, entity_type: str, record: Any) -> None:
    row, name_rows = entity_row(section, entity_type, record, origin)
    sources = list(dict.fromkeys(getattr(record, "sources", [])))  # each edge written once
    row["props"]["importHash"] = _digest(row["props"], name_rows, sources)
    out.entities.setdefault(entity_type, []).append(row)
    out.names.extend(name_rows)
    out.entity_sources.extend({"id": record.id, "sourceId": s} for s in sources)


def name_row(entity_id: str, lang: str, text: str, kind: str) -> dict[str, str]:
    """A `Name` row: one name of an entity, in one language, with its search key."""
    key = name_key(text)
    return {"id": f"{entity_id}/name/{lang}/{key}", "entityId": entity_id, "key": key,
            "text": text, "lang": lang, "kind": kind}


def _add_link(out: Rows, origin: str, label: str, kind: str,
              parties: list[tuple[str, str | None]], record: Any, role: str | None = None,
              **extra: Any) -> None:
    if any(entity_id is None for _, entity_id in parties):
        return  # an unresolved reference: already reported as a problem
    link_id = link_id_of(kind, [entity_id or "" for _, entity_id in parties], role)
    props = {"kind": kind, "role": role, "since": getattr(record, "since", None),
             "until": getattr(record, "until", None), "note": getattr(record, "note", None),
             "origin": origin, **extra}
    sources = list(dict.fromkeys(record.sources))
    props["importHash"] = _digest(props, sorted(parties, key=str), sources)
    out.links.append({"id": link_id, "props": props})
    out.labels.setdefault(link_id, label)
    out.parties.extend({"linkId": link_id, "slot": slot, "entityId": entity_id or ""}
                       for slot, entity_id in dict.fromkeys(parties))
    out.link_sources.extend({"id": link_id, "sourceId": s} for s in sources)


# Links stated by an entity's own fields: (section, field, kind, entity's slot, other's slot).
DERIVED_LINKS = (("organisations", "partOf", "PART_OF", "part", "whole"),
                 ("programmes", "partOf", "PART_OF", "part", "whole"),
                 ("posts", "body", "POST_OF", "post", "body"),
                 ("events", "place", "HELD_IN", "event", "place"),
                 ("events", "programme", "FRAMEWORK", "activity", "programme"),
                 ("documents", "event", "ADOPTED_AT", "document", "event"),
                 ("documents", "programme", "FRAMEWORK", "activity", "programme"))


def link_id_of(kind: str, party_ids: list[str], role: str | None) -> str:
    """The stable id of a link: its kind, parties and role."""
    return f"{kind.lower().replace('_', '-')}:" + "~".join(party_ids + ([role] if role else []))


def _derived_links(out: Rows, parsed: ParsedFile, ref: Callable[[Ref | None], str | None]) -> None:
    """Links stated by an entity's own fields (a post's body, an event's place...)."""
    for section, attr, kind, own_slot, other_slot in DERIVED_LINKS:
        for label, record in parsed.of(section):
            target = getattr(record, attr)
            if target is not None:
                _add_link(out, parsed.name, label, kind,
                          [(own_slot, record.id), (other_slot, ref(target))], record)


def _stated_links(out: Rows, parsed: ParsedFile, ref: Callable[[Ref | None], str | None]) -> None:
    """The link sections: memberships, twinnings, participations and the rest."""
    origin = parsed.name
    for label, m in parsed.of("memberships"):
        _add_link(out, origin, label, "MEMBERSHIP", [("network", ref(m.network)),
                                              ("member", ref(m.member))], m)
    for label, t in parsed.of("twinnings"):
        parties = sorted([("party", ref(p)) for p in t.parties], key=str)
        if parties[0] == parties[1] and parties[0][1] is not None:
            out.self_twinned.append(label)
            continue
        if t.programme is not None:
            parties.append(("programme", ref(t.programme)))
        _add_link(out, origin, label, "TWINNING", parties, t, status=t.status)
    for label, p in parsed.of("participations"):
        _add_link(out, origin, label, "PARTICIPATION", [("programme", ref(p.programme)),
                                                 ("participant", ref(p.participant))], p, p.role)
    for label, h in parsed.of("holdings"):
        _add_link(out, origin, label, "HOLDING",
                  [("post", ref(h.post)), ("holder", ref(h.person))], h)
    for label, a in parsed.of("attendances"):
        _add_link(out, origin, label, "ATTENDANCE", [("event", ref(a.event)),
                                              ("participant", ref(a.participant))], a, a.role)
    for label, d in parsed.of("documentParties"):
        _add_link(out, origin, label, "DOCUMENT_PARTY", [("document", ref(d.document)),
                                                  ("party", ref(d.party))], d, d.role)
    for label, c in parsed.of("statedCounts"):
        _add_link(out, origin, label, "STATED_COUNT", [("subject", ref(c.subject))], c,
                  f"{c.measure}/{c.category}", measure=c.measure, category=c.category,
                  value=c.value, asOf=c.asOf)


def _check_links(out: Rows, file: str, problems: list[Problem]) -> None:
    problems.extend(Problem(file, label, "parties", "a collectivity cannot be twinned with "
                            "itself") for label in out.self_twinned)
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
