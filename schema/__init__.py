"""The GraphQL schema: an Apollo Federation v2 subgraph."""

from __future__ import annotations

import strawberry
from strawberry.extensions import SchemaExtension

from schema.query import Query
from schema.territory_units import TERRITORY_TYPES

# Hive Gateway composes federation versions up to 2.9; Apollo accepts it too.
FEDERATION_VERSION = "2.9"


def build_schema(extensions: list[type[SchemaExtension] | SchemaExtension] | None = None
                 ) -> strawberry.federation.Schema:
    """The registry's federated schema, with the given extensions."""
    return strawberry.federation.Schema(
        query=Query, types=TERRITORY_TYPES, federation_version=FEDERATION_VERSION,
        extensions=list(extensions or []),
    )
