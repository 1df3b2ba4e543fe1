"""Repairing text mis-encoded before publication, and white space.

UTF-8 read as Latin-1 or Windows-1252 turns "é" into "Ã©" and "’" into "â€™". A run of
such characters is re-encoded and decoded as UTF-8; the repair is kept only where the
run decodes (a genuine "é" alone never does). A character replaced by "?" or U+FFFD
before publication cannot be recovered: it is reported and the text kept as it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Characters a UTF-8 byte above 0x7F becomes when read as Windows-1252 (or Latin-1).
_HIGH = "\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc" \
        "\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a" \
        "\u20ac\u2122"
_RUN = re.compile(f"[{_HIGH}]{{2,}}")
# "?" between letters (a lost apostrophe or letter), "?" then a tab (a lost bullet), U+FFFD.
_LOST = re.compile(r"(?<=\w)\?(?=\w)|\?(?=\t)|\ufffd")


@dataclass(frozen=True)
class Repaired:
    """A text after repair: what it became, and what could not be recovered."""

    text: str
    fixed: tuple[tuple[str, str], ...] = ()
    lost: int = 0

    @property
    def changed(self) -> bool:
        """Whether mis-encoded characters were repaired."""
        return bool(self.fixed)


def _as_bytes(run: str) -> bytes:
    out = bytearray()
    for char in run:
        try:
            out += char.encode("cp1252")
        except UnicodeEncodeError:
            out += char.encode("latin-1")  # 0x81, 0x8D...: undefined in Windows-1252
    return bytes(out)


def _decode(run: str) -> str | None:
    try:
        decoded = _as_bytes(run).decode("utf-8")
    except UnicodeError:
        return None
    return decoded if decoded != run else None


def repair(text: str) -> Repaired:
    """The text with mis-encoded runs decoded and white space collapsed (line breaks,
    tabs, no-break spaces and runs of spaces become one space)."""
    fixed: list[tuple[str, str]] = []

    def one(match: re.Match[str]) -> str:
        decoded = _decode(match.group())
        if decoded is None:
            return match.group()
        fixed.append((match.group(), decoded))
        return decoded
    repaired = _RUN.sub(one, text)
    return Repaired(" ".join(repaired.split()), tuple(fixed), len(_LOST.findall(text)))
