"""The article importer's pieces without a database: reading a file, dates, the matcher's
mechanics, partner pairs, person names across scripts, the draft document.

TEST FIXTURES: the gazetteer and the sentences below are synthetic, written for these
tests to exercise the mechanics (cue words, prefixes, homonyms, acronyms, spellings);
they are not articles and are never imported into the registry."""

from __future__ import annotations

from pathlib import Path

from domain.person_names import same_person, skeleton
from domain.records import SECTIONS
from importers.articles.analyse import analyse
from importers.articles.dates import dates_in, full_dates
from importers.articles.document import article_document, draft_document, source_id
from importers.articles.facts import facts_of
from importers.articles.gazetteer import Entry, Gazetteer, build
from importers.articles.matcher import match
from importers.articles.text import parse_article, read_article
from importers.problems import Problem

ROWS = [  # a fixture gazetteer: two homonymous units, a small commune, curated entities
    ("MA:90.100", "مدينة", "PROVINCE", "MA:90", 300_000),
    ("MA:90.100.01.01", "مدينة", "COMMUNE", "MA:90.100", 90_000),
    ("MA:90.200.01.01", "مدينة", "COMMUNE", "MA:90.200", 5_000),
    ("MA:90.200", "جبلية", "PROVINCE", "MA:90", 200_000),
    ("MA:90.100.02.02", "قرية صغيرة", "COMMUNE", "MA:90.100", 3_000),
    ("MA:90.100.03.03", "واحة", "COMMUNE", "MA:90.100", 3_000),
    ("MA:90", "Région Test-Nord", "REGION", None, 1_000_000),
    ("network:test", "REMTEST", "Network", None, 0),
    ("org:test-agency", "الوكالة التجريبية للتنمية", "Organisation", None, 0),
    ("programme:test", "Programme de test ouvert", "Programme", None, 0),
    ("person:test", "خالد عزوزوي", "Person", None, 0),
    ("BE:99999", "Testbeek", "MUNICIPALITY", "BE:04000", 0),
]


def _gazetteer() -> Gazetteer:
    from domain.names import name_key
    territorial = ("PROVINCE", "COMMUNE", "REGION", "MUNICIPALITY")
    return build([{"id": i, "text": text, "key": name_key(text),
                   "lang": "fr" if text.isascii() else "ar", "kind": "official",
                   "type": kind, "level": kind if kind in territorial else None,
                   "parentId": parent, "country": i[:2] if kind in territorial else None,
                   "population": population}
                  for i, text, kind, parent, population in ROWS])


def _linked(text: str) -> list[tuple[str, str]]:
    mentions, _ = match(text, _gazetteer())
    return [(m.entity_id, m.text) for m in mentions]


def test_a_level_word_picks_the_homonym_at_its_level() -> None:
    assert _linked("نظم المجلس الإقليمي لمدينة لقاء") == [("MA:90.100", "مدينة")]
    assert _linked("عقد المجلس الجماعي لمدينة التابع لإقليم جبلية دورته") == [
        ("MA:90.200.01.01", "مدينة"), ("MA:90.200", "جبلية")]
    assert _linked("la province de Testbeek") == []  # a municipality abroad is no province


def test_a_homonym_without_context_is_listed_not_guessed() -> None:
    mentions, ambiguities = match("زار الوفد مدينة اليوم", _gazetteer())
    assert mentions == []
    assert [sorted(c[0] for c in a.candidates) for a in ambiguities] == [
        ["MA:90.100", "MA:90.100.01.01", "MA:90.200.01.01"]]


def test_the_province_named_next_to_a_commune_resolves_it() -> None:
    assert ("MA:90.200.01.01", "مدينة") in _linked("جماعة مدينة بإقليم جبلية")


def test_a_small_commune_needs_a_level_word() -> None:
    mentions, ambiguities = match("واحة خضراء", _gazetteer())
    assert mentions == [] and ambiguities[0].reason.startswith("a small commune")
    assert _linked("بجماعة واحة") == [("MA:90.100.03.03", "واحة")]
    assert _linked("وفد قرية صغيرة") == [("MA:90.100.02.02", "قرية صغيرة")]


def test_arabic_prefixes_are_taken_off_and_offsets_kept() -> None:
    text = "وبالوكالة التجريبية للتنمية"
    mentions, _ = match(text, _gazetteer())
    assert [(m.entity_id, text[m.start:m.end]) for m in mentions] == [
        ("org:test-agency", "الوكالة التجريبية للتنمية")]


def test_acronyms_only_as_written_and_region_by_level_word() -> None:
    assert _linked("le réseau REMTEST") == [("network:test", "REMTEST")]
    assert _linked("le mot remtest en minuscules") == []
    assert _linked("la région de Région Test-Nord") == [("MA:90", "Région Test-Nord")]
    assert ("programme:test", "programme de test ouvert") in _linked(
        "le programme de test ouvert démarre")


