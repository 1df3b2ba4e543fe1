"""Morocco's backbone records: country, regions, provinces, cercles, communes, arrondissements."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from importers.problems import Problem
from importers.territory import hcp
from importers.territory.hcp import SOURCE_ID, ma
from importers.territory.records import TerritoryRecord

COUNTRY_ID = "MA"
COUNTRY_NAMES = {"fr": "Maroc", "ar": "المغرب", "en": "Morocco"}
PROVINCE_TYPES = {"province": "PROVINCE", "prefecture": "PREFECTURE",
                  "prefecture_of_arrondissements": "PREFECTURE_OF_ARRONDISSEMENTS"}


def _figures(row: hcp._Row) -> dict[str, Any]:
    return {"code": row.code, "country": COUNTRY_ID, "population": row.population_2024,
            "households": row.households_2024}


def _record(row: hcp._Row, level: str, props: dict[str, Any],
            links: list[tuple[str, str]]) -> TerritoryRecord:
    return TerritoryRecord(ma(row.code), level, {**_figures(row), **props},
                           {"fr": row.name_fr, "ar": row.name_ar}, SOURCE_ID,
                           [*links, ("SOURCED_FROM", SOURCE_ID)])


def country() -> TerritoryRecord:
    """Morocco itself, the root of the hierarchy."""
    return TerritoryRecord(COUNTRY_ID, "COUNTRY", {"code": COUNTRY_ID, "country": COUNTRY_ID,
                                                   "type": "COUNTRY"},
                           COUNTRY_NAMES, SOURCE_ID, [("SOURCED_FROM", SOURCE_ID)])


def records(problems: list[Problem]) -> list[TerritoryRecord]:
    """Every Moroccan unit as a record, checking that each parent exists."""
    tables, known = hcp.read_tables(problems)

    def parent(table: str, row: hcp._Row, field: str, code: str | None) -> None:
        if code is not None and code not in known[table]:
            problems.append(Problem(f"{hcp.DATASET}: {row.__class__.__name__}", row.code, field,
                                    f"refers to {table[:-1]} {code!r}, which does not exist"))

    out = [country()]
    for r in tables["regions"]:
        out.append(_record(r, "REGION", {"type": "REGION", "hasCouncil": True},
                           [("IN_COUNTRY", COUNTRY_ID)]))
    for p in tables["provinces"]:
        parent("regions", p, "region_code", p.region_code)
        out.append(_record(p, "PROVINCE", {
            "type": PROVINCE_TYPES[p.type], "regionId": ma(p.region_code),
            "parentId": ma(p.region_code),
            # HCP's prefectures of arrondissements (inside Casablanca) have no council of their own.
            "hasCouncil": p.type != "prefecture_of_arrondissements",
        }, [("PART_OF", ma(p.region_code))]))
    for c in tables["cercles"]:
        parent("provinces", c, "province_code", c.province_code)
        out.append(_record(c, "CERCLE", {"type": "CERCLE", "regionId": ma(c.region_code),
                                         "provinceId": ma(c.province_code),
                                         "parentId": ma(c.province_code)},
                           [("CERCLE_OF", ma(c.province_code))]))
    out += [_commune(m, parent) for m in tables["communes"]]
    communes = {m.code: m for m in tables["communes"]}
    for a in tables["arrondissements"]:
        parent("communes", a, "commune_code", a.commune_code)
        commune = communes.get(a.commune_code)
        out.append(_record(a, "ARRONDISSEMENT", {
            "type": "ARRONDISSEMENT", "communeId": ma(a.commune_code),
            "parentId": ma(a.commune_code),
            "regionId": ma(commune.region_code) if commune else None,
            "provinceId": ma(commune.province_code) if commune else None,
        }, [("ARRONDISSEMENT_OF", ma(a.commune_code))]))
    return out


ParentCheck = Callable[[str, hcp._Row, str, str | None], None]


def _commune(m: hcp.CommuneRow, parent: ParentCheck) -> TerritoryRecord:
    parent("provinces", m, "province_code", m.province_code)
    parent("cercles", m, "cercle_code", m.cercle_code)
    links = [("PART_OF", ma(m.province_code))]
    if m.cercle_code:
        links.append(("IN_CERCLE", ma(m.cercle_code)))
    return _record(m, "COMMUNE", {
        "type": m.type.upper(), "regionId": ma(m.region_code), "provinceId": ma(m.province_code),
        "cercleId": ma(m.cercle_code) if m.cercle_code else None,
        "parentId": ma(m.province_code), "population2014": m.population_2014,
        "hasCouncil": True,
    }, links)
