"""Connections between two entities: paths of steps, and why a search found nothing."""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry import Private

from domain.model import LINK_KINDS
from resolvers import connections as resolve_connections
from resolvers import network as resolve
from resolvers.connections import Explanation, Step
from resolvers.context import Info
from schema.entity import node_from
from schema.link import Link, link_from
from schema.network_enums import LinkKind
from schema.node import Node

if TYPE_CHECKING:
    from schema.source import Source

TERRITORY = "TERRITORY"
CONTAINMENT_DESCRIPTION = ("Territorial containment (a commune in its province, a province "
                           "in its region): a fact of the backbone, not a link any source "
                           "states.")
_DESCRIPTIONS = {kind.kind: kind.description for kind in LINK_KINDS}


@strawberry.enum(description="What a step of a path rests on.")
class StepKind(Enum):
    LINK = strawberry.enum_value("LINK", description="A relationship stated by sources: see "
                                                     "`link` and `sources`.")
    CONTAINMENT = strawberry.enum_value("CONTAINMENT", description=CONTAINMENT_DESCRIPTION)


@strawberry.type(description="One hop: a link stated by sources, or a step of territorial "
                             "containment (`stepKind: CONTAINMENT`, no link and no sources).")
class PathStep:
    step: Private[Step]
    kind: LinkKind = strawberry.field(description="The kind of link; TERRITORY for a step of "
                                                  "territorial containment.")
    role: str | None

    @strawberry.field(description="A stated link, or territorial containment.")
    def step_kind(self) -> StepKind:
        return StepKind.CONTAINMENT if self.step.kind == TERRITORY else StepKind.LINK

    @strawberry.field(description="What this kind of step means, in plain words.")
    def description(self) -> str:
        return _DESCRIPTIONS.get(self.step.kind, CONTAINMENT_DESCRIPTION)

    @strawberry.field(name="from")
    async def from_(self, info: Info) -> Node | None:
        return node_from(await resolve.entity(info, self.step.from_id))

    @strawberry.field
    async def to(self, info: Info) -> Node | None:
        return node_from(await resolve.entity(info, self.step.to_id))

    @strawberry.field(description="The link, with its dates and sources; null for a "
                                  "step of territorial containment.")
    async def link(self, info: Info) -> Link | None:
        if self.step.link_id is None:
            return None
        row = await resolve.link(info, self.step.link_id)
        return None if row is None else link_from(row)

    @strawberry.field(description="The sources stating the link; empty for a step of "
                                  "territorial containment, which no source states.")
    async def sources(self, info: Info) -> list[Annotated[Source, strawberry.lazy(
            "schema.source")]]:
        from schema.source import Source
        if self.step.link_id is None:
            return []
        return [Source.from_row(row) for row in await resolve.sources(info, self.step.link_id)]


def steps_of(steps: list[Step]) -> list[PathStep]:
    """GraphQL steps for the resolver's steps."""
    return [PathStep(step=s, kind=LinkKind(s.kind), role=s.role) for s in steps]


@strawberry.type(description="A chain of relationships from one entity to another.")
class Path:
    steps: list[PathStep]

    @strawberry.field
    def length(self) -> int:
        return len(self.steps)

    @strawberry.field(description="Steps of territorial containment in this path (0: every "
                                  "step is a link stated by sources).")
    def containment_steps(self) -> int:
        return sum(1 for step in self.steps if step.step.kind == TERRITORY)


@strawberry.enum(description="Why a search for connections found no path, or only paths "
                             "through territorial containment.")
class NoPathReason(Enum):
    NOT_CONNECTED = strawberry.enum_value(
        "NOT_CONNECTED", description="No path at any length: the search visited every entity "
                                     "connected to one of the two ends.")
    TOO_FAR = strawberry.enum_value(
        "TOO_FAR", description="The shortest path is longer than `maxHops`; "
                               "`suggestedMaxHops` finds it.")
    SEARCH_LIMIT = strawberry.enum_value(
        "SEARCH_LIMIT", description=f"No path within the most hops "
                                    f"({resolve_connections.MAX_HOPS}) or visited entities "
                                    f"({resolve_connections.MAX_VISITED:,}) a search may go; "
                                    "`via` narrows it.")
    CONTAINMENT_ONLY = strawberry.enum_value(
        "CONTAINMENT_ONLY", description="No chain of stated links within `maxHops`: the paths "
                                        "cross territorial containment. `suggestedMaxHops`, "
                                        "when given, finds a chain of stated links.")


@strawberry.type(description="Why the search found no path, or only paths through "
                             "territorial containment.")
class ConnectionsExplanation:
    explanation: Private[Explanation]

    @strawberry.field
    def reason(self) -> NoPathReason:
        return NoPathReason(self.explanation.reason)

    @strawberry.field(description="In plain words, e.g. \"no path within 8 hops; 78 entities "
                                  "visited; try maxHops: 10\".")
    def message(self) -> str:
        return self.explanation.message

    @strawberry.field(description="Entities the search visited within `maxHops`.")
    def visited(self) -> int:
        return self.explanation.visited

    @strawberry.field(description="The bound the search was given.")
    def max_hops(self) -> int:
        return self.explanation.max_hops

    @strawberry.field(description="A `maxHops` that finds a path (a chain of stated links, "
                                  "for CONTAINMENT_ONLY), when the search found one within "
                                  f"{resolve_connections.MAX_HOPS} hops.")
    def suggested_max_hops(self) -> int | None:
        return self.explanation.suggested_max_hops

    @strawberry.field(description="What to try, e.g. \"try maxHops: 10\"; null when nothing "
                                  "would help.")
    def suggestion(self) -> str | None:
        return self.explanation.suggestion


@strawberry.type(description="The shortest chains found between two entities: chains of "
                             "stated links when there are any within `maxHops`, otherwise "
                             "chains crossing territorial containment.")
class Connections:
    paths: list[Path]
    visited: int = strawberry.field(description="Entities the search looked at.")
    truncated: bool = strawberry.field(description="The search stopped at its limit of "
                                                   "visited entities before finding a path.")
    explanation: ConnectionsExplanation | None = strawberry.field(
        description="Why no path was found, or why the paths cross territorial containment; "
                    "null when the paths are chains of stated links.")


def connections_from(found: resolve_connections.Connections) -> Connections:
    """The GraphQL answer for the resolver's."""
    explanation = found.explanation
    return Connections(paths=[Path(steps=steps_of(p)) for p in found.paths],
                       visited=found.visited, truncated=found.truncated,
                       explanation=None if explanation is None else
                       ConnectionsExplanation(explanation=explanation))
