"""Candidate facts an article states, each with its sentence: twinnings, memberships,
programme participations and events. Read from cue words and the mentions of one
sentence; a curator reviews them before anything is imported."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from importers.articles.analyse import ItemAnalysis
from importers.articles.matcher import Mention
from importers.articles.text import sentence_bounds

TWINNING = re.compile(r"jumel|twin|توأم|تآخ|تواأم", re.IGNORECASE)
MEMBERSHIP = re.compile(r"a rejoint|rejoindre|rejoint|adh[ée]r|adhésion|s.engage dans|"
                        r"membre d|انضمام|انضم|انخراط|انخرط|عضوية", re.IGNORECASE)
FUNDER = re.compile(r"financ|funded|بدعم من|الممول|ممول|بتمويل|تمويل", re.IGNORECASE)
IMPLEMENTER = re.compile(r"mis en (?:œ|oe)uvre|met(?:tre)? en (?:œ|oe)uvre|exécut|"
                         r"implemented|ينفذ|ي نفذ|تنفيذ|بشراكة|en partenariat|partenariat avec",
                         re.IGNORECASE)
EVENTS = (("STUDY_DAY", r"يوما? دراسيا?|(?:ال)?[أا]ياما? (?:ال)?دراسية|اليوم الدراسي|"
           r"journées? d.études?"),
          ("WORKSHOP", r"ورش|atelier|workshop"), ("TRAINING", r"تكوين|formation|training"),
          ("COUNCIL_SESSION", r"دور[ةت]|session"),
          ("MEETING", r"لقاء|اجتماع|réunion|rencontre|meeting|ملتقى|forum|ندوة|séminaire"))
ORGANISE = re.compile(r"نظم|ينظم|تنظم|يعقد|احتضن|organis", re.IGNORECASE)
_THIS = re.compile(r"(?:هذه|هذا|ces?|cette)\s+(?:ال)?$", re.IGNORECASE)
# "in <place>": ب glued to the name, في, à, in.
_IN = re.compile(r"(?:^|\s)(?:ب|في\s+|à\s+|au\s+|in\s+)$")
ACTORS = ("Organisation", "REGION", "PROVINCE", "COMMUNE", "MUNICIPALITY", "Network")
PLACES = ("REGION", "PROVINCE", "COMMUNE", "MUNICIPALITY")


@dataclass
class Fact:
    """One candidate fact: its kind, the parties by slot, its sentence."""

    kind: str  # TWINNING, MEMBERSHIP, PARTICIPATION or EVENT
    item: int
    sentence: str
    parties: dict[str, str] = field(default_factory=dict)
    role: str | None = None
    event_kind: str | None = None
    date: str | None = None
    until: str | None = None


def _sentences(analysis: ItemAnalysis) -> list[tuple[int, int]]:
    """The sentences of an item that hold a mention or a date, in order, once each."""
    bounds = {sentence_bounds(analysis.text, m.start, m.end) for m in analysis.mentions}
    bounds |= {sentence_bounds(analysis.text, d.start, d.end) for d in analysis.dates}
    return sorted(bounds)


def facts_of(analysis: ItemAnalysis) -> list[Fact]:
    """Every candidate fact of one item."""
    found = [Fact("TWINNING", analysis.item.number, _sentence(analysis, p.home.start),
                  {"parties": f"{p.home.entity_id} {p.abroad.entity_id}"})
             for p in analysis.pairs]
    undated_event = False
    for start, end in _sentences(analysis):
        sentence = " ".join(analysis.text[start:end].split())
        inside = [m for m in analysis.mentions if start <= m.start < end]
        found += _twinnings(analysis, sentence, inside)
        found += _memberships(analysis, sentence, inside, start)
        found += _participations(analysis, sentence, inside, start, end)
        event = _event(analysis, sentence, inside, start, end)
        if event is not None and not (event.date is None and undated_event):
            undated_event |= event.date is None
            found.append(event)
    return _unique(found)


def _sentence(analysis: ItemAnalysis, at: int) -> str:
    start, end = sentence_bounds(analysis.text, at, at)
    return " ".join(analysis.text[start:end].split())


def _twinnings(analysis: ItemAnalysis, sentence: str, inside: list[Mention]) -> list[Fact]:
    places = _distinct([m for m in inside if m.type in PLACES])
    if not TWINNING.search(sentence) or len(places) != 2:
        return []
    return [Fact("TWINNING", analysis.item.number, sentence,
                 {"parties": " ".join(sorted(m.entity_id for m in places))})]


def _memberships(analysis: ItemAnalysis, sentence: str, inside: list[Mention],
                 start: int) -> list[Fact]:
    if not MEMBERSHIP.search(sentence):
        return []
    networks = [m for m in inside if m.type == "Network"] or [
        m for m in analysis.mentions if m.type == "Network" and m.start < start][-1:]
    members = _distinct([m for m in inside if m.type in PLACES])
    if len(_distinct(networks)) != 1:
        return []
    return [Fact("MEMBERSHIP", analysis.item.number, sentence,
                 {"network": networks[0].entity_id, "member": m.entity_id}) for m in members]


def _participations(analysis: ItemAnalysis, sentence: str, inside: list[Mention],
                    start: int, end: int) -> list[Fact]:
    """An organisation with a funding or implementing cue before it, in a sentence naming a
    programme: a participation in the last programme named before it."""
    programmes = [m for m in inside if m.type == "Programme"]
    if not programmes:
        return []
    cues = sorted([(c.start(), "FUNDER") for c in FUNDER.finditer(analysis.text, start, end)]
                  + [(c.start(), "IMPLEMENTER")
                     for c in IMPLEMENTER.finditer(analysis.text, start, end)])
    found = []
    for org in _distinct([m for m in inside if m.type == "Organisation"]):
        before = [role for position, role in cues if position < org.start]
        programme = [p for p in programmes if p.start < org.start] or programmes
        if before:
            found.append(Fact("PARTICIPATION", analysis.item.number, sentence,
                              {"programme": programme[-1].entity_id,
                               "participant": org.entity_id}, role=before[-1]))
    return found


def _event(analysis: ItemAnalysis, sentence: str, inside: list[Mention], start: int,
           end: int) -> Fact | None:
    found = next(((k, c) for k, cue in EVENTS
                  if (c := re.search(cue, sentence, re.IGNORECASE))), None)
    if found is None or _THIS.search(sentence[:found[1].start()]):
        return None  # "this workshop": an event already named
    kind = found[0]
    dates = [d for d in analysis.dates if start <= d.start < end]
    actors = [m for m in inside if m.type in ACTORS]
    parties = {}
    verb = ORGANISE.search(analysis.text, start, end)
    if verb is not None and actors:
        after = [m for m in actors if m.start > verb.start()]
        parties["organiser"] = (after or actors)[0].entity_id
    places = [m for m in inside if m.type in PLACES
              and _IN.search(analysis.text[max(0, m.start - 4):m.start])]
    if places:
        parties["place"] = places[0].entity_id
    return Fact("EVENT", analysis.item.number, sentence, parties, event_kind=kind,
                date=dates[0].iso if dates else None, until=dates[0].until if dates else None)


def _distinct(mentions: list[Mention]) -> list[Mention]:
    seen: dict[str, Mention] = {}
    for mention in mentions:
        seen.setdefault(mention.entity_id, mention)
    return list(seen.values())


def _unique(facts: list[Fact]) -> list[Fact]:
    """One fact per kind and parties (and date, for events): the first sentence wins."""
    seen: set[tuple[object, ...]] = set()
    kept = []
    for fact in facts:
        key = (fact.kind, tuple(sorted(fact.parties.items())), fact.role, fact.date)
        if key not in seen:
            seen.add(key)
            kept.append(fact)
    return kept
