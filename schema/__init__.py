"""The GraphQL schema: an Apollo Federation v2 subgraph."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Final

import strawberry
from strawberry.extensions import SchemaExtension

from schema.query import Query
from schema.territory_units import TERRITORY_TYPES

# Hive Gateway composes federation versions up to 2.9; Apollo accepts it too.
FEDERATION_VERSION: Final = "2.9"


ExtensionFactory = type[SchemaExtension] | Callable[[], SchemaExtension]


def build_schema(extensions: Sequence[ExtensionFactory] = ()) -> strawberry.federation.Schema:
    """The registry's federated schema, with the given extensions."""
    return strawberry.federation.Schema(
        query=Query, types=TERRITORY_TYPES, federation_version=FEDERATION_VERSION,
        extensions=list(extensions),
    )
