"""The entities around one entity, breadth first, for exploring."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from graph import neighbours as graph_neighbours
from resolvers import network as resolve
from resolvers.connections import Step
from resolvers.context import Info
from resolvers.errors import BadArgument

MAX_DEPTH = 3
MAX_NODES = 500


@dataclass
class Neighbourhood:
    """Entities reached (the centre first) and the hops between them."""

    node_ids: list[str]
    steps: list[Step]
    truncated: bool


async def neighbourhood(info: Info, center: str, depth: int, via: Sequence[str] | None,
                        types: Sequence[str] | None, limit: int) -> Neighbourhood | None:
    """Entities within `depth` hops of `center`, of the given types, at most `limit`."""
    if not 1 <= depth <= MAX_DEPTH:
        raise BadArgument("depth", f"must be between 1 and {MAX_DEPTH} (got {depth})")
    if not 1 <= limit <= MAX_NODES:
        raise BadArgument("first", f"must be between 1 and {MAX_NODES} (got {limit})")
    if await resolve.entity(info, center) is None:
        return None
    territory = via is None or "TERRITORY" in via
    kinds = None if via is None else [k for k in via if k != "TERRITORY"] or ["NONE"]
    seen: dict[str, None] = {center: None}
    steps: list[Step] = []
    frontier, truncated = [center], False
    for _ in range(depth):
        rows = await graph_neighbours.neighbours(info.context.graph, frontier, kinds, territory)
        frontier = []
        for row in rows:
            if types and not set(row["labels"]) & set(types):
                continue
            if row["toId"] not in seen:
                if len(seen) >= limit:
                    truncated = True
                    continue
                seen[row["toId"]] = None
                frontier.append(row["toId"])
            steps.append(Step(row["fromId"], row["toId"], row["kind"], row["role"],
                              row["linkId"]))
        if not frontier:
            break
    return Neighbourhood(list(seen), _unique(steps), truncated)


def _unique(steps: list[Step]) -> list[Step]:
    """One step per link (a link seen from both ends is one edge)."""
    kept: dict[tuple[str, ...], Step] = {}
    for step in steps:
        ends = sorted((step.from_id, step.to_id))
        kept.setdefault((step.link_id or step.kind, *ends), step)
    return list(kept.values())
