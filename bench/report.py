"""The benchmark's table, answer checks and goals, from its JSON result."""

from __future__ import annotations

from typing import Any

from bench.agreement import lines as agreement_lines

RATIO_GOAL = 3.0
LOOKUP_RPS_GOAL = 1_000
HIERARCHY_P50_GOAL_MS = 150
CONNECTIONS_P95_GOAL_MS = 100
IMPORT_GOAL_S = {"real": 10, "large": 180}
TOTAL_GOAL_S = 15 * 60
SYSTEMS = (("registry-falkordb", "registry / FalkorDB", "floor / FalkorDB"),
           ("registry-neo4j", "registry / Neo4j", "floor / Neo4j"),
           ("neo4j-graphql", "Neo4j GraphQL Library / Neo4j", None))
BACKEND_LABELS = {"falkordb": "FalkorDB", "neo4j": "Neo4j"}


def _fmt(value: Any, digits: int = 1) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:,.{digits}f}"
    return f"{value:,}" if isinstance(value, int) else str(value)


def _row(op: str, system: str, one: dict[str, Any], many: dict[str, Any], trips: Any,
         times: Any) -> str:
    return (f"  {op:<16}{system:<31}{_fmt(one['p50_ms'], 2):>9}{_fmt(one['p95_ms'], 2):>9}"
            f"{_fmt(many['rps']):>10}{_fmt(many['p50_ms'], 2):>9}{_fmt(trips):>7}"
            f"{_fmt(times, 2):>9}")


def ops_table(scale: str, data: dict[str, Any]) -> list[str]:
    """One table: each operation on each system that ran it, with its floor on each backend."""
    clients, workers = data["clients"], data.get("workers", 1)
    by_system = {name: {op["name"]: op for op in system["ops"]}
                 for name, system in data["systems"].items()}
    names: list[str] = []
    for system in by_system.values():
        names += [name for name in system if name not in names]
    lines = [f"{scale}: one client for p50/p95, then {clients} concurrent clients for "
             f"{data['seconds']:g} s; the registry with {workers} worker(s), the peer one Node "
             "process; floor: one hand-written Cypher statement through the backend client; "
             "trips: database round trips per request; x floor: one-client p50 over the "
             "floor p50 on the same backend",
             f"  {'':<47}{'-- one client --':^18}{f'-- {clients} clients --':^19}",
             f"  {'operation':<16}{'system':<31}{'p50 ms':>9}{'p95 ms':>9}{'req/s':>10}"
             f"{'p50 ms':>9}{'trips':>7}{'x floor':>9}"]
    for name in names:
        first = name
        for key, label, floor_label in SYSTEMS:
            op = by_system.get(key, {}).get(name)
            if op is None:
                continue
            lines.append(_row(first, label, op["single"], op["http"], op.get("round_trips"),
                              op.get("ratio")))
            first = ""
            if floor_label and "floor_single" in op:
                lines.append(_row("", floor_label, op["floor_single"], op["floor"], 1, None))
    return lines


def imports_table(scale: str, backend: str, steps: list[dict[str, Any]],
                  server: str | None = None) -> list[str]:
    """One line per import step, then the dataset's total."""
    lines = [f"{scale} imports into {BACKEND_LABELS[backend]}"
             f"{f' ({server})' if server else ''}:",
             f"  {'step':<28}{'entities':>10}{'links':>11}{'seconds':>9}{'entities/s':>12}"
             f"{'links/s':>10}"]
    for step in steps:
        lines.append(f"  {step['step']:<28}{step['entities']:>10,}{step['links']:>11,}"
                     f"{step['seconds']:>9.2f}{_fmt(step['entities_per_s'], 0):>12}"
                     f"{_fmt(step['links_per_s'], 0):>10}")
    return lines


def ratio(op: dict[str, Any]) -> float | None:
    """The operation's p50 latency over its floor's, one client each."""
    if "floor_single" not in op:
        return None
    http, floor = op["single"]["p50_ms"], op["floor_single"]["p50_ms"]
    return round(http / floor, 2) if http and floor else None


def _goal(goal: str, value: Any, met: bool) -> dict[str, Any]:
    return {"goal": goal, "value": value, "met": met}


