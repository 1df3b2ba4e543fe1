"""Sound keys that let a name written in Arabic script and its Latin spellings meet.

Whole-string transliteration fails between these scripts (DOMAIN.md), so each word
of a name is reduced to a consonant *skeleton* in a small shared alphabet: Arabic
letters by their usual Maghrebi French rendering, Latin spellings through the same
conventions (ou/u, ch/sh, kh, dj/j, gh, q/k/g, doubled letters), vowels and the
letters that stand for vowels (alef, waw, ya, ain) dropped, and a leading article
(al-, el-, ال) set aside. "Azzouzi", "Azouzi", "El Azzouzi" and "عزوزي" all give
`zz`; "Benkhadija" and "بنخديجة" give `bnxdj`. A skeleton says two words may sound
alike, nothing more: search ranks such matches below names matched as written and
shows the name it matched.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# The shared alphabet: b t j d r z s c(sh) f k(k, q, g) l m n h x(kh).
_ARABIC = str.maketrans({
    "ب": "b", "پ": "b", "ت": "t", "ث": "t", "ط": "t", "ج": "j", "د": "d", "ذ": "d",
    "ض": "d", "ظ": "d", "ر": "r", "ز": "z", "س": "s", "ص": "s", "ش": "c", "چ": "c",
    "ف": "f", "ڤ": "f", "ق": "k", "ك": "k", "گ": "k", "ڭ": "k", "غ": "k", "ل": "l",
    "م": "m", "ن": "n", "ه": "h", "ح": "h", "خ": "x",
    "ا": "", "و": "", "ي": "", "ع": "", "ء": "",
})
# Latin spellings, longest first; applied left to right by one expression.
_LATIN = (
    ("sch", "c"), ("tch", "c"), ("ch", "c"), ("sh", "c"), ("kh", "x"), ("gh", "k"),
    ("th", "t"), ("dh", "d"), ("ph", "f"), ("dj", "j"), ("ck", "k"), ("qu", "k"),
    ("gue", "ke"), ("gui", "ki"), ("ge", "je"), ("gi", "ji"), ("gy", "jy"),
    ("ce", "se"), ("ci", "si"), ("cy", "sy"), ("c", "k"), ("q", "k"), ("g", "k"),
    ("x", "ks"), ("v", "f"), ("p", "b"),
)
_LATIN_RULE = re.compile("|".join(re.escape(a) for a, _ in _LATIN))
_LATIN_MAP = dict(_LATIN)
_VOWELS = re.compile("[aeiouwy]")
_SHORT_VOWELS = re.compile("[aeo]")
_LONG_VOWELS = (("ou", "w"), ("u", "w"), ("i", "y"))
_ARABIC_LONG = str.maketrans({"و": "w", "ي": "y"})
_DOUBLES = re.compile(r"(.)\1+")
_ARABIC_LETTER = re.compile("[\u0620-\u064a\u0671-\u06d3]")
_LATIN_WORD = re.compile("^[a-z]+$")
# Words that carry no sound of the name: articles and French, Dutch, English links.
_FUNCTION_WORDS = frozenset({
    "al", "el", "ad", "ed", "ar", "er", "as", "es", "at", "et", "az", "ez", "an", "en",
    "ech", "ach", "de", "du", "des", "la", "le", "les", "d", "l", "au", "aux", "of",
    "the", "and", "van", "der", "den", "het", "sur", "s",
})
_ARABIC_ARTICLE = "ال"


def _collapse(text: str) -> str:
    """One letter for a doubled one (Arabic writes a doubled consonant once, with shadda)."""
    return _DOUBLES.sub(r"\1", text)


def _latin(word: str, long: bool = False) -> str:
    # Doubled letters are collapsed before vowels go (Azzouzi: zz, as عزوزي), never after.
    spelled = _LATIN_RULE.sub(lambda m: _LATIN_MAP[m.group(0)], _collapse(word))
    if spelled.endswith("h"):  # a final h is a vowel's mark (Fatimah, Allah)
        spelled = spelled[:-1]
    spelled = _collapse(spelled)
    if not long:
        return _VOWELS.sub("", spelled)
    for vowel, letter in _LONG_VOWELS:
        spelled = spelled.replace(vowel, letter)
    return _SHORT_VOWELS.sub("", spelled)


def _french_silent(word: str) -> str | None:
    """The word without the endings French does not pronounce (Reniers: renie), or None."""
    bare = word[:-1] if len(word) > 3 and word[-1] in "sx" else word
    if len(bare) > 4 and bare.endswith(("er", "ez")):
        bare = bare[:-1]
    return bare if bare != word else None


def _arabic(word: str, long: bool = False) -> str:
    if word.startswith(_ARABIC_ARTICLE) and len(word) > 3:
        word = word[2:]
    if word.endswith("ه") and len(word) > 2:  # ta marbuta, folded to ha by name_key
        word = word[:-1]
    word = _collapse(word)
    return (word.translate(_ARABIC_LONG) if long else word).translate(_ARABIC)


@lru_cache(maxsize=65536)
def word_skeletons(word: str) -> tuple[str, ...]:
    """The skeletons a normal-form word may sound as (none for digits, articles, other
    scripts); the first is the word as spelled."""
    if _ARABIC_LETTER.search(word):
        if any(unicodedata.category(c)[0] == "L" and not _ARABIC_LETTER.match(c)
               for c in word):
            return ()
        found = [_arabic(word)]
    elif _LATIN_WORD.match(word) and word not in _FUNCTION_WORDS:
        found = [_latin(word)]
        silent = _french_silent(word)
        if silent:
            found.append(_latin(silent))
    else:
        return ()
    return tuple(dict.fromkeys(s for s in found if s))


def _article_joined(word: str) -> str | None:
    """The skeleton of an Arabic word with its article heard as l (عبد العزيز: Abdelaziz)."""
    if word.startswith(_ARABIC_ARTICLE) and len(word) > 3:
        return "l" + _arabic(word)
    return None


def name_sounds(key: str) -> str:
    """Every skeleton of a name's normal-form key, space-separated, for the full-text
    index: each word's, and each pair of neighbouring words' joined (Ben Khadija and
    Benkhadija, عبد العزيز and Abdelaziz meet)."""
    words = key.split()
    per_word = [word_skeletons(w) for w in words]
    sounds = [s for skeletons in per_word for s in skeletons]
    for i in range(len(words) - 1):
        for left in per_word[i][:1]:
            joined = [s for s in per_word[i + 1][:1]]
            if (article := _article_joined(words[i + 1])) is not None:
                joined.append(article)
            sounds += [left + right for right in joined]
    return " ".join(dict.fromkeys(sounds))


def name_terms(key: str) -> str:
    """The words of a name's key for the full-text index, with each Arabic word also
    without its article (الرباط is found as رباط)."""
    terms: list[str] = []
    for word in key.split():
        terms.append(word)
        if word.startswith(_ARABIC_ARTICLE) and len(word) > 3:
            terms.append(word[2:])
    return " ".join(dict.fromkeys(terms))


def is_arabic(text: str) -> bool:
    """Whether a text holds Arabic letters."""
    return bool(_ARABIC_LETTER.search(text))


@lru_cache(maxsize=65536)
def long_skeletons(word: str) -> tuple[str, ...]:
    """The skeletons with the long vowels kept (w for و, ou and u; y for ي and i), to tell
    apart words of one skeleton by how alike they sound (Azzouzi: zwzy, عزوزوي: zwzwy,
    عزوز: zwz), as spelled and, for Latin, without French silent endings (Reniers: rnyrs,
    rny); the word itself when it has no skeleton."""
    if not word_skeletons(word):
        return (word,)
    if is_arabic(word):
        return (_arabic(word, long=True),)
    silent = _french_silent(word)
    return (_latin(word, long=True),) + ((_latin(silent, long=True),) if silent else ())
