"""Multilingual name keys: one normal form for Arabic, French and Dutch names.

A key ignores case, Latin accents, Arabic diacritics and tatweel, and folds the
Arabic letters that are written interchangeably (hamza forms of alef, ta
marbuta, alef maqsura, hamza on waw and ya). Punctuation becomes a space, so
"Aït-Baha" and "ait baha" share a key. No transliteration between scripts is
attempted: it does not work for these names (see DOMAIN.md).
"""

from __future__ import annotations

import re
import unicodedata

_ARABIC_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_ARABIC_FOLDS = str.maketrans({
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",
    "ة": "ه", "ى": "ي", "ؤ": "و", "ئ": "ي", "ء": "",
    "ک": "ك", "ی": "ي",
})
_LATIN_FOLDS = str.maketrans({"œ": "oe", "æ": "ae", "ø": "o", "ł": "l", "đ": "d"})
_SEPARATORS = re.compile(r"[\W_]+")
# Only combining marks that decorate Latin letters (U+0300 to U+036F, as Unicode classes
# them); Arabic marks are handled by _ARABIC_MARKS.
_LATIN_MARKS = re.compile("[" + "".join(
    re.escape(chr(c)) for c in range(0x300, 0x370) if unicodedata.combining(chr(c))) + "]")

# Words that name the kind of unit rather than the unit, as people type them
# before a name ("Commune de Berkane", "جماعة بركان"). Stored as keys.
_PREFIXES = (
    "commune urbaine de", "commune urbaine d", "commune rurale de", "commune rurale d",
    "commune de", "commune d", "commune", "municipalite de", "municipalite d",
    "ville de", "ville d", "province de", "province d", "province du", "province",
    "prefecture de", "prefecture d", "prefecture", "region de", "region d", "region",
    "gemeente", "provincie", "cercle de", "cercle d",
    "الجماعه الترابيه", "الجماعه", "جماعه", "اقليم", "عماله", "جهه", "دائره",
)


def name_key(text: str) -> str:
    """The normal form used to compare and look up names."""
    folded = unicodedata.normalize("NFKD", text.casefold()).translate(_LATIN_FOLDS)
    folded = _LATIN_MARKS.sub("", folded)
    folded = unicodedata.normalize("NFC", folded)
    folded = _ARABIC_MARKS.sub("", folded).translate(_ARABIC_FOLDS)
    return " ".join(_SEPARATORS.sub(" ", folded).split())


def query_key(text: str) -> str:
    """The key of a searched text, without a leading "Commune de", "جماعة" and the like."""
    key = name_key(text)
    for prefix in _PREFIXES:
        if key.startswith(prefix + " ") and len(key) > len(prefix) + 1:
            return key[len(prefix) + 1:]
    return key


# Bidirectional overrides and isolates reorder what a reader sees: never part of a name.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Scripts whose letters pass for Latin ones (homoglyphs) when mixed into a Latin word.
_LOOKALIKE_SCRIPTS = ("CYRILLIC", "GREEK")


def clean_name(text: str) -> str:
    """A name as stored: NFKC-normalised and trimmed; ValueError when it cannot be one.

    Refused: control characters and bidirectional overrides, names with no letter or
    digit (only marks, symbols, invisible characters), and words mixing Latin
    letters with Cyrillic or Greek ones (homoglyphs).
    """
    name = " ".join(unicodedata.normalize("NFKC", text).split())
    if any(c in _BIDI_CONTROLS for c in name):
        raise ValueError("names may not contain right-to-left or left-to-right overrides")
    if any(unicodedata.category(c) == "Cc" for c in name):
        raise ValueError("names may not contain control characters")
    if not any(unicodedata.category(c)[0] in "LN" for c in name):
        raise ValueError("a name needs at least one letter or digit")
    for word in name.split():
        scripts = {_script(c) for c in word if unicodedata.category(c)[0] == "L"}
        if "LATIN" in scripts and scripts & set(_LOOKALIKE_SCRIPTS):
            raise ValueError(f"the word {word!r} mixes Latin letters with look-alike "
                             f"Cyrillic or Greek ones")
    return name


def _script(letter: str) -> str:
    return unicodedata.name(letter, "UNKNOWN").split(" ")[0]
