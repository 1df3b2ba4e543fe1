"""Dates in articles, normalised to ISO: full dates as written ("14 mars 2025",
"09 يناير 2018", "15/04/2024"), day ranges ("من 09 إلى 12 يوليوز 2012", "du 9 au 13 mai"),
and relative ones ("14 فبراير الجاري", "ce lundi 15 avril", "اليوم الأربعاء", "mardi")
only against the article's own date, when it is known."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {
    # French.
    "janvier": 1, "fevrier": 2, "février": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
    "juillet": 7, "aout": 8, "août": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "decembre": 12, "décembre": 12,
    # Arabic, Maghrebi and Mashriqi month names.
    "يناير": 1, "فبراير": 2, "مارس": 3, "أبريل": 4, "ابريل": 4, "إبريل": 4, "ماي": 5,
    "مايو": 5, "يونيو": 6, "يونيه": 6, "يوليوز": 7, "يوليو": 7, "يوليوزر": 7, "غشت": 8,
    "أغسطس": 8, "اغسطس": 8, "شتنبر": 9, "سبتمبر": 9, "أكتوبر": 10, "اكتوبر": 10,
    "نونبر": 11, "نوفمبر": 11, "دجنبر": 12, "ديسمبر": 12,
}
WEEKDAYS = {
    "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5,
    "dimanche": 6, "الاثنين": 0, "الإثنين": 0, "الثلاثاء": 1, "الأربعاء": 2, "الاربعاء": 2,
    "الخميس": 3, "الجمعة": 4, "السبت": 5, "الأحد": 6, "الاحد": 6,
}
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_DAY = r"(?P<d>[0-3]?\d)(?:er)?"
_RANGE = r"(?:(?:من|du|بين)\s+(?P<d0>[0-3]?\d)(?:er)?\s+(?:إلى|الى|حتى|au)\s+)?"
_CURRENT = r"(?:الجاري|الحالي|المقبل|الماضي)"
FULL = re.compile(rf"{_RANGE}{_DAY}\s+(?P<m>{_MONTH})\s+(?P<y>(?:19|20)\d\d)\b",
                  re.IGNORECASE)
NUMERIC = re.compile(r"\b(?P<d>[0-3]?\d)[/.-](?P<m>[01]?\d)[/.-](?P<y>(?:19|20)\d\d)\b")
ISO = re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")
NO_YEAR = re.compile(rf"{_RANGE}{_DAY}\s+(?P<m>{_MONTH})(?:\s+{_CURRENT})?(?!\s+\d)",
                     re.IGNORECASE)
WEEKDAY = re.compile(r"(?P<today>اليوم\s+|aujourd'hui\s+|ce\s+)?(?P<w>"
                     + "|".join(WEEKDAYS)
                     + r")(?:\s+(?P<rel>dernier|prochain|الماضي|المقبل))?(?!\s+\d)",
                     re.IGNORECASE)


@dataclass(frozen=True)
class FoundDate:
    """A date in a text: where, as written, as ISO (start and, for a range, end)."""

    start: int
    end: int
    text: str
    iso: str
    until: str | None = None
    relative: bool = False


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _found(match: re.Match[str], year: int, relative: bool = False) -> FoundDate | None:
    month = MONTHS.get(match.group("m").lower(), 0) if not match.group("m").isdigit() \
        else int(match.group("m"))
    iso = _iso(year, month, int(match.group("d")))
    if iso is None:
        return None
    first = match.groupdict().get("d0")
    if first:
        start = _iso(year, month, int(first))
        if start is not None:
            return FoundDate(match.start(), match.end(), match.group(0), start, iso, relative)
    return FoundDate(match.start(), match.end(), match.group(0), iso, None, relative)


def full_dates(text: str) -> list[FoundDate]:
    """Dates written in full (with their year), in text order."""
    found = [_found(m, int(m.group("y"))) for pattern in (FULL, NUMERIC, ISO)
             for m in pattern.finditer(text)]
    return _without_overlaps([f for f in found if f is not None])


def dates_in(text: str, published: str | None) -> list[FoundDate]:
    """Full dates, and, when the article's date is known, the relative ones against it."""
    found = full_dates(text)
    if published and len(published) == 10:
        day = dt.date.fromisoformat(published)
        found += [f for m in NO_YEAR.finditer(text) if (f := _found(m, day.year, True))]
        found += [f for m in WEEKDAY.finditer(text) if (f := _weekday(m, day))]
    return _without_overlaps(found)


def _weekday(match: re.Match[str], published: dt.date) -> FoundDate | None:
    """A weekday against the article's date: today's, the last one (news report what
    happened), or the next one when the text says so."""
    weekday = WEEKDAYS.get(match.group("w").lower())
    if weekday is None:
        return None
    rel = (match.group("rel") or "").lower()
    if rel in ("prochain", "المقبل"):
        delta = (weekday - published.weekday()) % 7 or 7
    elif match.group("today") and match.group("today").strip() in ("اليوم", "aujourd'hui"):
        if weekday != published.weekday():
            return None  # "today, Wednesday" in an article of a Tuesday: not trusted
        delta = 0
    else:
        delta = -((published.weekday() - weekday) % 7)
    iso = (published + dt.timedelta(days=delta)).isoformat()
    return FoundDate(match.start(), match.end(), match.group(0), iso, None, True)


def _without_overlaps(found: list[FoundDate]) -> list[FoundDate]:
    """The longest of overlapping dates, in text order."""
    kept: list[FoundDate] = []
    for date in sorted(found, key=lambda f: (f.start, -(f.end - f.start))):
        if kept and date.start < kept[-1].end:
            continue
        kept.append(date)
    return kept
