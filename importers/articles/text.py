"""Reading an article file: header lines, news items, language, sentences (no I/O but
`read_article`)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from importers.articles.dates import full_dates
from importers.problems import Problem

HEADERS = ("URL", "TITLE", "DATE", "PUBLISHER", "LANGUAGE")
_HEADER = re.compile(r"^(URL|TITLE|DATE|PUBLISHER|LANGUAGE):[ \t]*(.*)$", re.IGNORECASE)
# A line opening with a dash (em dash, horizontal bar) starts another news item.
_ITEM_START = re.compile(r"^[ \t]*[—―][ \t]*", re.MULTILINE)
_SENTENCE_END = re.compile(r"[.!?؟؛\n]+(?=\s|$)|\n")
_FRENCH = frozenset(("le", "la", "les", "des", "du", "de", "et", "un", "une", "dans", "pour",
                     "avec", "est", "sur", "au", "aux"))
_ENGLISH = frozenset(("the", "of", "and", "to", "in", "for", "with", "is", "on", "by", "from",
                      "that"))
MAX_HEADLINE = 200


@dataclass(frozen=True)
class Item:
    """One news item of an article: its headline and where its text lies in the body."""

    number: int
    headline: str
    start: int
    end: int


@dataclass
class Article:
    """An article file, read: its header fields, body and news items."""

    file: str
    body: str
    body_offset: int
    url: str | None = None
    title: str | None = None
    publisher: str | None = None
    published: str | None = None
    language: str = "ar"
    items: list[Item] = field(default_factory=list)

    def text_of(self, item: Item) -> str:
        """The text of one item."""
        return self.body[item.start:item.end]


def read_article(path: Path, problems: list[Problem]) -> Article | None:
    """Read and parse one file; None (with a problem) when it cannot be an article."""
    try:
        raw = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as error:
        problems.append(Problem(path.name, "file", "", f"not UTF-8 text: byte "
                                f"{error.start} cannot be decoded ({error.reason})"))
        return None
    except OSError as error:
        problems.append(Problem(str(path), "file", "", f"cannot be read: {error.strerror}"))
        return None
    return parse_article(path.name, raw.replace("\r\n", "\n"), problems)


def parse_article(name: str, raw: str, problems: list[Problem]) -> Article | None:
    """An article from its text: header lines first, then the body and its items."""
    fields, offset, line_no = {}, 0, 0
    for line in raw.splitlines(keepends=True):
        match = _HEADER.match(line.rstrip("\n"))
        if not match:
            break
        line_no += 1
        key, value = match.group(1).upper(), match.group(2).strip()
        if not value:
            problems.append(Problem(name, f"line {line_no}", key, "empty header value"))
        fields[key], offset = value, offset + len(line)
    body = raw[offset:]
    if not body.strip():
        problems.append(Problem(name, f"line {line_no + 1}", "text", "the article has no text"))
        return None
    article = Article(name, body, offset, url=fields.get("URL") or None,
                      title=fields.get("TITLE") or None,
                      publisher=fields.get("PUBLISHER") or None,
                      language=(fields.get("LANGUAGE") or detect_language(body)).lower())
    article.published = _published(name, fields.get("DATE"), body, line_no, problems)
    article.items = split_items(body, article.title)
    return article


def _published(name: str, header: str | None, body: str, line_no: int,
               problems: list[Problem]) -> str | None:
    """The article's date: its DATE header, else a full date on one of its first lines
    (a dateline such as "السبت 17 فبراير 2018 - 12:32")."""
    if header:
        found = full_dates(header)
        if not found:
            problems.append(Problem(name, "header", "DATE", f"not a date: {header!r} "
                                    "(write 2024-04-15, 15/04/2024 or 15 avril 2024)"))
            return None
        return found[0].iso
    for line in body.splitlines()[:3]:
        if len(line) <= 80 and (found := full_dates(line)):
            return found[0].iso
    return None


def detect_language(text: str) -> str:
    """ar when Arabic letters outnumber Latin ones, else fr, or en by its common words."""
    arabic = sum(1 for c in text if "\u0600" <= c <= "\u06ff")
    latin = sum(1 for c in text if c.isascii() and c.isalpha())
    if arabic >= latin:
        return "ar"
    words = re.findall(r"[a-z]+", text.lower())
    french = sum(1 for w in words if w in _FRENCH)
    english = sum(1 for w in words if w in _ENGLISH)
    return "en" if english > french else "fr"


def split_items(body: str, title: str | None) -> list[Item]:
    """News items: the body cut at lines opening with a dash; each headed by the given
    title (first item), else its first line, or first sentence when that line is long."""
    cuts = list(_ITEM_START.finditer(body))
    segments = zip([0] + [m.end() for m in cuts], [m.start() for m in cuts] + [len(body)],
                   strict=True)
    items: list[Item] = []
    for cut_start, cut_end in segments:
        start = cut_start + len(body[cut_start:cut_end]) - len(body[cut_start:cut_end].lstrip())
        end = cut_start + len(body[cut_start:cut_end].rstrip())
        if start >= end:
            continue
        headline = title if not items and title else headline_of(body[start:end])
        items.append(Item(len(items) + 1, headline, start, end))
    return items


def headline_of(text: str) -> str:
    """The first line, cut at its first sentence when longer than a headline."""
    line = text.strip().split("\n", 1)[0].strip()
    if len(line) <= MAX_HEADLINE:
        return line
    sentence = re.split(r"(?<=[.!?؟])\s", line, maxsplit=1)[0]
    if len(sentence) <= MAX_HEADLINE:
        return sentence
    return line[:MAX_HEADLINE].rsplit(" ", 1)[0] + "…"


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or line) around [start, end)."""
    left = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    after = _SENTENCE_END.search(text, end)
    right = after.start() + (1 if after and text[after.start()] in ".!?؟" else 0) \
        if after else len(text)
    while left < start and text[left].isspace():
        left += 1
    return left, max(right, end)


def snippet(text: str, start: int, end: int, width: int = 300) -> str:
    """The sentence around a name, at most `width` characters, centred on it."""
    left, right = sentence_bounds(text, start, end)
    if right - left > width:
        half = (width - (end - start)) // 2
        left, right = max(left, start - half), min(right, end + half)
    return " ".join(text[left:right].split())
