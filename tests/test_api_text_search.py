"""Search over notes, agendas and outcomes (`texts(containing:)`, issue 15) over HTTP, on
the backbone and the curated seed file: every word, ignoring case and accents."""

from __future__ import annotations

from typing import Any

from domain.names import name_key
from tests.live import LiveServer

QUERY = """query($text: String!, $first: Int) { texts(containing: $text, first: $first) {
    field text entity { id } link { id kind parties { slot entity { id } } } } }"""
REMACTO_NOTE = ("\"le Conseil Préfectoral de Rabat s'engage dans ce réseau\" (the council of "
                "the prefecture of Rabat). The date it joined is not stated.")
RABAT_AGENDA = ("projet de programme ouvert, qui fera l’objet de consultations avant d’être "
                "soumis pour approbation au Conseil Préfectoral de Rabat")


def texts(api: LiveServer, text: str, first: int | None = None) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = api.data(QUERY, {"text": text, "first": first})["texts"]
    return found


def test_a_word_of_a_link_note_finds_the_link_with_its_parties(network_api: LiveServer
                                                                ) -> None:
    found = texts(network_api, "réseau")
    # Two events' notes quote "membres du réseau"; entities come before links.
    assert [(m["entity"] or {}).get("id") for m in found] == [
        "event:open-collectivities-online-meeting-2024-02-08",
        "event:open-collectivities-online-training-2024-02-14", None]
    match = found[-1]
    assert (match["field"], match["text"], match["entity"]) == ("note", REMACTO_NOTE, None)
    link = match["link"]
    assert link["kind"] == "MEMBERSHIP"
    assert {(p["slot"], p["entity"]["id"]) for p in link["parties"]} == {
        ("network", "network:remacto"), ("member", "MA:04.421")}


def test_accents_are_ignored_both_ways(network_api: LiveServer) -> None:
    assert texts(network_api, "RESEAU") == texts(network_api, "réseau")
    # "évaluation" finds the note written "evaluation", without its accent.
    found = texts(network_api, "évaluation")
    assert {"field": "note", "entity": None,
            "text": "The committee's name: preparation, implementation, monitoring and "
                    "evaluation of the openness programme."} in [
        {k: m[k] for k in ("field", "entity", "text")} for m in found]
    assert all("evaluation" in name_key(m["text"]) for m in found)


def test_agenda_items_and_outcomes_name_their_event(network_api: LiveServer) -> None:
    [match] = texts(network_api, "consultations")
    assert match == {"field": "agenda", "text": RABAT_AGENDA, "link": None,
                     "entity": {"id": "event:rabat-council-session-2024-09"}}
    found = texts(network_api, "ميثاق المشاركة")
    assert [(m["field"], m["entity"]["id"], m["text"]) for m in found
            if m["field"] == "outcomes"] == [
        ("outcomes", "event:jerada-council-ordinary-session-2024-02",
         "المصادقة على ميثاق المشاركة المواطنة"),
        ("outcomes", "event:jerada-guide-workshop", "توقيع ميثاق المشاركة المواطنة"),
        ("outcomes", "event:jerada-guide-workshop",
         "إحداث فريق تنشيط الميثاق وخطة عمل المشاركة المواطنة")]
    # Agendas and outcomes come before notes.
    fields = [m["field"] for m in found]
    assert fields == sorted(fields, key=("agenda", "outcomes", "note").index)


def test_every_word_must_be_there(network_api: LiveServer) -> None:
    either = texts(network_api, "conseil prefectoral", first=100)
    assert RABAT_AGENDA in [m["text"] for m in either]
    assert REMACTO_NOTE in [m["text"] for m in either]
    both = texts(network_api, "Conseil Préfectoral RÉSEAU")
    assert [m["text"] for m in both] == [REMACTO_NOTE]


def test_first_is_honoured(network_api: LiveServer) -> None:
    every = texts(network_api, "article", first=100)
    assert len(every) > 20
    assert texts(network_api, "article") == every[:20]
    assert texts(network_api, "article", first=3) == every[:3]


def test_an_empty_text_is_refused(network_api: LiveServer) -> None:
    for text in ("", "   ", " - "):
        error = network_api.error(QUERY, {"text": text})
        assert error["extensions"]["code"] == "BAD_USER_INPUT"
        assert error["extensions"]["argument"] == "containing"


def test_round_trips_do_not_grow_with_the_matches(network_api: LiveServer) -> None:
    one = network_api.round_trips(QUERY, {"text": "réseau"})
    many = network_api.round_trips(QUERY, {"text": "article", "first": 50})
    assert one == many <= 4
