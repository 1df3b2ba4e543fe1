"""The Node interface: every entity of the registry has a stable, readable id."""

from __future__ import annotations

import strawberry


@strawberry.interface(description="An entity with a registry-wide id: `MA:<HCP code>`, "
                                  "`BE:<REFNIS code>`, or `<kind>:<slug>` for curated ones.")
class Node:
    id: strawberry.ID
