"""What a twinnings import did, and every side it could not resolve, with candidates."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from importers.network.load import NetworkSummary
from importers.twinnings.resolve import Outcome, Side


@dataclass(frozen=True)
class Unresolved:
    """One side of one row that was not resolved: where, what, why, candidates."""

    file: str
    line: int
    side: str
    written: str
    country: str
    reason: str
    candidates: tuple[str, ...] = ()

    def __str__(self) -> str:
        listed = f"; candidates: {'; '.join(self.candidates)}" if self.candidates else ""
        return (f"{self.file}: row {self.line}, {self.side} side {self.written!r} "
                f"({self.country}): {self.reason}{listed}")


def unresolved(file: str, outcomes: list[Outcome]) -> list[Unresolved]:
    """Every unresolved side, in row order."""
    out: list[Unresolved] = []
    for outcome in outcomes:
        data = outcome.row.data
        sides: list[tuple[str, Side, str]] = [("Moroccan", outcome.moroccan, "Morocco"),
                                              ("foreign", outcome.foreign, data.foreign_country)]
        out += [Unresolved(file, outcome.row.line, name, side.written, country, side.reason,
                           side.candidates) for name, side, country in sides if side.id is None]
    return out


@dataclass
class TwinningsSummary:
    """The outcome of one twinnings import."""

    file: str
    outcomes: list[Outcome]
    pairs: int
    merged: dict[str, list[str]] = field(default_factory=dict)
    units: Counter[str] = field(default_factory=Counter)
    created: Counter[str] = field(default_factory=Counter)
    network: NetworkSummary | None = None
    seconds: float = 0.0

    @property
    def changed(self) -> bool:
        """Whether the import wrote anything."""
        return self.network is not None and self.network.changed

    @property
    def unresolved(self) -> list[Unresolved]:
        """Every side left unresolved."""
        return unresolved(self.file, self.outcomes)

    def count(self, side: str) -> int:
        """Rows whose `side` ("moroccan", "foreign" or "both") is resolved."""
        if side == "both":
            return sum(o.resolved for o in self.outcomes)
        return sum(getattr(o, side).id is not None for o in self.outcomes)

    def lines(self) -> list[str]:
        """A human summary, then each unresolved side."""
        rows, both = len(self.outcomes), self.count("both")
        state = "imported" if self.changed else "unchanged, nothing written"
        out = [
            f"twinnings {self.file}: {state} in {self.seconds:.2f} s",
            f"  rows read: {rows}; resolved on both sides: {both} ({_share(both, rows)}), "
            f"{self.pairs} distinct pairs",
            f"  Moroccan side: {self.count('moroccan')} resolved, "
            f"{rows - self.count('moroccan')} unresolved",
            f"  foreign side: {self.count('foreign')} resolved, "
            f"{rows - self.count('foreign')} unresolved",
            f"  foreign units from the gazetteer: {sum(self.units.values())} "
            f"({_by_country(self.units)}); created now: {sum(self.created.values())}"
            + (f" ({_by_country(self.created)})" if self.created else ""),
            f"  pairs merged with another origin's twinning: {len(self.merged)}"
            + "".join(f"\n    - {pair}: cites this dataset on {', '.join(ids)}"
                      for pair, ids in self.merged.items()),
        ]
        missing = self.unresolved
        out.append(f"  unresolved sides, not imported: {len(missing)}")
        out += [f"    - {item}" for item in missing]
        return out


def _share(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "n/a"


def _by_country(counts: Counter[str]) -> str:
    return ", ".join(f"{iso} {n}" for iso, n in sorted(counts.items(), key=lambda i: (-i[1], i[0])))
