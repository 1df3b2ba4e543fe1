"""The registry's model, declared once: kinds of curated entity and of relationship.

Everything else derives from this module or is checked against it: the curated
format's records and sections (domain/records.py), the importer's references
and rows, the export, the GraphQL link types, enums, inputs and mutations, the
explorer's legend and data/README.md. Adding a kind of relationship is adding
a `LinkKind` here (and its vocabulary in domain/vocabulary.py).

A relationship is a `:Link` node with a `kind`, pointing at each party with an
`INVOLVES` edge whose `slot` says which part it plays.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from domain import vocabulary as v
from domain.fields import Confidence, Count, NonEmptyText, PartialDate

DATE = "Partial ISO date: YYYY, YYYY-MM or YYYY-MM-DD."
TERRITORY = "Territory"
"""The backbone's collectivities (regions, provinces, communes, foreign municipalities)."""


@dataclass(frozen=True)
class EntityType:
    """A kind of curated entity: its label, id prefix and curated-file section."""

    name: str
    prefix: str
    section: str
    description: str


ENTITY_TYPES: tuple[EntityType, ...] = (
    EntityType("Source", "src", "sources", "An article, document or dataset stating facts."),
    EntityType("Organisation", "org", "organisations", "A body taking part in the network."),
    EntityType("Network", "network", "networks", "A network of collectivities."),
    EntityType("Programme", "programme", "programmes", "A programme of cooperation."),
    EntityType("Person", "person", "persons", "A named person."),
    EntityType("Post", "post", "posts", "A role in a body, held by people."),
    EntityType("Event", "event", "events", "A workshop, session, meeting or training."),
    EntityType("Document", "document", "documents", "A charter, agreement, decision..."),
)
ENTITY_TYPE = {t.name: t for t in ENTITY_TYPES}
PREFIXES = tuple(t.prefix for t in ENTITY_TYPES)
CURATED_ID = re.compile(rf"^({'|'.join(PREFIXES)}):[a-z0-9][a-z0-9-]*$")
TYPE_OF_SECTION = {t.section: t.name for t in ENTITY_TYPES}
ACTOR = frozenset({"Organisation", TERRITORY, "Network"})
PARTY = ACTOR | {"Person"}
ANY = PARTY | {"Programme", "Post", "Event", "Document"}


@dataclass(frozen=True)
class Slot:
    """A part played in a relationship: the `INVOLVES` slot, the record field naming the
    entity that plays it, and which entity types may."""

    name: str
    accepts: frozenset[str]
    field: str = ""
    count: int = 1
    required: bool = True
    description: str = ""
    input_description: str = ""
    repeated: str = "names the same entity twice"


    @property
    def record_field(self) -> str:
        """The curated record's (and API input's) field for this slot."""
        return self.field or self.name


@dataclass(frozen=True)
class Prop:
    """A property of a relationship besides its dates, role and note."""

    name: str
    type: Any
    required: bool = False
    default: Any = None
    graphql: Any = None
    description: str = ""


@dataclass(frozen=True)
class LinkKind:
    """A kind of relationship. `section` is its curated-file section (None when an entity's
    own field states it, see `REFERENCES`); `identity` are the fields that, with the kind
    and parties, make a link's id (its role when not given); `graphql_type` and `mutation`
    name it in the API."""

    kind: str
    description: str
    slots: tuple[Slot, ...]
    colour: str
    section: str | None = None
    role: type[StrEnum] | None = None
    props: tuple[Prop, ...] = ()
    identity: tuple[str, ...] = ()
    dated: bool = True
    graphql_type: str = "Relation"
    type_description: str = ""
    mutation: str | None = None
    input: str | None = None

    def slot(self, name: str) -> Slot:
        """The slot of this name."""
        return next(s for s in self.slots if s.name == name)


@dataclass(frozen=True)
class Reference:
    """A field of an entity record that states a link: `other` is the slot of the entity
    it names, `own` the slot of the entity stating it."""

    entity: str
    field: str
    kind: str
    own: str
    other: str
    required: bool = False
    accepts: frozenset[str] | None = None

    @property
    def expects(self) -> frozenset[str]:
        """The entity types the field may name (narrower than the link kind's, if given)."""
        return self.accepts or LINK_KIND[self.kind].slot(self.other).accepts

    @property
    def section(self) -> str:
        """The curated-file section of the stating entity."""
        return ENTITY_TYPE[self.entity].section


def _pair(first: str, first_accepts: frozenset[str], second: str,
          second_accepts: frozenset[str], second_field: str = "") -> tuple[Slot, Slot]:
    return (Slot(first, first_accepts), Slot(second, second_accepts, field=second_field))


def _one(name: str) -> frozenset[str]:
    return frozenset({name})


