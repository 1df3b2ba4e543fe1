"""Issuing and checking API tokens: `<id>.<secret>`, of which only a hash is stored."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime

from graph import tokens as graph_tokens
from graph.client import GraphClient

ROLES = ("editor", "admin")


@dataclass(frozen=True)
class Principal:
    """Who is writing: a token's owner, role and optional organisation scope."""

    token_id: str
    owner: str
    role: str
    organisation: str | None = None

    @property
    def is_admin(self) -> bool:
        """Admins may change anything."""
        return self.role == "admin"


def now() -> str:
    """The current UTC time as an ISO string (sortable, what Change records hold)."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


def _digest(secret: str) -> str:
    # The secret is 256 random bits, so a fast hash is enough: nothing to brute-force.
    return hashlib.sha256(secret.encode()).hexdigest()


async def issue(db: GraphClient, owner: str, role: str, organisation: str | None = None) -> str:
    """Create a token and return it; it is shown once and stored only as a hash."""
    if role not in ROLES:
        raise ValueError(f"role must be one of {', '.join(ROLES)} (got {role!r})")
    if not owner.strip():
        raise ValueError("owner must not be empty")
    token_id, secret = "tok_" + secrets.token_hex(8), secrets.token_urlsafe(32)
    await graph_tokens.create(db, {"id": token_id, "hash": _digest(secret), "owner": owner,
                                   "role": role, "organisation": organisation,
                                   "createdAt": now()})
    return f"{token_id}.{secret}"


async def verify(db: GraphClient, authorization: str | None) -> Principal | None:
    """The principal of an `Authorization: Bearer <token>` header, or None if not valid."""
    if not authorization or not authorization.startswith("Bearer "):
        return None
    token_id, _, secret = authorization.removeprefix("Bearer ").strip().partition(".")
    if not token_id.startswith("tok_") or not secret or len(token_id) > 40:
        return None
    stored = await graph_tokens.by_id(db, token_id)
    if stored is None or stored.get("revokedAt"):
        return None
    if not hmac.compare_digest(stored["hash"], _digest(secret)):
        return None
    return Principal(token_id, stored["owner"], stored["role"], stored.get("organisation"))
