"""A whole-graph snapshot: every entity, link, name and edge, as plain comparable values.

Used by the export (which turns it into curated files) and by tests that show
something changed nothing, or that a round trip gives the same graph.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, LiteralString

from graph.client import GraphClient
from graph.names import SEARCH_PROPS

ENTITIES: LiteralString = (
    "MATCH (n:Entity) RETURN n.id AS id, labels(n) AS labels, properties(n) AS props"
)
LINKS: LiteralString = (
    "MATCH (n:Link) RETURN n.id AS id, properties(n) AS props, "
    "[(n)-[p:INVOLVES]->(e:Entity) | [p.slot, e.id]] AS parties"
)
NAMES: LiteralString = (
    "MATCH (k:Name) RETURN k.id AS id, properties(k) AS props, "
    "[(e:Entity)-[:NAMED]->(k) | e.id] AS entities"
)
SOURCED: LiteralString = (
    "MATCH (x)-[:SOURCED_FROM]->(s:Source) RETURN x.id AS id, s.id AS sourceId"
)
# Relationships between entities other than sources: the backbone's hierarchy.
STRUCTURE: LiteralString = (
    "MATCH (a:Entity)-[r]->(b:Entity) WHERE type(r) <> 'SOURCED_FROM' "
    "RETURN a.id AS fromId, type(r) AS type, b.id AS toId"
)
LABEL_COUNTS: LiteralString = "MATCH (n) RETURN labels(n) AS labels, count(n) AS n"
TYPE_COUNTS: LiteralString = "MATCH ()-[r]->() RETURN type(r) AS type, count(r) AS n"


@dataclass
class Snapshot:
    """The graph's content, keyed by the registry's own ids (never database ids)."""

    entities: dict[str, dict[str, Any]] = field(default_factory=dict)
    labels: dict[str, frozenset[str]] = field(default_factory=dict)
    links: dict[str, dict[str, Any]] = field(default_factory=dict)
    parties: dict[str, frozenset[tuple[str, str]]] = field(default_factory=dict)
    names: dict[str, dict[str, Any]] = field(default_factory=dict)
    named: dict[str, frozenset[str]] = field(default_factory=dict)
    sourced: frozenset[tuple[str, str]] = frozenset()
    structure: frozenset[tuple[str, str, str]] = frozenset()
    label_counts: Counter[str] = field(default_factory=Counter)
    type_counts: Counter[str] = field(default_factory=Counter)

    def without(self, *props: str) -> Snapshot:
        """The same snapshot, leaving out some bookkeeping properties (`importHash`)."""
        return Snapshot(
            {i: _drop(p, props) for i, p in self.entities.items()}, self.labels,
            {i: _drop(p, props) for i, p in self.links.items()}, self.parties,
            self.names, self.named, self.sourced, self.structure,
            self.label_counts, self.type_counts)

    def sources_of(self, node_id: str) -> list[str]:
        """The sources an entity or link cites, sorted."""
        return sorted(source for of, source in self.sourced if of == node_id)


def _drop(props: dict[str, Any], names: Iterable[str]) -> dict[str, Any]:
    return {k: v for k, v in props.items() if k not in names}


async def snapshot(db: GraphClient) -> Snapshot:
    """Read the whole graph (a few thousand nodes: one read per kind of thing)."""
    shot = Snapshot()
    for row in await db.read(ENTITIES):
        shot.entities[row["id"]] = row["props"]
        shot.labels[row["id"]] = frozenset(row["labels"])
    for row in await db.read(LINKS):
        shot.links[row["id"]] = row["props"]
        shot.parties[row["id"]] = frozenset((slot, id) for slot, id in row["parties"])
    for row in await db.read(NAMES):
        # A name's search properties are derived from its key: not part of its content.
        shot.names[row["id"]] = _drop(row["props"], SEARCH_PROPS)
        shot.named[row["id"]] = frozenset(row["entities"])
    shot.sourced = frozenset((r["id"], r["sourceId"]) for r in await db.read(SOURCED))
    shot.structure = frozenset((r["fromId"], r["type"], r["toId"])
                               for r in await db.read(STRUCTURE))
    for row in await db.read(LABEL_COUNTS):
        shot.label_counts[":".join(sorted(row["labels"]))] += int(row["n"])
    for row in await db.read(TYPE_COUNTS):
        shot.type_counts[row["type"]] += int(row["n"])
    return shot