LINK_KINDS: tuple[LinkKind, ...] = (
    LinkKind("MEMBERSHIP", "A member of a network.", _pair("network", _one("Network"),
             "member", ACTOR), "#0b6e4f", section="memberships",
             graphql_type="Membership", type_description="A collectivity's membership of a "
             "network.", mutation="createMembership", input="MembershipInput"),
    LinkKind("TWINNING", "Two twinned local governments.",
             (Slot("party", _one(TERRITORY), field="parties", count=2,
                   description="Both twinned local governments.",
                   input_description="The two local governments.",
                   repeated="a collectivity cannot be twinned with itself"),
              Slot("programme", _one("Programme"), required=False,
                   description="The programme the twinning is part of, when stated.")),
             "#c2410c", section="twinnings",
             props=(Prop("status", v.TwinningStatus, default=v.TwinningStatus.ACTIVE),),
             graphql_type="Twinning", type_description="Two twinned local governments, within "
             "a programme if stated.", mutation="createTwinning", input="TwinningInput"),
    LinkKind("PARTICIPATION", "A party to a programme, with a role.",
             _pair("programme", _one("Programme"), "participant", ACTOR), "#1d4ed8",
             section="participations", role=v.ParticipationRole, graphql_type="Participation",
             type_description="A party to a programme, in a role.",
             mutation="createParticipation", input="ParticipationInput"),
    LinkKind("HOLDING", "A person holding a post.",
             _pair("post", _one("Post"), "holder", _one("Person"), second_field="person"),
             "#7c3aed", section="holdings", graphql_type="PostHolding",
             type_description="A person holding a post, from a date to a date.",
             mutation="createPostHolding", input="HoldingInput"),
    LinkKind("ATTENDANCE", "A party to an event.",
             _pair("event", _one("Event"), "participant", PARTY | {"Post"}), "#0891b2",
             section="attendances", role=v.EventRole, graphql_type="EventParticipation",
             type_description="A party to an event, in a role.",
             mutation="createEventParticipation", input="AttendanceInput"),
    LinkKind("DOCUMENT_PARTY", "A party to a document.",
             _pair("document", _one("Document"), "party", PARTY), "#a16207",
             section="documentParties", role=v.DocumentRole, graphql_type="DocumentParty",
             type_description="A party to a document: author, signatory, adopter or issuer.",
             mutation="createDocumentParty", input="DocumentPartyInput"),
    LinkKind("DOCUMENT_RELATION", "A document cancelling, amending or implementing another.",
             (Slot("document", _one("Document"), description="The later document."),
              Slot("target", _one("Document"), description="The document it bears on.")),
             "#92400e", section="documentRelations", role=v.DocumentRelationRole, dated=False,
             graphql_type="DocumentRelation", type_description="A document that cancels, "
             "amends or implements another.", mutation="createDocumentRelation",
             input="DocumentRelationInput"),
    LinkKind("GROUP_ATTENDANCE", "A group a source names without its members, at an event.",
             (Slot("event", _one("Event")),
              Slot("within", ACTOR, required=False, description="The collectivity or body "
                   "the group belongs to, when stated.")), "#67e8f9",
             section="groupAttendances", role=v.EventRole, dated=False,
             props=(Prop("group", NonEmptyText, required=True, graphql=str,
                         description="Who, as the source words it."),
                    Prop("count", Count, graphql=int, description="How many, when stated.")),
             identity=("role", "group"), graphql_type="GroupAttendance",
             type_description="A group at an event, named by what its members are (committee "
             "chairs, civil society), with their number when the source states it.",
             mutation="createGroupAttendance", input="GroupAttendanceInput"),
    LinkKind("PART_OF", "A unit of an organisation, or a component or phase of a programme.",
             (Slot("part", ACTOR | {"Programme"}), Slot("whole", ACTOR | {"Programme"})),
             "#6b7280"),
    LinkKind("POST_OF", "A post in a body.", _pair("post", _one("Post"), "body", ACTOR),
             "#9333ea"),
    LinkKind("HELD_IN", "An event and where it took place.",
             _pair("event", _one("Event"), "place", _one(TERRITORY)), "#0e7490"),
    LinkKind("FRAMEWORK", "An event or document within a programme.",
             _pair("activity", frozenset({"Event", "Document"}), "programme",
                   _one("Programme")), "#2563eb"),
    LinkKind("ADOPTED_AT", "A document and the event where it was adopted or signed.",
             _pair("document", _one("Document"), "event", _one("Event")), "#b45309"),
    LinkKind("SIGNED_AT", "A document and the event where it was signed.",
             _pair("document", _one("Document"), "event", _one("Event")), "#d97706"),
    LinkKind("FOUNDED_AT", "An organisation or network and the event where it was created.",
             _pair("founded", frozenset({"Organisation", "Network"}), "event", _one("Event")),
             "#15803d"),
    LinkKind("STATED_COUNT", "A number a source states about an entity.",
             (Slot("subject", ANY),), "#94a3b8", section="statedCounts",
             props=(Prop("measure", v.CountMeasure, required=True, graphql=str),
                    Prop("category", NonEmptyText, required=True, graphql=str),
                    Prop("value", Count, required=True, graphql=int),
                    Prop("asOf", PartialDate, graphql=str, description=DATE)),
             identity=("measure", "category"), dated=False, graphql_type="StatedCount",
             type_description="A number a source states about an entity (members by level, "
             "participants), kept as stated rather than as invented entities.",
             mutation="createStatedCount", input="StatedCountInput"),
    LinkKind("MENTIONS", "A source's text naming an entity, at these character offsets.",
             (Slot("source", _one("Source"), description="The article naming it."),
              Slot("entity", ANY | {"Source"}, description="The entity named.")),
             "#cbd5e1", section="mentions", dated=False,
             props=(Prop("start", Count, required=True, graphql=int,
                         description="Offset of the first character of the name in the "
                                     "source's text (Unicode code points)."),
                    Prop("end", Count, required=True, graphql=int,
                         description="Offset just past the name's last character."),
                    Prop("text", NonEmptyText, required=True, graphql=str,
                         description="The name as the text writes it."),
                    Prop("snippet", NonEmptyText, required=True, graphql=str,
                         description="The sentence around it, to show."),
                    Prop("confidence", Confidence, required=True, graphql=float,
                         description="How sure the matcher was, from 0 to 1.")),
             identity=("start",), graphql_type="Mention",
             type_description="An entity named in a source's text, with the offsets and "
             "sentence where it is named (found by `python -m importers articles`).",
             mutation="createMention", input="MentionInput"),
    LinkKind("PROGRAMME_PLACE", "A programme and a collectivity it is located in.",
             (Slot("programme", _one("Programme"), description="The programme."),
              Slot("place", _one(TERRITORY), description="A region, province or commune "
                   "where it takes place.")), "#65a30d", section="programmePlaces",
             dated=False, graphql_type="ProgrammePlace",
             type_description="A collectivity (region, province or commune) a programme is "
             "located in, as its source places it.", mutation="createProgrammePlace",
             input="ProgrammePlaceInput"),
)

