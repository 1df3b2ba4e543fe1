"""Multilingual name search over HTTP."""

from __future__ import annotations

import pytest

from tests.live import LiveServer

SEARCH = """query($text: String!, $types: [EntityKind!], $first: Int) {
    search(text: $text, types: $types, first: $first) { label match
    matchedName { text lang } entity { __typename id } } }"""


def ids(api: LiveServer, text: str, **variables: object) -> list[str]:
    hits = api.data(SEARCH, {"text": text, **variables})["search"]
    return [hit["entity"]["id"] for hit in hits]


@pytest.mark.parametrize("text", ["بركان", "Berkane", "berkane", "BERKANE", "Berkané",
                                  "Commune de Berkane", "جماعة بركان", "إقليم بركان",
                                  "بَرْكَان", "  berkane  "])
def test_berkane_finds_province_and_commune_first(api: LiveServer, text: str) -> None:
    assert ids(api, text)[:2] == ["MA:02.113", "MA:02.113.01.09"]


def test_hits_are_labelled_and_typed(api: LiveServer) -> None:
    hits = api.data(SEARCH, {"text": "Berkane", "first": 2})["search"]
    assert [(h["entity"]["__typename"], h["label"], h["match"]) for h in hits] == [
        ("Province", "Berkane (province, Oriental)", "EXACT"),
        ("Commune", "Berkane (commune, Berkane)", "EXACT"),
    ]


def test_arabic_letter_variants_match(api: LiveServer) -> None:
    # آسفي is written with alef madda; people type اسفي or أسفي.
    for text in ("اسفي", "أسفي", "آسفي"):
        assert ids(api, text)[0] == "MA:07.431"  # Safi, آسفي
    # ta marbuta / ha, and a leading عمالة
    assert ids(api, "عمالة الرباط")[0] == "MA:04.421"
    assert ids(api, "طنجه")[0] in {"MA:01.511", "MA:01.511.01.0"}


def test_dutch_and_french_names_of_a_belgian_municipality(api: LiveServer) -> None:
    assert ids(api, "Sint-Gillis")[0] == "BE:21013"
    assert ids(api, "saint gilles")[0] == "BE:21013"
    assert ids(api, "Schaarbeek")[0] == "BE:21015"


def test_word_inside_a_name_and_arabic_article(api: LiveServer) -> None:
    assert "MA:01" in ids(api, "Hoceima")
    assert "MA:04.421" in ids(api, "رباط")


def test_types_limit_the_kinds(api: LiveServer) -> None:
    assert ids(api, "Berkane", types=["COMMUNE"])[0] == "MA:02.113.01.09"
    assert ids(api, "Berkane", types=["PROVINCE"]) == ["MA:02.113"]


def test_first_limits_hits(api: LiveServer) -> None:
    assert len(ids(api, "sidi", first=7)) == 7


@pytest.mark.parametrize(("text", "fragment"), [("", "at least one letter"),
                                                ("---", "at least one letter"),
                                                ("x" * 201, "at most 200")])
def test_empty_or_huge_text_is_refused(api: LiveServer, text: str, fragment: str) -> None:
    error = api.error(SEARCH, {"text": text})
    assert error["extensions"]["argument"] == "text"
    assert fragment in error["message"]


def test_no_match_is_an_empty_list(api: LiveServer) -> None:
    assert ids(api, "Atlantis") == []


# Issue 15: what people type that found nothing, and the entity each must find first.
TYPED = [
    ("Azzouzi", "person:khalid-azzuzwi", "TRANSLITERATION"),  # خالد عزوزوي
    ("Khalid Azzouzi", "person:khalid-azzuzwi", "TRANSLITERATION"),
    ("Reniers", "person:jon-mishil-runih", "TRANSLITERATION"),  # جون-ميشيل رونيه
    ("Moumni", "person:nadia-mumni", "TRANSLITERATION"),  # نادية مومني
    ("Benkhadija", "person:alsaid-binkhadija", "TRANSLITERATION"),  # السعيد بنخديجة
    ("Tadafur", "programme:tadafur", "TRANSLITERATION"),  # مشروع تضافر
    ("Tangier", "MA:01.511.01.0", "TRANSLITERATION"),  # Tanger, طنجة
    ("Taroudant", "MA:09.541", "TRANSLITERATION"),  # Taroudannt
    ("Enabel Maroc", "org:enabel", "PARTIAL"),  # alias Enabel
    ("Brkane", "MA:02.113", "TRANSLITERATION"),  # Berkane, بركان
    # and the other way: Arabic script for names written in Latin letters
    ("ريماكتو", "network:remacto", "TRANSLITERATION"),  # REMACTO
    ("برولوكاليس", "org:brulocalis", "EXACT"),  # an alias as the article writes it
    ("Brulocaliss", "org:brulocalis", "TRANSLITERATION"),
]


@pytest.mark.parametrize(("text", "expected", "match"), TYPED)
def test_what_people_type_finds_the_entity_first(network_api: LiveServer, text: str,
                                                 expected: str, match: str) -> None:
    hits = network_api.data(SEARCH, {"text": text})["search"]
    assert (hits[0]["entity"]["id"], hits[0]["match"]) == (expected, match)
