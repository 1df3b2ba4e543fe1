# mypy: disable-error-code="untyped-decorator"
"""A second partner's subgraph: a funder of grants to any collectivity, at any level.

It extends every collectivity at once, without knowing whether an id is a
region, a province, a commune or a municipality abroad: `Collectivity` is an
`@interfaceObject` here, which composes only if the registry declares
`interface Collectivity @key(fields: "id")` (an entity interface, federation
2.3+). Such a subgraph may not also define the registry's concrete types.
"""

from __future__ import annotations

from typing import Any, Final

import strawberry

FEDERATION_VERSION: Final = "2.9"

# Recipient ids of every collectivity level (fictional grants, real registry ids).
GRANTS = (
    ("grant:oriental-2024", "MA:02", 3_000_000, 2024),
    ("grant:berkane-province-2024", "MA:02.113", 900_000, 2024),
    ("grant:berkane-2025", "MA:02.113.01.09", 450_000, 2025),
    ("grant:saint-gilles-2025", "BE:21013", 120_000, 2025),
)


@strawberry.type(description="A grant to a collectivity.")
class Grant:
    id: strawberry.ID
    amount: int = strawberry.field(description="Amount in euros.")
    year: int
    recipient_id: strawberry.Private[str]

    @strawberry.field(description="Who receives it (a registry collectivity, of any level).")
    def recipient(self) -> Collectivity:
        return Collectivity(id=strawberry.ID(self.recipient_id))


def grants_to(recipient_id: str | None = None) -> list[Grant]:
    return [Grant(id=strawberry.ID(grant_id), amount=amount, year=year, recipient_id=recipient)
            for grant_id, recipient, amount, year in GRANTS
            if recipient_id is None or recipient == recipient_id]


@strawberry.federation.interface_object(keys=["id"])
class Collectivity:
    """Every registry collectivity, whatever its type, with its grants."""

    id: strawberry.ID

    @strawberry.field(description="Grants this funder gave it.")
    def grants(self) -> list[Grant]:
        return grants_to(self.id)

    @classmethod
    def resolve_reference(cls, id: strawberry.ID, **rest: Any) -> Collectivity:
        return cls(id=id)


@strawberry.type
class Query:
    @strawberry.field(description="Every grant.")
    def grants(self) -> list[Grant]:
        return grants_to()


schema = strawberry.federation.Schema(query=Query, types=[Collectivity],
                                      federation_version=FEDERATION_VERSION)
