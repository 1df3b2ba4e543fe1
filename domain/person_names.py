"""Arabic and Latin spellings of one name compared through a consonant skeleton.

Articles name people in one script (the seeds write them in Arabic only) and readers
write them in the other ("Azzouzi" for عزوزوي, "Moumni" for مومني). Transliteration
tables disagree on vowels (ou/u/o, i/e), on doubled letters and on Maghrebi French
conventions (ch for ش, kh for خ, dj for ج, gh for غ), so both spellings are reduced to
the consonants they agree on: vowels and the letters Arabic uses as vowels (ا و ي ى ة,
final ه), hamza, ع, ح, ه and Latin h dropped, letters that French merges merged (ت ط ث ->
t, س ص -> s, د ض ذ -> d, ز ظ -> z, ق ك -> k, ب/p -> b, ف/v -> f), digraphs folded (sh/ch/sch
-> S, kh -> X, gh/g -> G, dj/j -> J, g before e/i -> J), French silent endings dropped
(Gilles, Saint), repeats collapsed. The article
"al-/el-" is dropped. Equal skeletons are a candidate, never a certainty: callers show
what matched and rank it below exact names.
"""

from __future__ import annotations

import re
import unicodedata

from domain.names import name_key

_ARABIC = {
    "ب": "b", "ت": "t", "ط": "t", "ث": "t", "ج": "J", "ح": "", "ه": "", "خ": "X",
    "د": "d", "ض": "d", "ذ": "d", "ر": "r", "ز": "z", "ظ": "z", "س": "s", "ص": "s",
    "ش": "S", "غ": "G", "ف": "f", "ڤ": "f", "ق": "k", "ك": "k", "ڭ": "G", "گ": "G",
    "ل": "l", "م": "m", "ن": "n", "پ": "b",
}
_ARABIC_VOWELS = frozenset("اويىةءع")
_LATIN_DIGRAPHS = (("sch", "S"), ("ch", "S"), ("sh", "S"), ("kh", "X"), ("gh", "G"),
                   ("dj", "J"), ("ph", "f"), ("th", "t"), ("ck", "k"), ("qu", "k"))
_LATIN = {"p": "b", "v": "f", "q": "k", "c": "k", "j": "J", "g": "G", "w": "", "y": "",
          "x": "ks", "h": ""}
_ARTICLES = frozenset({"al", "el", "ال", "ل"})


def _collapse(letters: str) -> str:
    return re.sub(r"(.)\1+", r"\1", letters)


def arabic_skeleton(word: str) -> str:
    """The consonant skeleton of one Arabic word (its key: folded, no diacritics)."""
    key = name_key(word).replace(" ", "")
    if key.startswith("ال") and len(key) > 3:
        key = key[2:]
    if key.endswith("ه"):  # ta marbuta, folded to ه by name_key: a vowel
        key = key[:-1]
    return _collapse("".join(_ARABIC.get(c, "") for c in key if c not in _ARABIC_VOWELS))


def latin_skeleton(word: str) -> str:
    """The consonant skeleton of one Latin word."""
    text = unicodedata.normalize("NFKD", word.casefold())
    text = "".join(c for c in text if c.isascii() and c.isalpha())
    if text.startswith(("el", "al")) and len(text) > 4 and text[2] not in "aeiou":
        text = text[2:]
    text = re.sub(r"g(?=[ei])", "j", text)
    # French silent endings: Gilles, Saint.
    text = re.sub(r"(?<=[^aeiou])e?s$|(?<=[aeiou]n)t$", "", text) if len(text) > 4 else text
    for digraph, letter in _LATIN_DIGRAPHS:
        text = text.replace(digraph, letter)
    letters = "".join(_LATIN.get(c, c) for c in text if c not in "aeiou")
    return _collapse(letters)


def skeleton(name: str) -> tuple[str, ...]:
    """The skeletons of a name's words, in either script; articles (al-, el-) left out."""
    words = [w for w in re.split(r"[\W_]+", name) if w]
    found = []
    for word in words:
        if name_key(word) in _ARTICLES:
            continue
        is_arabic = any("\u0600" <= c <= "\u06ff" for c in word)
        found.append(arabic_skeleton(word) if is_arabic else latin_skeleton(word))
    return tuple(s for s in found if s)


def same_person(first: str, second: str) -> bool:
    """Whether two spellings (any scripts) share a skeleton of at least two words and
    four consonants: a candidate match, to confirm by context."""
    a, b = skeleton(first), skeleton(second)
    return len(a) >= 2 and a == b and sum(map(len, a)) >= 4


def distance(a: str, b: str) -> int:
    """Levenshtein distance between two short skeletons."""
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)))
        previous = current
    return previous[-1]


def _one_edit(a: str, b: str) -> bool:
    """Whether a and b (different) are one insertion, deletion or substitution apart."""
    if len(a) > len(b):
        a, b = b, a
    if len(b) - len(a) > 1:
        return False
    i = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), len(a))
    return a[i + (len(a) == len(b)):] == b[i + 1:]


def gap_at_most(a: str, b: str, most: int) -> int | None:
    """The distance between two skeletons when it is at most `most`, else None (fast
    for the usual 0 and 1)."""
    if a == b:
        return 0
    if most < 1:
        return None
    if most == 1:
        return 1 if _one_edit(a, b) else None
    gap = distance(a, b)
    return gap if gap <= most else None
