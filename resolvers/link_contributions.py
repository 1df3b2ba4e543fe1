"""Creating links through the API: any kind declared with a mutation in domain/model.py."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from domain import model
from domain.records import LINK_RECORDS
from domain.rows import link_parties, link_props, repeated_slot
from graph import contributions as graph_contributions
from graph.rows import PartyRow
from resolvers import authorization
from resolvers.context import Info
from resolvers.contributions import (
    ORIGIN,
    Outcome,
    change_record,
    check_refs,
    cited_sources,
    problems_of,
    write_outcome,
)

UPDATABLE = ("since", "until", "note", "status", "role")
"""What `updateLink` may change on a link."""


def _references(kind: model.LinkKind, record: Any) -> dict[str, Any] | None:
    """The record's references by field; None if one is a look-up rather than an id."""
    refs = {slot.record_field: getattr(record, slot.record_field) for slot in kind.slots}
    values = [v for value in refs.values() for v in (value if isinstance(value, list)
                                                      else [value])]
    return refs if all(isinstance(v, str | None) for v in values) else None


async def create_link(info: Info, kind_name: str, data: dict[str, Any],
                      sources: list[str]) -> Outcome:
    """Create a reified link between existing entities, with sources and a Change."""
    who = await authorization.writer(info)
    kind = model.LINK_KIND[kind_name]
    try:
        record: Any = LINK_RECORDS[kind_name].model_validate(
            {**data, "sources": sources or ["src:none"]})
    except ValidationError as error:
        return Outcome(problems=problems_of(error))
    outcome = Outcome()
    refs = _references(kind, record)
    if refs is None:
        outcome.problems.append(("input", "references must be ids (MA:..., BE:..., org:...)"))
        return outcome
    await check_refs(info, kind.section or "", refs, outcome)
    pairs = link_parties(kind, record, lambda ref: ref)
    if (repeated := repeated_slot(kind, pairs)) is not None:
        outcome.problems.append((repeated.record_field, repeated.repeated))
    cited = await cited_sources(info, sources, outcome)
    if outcome.problems:
        return outcome
    parties: list[PartyRow] = [{"slot": slot, "id": entity_id or ""} for slot, entity_id in pairs]
    if kind_name == "TWINNING" and await _twinned_already(info, parties, outcome):
        return outcome
    await authorization.check(info, who, cited, [p["id"] for p in parties])
    props = link_props(kind, record, ORIGIN)
    link_id = model.link_id_of(kind_name, [p["id"] for p in parties],
                               model.identity_of(kind, record))
    change = change_record(info, who, "CREATE", (link_id, kind_name), None,
                           {**props, "parties": parties}, sources)
    params = {"id": link_id, "props": props, "change": change, "parties": parties,
              "sources": sources}
    return await write_outcome(outcome, link_id, change["id"],
                               graph_contributions.create_link(info.context.graph, params))


async def _twinned_already(info: Info, parties: list[PartyRow], outcome: Outcome) -> bool:
    """Whether the two parties have a current twinning this one would repeat: one within
    the same programme, or either without one (a twinning stated without its programme
    is the same twinning). Only twinnings within two different programmes are two."""
    a, b = (p["id"] for p in parties if p["slot"] == "party")
    programme = next((p["id"] for p in parties if p["slot"] == "programme"), None)
    for link_id, within in await graph_contributions.twinnings_of_pair(info.context.graph, a, b):
        if programme is None or within is None or within == programme:
            where = f"within {within}" if within else "without a programme"
            outcome.problems.append(("parties", (
                f"{a} and {b} are already twinned: {link_id} ({where}); cite your source on "
                "it or change it with updateLink instead of stating it twice")))
            outcome.existing["parties"] = link_id
            return True
    return False
