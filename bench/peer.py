"""The peer's side of the shared operations: the Neo4j GraphQL Library's queries, and how
the registry's and the peer's answers are brought to one shape to be compared.

The peer's API is generated from `bench/peer/typeDefs.graphql`: lists with `where`
filters (`{eq: ...}`), `sort` and `limit`, Relay connections for totals, and a
`...Connection` field per relationship whose `edge` filter reaches the
relationship's properties. Reified links are `Link` nodes, so a twinning is a
`Link` with `kind: "TWINNING"` reached through an `INVOLVES` edge with
`slot: "party"`, and its programme's funders are `PARTICIPATION` links with role
`FUNDER` on the programme's `slot: "programme"` edges.

Each normaliser turns one answer into named sets of strings (ids, codes, names,
counts); two answers agree when every set is the same.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from bench.operations import Operation

SHARED = ("lookup", "hierarchy", "page", "twinnings")

LOOKUP = ("query Lookup($code: String!) { collectivities(where: {code: {eq: $code}}) "
          "{ id code nameFr nameAr level population } }")
HIERARCHY = """query Hierarchy {
  regions(where: {country: {eq: "MA"}}, sort: [{nameSort: ASC}, {id: ASC}]) { code nameFr
    provinces(sort: [{nameSort: ASC}, {id: ASC}]) { code nameFr
      communes(limit: 100, sort: [{nameSort: ASC}, {id: ASC}]) { code nameFr population } } }
}"""
PAGE = """query Page {
  communesConnection(first: 100, sort: [{nameSort: ASC}, {id: ASC}]) { totalCount
    edges { cursor node { id code nameFr population } } pageInfo { hasNextPage endCursor } }
}"""
TWINNINGS = """query Twinnings($code: String!, $id: ID!) {
  communes(where: {code: {eq: $code}}) {
    id nameFr
    twinnings: linksConnection(where: {edge: {slot: {eq: "party"}},
                                       node: {kind: {eq: "TWINNING"}}}) {
      edges { node { id since status
        partner: partiesConnection(where: {edge: {slot: {eq: "party"}},
                                           node: {NOT: {id: {eq: $id}}}}) {
          edges { node { id nameFr } } }
        programme: partiesConnection(where: {edge: {slot: {eq: "programme"}}}) {
          edges { node { id nameFr
            funders: linksConnection(where: {edge: {slot: {eq: "programme"}},
                node: {kind: {eq: "PARTICIPATION"}, role: {eq: "FUNDER"}}}) {
              edges { node {
                participant: partiesConnection(where: {edge: {slot: {eq: "participant"}}}) {
                  edges { node { id } } } } } } } } } } } }
  }
}"""

Sets = dict[str, set[str]]


def _key(*values: Any) -> str:
    return json.dumps(values, ensure_ascii=False)


def peer_operations(registry_ops: list[Operation]) -> list[Operation]:
    """The peer's equivalents of the registry's shared operations, with the same targets."""
    queries = {"lookup": LOOKUP, "hierarchy": HIERARCHY, "page": PAGE, "twinnings": TWINNINGS}
    out = []
    for op in registry_ops:
        if op.name not in queries:
            continue
        variables = op.variables
        if op.name == "twinnings":
            variables = [{"code": v["code"], "id": f"MA:{v['code']}"} for v in op.variables]
        out.append(Operation(op.name, op.title, queries[op.name], variables, None, []))
    return out


def _lookup(found: list[dict[str, Any]]) -> Sets:
    return {"collectivity": {_key(n["id"], n["code"], n["nameFr"], n["nameAr"], n["level"],
                                  n["population"]) for n in found}}


def _hierarchy(regions: list[dict[str, Any]], communes_of: Callable[[Any], list[Any]]) -> Sets:
    out: Sets = {"regions": set(), "provinces": set(), "communes": set()}
    for region in regions:
        out["regions"].add(_key(region["code"], region["nameFr"]))
        for province in region["provinces"]:
            out["provinces"].add(_key(region["code"], province["code"], province["nameFr"]))
            for commune in communes_of(province):
                out["communes"].add(_key(province["code"], commune["code"], commune["nameFr"],
                                         commune["population"]))
    return out


def _page(total: int, ids: list[str], more: bool) -> Sets:
    return {"totalCount": {str(total)}, "hasNextPage": {str(more)}, "ids": set(ids)}


def _twinnings(rows: list[tuple[str, list[Any], list[Any]]]) -> Sets:
    """rows: (twinning id, [(partner id, name)], [(programme id, name, [funder ids])])."""
    out: Sets = {"twinnings": set(), "programmes": set(), "funders": set()}
    for twinning, partners, programmes in rows:
        out["twinnings"].add(_key(twinning, sorted(partners)))
        for programme, name, funders in programmes:
            out["programmes"].add(_key(twinning, programme, name))
            out["funders"].update(_key(twinning, programme, funder) for funder in funders)
    return out


def registry_sets(name: str, data: dict[str, Any]) -> Sets:
    """The registry's answer to a shared operation, as named sets."""
    if name == "lookup":
        return _lookup([data["collectivity"]] if data["collectivity"] else [])
    if name == "hierarchy":
        return _hierarchy(data["regions"], lambda p: p["communes"]["nodes"])
    if name == "page":
        page = data["collectivities"]
        return _page(page["totalCount"], [e["node"]["id"] for e in page["edges"]],
                     page["pageInfo"]["hasNextPage"])
    commune = data["collectivity"]
    rows = []
    for t in commune["twinnings"] if commune else []:
        partner = t["partner"]
        programme = t["programme"]
        programmes = [] if programme is None else [
            (programme["id"], programme["nameFr"],
             [f["participant"]["id"] for f in programme["funders"]])]
        rows.append((t["id"], [(partner["id"], partner.get("nameFr"))] if partner else [],
                     programmes))
    return _twinnings(rows)


def _nodes(connection: dict[str, Any]) -> list[dict[str, Any]]:
    return [edge["node"] for edge in connection["edges"]]


def peer_sets(name: str, data: dict[str, Any]) -> Sets:
    """The peer's answer to a shared operation, as named sets."""
    if name == "lookup":
        return _lookup(data["collectivities"])
    if name == "hierarchy":
        return _hierarchy(data["regions"], lambda p: p["communes"])
    if name == "page":
        page = data["communesConnection"]
        return _page(page["totalCount"], [e["node"]["id"] for e in page["edges"]],
                     page["pageInfo"]["hasNextPage"])
    rows = []
    for commune in data["communes"]:
        for t in _nodes(commune["twinnings"]):
            partners = [(p["id"], p["nameFr"]) for p in _nodes(t["partner"])]
            programmes = [(g["id"], g["nameFr"],
                           [x["id"] for f in _nodes(g["funders"])
                            for x in _nodes(f["participant"])])
                          for g in _nodes(t["programme"])]
            rows.append((t["id"], partners, programmes))
    return _twinnings(rows)
