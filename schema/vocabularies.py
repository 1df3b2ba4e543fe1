"""A vocabulary of domain/vocabulary.py as a GraphQL enum: the class itself is registered,
its docstring the description, so the API returns the values the model validates."""

from __future__ import annotations

from enum import StrEnum
from typing import TypeVar

import strawberry

from domain.vocabulary import VALUE_DESCRIPTIONS

V = TypeVar("V", bound=type[StrEnum])


def register(vocabulary: V) -> V:
    """Register `vocabulary` as a GraphQL enum (once) and return it."""
    if hasattr(vocabulary, "__strawberry_definition__"):
        return vocabulary
    description = " ".join((vocabulary.__doc__ or "").split())
    strawberry.enum(vocabulary, description=description)
    for value in vocabulary.__strawberry_definition__.values:  # type: ignore[attr-defined]
        value.description = VALUE_DESCRIPTIONS.get(vocabulary(value.value))
    return vocabulary
