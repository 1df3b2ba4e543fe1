"""What importing the World Bank's projects did, for people: counts, merges, places that
did not resolve (each with file, row, reason and candidates), texts repaired."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from importers.network.load import NetworkSummary
from importers.worldbank.rows import TextIssue


@dataclass(frozen=True)
class Unresolved:
    """A location row whose place is not linked, and why."""

    file: str
    row: str
    name: str
    reason: str
    candidates: tuple[str, ...] = ()

    def __str__(self) -> str:
        listed = f"; candidates: {'; '.join(self.candidates)}" if self.candidates else ""
        name = f" {self.name!r}" if self.name else ""
        return f"{self.file}: {self.row}{name}: {self.reason}{listed}"


@dataclass
class WorldBankSummary:
    """The figures of one import of the World Bank's projects."""

    rows: dict[str, int] = field(default_factory=dict)
    projects: int = 0
    programmes: Counter[str] = field(default_factory=Counter)
    spellings: int = 0
    organisations: int = 0
    in_registry: int = 0
    merges: dict[str, list[str]] = field(default_factory=dict)
    links: Counter[str] = field(default_factory=Counter)
    unfunded: Counter[str] = field(default_factory=Counter)
    resolved: Counter[str] = field(default_factory=Counter)
    location_rows: int = 0
    place_links: int = 0
    unresolved: list[Unresolved] = field(default_factory=list)
    texts: list[TextIssue] = field(default_factory=list)
    network: NetworkSummary | None = None

    @property
    def repaired(self) -> list[TextIssue]:
        """Cells whose mis-encoded text was repaired."""
        return [t for t in self.texts if t.repaired]

    @property
    def lost(self) -> list[TextIssue]:
        """Cells holding characters lost before publication (kept as they are)."""
        return [t for t in self.texts if t.lost]

    def lines(self) -> list[str]:
        """A human summary."""
        state = "unchanged, nothing written" if self.network and not self.network.changed \
            else "imported"
        seconds = self.network.seconds if self.network else 0.0
        out = [f"worldbank: {state} in {seconds:.2f} s",
               "  rows read: " + ", ".join(f"{f} {n}" for f, n in self.rows.items()),
               f"  projects: {self.projects}; programmes " + _counts(self.programmes),
               f"  agencies: {self.spellings} spellings -> {self.organisations} organisations "
               f"({self.in_registry} already in the registry)",
               *[f"    merged into {i}: " + " | ".join(s) for i, s in self.merges.items()],
               "  links: " + _counts(self.links),
               "  no FUNDER link: " + _counts(self.unfunded),
               f"  places: {sum(self.resolved.values())} of {self.location_rows} "
               f"rows resolved ({_counts(self.resolved)}) as {self.place_links} links; "
               f"{len(self.unresolved)} not linked:",
               *[f"    - {u}" for u in self.unresolved],
               f"  texts repaired: {len(self.repaired)}",
               *[f"    - {t.file}: {t.row}, {t.column}: {t.before!r} -> {t.after!r}"
                 for t in self.repaired],
               f"  texts with characters lost before publication (kept as they are): "
               f"{len(self.lost)}",
               *[f"    - {t.file}: {t.row}, {t.column}: {t.lost} '?' for lost characters"
                 for t in self.lost]]
        return out


def _counts(counter: Counter[str]) -> str:
    return ", ".join(f"{key} {n}" for key, n in sorted(counter.items())) or "none"
