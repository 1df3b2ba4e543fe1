"""Creating links through the API: memberships, twinnings, participations and more."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ValidationError

from graph import contributions as graph_contributions
from importers.network import records
from importers.network.rows import link_id_of
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

# kind -> (section, record model, [(field, slot)], role field)
LINKS: dict[str, tuple[str, type[BaseModel], list[tuple[str, str]], str | None]] = {
    "MEMBERSHIP": ("memberships", records.MembershipRecord,
                   [("network", "network"), ("member", "member")], None),
    "TWINNING": ("twinnings", records.TwinningRecord,
                 [("parties", "party"), ("programme", "programme")], None),
    "PARTICIPATION": ("participations", records.ParticipationRecord,
                      [("programme", "programme"), ("participant", "participant")], "role"),
    "HOLDING": ("holdings", records.HoldingRecord, [("post", "post"), ("person", "holder")],
                None),
    "ATTENDANCE": ("attendances", records.AttendanceRecord,
                   [("event", "event"), ("participant", "participant")], "role"),
}
LINK_PROPS = ("since", "until", "note", "status")


def _parties(record: Any, slots: list[tuple[str, str]]) -> list[dict[str, str]]:
    parties = []
    for attr, slot in slots:
        value = getattr(record, attr)
        for entity_id in sorted(value) if isinstance(value, list) else [value]:
            if entity_id:
                parties.append({"slot": slot, "id": entity_id})
    return parties


async def create_link(info: Info, kind: str, data: dict[str, Any],
                      sources: list[str]) -> Outcome:
    """Create a reified link between existing entities, with sources and a Change."""
    who = await authorization.writer(info)
    section, model, slots, role_field = LINKS[kind]
    try:
        record: Any = model.model_validate({**data, "sources": sources or ["src:none"]})
    except ValidationError as error:
        return Outcome(problems=problems_of(error))
    outcome = Outcome()
    refs = {attr: getattr(record, attr) for attr, _ in slots}
    if any(not isinstance(v, str | list | None) for v in refs.values()):
        outcome.problems.append(("input", "references must be ids (MA:..., BE:..., org:...)"))
        return outcome
    await check_refs(info, section, refs, outcome)
    parties = _parties(record, slots)
    if kind == "TWINNING" and len({p["id"] for p in parties if p["slot"] == "party"}) < 2:
        outcome.problems.append(("parties", "a collectivity cannot be twinned with itself"))
    cited = await cited_sources(info, sources, outcome)
    if outcome.problems:
        return outcome
    await authorization.check(info, who, cited, [p["id"] for p in parties])
    role = getattr(record, role_field) if role_field else None
    link_id = link_id_of(kind, [p["id"] for p in parties], role)
    props = {"kind": kind, "role": role, "origin": ORIGIN,
             **{k: getattr(record, k, None) for k in LINK_PROPS}}
    change = change_record(info, who, "CREATE", (link_id, kind), None,
                           {**props, "parties": parties}, sources)
    params = {"id": link_id, "props": props, "change": change, "parties": parties,
              "sources": sources}
    return await write_outcome(outcome, link_id, change["id"],
                        graph_contributions.create_link(info.context.graph, params))
