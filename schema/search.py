"""Search results: the entity found, the name that matched and a readable label."""

from __future__ import annotations

from enum import Enum

import strawberry
from strawberry import Private

from resolvers import territory as resolve
from resolvers.context import Info
from resolvers.search import Hit
from schema.entity import node_from
from schema.node import Node
from schema.territory import Name


@strawberry.enum(description="How a searched text matched a name.")
class MatchQuality(Enum):
    EXACT = strawberry.enum_value(0, description="The whole name.")
    PREFIX = strawberry.enum_value(1, description="The start of the name.")
    WORD = strawberry.enum_value(2, description="The start of a word of the name, or every "
                                                "word of the text in the name in any order.")
    TRANSLITERATION = strawberry.enum_value(
        3, description="The name sounds like the text: a Latin spelling of a name written in "
                       "Arabic script or the reverse (Maghrebi French conventions: ou/u, ch/sh, "
                       "kh, dj/j, el-/al-, doubled letters), or another spelling of it.")
    FUZZY = strawberry.enum_value(4, description="The name's words within a typo or two "
                                                 "(one from 4 letters, two from 8).")
    PARTIAL = strawberry.enum_value(5, description="Some of the text's words only (tried when "
                                                   "nothing else matched).")


@strawberry.enum(description="Kinds of entities a search can be limited to.")
class EntityKind(Enum):
    COUNTRY = "Country"
    REGION = "Region"
    PROVINCE = "Province"
    CERCLE = "Cercle"
    COMMUNE = "Commune"
    ARRONDISSEMENT = "Arrondissement"
    MUNICIPALITY = "Municipality"
    ORGANISATION = "Organisation"
    NETWORK = "Network"
    PROGRAMME = "Programme"
    PERSON = "Person"
    POST = "Post"
    EVENT = "Event"
    DOCUMENT = "Document"
    SOURCE = "Source"


@strawberry.type(description="An entity found by one of its names.")
class SearchHit:
    entity: Node
    matched_name: Name
    match: MatchQuality
    hit: Private[Hit]

    @strawberry.field(description="A readable label: name, kind and where it is.")
    async def label(self, info: Info) -> str:
        record = self.hit.record
        name: str | None = (record.get("nameFr") or record.get("nameNl") or record.get("nameEn")
                            or record.get("nameAr") or record.get("title")
                            or record.get("nameUnd"))  # a gazetteer's name, language unstated
        if "level" not in record:
            kind = (record.get("kind") or "").lower().replace("_", " ")
            return f"{name} ({record['entityType'].lower()}{', ' + kind if kind else ''})"
        # A unit from the gazetteer has no parent in the registry: its country says where.
        within = record.get("parentId") or record.get("regionId") or (
            record.get("country") if record.get("level") != "COUNTRY" else None)
        parent = await resolve.by_reference(info, within)
        where = ""
        if parent:
            parent_name: str | None = (parent.get("nameFr") or parent.get("nameNl")
                                       or parent.get("nameEn"))
            where = f", {parent_name}"
        return f"{name} ({record['level'].lower().replace('_', ' ')}{where})"


def hit_from(hit: Hit) -> SearchHit:
    """The GraphQL search hit for a resolved hit."""
    name = Name(text=hit.name["text"], lang=hit.name["lang"], kind=hit.name["kind"])
    return SearchHit(entity=node_from(hit.record), matched_name=name,
                     match=MatchQuality(int(hit.rank)), hit=hit)
