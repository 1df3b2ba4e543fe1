"""The shapes of the rows the graph layer hands to resolvers and schema.

Statements return plain maps (graph.client.Row, `dict[str, Any]`); the read functions
of graph/ cast their results to these TypedDicts, so that the layers above read them
through keys mypy checks: `row["nmae"]` is an error. (mypy lets `row.get("nmae")`
through, typed `object`: a misspelt `.get` is caught only where its value is used as
a `str`, an `int`...)

Map projections (`n{.*}`, `l{.*}`) leave out the properties a node does not have, so
their keys are not required (`total=False`), and a value is never None unless the
type says so. Territory rows are built from field lists (graph.territory) and hold
every field they list, None where the unit has no value.
"""

from __future__ import annotations

from typing import Literal, Required, TypedDict, get_args

# Nodes ---------------------------------------------------------------------------------


class TerritoryRow(TypedDict, total=False):
    """A territorial unit as graph.territory returns it: graph.territory.TERRITORY_KEYS
    (a brief unit: BRIEF_KEYS only)."""

    id: Required[str]
    code: str
    country: str
    level: str
    type: str
    nameFr: str | None
    nameAr: str | None
    nameNl: str | None
    nameDe: str | None
    nameEn: str | None
    nameSort: str
    population: int | None
    households: int | None
    population2014: int | None
    hasCouncil: bool | None
    parentId: str | None
    regionId: str | None
    provinceId: str | None
    cercleId: str | None
    communeId: str | None


TerritoryKey = Literal[
    "id", "code", "country", "level", "type", "nameFr", "nameAr", "nameNl", "nameDe",
    "nameEn", "nameSort", "population", "households", "population2014", "hasCouncil",
    "parentId", "regionId", "provinceId", "cercleId", "communeId",
]
"""A key of a territory row, for the code that reads them by name from a table."""
assert set(get_args(TerritoryKey)) == set(TerritoryRow.__annotations__)


class EntityRow(TerritoryRow, total=False):
    """Any entity node's properties (`n{.*}`): a curated entity (its `entityType` is its
    GraphQL type), a source, or a territorial unit (it has a `level`)."""

    entityType: str
    origin: str
    importHash: str
    nameUnd: str | None  # a gazetteer's name, in no stated language
    version: int
    retired: bool
    retiredOn: str
    note: str
    nameZgh: str
    # Organisation (with `country`), Programme, Event, Document, Source.
    kind: str
    # Network.
    founded: str
    # Programme and Event.
    start: str
    end: str
    # Event.
    status: str
    venue: str
    agenda: list[str]
    outcomes: list[str]
    # Document.
    number: str
    date: str
    # Source (curated, contributed, or a dataset of the backbone).
    title: str
    url: str
    file: str
    publisher: str
    language: str
    published: str
    licence: str
    retrievedAt: str
    via: str
    contributor: str
    contributorTokenId: str


# Links ---------------------------------------------------------------------------------


class LinkProps(TypedDict, total=False):
    """A link node's properties (`l{.*}`): its kind, role, dates, note and the own
    properties of its kind (domain.model.LinkKind.props)."""

    id: Required[str]
    kind: str
    role: str
    since: str
    until: str
    note: str
    origin: str
    importHash: str
    version: int
    retired: bool
    retiredOn: str
    # TWINNING.
    status: str
    # GROUP_ATTENDANCE.
    group: str
    count: int
    # STATED_COUNT.
    measure: str
    category: str
    value: int
    asOf: str


class PartyRow(TypedDict):
    """An entity taking part in a link, and the slot it plays."""

    slot: str
    id: str


class LinkRow(TypedDict):
    """A link with all its parties."""

    link: LinkProps
    parties: list[PartyRow]


class OwnedLinkRow(LinkRow):
    """A link found from one of its parties (`ownerId`)."""

    ownerId: str


# What entities and links hold ------------------------------------------------------------


class NameRow(TypedDict):
    """One name of an entity (a `Name` node's text, language and kind)."""

    text: str
    lang: str
    kind: str


class EntityNameRow(TypedDict):
    entityId: str
    name: NameRow


class SourceOfRow(TypedDict):
    """A source stating an entity or a link (`ownerId`)."""

    ownerId: str
    source: EntityRow


class MentionRow(TypedDict):
    """An entity or link (`isLink`) a source (`sourceId`) states."""

    sourceId: str
    id: str
    isLink: bool


class PartnerRow(TypedDict):
    """Who `ownerId` works with, through a TWINNING link, or a programme or document they
    are both parties to (`via` the kind, `throughId` the link's or the entity's id)."""

    ownerId: str
    partnerId: str
    via: str
    throughId: str


# Territory ------------------------------------------------------------------------------


class ChildRow(TypedDict):
    """A unit below `parentId`."""

    parentId: str
    n: TerritoryRow


class UnitPageRow(TypedDict):
    """A unit of a page of collectivities, with the key the page is sorted by."""

    n: TerritoryRow
    sortKey: str | int


class LevelCountRow(TypedDict):
    country: str
    level: str
    count: int


class CoverageUnitRow(TypedDict):
    """A Moroccan collectivity with what coverage counts."""

    id: str
    level: str
    regionId: str | None
    provinceId: str | None
    population: int | None


class MemberRow(TypedDict):
    """A member of a network or a party to a programme, with its role in it if any."""

    id: str
    role: str | None


# Traversal and search --------------------------------------------------------------------


class NeighbourRow(TypedDict):
    """One hop from `fromId`: through a link (`linkId`), or a territorial step (kind
    TERRITORY, no link, no role); `labels` are those of `toId`."""

    fromId: str
    toId: str
    linkId: str | None
    kind: str
    role: str | None
    labels: list[str]


class NameMatch(NameRow):
    """A name that matched a search, its key, and how well (0 whole, 1 start, 2 other)."""

    key: str
    rank: int


class SearchRow(TypedDict):
    """An entity found by name: its best rank and every name that matched."""

    id: str
    rank: int
    matches: list[NameMatch]
    contributed: bool
    population: int
    score: float


# Audit and contributions -----------------------------------------------------------------


class ChangeRow(TypedDict, total=False):
    """A `Change` node: one change, as recorded by resolvers.contributions.change_record
    (its None values are not stored)."""

    id: Required[str]
    at: Required[str]
    actor: Required[str]
    tokenId: str
    requestId: str
    clientRequestId: str
    action: Required[str]
    targetId: Required[str]
    targetKind: Required[str]
    before: str
    after: Required[str]
    sources: list[str]
    version: Required[int]
    # An import's record (importers.audit): the importer, the files read, and counts.
    importer: str
    fileNames: list[str]
    fileHashes: list[str]
    added: int
    changed: int
    removed: int


class FactRow(EntityRow, LinkProps, total=False):
    """The current properties of an entity or a link (with its `parties`), and `version`
    always set."""

    parties: list[PartyRow]


class CurrentRow(TypedDict):
    current: FactRow
    isLink: bool


class WrittenRow(TypedDict, total=False):
    """What a contribution's statement returns: the target's new version, and how many
    sources it cited and parties it joined."""

    version: int
    cited: int
    joined: int
