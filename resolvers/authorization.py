"""Who may write what. Checked before any look-up result is revealed to the caller.

- anonymous callers read only;
- an editor writes facts that cite sources it contributed, and the sources it
  contributed, or, when its token is scoped to an organisation, facts involving
  that organisation. "It" is the token that contributed them (its id), not the
  owner's name, which two tokens may share;
- an admin writes anything.
"""

from __future__ import annotations

from collections.abc import Iterable

from auth.tokens import Principal, verify
from graph.rows import EntityRow
from resolvers import network as resolve
from resolvers.context import Info
from resolvers.errors import Forbidden, Unauthenticated


async def writer(info: Info) -> Principal:
    """The caller's principal; raise if the request carries no valid token."""
    request = info.context.request
    header = request.headers.get("authorization") if request is not None else None
    principal = await verify(info.context.graph, header)
    if principal is None:
        raise Unauthenticated()
    return principal


def contributed_by(row: EntityRow | None, principal: Principal) -> bool:
    """Whether the token of `principal` contributed this source."""
    return row is not None and row.get("contributorTokenId") == principal.token_id


async def check(info: Info, principal: Principal, cited: Iterable[EntityRow],
                involved: Iterable[str | None], existing_id: str | None = None,
                existing: EntityRow | None = None) -> None:
    """Allow the change or raise Forbidden, the same way whether the target exists or not."""
    if principal.is_admin:
        return
    if principal.role != "editor":
        raise Forbidden()
    if principal.organisation and principal.organisation in set(involved):
        return
    cited = list(cited)
    own = bool(cited) and all(contributed_by(row, principal) for row in cited)
    if own and existing_id is not None and not contributed_by(existing, principal):
        current = await resolve.sources(info, existing_id)
        own = any(contributed_by(row, principal) for row in current)
    if not own:
        raise Forbidden("an editor may only change facts that cite sources it contributed, "
                        "or facts involving the organisation its token is scoped to")
