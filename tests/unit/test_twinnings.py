"""The twinnings importer without a database: the CSV's and the alias table's validation,
gazetteer matching, resolution of each side, and what is written for a pair."""

from __future__ import annotations

from pathlib import Path

import pytest

from domain.records import SourceRecord
from importers.problems import Problem
from importers.territory.foreign import municipality
from importers.twinnings.backbone import Unit, Units, belgian_municipalities, split_within
from importers.twinnings.dataset import (
    ALIASES,
    AliasTable,
    CountryAlias,
    ForeignAlias,
    MoroccanAlias,
    Row,
    read_aliases,
    read_rows,
)
from importers.twinnings.document import document, pairs_of, source, source_id
from importers.twinnings.gazetteer import Place, key_of, match
from importers.twinnings.resolve import Resolver, alias_problems

HEADER = "moroccan_city,foreign_city,foreign_country,listed_on\n"
PAGE = "List of twin towns and sister cities in "


def _csv(tmp_path: Path, body: str, header: str = HEADER) -> tuple[list[Row], list[Problem]]:
    path = tmp_path / "pairs.csv"
    path.write_text(header + body, encoding="utf-8")
    problems: list[Problem] = []
    return read_rows(path, problems), problems


def test_rows_keep_their_line_and_page(tmp_path: Path) -> None:
    rows, problems = _csv(tmp_path, f"Fez,Florence,Italy,{PAGE}Italy\n"
                                    f'Oujda,Trowbridge,"England, United Kingdom",{PAGE}Morocco\n')
    assert problems == []
    assert [(r.line, r.data.foreign_country, r.data.page_country) for r in rows] == [
        (2, "Italy", "Italy"), (3, "England, United Kingdom", "Morocco")]


@pytest.mark.parametrize(("body", "record", "field", "message"), [
    (f"Fez,,Italy,{PAGE}Italy\n", "row 2", "foreign_city", "letter or digit"),
    ("Fez,Florence,Italy,Sister cities of Italy\n", "row 2", "listed_on", "pattern"),
    (f"Fez,Florence,Italy,{PAGE}Italy,extra\n", "row 2", "(extra cells)", "unknown field"),
    ("Fez,Florence\n", "row 2", "foreign_country", "required"),
    (f"Fez,Florence,Italy,{PAGE}Italy\nfez,FLORENCE,italy,{PAGE}Italy\n", "row 3", "",
     "repeats row 2"),
    (f"Fez,Flo\u202erence,Italy,{PAGE}Italy\n", "row 2", "foreign_city", "overrides"),
])
def test_bad_rows_are_problems_with_row_and_field(tmp_path: Path, body: str, record: str,
                                                  field: str, message: str) -> None:
    _, problems = _csv(tmp_path, body)
    assert any(p.file == "pairs.csv" and p.record == record and p.field == field
               and message in p.message for p in problems), problems


def test_a_wrong_header_refuses_the_file(tmp_path: Path) -> None:
    rows, problems = _csv(tmp_path, "Fez,Florence,Italy\n", header="city,twin,country\n")
    assert rows == []
    assert [(p.record, p.field) for p in problems] == [("row 1", "(header)")]


def test_the_shipped_alias_table_is_valid_and_documented() -> None:
    problems: list[Problem] = []
    table = read_aliases(ALIASES, problems)
    assert problems == []
    assert {a.alias for a in table.moroccan} == {"Fez", "Marrakesh", "Tangier", "Mohammedia",
                                                 "Asilah", "Skhirat"}
    assert {a.alias: a.iso for a in table.countries}["Palestine"] == "PS"
    assert {a.alias: a.geonamesId for a in table.foreign} == {
        "Xi'an": 1790630, "Wuxi": 1790923, "Ümraniye": 738377}


@pytest.mark.parametrize(("text", "record", "field", "message"), [
    ("moroccan:\n  - {alias: Fez, name: Fès}\n", "(table)", "moroccan.0.reason", "required"),
    ("moroccan:\n  - {alias: Fez, name: Fès, code: 03.231.01.0, reason: English exonym.}\n",
     "moroccan #1 (Fez)", "code", "exactly one"),
    ("moroccan:\n  - {alias: Fez, reason: English exonym of Fès.}\n", "moroccan #1 (Fez)",
     "code", "exactly one"),
    ("countries:\n  - {alias: England, iso: GB, reason: Part of the United Kingdom.}\n"
     "  - {alias: england, iso: GB, reason: Part of the United Kingdom.}\n",
     "countries #2 (england)", "alias", "given twice"),
    ("foreign:\n  - {alias: Wuxi, country: CN, geonamesId: wuxi, reason: The prefecture city.}\n",
     "(table)", "foreign.0.geonamesId", "integer"),
    ("colours: []\n", "(table)", "colours", "unknown field"),
])
def test_bad_aliases_are_problems(tmp_path: Path, text: str, record: str, field: str,
                                  message: str) -> None:
    path = tmp_path / "aliases.yaml"
    path.write_text("format: twinnings-aliases/1\n" + text, encoding="utf-8")
    problems: list[Problem] = []
    read_aliases(path, problems)
    assert any(p.record == record and p.field == field and message in p.message
               for p in problems), problems


