"""Limits on what one GraphQL document may ask, from the settings.

Strawberry's and graphql-core's rules do the work: depth (introspection fields
are not counted, so GraphiQL keeps working), tokens (checked while parsing, so a
huge document is refused before it is built), aliases, and introspection when
turned off. Strings holding control characters other than tab and line breaks (NUL
first) are refused here too: no name, id or code contains one, and FalkorDB's
query header stops at NUL.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from graphql import (
    ASTValidationRule,
    ExecutionResult,
    FieldNode,
    GraphQLError,
    NoSchemaIntrospectionCustomRule,
    StringValueNode,
    ValidationRule,
)
from strawberry.extensions import MaxAliasesLimiter, QueryDepthLimiter, SchemaExtension

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


class NoServiceSdl(ValidationRule):
    """With introspection off, federation's `_service { sdl }` would still hand out the schema."""

    def enter_field(self, node: FieldNode, *_: Any) -> None:
        if node.name.value == "_service":
            self.report_error(GraphQLError(
                "GraphQL introspection has been disabled, and with it `_service`: compose "
                "this subgraph from its published SDL (schema.graphql) instead.", node))


_SUGGESTION = re.compile(r"\s*Did you mean [^?]*\?")


def without_suggestions(error: GraphQLError) -> GraphQLError:
    """The error without graphql-core's "Did you mean ...?", which names schema fields."""
    message = _SUGGESTION.sub("", error.message)
    if message == error.message:
        return error
    return GraphQLError(message, error.nodes, error.source, error.positions, error.path,
                        error.original_error, error.extensions)


class DocumentLimits(SchemaExtension):
    """Depth, tokens, aliases, control characters and (when off) introspection.

    One extension with its validation rules built once per schema: Strawberry's
    limiters build new rule classes for every request, which cost about a tenth of
    a look-up by code and defeated the cache of validated documents.
    """

    def __init__(self, max_tokens: int, rules: tuple[type[ASTValidationRule], ...],
                 hide_schema: bool = False) -> None:
        super().__init__()
        self.max_tokens, self.rules, self.hide_schema = max_tokens, rules, hide_schema

    def on_operation(self) -> Iterator[None]:
        context = self.execution_context
        context.parse_options["max_tokens"] = self.max_tokens
        context.validation_rules = (*context.validation_rules, *self.rules)
        yield
        if self.hide_schema and context.result is not None and context.result.errors:
            context.result.errors = [without_suggestions(e) for e in context.result.errors]

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
    """The schema extension enforcing the settings' limits, as a factory."""
    rules: tuple[type[ASTValidationRule], ...] = (
        *QueryDepthLimiter(max_depth=settings.max_depth).validation_rules,
        *MaxAliasesLimiter(max_alias_count=settings.max_aliases).validation_rules,
        NoControlCharactersInLiterals,
    )
    if not settings.introspection:
        rules = (*rules, NoSchemaIntrospectionCustomRule, NoServiceSdl)
    hide = not settings.introspection
    return [lambda: DocumentLimits(settings.max_tokens, rules, hide)]
