"""Contributions: create, update and retire facts, add names; each with sources and audit.

Inputs are validated with the same pydantic records as the curated importer,
so a fact entered through the API obeys the same rules as one in a file.
Order of checks: token, then input, then permission, then the write.
"""

from __future__ import annotations

import json
import secrets
import uuid
from collections.abc import Awaitable
from dataclasses import dataclass, field
from typing import Any, Required, TypedDict

from pydantic import ValidationError

from auth.tokens import Principal, now
from domain import model
from domain.names import clean_name
from domain.records import ENTITY_RECORDS
from domain.rows import entity_row, name_row
from domain.vocabulary import Language
from graph import contributions as graph_contributions
from graph.errors import ConstraintViolation
from graph.rows import FactRow, WrittenRow
from resolvers import authorization
from resolvers.context import Info

ORIGIN = "api"


class Fact(FactRow, total=False):
    """The current properties of an entity or a link, and whether it is a link."""

    isLink: Required[bool]


class ChangeRecord(TypedDict):
    """The audit record of one change as it is written (read back as graph.rows.ChangeRow,
    without its None values)."""

    id: str
    at: str
    actor: str
    tokenId: str
    requestId: str | None
    clientRequestId: str | None
    action: str
    targetId: str
    targetKind: str
    before: str | None
    after: str
    sources: list[str]


@dataclass
class Outcome:
    """What a mutation did, or the expected reason it did nothing."""

    target_id: str | None = None
    version: int | None = None
    change_id: str | None = None
    conflict: int | None = None
    not_found: bool = False
    problems: list[tuple[str, str]] = field(default_factory=list)
    # The id of what already exists, by the field of the problem that says so.
    existing: dict[str, str] = field(default_factory=dict)


def problems_of(error: ValidationError) -> list[tuple[str, str]]:
    return [(".".join(str(p) for p in item["loc"]) or "input", item["msg"])
            for item in error.errors()]


def change_record(info: Info, who: Principal, action: str, target: tuple[str, str],
                  before: dict[str, Any] | None, after: dict[str, Any],
                  sources: list[str]) -> ChangeRecord:
    """The audit record of one change: who, when, what, before and after, sources, request."""
    (target_id, kind), request = target, info.context.request
    state = request.state if request is not None else None
    # The server's own id, which no caller chooses; the caller's (sane) one beside it.
    request_id = getattr(state, "server_request_id", None)
    return {"id": str(uuid.uuid4()), "at": now(), "actor": who.owner, "tokenId": who.token_id,
            "requestId": request_id, "clientRequestId": getattr(state, "client_request_id", None),
            "action": action, "targetId": target_id, "targetKind": kind,
            "before": None if before is None else json.dumps(before, ensure_ascii=False),
            "after": json.dumps(after, ensure_ascii=False, default=str), "sources": sources}


async def current_rows(info: Info, ids: list[str]) -> dict[str, Fact]:
    rows = await graph_contributions.current(info.context.graph, [i for i in ids if i])
    return {row["current"]["id"]: {**row["current"], "isLink": row["isLink"]} for row in rows}


def kind_of(row: Fact | None) -> str | None:
    if row is None or row["isLink"]:
        return None
    return row.get("entityType") or ("Territory" if "level" in row else None)


async def cited_sources(info: Info, sources: list[str], outcome: Outcome) -> list[Fact]:
    """The cited sources' rows; a missing or non-source id becomes a problem."""
    if not sources:
        outcome.problems.append(("sources", "every fact needs at least one source: give "
                                            "`sources` ids or a `newSource`"))
        return []
    found = await current_rows(info, sources)
    for index, source_id in enumerate(sources):
        if kind_of(found.get(source_id)) != "Source":
            outcome.problems.append((f"sources.{index}", f"{source_id!r} is not a source"))
    return [found[s] for s in sources if s in found]


async def check_refs(info: Info, section: str, refs: dict[str, str | list[str] | None],
                     outcome: Outcome) -> None:
    """Each reference names an existing entity of a type its field accepts."""
    wanted = [i for v in refs.values() for i in (v if isinstance(v, list) else [v]) if i]
    found = await current_rows(info, wanted)
    for name, value in refs.items():
        for entity_id in (value if isinstance(value, list) else [value]):
            kind = kind_of(found.get(entity_id or ""))
            expects = model.EXPECTS.get((section, name), frozenset())
            if entity_id and kind not in expects:
                what = "nothing" if kind is None else f"a {kind}"
                outcome.problems.append((name, f"{entity_id!r} is {what}; expected "
                                               f"{' or '.join(sorted(expects))}"))