PARIS = Place(2988507, "Paris", "FR", "11", 2_138_551, ("Parigi", "باريس", "Lutetia"))
PARIS_TX = Place(4717560, "Paris", "US", "TX", 24_782)
PARIS_TN = Place(4647963, "Paris", "US", "TN", 10_156)
SEVILLA = Place(2510911, "Sevilla", "ES", "51", 686_741, ("Seville", "Séville"))
TOWN = Place(1, "Sevilla la Nueva", "ES", "29", 9_000, ("Seville",))
KRAKOW = Place(3094802, "Kraków", "PL", "77", 816_614, ("Cracow", "Krakau"))


def test_a_name_matches_the_gazetteers_own_name_before_alternate_names() -> None:
    assert match([PARIS, SEVILLA], "paris").unique == PARIS
    assert match([SEVILLA, TOWN], "Sevilla").unique == SEVILLA
    found = match([SEVILLA, TOWN], "Seville")
    assert (found.by, found.found) == ("alternate name", (SEVILLA, TOWN))
    assert found.unique is None, "two places carry the alternate name: ambiguous"
    assert match([KRAKOW], "Krakow").unique == KRAKOW
    assert match([KRAKOW], "Cracow").by == "alternate name"
    assert match([KRAKOW], "Warsaw").found == ()


def test_several_places_of_one_name_are_all_candidates_largest_first() -> None:
    found = match([PARIS_TN, PARIS_TX], "Paris")
    assert found.unique is None
    assert [p.geonames_id for p in found.found] == [4717560, 4647963]
    assert found.found[0].label() == "GeoNames 4717560 Paris (US-TX, population 24,782)"


def test_key_of_ignores_case_accents_punctuation_and_other_scripts() -> None:
    assert key_of("Xi’an") == key_of("Xi'an") == "xi an"
    assert key_of("Ţūlkarm") == "tulkarm"
    assert key_of("İzmit") == "izmit"
    assert key_of("باريس") is None and key_of("巴黎") is None


MOROCCO = Units([
    Unit("MA:03.231.01.0", "COMMUNE", ("Fès", "فاس"), frozenset({"fes", "fes meknes"})),
    Unit("MA:06.141.01.0", "COMMUNE", ("Casablanca", "الدار البيضاء"),
         frozenset({"casablanca", "casablanca settat"})),
    Unit("MA:06.141.01.03", "ARRONDISSEMENT", ("Maârif", "المعاريف"),
         frozenset({"casablanca"})),
    Unit("MA:01.051.05.01", "COMMUNE", ("Ajdir", "أجدير"), frozenset({"al hoceima"})),
    Unit("MA:03.451.07.01", "COMMUNE", ("Ajdir", "أجدير"), frozenset({"taza"})),
])
BELGIUM = belgian_municipalities([
    {"id": "21013", "name": {"nl": "Sint-Gillis", "fr": "Saint-Gilles"}, "region": "04000"},
    {"id": "44021", "name": {"nl": "Gent", "fr": "Gand"}, "region": "02000"},
])
GENT = Place(2797656, "Gent", "BE", "VLG", 265_086, ("Ghent", "Gand"))
SAINT_GILLES = Place(2787413, "Saint-Gilles", "BE", "WAL", 50_221)  # wrongly placed


def _resolver(**aliases: object) -> Resolver:
    table = AliasTable(format="twinnings-aliases/1", **aliases)
    return Resolver(table, MOROCCO, BELGIUM, {"FR": "France", "ES": "Spain", "BE": "Belgium",
                                              "US": "United States", "CN": "China"},
                    [PARIS, PARIS_TX, PARIS_TN, SEVILLA, GENT, SAINT_GILLES])


def test_moroccan_sides_by_name_within_a_parent_and_through_aliases() -> None:
    resolver = _resolver(moroccan=[MoroccanAlias(alias="Fez", name="Fès",
                                                 reason="English exonym of Fès.")])
    assert split_within("Maârif (Casablanca)") == ("Maârif", "Casablanca")
    assert resolver.moroccan("Maarif (Casablanca)").id == "MA:06.141.01.03"
    assert resolver.moroccan("Maârif (Rabat)").reason.startswith("no HCP commune")
    fez = resolver.moroccan("Fez")
    assert (fez.id, fez.how) == ("MA:03.231.01.0", "alias")
    assert resolver.moroccan("Fès").id == "MA:03.231.01.0"
    assert resolver.moroccan("Fes").how == "name"


