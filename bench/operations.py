"""The operations that stand for the registry's users, each with its measurement floor."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from bench import floors
from domain.matching import search_text
from domain.names import query_key
from graph import dialect
from graph.search import words_clauses

LOOKUP = ("query Lookup($code: String!) { collectivity(code: $code) "
          "{ id code nameFr nameAr level population } }")
SEARCH = ("query Search($text: String!) { search(text: $text, first: 20) "
          "{ label match entity { id } matchedName { text lang } } }")
HIERARCHY = ("query Hierarchy { regions { code nameFr provinces { code nameFr "
             "communes(first: 100) { nodes { code nameFr population } } } } }")
COMMUNE_NETWORK = """query CommuneNetwork($code: String!) {
  collectivity(code: $code) {
    id nameFr
    networks { since network { id nameFr } }
    twinnings { since status partner { id ... on Collectivity { nameFr } }
                programme { id nameFr } }
    programmes { role programme { id nameFr
      funders { participant { id ... on Organisation { nameFr } } } } }
  }
}"""
COVERAGE = """query Coverage($id: ID!) {
  coverage(network: $id, groupBy: REGION) {
    national { levels { level members total share } population populationCovered }
    groups { territory { id nameFr } levels { level members total }
             population populationCovered }
  }
}"""
CONNECTIONS = """query Connections($from: ID!, $to: ID!) {
  connections(from: $from, to: $to, maxHops: 4) {
    visited paths { length steps { kind role from { id } to { id } link { id since } } }
  }
}"""
ENTITIES = """query Entities($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Commune { id code nameFr population } }
}"""
TWINNINGS = """query CommuneTwinnings($code: String!) {
  collectivity(code: $code) {
    id nameFr
    twinnings { id since status partner { id ... on Collectivity { nameFr } }
                programme { id nameFr funders { participant { id } } } }
  }
}"""
PAGE = ("query Page { collectivities(filter: {level: [COMMUNE]}, first: 100) { totalCount "
        "edges { cursor node { id code nameFr population } } "
        "pageInfo { hasNextPage endCursor } } }")

SEARCH_TEXTS = ("بركان", "Casablanca", "oujda", "مراكش", "Tanger", "sidi", "الرباط", "Agadir")


@dataclass
class Targets:
    """What the operations ask about at one scale."""

    codes: list[str]
    commune_code: str
    twinned_codes: list[str]
    network_id: str
    connection: tuple[str, str] | None
    representation_sets: list[list[str]]


@dataclass
class Operation:
    """One user operation: a GraphQL request (variables cycled) and its floor statement
    (none for the peer's operations), or one per backend dialect with its parameters."""

    name: str
    title: str
    query: str
    variables: list[dict[str, Any]]
    floor: str | dict[str, str] | None
    floor_params: list[dict[str, Any]] | dict[str, list[dict[str, Any]]] = field(
        default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """A plain mapping for the load driver."""
        return asdict(self)


_FULLTEXT_SYNTAX = {"falkordb": dialect.falkor_fulltext_query,
                    "neo4j": dialect.neo4j_fulltext_query}


def _search_floor(syntax: Any, text: str) -> dict[str, Any]:
    """The first pass of a search (the words as typed) in one statement."""
    words = search_text(query_key(text))
    return {"query": syntax(words_clauses(words)), "key": words.key, "labels": None,
            "limit": 20, "candidates": 100_000, "byScore": False}


def operations(targets: Targets) -> list[Operation]:
    """The fixed set of operations, with this scale's targets."""
    ops = [
        Operation("lookup", "collectivity by code", LOOKUP,
                  [{"code": code} for code in targets.codes], floors.LOOKUP,
                  [{"code": code} for code in targets.codes]),
        Operation("search", "multilingual name search", SEARCH,
                  [{"text": text} for text in SEARCH_TEXTS], floors.SEARCH,
                  {name: [_search_floor(syntax, text) for text in SEARCH_TEXTS]
                   for name, syntax in _FULLTEXT_SYNTAX.items()}),
        Operation("hierarchy", "regions > provinces > communes", HIERARCHY, [{}],
                  floors.HIERARCHY, [{}]),
        Operation("commune_network", "commune: networks, twinnings, programmes, funders",
                  COMMUNE_NETWORK, [{"code": targets.commune_code}], floors.COMMUNE_NETWORK,
                  [{"code": targets.commune_code}]),
        Operation("twinnings", "commune: twinnings, programmes, funders", TWINNINGS,
                  [{"code": code} for code in targets.twinned_codes], floors.TWINNINGS,
                  [{"code": code} for code in targets.twinned_codes]),
        Operation("coverage", "coverage of a network by region", COVERAGE,
                  [{"id": targets.network_id}], floors.COVERAGE, [{"id": targets.network_id}]),
    ]
    if targets.connection is not None:
        start, end = targets.connection
        ops.append(Operation("connections", "connections, 4 hops apart", CONNECTIONS,
                             [{"from": start, "to": end}], floors.CONNECTIONS,
                             [{"from": start, "to": end}]))
    ops += [
        Operation("entities", "_entities, 100 representations", ENTITIES,
                  [{"representations": [{"__typename": "Commune", "id": i} for i in ids]}
                   for ids in targets.representation_sets], floors.ENTITIES,
                  [{"ids": ids} for ids in targets.representation_sets]),
        Operation("page", "100 communes with totalCount", PAGE, [{}], floors.PAGE, [{}]),
    ]
    return ops
