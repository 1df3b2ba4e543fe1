"""API tokens: stored as a hash of their secret, never the secret itself."""

from __future__ import annotations

from typing import Any, LiteralString

from graph.client import GraphClient, Row

CREATE_TOKEN: LiteralString = "CREATE (t:Token) SET t += $props RETURN t.id AS id"
TOKEN_BY_ID: LiteralString = "MATCH (t:Token {id: $id}) RETURN t{.*} AS token"
ALL_TOKENS: LiteralString = (
    "MATCH (t:Token) RETURN t{.id, .owner, .role, .organisation, .createdAt, .revokedAt} "
    "AS token ORDER BY t.createdAt, t.id"
)
REVOKE_TOKEN: LiteralString = (
    "MATCH (t:Token {id: $id}) WHERE t.revokedAt IS NULL SET t.revokedAt = $at "
    "RETURN t.id AS id"
)


async def create(db: GraphClient, props: dict[str, Any]) -> None:
    """Store a token (its id, hashed secret, owner, role, scope)."""
    await db.write(CREATE_TOKEN, {"props": props})


async def by_id(db: GraphClient, token_id: str) -> Row | None:
    """A stored token by its public id."""
    rows = await db.read(TOKEN_BY_ID, {"id": token_id})
    return rows[0]["token"] if rows else None


async def all_tokens(db: GraphClient) -> list[Row]:
    """Every token, without hashes."""
    return [row["token"] for row in await db.read(ALL_TOKENS)]


async def revoke(db: GraphClient, token_id: str, at: str) -> bool:
    """Revoke a token; False if there is no such active token."""
    return bool(await db.write(REVOKE_TOKEN, {"id": token_id, "at": at}))