def _system_goals(scale: str, label: str, ops: dict[str, dict[str, Any]], clients: int
                  ) -> list[dict[str, Any]]:
    out = [_goal(f"{scale} {label} {op['name']} within {RATIO_GOAL:g}x its floor (p50, one "
                 "client)", op.get("ratio"),
                 op.get("ratio") is not None and op["ratio"] <= RATIO_GOAL)
           for op in ops.values()]
    if "lookup" in ops:
        value = ops["lookup"]["http"]["rps"]
        out.append(_goal(f"{scale} {label} look-up by code >= {LOOKUP_RPS_GOAL} req/s "
                         f"({clients} clients)", value, value >= LOOKUP_RPS_GOAL))
    if "hierarchy" in ops:
        value = ops["hierarchy"]["single"]["p50_ms"]
        out.append(_goal(f"{scale} {label} full hierarchy p50 < {HIERARCHY_P50_GOAL_MS} ms "
                         "(one client)", value,
                         value is not None and value < HIERARCHY_P50_GOAL_MS))
    if scale == "large" and "connections" in ops:
        value = ops["connections"]["single"]["p95_ms"]
        out.append(_goal(f"large {label} connections (4 hops) p95 < "
                         f"{CONNECTIONS_P95_GOAL_MS} ms (one client)", value,
                         value is not None and value < CONNECTIONS_P95_GOAL_MS))
    return out


def goals(result: dict[str, Any]) -> list[dict[str, Any]]:
    """Each goal of the issue, for the registry on each backend: measured, and met or not."""
    out: list[dict[str, Any]] = []
    for scale, data in result["scales"].items():
        for key, label, _ in SYSTEMS[:2]:
            if key in data["systems"]:
                ops = {op["name"]: op for op in data["systems"][key]["ops"]}
                out += _system_goals(scale, label, ops, result["settings"]["clients"])
        for backend, imported in data["backends"].items():
            limit = IMPORT_GOAL_S.get(scale)
            if limit:
                value = imported["import_seconds"]
                out.append(_goal(f"{scale} dataset imported into {BACKEND_LABELS[backend]} "
                                 f"in < {limit} s", round(value, 1), value < limit))
    if "total_seconds" in result:
        value = result["total_seconds"]
        out.append(_goal("whole benchmark < 15 min", round(value), value < TOTAL_GOAL_S))
    return out


def mismatches(result: dict[str, Any]) -> int:
    """How many shared operations disagreed, over every scale and registry backend."""
    return sum(not verdict["agree"] for data in result["scales"].values()
               for verdict in data.get("agreement", []))


def _scale(scale: str, data: dict[str, Any]) -> list[str]:
    lines = []
    for backend, imported in data["backends"].items():
        lines += imports_table(scale, backend, imported["imports"], imported.get("server"))
        lines.append(f"  dataset total: {imported['import_seconds']:.1f} s; graph: "
                     f"{imported['graph_nodes']:,} nodes, {imported['graph_edges']:,} "
                     f"relationships; whole {BACKEND_LABELS[backend]} part (import, serve, "
                     f"measure): {imported.get('seconds', 0):.0f} s")
        lines.append("")
    if data["systems"]:
        lines += ops_table(scale, data)
        failed = [f"{system} {op['name']}{' floor' if key.startswith('floor') else ''}: "
                  f"{op[key]['failures']}"
                  for system, measured in data["systems"].items() for op in measured["ops"]
                  for key in ("http", "single", "floor", "floor_single")
                  if key in op and op[key]["failures"]]
        if failed:
            lines.append("  FAILED REQUESTS (errors or non-200 answers, counted in the "
                         "latencies): " + "; ".join(failed))
        lines.append("")
    lines.append(f"{scale}: answers of the shared operations (registry vs Neo4j GraphQL "
                 "Library):")
    lines += agreement_lines(data["agreement"]) or ["  not checked (Neo4j was not measured)"]
    lines.append("")
    return lines


def render(result: dict[str, Any]) -> str:
    """The whole report as text."""
    machine = result["machine"]
    lines = [f"machine: {machine['cores']} cores, {machine['platform']}, "
             f"Python {machine['python']}",
             "versions: " + ", ".join(f"{k} {v}" for k, v in result["versions"].items()), ""]
    for scale, data in result["scales"].items():
        lines += _scale(scale, data)
    lines.append("goals:")
    for goal in result.get("goals", []):
        lines.append(f"  [{'met' if goal['met'] else 'NOT MET'}] {goal['goal']}: "
                     f"{_fmt(goal['value'])}")
    count = mismatches(result)
    checked = sum(len(data.get("agreement", [])) for data in result["scales"].values())
    lines.append("")
    if count:
        lines.append(f"answers: {count} MISMATCH(ES) of {checked} checks between the registry "
                     "and the Neo4j GraphQL Library")
    elif checked:
        lines.append(f"answers: the registry and the Neo4j GraphQL Library agree ({checked} "
                     "checks: each shared operation, each registry backend)")
    else:
        lines.append("answers: not checked (Neo4j was not measured)")
    return "\n".join(lines)
