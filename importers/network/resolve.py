"""Resolving a curated file's references: ids in the file, ids in the graph, look-ups.

A territorial look-up must find exactly one unit; otherwise the problem lists
what it found. A reference must also point at the right kind of entity (a
membership's `network` is a Network).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from domain.model import EXPECTS, TYPE_OF_SECTION
from domain.names import name_key, query_key
from domain.records import Ref, TerritoryLookup
from graph import names as graph_names
from graph import network_import as graph_import
from graph import territory as graph_territory
from graph.client import GraphClient, Row
from importers.network.parse import ParsedFile
from importers.problems import Problem


def ref_key(ref: Ref) -> str:
    """A hashable key for a reference, as written."""
    return ref if isinstance(ref, str) else ref.model_dump_json(exclude_none=True)


@dataclass(frozen=True)
class RefUse:
    """One place in the file that refers to something."""

    label: str
    field: str
    ref: Ref
    expects: frozenset[str]


def ref_uses(parsed: ParsedFile) -> Iterator[RefUse]:
    """Every reference of the file, with the kinds of entity it may point at."""
    for (section, field_name), expects in EXPECTS.items():
        for label, record in parsed.of(section):
            value = getattr(record, field_name)
            refs = value if isinstance(value, list) else [value]
            for index, ref in enumerate(refs):
                where = f"{field_name}.{index}" if isinstance(value, list) else field_name
                if ref is not None:
                    yield RefUse(label, where, ref, expects)


def defined_ids(parsed: ParsedFile, problems: list[Problem]) -> dict[str, str]:
    """Ids the file defines, with their entity type; duplicates are problems."""
    defined: dict[str, str] = {}
    for section, entity_type in TYPE_OF_SECTION.items():
        for label, record in parsed.of(section):
            if record.id in defined:
                problems.append(Problem(parsed.name, label, "id", "duplicate id in this file"))
            defined[record.id] = entity_type
    return defined


async def resolve(db: GraphClient, parsed: ParsedFile, defined: dict[str, str],
                  problems: list[Problem]) -> dict[str, str]:
    """Map each reference key to an entity id; every failure becomes a problem."""
    uses = list(ref_uses(parsed))
    types = dict(defined)
    candidates = {_as_id(u.ref) for u in uses} | set(_source_ids(parsed))
    wanted = {i for i in candidates if i is not None and i not in defined}
    for row in await graph_import.existing_entities(db, sorted(wanted)):
        types[row["id"]] = _type_from_labels(row["labels"])
    by_name = await _name_lookups(db, [u.ref for u in uses if _is_name_lookup(u.ref)])
    resolved: dict[str, str] = {}
    for use in uses:
        entity_id = _resolve_one(parsed.name, use, types, by_name, problems)
        if entity_id is not None:
            resolved[ref_key(use.ref)] = entity_id
    _check_sources(parsed, types, problems)
    return resolved


def _resolve_one(file: str, use: RefUse, types: dict[str, str],
                 by_name: dict[str, list[Row]], problems: list[Problem]) -> str | None:
    if _is_name_lookup(use.ref):
        found = by_name.get(ref_key(use.ref), [])
        if len(found) != 1:
            problems.append(Problem(file, use.label, use.field, _lookup_failure(use.ref, found)))
            return None
        entity_id: str = found[0]["id"]
    else:
        entity_id = _as_id(use.ref) or ""
        if entity_id not in types:
            problems.append(Problem(file, use.label, use.field,
                                    f"{entity_id!r} is neither defined in this file nor in the "
                                    "registry"))
            return None
    if types.get(entity_id, "Territory") not in use.expects:
        problems.append(Problem(file, use.label, use.field,
                                f"{entity_id!r} is a {types[entity_id]}; expected "
                                f"{' or '.join(sorted(use.expects))}"))
        return None
    return entity_id


def _as_id(ref: Ref) -> str | None:
    if isinstance(ref, str):
        return ref
    return f"{ref.country}:{ref.code}" if ref.code else None


def _is_name_lookup(ref: Ref) -> bool:
    return isinstance(ref, TerritoryLookup) and not ref.code


def _type_from_labels(labels: list[str]) -> str:
    if "Territory" in labels:
        return "Territory"
    return next((label for label in labels if label in TYPE_OF_SECTION.values()), "Entity")


def _source_ids(parsed: ParsedFile) -> Iterator[str]:
    for section, records in parsed.records.items():
        if section != "sources":
            for _, record in records:
                yield from record.sources


def _check_sources(parsed: ParsedFile, types: dict[str, str], problems: list[Problem]) -> None:
    for section, records in parsed.records.items():
        if section == "sources":
            continue
        for label, record in records:
            for index, source_id in enumerate(record.sources):
                if types.get(source_id) != "Source":
                    problems.append(Problem(parsed.name, label, f"sources.{index}",
                                            f"{source_id!r} is not a source defined in this "
                                            "file or in the registry"))


async def _name_lookups(db: GraphClient, lookups: list[Any]) -> dict[str, list[Row]]:
    """Candidates of each name look-up, filtered by level, country and parent."""
    keys = sorted({query_key(lookup.name) for lookup in lookups})
    if not keys:
        return {}
    rows = await graph_territory.territories_by_name_keys(db, keys)
    ancestors = {row["n"][k] for row in rows
                 for k in ("parentId", "provinceId", "regionId") if row["n"].get(k)}
    names = await graph_names.names_of(db, sorted(ancestors))
    ancestor_keys: dict[str, set[str]] = {}
    for row in names:
        ancestor_keys.setdefault(row["entityId"], set()).add(name_key(row["name"]["text"]))
    return {ref_key(lookup): _matching(lookup, rows, ancestor_keys) for lookup in lookups}


def _matching(lookup: TerritoryLookup, rows: list[Row],
              ancestor_keys: dict[str, set[str]]) -> list[Row]:
    key = query_key(lookup.name or "")
    found = [row["n"] for row in rows if row["key"] == key
             and row["n"]["level"] == lookup.level and row["n"]["country"] == lookup.country]
    if lookup.parent:
        parent = query_key(lookup.parent)
        found = [n for n in found if any(
            parent in ancestor_keys.get(n.get(k) or "", set())
            for k in ("parentId", "provinceId", "regionId"))]
    return found


def _lookup_failure(lookup: Ref, found: list[Row]) -> str:
    assert isinstance(lookup, TerritoryLookup)
    what = f"{lookup.level} {lookup.name!r}" + (f" in {lookup.parent!r}" if lookup.parent else "")
    if not found:
        return f"no {what} in the backbone ({lookup.country})"
    listed = "; ".join(f"{n['id']} {n.get('nameFr') or n.get('nameNl')}" for n in found[:10])
    return f"{what} is ambiguous, {len(found)} candidates: {listed} (add `parent` or use `code`)"
