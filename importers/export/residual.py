"""The exact difference between the graph and what re-importing would give.

What a patch can put back (properties, names, citations) goes in the export's
`residual`; what it cannot (a node or edge the import would not create or would
create wrongly) is a problem, so an export never silently loses anything.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from graph.snapshot import Snapshot
from importers.export.bundle import Citation, NameRow, PropertyPatch, Residual
from importers.export.expected import Expected

NAME_FIELDS = ("id", "entityId", "key", "text", "lang", "kind")
CURATED_NODES = ("Entity", "Link", "Name")


@dataclass
class Difference:
    """A residual patch and the problems no patch can fix."""

    residual: Residual = field(default_factory=Residual)
    problems: list[str] = field(default_factory=list)


def difference(expected: Expected, shot: Snapshot) -> Difference:
    """What to patch after re-importing, and what cannot be expressed."""
    out = Difference()
    _compare_nodes(out, "entity", expected.entities, shot.entities, link=False)
    _compare_nodes(out, "link", expected.links, shot.links, link=True)
    for link_id in sorted(set(expected.parties) & set(shot.parties)):
        if frozenset(expected.parties[link_id]) != shot.parties[link_id]:
            out.problems.append(f"link {link_id}: its parties differ from what it states")
    _compare_names(out, expected.names, shot)
    _compare_citations(out, expected.sourced, shot)
    for extra in sorted(shot.structure - expected.structure):
        out.problems.append(f"edge {extra}: not a backbone edge the packages give")
    for missing in sorted(expected.structure - shot.structure):
        out.problems.append(f"edge {missing}: the packages give it, the graph lacks it")
    return out


def not_exported(shot: Snapshot) -> dict[str, int]:
    """Nodes of other kinds (the audit trail, tokens), by labels, with their counts."""
    return {labels: n for labels, n in sorted(shot.label_counts.items())
            if not set(labels.split(":")) & set(CURATED_NODES)}


def _compare_nodes(out: Difference, what: str, expected: dict[str, dict[str, Any]],
                   actual: dict[str, dict[str, Any]], link: bool) -> None:
    for node_id in sorted(set(actual) - set(expected)):
        out.problems.append(f"{what} {node_id}: neither backbone nor stated by a curated "
                            "record")
    for node_id in sorted(set(expected) - set(actual)):
        out.problems.append(f"{what} {node_id}: re-importing would create it; the graph "
                            "lacks it")
    for node_id in sorted(set(expected) & set(actual)):
        want, have = expected[node_id], actual[node_id]
        patch = {k: have.get(k) for k in sorted(set(want) | set(have))
                 if want.get(k) != have.get(k)}
        if patch:
            out.residual.properties.append(PropertyPatch(id=node_id, link=link, props=patch))


def _compare_names(out: Difference, expected: dict[str, dict[str, Any]],
                   shot: Snapshot) -> None:
    for name_id, props in sorted(shot.names.items()):
        entities = shot.named.get(name_id, frozenset())
        if len(entities) != 1 or set(props) != set(NAME_FIELDS) \
                or props["entityId"] not in entities:
            out.problems.append(f"name {name_id}: not one name of one entity")
        elif expected.get(name_id) != props:
            out.residual.names.append(NameRow(**props))
    out.residual.dropNames.extend(sorted(set(expected) - set(shot.names)))


def _compare_citations(out: Difference, expected: set[tuple[str, str]], shot: Snapshot) -> None:
    def citations(pairs: Iterable[tuple[str, str]]) -> list[Citation]:
        return [Citation(id=node, sourceId=source, link=node in shot.links)
                for node, source in sorted(pairs)]
    out.residual.addSources.extend(citations(shot.sourced - expected))
    out.residual.dropSources.extend(citations(expected - shot.sourced))
