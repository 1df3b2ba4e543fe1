"""Sound skeletons: Latin spellings of Arabic names and Arabic spellings of Latin ones meet."""

from __future__ import annotations

import pytest

from domain.matching import Match, closeness, search_text
from domain.names import name_key
from domain.transliteration import long_skeletons, name_sounds, name_terms, word_skeletons


def sounds(text: str) -> set[str]:
    return set(name_sounds(name_key(text)).split())


@pytest.mark.parametrize(("latin", "arabic"), [
    ("Azzouzi", "عزوزوي"),  # doubled letters, ou for و, a dropped ain
    ("Azouzi", "عزوزي"),
    ("El Azzouzi", "العزوزي"),  # the article set aside, written apart or joined
    ("Al-Azzouzi", "عزوزي"),
    ("Moumni", "مومني"),
    ("Benkhadija", "بنخديجة"),  # kh, j, ta marbuta
    ("Ben Khadija", "بنخديجة"),  # written apart in Latin, joined in Arabic
    ("Tadafur", "تضافر"),
    ("Tadafor", "تضافر"),
    ("Khalid", "خالد"),
    ("Driouch", "الدريوش"),  # ch for ش
    ("Drioush", "الدريوش"),  # sh for ش
    ("Djerada", "جرادة"),  # dj for ج
    ("Jerada", "جرادة"),
    ("Oujda", "وجدة"),
    ("Guelmim", "كلميم"),  # gu, and k/g/q as one sound
    ("Kenitra", "القنيطرة"),
    ("Mohammedia", "المحمدية"),
    ("Ouarzazate", "ورزازات"),
    ("Essaouira", "الصويرة"),  # sun letter: Es- for ال
    ("Rehamna", "الرحامنة"),
    ("Tangier", "طنجة"),  # French g before e and i, silent final r
    ("Reniers", "رونيه"),  # French silent -s and -r
    ("REMACTO", "ريماكتو"),
    ("Abdelaziz", "عبد العزيز"),  # two Arabic words, one Latin word
])
def test_a_latin_spelling_and_the_arabic_name_share_a_sound(latin: str, arabic: str) -> None:
    assert sounds(latin) & sounds(arabic)


@pytest.mark.parametrize(("one", "other"), [
    ("Taroudant", "Taroudannt"), ("Tangier", "Tanger"), ("Brkane", "Berkane"),
    ("Tadafur", "Tadafor"), ("Azouzi", "Azzouzi"),
])
def test_two_latin_spellings_share_a_sound(one: str, other: str) -> None:
    assert sounds(one) & sounds(other)


@pytest.mark.parametrize(("one", "other"), [
    ("Berkane", "Oujda"), ("Azzouzi", "Moumni"), ("خالد", "نادية"), ("Rabat", "Tanger"),
])
def test_different_names_do_not(one: str, other: str) -> None:
    assert not sounds(one) & sounds(other)


def test_words_without_a_sound() -> None:
    assert word_skeletons("2022") == ()
    assert word_skeletons("el") == ()  # an article alone
    assert word_skeletons("de") == ()
    assert word_skeletons("北京") == ()  # another script


def test_terms_hold_each_arabic_word_also_without_its_article() -> None:
    assert name_terms(name_key("الرباط")) == "الرباط رباط"
    assert name_terms(name_key("Commune de Berkane")) == "commune de berkane"


def test_long_vowels_tell_apart_words_of_one_sound() -> None:
    assert long_skeletons("azzouzi") == ("zwzy",)
    assert long_skeletons(name_key("عزوزوي")) == ("zwzwy",)
    assert long_skeletons(name_key("عزوز")) == ("zwz",)
    assert long_skeletons("reniers") == ("rnyrs", "rny")  # French silent endings
    assert long_skeletons("2022") == ("2022",)


def test_closeness_prefers_the_other_script_then_the_closer_spelling() -> None:
    text = search_text("azzouzi")
    person = closeness(text, name_key("خالد عزوزوي"))
    commune = closeness(text, name_key("أولاد عزوز"))
    namesake = closeness(text, "oulad azzouz")
    match = Match.TRANSLITERATION
    assert person.across and not namesake.across
    assert sorted([namesake, commune, person], key=lambda c: c.order(match)) == [
        person, commune, namesake]


def test_some_words_prefer_the_name_they_cover_then_the_rarer_word() -> None:
    text = search_text("enabel maroc")
    enabel = closeness(text, "enabel")
    regions = closeness(text, name_key("Association des Régions du Maroc"))
    assert (enabel.matched, regions.matched) == (1, 1)
    assert enabel.order(Match.PARTIAL, 2.0) < regions.order(Match.PARTIAL, 1.0)
