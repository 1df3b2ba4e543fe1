"""Import problems: which file, which record, which field, and why."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import ValidationError


@dataclass(frozen=True)
class Problem:
    """One reason an import was refused."""

    file: str
    record: str
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}: record {self.record}"
        if self.field:
            return f"{where}, field {self.field}: {self.message}"
        return f"{where}: {self.message}"


class ImportRefused(Exception):
    """The input has problems; nothing was written. Lists every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        lines = "\n".join(f"  - {problem}" for problem in problems[:200])
        more = f"\n  ... and {len(problems) - 200} more" if len(problems) > 200 else ""
        super().__init__(f"import refused, nothing written ({len(problems)} problems):\n"
                         f"{lines}{more}")

    def __reduce__(self) -> tuple[type[ImportRefused], tuple[list[Problem]]]:
        # Rebuilt from its problems (raised in another process, it is pickled back).
        return ImportRefused, (self.problems,)


def problems_from(error: ValidationError, file: str, record: str) -> list[Problem]:
    """One problem per pydantic error, with the field path spelled out."""
    return [
        Problem(file, record, ".".join(str(part) for part in item["loc"]) or "(record)",
                _describe(item))
        for item in error.errors()
    ]


def _describe(item: object) -> str:
    assert isinstance(item, dict)
    value = item.get("input")
    shown = repr(value) if not isinstance(value, dict | list) else type(value).__name__
    if item.get("type") == "extra_forbidden":
        return "unknown field (not part of the format)"
    return f"{item['msg']} (got {shown[:80]})"