def test_an_ambiguous_moroccan_name_is_reported_with_its_candidates() -> None:
    side = _resolver().moroccan("Ajdir")
    assert side.id is None
    assert side.reason == "2 candidates for HCP commune or arrondissement 'Ajdir'"
    assert side.candidates == ("MA:01.051.05.01 Ajdir / أجدير (commune)",
                               "MA:03.451.07.01 Ajdir / أجدير (commune)")
    assert _resolver().moroccan("Ajdir (Taza)").id == "MA:03.451.07.01"


def test_foreign_sides_countries_and_gazetteer_aliases() -> None:
    resolver = _resolver(
        countries=[CountryAlias(alias="USA", iso="US", reason="The lists' abbreviation.")],
        foreign=[ForeignAlias(alias="Paris", country="US", geonamesId=4717560,
                              reason="Paris, Texas, as the list page says.")])
    assert resolver.country("france") == "FR" and resolver.country("USA") == "US"
    assert resolver.country("Atlantis") is None
    paris = resolver.foreign("Paris", "FR")
    assert (paris.id, paris.how, paris.place) == ("FR:gn2988507", "name", PARIS)
    assert resolver.foreign("Paris", "US").id == "US:gn4717560"
    assert resolver.foreign("Seville", "ES").how == "alternate name"
    assert resolver.foreign("Wuhan", "CN").reason == (
        "no place of that name of CN in the gazetteer (GeoNames cities500)")
    assert alias_problems(resolver, "aliases.yaml") == []


def test_belgian_sides_resolve_to_the_backbone_with_a_consistent_geonames_id() -> None:
    resolver = _resolver()
    ghent = resolver.foreign("Ghent", "BE")
    assert (ghent.id, ghent.place) == ("BE:44021", GENT)
    assert ghent.how == "GeoNames alternate name, then name"
    gilles = resolver.foreign("Saint-Gilles", "BE")
    assert gilles.id == "BE:21013"
    assert gilles.place is None, "GeoNames puts it in Wallonia: its id is not taken"


def test_an_alias_that_leads_nowhere_is_a_problem() -> None:
    resolver = _resolver(
        moroccan=[MoroccanAlias(alias="Fez", name="Fes el Bali", reason="Old name of Fès.")],
        foreign=[ForeignAlias(alias="Paris", country="FR", geonamesId=4717560,
                              reason="Paris, Texas, in France by mistake.")])
    assert [(p.record, p.field) for p in alias_problems(resolver, "aliases.yaml")] == [
        ("moroccan #1 (Fez)", "name"), ("foreign #1 (Paris)", "geonamesId")]


def test_a_pair_listed_twice_is_one_twinning_citing_both_pages(tmp_path: Path) -> None:
    rows, _ = _csv(tmp_path, f"Fes,Paris,France,{PAGE}France\n"
                             f"Fès,Paris,France,{PAGE}Morocco\n"
                             f"Ajdir,Paris,France,{PAGE}France\n")
    resolver = _resolver()
    pairs = pairs_of(resolver.outcome(row) for row in rows)
    assert [(p.moroccan, p.foreign, p.sources) for p in pairs] == [
        ("MA:03.231.01.0", "FR:gn2988507", ["src:wikipedia-twin-towns-france",
                                            "src:wikipedia-twin-towns-morocco"])]
    curated = document(pairs, [])
    assert [s["id"] for s in curated["sources"]] == pairs[0].sources
    [twinning] = curated["twinnings"]
    assert twinning["parties"] == ["MA:03.231.01.0", "FR:gn2988507"]
    assert twinning["note"] == ("Listed by Wikipedia as Fes – Paris (France); "
                                "Fès – Paris (France).")


def test_sources_name_and_link_each_list_page() -> None:
    assert source_id("United States") == "src:wikipedia-twin-towns-united-states"
    page = source("United States")
    assert page["title"] == "Wikipedia, List of twin towns and sister cities in United States"
    assert page["url"] == ("https://en.wikipedia.org/wiki/"
                           "List_of_twin_towns_and_sister_cities_in_United_States")
    assert (page["publisher"], page["kind"], page["language"]) == ("Wikipedia", "DATASET", "en")
    assert ("licence" in page) == ("licence" in SourceRecord.model_fields)
    assert "CC BY-SA 4.0" in page["note"]


def test_a_gazetteer_unit_keeps_its_name_undetermined_and_alternates_as_aliases() -> None:
    record = municipality("FR", 2988507, "Paris", ["Parigi", "PARIS", "باريس", "\u202eX"])
    assert (record.id, record.props["code"], record.props["geonamesId"]) == (
        "FR:gn2988507", "gn2988507", 2988507)
    props = record.node_props()
    assert props["nameUnd"] == "Paris" and "nameFr" not in props
    assert [(r["text"], r["lang"], r["kind"]) for r in record.name_rows()] == [
        ("Paris", "und", "official"), ("Parigi", "und", "alias"), ("باريس", "und", "alias")]
    assert record.import_hash() != municipality("FR", 2988507, "Paris", []).import_hash()
