# mypy: disable-error-code="untyped-decorator"
"""A partner agency's own subgraph, as the supergraph tests compose it with the registry.

The agency (fictional, test data only) funds projects. Its subgraph owns
`Project` (title, budget), references the registry's collectivities by id
(`Commune`) and by code (`Region`) and its programmes by id, and adds a field of
its own to the registry's `Commune` and `Programme`: `projects`. The registry
never hears of projects; the gateway joins the two.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final

import strawberry
from strawberry import Private
from strawberry.federation.schema_directives import Key
from strawberry.federation.types import FieldSet

FEDERATION_VERSION: Final = "2.9"


@dataclass(frozen=True)
class ProjectRecord:
    id: str
    title: str
    budget: int
    year: int
    commune_ids: tuple[str, ...]
    region_code: str | None = None
    programme_id: str | None = None


# Real registry ids (HCP codes, curated programme); one id the registry does not know.
CIM = "programme:cim-2022-2026"
PROJECTS = (
    ProjectRecord("project:berkane-water", "Eau potable de Berkane", 12_500_000, 2023,
                  ("MA:02.113.01.09",), "02", CIM),
    ProjectRecord("project:midelt-schools", "Écoles rurales de Gourrama", 4_200_000, 2024,
                  ("MA:08.363.09.03",), "08", CIM),
    ProjectRecord("project:chtouka-irrigation", "Irrigation d'Oued Essafa et de Belfaâ",
                  7_800_000, 2025, ("MA:09.163.07.23", "MA:09.163.05.11"), "09"),
    ProjectRecord("project:ghost", "Projet dans une commune inconnue", 1_000, 2025,
                  ("MA:99.999.99.99",)),
)
UNKNOWN_COMMUNE = "MA:99.999.99.99"


def projects_in(commune_id: str) -> list[Project]:
    return [Project.from_record(p) for p in PROJECTS if commune_id in p.commune_ids]


# The registry's types carry no description here: composition would let the
# partner's description replace the registry's (INCONSISTENT_DESCRIPTION hint).
@strawberry.federation.type(keys=["id"])
class Commune:
    """The registry's commune, with this agency's projects in it."""

    id: strawberry.ID

    @strawberry.field(description="This agency's projects in the commune.")
    def projects(self) -> list[Project]:
        return projects_in(self.id)

    @classmethod
    def resolve_reference(cls, id: strawberry.ID, **rest: Any) -> Commune:
        return cls(id=id)


@strawberry.federation.type(keys=["id"])
class Programme:
    """The registry's programme, with the projects this agency funds within it."""

    id: strawberry.ID

    @strawberry.field(description="This agency's projects within the programme.")
    def projects(self) -> list[Project]:
        return [Project.from_record(p) for p in PROJECTS if p.programme_id == self.id]

    @classmethod
    def resolve_reference(cls, id: strawberry.ID, **rest: Any) -> Programme:
        return cls(id=id)


@strawberry.federation.type(keys=[Key(fields=FieldSet("code"), resolvable=False)])
class Region:
    """The registry's region, referenced by its HCP code."""

    code: str


@strawberry.federation.type(keys=["id"], description="A project the agency funds.")
class Project:
    id: strawberry.ID
    title: str
    budget: int = strawberry.field(description="Budget in Moroccan dirhams.")
    year: int
    commune_ids: Private[tuple[str, ...]]
    region_code: Private[str | None]
    programme_id: Private[str | None]

    @strawberry.field(description="The communes the project works in (registry entities).")
    def communes(self) -> list[Commune | None]:
        return [Commune(id=strawberry.ID(i)) for i in self.commune_ids]

    @strawberry.field(description="The region, by its HCP code (a registry entity).")
    def region(self) -> Region | None:
        return Region(code=self.region_code) if self.region_code else None

    @strawberry.field(description="The registry programme it is part of, if any.")
    def programme(self) -> Programme | None:
        return Programme(id=strawberry.ID(self.programme_id)) if self.programme_id else None

    @classmethod
    def from_record(cls, record: ProjectRecord) -> Project:
        return cls(id=strawberry.ID(record.id), title=record.title, budget=record.budget,
                   year=record.year, commune_ids=record.commune_ids,
                   region_code=record.region_code, programme_id=record.programme_id)

    @classmethod
    def resolve_reference(cls, id: strawberry.ID, **rest: Any) -> Project | None:
        return project(id)


def project(id: str) -> Project | None:
    return next((Project.from_record(p) for p in PROJECTS if p.id == id), None)


@strawberry.type
class Query:
    @strawberry.field(description="The agency's projects.")
    def projects(self) -> list[Project]:
        return [Project.from_record(p) for p in PROJECTS]

    @strawberry.field(name="project", description="A project by id.")
    def project_by_id(self, id: strawberry.ID) -> Project | None:
        return project(id)


schema = strawberry.federation.Schema(query=Query, types=[Commune, Programme, Region],
                                      federation_version=FEDERATION_VERSION)
