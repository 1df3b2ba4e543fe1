"""The World Bank's projects as a `registry-network/1` document: one source and one
programme per project, the Bank and the agencies as organisations, their participations,
and the places that resolved."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from domain.names import name_key
from domain.records import FORMAT
from domain.vocabulary import Language
from importers.worldbank.places import Place, Resolution
from importers.worldbank.rows import PROJECTS, LocationRow, ProjectRow, WorldBankStatus
from importers.worldbank.tables import Agency, Tables

ORIGIN = "worldbank-morocco"
WORLD_BANK = "org:world-bank"
CURRENCY = "USD"  # the dataset's commitments are in US dollars (data/datasets/README.md)
URL = "https://projects.worldbank.org/en/projects-operations/project-detail/{}"
APPROVED = frozenset({WorldBankStatus.ACTIVE, WorldBankStatus.CLOSED})
Record = dict[str, Any]


def source_id(project_id: str) -> str:
    """The source of one project: `src:worldbank-p005347`."""
    return f"src:worldbank-{project_id.lower()}"


def programme_id(project_id: str) -> str:
    """The programme of one project: `programme:worldbank-p005347`."""
    return f"programme:worldbank-{project_id.lower()}"


def source(project: ProjectRow) -> Record:
    """The dataset's record of one project, as a source."""
    return {"id": source_id(project.id),
            "title": f"World Bank, Projects & Operations, project {project.id}",
            "url": URL.format(project.id), "publisher": "World Bank", "language": "en",
            "kind": "DATASET", "licence": "CC BY 4.0", "file": PROJECTS,
            "note": "Projects & Operations data, snapshot of 31 March 2025 "
                    "(data/datasets/README.md)."}


def programme(project: ProjectRow) -> Record:
    """One project as a programme: name, status, objective, dates, commitment."""
    record: Record = {"id": programme_id(project.id), "kind": "PROJECT",
                      "name": {"en": project.project_name},
                      "status": project.status.programme_status.value,
                      "worldBankId": project.id, "sources": [source_id(project.id)]}
    if project.pdo:
        record["objective"] = project.pdo
    if project.curr_total_commitment is not None:
        record["commitment"] = {"amount": project.curr_total_commitment, "currency": CURRENCY}
    notes = [f"Lending instrument: {project.lendinginstr}."] if project.lendinginstr else []
    if project.status in APPROVED:
        record.update({key: day.isoformat() for key, day in (
            ("start", project.boardapprovaldate), ("end", project.closingdate)) if day})
    elif project.boardapprovaldate:
        what = "planned" if project.status is WorldBankStatus.PIPELINE else "dropped"
        notes.append(f"The dataset's Board approval date, {project.boardapprovaldate}, is "
                     f"not recorded as a start: the project is {what}.")
    if notes:
        record["note"] = " ".join(notes)
    return record


def funded(project: ProjectRow) -> bool:
    """Whether the Bank committed money to it: approved (active or closed), with a
    commitment above zero. Dropped and pipeline projects have no FUNDER link."""
    return project.status in APPROVED and (project.curr_total_commitment or 0) > 0


def participations(project: ProjectRow, tables: Tables) -> list[Record]:
    """The Bank as funder, the implementing agencies, and the borrower (ACCOUNTABLE)."""
    links: list[Record] = []
    if funded(project):
        links.append(_party(project, WORLD_BANK, "FUNDER"))
    for column, role in (("impagency", "IMPLEMENTER"), ("borrower", "ACCOUNTABLE")):
        text = getattr(project, column)
        links += [_party(project, agency.id, role) for agency in
                  (tables.agencies_named(text) if text else [])]
    return links


def _party(project: ProjectRow, participant: str, role: str) -> Record:
    return {"programme": programme_id(project.id), "participant": participant,
            "role": role, "sources": [source_id(project.id)]}


@dataclass
class PlaceLinks:
    """The programme places of resolved locations, one per programme and unit."""

    notes: dict[tuple[str, str], list[str]] = field(default_factory=lambda: defaultdict(list))

    def add(self, row: LocationRow, resolution: Resolution) -> None:
        """A resolved location: its programme's link to the unit, noting how it was read."""
        if resolution.unit is None:
            return
        note = f"Geocoded as {row.geo_loc_name!r} ({row.geo_latitude_number}, " \
               f"{row.geo_longitude_number})" + (f": {resolution.how}" if resolution.how else "")
        notes = self.notes[(row.project_id, resolution.unit["id"])]
        if note not in notes:
            notes.append(note)

    def records(self) -> list[Record]:
        """The `programmePlaces` records."""
        return [{"programme": programme_id(project), "place": unit,
                 "note": "; ".join(notes) + ".", "sources": [source_id(project)]}
                for (project, unit), notes in sorted(self.notes.items())]


def organisations(projects: list[ProjectRow], tables: Tables) -> list[Record]:
    """The World Bank, and each agency the rows name that the registry does not hold yet."""
    cited: dict[str, list[str]] = defaultdict(list)
    for project in projects:
        for link in participations(project, tables):
            cited[link["participant"]].append(source_id(project.id))
    bank = {"id": WORLD_BANK, "kind": "INTERNATIONAL_ORGANISATION", "name": {"en": "World Bank"},
            "aliases": [{"lang": "ar", "text": "البنك الدولي"},
                        {"lang": "fr", "text": "Banque mondiale"}],
            "note": "The French and Arabic names are the Bank's own; the dataset is in English.",
            "sources": [source_id(project.id) for project in projects]}
    agencies = [_agency(agency, sorted(set(cited[agency.id]))) for agency in tables.agencies
                if cited.get(agency.id) and not agency.registry]
    return [bank, *agencies]


def _agency(agency: Agency, sources: list[str]) -> Record:
    given = agency.name or {}
    names = {lang.value: given[lang] for lang in Language if lang in given}  # export's order
    spelled = [(a.lang, a.text) for a in agency.aliases]
    spelled += [(lang, text) for lang, texts in agency.variants.items() for text in texts]
    # One alias per search key (a spelling differing only in case or accents is found by
    # the name already), in the export's order, so a round trip gives the same records.
    keys = {(lang, name_key(text)) for lang, text in names.items()}
    aliases = []
    for lang, text in sorted(set(spelled)):
        if (lang, name_key(text)) not in keys:
            keys.add((lang, name_key(text)))
            aliases.append({"lang": lang, "text": text})
    record: Record = {"id": agency.id, "kind": agency.kind, "name": names, "aliases": aliases,
                      "sources": sources}
    record.update({key: value for key, value in (("country", agency.country),
                   ("partOf", agency.partOf), ("note", agency.note)) if value})
    return record


def build(projects: list[ProjectRow], locations: Iterable[LocationRow],
          resolutions: dict[Place, Resolution], tables: Tables) -> Record:
    """The whole document."""
    places = PlaceLinks()
    for row in locations:
        places.add(row, resolutions[Place(row.geo_loc_name, row.admin_unit1_name)])
    return {"format": FORMAT, "sources": [source(p) for p in projects],
            "organisations": organisations(projects, tables),
            "programmes": [programme(p) for p in projects],
            "participations": [link for p in projects for link in participations(p, tables)],
            "programmePlaces": places.records()}
