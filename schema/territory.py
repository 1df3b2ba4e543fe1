"""GraphQL types of the territorial backbone: the Territory and Collectivity interfaces."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import strawberry
from strawberry import Private

from domain.vocabulary import Level
from graph.rows import TerritoryKey, TerritoryRow
from resolvers import lookups
from resolvers import network as resolve_network
from resolvers import territory as resolve
from resolvers.context import Info
from schema import actor, links_field
from schema.mentions_field import mentioned_in_field
from schema.node import Node
from schema.vocabularies import register

if TYPE_CHECKING:
    from schema.source import Source
    from schema.territory_units import Country


register(Level)


@strawberry.enum(description="The kind of unit, as its official source classes it.")
class TerritoryType(Enum):
    COUNTRY = "COUNTRY"
    REGION = "REGION"
    PROVINCE = "PROVINCE"
    PREFECTURE = "PREFECTURE"
    PREFECTURE_OF_ARRONDISSEMENTS = strawberry.enum_value(
        "PREFECTURE_OF_ARRONDISSEMENTS",
        description="HCP's prefectures of arrondissements inside Casablanca (no council).")
    CERCLE = "CERCLE"
    URBAN = strawberry.enum_value("URBAN", description="An urban commune (municipalité).")
    RURAL = strawberry.enum_value("RURAL", description="A rural commune.")
    ARRONDISSEMENT = "ARRONDISSEMENT"
    MUNICIPALITY = "MUNICIPALITY"


@strawberry.type(description="One name of an entity, in one language.")
class Name:
    text: str
    lang: str = strawberry.field(description="ISO 639-1 language code: ar, fr, nl, de, en.")
    kind: str = strawberry.field(description="official (from the source dataset) or alias.")


@strawberry.interface(description="Any territorial unit: country, region, province, cercle, "
                                  "commune, arrondissement or municipality abroad.")
class Territory(Node):
    code: str = strawberry.field(description="Official code: HCP for Morocco, REFNIS for "
                                             "Belgium, ISO 3166 for a country.")
    country_code: str = strawberry.field(description="ISO 3166 code of the country.")
    level: Level
    type: TerritoryType
    name_fr: str | None = strawberry.field(description="Name in French.")
    name_ar: str | None = strawberry.field(description="Name in Arabic.")
    name_nl: str | None = strawberry.field(description="Name in Dutch.")
    population: int | None = strawberry.field(
        description="Population at the 2024 census (RGPH 2024, HCP); none for Belgium.")
    households: int | None = strawberry.field(description="Households at the 2024 census.")
    name_en: Private[str | None]
    parent_id: Private[str | None]
    region_id: Private[str | None]
    province_id: Private[str | None]

    @strawberry.field(description="The usual display name: French, else Dutch, else Arabic.")
    def name(self) -> str:
        # English: a country new to the registry, named as the gazetteer's list names it.
        return self.name_fr or self.name_nl or self.name_ar or self.name_en or self.code

    @strawberry.field(description="Every name held, in every language.")
    async def names(self, info: Info) -> list[Name]:
        return [Name(**row) for row in await lookups.names(info, self.id)]

    @strawberry.field(description="The datasets and articles that state this unit.")
    async def sources(self, info: Info) -> list[Annotated[Source, strawberry.lazy(
            "schema.source")]]:
        from schema.source import Source
        return [Source.from_row(row) for row in await resolve_network.sources(info, self.id)]

    @strawberry.field(description="The country the unit is in.")
    async def country(self, info: Info) -> Annotated[
            Country, strawberry.lazy("schema.territory_units")] | None:
        return territory_from(await resolve.by_id(info, self.country_code))


@strawberry.federation.interface(keys=["id"], description="A territorial collectivity (region, "
                                 "province or prefecture, commune) or a local government "
                                 "abroad: the parties to cooperation.")
class Collectivity(Territory):
    has_council: bool = strawberry.field(
        description="Whether the unit has its own elected council.")

    @classmethod
    async def resolve_reference(cls, info: Info, id: strawberry.ID | None = None,
                                **rest: Any) -> Any:
        # Partners extend every collectivity at once with @interfaceObject.
        from schema.federation import collectivity_reference
        return await collectivity_reference(info, id, **rest)

    @strawberry.field(description="The collectivity this one belongs to (none for a region).")
    async def parent(self, info: Info) -> Collectivity | None:
        return territory_from(await resolve.by_reference(info, self.parent_id))

    @strawberry.field(description="The collectivities directly below this one, by name.")
    async def children(self, info: Info) -> list[Collectivity]:
        return territories_from(await resolve.children(info, self.id, "PART_OF"))

    networks = actor.networks_field()
    twinnings = actor.twinnings_field()
    programmes = actor.programmes_field()
    events = actor.events_field()
    partners = actor.partners_field()
    mentioned_in = mentioned_in_field()
    links = links_field.links_field()


# GraphQL field name -> record key, for the fields a record fills directly.
_RECORD_KEYS: dict[str, TerritoryKey] = {
    "id": "id", "code": "code", "country_code": "country", "name_fr": "nameFr",
    "name_ar": "nameAr", "name_nl": "nameNl", "name_en": "nameEn", "population": "population",
    "households": "households", "population_2014": "population2014",
    "has_council": "hasCouncil", "parent_id": "parentId", "region_id": "regionId",
    "province_id": "provinceId", "cercle_id": "cercleId", "commune_id": "communeId",
}
# The GraphQL fields a brief unit (graph.territory.BRIEF_KEYS) answers: its own fields
# but households and the 2014 population, and the relations found from its id, its
# country or its parent. A list asking for nothing else reads brief units.
BRIEF_FIELDS = frozenset({
    "__typename", "id", "code", "countryCode", "level", "type", "nameFr", "nameAr", "nameNl",
    "name", "population", "hasCouncil", "names", "sources", "country", "parent", "children",
    "networks", "twinnings", "programmes", "events", "partners", "links", "regions",
    "provinces", "cercles", "communes", "arrondissements",
})
_TYPE_BY_LEVEL: dict[str, tuple[Any, list[tuple[str, TerritoryKey]]]] = {}


TypeT = TypeVar("TypeT", bound=type)


def unit_type(level: str) -> Callable[[TypeT], TypeT]:
    """Register the GraphQL type that stands for units of `level`."""
    def register(cls: TypeT) -> TypeT:
        # The (field, record key) pairs are worked out once: lists build thousands.
        fields = getattr(cls, "__dataclass_fields__", {})
        _TYPE_BY_LEVEL[level] = (cls, [(name, _RECORD_KEYS[name]) for name in fields
                                       if name in _RECORD_KEYS])
        return cls
    return register


def territory_from(record: TerritoryRow | None) -> Any:
    """The GraphQL object for a territory record, by its level; None stays None."""
    if record is None:
        return None
    cls, keys = _TYPE_BY_LEVEL[record["level"]]
    get = record.get
    return cls(level=Level(record["level"]), type=TerritoryType(record["type"]),
               **{name: get(key) for name, key in keys})


def territories_from(records: Iterable[TerritoryRow]) -> list[Any]:
    """GraphQL objects for many territory records."""
    return [territory_from(record) for record in records]
