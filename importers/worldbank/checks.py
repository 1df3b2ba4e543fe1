"""Checks across the two files and the tables, before anything is written: every project
once, every location's project known, every agency spelling in the agencies table."""

from __future__ import annotations

from importers.problems import Problem
from importers.worldbank.rows import PROJECTS, Rows
from importers.worldbank.tables import AGENCIES, Tables


def check(projects: Rows, locations: Rows, tables: Tables) -> list[Problem]:
    """The problems found across files (each with file, row, field and reason)."""
    problems: list[Problem] = []
    seen: set[str] = set()
    for label, project in projects.valid:
        if project.id in seen:
            problems.append(Problem(projects.file, label, "id", f"{project.id} is listed twice"))
        seen.add(project.id)
        for column in ("impagency", "borrower"):
            text = getattr(project, column)
            if text and not tables.agencies_named(text):
                problems.append(Problem(projects.file, label, column,
                                        f"{text!r} is not a spelling listed in {AGENCIES} "
                                        "(add it to its organisation's variants)"))
    for label, location in locations.valid:
        if location.project_id not in seen:
            problems.append(Problem(locations.file, label, "project_id",
                                    f"{location.project_id} is not a project of {PROJECTS}"))
    return problems
