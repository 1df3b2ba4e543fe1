"""Per-request DataLoaders: each batches the keys of one tick into one statement."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Awaitable, Callable, Hashable, Sequence
from functools import cached_property
from typing import TypeVar

from strawberry.dataloader import DataLoader

from graph import mentions as graph_mentions
from graph import names as graph_names
from graph import network as graph_network
from graph import territory as graph_territory
from graph.client import GraphClient
from graph.mentions import TextMentionRow
from graph.rows import (
    EntityRow,
    LinkRow,
    MentionRow,
    NameRow,
    OwnedLinkRow,
    PartnerRow,
    TerritoryRow,
)

R = TypeVar("R")
V = TypeVar("V")


def _by_key(rows: Sequence[R], key: Callable[[R], Hashable],
            keys: Sequence[Hashable]) -> list[R | None]:
    found = {key(row): row for row in rows}
    return [found.get(k) for k in keys]


def _grouped(rows: Sequence[R], key: Callable[[R], Hashable], value: Callable[[R], V],
             keys: Sequence[Hashable]) -> list[list[V]]:
    groups: dict[Hashable, list[V]] = defaultdict(list)
    for row in rows:
        groups[key(row)].append(value(row))
    return [groups.get(k, []) for k in keys]


def _same(row: R) -> R:
    return row


class Loaders:
    """The DataLoaders of one request, created lazily, sharing one graph client."""

    def __init__(self, db: GraphClient) -> None:
        self.db = db
        self._children: dict[tuple[str, bool], DataLoader[str, list[TerritoryRow]]] = {}
        self._links_of: dict[tuple[str, str, tuple[str, ...] | None],
                             DataLoader[str, list[OwnedLinkRow]]] = {}
        self._involving: dict[tuple[str, ...] | None,
                              DataLoader[str, list[OwnedLinkRow]]] = {}
        self._mentions_by: dict[tuple[str, int], DataLoader[str, list[TextMentionRow]]] = {}

    # Lazily: a request uses one or two loaders, and each costs its creation.
    @cached_property
    def territory(self) -> DataLoader[str, TerritoryRow | None]:
        """Territorial units by id."""
        return DataLoader(self._territories)

    @cached_property
    def territory_by_code(self) -> DataLoader[str, TerritoryRow | None]:
        """Territorial units by code."""
        return DataLoader(self._by_codes)

    @cached_property
    def names(self) -> DataLoader[str, list[NameRow]]:
        """Names of any entity, by id."""
        return DataLoader(self._names)

    @cached_property
    def entity(self) -> DataLoader[str, EntityRow | None]:
        """Curated entities by id."""
        return DataLoader(self._entities)

    @cached_property
    def link(self) -> DataLoader[str, LinkRow | None]:
        """Links with their parties, by id."""
        return DataLoader(self._links)

    @cached_property
    def sources(self) -> DataLoader[str, list[EntityRow]]:
        """Sources of an entity or link, by its id."""
        return DataLoader(self._sources)

    @cached_property
    def mentions(self) -> DataLoader[str, list[MentionRow]]:
        """What a source supports, by the source's id."""
        return DataLoader(self._mentions)

    @cached_property
    def partners(self) -> DataLoader[str, list[PartnerRow]]:
        """Partners of an entity, by its id."""
        return DataLoader(self._partners)

    def children(self, relation: str, brief: bool = False
                 ) -> DataLoader[str, list[TerritoryRow]]:
        """Children along `relation` (one of graph.territory.CHILDREN), by parent id;
        `brief`: with only graph.territory.BRIEF_KEYS."""
        if (relation, brief) not in self._children:
            self._children[(relation, brief)] = DataLoader(
                self._children_loader(relation, brief))
        return self._children[(relation, brief)]

    def links_of(self, kind: str, slot: str,
                 roles: tuple[str, ...] | None = None
                 ) -> DataLoader[str, list[OwnedLinkRow]]:
        """Links of `kind` in which the key entity plays `slot` (in one of `roles`, when
        given), with their parties."""
        if (kind, slot, roles) not in self._links_of:
            async def load(ids: list[str]) -> list[list[OwnedLinkRow]]:
                rows = await graph_network.links_of(self.db, kind, slot, ids, roles)
                self.link.prime_many({row["link"]["id"]: row for row in rows})
                return _grouped(rows, lambda row: row["ownerId"], _same, ids)
            self._links_of[(kind, slot, roles)] = DataLoader(load)
        return self._links_of[(kind, slot, roles)]

    def links_involving(self, kinds: tuple[str, ...] | None
                        ) -> DataLoader[str, list[OwnedLinkRow]]:
        """Every link the key entity takes part in, of one of `kinds` when given."""
        if kinds not in self._involving:
            async def load(ids: list[str]) -> list[list[OwnedLinkRow]]:
                rows = await graph_network.links_involving(self.db, ids, kinds)
                self.link.prime_many({row["link"]["id"]: row for row in rows})
                return _grouped(rows, lambda row: row["ownerId"], _same, ids)
            self._involving[kinds] = DataLoader(load)
        return self._involving[kinds]

    def text_mentions(self, side: str, first: int) -> DataLoader[str, list[TextMentionRow]]:
        """Mentions in articles' text: of the key entity (`side` "entity", newest source
        first) or in the key source (`side` "source", in the text's order), `first` each."""
        if (side, first) not in self._mentions_by:
            read = graph_mentions.mentioned_in if side == "entity" else graph_mentions.mentions_in

            async def load(ids: list[str]) -> list[list[TextMentionRow]]:
                rows = await read(self.db, ids, first)
                return _grouped(rows, lambda row: row["ownerId"], _same, ids)
            self._mentions_by[(side, first)] = DataLoader(load)
        return self._mentions_by[(side, first)]

    async def _entities(self, ids: list[str]) -> list[EntityRow | None]:
        rows = await graph_network.entities_by_ids(self.db, ids)
        return _by_key(rows, lambda row: row["id"], ids)

    async def _links(self, ids: list[str]) -> list[LinkRow | None]:
        rows = await graph_network.links_by_ids(self.db, ids)
        return _by_key(rows, lambda row: row["link"]["id"], ids)

    async def _sources(self, ids: list[str]) -> list[list[EntityRow]]:
        rows = await graph_network.sources_of(self.db, ids)
        return _grouped(rows, lambda row: row["ownerId"], lambda row: row["source"], ids)

    async def _mentions(self, ids: list[str]) -> list[list[MentionRow]]:
        rows = await graph_network.mentions_of(self.db, ids)
        return _grouped(rows, lambda row: row["sourceId"], _same, ids)

    async def _partners(self, ids: list[str]) -> list[list[PartnerRow]]:
        rows = await graph_network.partners_of(self.db, ids)
        return _grouped(rows, lambda row: row["ownerId"], _same, ids)

    async def _territories(self, ids: list[str]) -> list[TerritoryRow | None]:
        rows = await graph_territory.territories_by_ids(self.db, ids)
        return _by_key(rows, lambda row: row["id"], ids)

    async def _by_codes(self, codes: list[str]) -> list[TerritoryRow | None]:
        rows = await graph_territory.territories_by_codes(self.db, codes)
        self._prime(rows)
        return _by_key(rows, lambda row: row["code"], codes)

    async def _names(self, ids: list[str]) -> list[list[NameRow]]:
        rows = await graph_names.names_of(self.db, ids)
        return _grouped(rows, lambda row: row["entityId"], lambda row: row["name"], ids)

    def _children_loader(self, relation: str, brief: bool
                         ) -> Callable[[list[str]], Awaitable[list[list[TerritoryRow]]]]:
        async def load(parent_ids: list[str]) -> list[list[TerritoryRow]]:
            rows = await graph_territory.children(self.db, relation, parent_ids, brief)
            if not brief:  # a brief unit must not answer a later look-up of the whole unit
                self._prime([row["n"] for row in rows])
            return _grouped(rows, lambda row: row["parentId"], lambda row: row["n"], parent_ids)
        return load

    def _prime(self, rows: Sequence[TerritoryRow]) -> None:
        self.territory.prime_many({row["id"]: row for row in rows})
