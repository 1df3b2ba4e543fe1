"""Limits on what one GraphQL document may ask, from the settings.

Strawberry's own extensions do the work: depth (introspection fields are not
counted, so GraphiQL keeps working), tokens (checked while parsing, so a huge
document is refused before it is built), aliases, and introspection when turned
off. Strings holding control characters other than tab and line breaks (NUL
first) are refused here too: no name, id or code contains one, and FalkorDB's
query header stops at NUL.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from graphql import ExecutionResult, GraphQLError, StringValueNode, ValidationRule
from strawberry.extensions import (
    AddValidationRules,
    DisableIntrospection,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    QueryDepthLimiter,
    SchemaExtension,
)

from settings import Settings

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
CONTROL_MESSAGE = ("strings may not contain control characters (such as NUL, U+0000) "
                   "other than tab and line breaks")


def has_control_character(value: Any) -> bool:
    """Whether a string anywhere in a JSON-like value holds a refused control character."""
    if isinstance(value, str):
        return _CONTROL.search(value) is not None
    if isinstance(value, dict):
        return any(has_control_character(k) or has_control_character(v)
                   for k, v in value.items())
    if isinstance(value, list):
        return any(has_control_character(item) for item in value)
    return False


def _refusal(argument: str) -> GraphQLError:
    return GraphQLError(f"{argument}: {CONTROL_MESSAGE}",
                        extensions={"code": "BAD_USER_INPUT", "argument": argument})


class NoControlCharactersInLiterals(ValidationRule):
    """String literals written in the document."""

    def enter_string_value(self, node: StringValueNode, *_: Any) -> None:
        if has_control_character(node.value):
            self.report_error(_refusal("(string literal)"))


class NoControlCharacters(AddValidationRules):
    """Refuses control characters in string literals and in variables."""

    def __init__(self) -> None:
        super().__init__([NoControlCharactersInLiterals])

    def on_execute(self) -> Iterator[None]:
        variables = self.execution_context.variables or {}
        refused = sorted(name for name, value in variables.items()
                         if has_control_character(value))
        if refused:
            # A result set before execution stops Strawberry from executing the operation.
            self.execution_context.result = ExecutionResult(
                data=None, errors=[_refusal(f"${name}") for name in refused])
        yield


def limit_extensions(settings: Settings) -> list[Callable[[], SchemaExtension]]:
    """The schema extensions enforcing the settings' limits, as factories."""
    factories: list[Callable[[], SchemaExtension]] = [
        lambda: QueryDepthLimiter(max_depth=settings.max_depth),
        lambda: MaxTokensLimiter(max_token_count=settings.max_tokens),
        lambda: MaxAliasesLimiter(max_alias_count=settings.max_aliases),
        NoControlCharacters,
    ]
    if not settings.introspection:
        factories.append(DisableIntrospection)
    return factories
