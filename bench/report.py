"""The benchmark's table and goals, from its JSON result."""

from __future__ import annotations

from typing import Any

RATIO_GOAL = 3.0
LOOKUP_RPS_GOAL = 1_000
HIERARCHY_P50_GOAL_MS = 150
CONNECTIONS_P95_GOAL_MS = 100
IMPORT_GOAL_S = {"real": 10, "large": 180}
TOTAL_GOAL_S = 15 * 60


def _fmt(value: Any, digits: int = 1) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:,.{digits}f}"
    return f"{value:,}" if isinstance(value, int) else str(value)


def ops_table(scale: str, result: dict[str, Any]) -> list[str]:
    """One line per operation: throughput and latency under load, one client's latency,
    round trips, and the ratio to the floor."""
    clients = result["clients"]
    workers = result.get("workers", 1)
    lines = [f"{scale}: {workers} server worker(s); {clients} concurrent clients for "
             f"{result['seconds']:g} s, then one client; floor: one hand-written Cypher "
             "statement through the backend client",
             f"  {'':<17}{f'--- {clients} clients ---':^36}{'--- one client ---':^27}"
             f"{'':6}{'--- floor ---':^19}",
             f"  {'operation':<17}{'req/s':>9}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}"
             f"{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'trips':>6}{'p50 ms':>9}{'req/s':>10}"
             f"{'x floor':>8}"]
    for op in result["ops"]:
        http, one, floor = op["http"], op["single"], op["floor_single"]
        lines.append(
            f"  {op['name']:<17}{_fmt(http['rps']):>9}{_fmt(http['p50_ms'], 2):>9}"
            f"{_fmt(http['p95_ms'], 2):>9}{_fmt(http['p99_ms'], 2):>9}"
            f"{_fmt(one['p50_ms'], 2):>9}{_fmt(one['p95_ms'], 2):>9}{_fmt(one['p99_ms'], 2):>9}"
            f"{_fmt(op.get('round_trips')):>6}{_fmt(floor['p50_ms'], 2):>9}"
            f"{_fmt(op['floor']['rps']):>10}{_fmt(op.get('ratio'), 2):>8}")
    return lines


def imports_table(scale: str, steps: list[dict[str, Any]]) -> list[str]:
    """One line per import step, then the dataset's total."""
    lines = [f"{scale} imports:",
             f"  {'step':<28}{'entities':>10}{'links':>11}{'seconds':>9}{'entities/s':>12}"
             f"{'links/s':>10}"]
    for step in steps:
        lines.append(f"  {step['step']:<28}{step['entities']:>10,}{step['links']:>11,}"
                     f"{step['seconds']:>9.2f}{_fmt(step['entities_per_s'], 0):>12}"
                     f"{_fmt(step['links_per_s'], 0):>10}")
    return lines


def ratio(op: dict[str, Any]) -> float | None:
    """The operation's p50 latency over its floor's, one client each."""
    http, floor = op["single"]["p50_ms"], op["floor_single"]["p50_ms"]
    return round(http / floor, 2) if http and floor else None


def goals(result: dict[str, Any]) -> list[dict[str, Any]]:
    """Each goal of the issue: what was measured and whether it is met."""
    out: list[dict[str, Any]] = []
    for scale, data in result["scales"].items():
        ops = {op["name"]: op for op in data.get("ops", [])}
        for op in ops.values():
            value = op.get("ratio")
            out.append({"goal": f"{scale} {op['name']} within {RATIO_GOAL:g}x its floor "
                                "(p50, one client)",
                        "value": value, "met": value is not None and value <= RATIO_GOAL})
        if "lookup" in ops:
            value = ops["lookup"]["http"]["rps"]
            out.append({"goal": f"{scale} look-up by code >= {LOOKUP_RPS_GOAL} req/s "
                                f"({result['settings']['clients']} clients)",
                        "value": value, "met": value >= LOOKUP_RPS_GOAL})
        if "hierarchy" in ops:
            value = ops["hierarchy"]["single"]["p50_ms"]
            out.append({"goal": f"{scale} full hierarchy p50 < {HIERARCHY_P50_GOAL_MS} ms "
                                "(one client)",
                        "value": value, "met": value is not None
                        and value < HIERARCHY_P50_GOAL_MS})
        if scale == "large" and "connections" in ops:
            value = ops["connections"]["single"]["p95_ms"]
            out.append({"goal": f"large connections (4 hops) p95 < {CONNECTIONS_P95_GOAL_MS} ms "
                                "(one client)",
                        "value": value, "met": value is not None
                        and value < CONNECTIONS_P95_GOAL_MS})
        if "import_seconds" in data:
            value = data["import_seconds"]
            limit = IMPORT_GOAL_S.get(scale)
            if limit:
                out.append({"goal": f"{scale} dataset imported in < {limit} s",
                            "value": round(value, 1), "met": value < limit})
    if "total_seconds" in result:
        value = result["total_seconds"]
        out.append({"goal": "whole benchmark < 15 min", "value": round(value),
                    "met": value < TOTAL_GOAL_S})
    return out


def render(result: dict[str, Any]) -> str:
    """The whole report as text."""
    machine = result["machine"]
    lines = [f"machine: {machine['cores']} cores, {machine['platform']}, "
             f"Python {machine['python']}",
             "versions: " + ", ".join(f"{k} {v}" for k, v in result["versions"].items()), ""]
    for scale, data in result["scales"].items():
        lines += imports_table(scale, data["imports"])
        lines.append(f"  dataset total: {data['import_seconds']:.1f} s; graph: "
                     f"{data.get('graph_nodes', 0):,} nodes, "
                     f"{data.get('graph_edges', 0):,} relationships")
        lines.append("")
        if data.get("ops"):
            lines += ops_table(scale, data)
            lines.append("")
    lines.append("goals:")
    for goal in result.get("goals", []):
        lines.append(f"  [{'met' if goal['met'] else 'NOT MET'}] {goal['goal']}: "
                     f"{_fmt(goal['value'])}")
    return "\n".join(lines)
