"""What re-importing gives: the backbone from its packages, and each exported document.

The documents go through the real importer (`prepare`: parse, validate, resolve,
build rows) without writing, so the prediction is the importer's own, not a copy
of its rules. A document is written to a temporary file named after its origin,
because the importer records the file's name as the origin of what it writes.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any

import yaml

from graph.client import GraphClient
from importers.network.load import prepare
from importers.network.rows import Rows
from importers.territory.load import backbone
from importers.twinnings.load import gazetteer_units

_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class Expected:
    """The graph an import would build, in the snapshot's terms."""

    entities: dict[str, dict[str, Any]] = field(default_factory=dict)
    links: dict[str, dict[str, Any]] = field(default_factory=dict)
    parties: dict[str, set[tuple[str, str]]] = field(default_factory=dict)
    names: dict[str, dict[str, Any]] = field(default_factory=dict)
    sourced: set[tuple[str, str]] = field(default_factory=set)
    structure: set[tuple[str, str, str]] = field(default_factory=set)


def stored(node_id: str, props: dict[str, Any]) -> dict[str, Any]:
    """Properties as the graph keeps them: with the id, without nulls."""
    return {"id": node_id, **{k: v for k, v in props.items() if v is not None}}


def add_backbone(expected: Expected, gazetteer: bool = False) -> None:
    """The territorial units and datasets the packages give (and, with `gazetteer`, the
    foreign units the twinnings dataset takes from GeoNames)."""
    records, sources = backbone()
    if gazetteer:
        units, source = gazetteer_units()
        records, sources = [*records, *units], [*sources, source]
    for record in records:
        expected.entities[record.id] = stored(record.id, record.node_props())
        for row in record.name_rows():
            expected.names[row["id"]] = dict(row)
        for relation, target in record.links:
            if relation == "SOURCED_FROM":
                expected.sourced.add((record.id, target))
            else:
                expected.structure.add((record.id, relation, target))
    for source in sources:
        expected.entities[source.id] = stored(source.id, source.node_props())


def add_rows(expected: Expected, rows: Rows) -> None:
    """What one curated document writes."""
    for group in rows.entities.values():
        for row in group:
            expected.entities[row["id"]] = stored(row["id"], row["props"])
    for name in rows.names:
        expected.names[name["id"]] = dict(name)
    for link in rows.links:
        expected.links[link["id"]] = stored(link["id"], link["props"])
        expected.parties.setdefault(link["id"], set())
    for party in rows.parties:
        expected.parties[party["linkId"]].add((party["slot"], party["entityId"]))
    expected.sourced.update((r["id"], r["sourceId"])
                            for r in [*rows.entity_sources, *rows.link_sources])


def write_document(directory: Path, origin: str, document: dict[str, Any]) -> Path:
    """The document as a curated file named `origin` (YAML, or JSON for `*.json`)."""
    path = directory / origin
    if path.suffix == ".json":
        path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
        return path
    text = yaml.dump(document, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1000)
    if yaml.load(text, Loader=_Loader) != document:  # a YAML subtlety must not alter data
        raise ValueError(f"{origin}: the document does not survive YAML unchanged")
    path.write_text(text, encoding="utf-8")
    return path


@contextmanager
def document_files(documents: Iterable[tuple[str, dict[str, Any]]]) -> Iterator[list[Path]]:
    """Temporary curated files, one per (origin, document), in the given order."""
    with TemporaryDirectory(prefix="registry-export-") as directory:
        yield [write_document(Path(directory), origin, document)
               for origin, document in documents]


async def expected_graph(db: GraphClient, documents: Iterable[tuple[str, dict[str, Any]]],
                         gazetteer: bool = False) -> Expected:
    """The backbone plus every document, as the importer would write them into `db`."""
    expected = Expected()
    add_backbone(expected, gazetteer)
    with document_files(documents) as paths:
        for path in paths:
            add_rows(expected, await prepare(db, path))
    return expected
