"""The network's shared vocabulary: the kinds of organisation, for import and API alike."""

from __future__ import annotations

from enum import StrEnum


class OrganisationKind(StrEnum):
    """Kinds of organisation. TERRITORIAL_ADMINISTRATION is a province's or prefecture's
    state administration, headed by the governor (distinct from its elected council)."""

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