async def create_entity(info: Info, entity_type: str, data: dict[str, Any],
                        sources: list[str]) -> Outcome:
    """Create a curated entity with its structural links, names, sources and Change."""
    who = await authorization.writer(info)
    outcome = Outcome()
    # A placeholder keeps the record model's "at least one source" rule from hiding the
    # clearer problem `cited_sources` reports for an empty list.
    data = {**data, "id": data.get("id") or _new_id(entity_type),
            "sources": sources or ["src:none"]}
    if entity_type == "Source":
        data.pop("sources")
    try:
        record: Any = ENTITY_RECORDS[entity_type].model_validate(data)
    except ValidationError as error:
        return Outcome(problems=problems_of(error))
    section = model.ENTITY_TYPE[entity_type].section
    derived = [(r.field, r.kind, r.own, r.other, getattr(record, r.field))
               for r in model.references_of(entity_type)]
    await check_refs(info, section, {attr: ref for attr, _, _, _, ref in derived}, outcome)
    cited = [] if entity_type == "Source" else await cited_sources(info, sources, outcome)
    if outcome.problems:
        return outcome
    involved = [record.id, *(ref for *_, ref in derived)]
    if entity_type != "Source":
        await authorization.check(info, who, cited, involved)
    row, names = entity_row(entity_type, record, ORIGIN)
    if entity_type == "Source":
        row["props"]["contributor"] = who.owner
        row["props"]["contributorTokenId"] = who.token_id
    links = [{"id": model.link_id_of(kind, [record.id, ref], None), "other": ref, "ownSlot": own,
              "otherSlot": other, "props": {"kind": kind, "origin": ORIGIN}}
             for _, kind, own, other, ref in derived if ref]
    change = change_record(info, who, "CREATE", (record.id, entity_type), None, row["props"],
                           sources)
    params = {"id": record.id, "props": row["props"], "change": change, "names": names,
              "links": links, "sources": sources}
    statement = graph_contributions.create_entity(info.context.graph, entity_type, params)
    return await write_outcome(outcome, record.id, change["id"], statement)


def _new_id(entity_type: str) -> str:
    return f"{model.ENTITY_TYPE[entity_type].prefix}:{secrets.token_hex(6)}"


async def write_outcome(outcome: Outcome, target: str, change_id: str,
                        statement: Awaitable[list[WrittenRow]]) -> Outcome:
    try:
        rows = await statement
    except ConstraintViolation:  # the backends word it differently; the graph layer types it
        outcome.problems.append(("id", f"{target!r} already exists"))
        outcome.existing["id"] = target
        return outcome
    outcome.target_id, outcome.change_id = target, change_id
    outcome.version = int(rows[0]["version"]) if rows else 1
    return outcome


async def withdraw_new_source(info: Info, source_id: str) -> None:
    """Undo a `newSource` whose mutation was refused: nothing of the mutation stays."""
    who = await authorization.writer(info)
    await graph_contributions.withdraw_source(info.context.graph, source_id, who.token_id)


async def add_name(info: Info, target: str, lang: str, text: str, kind: str,
                   sources: list[str]) -> Outcome:
    """Add an official name or an alias to any entity."""
    who = await authorization.writer(info)
    outcome = Outcome()
    if lang not in set(Language):
        outcome.problems.append(("lang", f"must be one of {', '.join(Language)}"))
    try:
        text = clean_name(text)
    except ValueError as error:
        outcome.problems.append(("text", str(error)))
    if len(text) > 300:
        outcome.problems.append(("text", "must be at most 300 characters"))
    cited = await cited_sources(info, sources, outcome)
    if outcome.problems:
        return outcome
    current = (await current_rows(info, [target])).get(target)
    await authorization.check(info, who, cited, [target], existing_id=target, existing=current)
    if current is None or current["isLink"]:
        return Outcome(not_found=True)
    names = [name_row(target, lang, text, kind.lower())]
    change = change_record(info, who, "ADD_NAME", (target, kind_of(current) or ""), None,
                           {"name": names[0]}, sources)
    params = {"id": target, "change": change, "names": names, "sources": sources}
    return await write_outcome(outcome, target, change["id"],
                        graph_contributions.add_name(info.context.graph, params))
