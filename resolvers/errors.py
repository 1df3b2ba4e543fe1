"""Errors the API reports to its users; every other error is masked."""

from __future__ import annotations

# The error policy (protection.errors) shows a UserError's message and code as they are.
from protection.errors import UserError

__all__ = ["BadArgument", "Forbidden", "Unauthenticated", "UserError"]


class BadArgument(UserError):
    """An argument outside what the field accepts; names the argument."""

    def __init__(self, argument: str, message: str) -> None:
        super().__init__(f"{argument}: {message}", argument=argument)


class Unauthenticated(UserError):
    """No valid API token: writing needs `Authorization: Bearer <token>`."""

    code = "UNAUTHENTICATED"

    def __init__(self) -> None:
        super().__init__("writing needs a valid API token: send `Authorization: Bearer "
                         "<token>` (tokens are issued by an administrator)")


class Forbidden(UserError):
    """The token may not make this change (it does not say whether the target exists)."""

    code = "FORBIDDEN"

    def __init__(self, why: str = "this token may not make this change") -> None:
        super().__init__(why)
