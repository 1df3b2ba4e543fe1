"""Reading the territorial backbone: look-ups, hierarchy, filtered pages, counts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, LiteralString

from graph.client import GraphClient, Row

# The territory fields the API serves, projected explicitly so both backends
# return the same plain map.
TERRITORY_FIELDS: LiteralString = (
    "{.id, .code, .country, .level, .type, .nameFr, .nameAr, .nameNl, .nameDe, .nameEn, .nameSort, "
    ".population, .households, .population2014, .hasCouncil, "
    ".parentId, .regionId, .provinceId, .cercleId, .communeId}"
)

TERRITORIES_BY_IDS: LiteralString = (
    "UNWIND $ids AS id MATCH (n:Entity {id: id}) WHERE n:Territory "
    "RETURN n" + TERRITORY_FIELDS + " AS n"
)

TERRITORIES_BY_CODES: LiteralString = (
    "UNWIND $codes AS code MATCH (n:Territory {code: code}) "
    "RETURN n" + TERRITORY_FIELDS + " AS n"
)

# Children of many parents in one round trip, one statement per relation
# type (relation types cannot be parameters). Ordered by name within a parent.
_CHILDREN_TAIL: LiteralString = (
    " RETURN pid AS parentId, c" + TERRITORY_FIELDS + " AS n ORDER BY pid, c.nameSort, c.id"
)
CHILDREN: dict[str, LiteralString] = {
    "PART_OF": "UNWIND $ids AS pid MATCH (:Entity {id: pid})<-[:PART_OF]-(c:Territory)"
    + _CHILDREN_TAIL,
    "IN_COUNTRY": "UNWIND $ids AS pid MATCH (:Entity {id: pid})<-[:IN_COUNTRY]-(c:Territory)"
    + _CHILDREN_TAIL,
    "CERCLE_OF": "UNWIND $ids AS pid MATCH (:Entity {id: pid})<-[:CERCLE_OF]-(c:Territory)"
    + _CHILDREN_TAIL,
    "IN_CERCLE": "UNWIND $ids AS pid MATCH (:Entity {id: pid})<-[:IN_CERCLE]-(c:Territory)"
    + _CHILDREN_TAIL,
    "ARRONDISSEMENT_OF": "UNWIND $ids AS pid "
    "MATCH (:Entity {id: pid})<-[:ARRONDISSEMENT_OF]-(c:Territory)" + _CHILDREN_TAIL,
    # Communes (municipalities abroad) of a region, under a province or directly.
    "REGION_COMMUNES": "UNWIND $ids AS pid "
    "MATCH (:Entity {id: pid})<-[:PART_OF*1..2]-(c:Collectivity) "
    "WHERE c.level IN ['COMMUNE', 'MUNICIPALITY']" + _CHILDREN_TAIL,
}

_FILTER: LiteralString = (
    "MATCH (n:Collectivity) "
    "WHERE ($country IS NULL OR n.country = $country) "
    "AND ($levels IS NULL OR n.level IN $levels) "
    "AND ($types IS NULL OR n.type IN $types) "
    "AND ($regionId IS NULL OR n.regionId = $regionId) "
    "AND ($provinceId IS NULL OR n.provinceId = $provinceId) "
    "AND ($populationMin IS NULL OR n.population >= $populationMin) "
    "AND ($populationMax IS NULL OR n.population <= $populationMax) "
)
_SORT_KEY: LiteralString = (
    "WITH n, CASE $orderBy WHEN 'POPULATION' THEN coalesce(n.population, -1) "
    "WHEN 'CODE' THEN n.code ELSE n.nameSort END AS k "
)
_PAGE_RETURN: LiteralString = " RETURN n" + TERRITORY_FIELDS + " AS n, k AS sortKey "

COLLECTIVITIES_ASC: LiteralString = (
    _FILTER + _SORT_KEY
    + "WHERE $afterId IS NULL OR k > $afterKey OR (k = $afterKey AND n.id > $afterId)"
    + _PAGE_RETURN + "ORDER BY k ASC, n.id ASC LIMIT $limit"
)
COLLECTIVITIES_DESC: LiteralString = (
    _FILTER + _SORT_KEY
    + "WHERE $afterId IS NULL OR k < $afterKey OR (k = $afterKey AND n.id > $afterId)"
    + _PAGE_RETURN + "ORDER BY k DESC, n.id ASC LIMIT $limit"
)
COLLECTIVITIES_COUNT: LiteralString = _FILTER + "RETURN count(n) AS total"

COUNTRIES: LiteralString = "MATCH (n:Country) RETURN n" + TERRITORY_FIELDS + " AS n ORDER BY n.id"

COUNTS_BY_LEVEL: LiteralString = (
    "MATCH (n:Territory) RETURN n.country AS country, n.level AS level, count(n) AS count "
    "ORDER BY country, level"
)


@dataclass(frozen=True)
class CollectivityFilter:
    """Which collectivities a page holds; `None` means no restriction."""

    country: str | None = None
    levels: tuple[str, ...] | None = None
    types: tuple[str, ...] | None = None
    region_id: str | None = None
    province_id: str | None = None
    population_min: int | None = None
    population_max: int | None = None

    def params(self) -> dict[str, Any]:
        """Statement parameters for this filter."""
        return {
            "country": self.country,
            "levels": list(self.levels) if self.levels else None,
            "types": list(self.types) if self.types else None,
            "regionId": self.region_id,
            "provinceId": self.province_id,
            "populationMin": self.population_min,
            "populationMax": self.population_max,
        }


async def territories_by_ids(db: GraphClient, ids: Sequence[str]) -> list[Row]:
    """Territories with these ids (missing ones are absent)."""
    return [row["n"] for row in await db.read(TERRITORIES_BY_IDS, {"ids": list(ids)})]


async def territories_by_codes(db: GraphClient, codes: Sequence[str]) -> list[Row]:
    """Territories with these official codes (HCP or REFNIS)."""
    return [row["n"] for row in await db.read(TERRITORIES_BY_CODES, {"codes": list(codes)})]


async def children(db: GraphClient, relation: str, parent_ids: Sequence[str]) -> list[Row]:
    """Rows of (parentId, n) for the children of many parents along one relation."""
    return await db.read(CHILDREN[relation], {"ids": list(parent_ids)})


async def collectivity_page(db: GraphClient, where: CollectivityFilter, order_by: str,
                            descending: bool, after: tuple[Any, str] | None,
                            limit: int) -> list[Row]:
    """One keyset page of collectivities: rows of (n, sortKey)."""
    params = {**where.params(), "orderBy": order_by, "limit": limit,
              "afterKey": after[0] if after else None, "afterId": after[1] if after else None}
    query = COLLECTIVITIES_DESC if descending else COLLECTIVITIES_ASC
    return await db.read(query, params)


async def collectivity_count(db: GraphClient, where: CollectivityFilter) -> int:
    """How many collectivities match the filter."""
    rows = await db.read(COLLECTIVITIES_COUNT, where.params())
    return int(rows[0]["total"])


async def countries(db: GraphClient) -> list[Row]:
    """Every country of the backbone."""
    return [row["n"] for row in await db.read(COUNTRIES)]


async def counts_by_level(db: GraphClient) -> list[Row]:
    """How many territorial units of each level each country has."""
    return await db.read(COUNTS_BY_LEVEL)

TERRITORIES_BY_NAME_KEYS: LiteralString = (
    "UNWIND $keys AS key "
    "MATCH (k:Name {key: key}) MATCH (t:Territory {id: k.entityId}) "
    "WITH DISTINCT key, t "
    "RETURN key, t" + TERRITORY_FIELDS + " AS n ORDER BY key, t.id"
)


async def territories_by_name_keys(db: GraphClient, keys: Sequence[str]) -> list[Row]:
    """Rows of (key, territory) for every unit having a name with one of `keys`."""
    return await db.read(TERRITORIES_BY_NAME_KEYS, {"keys": list(keys)})
