"""The two CSV files, read and validated row by row: one pydantic model per file, every
column named (a missing or unknown column is a problem), values typed."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from datetime import date, datetime, time
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, model_validator

from domain.vocabulary import ProgrammeStatus
from importers.problems import Problem, problems_from
from importers.worldbank.repair import Repaired, repair

DATA_DIR = Path(__file__).resolve().parents[2] / "data" / "datasets"
PROJECTS = "worldbank-morocco-projects.csv"
LOCATIONS = "worldbank-morocco-locations.csv"


def _date(value: Any) -> Any:
    """A date written `1994-04-06` or `1994-04-06T00:00:00Z` (midnight only)."""
    if isinstance(value, str) and "T" in value:
        moment = datetime.fromisoformat(value)
        if moment.time() != time(0):
            raise ValueError("a date, not a time of day: write YYYY-MM-DD")
        return moment.date()
    return value


Day = Annotated[date, BeforeValidator(_date)]
Amount = Annotated[float, Field(ge=0, allow_inf_nan=False)]
ProjectId = Annotated[str, Field(pattern=r"^P\d{6}$")]


class WorldBankStatus(StrEnum):
    """The dataset's statuses, as it writes them."""

    ACTIVE = "Active"
    CLOSED = "Closed"
    DROPPED = "Dropped"
    PIPELINE = "Pipeline"

    @property
    def programme_status(self) -> ProgrammeStatus:
        """The registry's status."""
        return ProgrammeStatus(self.name)


class _Row(BaseModel):
    """Every column named (none missing, none unknown); an empty cell is None."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    @model_validator(mode="before")
    @classmethod
    def _empty_is_none(cls, data: Any) -> Any:
        if isinstance(data, dict):
            return {key: None if value == "" else value for key, value in data.items()}
        return data


class ProjectRow(_Row):
    """One row of worldbank-morocco-projects.csv."""

    id: ProjectId
    regionname: str | None
    countryshortname: Literal["Morocco"]
    status: WorldBankStatus
    last_stage_reached_name: str | None
    project_name: Annotated[str, Field(min_length=1)]
    pdo: str | None
    impagency: str | None
    public_disclosure_date: Day | None
    boardapprovaldate: Day | None
    loan_effective_date: Day | None
    closingdate: Day | None
    curr_project_cost: Amount | None
    curr_ibrd_commitment: Amount | None
    idacommamt: Amount | None
    grantamt: Amount | None
    curr_total_commitment: Amount | None
    borrower: str | None
    lendinginstr: str | None
    envassesmentcategorycode: str | None
    esrc_ovrl_risk_rate: str | None
    supplementprojectflg: Literal["Y", "N"] | None
    cons_serv_reqd_ind: str | None
    projectfinancialtype: str | None

    @model_validator(mode="after")
    def _closes_after_approval(self) -> ProjectRow:
        if self.boardapprovaldate and self.closingdate \
                and self.closingdate < self.boardapprovaldate:
            raise ValueError(f"closingdate {self.closingdate} is before boardapprovaldate "
                             f"{self.boardapprovaldate}")
        return self


class LocationRow(_Row):
    """One row of worldbank-morocco-locations.csv: a place a project is geocoded at."""

    project_id: ProjectId
    geo_loc_id: Annotated[str, Field(pattern=r"^\d+$")]
    place_id: Annotated[str, Field(min_length=1)]
    wbg_country_key: Literal["MA"] | None
    geo_loc_name: str | None
    geo_latitude_number: Annotated[float, Field(ge=-90, le=90)]
    geo_longitude_number: Annotated[float, Field(ge=-180, le=180)]
    admin_unit1_name: str | None
    admin_unit2_name: str | None


@dataclass(frozen=True)
class TextIssue:
    """A cell whose text was repaired, or holds characters that cannot be recovered."""

    file: str
    row: str
    column: str
    before: str
    after: str
    repaired: bool
    lost: int


@dataclass
class Rows:
    """The valid rows of one file by label (`row 2 (P005347)`), and the text issues."""

    file: str
    valid: list[tuple[str, Any]] = field(default_factory=list)
    texts: list[TextIssue] = field(default_factory=list)


def read(path: Path, model: type[_Row], problems: list[Problem]) -> Rows:
    """Read, repair and validate every row of a CSV file; problems are appended."""
    out = Rows(path.name)
    try:
        with path.open(encoding="utf-8", newline="") as stream:
            records = list(csv.DictReader(stream))
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        problems.append(Problem(path.name, "(file)", "", f"cannot read: {error}"))
        return out
    for number, record in enumerate(records, start=2):  # row 1 is the header
        label = f"row {number}" + (f" ({record.get('id') or record.get('project_id')})"
                                   if record.get("id") or record.get("project_id") else "")
        cells = _cells(out, label, record, problems)
        if cells is None:
            continue
        try:
            out.valid.append((label, model.model_validate(cells)))
        except ValidationError as error:
            problems.extend(problems_from(error, path.name, label))
    return out


def _cells(out: Rows, label: str, record: dict[Any, Any],
           problems: list[Problem]) -> dict[str, str] | None:
    """A record's cells, repaired; None (with a problem) when it has too many or too few."""
    if None in record or any(value is None for value in record.values()):
        problems.append(Problem(out.file, label, "", "the row does not have one value per "
                                                     "column"))
        return None
    cells: dict[str, str] = {}
    for column, value in record.items():
        fixed: Repaired = repair(value)
        if fixed.changed or fixed.lost:
            out.texts.append(TextIssue(out.file, label, column, value, fixed.text,
                                       fixed.changed, fixed.lost))
        cells[column] = fixed.text
    return cells
