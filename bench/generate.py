"""A deterministic generated cooperation network, 100 times today's, for the benchmark.

It writes one curated file in the `registry-network/1` format (JSON, which the
importer accepts for large generated data) that references the real backbone
by id (`MA:<HCP code>`, `BE:<REFNIS>`), so it goes through the project's own
importer like any curated file. The shapes follow the curated data: networks
with many members (heavy-tailed sizes), programmes with components, funders,
implementers and beneficiaries, twinnings of Moroccan communes with Belgian
municipalities within programmes, events with their attendances, posts and
their holders, documents and their parties, and counts the sources state.

With `scale=1.0` it makes about 100,000 entities and 1,000,000 links; the
same seed and scale always give the same file, byte for byte.
"""

from __future__ import annotations

import json
import random
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from importers.territory.load import backbone

ORIGIN = "bench-generated.json"
# Entities at scale 1.0 (about 100,000 in all).
ENTITIES = {"sources": 1_000, "organisations": 12_000, "networks": 300, "programmes": 3_000,
            "persons": 50_000, "posts": 15_000, "events": 15_000, "documents": 4_000}
# Average links per owner at scale 1.0 (about 1,000,000 links in all, derived ones included).
MEMBERS_PER_NETWORK = 500
PARTICIPANTS_PER_PROGRAMME = 60
ATTENDEES_PER_EVENT = 40
PARTIES_PER_DOCUMENT = 4
TWINNINGS = 8_000

ORG_KINDS = ("CIVIL_SOCIETY_ASSOCIATION", "CIVIL_SOCIETY_ASSOCIATION", "COOPERATIVE",
             "COOPERATIVE", "ASSOCIATION_OF_COLLECTIVITIES", "DEVELOPMENT_AGENCY", "FUNDER",
             "DEPARTMENT", "COMMITTEE", "UNIVERSITY", "SCHOOL", "INTERNATIONAL_ORGANISATION",
             "TERRITORIAL_ADMINISTRATION", "CONSULTATIVE_BODY", "OTHER")
SYLLABLES = ("al", "an", "ba", "ber", "da", "dar", "el", "fa", "ga", "ha", "ka", "kha", "la",
             "ma", "mar", "na", "ou", "ra", "sa", "sou", "ta", "tan", "wa", "ya", "za", "zi")
AR_SYLLABLES = ("ال", "بر", "كا", "نو", "مر", "سا", "تا", "ري", "زو", "حا", "فا", "لي", "دو",
                "قا", "جا", "وا")


@dataclass
class Generated:
    """The generated file's path and what it holds."""

    path: Path
    entities: Counter[str] = field(default_factory=Counter)
    links: Counter[str] = field(default_factory=Counter)

    @property
    def entity_count(self) -> int:
        """Entities in the file."""
        return sum(self.entities.values())

    @property
    def link_count(self) -> int:
        """Links in the file, the ones entities state by their own fields included."""
        return sum(self.links.values())


@dataclass
class _Backbone:
    communes: list[str]
    provinces: list[str]
    regions: list[str]
    municipalities: list[str]


def _backbone() -> _Backbone:
    records, _ = backbone()
    by_level: dict[tuple[str, str], list[str]] = {}
    for record in records:
        by_level.setdefault((record.level, record.id[:2]), []).append(record.id)
    return _Backbone(sorted(by_level[("COMMUNE", "MA")]), sorted(by_level[("PROVINCE", "MA")]),
                     sorted(by_level[("REGION", "MA")]),
                     sorted(by_level[("MUNICIPALITY", "BE")]))


