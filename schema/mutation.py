"""The write API. Needs `Authorization: Bearer <token>`; every fact cites a source.

Expected failures are results (InvalidInput, NotFound, VersionConflict);
missing or insufficient tokens are errors (UNAUTHENTICATED, FORBIDDEN).
"""

from __future__ import annotations

from collections.abc import Awaitable
from typing import Annotated, Any

import strawberry

from resolvers import audit, contributions, link_contributions, revisions
from resolvers import network as resolve
from resolvers.context import Info
from resolvers.contributions import Outcome
from schema import contribution_inputs as inputs
from schema.change import Change
from schema.entity import node_from
from schema.node import Node


@strawberry.type(description="One field of the input that cannot be accepted, and why.")
class InputProblem:
    field: str
    message: str
    existing_id: strawberry.ID | None = strawberry.field(
        default=None, description="What already exists, when the problem is a duplicate "
                                  "(an id taken; a twinning of the same parties).")


@strawberry.type(description="The change was made.")
class Changed:
    target_id: strawberry.ID
    version: int
    change_id: strawberry.Private[str]

    @strawberry.field(description="The entity or link, as it is now.")
    async def target(self, info: Info) -> Node | None:
        from schema.link import link_from
        found = node_from(await resolve.entity(info, self.target_id))
        if found is None and (row := await resolve.link(info, self.target_id)) is not None:
            return link_from(row)
        return found

    @strawberry.field(description="The audit record of this change.")
    async def change(self, info: Info) -> Change | None:
        row = await audit.change(info, self.change_id)
        return None if row is None else Change.from_row(row)


@strawberry.type(description="The input cannot be accepted; nothing was written.")
class InvalidInput:
    message: str
    problems: list[InputProblem]


@strawberry.type(description="No entity or link has this id; nothing was written.")
class NotFound:
    message: str
    id: strawberry.ID


@strawberry.type(description="Someone changed the target since you read it; nothing was "
                             "written. Read it again, then retry with its current version.")
class VersionConflict:
    message: str
    id: strawberry.ID
    current_version: int


MutationResult = Annotated[Changed | InvalidInput | NotFound | VersionConflict,
                           strawberry.union("MutationResult")]


def _existing(outcome: Outcome, field: str) -> strawberry.ID | None:
    found = outcome.existing.get(field)
    return None if found is None else strawberry.ID(found)


def result(outcome: Outcome, target: str | None = None) -> Any:
    """The GraphQL result of a contribution's outcome."""
    if outcome.problems:
        problems = [InputProblem(field=f, message=m, existing_id=_existing(outcome, f))
                    for f, m in outcome.problems]
        return InvalidInput(message="; ".join(f"{f}: {m}" for f, m in outcome.problems),
                            problems=problems)
    if outcome.not_found:
        return NotFound(message=f"no entity or link has the id {target!r}",
                        id=strawberry.ID(target or ""))
    if outcome.conflict is not None:
        return VersionConflict(message=f"{target!r} is at version {outcome.conflict}; read it "
                                       "again and retry", id=strawberry.ID(target or ""),
                               current_version=outcome.conflict)
    assert outcome.target_id and outcome.version and outcome.change_id
    return Changed(target_id=strawberry.ID(outcome.target_id), version=outcome.version,
                   change_id=outcome.change_id)


async def cited_or_new(info: Info, sources: list[strawberry.ID] | None,
                   new_source: inputs.SourceInput | None) -> list[str] | Outcome:
    ids = [str(s) for s in sources or []]
    if new_source is not None:
        created = await contributions.create_entity(info, "Source",
                                                    inputs.as_record(new_source), [])
        if created.target_id is None:
            return created
        ids.append(created.target_id)
    return ids


async def create_fact(info: Info, entity_type: str, value: Any,
                  sources: list[strawberry.ID] | None,
                  new_source: inputs.SourceInput | None) -> Any:
    cited = await cited_or_new(info, sources, new_source)
    if isinstance(cited, Outcome):
        return result(cited)
    record = inputs.as_record(value)
    return result(await _as_one_unit(info, new_source, cited, contributions.create_entity(
        info, entity_type, record, cited)))


async def link_fact(info: Info, kind: str, value: Any, sources: list[strawberry.ID] | None,
                new_source: inputs.SourceInput | None) -> Any:
    cited = await cited_or_new(info, sources, new_source)
    if isinstance(cited, Outcome):
        return result(cited)
    return result(await _as_one_unit(info, new_source, cited, link_contributions.create_link(
        info, kind, inputs.as_record(value), cited)))


async def _as_one_unit(info: Info, new_source: inputs.SourceInput | None, cited: list[str],
                       fact: Awaitable[Outcome]) -> Outcome:
    """The fact's outcome; a `newSource` made for it is withdrawn if the fact is refused."""
    if new_source is None:
        return await fact
    kept = False
    try:
        outcome = await fact
        kept = outcome.target_id is not None
        return outcome
    finally:
        if not kept:
            await contributions.withdraw_new_source(info, cited[-1])


async def update_fact(info: Info, entity_type: str, id: str, version: int, value: Any,
                  sources: list[strawberry.ID] | None) -> Any:
    record = inputs.as_record(value)
    outcome = await revisions.update_entity(info, entity_type, id, version, record,
                                            [str(s) for s in sources or []])
    return result(outcome, id)


Result = MutationResult | None
"""Nullable, so that one refused mutation does not void the others of the same request."""
