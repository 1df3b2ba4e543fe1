"""Reading the twinnings dataset and its alias table, every row validated before use.

`data/datasets/twinnings-wikipedia-morocco.csv` is Wikipedia's lists as scraped (one
pair a row: `moroccan_city`, `foreign_city`, `foreign_country`, `listed_on`);
`data/datasets/twinnings-aliases.yaml` holds the documented aliases that turn the
lists' English and press forms into what the backbone and the gazetteer call them.
A problem names the file, the row (its line in the CSV) or alias, the field and why.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Annotated, Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from domain.fields import NameText
from domain.names import name_key
from importers.problems import Problem, problems_from

DATA_DIR = Path(__file__).resolve().parents[2] / "data" / "datasets"
DATASET = DATA_DIR / "twinnings-wikipedia-morocco.csv"
ALIASES = DATA_DIR / "twinnings-aliases.yaml"
COLUMNS = ("moroccan_city", "foreign_city", "foreign_country", "listed_on")
PAGE_PREFIX = "List of twin towns and sister cities in "
ALIASES_FORMAT = "twinnings-aliases/1"

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Reason = Annotated[str, StringConstraints(strip_whitespace=True, min_length=10)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class TwinningRow(_Strict):
    """One pair as a Wikipedia list gives it."""

    moroccan_city: NameText
    foreign_city: NameText
    foreign_country: Text
    listed_on: Annotated[str, StringConstraints(pattern="^" + PAGE_PREFIX + r"\S.*$")]

    @property
    def page_country(self) -> str:
        """The country of the list page the pair was read from ("Morocco")."""
        return self.listed_on[len(PAGE_PREFIX):]


class Row(_Strict):
    """A valid CSV row and the line it is on (the header is line 1)."""

    line: int
    data: TwinningRow


class MoroccanAlias(_Strict):
    """An English or press form of a Moroccan city -> an HCP unit, by code or by name
    (and the name of an enclosing unit, when needed)."""

    alias: NameText
    code: Annotated[str, StringConstraints(pattern=r"^\d{2}\.\d{3}\.\d{2}\.\d{1,2}$")] | None = None
    name: NameText | None = None
    parent: NameText | None = None
    reason: Reason


class CountryAlias(_Strict):
    """A country as the lists write it -> the gazetteer's ISO 3166 code."""

    alias: Text
    iso: Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]
    reason: Reason


class ForeignAlias(_Strict):
    """A foreign place the gazetteer holds several of -> the one meant, by GeoNames id."""

    alias: NameText
    country: Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]
    geonamesId: Annotated[int, Field(gt=0)]
    reason: Reason


class AliasTable(_Strict):
    format: str
    moroccan: list[MoroccanAlias] = []
    countries: list[CountryAlias] = []
    foreign: list[ForeignAlias] = []


def read_rows(path: Path, problems: list[Problem]) -> list[Row]:
    """Every valid row of the CSV; bad rows, unknown or missing columns and repeated
    rows are problems."""
    try:
        with path.open(encoding="utf-8", newline="") as stream:
            reader = csv.DictReader(stream)
            header = tuple(reader.fieldnames or ())
            raw = [(reader.line_num, row) for row in reader]
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        problems.append(Problem(path.name, "(file)", "", f"cannot read: {error}"))
        return []
    if header != COLUMNS:
        problems.append(Problem(path.name, "row 1", "(header)",
                                f"columns must be {', '.join(COLUMNS)} (got {', '.join(header)})"))
        return []
    rows: list[Row] = []
    seen: dict[tuple[str, ...], int] = {}
    for line, values in raw:
        try:
            data = TwinningRow.model_validate(_cells(values))
        except ValidationError as error:
            problems.extend(problems_from(error, path.name, f"row {line}"))
            continue
        key = tuple(name_key(getattr(data, column)) for column in COLUMNS)
        if key in seen:
            problems.append(Problem(path.name, f"row {line}", "",
                                    f"repeats row {seen[key]}"))
        seen.setdefault(key, line)
        rows.append(Row(line=line, data=data))
    return rows


def _cells(values: dict[str | None, Any]) -> dict[str, Any]:
    # DictReader puts the cells past the header under None, and None in missing cells.
    cells: dict[str, Any] = {str(k): v for k, v in values.items() if k is not None}
    if None in values:
        cells["(extra cells)"] = values[None]
    return {k: v for k, v in cells.items() if v is not None}


def read_aliases(path: Path, problems: list[Problem]) -> AliasTable:
    """The alias table, validated; an empty one (and problems) when it is not valid."""
    empty = AliasTable(format=ALIASES_FORMAT)
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        problems.append(Problem(path.name, "(file)", "", f"cannot read: {error}"))
        return empty
    try:
        table = AliasTable.model_validate(document)
    except ValidationError as error:
        problems.extend(problems_from(error, path.name, "(table)"))
        return empty
    if table.format != ALIASES_FORMAT:
        problems.append(Problem(path.name, "(table)", "format",
                                f"must be {ALIASES_FORMAT!r} (got {table.format!r})"))
    for section in ("moroccan", "countries", "foreign"):
        _check_section(path.name, section, getattr(table, section), problems)
    return table


def _check_section(file: str, section: str, aliases: list[Any],
                   problems: list[Problem]) -> None:
    seen: set[tuple[str, str]] = set()
    for index, alias in enumerate(aliases, start=1):
        record = f"{section} #{index} ({alias.alias})"
        key = (name_key(alias.alias), getattr(alias, "country", ""))
        if key in seen:
            problems.append(Problem(file, record, "alias", "given twice"))
        seen.add(key)
        if isinstance(alias, MoroccanAlias) and (alias.code is None) == (alias.name is None):
            problems.append(Problem(file, record, "code", "give exactly one of code or name"))
