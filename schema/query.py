"""The root Query type: look-ups, lists and search."""

from __future__ import annotations

from typing import Annotated

import strawberry

from resolvers import network as resolve_network
from resolvers import search as resolve_search
from resolvers import territory as resolve
from resolvers.context import Info
from schema.articles_query import ArticlesQuery
from schema.change import ChangesQuery
from schema.entity import node_from
from schema.link import link_from
from schema.network_query import NetworkQuery
from schema.node import Node
from schema.pagination import Connection, connection_from
from schema.programme_query import ProgrammeQuery
from schema.questions import QuestionsQuery
from schema.search import EntityKind, SearchHit, hit_from
from schema.territory import (
    BRIEF_FIELDS,
    Collectivity,
    Territory,
    territories_from,
    territory_from,
)
from schema.territory_inputs import CollectivityFilter, CollectivityOrder, ordering
from schema.territory_units import Country, Region
from schema.text_query import TextQuery
from schema.twinning import TwinningQuery


@strawberry.type
class Query(NetworkQuery, QuestionsQuery, ChangesQuery, TwinningQuery, ProgrammeQuery,
            ArticlesQuery, TextQuery):
    @strawberry.field(description="Any entity or link by its registry id; null if there is "
                                  "none.")
    async def node(self, info: Info, id: strawberry.ID) -> Node | None:
        found = node_from(await resolve_network.entity(info, id))
        if found is None and (row := await resolve_network.link(info, id)) is not None:
            return link_from(row)
        return found

    @strawberry.field(description="A territorial unit (including cercles, arrondissements and "
                                  "countries) by id or official code; null if there is none.")
    async def territory(self, info: Info, id: strawberry.ID | None = None,
                        code: str | None = None) -> Territory | None:
        return territory_from(await resolve.lookup(info, id, code))

    @strawberry.field(description="A collectivity by id (MA:02.113) or official code (02.113, "
                                  "21013); null if there is none.")
    async def collectivity(self, info: Info, id: strawberry.ID | None = None,
                           code: str | None = None) -> Collectivity | None:
        record = await resolve.lookup(info, id, code)
        if record is None or record["level"] in ("COUNTRY", "CERCLE", "ARRONDISSEMENT"):
            return None
        return territory_from(record)

    @strawberry.field(description="Collectivities matching a filter, one page at a time "
                                  "(default 20, at most the maximum page size, 100 by default).")
    async def collectivities(self, info: Info, filter: CollectivityFilter | None = None,
                             order_by: CollectivityOrder | None = None, first: int | None = None,
                             after: str | None = None) -> Connection[Collectivity]:
        query = filter.to_query() if filter else resolve.CollectivityQuery()
        page = await resolve.collectivity_page(info, query, ordering(order_by), first, after,
                                              BRIEF_FIELDS)
        return connection_from(page, territory_from)

    @strawberry.field(description="The countries of the backbone.")
    async def countries(self, info: Info) -> list[Country]:
        return territories_from(await resolve.countries(info))

    @strawberry.field(description="The regions of a country (Morocco unless told), by name.")
    async def regions(self, info: Info, country: str = "MA") -> list[Region]:
        return territories_from(await resolve.children(info, country, "IN_COUNTRY"))

    @strawberry.field(description="Entities by any of their names, in Arabic, French or Dutch, "
                                  "ignoring case, accents, Arabic diacritics and letter variants "
                                  "and a leading 'Commune de', 'جماعة', 'إقليم', 'عمالة'; then "
                                  "by their sound in the other script ('Azzouzi' finds "
                                  "عزوزوي), then within a typo, then by some of the words. "
                                  "Best first: see `match`.")
    async def search(self, info: Info, text: str, types: list[EntityKind] | None = None,
                     first: int | None = None,
                     region: Annotated[strawberry.ID | None, strawberry.argument(
                         description="Only the region with this id (MA:02), the units in it "
                                     "and the entities part of one of those, held in one "
                                     "(events) or placed in one (programmes).")] = None,
                     ) -> list[SearchHit]:
        labels = [kind.value for kind in types] if types else None
        hits = await resolve_search.search(info, text, labels, first, region)
        return [hit_from(hit) for hit in hits]
