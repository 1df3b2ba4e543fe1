"""Enumerations of the cooperation network: kinds of entities, links and roles."""

from __future__ import annotations

from enum import Enum

import strawberry

from domain.vocabulary import OrganisationKind as OrganisationKind  # noqa: PLC0414 (re-export)

# The same vocabulary validates curated files and API inputs (domain/vocabulary.py);
# strawberry.enum registers the class itself as the GraphQL enum.
strawberry.enum(
    OrganisationKind,
    description="Kinds of organisation. TERRITORIAL_ADMINISTRATION: a province's or "
                "prefecture's state administration, headed by the governor.")


@strawberry.enum(description="Kinds of programme.")
class ProgrammeKind(Enum):
    PROGRAMME = "PROGRAMME"
    COMPONENT = "COMPONENT"
    PHASE = "PHASE"
    PROJECT = "PROJECT"
    PLAN = "PLAN"


@strawberry.enum(description="Kinds of event.")
class EventKind(Enum):
    WORKSHOP = "WORKSHOP"
    COUNCIL_SESSION = "COUNCIL_SESSION"
    STUDY_DAY = "STUDY_DAY"
    MEETING = "MEETING"
    TRAINING = "TRAINING"


@strawberry.enum(description="Whether an event took place or was announced.")
class EventStatus(Enum):
    HELD = "HELD"
    PLANNED = "PLANNED"


@strawberry.enum(description="Kinds of document.")
class DocumentKind(Enum):
    CHARTER = "CHARTER"
    PARTNERSHIP_AGREEMENT = "PARTNERSHIP_AGREEMENT"
    GUIDE = "GUIDE"
    DECISION = "DECISION"
    REPORT = "REPORT"
    PLAN = "PLAN"


@strawberry.enum(description="Kinds of reified relationship.")
class LinkKind(Enum):
    MEMBERSHIP = strawberry.enum_value("MEMBERSHIP", description="A member of a network.")
    TWINNING = strawberry.enum_value("TWINNING", description="Two twinned local governments.")
    PARTICIPATION = strawberry.enum_value("PARTICIPATION",
                                          description="A party to a programme, with a role.")
    HOLDING = strawberry.enum_value("HOLDING", description="A person holding a post.")
    ATTENDANCE = strawberry.enum_value("ATTENDANCE", description="A party to an event.")
    DOCUMENT_PARTY = strawberry.enum_value("DOCUMENT_PARTY",
                                           description="A party to a document.")
    PART_OF = strawberry.enum_value("PART_OF", description="A unit of an organisation, or a "
                                    "component or phase of a programme.")
    POST_OF = strawberry.enum_value("POST_OF", description="A post in a body.")
    HELD_IN = strawberry.enum_value("HELD_IN", description="An event and where it took place.")
    FRAMEWORK = strawberry.enum_value("FRAMEWORK",
                                      description="An event or document within a programme.")
    ADOPTED_AT = strawberry.enum_value("ADOPTED_AT", description="A document and the event "
                                       "where it was adopted or signed.")
    STATED_COUNT = strawberry.enum_value("STATED_COUNT",
                                         description="A number a source states about an entity.")
    TERRITORY = strawberry.enum_value("TERRITORY",
                                      description="The fixed territorial hierarchy (not reified).")


@strawberry.enum(description="Roles in a programme (IATI's organisation roles, plus partner "
                             "and beneficiary).")
class ParticipationRole(Enum):
    FUNDER = "FUNDER"
    IMPLEMENTER = "IMPLEMENTER"
    ACCOUNTABLE = "ACCOUNTABLE"
    EXTENDING = "EXTENDING"
    PARTNER = "PARTNER"
    BENEFICIARY = "BENEFICIARY"


@strawberry.enum(description="Roles at an event.")
class EventRole(Enum):
    ORGANISER = "ORGANISER"
    HOST = "HOST"
    CHAIR = "CHAIR"
    SPEAKER = "SPEAKER"
    TRAINER = "TRAINER"
    PARTICIPANT = "PARTICIPANT"


@strawberry.enum(description="Roles of a party to a document.")
class DocumentRole(Enum):
    AUTHOR = "AUTHOR"
    SIGNATORY = "SIGNATORY"
    ADOPTER = "ADOPTER"
    ISSUER = "ISSUER"


@strawberry.enum(description="State of a twinning.")
class TwinningStatus(Enum):
    ACTIVE = "ACTIVE"
    ENDED = "ENDED"
    PLANNED = "PLANNED"
