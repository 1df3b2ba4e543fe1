"""Reading the territorial backbone: look-ups, hierarchy, filtered pages, counts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, LiteralString, cast

from graph.client import GraphClient, Row
from graph.rows import ChildRow, LevelCountRow, TerritoryKey, TerritoryRow, UnitPageRow

# The territory fields the API serves. Statements return them as a list, in this
# order, and `_unit` zips them back into the plain map the layers above use: a list
# costs half the objects of a map on the wire and in the client's parser, which
# dominated reading the 1,503 communes of the full hierarchy.
TERRITORY_KEYS: tuple[TerritoryKey, ...] = (
    "id", "code", "country", "level", "type", "nameFr", "nameAr", "nameNl", "nameDe", "nameEn",
    "nameSort", "population", "households", "population2014", "hasCouncil", "parentId",
    "regionId", "provinceId", "cercleId", "communeId")
_N_FIELDS: LiteralString = (
    "[n.id, n.code, n.country, n.level, n.type, n.nameFr, n.nameAr, n.nameNl, n.nameDe, "
    "n.nameEn, n.nameSort, n.population, n.households, n.population2014, n.hasCouncil, "
    "n.parentId, n.regionId, n.provinceId, n.cercleId, n.communeId]"
)
_C_FIELDS: LiteralString = (
    "[c.id, c.code, c.country, c.level, c.type, c.nameFr, c.nameAr, c.nameNl, c.nameDe, "
    "c.nameEn, c.nameSort, c.population, c.households, c.population2014, c.hasCouncil, "
    "c.parentId, c.regionId, c.provinceId, c.cercleId, c.communeId]"
)
_T_FIELDS: LiteralString = (
    "[t.id, t.code, t.country, t.level, t.type, t.nameFr, t.nameAr, t.nameNl, t.nameDe, "
    "t.nameEn, t.nameSort, t.population, t.households, t.population2014, t.hasCouncil, "
    "t.parentId, t.regionId, t.provinceId, t.cercleId, t.communeId]"
)


def _unit(values: Sequence[Any]) -> TerritoryRow:
    """The plain map of a territory from its field list."""
    return cast(TerritoryRow, dict(zip(TERRITORY_KEYS, values, strict=True)))


def _units(rows: list[Row], keys: tuple[str, ...] = TERRITORY_KEYS) -> list[Row]:
    """Rows with their `unit` field list turned into the map `n`, in place.

    (Statements alias the list `unit`, not `n`: an alias `n` would hide the node `n`
    from the ORDER BY that follows the RETURN.)
    """
    for row in rows:
        row["n"] = dict(zip(keys, row.pop("unit"), strict=True))
    return rows

TERRITORIES_BY_IDS: LiteralString = (
    "UNWIND $ids AS id MATCH (n:Entity {id: id}) WHERE n:Territory "
    "RETURN " + _N_FIELDS + " AS unit"
)

TERRITORIES_BY_CODES: LiteralString = (
    "UNWIND $codes AS code MATCH (n:Territory {code: code}) "
    "RETURN " + _N_FIELDS + " AS unit"
)

# The fields of a brief unit: what a long list of units shows (names, population,
# identity, parent), without the fields most units leave empty. The 1,503 communes of
# the full hierarchy read twice as fast this way.
BRIEF_KEYS: tuple[TerritoryKey, ...] = (
    "id", "code", "country", "level", "type", "nameFr", "nameAr", "nameNl", "nameSort",
    "population", "hasCouncil", "parentId")
_C_BRIEF: LiteralString = (
    "[c.id, c.code, c.country, c.level, c.type, c.nameFr, c.nameAr, c.nameNl, c.nameSort, "
    "c.population, c.hasCouncil, c.parentId]"
)
_CHILDREN_ORDER: LiteralString = " AS unit ORDER BY pid, c.nameSort, c.id"
# Children of many parents in one round trip, one statement per relation
# type (relation types cannot be parameters). Ordered by name within a parent.
_CHILDREN_MATCH: dict[str, LiteralString] = {
    "PART_OF": "UNWIND $ids AS pid MATCH (:Entity {id: pid})<-[:PART_OF]-(c:Territory)",
    "IN_COUNTRY": "UNWIND $ids AS pid MATCH (:Entity {id: pid})<-[:IN_COUNTRY]-(c:Territory)",
    "CERCLE_OF": "UNWIND $ids AS pid MATCH (:Entity {id: pid})<-[:CERCLE_OF]-(c:Territory)",
    "IN_CERCLE": "UNWIND $ids AS pid MATCH (:Entity {id: pid})<-[:IN_CERCLE]-(c:Territory)",
    "ARRONDISSEMENT_OF": "UNWIND $ids AS pid "
    "MATCH (:Entity {id: pid})<-[:ARRONDISSEMENT_OF]-(c:Territory)",
    # Communes (municipalities abroad) of a region, under a province or directly.
    "REGION_COMMUNES": "UNWIND $ids AS pid "
    "MATCH (:Entity {id: pid})<-[:PART_OF*1..2]-(c:Collectivity) "
    "WHERE c.level IN ['COMMUNE', 'MUNICIPALITY']",
}
CHILDREN: dict[str, LiteralString] = {
    relation: match + " RETURN pid AS parentId, " + _C_FIELDS + _CHILDREN_ORDER
    for relation, match in _CHILDREN_MATCH.items()
}
# Brief children serve the paginated lists of communes (a region's, a province's) only.
CHILDREN_BRIEF: dict[str, LiteralString] = {
    relation: _CHILDREN_MATCH[relation] + " RETURN pid AS parentId, " + _C_BRIEF
    + _CHILDREN_ORDER for relation in ("PART_OF", "REGION_COMMUNES")
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
    # A twin abroad: looked for only when asked (CASE), after the cheap filters.
    "WITH n, CASE WHEN $twinnedAbroad IS NULL THEN true "
    "ELSE (size([(n)<-[a:INVOLVES]-(l:Link)-[b:INVOLVES]->(f:Entity) "
    "WHERE a.slot = 'party' AND b.slot = 'party' AND l.kind = 'TWINNING' "
    "AND coalesce(l.retired, false) = false AND f.country <> n.country | f.id]) > 0) "
    "= $twinnedAbroad END AS kept WHERE kept "
)
_SORT_KEY: LiteralString = (
    "WITH n, CASE $orderBy WHEN 'POPULATION' THEN coalesce(n.population, -1) "
    "WHEN 'CODE' THEN n.code ELSE n.nameSort END AS k "
)
# The page is cut (ORDER BY ... LIMIT in a WITH) before its units are projected:
# projecting every matching unit first cost a 100-commune page 40% more. The RETURN
# sorts its few rows again, so the order does not rest on WITH keeping it.
_ASC: LiteralString = (
    "WHERE $afterId IS NULL OR k > $afterKey OR (k = $afterKey AND n.id > $afterId) "
    "WITH n, k ORDER BY k ASC, n.id ASC LIMIT $limit RETURN "
)
_DESC: LiteralString = (
    "WHERE $afterId IS NULL OR k < $afterKey OR (k = $afterKey AND n.id > $afterId) "
    "WITH n, k ORDER BY k DESC, n.id ASC LIMIT $limit RETURN "
)
_N_BRIEF: LiteralString = (
    "[n.id, n.code, n.country, n.level, n.type, n.nameFr, n.nameAr, n.nameNl, n.nameSort, "
    "n.population, n.hasCouncil, n.parentId]"
)
COLLECTIVITIES_ASC: LiteralString = (
    _FILTER + _SORT_KEY + _ASC + _N_FIELDS + " AS unit, k AS sortKey ORDER BY k ASC, n.id ASC"
)
COLLECTIVITIES_DESC: LiteralString = (
    _FILTER + _SORT_KEY + _DESC + _N_FIELDS + " AS unit, k AS sortKey ORDER BY k DESC, n.id ASC"
)
COLLECTIVITIES_ASC_BRIEF: LiteralString = (
    _FILTER + _SORT_KEY + _ASC + _N_BRIEF + " AS unit, k AS sortKey ORDER BY k ASC, n.id ASC"
)
COLLECTIVITIES_DESC_BRIEF: LiteralString = (
    _FILTER + _SORT_KEY + _DESC + _N_BRIEF + " AS unit, k AS sortKey ORDER BY k DESC, n.id ASC"
)
COLLECTIVITIES_COUNT: LiteralString = _FILTER + "RETURN count(n) AS total"

COUNTRIES: LiteralString = (
    "MATCH (n:Country) RETURN " + _N_FIELDS + " AS unit ORDER BY n.id"
)

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
    twinned_abroad: bool | None = None

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
            "twinnedAbroad": self.twinned_abroad,
        }


async def territories_by_ids(db: GraphClient, ids: Sequence[str]) -> list[TerritoryRow]:
    """Territories with these ids (missing ones are absent)."""
    return [_unit(row["unit"]) for row in await db.read(TERRITORIES_BY_IDS, {"ids": list(ids)})]


async def territories_by_codes(db: GraphClient, codes: Sequence[str]) -> list[TerritoryRow]:
    """Territories with these official codes (HCP or REFNIS)."""
    return [_unit(row["unit"]) for row in await db.read(TERRITORIES_BY_CODES,
                                                     {"codes": list(codes)})]


async def children(db: GraphClient, relation: str, parent_ids: Sequence[str],
                   brief: bool = False) -> list[ChildRow]:
    """Rows of (parentId, n) for the children of many parents along one relation;
    `brief`: `n` holds only BRIEF_KEYS."""
    statement = CHILDREN_BRIEF[relation] if brief else CHILDREN[relation]
    return cast(list[ChildRow], _units(await db.read(statement, {"ids": list(parent_ids)}),
                                       BRIEF_KEYS if brief else TERRITORY_KEYS))


async def collectivity_page(db: GraphClient, where: CollectivityFilter, order_by: str,
                            descending: bool, after: tuple[Any, str] | None,
                            limit: int, brief: bool = False) -> list[UnitPageRow]:
    """One keyset page of collectivities: rows of (n, sortKey); `brief`: `n` holds only
    BRIEF_KEYS."""
    params = {**where.params(), "orderBy": order_by, "limit": limit,
              "afterKey": after[0] if after else None, "afterId": after[1] if after else None}
    if brief:
        query = COLLECTIVITIES_DESC_BRIEF if descending else COLLECTIVITIES_ASC_BRIEF
        return cast(list[UnitPageRow], _units(await db.read(query, params), BRIEF_KEYS))
    query = COLLECTIVITIES_DESC if descending else COLLECTIVITIES_ASC
    return cast(list[UnitPageRow], _units(await db.read(query, params)))


async def collectivity_count(db: GraphClient, where: CollectivityFilter) -> int:
    """How many collectivities match the filter."""
    rows = await db.read(COLLECTIVITIES_COUNT, where.params())
    return int(rows[0]["total"])


async def countries(db: GraphClient) -> list[TerritoryRow]:
    """Every country of the backbone."""
    return [_unit(row["unit"]) for row in await db.read(COUNTRIES)]


async def counts_by_level(db: GraphClient) -> list[LevelCountRow]:
    """How many territorial units of each level each country has."""
    return cast(list[LevelCountRow], await db.read(COUNTS_BY_LEVEL))

TERRITORIES_BY_NAME_KEYS: LiteralString = (
    "UNWIND $keys AS key "
    "MATCH (k:Name {key: key}) MATCH (t:Territory {id: k.entityId}) "
    "WITH DISTINCT key, t "
    "RETURN key, " + _T_FIELDS + " AS unit ORDER BY key, t.id"
)


async def territories_by_name_keys(db: GraphClient, keys: Sequence[str]) -> list[Row]:
    """Rows of (key, territory) for every unit having a name with one of `keys`."""
    return _units(await db.read(TERRITORIES_BY_NAME_KEYS, {"keys": list(keys)}))
