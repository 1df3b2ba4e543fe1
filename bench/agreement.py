"""Do the registry and its peer give the same answers? Checked once per run, before timing.

Every shared operation is sent with each of its variable sets to each server; the
answers are brought to named sets of ids, codes, names and counts
(`bench.peer.registry_sets`, `bench.peer.peer_sets`), and each registry's sets are
compared with the peer's for the same variables. A difference is a mismatch: it is
printed at once, in the table, and makes the benchmark exit with status 2.
"""

from __future__ import annotations

import json
import urllib.request
from collections.abc import Callable
from typing import Any

from bench.operations import Operation
from bench.peer import SHARED, Sets

Answers = dict[str, list[Sets | str]]  # op name -> per variable set: sets, or an error


def _post(port: int, query: str, variables: dict[str, Any]) -> dict[str, Any]:
    body = json.dumps({"query": query, "variables": variables}).encode()
    request = urllib.request.Request(f"http://127.0.0.1:{port}/graphql", body,
                                     {"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=120) as answer:
        result: dict[str, Any] = json.loads(answer.read())
    return result


def collect(port: int, ops: list[Operation], normalise: Callable[[str, dict[str, Any]], Sets]
            ) -> Answers:
    """Each shared operation's answers from one server, normalised (or the error)."""
    out: Answers = {}
    for op in ops:
        if op.name not in SHARED:
            continue
        out[op.name] = []
        for variables in op.variables:
            try:
                answer = _post(port, op.query, variables)
            except OSError as error:
                out[op.name].append(f"request failed: {error}")
                continue
            if answer.get("errors") or not answer.get("data"):
                out[op.name].append(f"errors: {json.dumps(answer.get('errors'))[:300]}")
                continue
            out[op.name].append(normalise(op.name, answer["data"]))
    return out


def _differences(ours: Sets | str, theirs: Sets | str) -> list[str]:
    if isinstance(ours, str) or isinstance(theirs, str):
        return [f"registry: {ours if isinstance(ours, str) else 'answered'}; "
                f"peer: {theirs if isinstance(theirs, str) else 'answered'}"]
    out = []
    for name in sorted(set(ours) | set(theirs)):
        mine, peer = ours.get(name, set()), theirs.get(name, set())
        if mine != peer:
            only_mine, only_peer = sorted(mine - peer), sorted(peer - mine)
            out.append(f"{name}: {len(mine)} in the registry's answer, {len(peer)} in the "
                       f"peer's; only the registry's: {only_mine[:3]}; only the peer's: "
                       f"{only_peer[:3]}")
    return out


def compare(system: str, registry: Answers, peer: Answers,
            variables: dict[str, list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """One verdict per shared operation: `system` (a registry) against the peer."""
    verdicts = []
    for name in SHARED:
        if name not in registry or name not in peer:
            continue
        problems = []
        for index, (ours, theirs) in enumerate(zip(registry[name], peer[name], strict=True)):
            for difference in _differences(ours, theirs):
                problems.append(f"{json.dumps(variables[name][index])}: {difference}")
        items = sum(len(values) for sets in registry[name] if not isinstance(sets, str)
                    for values in sets.values())
        verdicts.append({"system": system, "op": name, "variables": len(registry[name]),
                         "items": items, "agree": not problems, "problems": problems})
    return verdicts


def lines(verdicts: list[dict[str, Any]]) -> list[str]:
    """The verdicts as text; mismatches spelled out."""
    out = []
    for verdict in verdicts:
        word = "agree" if verdict["agree"] else "MISMATCH"
        out.append(f"  [{word}] {verdict['op']:<10} {verdict['system']} vs the Neo4j GraphQL "
                   f"Library: {verdict['variables']} variable set(s), {verdict['items']} ids/codes/"
                   "names/counts compared")
        out += [f"      {problem}" for problem in verdict["problems"][:10]]
        if len(verdict["problems"]) > 10:
            out.append(f"      ... and {len(verdict['problems']) - 10} more")
    return out
