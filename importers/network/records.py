"""The curated network format: one pydantic model per kind of record.

The format is documented in `data/README.md`. Every record states its
`sources`; references to other records are ids or territorial look-ups.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from domain.names import clean_name
from domain.vocabulary import OrganisationKind

PARTIAL_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
CURATED_ID = re.compile(
    r"^(src|org|network|programme|person|post|event|document):[a-z0-9][a-z0-9-]*$")
LANGUAGES = ("ar", "fr", "nl", "en", "de", "zgh")


def _partial_date(value: str) -> str:
    if not PARTIAL_DATE.match(value):
        raise ValueError("not an ISO date: write YYYY, YYYY-MM or YYYY-MM-DD")
    return value


def _curated_id(value: str) -> str:
    if not CURATED_ID.match(value):
        raise ValueError("not a curated id: '<kind>:<lowercase-slug>', kind one of "
                         "src, org, network, programme, person, post, event, document")
    return value


PartialDate = Annotated[str, AfterValidator(_partial_date)]
# NFKC-normalised; no controls, overrides, empty-looking names or mixed-script homoglyphs.
NameText = Annotated[str, AfterValidator(clean_name)]
CuratedId = Annotated[str, AfterValidator(_curated_id)]
Sources = Annotated[list[str], Field(min_length=1)]


class Record(BaseModel):
    """Strict: unknown fields are an error, not silently dropped."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class TerritoryLookup(Record):
    """A collectivity of the backbone, found by code or by name, level and parent."""

    code: str | None = None
    name: str | None = None
    level: Literal["REGION", "PROVINCE", "COMMUNE", "MUNICIPALITY"] | None = None
    parent: str | None = None
    country: Literal["MA", "BE"] = "MA"

    @model_validator(mode="after")
    def _code_or_name(self) -> TerritoryLookup:
        if not self.code and not (self.name and self.level):
            raise ValueError("a territorial reference needs `code`, or `name` and `level`")
        return self


Ref = str | TerritoryLookup
"""A curated id (`org:enabel`), a backbone id (`MA:02.081`, `BE:21013`) or a look-up."""


class Alias(Record):
    lang: Literal["ar", "fr", "nl", "en", "de", "zgh"]
    text: NameText


class Named(Record):
    """A curated entity: id, names by language, aliases, sources."""

    id: CuratedId
    name: Annotated[dict[Literal["ar", "fr", "nl", "en", "de", "zgh"], NameText],
                    Field(min_length=1)]
    aliases: list[Alias] = []
    note: str | None = None
    sources: Sources


class SourceRecord(Record):
    id: CuratedId
    file: str | None = None
    url: str | None = None
    title: Annotated[str, Field(min_length=1)]
    publisher: str | None = None
    language: Literal["ar", "fr", "nl", "en", "de", "zgh"]
    published: PartialDate | None = None
    kind: Literal["ARTICLE", "DOCUMENT", "DATASET"] = "ARTICLE"
    note: str | None = None


class OrganisationRecord(Named):
    kind: OrganisationKind
    country: Literal["MA", "BE", "EU"] | None = None
    partOf: Ref | None = None


class NetworkRecord(Named):
    founded: PartialDate | None = None


class ProgrammeRecord(Named):
    kind: Literal["PROGRAMME", "COMPONENT", "PHASE", "PROJECT", "PLAN"]
    start: PartialDate | None = None
    end: PartialDate | None = None
    partOf: Ref | None = None


class PersonRecord(Named):
    pass


class PostRecord(Named):
    body: Ref


class EventRecord(Named):
    kind: Literal["WORKSHOP", "COUNCIL_SESSION", "STUDY_DAY", "MEETING", "TRAINING"]
    status: Literal["HELD", "PLANNED"] = "HELD"
    start: PartialDate | None = None
    end: PartialDate | None = None
    venue: str | None = None
    place: Ref | None = None
    programme: Ref | None = None
    agenda: list[str] = []
    outcomes: list[str] = []


class DocumentRecord(Named):
    kind: Literal["CHARTER", "PARTNERSHIP_AGREEMENT", "GUIDE", "DECISION", "REPORT", "PLAN"]
    number: str | None = None
    date: PartialDate | None = None
    event: Ref | None = None
    programme: Ref | None = None


class LinkRecord(Record):
    """A reified relationship: dates, an optional note, and its sources."""

    since: PartialDate | None = None
    until: PartialDate | None = None
    note: str | None = None
    sources: Sources


class MembershipRecord(LinkRecord):
    network: Ref
    member: Ref


class TwinningRecord(LinkRecord):
    parties: Annotated[list[Ref], Field(min_length=2, max_length=2)]
    programme: Ref | None = None
    status: Literal["ACTIVE", "ENDED", "PLANNED"] = "ACTIVE"


class ParticipationRecord(LinkRecord):
    programme: Ref
    participant: Ref
    role: Literal["FUNDER", "IMPLEMENTER", "ACCOUNTABLE", "EXTENDING", "PARTNER", "BENEFICIARY"]


class HoldingRecord(LinkRecord):
    post: Ref
    person: Ref


class AttendanceRecord(LinkRecord):
    event: Ref
    participant: Ref
    role: Literal["ORGANISER", "HOST", "CHAIR", "SPEAKER", "TRAINER", "PARTICIPANT"]


class DocumentPartyRecord(LinkRecord):
    document: Ref
    party: Ref
    role: Literal["AUTHOR", "SIGNATORY", "ADOPTER", "ISSUER"]


class StatedCountRecord(Record):
    """A number an article states about an entity, kept as a sourced fact."""

    subject: Ref
    measure: Literal["MEMBERS", "PARTICIPANTS", "WORKSHOPS", "PARTNERS"]
    category: Annotated[str, Field(min_length=1)]
    value: Annotated[int, Field(ge=0)]
    asOf: PartialDate | None = None
    note: str | None = None
    sources: Sources


class CuratedFile(Record):
    """A whole curated file; each section is a list of records."""

    format: Literal["registry-network/1"]
    sources: list[SourceRecord] = []
    organisations: list[OrganisationRecord] = []
    networks: list[NetworkRecord] = []
    programmes: list[ProgrammeRecord] = []
    persons: list[PersonRecord] = []
    posts: list[PostRecord] = []
    events: list[EventRecord] = []
    documents: list[DocumentRecord] = []
    memberships: list[MembershipRecord] = []
    twinnings: list[TwinningRecord] = []
    participations: list[ParticipationRecord] = []
    holdings: list[HoldingRecord] = []
    attendances: list[AttendanceRecord] = []
    documentParties: list[DocumentPartyRecord] = []
    statedCounts: list[StatedCountRecord] = []
