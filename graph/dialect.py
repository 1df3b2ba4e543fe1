"""The only backend-specific statements: schema set-up, the full-text index over names and
its query syntax, and copying a whole Neo4j database.

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

# --- Full-text index over names (graph.search) ------------------------------
# One index on each backend over two properties of `Name` (graph.names.SEARCH_PROPS):
# `terms`, the words of the name's key, and `sounds`, their skeletons. Both hold only
# lower-case letters and digits separated by spaces, so no analyser changes them: no
# stemming, no stop words (FalkorDB), whitespace only (Neo4j).
FULLTEXT_FIELDS = ("terms", "sounds")
NAME_FULLTEXT_INDEX = "name_fulltext"


@dataclass(frozen=True)
class Term:
    """One word to look for in one field: as it is, as a prefix, or within `edits` typos."""

    field: str
    word: str
    prefix: bool = False
    edits: int = 0


# A query: clauses that must all match (or any, with `every=False`); a clause matches
# when one of its terms does.
Clause = tuple[Term, ...]

_TOKEN = re.compile(r"^\w+$")


def _checked(term: Term) -> Term:
    # Words come from normal-form keys (letters and digits); anything else would be syntax.
    if term.field not in FULLTEXT_FIELDS or not _TOKEN.match(term.word) or "_" in term.word:
        raise ValueError(f"not a full-text term: {term}")
    return term


def falkor_fulltext_query(clauses: list[Clause], every: bool = True) -> str:
    """RediSearch syntax: `((@terms:(berk*))) ((@sounds:(brkn|brk)))`; `|` between clauses
    for any."""
    def term(t: Term) -> str:
        t = _checked(t)
        if t.edits:
            return "%" * t.edits + t.word + "%" * t.edits
        return t.word + ("*" if t.prefix else "")

    def clause(c: Clause) -> str:
        by_field: dict[str, list[str]] = {}
        for t in c:
            by_field.setdefault(t.field, []).append(term(t))
        # Each field's group in parentheses of its own: RediSearch read `@a:(x)|@b:(y)` as
        # `@a:(x|@b:(y))`, losing the second field (a clause over words and sounds
        # then matched words only).
        return "(" + "|".join(f"(@{f}:({'|'.join(ws)}))" for f, ws in by_field.items()) + ")"
    return (" " if every else "|").join(clause(c) for c in clauses)


def neo4j_fulltext_query(clauses: list[Clause], every: bool = True) -> str:
    """Lucene syntax: `+(terms:berk*) +(sounds:brkn sounds:brk)`; no `+` for any."""
    def term(t: Term) -> str:
        t = _checked(t)
        suffix = f"~{t.edits}" if t.edits else ("*" if t.prefix else "")
        return f"{t.field}:{t.word}{suffix}"
    mark = "+" if every else ""
    return " ".join(f"{mark}({' '.join(term(t) for t in c)})" for c in clauses)


FALKOR_NAME_FULLTEXT_INDEX: LiteralString = (
    "CALL db.idx.fulltext.createNodeIndex({label: 'Name', stopwords: []}, "
    "{field: 'terms', nostem: true}, {field: 'sounds', nostem: true})"
)
NEO4J_NAME_FULLTEXT_INDEX: LiteralString = (
    "CREATE FULLTEXT INDEX name_fulltext IF NOT EXISTS FOR (n:Name) ON EACH [n.terms, n.sounds] "
    "OPTIONS {indexConfig: {`fulltext.analyzer`: 'whitespace'}}"
)
NEO4J_AWAIT_NAME_FULLTEXT: LiteralString = "CALL db.awaitIndex('name_fulltext', 300)"

# Entities whose names a full-text query finds (the `$candidates` names the index scores
# best), each with the names that matched and the index's best score (rarer words and
# shorter names score higher): rank 0 the whole name, 1 its start, 2 otherwise (words
# anywhere, or a sound or typo match, which resolvers.search ranks); at the same rank
# curated and official entities before those contributed through the API, then (with
# `$byScore`, for the passes resolvers.search reorders itself) by score, then by
# population. Filters: entity labels (or null), and in the `_IN_REGION` statements a
# region: the region, a unit in it, or an entity part of one, held in one or placed in
# one (PART_OF, HELD_IN and PROGRAMME_PLACE links). The region test is a statement of its
# own because FalkorDB evaluates a pattern comprehension even in a CASE branch not taken
# (18 ms for the 160 names "sidi" finds at a tenth of the benchmark's large scale).
_FALKOR_HEAD: LiteralString = (
    "CALL db.idx.fulltext.queryNodes('Name', $query) YIELD node AS k, score "
    "WITH k, score LIMIT $candidates "
)
_NEO4J_HEAD: LiteralString = (
    "CALL db.index.fulltext.queryNodes('name_fulltext', $query, {limit: $candidates}) "
    "YIELD node AS k, score "
)
_ENTITY: LiteralString = (
    "MATCH (e:Entity {id: k.entityId}) "
    "WHERE ($labels IS NULL OR any(l IN labels(e) WHERE l IN $labels)) "
)
# (FalkorDB takes a pattern comprehension in a WITH, not in the WHERE of a MATCH.)
_IN_REGION: LiteralString = (
    "WITH e, k, score, size([(e)<-[:INVOLVES]-(l:Link)-[:INVOLVES]->(w:Territory) "
    "WHERE l.kind IN ['PART_OF', 'HELD_IN', 'PROGRAMME_PLACE'] "
    "AND (w.id = $region OR w.regionId = $region) | w.id]) AS placed "
    "WHERE e.id = $region OR e.regionId = $region OR placed > 0 "
)
_RANKED: LiteralString = (
    "WITH e, k, score, CASE WHEN k.key = $key THEN 0 WHEN k.key STARTS WITH $key THEN 1 "
    "ELSE 2 END AS rank "
    "WITH e, min(rank) AS best, max(score) AS score, "
    "collect({text: k.text, lang: k.lang, kind: k.kind, key: k.key, rank: rank}) AS matches "
    "RETURN e.id AS id, best AS rank, matches, coalesce(e.origin, '') = 'api' AS contributed, "
    "coalesce(e.population, 0) AS population, score "
    "ORDER BY best, contributed, CASE WHEN $byScore THEN score ELSE 0 END DESC, "
    "population DESC, e.id "
    "LIMIT $limit"
)
FALKOR_SEARCH_NAMES: LiteralString = _FALKOR_HEAD + _ENTITY + _RANKED
FALKOR_SEARCH_NAMES_IN_REGION: LiteralString = _FALKOR_HEAD + _ENTITY + _IN_REGION + _RANKED
NEO4J_SEARCH_NAMES: LiteralString = _NEO4J_HEAD + _ENTITY + _RANKED
NEO4J_SEARCH_NAMES_IN_REGION: LiteralString = _NEO4J_HEAD + _ENTITY + _IN_REGION + _RANKED

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
    return [neo4j_schema_statement(spec) for spec in SCHEMA] + [NEO4J_NAME_FULLTEXT_INDEX]


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
