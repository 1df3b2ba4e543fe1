"""How are two entities connected? A bounded bidirectional breadth-first search.

Each side expands its smaller frontier one level per round trip; the search
stops at the first level where the sides meet, so every path returned is a
shortest one. Limits on hops and visited entities keep it cheap and bounded.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from graph import neighbours as graph_neighbours
from graph.client import GraphClient
from resolvers.context import Info
from resolvers.errors import BadArgument

MAX_HOPS = 10
MAX_VISITED = 20_000
MAX_PATHS = 20


@dataclass(frozen=True)
class Step:
    """One hop of a path, oriented from `from_id` to `to_id`."""

    from_id: str
    to_id: str
    kind: str
    role: str | None
    link_id: str | None


@dataclass
class Side:
    """One end of the search: distances and how each entity was reached."""

    dist: dict[str, int]
    came_from: dict[str, list[Step]] = field(default_factory=dict)
    frontier: list[str] = field(default_factory=list)


@dataclass
class Connections:
    """The shortest paths found, and how much of the graph the search saw."""

    paths: list[list[Step]]
    visited: int
    truncated: bool


async def connections(info: Info, from_id: str, to_id: str, max_hops: int,
                      via: Sequence[str] | None, first: int) -> Connections:
    """Shortest chains of relationships between two entities, at most `max_hops` long."""
    if not 1 <= max_hops <= MAX_HOPS:
        raise BadArgument("maxHops", f"must be between 1 and {MAX_HOPS} (got {max_hops})")
    if not 1 <= first <= MAX_PATHS:
        raise BadArgument("first", f"must be between 1 and {MAX_PATHS} (got {first})")
    # Both ends in one round trip (they were checked one after the other).
    ends = await info.context.loaders.entity.load_many([from_id, to_id])
    for argument, entity_id, row in zip(("from", "to"), (from_id, to_id), ends, strict=True):
        if row is None:
            raise BadArgument(argument, f"no entity has the id {entity_id!r}")
    if from_id == to_id:
        return Connections([[]], 1, False)
    return await search(info.context.graph, from_id, to_id, max_hops, via, first)


async def search(db: GraphClient, from_id: str, to_id: str, max_hops: int,
                 via: Sequence[str] | None, first: int) -> Connections:
    """The bidirectional search itself, on any graph client."""
    ahead, behind = Side({from_id: 0}, frontier=[from_id]), Side({to_id: 0}, frontier=[to_id])
    territory = via is None or "TERRITORY" in via
    # An empty list would mean "any kind" to the query: "NONE" matches no link.
    kinds = None if via is None else [k for k in via if k != "TERRITORY"] or ["NONE"]
    hops = 0
    while hops < max_hops and ahead.frontier and behind.frontier:
        side, other = (ahead, behind) if len(ahead.frontier) <= len(behind.frontier) \
            else (behind, ahead)
        if len(ahead.dist) + len(behind.dist) > MAX_VISITED:
            return Connections([], len(ahead.dist) + len(behind.dist), True)
        await _expand(db, side, kinds, territory)
        hops += 1
        meeting = [n for n in side.frontier if n in other.dist]
        if meeting:
            paths = _paths(ahead, behind, meeting, first)
            return Connections(paths, len(ahead.dist) + len(behind.dist), False)
    return Connections([], len(ahead.dist) + len(behind.dist), False)


async def _expand(db: GraphClient, side: Side, kinds: Sequence[str] | None,
                  territory: bool) -> None:
    rows = await graph_neighbours.neighbours(db, side.frontier, kinds, territory)
    level = side.dist[side.frontier[0]] + 1
    reached: list[str] = []
    for row in rows:
        target = row["toId"]
        if side.dist.get(target, level) < level:
            continue  # already reached by a shorter path
        if target not in side.dist:
            side.dist[target] = level
            reached.append(target)
        side.came_from.setdefault(target, []).append(
            Step(row["fromId"], target, row["kind"], row["role"], row["linkId"]))
    side.frontier = reached


def _paths(ahead: Side, behind: Side, meeting: list[str], first: int) -> list[list[Step]]:
    best = min(ahead.dist[m] + behind.dist[m] for m in meeting)
    found: list[list[Step]] = []
    for middle in sorted(m for m in meeting if ahead.dist[m] + behind.dist[m] == best):
        for head in _walk(ahead, middle):
            for tail in _walk(behind, middle):
                found.append(head + [_reverse(step) for step in reversed(tail)])
                if len(found) >= first:
                    return found
    return found


def _walk(side: Side, node: str) -> Iterator[list[Step]]:
    """Every shortest chain of steps from the side's origin to `node`."""
    if side.dist[node] == 0:
        yield []
        return
    for step in side.came_from.get(node, []):
        for prefix in _walk(side, step.from_id):
            yield [*prefix, step]


def _reverse(step: Step) -> Step:
    return Step(step.to_id, step.from_id, step.kind, step.role, step.link_id)
