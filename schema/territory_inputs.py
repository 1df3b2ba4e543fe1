"""Inputs for listing collectivities: filter and order."""

from __future__ import annotations

from enum import Enum

import strawberry

from domain.vocabulary import Level
from resolvers.pagination import Ordering
from resolvers.territory import CollectivityQuery
from schema.territory import TerritoryType


@strawberry.input(description="An inclusive range of whole numbers; either end may be left out.")
class IntRange:
    min: int | None = None
    max: int | None = None


@strawberry.input(description="Which collectivities to list; every given condition must hold.")
class CollectivityFilter:
    country: str | None = strawberry.field(default=None,
                                           description="ISO 3166 code, e.g. MA or BE.")
    level: list[Level] | None = strawberry.field(
        default=None, description="One level or several, e.g. COMMUNE or [REGION, PROVINCE].")
    type: list[TerritoryType] | None = strawberry.field(
        default=None, description="One type or several, e.g. RURAL or [PROVINCE, PREFECTURE].")
    region: strawberry.ID | None = strawberry.field(
        default=None, description="Units within this region, by id (MA:02) or code (02).")
    province: strawberry.ID | None = strawberry.field(
        default=None, description="Units within this province, by id (MA:02.113) or code.")
    population: IntRange | None = strawberry.field(
        default=None, description="2024 population between min and max.")
    twinned_abroad: bool | None = strawberry.field(
        default=None, description="true: only those with a twin in another country; "
                                  "false: only those without.")

    def to_query(self) -> CollectivityQuery:
        """The filter in the resolvers' terms."""
        population = self.population or IntRange()
        return CollectivityQuery(
            country=self.country,
            levels=tuple(level.value for level in self.level) if self.level else None,
            types=tuple(kind.value for kind in self.type) if self.type else None,
            region=self.region, province=self.province,
            population_min=population.min, population_max=population.max,
            twinned_abroad=self.twinned_abroad)


@strawberry.enum(description="What to sort collectivities by; ties are broken by id.")
class CollectivityOrderField(Enum):
    NAME = "NAME"
    POPULATION = "POPULATION"
    CODE = "CODE"


@strawberry.enum
class OrderDirection(Enum):
    ASC = "ASC"
    DESC = "DESC"


@strawberry.input(description="Sort order of a list of collectivities.")
class CollectivityOrder:
    field: CollectivityOrderField = CollectivityOrderField.NAME
    direction: OrderDirection = OrderDirection.ASC

    def to_ordering(self) -> Ordering:
        """The order in the resolvers' terms."""
        return Ordering(self.field.value, self.direction is OrderDirection.DESC)


def ordering(order: CollectivityOrder | None) -> Ordering:
    """The given order, or by name ascending."""
    return order.to_ordering() if order else Ordering()
