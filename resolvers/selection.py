"""What the caller asked for below a field: lets a resolver read no more than needed."""

from __future__ import annotations

from collections.abc import Iterable

from strawberry.types.nodes import FragmentSpread, InlineFragment, SelectedField, Selection

from resolvers.context import Info


def _fields(selections: Iterable[Selection]) -> list[SelectedField]:
    """The fields of a selection set, fragments flattened (directives ignored: a
    field under @skip counts as asked, which only ever reads more)."""
    found: list[SelectedField] = []
    for selection in selections:
        if isinstance(selection, SelectedField):
            found.append(selection)
        elif isinstance(selection, FragmentSpread | InlineFragment):
            found.extend(_fields(selection.selections))
    return found


def connection_node_fields(info: Info) -> set[str]:
    """Names of the fields asked on the nodes of the connection being resolved, through
    `nodes { ... }` and `edges { node { ... } }`."""
    names: set[str] = set()
    for field in _fields(info.selected_fields):
        for part in _fields(field.selections):
            if part.name == "nodes":
                names.update(f.name for f in _fields(part.selections))
            elif part.name == "edges":
                for edge_part in _fields(part.selections):
                    if edge_part.name == "node":
                        names.update(f.name for f in _fields(edge_part.selections))
    return names
