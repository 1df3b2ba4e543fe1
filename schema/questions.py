"""The questions users ask, as root fields: coverage, connections, neighbourhood."""

from __future__ import annotations

from typing import Annotated, Any

import strawberry
from strawberry import Private

from resolvers import connections as resolve_connections
from resolvers import coverage as resolve_coverage
from resolvers import neighbourhood as resolve_neighbourhood
from resolvers import network as resolve
from resolvers.context import Info
from schema.connections import Connections, PathStep, connections_from, steps_of
from schema.coverage import Coverage, CoverageGrouping
from schema.entity import node_from
from schema.network_enums import LinkKind
from schema.node import Node
from schema.search import EntityKind


@strawberry.type(description="An entity and what surrounds it.")
class Neighbourhood:
    node_ids: Private[list[str]]
    edges: list[PathStep]
    truncated: bool = strawberry.field(description="More entities were within reach than "
                                                   "`first`.")

    @strawberry.field(description="The centre first, then the entities around it.")
    async def nodes(self, info: Info) -> list[Node]:
        return [n for n in map(node_from, await resolve.entities(info, self.node_ids)) if n]


def _kinds(values: list[Any] | None) -> list[str] | None:
    return None if values is None else [value.value for value in values]


@strawberry.type
class QuestionsQuery:
    @strawberry.field(description="How much of each region or province a network or programme "
                                  "covers: members by level against the backbone's totals, "
                                  "and the 2024 population covered. Give `network` or "
                                  "`programme`.")
    async def coverage(self, info: Info, network: strawberry.ID | None = None,
                       programme: strawberry.ID | None = None,
                       group_by: CoverageGrouping = CoverageGrouping.REGION) -> Coverage:
        result = await resolve_coverage.coverage(info, network, programme, group_by.value)
        return Coverage(result=result)

    @strawberry.field(description="The shortest chains of relationships between two entities, "
                                  "in either direction, each step with its link, dates and "
                                  "sources: chains of stated links when any is within "
                                  "`maxHops`, otherwise chains crossing territorial "
                                  "containment (unless `via` leaves TERRITORY out); "
                                  "`explanation` says why none was found. maxHops: 1 to "
                                  f"{resolve_connections.MAX_HOPS}.")
    async def connections(self, info: Info,
                          from_: Annotated[strawberry.ID, strawberry.argument(name="from")],
                          to: strawberry.ID, max_hops: int = 8,
                          via: list[LinkKind] | None = None, first: int = 5) -> Connections:
        found = await resolve_connections.connections(info, from_, to, max_hops, _kinds(via),
                                                      first)
        return connections_from(found)

    @strawberry.field(description="The entities within `depth` hops of one entity (1 to 3), "
                                  "optionally through some kinds of link and of some types; "
                                  "null if the entity does not exist.")
    async def neighbourhood(self, info: Info, id: strawberry.ID, depth: int = 1,
                            via: list[LinkKind] | None = None,
                            types: list[EntityKind] | None = None,
                            first: int = 200) -> Neighbourhood | None:
        found = await resolve_neighbourhood.neighbourhood(info, id, depth, _kinds(via),
                                                          _kinds(types), first)
        if found is None:
            return None
        return Neighbourhood(node_ids=found.node_ids, edges=steps_of(found.steps),
                             truncated=found.truncated)