class _Maker:
    """Builds the file's sections with one seeded random generator."""

    def __init__(self, seed: int, scale: float) -> None:
        self.rng = random.Random(seed)
        self.scale = scale
        self.land = _backbone()
        self.doc: dict[str, Any] = {"format": "registry-network/1"}
        self.derived = Counter[str]()

    def count(self, base: int) -> int:
        return max(1, round(base * self.scale))

    def word(self, syllables: tuple[str, ...] = SYLLABLES) -> str:
        return "".join(self.rng.choice(syllables) for _ in range(self.rng.randint(2, 3)))

    def name(self, kind_fr: str, kind_ar: str) -> dict[str, str]:
        fr = f"{kind_fr} {self.word().capitalize()} {self.word().capitalize()}"
        ar = f"{kind_ar} {self.word(AR_SYLLABLES)} {self.word(AR_SYLLABLES)}"
        return {"fr": fr, "ar": ar}

    def sources(self) -> list[str]:
        ids = self.doc["sources"]
        picked = [self.rng.choice(ids)["id"]]
        if self.rng.random() < 0.1:
            other = self.rng.choice(ids)["id"]
            if other != picked[0]:
                picked.append(other)
        return picked

    def year(self, low: int = 2005, high: int = 2024) -> str:
        year = self.rng.randint(low, high)
        return str(year) if self.rng.random() < 0.5 else f"{year}-{self.rng.randint(1, 12):02d}"

    def collectivity(self) -> str:
        draw = self.rng.random()
        if draw < 0.85:
            return self.rng.choice(self.land.communes)
        return self.rng.choice(self.land.provinces if draw < 0.97 else self.land.regions)

    def make(self) -> dict[str, Any]:
        self.make_entities()
        self.make_links()
        return self.doc

    def make_entities(self) -> None:
        rng, doc = self.rng, self.doc
        doc["sources"] = [
            {"id": f"src:gen-{i:05d}", "title": f"Article généré {i}",
             "language": rng.choice(("fr", "ar")), "kind": "ARTICLE",
             "published": f"{rng.randint(2008, 2025)}-{rng.randint(1, 12):02d}",
             "url": f"https://example.org/articles/{i}"}
            for i in range(self.count(ENTITIES["sources"]))]
        doc["organisations"] = []
        for i in range(self.count(ENTITIES["organisations"])):
            record: dict[str, Any] = {
                "id": f"org:gen-{i:05d}", "kind": rng.choice(ORG_KINDS),
                "country": "BE" if rng.random() < 0.1 else "MA",
                "name": self.name("Association", "جمعية"), "sources": self.sources()}
            if rng.random() < 0.15 and i > 0:
                record["partOf"] = f"org:gen-{rng.randrange(i):05d}"
            if rng.random() < 0.2:
                record["aliases"] = [{"lang": "fr", "text": self.word().upper()}]
            doc["organisations"].append(record)
        doc["networks"] = [
            {"id": f"network:gen-{i:03d}", "name": self.name("Réseau", "شبكة"),
             "founded": self.year(1995, 2020), "sources": self.sources()}
            for i in range(self.count(ENTITIES["networks"]))]
        self.make_programmes()
        doc["persons"] = [
            {"id": f"person:gen-{i:05d}", "sources": self.sources(),
             "name": {"fr": f"{self.word().capitalize()} {self.word().capitalize()}",
                      "ar": f"{self.word(AR_SYLLABLES)} {self.word(AR_SYLLABLES)}"}}
            for i in range(self.count(ENTITIES["persons"]))]
        orgs = len(doc["organisations"])
        doc["posts"] = [
            {"id": f"post:gen-{i:05d}", "name": self.name("Président", "رئيس"),
             "body": self.collectivity() if rng.random() < 0.6
             else f"org:gen-{rng.randrange(orgs):05d}", "sources": self.sources()}
            for i in range(self.count(ENTITIES["posts"]))]
        self.make_events()

    def make_programmes(self) -> None:
        rng, programmes = self.rng, []
        total = self.count(ENTITIES["programmes"])
        top = max(1, total // 3)
        for i in range(total):
            start = rng.randint(2005, 2023)
            record: dict[str, Any] = {
                "id": f"programme:gen-{i:04d}", "name": self.name("Programme", "برنامج"),
                "kind": "PROGRAMME" if i < top else rng.choice(("COMPONENT", "PHASE",
                                                                 "PROJECT")),
                "start": str(start), "end": str(start + rng.randint(1, 6)),
                "sources": self.sources()}
            if i >= top and rng.random() < 0.7:
                record["partOf"] = f"programme:gen-{rng.randrange(top):04d}"
            programmes.append(record)
        self.doc["programmes"] = programmes

    def make_events(self) -> None:
        rng, doc = self.rng, self.doc
        programmes = len(doc["programmes"])
        doc["events"] = []
        for i in range(self.count(ENTITIES["events"])):
            record: dict[str, Any] = {
                "id": f"event:gen-{i:05d}", "name": self.name("Atelier", "ورشة"),
                "kind": rng.choice(("WORKSHOP", "MEETING", "TRAINING", "STUDY_DAY",
                                    "COUNCIL_SESSION")),
                "start": f"{rng.randint(2008, 2025)}-{rng.randint(1, 12):02d}-"
                         f"{rng.randint(1, 28):02d}",
                "agenda": ["Présentation", "Débat"], "sources": self.sources()}
            if rng.random() < 0.8:
                record["place"] = rng.choice(self.land.communes)
            if rng.random() < 0.5:
                record["programme"] = f"programme:gen-{rng.randrange(programmes):04d}"
            doc["events"].append(record)
        doc["documents"] = []
        for i in range(self.count(ENTITIES["documents"])):
            record = {"id": f"document:gen-{i:04d}", "name": self.name("Convention", "اتفاقية"),
                      "kind": rng.choice(("PARTNERSHIP_AGREEMENT", "CHARTER", "REPORT", "PLAN",
                                          "DECISION", "GUIDE")),
                      "date": self.year(2008, 2025), "sources": self.sources()}
            if rng.random() < 0.4:
                record["event"] = rng.choice(doc["events"])["id"]
            if rng.random() < 0.5:
                record["programme"] = f"programme:gen-{rng.randrange(programmes):04d}"
            doc["documents"].append(record)

    def org(self) -> str:
        return f"org:gen-{self.rng.randrange(len(self.doc['organisations'])):05d}"

    def person(self) -> str:
        return f"person:gen-{self.rng.randrange(len(self.doc['persons'])):05d}"

    def make_links(self) -> None:
        self.make_memberships()
        self.make_twinnings()
        self.make_participations()
        self.make_attendances()
        rng, doc = self.rng, self.doc
        doc["holdings"] = []
        for post in doc["posts"]:
            holders = {self.person() for _ in range(rng.choice((1, 1, 2)))}
            for holder in sorted(holders):
                since = rng.randint(2005, 2022)
                record: dict[str, Any] = {"post": post["id"], "person": holder,
                                          "since": str(since), "sources": self.sources()}
                if rng.random() < 0.4:
                    record["until"] = str(since + rng.randint(1, 6))
                doc["holdings"].append(record)
        doc["documentParties"] = []
        for document in doc["documents"]:
            parties = {self.org() if rng.random() < 0.5 else self.collectivity()
                       for _ in range(self.parties(PARTIES_PER_DOCUMENT))}
            for index, party in enumerate(sorted(parties)):
                doc["documentParties"].append({
                    "document": document["id"], "party": party,
                    "role": "AUTHOR" if index == 0 else "SIGNATORY", "sources": self.sources()})
        doc["statedCounts"] = [
            {"subject": network["id"], "measure": "MEMBERS", "category": category,
             "value": rng.randint(10, 2000), "asOf": self.year(2015, 2024),
             "sources": self.sources()}
            for network in doc["networks"] for category in ("COMMUNE", "REGION")]

    def parties(self, mean: int) -> int:
        return max(1, min(round(self.rng.expovariate(1 / mean)), mean * 20))

    def make_memberships(self) -> None:
        rng, records = self.rng, []
        for network in self.doc["networks"]:
            # Heavy-tailed sizes: most networks are small, a few hold most communes.
            size = min(round(rng.paretovariate(1.6) * MEMBERS_PER_NETWORK * 0.4), 6_000)
            members = {self.collectivity() if rng.random() < 0.7 else self.org()
                       for _ in range(size)}
            for member in sorted(members):
                record: dict[str, Any] = {"network": network["id"], "member": member,
                                          "since": self.year(2000, 2024),
                                          "sources": self.sources()}
                if rng.random() < 0.05:
                    record["until"] = "2025"
                records.append(record)
        self.doc["memberships"] = records

    def make_twinnings(self) -> None:
        rng, pairs = self.rng, set[tuple[str, str]]()
        wanted = self.count(TWINNINGS)
        while len(pairs) < wanted:
            pairs.add((rng.choice(self.land.communes), rng.choice(self.land.municipalities)))
        programmes = self.doc["programmes"]
        records = []
        for commune, municipality in sorted(pairs):
            record: dict[str, Any] = {"parties": [commune, municipality],
                                      "since": self.year(2000, 2024),
                                      "status": rng.choice(("ACTIVE", "ACTIVE", "ENDED")),
                                      "sources": self.sources()}
            if rng.random() < 0.5:
                record["programme"] = rng.choice(programmes)["id"]
            records.append(record)
        self.doc["twinnings"] = records

    def make_participations(self) -> None:
        rng, records = self.rng, []
        for programme in self.doc["programmes"]:
            seen: set[tuple[str, str]] = set()
            for _ in range(rng.randint(1, 3)):
                seen.add((self.org(), "FUNDER"))
            for _ in range(rng.randint(1, 3)):
                seen.add((self.org(), "IMPLEMENTER"))
            for _ in range(self.parties(PARTICIPANTS_PER_PROGRAMME)):
                role = rng.choice(("BENEFICIARY", "BENEFICIARY", "PARTNER"))
                seen.add((self.collectivity() if rng.random() < 0.75 else self.org(), role))
            for participant, role in sorted(seen):
                records.append({"programme": programme["id"], "participant": participant,
                                "role": role, "since": programme["start"],
                                "sources": self.sources()})
        self.doc["participations"] = records

    def make_attendances(self) -> None:
        rng, records = self.rng, []
        for event in self.doc["events"]:
            seen: dict[str, str] = {}
            seen.setdefault(self.org(), "ORGANISER")
            if "place" in event:
                seen.setdefault(event["place"], "HOST")
            for _ in range(self.parties(ATTENDEES_PER_EVENT)):
                draw = rng.random()
                who = (self.person() if draw < 0.75 else
                       self.org() if draw < 0.9 else self.collectivity())
                seen.setdefault(who, "SPEAKER" if rng.random() < 0.05 else "PARTICIPANT")
            for participant, role in sorted(seen.items()):
                records.append({"event": event["id"], "participant": participant, "role": role,
                                "sources": self.sources()})
        self.doc["attendances"] = records


# Links an entity states by its own fields: (section, field) -> link kind.
DERIVED = {("organisations", "partOf"): "PART_OF", ("programmes", "partOf"): "PART_OF",
           ("posts", "body"): "POST_OF", ("events", "place"): "HELD_IN",
           ("events", "programme"): "FRAMEWORK", ("documents", "event"): "ADOPTED_AT",
           ("documents", "programme"): "FRAMEWORK"}
LINK_SECTIONS = {"memberships": "MEMBERSHIP", "twinnings": "TWINNING",
                 "participations": "PARTICIPATION", "holdings": "HOLDING",
                 "attendances": "ATTENDANCE", "documentParties": "DOCUMENT_PARTY",
                 "statedCounts": "STATED_COUNT"}


def generate(directory: Path, seed: int = 20240901, scale: float = 1.0) -> Generated:
    """Write the generated curated file into `directory`; same seed and scale, same bytes."""
    doc = _Maker(seed, scale).make()
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / ORIGIN
    # dumps, not dump: json.dump streams through the pure-Python encoder.
    path.write_text(json.dumps(doc, ensure_ascii=False, separators=(",", ":")),
                    encoding="utf-8")
    generated = Generated(path)
    for section in ENTITIES:
        generated.entities[section] = len(doc.get(section, []))
    for section, kind in LINK_SECTIONS.items():
        generated.links[kind] += len(doc.get(section, []))
    for (section, attr), kind in DERIVED.items():
        generated.links[kind] += sum(1 for record in doc.get(section, []) if attr in record)
    return generated
