"""The documented tables beside the dataset: agencies (spelling variants merged into one
organisation each), region names (former regions mapped to today's) and place names
(spellings the backbone writes otherwise). Each is validated like a data file."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from domain import vocabulary as v
from domain.fields import CuratedId, NameText
from domain.names import name_key
from domain.records import Alias
from importers.problems import Problem, problems_from
from importers.worldbank.rows import DATA_DIR

AGENCIES = "worldbank-agencies.yaml"
REGIONS = "worldbank-regions.yaml"
PLACES = "worldbank-places.yaml"
Names = Annotated[list[NameText], Field(min_length=1)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, use_enum_values=True)


class Agency(_Strict):
    """One organisation and the spellings of it the dataset uses."""

    id: CuratedId
    registry: bool = False
    kind: v.OrganisationKind | None = None
    country: v.OrganisationCountry | None = None
    name: dict[v.Language, NameText] | None = None
    aliases: list[Alias] = []
    partOf: CuratedId | None = None
    note: str | None = None
    variants: Annotated[dict[v.Language, Names], Field(min_length=1)]

    @model_validator(mode="after")
    def _defined_once(self) -> Agency:
        if not self.id.startswith("org:"):
            raise ValueError("an agency's id is an organisation's: org:<slug>")
        if self.registry and (self.kind or self.name or self.aliases or self.partOf):
            raise ValueError("an organisation of the registry is referenced, not redefined: "
                             "give only its id, variants and note")
        if not self.registry and not (self.kind and self.name):
            raise ValueError("a new organisation needs `kind` and `name`")
        return self


class _Agencies(_Strict):
    agencies: list[Agency]


class FormerRegion(_Strict):
    region: NameText
    names: Names
    today: Names
    moved: str | None = None


class CurrentRegion(_Strict):
    region: NameText
    names: Names


class _Regions(_Strict):
    current: list[CurrentRegion] = []
    former: list[FormerRegion] = []


class PlaceName(_Strict):
    names: Names
    as_: NameText = Field(alias="as")
    level: v.CollectivityLevel | None = None


class Doubtful(_Strict):
    names: Names
    reason: Annotated[str, Field(min_length=1)]


class _Places(_Strict):
    places: list[PlaceName] = []
    doubtful: list[Doubtful] = []
    country: list[NameText] = []


@dataclass
class Tables:
    """The three tables, indexed for look-ups."""

    agencies: list[Agency] = field(default_factory=list)
    by_variant: dict[str, list[Agency]] = field(default_factory=dict)
    regions: dict[str, CurrentRegion | FormerRegion] = field(default_factory=dict)
    places: dict[str, PlaceName] = field(default_factory=dict)
    doubtful: dict[str, Doubtful] = field(default_factory=dict)
    country: set[str] = field(default_factory=set)

    def agencies_named(self, text: str) -> list[Agency]:
        """The organisations a spelling stands for (several for "CSPJ and MOJ")."""
        return self.by_variant.get(text, [])

    def region(self, text: str) -> CurrentRegion | FormerRegion | None:
        """The region entry a name stands for, if the table knows it."""
        return self.regions.get(name_key(text))

    def place(self, text: str) -> PlaceName | None:
        """The backbone name a place name is looked up under, if the table has one."""
        return self.places.get(name_key(text))

    def doubt(self, text: str) -> str | None:
        """Why a name's namesake in the backbone is not trusted, if it is not."""
        entry = self.doubtful.get(name_key(text))
        return " ".join(entry.reason.split()) if entry else None

    def is_country(self, text: str) -> bool:
        """Whether the name designates the whole country."""
        return name_key(text) in self.country


def load(problems: list[Problem], directory: Path = DATA_DIR) -> Tables:
    """The three tables, validated; problems are appended (file, entry, field, why)."""
    tables = Tables()
    agencies = _read(directory / AGENCIES, _Agencies, problems)
    if isinstance(agencies, _Agencies):
        _index_agencies(tables, agencies.agencies, problems)
    regions = _read(directory / REGIONS, _Regions, problems)
    if isinstance(regions, _Regions):
        entries = [*regions.current, *regions.former]
        tables.regions = _by_key(REGIONS, "region", entries, problems)
    places = _read(directory / PLACES, _Places, problems)
    if isinstance(places, _Places):
        tables.places = _by_key(PLACES, "place", places.places, problems)
        tables.doubtful = _by_key(PLACES, "doubtful place", places.doubtful, problems)
        tables.country = {name_key(text) for text in places.country}
    return tables


def _read(path: Path, model: type[_Strict], problems: list[Problem]) -> _Strict | None:
    try:
        data: Any = yaml.safe_load(path.read_text(encoding="utf-8"))
        return model.model_validate(data)
    except OSError as error:
        problems.append(Problem(path.name, "(file)", "", f"cannot read: {error.strerror}"))
    except yaml.YAMLError as error:
        problems.append(Problem(path.name, "(file)", "", f"not valid YAML: {error}"))
    except ValidationError as error:
        problems.extend(problems_from(error, path.name, "(table)"))
    return None


def _index_agencies(tables: Tables, agencies: list[Agency], problems: list[Problem]) -> None:
    seen: set[str] = set()
    for agency in agencies:
        if agency.id in seen:
            problems.append(Problem(AGENCIES, agency.id, "id", "listed twice"))
        seen.add(agency.id)
        spellings = [text for texts in agency.variants.values() for text in texts]
        for text in spellings:
            if spellings.count(text) > 1:
                problems.append(Problem(AGENCIES, agency.id, "variants",
                                        f"{text!r} is listed twice"))
            tables.by_variant.setdefault(text, [])
            if agency not in tables.by_variant[text]:
                tables.by_variant[text].append(agency)
    tables.agencies = agencies


def _by_key(file: str, what: str, entries: list[Any], problems: list[Problem]) -> dict[str, Any]:
    """Each entry under the key of each of its names; a name given twice is a problem."""
    found: dict[str, Any] = {}
    for entry in entries:
        for text in entry.names:
            key = name_key(text)
            if key in found and found[key] is not entry:
                problems.append(Problem(file, getattr(entry, "region", None) or text, "names",
                                        f"{text!r} already names another {what}"))
            found[key] = entry
    return found