# The fields of entity records that state links (a post's body, an event's place...).
REFERENCES: tuple[Reference, ...] = (
    Reference("Organisation", "partOf", "PART_OF", "part", "whole", accepts=ACTOR),
    Reference("Programme", "partOf", "PART_OF", "part", "whole", accepts=_one("Programme")),
    Reference("Post", "body", "POST_OF", "post", "body", required=True),
    Reference("Event", "place", "HELD_IN", "event", "place"),
    Reference("Event", "programme", "FRAMEWORK", "activity", "programme"),
    Reference("Document", "event", "ADOPTED_AT", "document", "event"),
    Reference("Document", "programme", "FRAMEWORK", "activity", "programme"),
    Reference("Document", "signedAt", "SIGNED_AT", "document", "event"),
    Reference("Organisation", "foundedAt", "FOUNDED_AT", "founded", "event"),
    Reference("Network", "foundedAt", "FOUNDED_AT", "founded", "event"),
)

LINK_KIND = {k.kind: k for k in LINK_KINDS}
LINK_OF_SECTION = {k.section: k for k in LINK_KINDS if k.section}
DATE_FIELDS = ("since", "until")


def expected_types() -> dict[tuple[str, str], frozenset[str]]:
    """(section, field) -> entity types a reference there may name."""
    expects = {(r.section, r.field): r.expects for r in REFERENCES}
    for kind in LINK_KINDS:
        if kind.section:
            expects.update({(kind.section, s.record_field): s.accepts for s in kind.slots})
    return expects


EXPECTS = expected_types()


def references_of(entity_type: str) -> tuple[Reference, ...]:
    """The link-stating fields of one entity type."""
    return tuple(r for r in REFERENCES if r.entity == entity_type)


def link_id_of(kind: str, party_ids: list[str], role: str | None) -> str:
    """The stable id of a link: its kind, parties and identity (role, or measure/category)."""
    return f"{kind.lower().replace('_', '-')}:" + "~".join(party_ids + ([role] if role else []))


def identity_of(kind: LinkKind, record: Any) -> str | None:
    """The `role` a link is stored with: its role, or its identity fields joined by '/'."""
    names = kind.identity or (("role",) if kind.role else ())
    values = [getattr(record, name) for name in names]
    if not values or any(value is None for value in values):
        return None
    return "/".join(str(value) for value in values)
