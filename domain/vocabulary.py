"""The network's vocabularies, declared once: curated files, API inputs and GraphQL enums
all use these classes (a docstring is the GraphQL enum's description)."""

from __future__ import annotations

from enum import StrEnum


class Language(StrEnum):
    """Languages of names and sources."""

    AR = "ar"
    FR = "fr"
    NL = "nl"
    EN = "en"
    DE = "de"
    ZGH = "zgh"


class OrganisationKind(StrEnum):
    """Kinds of organisation. TERRITORIAL_ADMINISTRATION: a province's or prefecture's state
    administration, headed by the governor."""

    DEVELOPMENT_AGENCY = "DEVELOPMENT_AGENCY"
    NATIONAL_BODY = "NATIONAL_BODY"
    MINISTRY = "MINISTRY"
    TERRITORIAL_ADMINISTRATION = "TERRITORIAL_ADMINISTRATION"
    DEPARTMENT = "DEPARTMENT"
    COMMITTEE = "COMMITTEE"
    ASSOCIATION_OF_COLLECTIVITIES = "ASSOCIATION_OF_COLLECTIVITIES"
    FUNDER = "FUNDER"
    CIVIL_SOCIETY_ASSOCIATION = "CIVIL_SOCIETY_ASSOCIATION"
    COOPERATIVE = "COOPERATIVE"
    UNIVERSITY = "UNIVERSITY"
    INTERNATIONAL_ORGANISATION = "INTERNATIONAL_ORGANISATION"
    CONSULTATIVE_BODY = "CONSULTATIVE_BODY"
    SCHOOL = "SCHOOL"
    OTHER = "OTHER"


class ProgrammeKind(StrEnum):
    """Kinds of programme."""

    PROGRAMME = "PROGRAMME"
    COMPONENT = "COMPONENT"
    PHASE = "PHASE"
    PROJECT = "PROJECT"
    PLAN = "PLAN"


class ProgrammeStatus(StrEnum):
    """Where a programme stands (the World Bank's project statuses): PIPELINE, being
    prepared; ACTIVE, under way; CLOSED, ended; DROPPED, abandoned."""

    PIPELINE = "PIPELINE"
    ACTIVE = "ACTIVE"
    CLOSED = "CLOSED"
    DROPPED = "DROPPED"


class EventKind(StrEnum):
    """Kinds of event."""

    WORKSHOP = "WORKSHOP"
    COUNCIL_SESSION = "COUNCIL_SESSION"
    STUDY_DAY = "STUDY_DAY"
    MEETING = "MEETING"
    TRAINING = "TRAINING"


class EventStatus(StrEnum):
    """Whether an event took place or was announced."""

    HELD = "HELD"
    PLANNED = "PLANNED"


class DocumentKind(StrEnum):
    """Kinds of document."""

    CHARTER = "CHARTER"
    PARTNERSHIP_AGREEMENT = "PARTNERSHIP_AGREEMENT"
    GUIDE = "GUIDE"
    DECISION = "DECISION"
    REPORT = "REPORT"
    PLAN = "PLAN"


class SourceKind(StrEnum):
    """Kinds of source."""

    ARTICLE = "ARTICLE"
    DOCUMENT = "DOCUMENT"
    DATASET = "DATASET"


class ParticipationRole(StrEnum):
    """Roles in a programme (IATI's organisation roles, plus partner and beneficiary)."""

    FUNDER = "FUNDER"
    IMPLEMENTER = "IMPLEMENTER"
    ACCOUNTABLE = "ACCOUNTABLE"
    EXTENDING = "EXTENDING"
    PARTNER = "PARTNER"
    BENEFICIARY = "BENEFICIARY"
    SUPPORTER = "SUPPORTER"


class EventRole(StrEnum):
    """Roles at an event."""

    ORGANISER = "ORGANISER"
    HOST = "HOST"
    CHAIR = "CHAIR"
    SPEAKER = "SPEAKER"
    TRAINER = "TRAINER"
    PARTICIPANT = "PARTICIPANT"


class DocumentRole(StrEnum):
    """Roles of a party to a document."""

    AUTHOR = "AUTHOR"
    SIGNATORY = "SIGNATORY"
    ADOPTER = "ADOPTER"
    ISSUER = "ISSUER"


class DocumentRelationRole(StrEnum):
    """How a document bears on an earlier one."""

    CANCELS = "CANCELS"
    AMENDS = "AMENDS"
    IMPLEMENTS = "IMPLEMENTS"


class TwinningStatus(StrEnum):
    """State of a twinning."""

    ACTIVE = "ACTIVE"
    ENDED = "ENDED"
    PLANNED = "PLANNED"


class CountMeasure(StrEnum):
    """What a stated count counts."""

    MEMBERS = "MEMBERS"
    PARTICIPANTS = "PARTICIPANTS"
    WORKSHOPS = "WORKSHOPS"
    PARTNERS = "PARTNERS"


class Level(StrEnum):
    """Where a unit sits in the territorial hierarchy."""

    COUNTRY = "COUNTRY"
    REGION = "REGION"
    PROVINCE = "PROVINCE"
    CERCLE = "CERCLE"
    COMMUNE = "COMMUNE"
    ARRONDISSEMENT = "ARRONDISSEMENT"
    MUNICIPALITY = "MUNICIPALITY"


class CollectivityLevel(StrEnum):
    """Levels of a collectivity, a unit with an elected council (a curated file may look
    one up by name at these)."""

    REGION = "REGION"
    PROVINCE = "PROVINCE"
    COMMUNE = "COMMUNE"
    MUNICIPALITY = "MUNICIPALITY"


VALUE_DESCRIPTIONS: dict[StrEnum, str] = {
    Level.MUNICIPALITY: "A municipality abroad.",
}
"""Descriptions of single values, shown in the GraphQL schema."""


class BackboneCountry(StrEnum):
    """Countries of the territorial backbone."""

    MA = "MA"
    BE = "BE"


class OrganisationCountry(StrEnum):
    """Countries (ISO codes) and the EU, for organisations."""

    MA = "MA"
    BE = "BE"
    EU = "EU"
