"""Validating input rows with pydantic, collecting every problem before any write."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from importers.problems import Problem, problems_from

ModelT = TypeVar("ModelT", bound=BaseModel)


def validate_rows(file: str, rows: Iterable[Mapping[str, Any]], model: type[ModelT],
                  problems: list[Problem], key: str) -> list[ModelT]:
    """Every valid row as a model; invalid rows and duplicate keys become problems."""
    valid: list[ModelT] = []
    seen: set[str] = set()
    for index, row in enumerate(rows):
        record = str(row.get(key) or f"#{index + 1}")
        try:
            item = model.model_validate(row)
        except ValidationError as error:
            problems.extend(problems_from(error, file, record))
            continue
        if record in seen:
            problems.append(Problem(file, record, key, f"duplicate {key}"))
        seen.add(record)
        valid.append(item)
    return valid
