"""The World Bank importer without a database: row validation, text repair, the documented
tables, place plans, the document it builds, and money through rows and export."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path
from typing import Any

import pytest

from domain.records import ENTITY_RECORDS
from domain.rows import entity_row, own_values
from importers.network.parse import parse_document
from importers.problems import Problem
from importers.worldbank import document
from importers.worldbank.checks import check
from importers.worldbank.places import Place, Resolution, decide, plan
from importers.worldbank.repair import repair
from importers.worldbank.rows import DATA_DIR, LOCATIONS, PROJECTS, LocationRow, ProjectRow, read
from importers.worldbank.tables import AGENCIES, REGIONS, Tables, load


@pytest.fixture(scope="module")
def tables() -> Tables:
    problems: list[Problem] = []
    loaded = load(problems)
    assert problems == []
    return loaded


def _copy(tmp_path: Path) -> Path:
    for path in DATA_DIR.iterdir():
        shutil.copy(path, tmp_path / path.name)
    return tmp_path


def _edit(path: Path, row: int, column: str, value: str) -> None:
    """Set one cell (`row` as a spreadsheet numbers it: the header is row 1)."""
    with path.open(encoding="utf-8", newline="") as stream:
        records = list(csv.DictReader(stream))
    records[row - 2][column] = value
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=list(records[0]))
        writer.writeheader()
        writer.writerows(records)


# --- repair ---------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected", "fixed", "lost"), [
    ("Office National de l'ElectricitÃ© et de l'Eau Potable",
     "Office National de l'Electricité et de l'Eau Potable", True, 0),
    ("dâ€™Ã©quipement", "d’équipement", True, 0),
    ("Région de Souss-Massa-Drâa", "Région de Souss-Massa-Drâa", False, 0),
    ("l’Emploi et des Compétences", "l’Emploi et des Compétences", False, 0),
    ("Agence du Bassin Hydraulique de l?Oum er Rbia",
     "Agence du Bassin Hydraulique de l?Oum er Rbia", False, 1),
    ("?\tA. Deepening\r\n?\tB. Reforming", "? A. Deepening ? B. Reforming", False, 2),
    ("Pourquoi ? Parce que", "Pourquoi ? Parce que", False, 0),
    ("\r\nTHE OBJECTIVE\r\nIS  TO\xa0IMPROVE\r\n", "THE OBJECTIVE IS TO IMPROVE", False, 0),
])
def test_repair_decodes_mojibake_keeps_the_rest_and_counts_what_is_lost(
        text: str, expected: str, fixed: bool, lost: int) -> None:
    repaired = repair(text)
    assert (repaired.text, repaired.changed, repaired.lost) == (expected, fixed, lost)


# --- rows -----------------------------------------------------------------------------

def test_the_shipped_files_validate_whole() -> None:
    problems: list[Problem] = []
    projects = read(DATA_DIR / PROJECTS, ProjectRow, problems)
    locations = read(DATA_DIR / LOCATIONS, LocationRow, problems)
    assert problems == []
    assert (len(projects.valid), len(locations.valid)) == (359, 250)
    label, first = projects.valid[0]
    assert label == "row 2 (P005347)"
    assert (first.status.programme_status, first.curr_total_commitment) == ("CLOSED", 5600000.0)
    assert str(first.boardapprovaldate) == "1994-04-06"
    repaired = [t for t in projects.texts if t.repaired]
    assert [(t.row, t.column) for t in repaired] == [("row 256 (P104265)", "impagency")]
    assert {t.row for t in projects.texts if t.lost} == {
        "row 225 (P063918)", "row 300 (P147257)", "row 315 (P154280)"}


@pytest.mark.parametrize(("row", "column", "value", "message"), [
    (5, "status", "Ongoing", "'Active', 'Closed', 'Dropped' or 'Pipeline'"),
    (7, "boardapprovaldate", "1994-13-40", "date"),
    (7, "closingdate", "1950-01-01", "closingdate 1950-01-01 is before boardapprovaldate"),
    (9, "curr_total_commitment", "-5", "greater than or equal to 0"),
    (9, "curr_total_commitment", "lots", "valid number"),
    (11, "countryshortname", "Tunisia", "'Morocco'"),
    (12, "id", "PX12", "pattern"),
])
def test_a_bad_cell_is_a_problem_naming_file_row_and_field(
        tmp_path: Path, row: int, column: str, value: str, message: str) -> None:
    path = _copy(tmp_path) / PROJECTS
    _edit(path, row, column, value)
    problems: list[Problem] = []
    projects = read(path, ProjectRow, problems)
    assert len(projects.valid) == 358
    [problem] = problems
    assert problem.file == PROJECTS and problem.record.startswith(f"row {row}")
    assert problem.field in (column, "(record)") and message in problem.message, problem


def test_an_unknown_or_missing_column_is_a_problem(tmp_path: Path) -> None:
    path = _copy(tmp_path) / LOCATIONS
    text = path.read_text(encoding="utf-8").replace("admin_unit2_name", "admin_unit3_name", 1)
    path.write_text(text, encoding="utf-8")
    problems: list[Problem] = []
    read(path, LocationRow, problems)
    assert {(p.field, p.message[:13]) for p in problems} == {
        ("admin_unit3_name", "unknown field"), ("admin_unit2_name", "Field require")}
    assert len(problems) == 2 * 250


def test_checks_across_files(tmp_path: Path, tables: Tables) -> None:
    directory = _copy(tmp_path)
    _edit(directory / PROJECTS, 3, "impagency", "Ministry of Magic")
    _edit(directory / LOCATIONS, 4, "project_id", "P999999")
    problems: list[Problem] = []
    projects = read(directory / PROJECTS, ProjectRow, problems)
    locations = read(directory / LOCATIONS, LocationRow, problems)
    found = check(projects, locations, tables)
    assert [(p.file, p.record, p.field) for p in found] == [
        (PROJECTS, "row 3 (P005348)", "impagency"),
        (LOCATIONS, "row 4 (P999999)", "project_id")]
    assert AGENCIES in found[0].message and PROJECTS in found[1].message


# --- tables ---------------------------------------------------------------------------

def test_every_agency_spelling_of_the_data_is_in_the_table(tables: Tables) -> None:
    problems: list[Problem] = []
    projects = read(DATA_DIR / PROJECTS, ProjectRow, problems)
    spellings = {p.impagency for _, p in projects.valid if p.impagency}
    assert len(spellings) == 59
    assert all(tables.agencies_named(text) for text in spellings)
    assert set(tables.by_variant) == spellings, "no spelling listed that the data lacks"
    assert len({a.id for text in spellings for a in tables.agencies_named(text)}) == 43


def test_variants_merge_into_one_organisation(tables: Tables) -> None:
    onee = {text for text, agencies in tables.by_variant.items()
            if [a.id for a in agencies] == ["org:onee"]}
    assert len(onee) == 5
    assert "Office National de l'Electricité et de l'Eau Potable" in onee, "the repaired one"
    assert [a.id for a in tables.agencies_named("CSPJ and MOJ")] == [
        "org:cspj", "org:ministry-of-justice"]
    assert [a.id for a in tables.agencies_named("Ministry of Justice and Liberties")] == [
        "org:ministry-of-justice-and-liberties"], "a renamed body is not merged"


def test_regions_table_maps_former_regions(tables: Tables) -> None:
    oriental = tables.region("Region de l' Oriental")
    assert oriental is not None and getattr(oriental, "today", None) == ["Oriental"]
    assert tables.region("Région de l’ Oriental") is oriental
    souss = tables.region("Region de Souss-Massa-Draa")
    assert souss is not None and len(getattr(souss, "today", [])) == 3
    assert tables.region("Marrakesh-Safi") is not None


def test_a_table_naming_a_region_twice_is_refused(tmp_path: Path) -> None:
    directory = _copy(tmp_path)
    path = directory / REGIONS
    path.write_text(path.read_text(encoding="utf-8") + "  - {region: Oriental bis, names: "
                    "[\"Oriental Region\"], today: [Oriental]}\n", encoding="utf-8")
    problems: list[Problem] = []
    load(problems, directory)
    assert [(p.file, p.record, p.field) for p in problems] == [
        (REGIONS, "Oriental bis", "names")]


# --- places ---------------------------------------------------------------------------

def test_plans_of_places(tables: Tables) -> None:
    oriental = plan(Place("Region de l' Oriental", "Region de l' Oriental"), tables)
    assert (oriental.names, [level.value for level in oriental.levels]) == (
        ("Oriental",), ["REGION"])
    tangier = plan(Place("Tangier"), tables)
    assert tangier.names == ("Tanger",) and len(tangier.levels) == 3
    narrowed = plan(Place("El Ksiba", "Tadla-Azilal"), tables)
    assert narrowed.parents == ("Béni Mellal-Khénifra",)
    split = plan(Place("Boujad", "Chaouia-Ouardigha"), tables)
    assert split.parents == ("Casablanca-Settat", "Béni Mellal-Khénifra")
    assert "whole country" in plan(Place("Kingdom of Morocco"), tables).failure
    assert "split in 2015" in plan(Place("Région de Doukkala-Abda"), tables).failure
    assert "34.98 N" in plan(Place("Oulad Boubker"), tables).failure
    assert plan(Place(None), tables).failure == "no place name"


def _unit(unit_id: str, level: str, **parents: str) -> dict[str, Any]:
    return {"id": unit_id, "level": level, "nameFr": unit_id, **parents}


def test_decisions_province_holding_its_chief_town_and_ambiguity(tables: Tables) -> None:
    safi = plan(Place("Safi"), tables)
    province = _unit("MA:07.431", "PROVINCE", regionId="MA:07", parentId="MA:07")
    town = _unit("MA:07.431.01.03", "COMMUNE", provinceId="MA:07.431", regionId="MA:07")
    chosen = decide(safi, [town, province, town])
    assert chosen.unit == province and len(chosen.candidates) == 2
    ajdir = decide(plan(Place("Ajdir"), tables), [
        _unit("MA:01.051.01.09", "COMMUNE", provinceId="MA:01.051"),
        _unit("MA:03.561.03.01", "COMMUNE", provinceId="MA:03.561")])
    assert ajdir.unit is None and "ambiguous, 2 candidates" in ajdir.reason
    assert [c.split()[0] for c in ajdir.candidates] == ["MA:01.051.01.09", "MA:03.561.03.01"]
    nothing = decide(plan(Place("Tansift"), tables), [])
    assert nothing.reason == "no region, province or commune named 'Tansift' in the backbone"


# --- the document and money -----------------------------------------------------------

def _document(tables: Tables) -> dict[str, Any]:
    problems: list[Problem] = []
    projects = [p for _, p in read(DATA_DIR / PROJECTS, ProjectRow, problems).valid]
    locations = [r for _, r in read(DATA_DIR / LOCATIONS, LocationRow, problems).valid]
    oriental = {"id": "MA:02", "level": "REGION", "nameFr": "Oriental"}
    resolutions = {Place(r.geo_loc_name, r.admin_unit1_name): Resolution(
        oriental if r.geo_loc_name == "Region de l' Oriental" else None) for r in locations}
    return document.build(projects, locations, resolutions, tables)


def test_the_document_is_a_valid_curated_document(tables: Tables) -> None:
    built = _document(tables)
    problems: list[Problem] = []
    parsed = parse_document(document.ORIGIN, built, problems)
    assert problems == []
    assert len(parsed.of("programmes")) == len(parsed.of("sources")) == 359
    roles = [link["role"] for link in built["participations"]]
    assert (roles.count("FUNDER"), roles.count("IMPLEMENTER"), roles.count("ACCOUNTABLE")) == (
        163, 93, 0)
    assert len(built["organisations"]) == 1 + 41, "the Bank and the agencies not yet held"
    places = built["programmePlaces"]
    assert [(p["programme"], p["place"]) for p in places] == [
        ("programme:worldbank-p041396", "MA:02"), ("programme:worldbank-p121271", "MA:02")]
    assert "Geocoded as \"Region de l' Oriental\"" in places[0]["note"]


def test_a_programme_record(tables: Tables) -> None:
    programmes = {p["id"]: p for p in _document(tables)["programmes"]}
    first = programmes["programme:worldbank-p005347"]
    assert first["commitment"] == {"amount": 5600000.0, "currency": "USD"}
    assert (first["status"], first["start"], first["end"], first["worldBankId"]) == (
        "CLOSED", "1994-04-06", "1999-12-31", "P005347")
    dropped = next(p for p in programmes.values() if p["status"] == "DROPPED"
                   and "Board approval date" in p.get("note", ""))
    assert "start" not in dropped and "end" not in dropped
    sources = {s["id"]: s for s in _document(tables)["sources"]}
    assert sources["src:worldbank-p005347"]["title"] == \
        "World Bank, Projects & Operations, project P005347"
    assert sources["src:worldbank-p005347"]["licence"] == "CC BY 4.0"


def test_money_is_stored_flat_and_given_back_nested() -> None:
    record = ENTITY_RECORDS["Programme"].model_validate({
        "id": "programme:p", "kind": "PROJECT", "name": {"en": "P"}, "sources": ["src:s"],
        "commitment": {"amount": 5600000, "currency": "USD"}})
    row, _ = entity_row("Programme", record, "test")
    assert (row["props"]["commitmentAmount"], row["props"]["commitmentCurrency"]) == (
        5600000.0, "USD")
    assert "commitment" not in row["props"]
    assert own_values("Programme", row["props"])["commitment"] == {
        "amount": 5600000.0, "currency": "USD"}
    without, _ = entity_row("Programme", record.model_copy(update={"commitment": None}), "t")
    assert without["props"]["commitmentAmount"] is None, "a removed value is cleared"
    assert "commitment" not in own_values("Programme", without["props"])


@pytest.mark.parametrize("money", [{"amount": -1, "currency": "USD"},
                                   {"amount": 1, "currency": "dollars"},
                                   {"amount": 1}, "5.6 million USD"])
def test_money_is_typed(money: Any) -> None:
    with pytest.raises(ValueError):  # pydantic's ValidationError is a ValueError
        ENTITY_RECORDS["Programme"].model_validate({
            "id": "programme:p", "kind": "PROJECT", "name": {"en": "P"},
            "sources": ["src:s"], "commitment": money})
