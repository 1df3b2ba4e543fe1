"""Field types of the curated format and the API's inputs: dates, ids, names, sources."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, Field

from domain.names import clean_name

PARTIAL_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")


def _partial_date(value: str) -> str:
    if not PARTIAL_DATE.match(value):
        raise ValueError("not an ISO date: write YYYY, YYYY-MM or YYYY-MM-DD")
    return value


def _curated_id(value: str) -> str:
    # The prefixes come from the model; imported here to keep this module a leaf otherwise.
    from domain.model import CURATED_ID, PREFIXES
    if not CURATED_ID.match(value):
        raise ValueError("not a curated id: '<kind>:<lowercase-slug>', kind one of "
                         + ", ".join(PREFIXES))
    return value


PartialDate = Annotated[str, AfterValidator(_partial_date)]
# NFKC-normalised; no controls, overrides, empty-looking names or mixed-script homoglyphs.
NameText = Annotated[str, AfterValidator(clean_name)]
CuratedId = Annotated[str, AfterValidator(_curated_id)]
Sources = Annotated[list[str], Field(min_length=1)]
NonEmptyText = Annotated[str, Field(min_length=1)]
Count = Annotated[int, Field(ge=0)]
Confidence = Annotated[float, Field(ge=0, le=1, allow_inf_nan=False)]