def test_people_are_found_in_latin_letters_from_their_arabic_name() -> None:
    mentions, _ = match("Selon Khalid Azzouzi, président", _gazetteer())
    assert [(m.entity_id, m.text, m.confidence) for m in mentions] == [
        ("person:test", "Khalid Azzouzi", 0.6)]
    assert same_person("نادية مومني", "Nadia Moumni")
    assert skeleton("السعيد بنخديجة") == skeleton("Said Benkhadija")
    assert not same_person("خالد عزوزوي", "Khalid Ziani")


def test_a_pair_with_a_municipality_abroad_reads_the_commune_level() -> None:
    article = parse_article("pair.txt", "شراكة واحة-تيستبيك، وغيرها.\n", [])
    assert article is not None
    (item,) = analyse(article, _gazetteer())
    assert [(p.home.entity_id, p.abroad.entity_id) for p in item.pairs] == [
        ("MA:90.100.03.03", "BE:99999")]
    assert item.ambiguities == []  # the small commune, paired, is no longer in doubt
    assert [f.kind for f in facts_of(item)] == ["TWINNING"]


def test_headers_items_language_and_dateline() -> None:
    problems: list[Problem] = []
    raw = ("URL: https://example.org/a\nTITLE: Titre\nPUBLISHER: Test\nDATE: 15/04/2024\n"
           "Premier paragraphe de la commune.\n— Deuxième nouvelle. Suite.\n"
           "— Troisième nouvelle\n")
    article = parse_article("a.txt", raw, problems)
    assert problems == [] and article is not None
    assert (article.url, article.publisher, article.published, article.language) == (
        "https://example.org/a", "Test", "2024-04-15", "fr")
    assert [i.headline for i in article.items] == ["Titre", "Deuxième nouvelle. Suite.",
                                                   "Troisième nouvelle"]
    assert article.text_of(article.items[1]) == "Deuxième nouvelle. Suite."
    dated = parse_article("b.txt", "اخبار | السبت 17 فبراير 2018 - 12:32\nنص الخبر\n", [])
    assert dated is not None and (dated.published, dated.language) == ("2018-02-17", "ar")


def test_bad_files_are_problems_with_file_and_line(tmp_path: Path) -> None:
    problems: list[Problem] = []
    (tmp_path / "bad.txt").write_bytes(b"caf\xe9")
    assert read_article(tmp_path / "bad.txt", problems) is None
    assert parse_article("d.txt", "TITLE: t\nDATE: demain\n\ntexte\n", problems) is not None
    assert parse_article("e.txt", "TITLE:\n", problems) is None
    assert [(p.file, p.record, p.field) for p in problems] == [
        ("bad.txt", "file", ""), ("d.txt", "header", "DATE"), ("e.txt", "line 1", "TITLE"),
        ("e.txt", "line 2", "text")]


def test_dates_full_ranges_and_relative_only_with_the_articles_date() -> None:
    text = "من 09 إلى 12 يوليوز 2012، ثم 14 فبراير الجاري، ce lundi 15 avril, mardi"
    assert [(d.iso, d.until) for d in full_dates(text)] == [("2012-07-09", "2012-07-12")]
    found = dates_in(text, "2018-02-17")
    assert [(d.iso, d.relative) for d in found] == [
        ("2012-07-09", False), ("2018-02-14", True), ("2018-04-15", True),
        ("2018-02-13", True)]
    assert len(dates_in(text, None)) == 1
    assert dates_in("اليوم الأربعاء", "2018-02-17") == []  # the 17th was a Saturday


def test_documents_hold_sources_mentions_and_a_draft_that_validates() -> None:
    raw = "TITLE: Test fixture\nDATE: 2024-01-02\n\nLe réseau REMTEST accueille la " \
          "province de Région Test-Nord.\n"
    article = parse_article("fixture.txt", raw, [])
    assert article is not None
    found = analyse(article, _gazetteer())
    document = article_document(article, found)
    assert [s["id"] for s in document["sources"]] == [source_id(article, 1)]
    assert document["sources"][0]["text"].startswith("Le réseau")
    for section in ("sources", "mentions"):
        for record in document[section]:
            SECTIONS[section].model_validate(record)
    facts = facts_of(found[0])
    draft = draft_document(article, facts)
    for section, records in draft.items():
        if section != "format":
            for record in records:
                SECTIONS[section].model_validate(record)


def test_common_words_never_enter_the_gazetteer() -> None:
    gazetteer = Gazetteer()
    gazetteer.add(Entry("org:x", "Organisation", ("programme",), "Programme", "fr"))
    gazetteer.add(Entry("org:y", "Organisation", ("ab",), "ab", "fr"))
    assert gazetteer.by_first == {}
