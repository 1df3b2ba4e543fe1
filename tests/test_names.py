"""Names as stored: normalised, and refused when they could deceive a reader."""

from __future__ import annotations

import pytest

from domain.names import clean_name


@pytest.mark.parametrize(("given", "stored"), [
    ("  Berkane  ", "Berkane"),
    ("Ｂｅｒｋａｎｅ", "Berkane"),  # full-width letters
    ("ﺑﺮﻛﺎﻥ", "بركان"),  # Arabic presentation forms
    ("Aït  Baha", "Aït Baha"),
    ("جماعة بركان", "جماعة بركان"),
    ("DGCT 🏛️", "DGCT 🏛️"),
])
def test_names_are_normalised(given: str, stored: str) -> None:
    assert clean_name(given) == stored


@pytest.mark.parametrize(("given", "why"), [
    ("\u0301\u0301", "letter or digit"),
    ("\u200b\u200c", "letter or digit"),
    ("🏛️", "letter or digit"),
    ("DGCT\u202e", "overrides"),
    ("\u2067Berkane", "overrides"),
    ("Berk\x07ane", "control"),
    ("Вerkane", "look-alike"),  # a Cyrillic В
    ("Οujda", "look-alike"),  # a Greek Ο
])
def test_deceptive_names_are_refused_with_the_reason(given: str, why: str) -> None:
    with pytest.raises(ValueError, match=why):
        clean_name(given)
