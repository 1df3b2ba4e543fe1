"""The concrete territorial types: countries, regions, provinces, communes and the rest."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import strawberry
from strawberry import Private

from resolvers import network as resolve_network
from resolvers import territory as resolve
from resolvers.context import Info
from schema.federation import territory_reference
from schema.pagination import Connection, connection_from
from schema.territory import (
    BRIEF_FIELDS,
    Collectivity,
    Territory,
    territories_from,
    territory_from,
    unit_type,
)
from schema.territory_inputs import CollectivityOrder, ordering

GAZETTEER_CODE = "gn"
_PAGE = "At most the maximum page size (100 by default) per page."


async def _communes_page(info: Info, parent_id: str, relation: str, first: int | None,
                         after: str | None, order_by: CollectivityOrder | None
                         ) -> Connection[Collectivity]:
    page = await resolve.children_page(info, parent_id, relation, ordering(order_by),
                                       first, after, BRIEF_FIELDS)
    return connection_from(page, territory_from)


@unit_type("COUNTRY")
@strawberry.federation.type(keys=["id"], description="A country: Morocco, or a partner's.")
class Country(Territory):
    @classmethod
    async def resolve_reference(cls, info: Info, id: Any = None, **rest: Any) -> Country | None:
        return await territory_reference(info, cls, id, by_code=False, **rest)

    @strawberry.field(description="The country's regions, by name.")
    async def regions(self, info: Info) -> list[Region]:
        return territories_from(await resolve.children(info, self.id, "IN_COUNTRY"))


@unit_type("REGION")
@strawberry.federation.type(keys=["id", "code"], description="A region (jiha, gewest).")
class Region(Collectivity):
    @classmethod
    async def resolve_reference(cls, info: Info, id: Any = None, code: Any = None,
                                **rest: Any) -> Region | None:
        return await territory_reference(info, cls, id, code, **rest)

    @strawberry.field(description="Its provinces and prefectures, by name.")
    async def provinces(self, info: Info) -> list[Province]:
        rows = await resolve.children(info, self.id, "PART_OF")
        return territories_from([row for row in rows if row["level"] == "PROVINCE"])

    @strawberry.field(description="Its communes (municipalities abroad), all provinces together. "
                                  + _PAGE)
    async def communes(self, info: Info, first: int | None = None, after: str | None = None,
                       order_by: CollectivityOrder | None = None) -> Connection[Collectivity]:
        return await _communes_page(info, self.id, "REGION_COMMUNES", first, after, order_by)


@unit_type("PROVINCE")
@strawberry.federation.type(keys=["id", "code"],
                            description="A province or prefecture (or a province abroad).")
class Province(Collectivity):
    @classmethod
    async def resolve_reference(cls, info: Info, id: Any = None, code: Any = None,
                                **rest: Any) -> Province | None:
        return await territory_reference(info, cls, id, code, **rest)

    @strawberry.field(description="The region it belongs to.")
    async def region(self, info: Info) -> Region | None:
        return territory_from(await resolve.by_reference(info, self.region_id))

    @strawberry.field(description="Its communes (municipalities abroad). " + _PAGE)
    async def communes(self, info: Info, first: int | None = None, after: str | None = None,
                       order_by: CollectivityOrder | None = None) -> Connection[Collectivity]:
        return await _communes_page(info, self.id, "PART_OF", first, after, order_by)

    @strawberry.field(description="Its cercles (administrative subdivisions of rural areas).")
    async def cercles(self, info: Info) -> list[Cercle]:
        return territories_from(await resolve.children(info, self.id, "CERCLE_OF"))


@unit_type("COMMUNE")
@strawberry.federation.type(keys=["id", "code"], description="A Moroccan commune, urban or "
                                                               "rural.")
class Commune(Collectivity):
    population_2014: int | None = strawberry.field(
        name="population2014", description="Population at the 2014 census (RGPH 2014).")
    cercle_id: Private[str | None]

    @classmethod
    async def resolve_reference(cls, info: Info, id: Any = None, code: Any = None,
                                **rest: Any) -> Commune | None:
        return await territory_reference(info, cls, id, code, **rest)

    @strawberry.field(description="The province or prefecture it belongs to.")
    async def province(self, info: Info) -> Province | None:
        return territory_from(await resolve.by_reference(info, self.province_id))

    @strawberry.field(description="The region it belongs to.")
    async def region(self, info: Info) -> Region | None:
        return territory_from(await resolve.by_reference(info, self.region_id))

    @strawberry.field(description="The cercle it lies in (rural communes).")
    async def cercle(self, info: Info) -> Cercle | None:
        return territory_from(await resolve.by_reference(info, self.cercle_id))

    @strawberry.field(description="Its arrondissements (in the largest cities).")
    async def arrondissements(self, info: Info) -> list[Arrondissement]:
        return territories_from(await resolve.children(info, self.id, "ARRONDISSEMENT_OF"))


@unit_type("MUNICIPALITY")
@strawberry.federation.type(keys=["id", "code"], description="A local government abroad, "
                                                               "e.g. a Belgian municipality.")
class ForeignMunicipality(Collectivity):
    @classmethod
    async def resolve_reference(cls, info: Info, id: Any = None, code: Any = None,
                                **rest: Any) -> ForeignMunicipality | None:
        return await territory_reference(info, cls, id, code, **rest)

    @strawberry.field(description="Its province (none in the Brussels-Capital Region).")
    async def province(self, info: Info) -> Province | None:
        return territory_from(await resolve.by_reference(info, self.province_id))

    @strawberry.field(description="Its region.")
    async def region(self, info: Info) -> Region | None:
        return territory_from(await resolve.by_reference(info, self.region_id))

    @strawberry.field(description="The usual display name: French, else Dutch, else Arabic.")
    async def name(self, info: Info) -> str:
        # A municipality from the gazetteer has only GeoNames' name, in no stated language.
        known = self.name_fr or self.name_nl or self.name_ar or self.name_en
        if known:
            return known
        props: Mapping[str, object] = await resolve_network.entity(info, self.id) or {}
        return str(props.get("nameUnd") or self.code)

    @strawberry.field(description="Its GeoNames id (gazetteer): every municipality from "
                                  "the gazetteer has one (its code is `gn` and this id); a "
                                  "Belgian municipality has one once a dataset matched it.")
    async def geonames_id(self, info: Info) -> int | None:
        if self.code.startswith(GAZETTEER_CODE) and self.code[2:].isdigit():
            return int(self.code[2:])
        props: Mapping[str, object] = await resolve_network.entity(info, self.id) or {}
        value = props.get("geonamesId")
        return value if isinstance(value, int) else None


@unit_type("CERCLE")
@strawberry.federation.type(keys=["id", "code"], description="A cercle: an administrative "
                                                               "subdivision of a province.")
class Cercle(Territory):
    @classmethod
    async def resolve_reference(cls, info: Info, id: Any = None, code: Any = None,
                                **rest: Any) -> Cercle | None:
        return await territory_reference(info, cls, id, code, **rest)

    @strawberry.field(description="The province it belongs to.")
    async def province(self, info: Info) -> Province | None:
        return territory_from(await resolve.by_reference(info, self.province_id))

    @strawberry.field(description="The communes in the cercle, by name.")
    async def communes(self, info: Info) -> list[Commune]:
        return territories_from(await resolve.children(info, self.id, "IN_CERCLE"))


@unit_type("ARRONDISSEMENT")
@strawberry.federation.type(keys=["id", "code"], description="An arrondissement: a "
                                                               "subdivision of a large commune.")
class Arrondissement(Territory):
    commune_id: Private[str | None]

    @classmethod
    async def resolve_reference(cls, info: Info, id: Any = None, code: Any = None,
                                **rest: Any) -> Arrondissement | None:
        return await territory_reference(info, cls, id, code, **rest)

    @strawberry.field(description="The commune it belongs to.")
    async def commune(self, info: Info) -> Commune | None:
        return territory_from(await resolve.by_reference(info, self.commune_id))


TERRITORY_TYPES: list[type] = [Country, Region, Province, Commune, ForeignMunicipality, Cercle,
                               Arrondissement]
