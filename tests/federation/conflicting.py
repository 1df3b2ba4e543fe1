# mypy: disable-error-code="untyped-decorator"
"""The negative control: a subgraph that redefines a registry field without @shareable.

It resolves `Commune.nameFr`, which the registry already resolves and does not
mark `@shareable`. Federation v2 forbids two subgraphs resolving one field
unless both allow it, so composing it with the registry must fail with
INVALID_FIELD_SHARING.
"""

from __future__ import annotations

from typing import Any, Final

import strawberry

FEDERATION_VERSION: Final = "2.9"


@strawberry.federation.type(keys=["id"], description="A commune, with a French name of "
                                                       "its own.")
class Commune:
    id: strawberry.ID
    name_fr: str | None = strawberry.field(description="Redefined: the registry owns this.")

    @classmethod
    def resolve_reference(cls, id: strawberry.ID, **rest: Any) -> Commune:
        return cls(id=id, name_fr="Autre nom")


@strawberry.type
class Query:
    @strawberry.field
    def renamed_communes(self) -> list[Commune]:
        return [Commune(id=strawberry.ID("MA:02.113.01.09"), name_fr="Berkane (bis)")]


schema = strawberry.federation.Schema(query=Query, federation_version=FEDERATION_VERSION)
