"""Reading a curated file: YAML (or JSON), then each record validated against its model."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import TypeAdapter, ValidationError

from domain.records import FORMAT, SECTIONS
from importers.problems import Problem, problems_from

_SECTION_ADAPTERS: dict[str, TypeAdapter[list[Any]]] = {
    section: TypeAdapter(list[model]) for section, model in SECTIONS.items()  # type: ignore[valid-type]
}
# libyaml's safe loader when PyYAML was built with it (the PyPI wheels are).
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class ParsedFile:
    """The valid records of a file by section, each with its readable label."""

    name: str
    records: dict[str, list[tuple[str, Any]]] = field(default_factory=dict)

    def of(self, section: str) -> list[tuple[str, Any]]:
        """(label, record) pairs of one section."""
        return self.records.get(section, [])


def parse_file(path: Path, problems: list[Problem]) -> ParsedFile:
    """Load and validate a curated file; problems are appended, never raised."""
    document = _load_yaml(path, problems)
    if document is None:
        return ParsedFile(path.name)
    return parse_document(path.name, document, problems)


def parse_document(name: str, document: dict[str, Any], problems: list[Problem]) -> ParsedFile:
    """Validate a curated document already read (a dataset converted to the format, for
    one); `name` is its origin, naming it in problems."""
    parsed = ParsedFile(name)
    for key, rows in document.items():
        if key == "format":
            continue
        if key not in SECTIONS:
            problems.append(Problem(name, "(file)", str(key),
                                    f"unknown section; known: {', '.join(SECTIONS)}"))
        elif not isinstance(rows, list):
            problems.append(Problem(name, "(file)", key, "a section must be a list"))
        else:
            parsed.records[key] = _validate(name, key, rows, problems)
    return parsed


def _load_yaml(path: Path, problems: list[Problem]) -> dict[str, Any] | None:
    try:
        text = path.read_text(encoding="utf-8")
        # JSON is YAML too, but json.loads is much faster for large generated files.
        document = json.loads(text) if path.suffix == ".json" else yaml.load(text, Loader=_Loader)
    except OSError as error:
        problems.append(Problem(path.name, "(file)", "", f"cannot read: {error.strerror}"))
        return None
    except json.JSONDecodeError as error:
        problems.append(Problem(path.name, "(file)", "",
                                f"not valid JSON at line {error.lineno}, column {error.colno}"))
        return None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problems.append(Problem(path.name, "(file)", "", f"not valid YAML{where}"))
        return None
    if not isinstance(document, dict):
        problems.append(Problem(path.name, "(file)", "", "must be a YAML mapping of sections"))
        return None
    if document.get("format") != FORMAT:
        problems.append(Problem(path.name, "(file)", "format",
                                f"must be {FORMAT!r} (got {document.get('format')!r})"))
        return None
    return document


def _validate(file: str, section: str, rows: list[Any],
              problems: list[Problem]) -> list[tuple[str, Any]]:
    # A whole section in one call into pydantic's core (a large generated file has a
    # million records); only a section with a problem is walked record by record, to
    # name each problem's record.
    try:
        records = _SECTION_ADAPTERS[section].validate_python(rows)
    except ValidationError:
        return _validate_each(file, section, rows, problems)
    return [(_label(section, index, row), record)
            for index, (row, record) in enumerate(zip(rows, records, strict=True), start=1)]


def _validate_each(file: str, section: str, rows: list[Any],
                   problems: list[Problem]) -> list[tuple[str, Any]]:
    model = SECTIONS[section]
    valid: list[tuple[str, Any]] = []
    for index, row in enumerate(rows, start=1):
        label = _label(section, index, row)
        if not isinstance(row, dict):
            problems.append(Problem(file, label, "", "a record must be a mapping"))
            continue
        try:
            valid.append((label, model.model_validate(row)))
        except ValidationError as error:
            problems.extend(problems_from(error, file, label))
    return valid


def _label(section: str, index: int, row: Any) -> str:
    if isinstance(row, dict) and isinstance(row.get("id"), str):
        return str(row["id"])
    return f"{section} #{index}"
