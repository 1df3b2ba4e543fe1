"""The registry's configuration, read once from the environment."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Literal

from pydantic import AliasChoices, Field, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict


def default_data_dir() -> Path:
    """A per-user data directory, following the XDG convention."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "morocco-registry"


class Settings(BaseSettings):
    """Everything the registry reads from its environment.

    Registry settings use the `REGISTRY_` prefix; the Neo4j connection uses the
    variable names Neo4j's own tools use (`NEO4J_URI`, ...).
    """

    model_config = SettingsConfigDict(env_prefix="REGISTRY_", extra="ignore")

    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=0, le=65535)
    workers: int = Field(default=1, ge=1, le=64)
    # How long a worker may take to answer its supervisor's ping before it is replaced:
    # importing and building the app takes 3 to 5 s on a loaded 2-core machine, and
    # uvicorn's 5 s default replaced workers in a loop there.
    worker_healthcheck_s: int = Field(default=30, ge=1, le=600)
    data_dir: Path = Field(default_factory=default_data_dir)
    graph: str = Field(default="registry", pattern=r"^[A-Za-z0-9_-]{1,64}$")
    appendfsync: Literal["everysec", "always"] = "everysec"
    # Start on an append-only file whose last write is cut off, dropping that write.
    aof_load_truncated: bool = False
    autoload: bool = True
    max_page_size: int = Field(default=100, ge=1, le=1000)
    query_timeout_ms: int = Field(default=10_000, ge=100)
    request_timeout_ms: int = Field(default=30_000, ge=1)
    # How long a write waits for an import running in any process to end (then: retry later);
    # command-line tools (importers, tokens) wait `tool_write_wait_ms` instead.
    write_wait_ms: int = Field(default=20_000, ge=0)
    tool_write_wait_ms: int = Field(default=600_000, ge=0)
    graphiql: bool = True
    introspection: bool = True
    max_depth: int = Field(default=10, ge=2)
    max_tokens: int = Field(default=2_000, ge=100)
    max_aliases: int = Field(default=20, ge=0)
    # Objects an operation could return, computed before it runs (protection/cost.py).
    max_cost: int = Field(default=100_000, ge=1)
    max_body_bytes: int = Field(default=1_048_576, ge=1_024)
    # Admission (protection/admission.py): GraphQL requests running at once, places kept for
    # callers with a token, the line in front of them, and how long a body may take to arrive.
    max_concurrent: int = Field(default=32, ge=1)
    reserved_for_tokens: int = Field(default=8, ge=1)
    max_queue: int = Field(default=64, ge=0)
    queue_wait_ms: int = Field(default=5_000, ge=0)
    body_timeout_ms: int = Field(default=10_000, ge=100)
    header_timeout_ms: int = Field(default=10_000, ge=100)
    # Connections of one client address waiting for their headers (0: no limit; raise it
    # behind a proxy, where every client has the proxy's address).
    max_header_waits_per_client: int = Field(default=100, ge=0)
    # Comma-separated origins; `*` lets any page read; empty: no CORS.
    cors_origins: Annotated[list[str], NoDecode] = ["*"]
    trace_round_trips: bool = False

    falkordb_url: str | None = Field(
        default=None, validation_alias=AliasChoices("FALKORDB_URL", "REGISTRY_FALKORDB_URL")
    )
    neo4j_uri: str | None = Field(default=None, validation_alias="NEO4J_URI")
    neo4j_user: str = Field(default="neo4j", validation_alias="NEO4J_USER")
    neo4j_password: str | None = Field(default=None, validation_alias="NEO4J_PASSWORD")
    neo4j_database: str = Field(default="neo4j", validation_alias="NEO4J_DATABASE")

    @field_validator("cors_origins", mode="before")
    @classmethod
    def _split_origins(cls, value: object) -> object:
        if isinstance(value, str):
            return [part.strip() for part in value.split(",") if part.strip()]
        return value

    @property
    def backend_name(self) -> Literal["neo4j", "falkordb", "embedded"]:
        """Which graph backend these settings select."""
        if self.neo4j_uri:
            return "neo4j"
        if self.falkordb_url:
            return "falkordb"
        return "embedded"
