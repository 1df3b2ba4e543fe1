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


@dataclass(frozen=True)
class Explanation:
    """Why a search found nothing, or only paths through territorial containment."""

    reason: str  # one of REASONS
    visited: int  # entities seen within max_hops
    max_hops: int
    suggested_max_hops: int | None = None
    truncated: bool = False  # stopped at MAX_VISITED (else at MAX_HOPS), for SEARCH_LIMIT

    @property
    def suggestion(self) -> str | None:
        return None if self.suggested_max_hops is None else \
            f"try maxHops: {self.suggested_max_hops}"

    @property
    def message(self) -> str:
        """In plain words: 'no path within 8 hops; 78 entities visited; try maxHops: 10'."""
        reason = self.reason
        if reason == "SEARCH_LIMIT" and self.truncated:
            reason = "VISIT_LIMIT"
        parts = [MESSAGES[reason].format(hops=self.max_hops, limit=MAX_HOPS,
                                         visited=MAX_VISITED),
                 f"{self.visited} entities visited"]
        if self.suggestion:
            parts.append(self.suggestion)
        return "; ".join(parts)


MESSAGES = {
    "NOT_CONNECTED": "no path at any length through the kinds of link searched: every "
                     "entity connected to one end was visited",
    "TOO_FAR": "no path within {hops} hops",
    "SEARCH_LIMIT": "no path within {limit} hops, the most a search may go",
    "VISIT_LIMIT": "no path before the search reached its limit of {visited:,} visited "
                   "entities; `via` narrows it",
    "CONTAINMENT_ONLY": "no chain of stated links within {hops} hops; these paths cross "
                        "territorial containment, which no source states",
}
REASONS = ("NOT_CONNECTED", "TOO_FAR", "SEARCH_LIMIT", "CONTAINMENT_ONLY")


@dataclass
class Connections:
    """The shortest paths found, how much of the graph the search saw, and why a search
    found nothing (or only paths through containment)."""

    paths: list[list[Step]]
    visited: int
    truncated: bool
    explanation: Explanation | None = None


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
    """Stated links first; territorial containment only when they find no path within
    `max_hops` (a containment step reads like a link but no source states it)."""
    containment = via is None or "TERRITORY" in via
    # An empty list would mean "any kind" to the query: "NONE" matches no link.
    kinds = None if via is None else [k for k in via if k != "TERRITORY"] or ["NONE"]
    stated = Search(from_id, to_id, kinds, False, first)
    asked_stated = kinds != ["NONE"] or not containment
    if asked_stated and (paths := await stated.run(db, max_hops)):
        return Connections(paths, stated.visited, False)
    if not containment:
        return Connections([], stated.visited, stated.truncated,
                           await _explain(db, stated, max_hops))
    crossing = Search(from_id, to_id, kinds, True, first)
    if paths := await crossing.run(db, max_hops):
        if not asked_stated:  # `via: [TERRITORY]`: containment was the question
            return Connections(paths, crossing.visited, False)
        # Would a chain of stated links be found with more hops? Say so.
        seen = stated.visited
        longer = await stated.run(db, MAX_HOPS)
        return Connections(paths, crossing.visited, False, Explanation(
            "CONTAINMENT_ONLY", seen, max_hops, len(longer[0]) if longer else None))
    return Connections([], crossing.visited, crossing.truncated,
                       await _explain(db, crossing, max_hops))


async def _explain(db: GraphClient, found: Search, max_hops: int) -> Explanation:
    """Why `found` found nothing within `max_hops`: it ran out of entities, of its visit
    budget, or of hops; for the last, go on to the most hops allowed to suggest a bound."""
    seen = found.visited
    if longer := await found.run(db, MAX_HOPS):  # nothing to run if it ran out
        return Explanation("TOO_FAR", seen, max_hops, len(longer[0]))
    if found.exhausted:
        return Explanation("NOT_CONNECTED", seen, max_hops)
    return Explanation("SEARCH_LIMIT", seen, max_hops, truncated=found.truncated)


class Search:
    """A bidirectional breadth-first search that can go on to more hops where it stopped."""

    def __init__(self, from_id: str, to_id: str, kinds: Sequence[str] | None,
                 containment: bool, first: int) -> None:
        self.ahead = Side({from_id: 0}, frontier=[from_id])
        self.behind = Side({to_id: 0}, frontier=[to_id])
        self.kinds, self.containment, self.first = kinds, containment, first
        self.hops = 0
        self.truncated = False

    @property
    def visited(self) -> int:
        return len(self.ahead.dist) + len(self.behind.dist)

    @property
    def exhausted(self) -> bool:
        """One side reached every entity connected to it: there is no path at all."""
        return not self.ahead.frontier or not self.behind.frontier

    async def run(self, db: GraphClient, max_hops: int) -> list[list[Step]]:
        """The shortest paths within `max_hops` hops in all, or [] (one round trip a hop)."""
        ahead, behind = self.ahead, self.behind
        while self.hops < max_hops and not self.exhausted and not self.truncated:
            if self.visited > MAX_VISITED:
                self.truncated = True
                break
            side, other = (ahead, behind) if len(ahead.frontier) <= len(behind.frontier) \
                else (behind, ahead)
            await _expand(db, side, self.kinds, self.containment)
            self.hops += 1
            meeting = [n for n in side.frontier if n in other.dist]
            if meeting:
                return _paths(ahead, behind, meeting, self.first)
        return []


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
