"""The only backend-specific statements: schema set-up, and copying a whole Neo4j database.

FalkorDB has no `IF NOT EXISTS` and creates uniqueness with a Redis command
after an exact-match index; Neo4j 5 takes `CREATE ... IF NOT EXISTS`. Labels
and properties come from the `SCHEMA` allowlist below, never from input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import LiteralString


@dataclass(frozen=True)
class IndexSpec:
    """An index on one node property, unique or not."""

    label: str
    prop: str
    unique: bool = False

    @property
    def name(self) -> str:
        """A stable index or constraint name (Neo4j needs one to be idempotent)."""
        suffix = "unique" if self.unique else "index"
        return f"{self.label.lower()}_{self.prop.lower()}_{suffix}"


SCHEMA: tuple[IndexSpec, ...] = (
    IndexSpec("Entity", "id", unique=True),
    IndexSpec("Name", "id", unique=True),
    IndexSpec("Link", "id", unique=True),
    IndexSpec("Change", "id", unique=True),
    IndexSpec("Change", "targetId"),
    IndexSpec("Token", "id", unique=True),
    IndexSpec("Name", "key"),
    IndexSpec("Territory", "code"),
    IndexSpec("Territory", "parentId"),
)

_IDENTIFIER = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")
for _spec in SCHEMA:
    if not (_IDENTIFIER.match(_spec.label) and _IDENTIFIER.match(_spec.prop)):
        raise ValueError(f"schema allowlist holds an unsafe identifier: {_spec}")

# --- FalkorDB -------------------------------------------------------------

FALKOR_LIST_INDEXES: LiteralString = (
    "CALL db.indexes() YIELD label, properties RETURN label, properties"
)
FALKOR_LIST_CONSTRAINTS: LiteralString = (
    "CALL db.constraints() YIELD type, label, properties, status "
    "RETURN type, label, properties, status"
)


def falkor_index_statement(spec: IndexSpec) -> LiteralString:
    """`CREATE INDEX` for FalkorDB (it errors if the index exists: check first)."""
    return f"CREATE INDEX FOR (n:{spec.label}) ON (n.{spec.prop})"


def falkor_constraint_command(graph: str, spec: IndexSpec) -> tuple[str, ...]:
    """The Redis command that makes an indexed property unique."""
    return ("GRAPH.CONSTRAINT", "CREATE", graph, "UNIQUE", "NODE", spec.label,
            "PROPERTIES", "1", spec.prop)


# --- Neo4j 5 --------------------------------------------------------------

NEO4J_LIST_INDEXES: LiteralString = "SHOW INDEXES YIELD name RETURN name"
NEO4J_LIST_CONSTRAINTS: LiteralString = "SHOW CONSTRAINTS YIELD name RETURN name"


def neo4j_schema_statement(spec: IndexSpec) -> LiteralString:
    """An idempotent Neo4j 5 statement creating the constraint or index."""
    if spec.unique:
        return (f"CREATE CONSTRAINT {spec.name} IF NOT EXISTS "
                f"FOR (n:{spec.label}) REQUIRE n.{spec.prop} IS UNIQUE")
    return f"CREATE INDEX {spec.name} IF NOT EXISTS FOR (n:{spec.label}) ON (n.{spec.prop})"


def neo4j_schema_statements() -> list[LiteralString]:
    """Every Neo4j schema statement, in the order to run them."""
    return [neo4j_schema_statement(spec) for spec in SCHEMA]


# --- Neo4j: copying a whole database (graph.graph_copy) -------------------------
# Element ids and dynamic labels and types (`$(...)`, Neo4j 5.26) exist only on Neo4j.

NEO4J_ALL_NODES: LiteralString = (
    "MATCH (n) RETURN elementId(n) AS key, labels(n) AS labels, properties(n) AS props"
)
NEO4J_ALL_RELATIONSHIPS: LiteralString = (
    "MATCH (a)-[r]->(b) RETURN elementId(a) AS a, elementId(b) AS b, type(r) AS type, "
    "properties(r) AS props"
)
NEO4J_DELETE_ALL: LiteralString = "MATCH (n) DETACH DELETE n"
NEO4J_COPY_KEY_INDEX: LiteralString = (
    "CREATE INDEX copy_key_index IF NOT EXISTS FOR (n:CopyKey) ON (n.copyKey)"
)
NEO4J_CREATE_NODES: LiteralString = (
    "UNWIND $rows AS r CREATE (n:$(r.labels + ['CopyKey'])) SET n = r.props, n.copyKey = r.key"
)
NEO4J_CREATE_RELATIONSHIPS: LiteralString = (
    "UNWIND $rows AS r MATCH (a:CopyKey {copyKey: r.a}) MATCH (b:CopyKey {copyKey: r.b}) "
    "CREATE (a)-[x:$(r.type)]->(b) SET x = r.props"
)
NEO4J_FORGET_COPY_KEYS: LiteralString = "MATCH (n:CopyKey) REMOVE n:CopyKey, n.copyKey"

NEO4J_VERSION: LiteralString = (
    "CALL dbms.components() YIELD name, versions, edition "
    "WHERE name = 'Neo4j Kernel' RETURN versions[0] AS version, edition"
)
