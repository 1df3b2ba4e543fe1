"""An analysed article as curated documents (`registry-network/1`): its sources and
mentions, imported at once; and the draft of the facts it states, for a curator."""

from __future__ import annotations

import re
from typing import Any

from domain.records import FORMAT
from importers.articles.analyse import ItemAnalysis
from importers.articles.facts import Fact
from importers.articles.text import Article, snippet

ORIGIN_PREFIX = "article-"


def slug(file: str) -> str:
    """A file name as an id's slug: `000_6d3b.txt` -> `000-6d3b`."""
    stem = re.sub(r"\.[A-Za-z0-9]+$", "", file).lower()
    return re.sub(r"[^a-z0-9]+", "-", stem).strip("-")[:60] or "article"


def origin_of(article: Article) -> str:
    """The origin its records are imported under (a corrected file replaces them): its
    file name, as an export's origins are written (letters, digits, '.', '_', '-')."""
    return (ORIGIN_PREFIX + re.sub(r"[^A-Za-z0-9._-]", "_", article.file))[:128]


def source_id(article: Article, number: int) -> str:
    """The source id of one of its items."""
    base = f"src:article-{slug(article.file)}"
    return base if len(article.items) == 1 else f"{base}-{number}"


def article_document(article: Article, analyses: list[ItemAnalysis]) -> dict[str, Any]:
    """Its items as sources (title, URL, publisher, date, language, text) and every
    mention of the registry's entities in them."""
    sources, mentions = [], []
    for analysis in analyses:
        item, sid = analysis.item, source_id(article, analysis.item.number)
        sources.append(_clean({
            "id": sid, "file": article.file, "url": article.url,
            "title": item.headline or article.file, "publisher": article.publisher,
            "language": article.language, "published": article.published,
            "kind": "ARTICLE", "text": analysis.text,
            "note": (f"News item {item.number} of {len(article.items)} of {article.file}."
                     if len(article.items) > 1 else None)}))
        mentions += [{"source": sid, "entity": m.entity_id, "start": m.start, "end": m.end,
                      "text": m.text, "snippet": snippet(analysis.text, m.start, m.end),
                      "confidence": m.confidence, "note": m.how, "sources": [sid]}
                     for m in analysis.mentions]
    document: dict[str, Any] = {"format": FORMAT, "sources": sources}
    if mentions:
        document["mentions"] = mentions
    return document


def _clean(record: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in record.items() if value is not None}


def draft_document(article: Article, facts: list[Fact]) -> dict[str, Any]:
    """The candidate facts as curated records citing the item's source, each with its
    sentence in `note`; events named by their sentence's opening words."""
    sections: dict[str, list[dict[str, Any]]] = {}
    for number, fact in enumerate(facts, 1):
        sid = source_id(article, fact.item)
        note = f"Sentence: «{fact.sentence}»"
        if fact.kind == "TWINNING":
            record = {"parties": sorted(fact.parties["parties"].split())}
            sections.setdefault("twinnings", []).append({**record, "note": note,
                                                         "sources": [sid]})
        elif fact.kind == "MEMBERSHIP":
            sections.setdefault("memberships", []).append({**fact.parties, "note": note,
                                                           "sources": [sid]})
        elif fact.kind == "PARTICIPATION":
            sections.setdefault("participations", []).append(
                {**fact.parties, "role": fact.role, "note": note, "sources": [sid]})
        else:
            _event(sections, article, fact, number, sid, note)
    return {"format": FORMAT, **sections}


def _event(sections: dict[str, list[dict[str, Any]]], article: Article, fact: Fact,
           number: int, sid: str, note: str) -> None:
    event_id = f"event:article-{slug(article.file)}-{number}"
    name = " ".join(fact.sentence.split()[:12])
    sections.setdefault("events", []).append(_clean({
        "id": event_id, "name": {article.language if article.language in ("ar", "fr", "en")
                                 else "fr": name},
        "kind": fact.event_kind, "start": fact.date, "end": fact.until,
        "place": fact.parties.get("place"), "note": note, "sources": [sid]}))
    if "organiser" in fact.parties:
        sections.setdefault("attendances", []).append({
            "event": event_id, "participant": fact.parties["organiser"], "role": "ORGANISER",
            "note": note, "sources": [sid]})
