"""Local governments abroad from a gazetteer (GeoNames), beside the backbone's countries.

Only the units another import needs are written (the twinnings' partners), never the
whole gazetteer. Each is a MUNICIPALITY of its country, with id `<ISO>:gn<GeoNames id>`
(`FR:gn2988507`) and code `gn<GeoNames id>`: unique across countries, so a federation
key like the HCP and REFNIS codes. GeoNames states no language for a place's name nor
for its alternate names: the name is kept under `und` (undetermined, ISO 639-2) and
the alternate names as aliases, searchable but labelled with no language. A country
new to the registry gets a COUNTRY unit named in English, as GeoNames' country list is.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from domain.names import clean_name, name_key
from graph import names as graph_names
from graph import territory_import as graph_import
from graph.client import GraphClient
from importers.territory.records import SourceRecord, TerritoryRecord

SOURCE_ID = "source:geonames-cities500"
UNDETERMINED = "und"
"""ISO 639-2 code of a name whose language the gazetteer does not state."""


@dataclass
class GazetteerRecord(TerritoryRecord):
    """A unit from the gazetteer: its name in no stated language, alternate names as
    aliases (a `TerritoryRecord` writes one official name per known language)."""

    aliases: list[str] = field(default_factory=list)

    def node_props(self) -> dict[str, Any]:
        """Node properties: `nameUnd` holds the gazetteer's name."""
        name = self.names[UNDETERMINED]
        return {**self.props, "nameUnd": name, "level": self.level, "nameSort": name_key(name),
                "importHash": self.import_hash()}

    def name_rows(self) -> list[dict[str, str]]:
        """The official name, then each alternate name (one per key) as an alias."""
        name = self.names[UNDETERMINED]
        rows = [_name_row(self.id, name, "official")]
        seen = {rows[0]["key"]}
        for alias in self.aliases:
            row = _name_row(self.id, alias, "alias")
            if row["key"] and row["key"] not in seen:
                seen.add(row["key"])
                rows.append(row)
        return rows

    def import_hash(self) -> str:
        """A digest of everything written for this unit, aliases included."""
        content = {"base": super().import_hash(), "aliases": self.aliases}
        encoded = json.dumps(content, sort_keys=True, ensure_ascii=False).encode()
        return hashlib.sha256(encoded).hexdigest()[:32]


def _name_row(unit_id: str, text: str, kind: str) -> dict[str, str]:
    key = name_key(text)
    return {"id": f"{unit_id}/name/{UNDETERMINED}/{key}", "entityId": unit_id, "key": key,
            "text": text, "lang": UNDETERMINED, "kind": kind}


def municipality(country: str, geonames_id: int, name: str,
                 alternates: Sequence[str]) -> GazetteerRecord:
    """A place of the gazetteer as a municipality of its country."""
    code = f"gn{geonames_id}"
    aliases = []
    for text in alternates:
        try:
            aliases.append(clean_name(text))
        except ValueError:
            continue  # not a usable name (controls, no letter): left out
    props = {"code": code, "country": country, "type": "MUNICIPALITY", "hasCouncil": True,
             "geonamesId": geonames_id}
    return GazetteerRecord(f"{country}:{code}", "MUNICIPALITY", props,
                           {UNDETERMINED: clean_name(name)}, SOURCE_ID,
                           [("SOURCED_FROM", SOURCE_ID)], aliases=aliases)


def country(iso: str, english_name: str) -> TerritoryRecord:
    """A country new to the registry, named as the gazetteer's (English) list names it."""
    return TerritoryRecord(iso, "COUNTRY", {"code": iso, "country": iso, "type": "COUNTRY"},
                           {"en": english_name}, SOURCE_ID, [("SOURCED_FROM", SOURCE_ID)])


def source(via: str) -> SourceRecord:
    """GeoNames' list of populated places, as the package `via` ships it."""
    return SourceRecord(SOURCE_ID, {
        "entityType": "Source", "kind": "DATASET",
        "title": "GeoNames, cities500: populated places of 500 or more inhabitants",
        "publisher": "GeoNames", "url": "https://www.geonames.org/",
        "licence": "CC BY 4.0", "language": "en", "via": via,
    })


def changed(records: Sequence[TerritoryRecord], known: dict[str, str | None]
            ) -> list[TerritoryRecord]:
    """The records whose unit is missing or differs (`known`: import hashes by id)."""
    return [r for r in records if known.get(r.id) != r.import_hash()]


async def write_units(unit: GraphClient, records: Sequence[TerritoryRecord],
                      sources: Sequence[SourceRecord], known: dict[str, str | None]) -> None:
    """Write units and sources that changed, with the backbone import's statements: the
    node, its names (stale ones pruned, aliases included) and its links."""
    new_sources = [s for s in sources if known.get(s.id) != s.node_props()["importHash"]]
    if new_sources:
        await graph_import.upsert_sources(
            unit, [{"id": s.id, "props": s.node_props()} for s in new_sources])
    records = changed(records, known)
    if not records:
        return
    for level in dict.fromkeys(r.level for r in records):
        await graph_import.upsert_level(unit, level, [
            {"id": r.id, "props": r.node_props()} for r in records if r.level == level])
    rows = [row for r in records for row in r.name_rows()]
    await graph_names.prune_names(unit, [
        {"entityId": r.id, "kind": kind, "keep": [n["id"] for n in r.name_rows()]}
        for r in records if r.id in known for kind in ("official", "alias")])
    await graph_names.upsert_names(unit, rows)
    await graph_import.unlink(unit, [r.id for r in records if r.id in known])
    for relation in dict.fromkeys(rel for r in records for rel, _ in r.links):
        await graph_import.link(unit, relation, [{"from": r.id, "to": target} for r in records
                                                 for rel, target in r.links if rel == relation])
