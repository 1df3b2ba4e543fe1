"""The GraphQL schema: an Apollo Federation v2 subgraph."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Final

from strawberry.extensions import SchemaExtension

from schema.caching import OperationCache
from schema.document import Document
from schema.event import Event
from schema.federation import RegistrySchema
from schema.link import LINK_TYPES
from schema.mutation_root import Mutation
from schema.network import Network
from schema.organisation import Organisation
from schema.person import Person, Post
from schema.programme import Programme
from schema.query import Query
from schema.source import Source
from schema.territory_units import TERRITORY_TYPES

# Every entity type, including those only reached through an interface or `_entities`.
TYPES = (*TERRITORY_TYPES, Organisation, Network, Programme, Person, Post, Event, Document,
         Source, *LINK_TYPES)

# Hive Gateway composes federation versions up to 2.9; Apollo accepts it too.
FEDERATION_VERSION: Final = "2.9"


ExtensionFactory = type[SchemaExtension] | Callable[[], SchemaExtension]


def build_schema(extensions: Sequence[ExtensionFactory] = ()) -> RegistrySchema:
    """The registry's federated schema, with the given extensions.

    Parsed documents and documents found valid are cached per schema (see
    `schema.caching`); the cache runs after the given extensions, so the rules
    and parser options they add are part of its keys.
    """
    return RegistrySchema(
        query=Query, mutation=Mutation, types=list(TYPES),
        federation_version=FEDERATION_VERSION,
        extensions=[*extensions, OperationCache().extension()],
    )
