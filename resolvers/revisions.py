"""Updating and retiring facts: guarded by the version the writer read; history is kept."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from auth.tokens import Principal
from domain.records import ENTITY_RECORDS
from domain.rows import entity_row
from graph import contributions as graph_contributions
from resolvers import authorization
from resolvers.context import Info
from resolvers.contributions import (
    Fact,
    Outcome,
    change_record,
    cited_sources,
    current_rows,
    kind_of,
    problems_of,
)
from resolvers.link_contributions import UPDATABLE

# Structural links and names are not changed by an update: add names with addName,
# and retire then recreate a fact whose parties change.
_FROZEN = ("id", "entityType", "origin", "nameSort", "version", "importHash", "contributor",
           "contributorTokenId")


async def update_entity(info: Info, entity_type: str, target: str, version: int,
                        data: dict[str, Any], sources: list[str]) -> Outcome:
    """Replace an entity's properties if nobody changed it since `version`."""
    who = await authorization.writer(info)
    outcome = Outcome()
    model = ENTITY_RECORDS[entity_type]
    try:
        record: Any = model.model_validate({**data, "id": target, "sources": sources or ["x"]}
                                           if entity_type != "Source" else {**data, "id": target})
    except ValidationError as error:
        return Outcome(problems=problems_of(error))
    cited = await cited_sources(info, sources, outcome)
    if outcome.problems:
        return outcome
    current = (await current_rows(info, [target])).get(target)
    await authorization.check(info, who, cited, [target], existing_id=target, existing=current)
    if current is None or kind_of(current) != entity_type:
        return Outcome(not_found=True)
    row, _ = entity_row(entity_type, record, current["origin"])
    props = {k: v for k, v in row["props"].items() if k not in _FROZEN}
    return await _guarded(info, Revision(who, target, entity_type, version, current, props,
                                         sources), outcome)


async def update_link(info: Info, target: str, version: int, data: dict[str, Any],
                      sources: list[str]) -> Outcome:
    """Change a link's dates, role, status or note if nobody changed it since `version`."""
    who = await authorization.writer(info)
    outcome = Outcome()
    cited = await cited_sources(info, sources, outcome)
    if outcome.problems:
        return outcome
    current = (await current_rows(info, [target])).get(target)
    parties = [p["id"] for p in current["parties"]] if current and current["isLink"] else []
    await authorization.check(info, who, cited, [target, *parties], existing_id=target,
                              existing=current)
    if current is None or not current["isLink"]:
        return Outcome(not_found=True)
    props = {k: v for k, v in data.items() if k in UPDATABLE}
    return await _guarded(info, Revision(who, target, current["kind"], version, current, props,
                                         sources, is_link=True), outcome)


async def retire(info: Info, target: str, version: int, on: str | None,
                 sources: list[str]) -> Outcome:
    """Mark an entity or link retired (ended on `on` for a link); nothing is deleted."""
    who = await authorization.writer(info)
    outcome = Outcome()
    cited = await cited_sources(info, sources, outcome)
    if outcome.problems:
        return outcome
    current = (await current_rows(info, [target])).get(target)
    parties = [p["id"] for p in current.get("parties", [])] if current else []
    await authorization.check(info, who, cited, [target, *parties], existing_id=target,
                              existing=current)
    if current is None:
        return Outcome(not_found=True)
    props: dict[str, Any] = {"retired": True, "retiredOn": on}
    if current["isLink"] and on and not current.get("until"):
        props["until"] = on
    kind = current["kind"] if current["isLink"] else kind_of(current) or ""
    return await _guarded(info, Revision(who, target, kind, version, current, props, sources,
                                         current["isLink"], "RETIRE"), outcome)


@dataclass
class Revision:
    """A change to an existing fact, guarded by the version its writer read."""

    who: Principal
    target: str
    kind: str
    version: int
    current: Fact
    props: dict[str, Any]
    sources: list[str]
    is_link: bool = False
    action: str = "UPDATE"


async def _guarded(info: Info, rev: Revision, outcome: Outcome) -> Outcome:
    before = {k: v for k, v in rev.current.items() if k not in ("isLink", "parties")}
    change = change_record(info, rev.who, rev.action, (rev.target, rev.kind), before,
                           {**before, **rev.props}, rev.sources)
    params = {"id": rev.target, "expected": rev.version, "props": rev.props, "change": change,
              "sources": rev.sources}
    rows = await graph_contributions.update(info.context.graph, rev.is_link, params)
    if not rows:
        fresh = (await current_rows(info, [rev.target])).get(rev.target)
        outcome.conflict = int(fresh["version"]) if fresh else None
        outcome.not_found = fresh is None
        return outcome
    outcome.target_id, outcome.change_id = rev.target, change["id"]
    outcome.version = int(rows[0]["version"])
    return outcome
