"""The per-request context: the counted graph client, settings and DataLoaders."""

from __future__ import annotations

from dataclasses import dataclass, field

from starlette.requests import Request
from strawberry.types import Info as StrawberryInfo

from graph.client import CountingClient
from resolvers.loaders import Loaders
from settings import Settings


@dataclass
class Context:
    """What every resolver of one request shares."""

    graph: CountingClient
    settings: Settings
    request: Request | None = None
    loaders: Loaders = field(init=False)

    def __post_init__(self) -> None:
        self.loaders = Loaders(self.graph)


Info = StrawberryInfo[Context, None]
