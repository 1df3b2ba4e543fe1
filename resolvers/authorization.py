"""Who may write what. Checked before any look-up result is revealed to the caller.

- anonymous callers read only;
- an editor writes facts that cite sources it contributed, or, when its token is
  scoped to an organisation, facts involving that organisation;
- an admin writes anything.
"""

from __future__ import annotations

from collections.abc import Iterable

from auth.tokens import Principal, verify
from graph.client import Row
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


async def check(info: Info, principal: Principal, cited: Iterable[Row],
                involved: Iterable[str | None], existing_id: str | None = None) -> None:
    """Allow the change or raise Forbidden, the same way whether the target exists or not."""
    if principal.is_admin:
        return
    if principal.role != "editor":
        raise Forbidden()
    if principal.organisation and principal.organisation in set(involved):
        return
    cited = list(cited)
    own = bool(cited) and all(row.get("contributor") == principal.owner for row in cited)
    if own and existing_id is not None:
        current = await resolve.sources(info, existing_id)
        own = any(row.get("contributor") == principal.owner for row in current)
    if not own:
        raise Forbidden("an editor may only change facts that cite sources it contributed, "
                        "or facts involving the organisation its token is scoped to")
