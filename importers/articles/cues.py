"""Words that say which level a collectivity's name stands for ("المجلس الإقليمي لبركان",
"commune de Berkane"), and the Arabic prefixes glued to words (و، ب، ل، ال...)."""

from __future__ import annotations

from domain.names import name_key


def _keys(level: str, phrases: str) -> dict[tuple[str, ...], str]:
    return {tuple(name_key(p).split()): level for p in phrases.split(";")}


# Each cue is the words written just before the name (their keys, clitics removed).
CUES: dict[tuple[str, ...], str] = {
    **_keys("COMMUNE", "جماعة;الجماعة;الجماعة الترابية;جماعة ترابية;المجلس الجماعي;"
            "مجلس جماعة;رئيس جماعة;بلدية;مدينة;commune;commune de;commune d;"
            "commune urbaine de;commune urbaine d;commune rurale de;commune rurale d;"
            "conseil communal de;conseil communal d;conseil de la commune de;"
            "municipalité de;municipalité d;ville de;ville d;président de la commune de;"
            "gemeente;commune belge de;municipalité belge de;municipality of"),
    **_keys("PROVINCE", "إقليم;عمالة;المجلس الإقليمي;مجلس إقليم;مجلس عمالة;عامل إقليم;"
            "عمالة إقليم;المجلس الإقليمي ل;province;province de;province d;province du;"
            "préfecture;préfecture de;préfecture d;conseil provincial de;"
            "conseil provincial d;conseil préfectoral de;conseil préfectoral d;"
            "gouverneur de la province de;province of;prefecture of"),
    **_keys("REGION", "جهة;مجلس جهة;مجلس الجهة;رئيس جهة;région;région de;région d;"
            "région du;conseil régional de;conseil régional d;conseil régional du;"
            "conseil de la région;conseil de la région de;region of"),
}
LONGEST_CUE = max(len(cue) for cue in CUES)

# Prefixes glued to an Arabic word: conjunctions and prepositions, then "ال" kept.
PROCLITICS = ("وب", "ول", "وك", "فب", "فل", "و", "ف", "ب", "ل", "ك")
HONORIFICS = frozenset(name_key(w) for w in (
    "السيد", "السيدة", "الأستاذ", "الدكتور", "M", "Mme", "Monsieur", "Madame", "Mr", "Mrs",
    "Dr", "Pr"))


def variants(key: str) -> list[tuple[str, int]]:
    """A word's key and the keys left once a prefix is taken off, each with how many
    characters of the written word the prefix took ("لبركان": بركان after one; "للمجلس":
    المجلس, its ل standing for ال)."""
    found = [(key, 0)]
    if not key or not "\u0600" <= key[0] <= "\u06ff":
        return found
    if key.startswith("لل") and len(key) > 4:
        found.append(("ا" + key[1:], 1))
    for prefix in PROCLITICS:
        rest = key[len(prefix):]
        if key.startswith(prefix) and len(rest) >= 3:
            found.append((rest, len(prefix)))
            if rest.startswith("لل") and len(rest) > 4:
                found.append(("ا" + rest[1:], len(prefix) + 1))
    return found


def level_before(words: list[str]) -> str | None:
    """The level the words just before a name announce, if they end with a cue."""
    for size in range(min(LONGEST_CUE, len(words)), 0, -1):
        tail = words[-size:]
        for first, _ in variants(tail[0]):
            level = CUES.get((first, *tail[1:]))
            if level is not None:
                return level
    return None
