"""The curated format's sections, written out from the model for data/README.md.

    python -m domain.format_doc           # print the tables
    python -m domain.format_doc --write   # replace them in data/README.md

A test fails when data/README.md's tables differ from what the model declares.
"""

from __future__ import annotations

import argparse
import typing
from enum import Enum
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from domain import model
from domain.records import ENTITY_RECORDS, NAMING_FIELDS

README = Path(__file__).resolve().parent.parent / "data" / "README.md"
BEGIN, END = "<!-- model:begin -->", "<!-- model:end -->"


def _values(annotation: Any) -> str:
    """` (`A`, `B`)` for a vocabulary, ` ({a, b})` for a nested record (money), found
    inside Optional/Annotated; else empty."""
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return " (" + ", ".join(f"`{m.value}`" for m in annotation) + ")"
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return " (`{" + ", ".join(annotation.model_fields) + "}`)"
    return next((found for part in typing.get_args(annotation)
                 if (found := _values(part))), "")


def _accepts(accepts: frozenset[str]) -> str:
    return " or ".join(sorted(accepts))


def _reference(slot: model.Slot) -> str:
    what = f"exactly {slot.count} references" if slot.count > 1 else "reference"
    return f"{what}: {_accepts(slot.accepts)}{'' if slot.required else ', optional'}"


def entity_table() -> list[str]:
    """One row per entity section: its own fields and its references."""
    rows = ["| section | id prefix | fields (besides `id`, `name`, `aliases`, `note`, "
            "`sources`) |", "|---|---|---|"]
    for entity in model.ENTITY_TYPES:
        refs = {r.field: r for r in model.references_of(entity.name)}
        fields = []
        for name, info in ENTITY_RECORDS[entity.name].model_fields.items():
            if name in NAMING_FIELDS or (name == "note" and entity.name != "Source"):
                continue
            if name in refs:
                fields.append(f"`{name}` (reference: {_accepts(refs[name].expects)}; "
                              f"{refs[name].kind})")
            else:
                fields.append(f"`{name}`{_values(info.annotation)}")
        rows.append(f"| `{entity.section}` | `{entity.prefix}:` | {', '.join(fields) or '—'} |")
    return rows


def link_table() -> list[str]:
    """One row per link section: its references, role, properties and dates."""
    rows = ["| section | kind | fields (besides `note`, `sources`) |", "|---|---|---|"]
    for kind in model.LINK_KINDS:
        if kind.section is None:
            continue
        fields = [f"`{s.record_field}` ({_reference(s)})" for s in kind.slots]
        if kind.role is not None:
            fields.append("`role`" + _values(kind.role))
        fields += [f"`{p.name}`{_values(p.type)}{'' if p.required else ' (optional)'}"
                   for p in kind.props]
        if kind.dated:
            fields += [f"`{name}`" for name in model.DATE_FIELDS]
        rows.append(f"| `{kind.section}` | `{kind.kind}` | {', '.join(fields)} |")
    return rows


def tables() -> str:
    """The generated block, markers included."""
    return "\n".join([BEGIN, "Entities:", "", *entity_table(), "",
                      "Links (no id of their own in the file: the importer derives a stable "
                      "one):", "", *link_table(), END])


def documented() -> str:
    """The generated block as data/README.md holds it now."""
    text = README.read_text(encoding="utf-8")
    return text[text.index(BEGIN):text.index(END) + len(END)]


def main() -> None:
    """Print the tables, or write them into data/README.md."""
    parser = argparse.ArgumentParser(prog="python -m domain.format_doc", description=__doc__)
    parser.add_argument("--write", action="store_true", help="update data/README.md")
    if parser.parse_args().write:
        text = README.read_text(encoding="utf-8")
        README.write_text(text.replace(documented(), tables()), encoding="utf-8")
        print(f"wrote {README}")
    else:
        print(tables())


if __name__ == "__main__":
    main()
