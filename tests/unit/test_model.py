"""The model's declaration is whole and consistent, and everything derived from it agrees:
the curated format's documentation, the GraphQL schema, the rows, the references and the
export (no database: `pytest -m unit`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from domain import format_doc, model
from domain.records import SECTIONS
from graph.snapshot import Snapshot
from importers.export.documents import build_documents
from importers.network.parse import parse_file
from importers.network.resolve import defined_ids, ref_uses
from importers.network.rows import Rows, build_rows
from importers.problems import Problem
from schema.__main__ import subgraph_sdl
from tests.model_samples import canonical, sample_file

KNOWN_TYPES = {t.name for t in model.ENTITY_TYPES} | {model.TERRITORY}


def test_every_slot_and_reference_names_declared_types() -> None:
    for kind in model.LINK_KINDS:
        for slot in kind.slots:
            assert slot.accepts and slot.accepts <= KNOWN_TYPES, (kind.kind, slot.name)
    for reference in model.REFERENCES:
        kind = model.LINK_KIND[reference.kind]
        assert {reference.own, reference.other} == {s.name for s in kind.slots}, reference
        assert reference.entity in kind.slot(reference.own).accepts, reference
        assert reference.expects <= kind.slot(reference.other).accepts, reference


def test_every_kind_is_stated_somewhere_and_reachable_in_the_api() -> None:
    stated_by_reference = {r.kind for r in model.REFERENCES}
    sdl = subgraph_sdl()
    for kind in model.LINK_KINDS:
        assert kind.section or kind.kind in stated_by_reference, f"{kind.kind}: no way in"
        assert f"\n  {kind.kind}\n" in sdl, f"{kind.kind} missing from LinkKind"
        if kind.section:
            assert kind.graphql_type != "Relation" and kind.mutation and kind.input, kind.kind
            assert f"type {kind.graphql_type} implements Link & Node" in sdl
            assert f"input {kind.input} {{" in sdl and f"  {kind.mutation}(input:" in sdl


def test_sections_are_unique() -> None:
    sections = [t.section for t in model.ENTITY_TYPES] + [k.section for k in model.LINK_KINDS
                                                          if k.section]
    assert len(sections) == len(set(sections)) == len(SECTIONS)


def test_the_format_documentation_is_the_model() -> None:
    assert format_doc.documented() == format_doc.tables(), (
        "data/README.md differs from the model: run `python -m domain.format_doc --write`")


@pytest.fixture
def parsed(tmp_path: Path) -> Any:
    path = tmp_path / "kinds.yaml"
    path.write_text(yaml.safe_dump(sample_file(), allow_unicode=True), encoding="utf-8")
    problems: list[Problem] = []
    result = parse_file(path, problems)
    assert problems == []
    return result


def _rows(parsed: Any) -> tuple[Rows, list[Problem]]:
    """Rows with every reference resolved to itself (the sample uses ids only)."""
    resolved = {str(use.ref): str(use.ref) for use in ref_uses(parsed)}
    problems: list[Problem] = []
    return build_rows(parsed, resolved, problems), problems


def test_every_reference_field_is_checked(parsed: Any) -> None:
    checked = {use.field.split(".")[0] for use in ref_uses(parsed)}
    assert checked == {field for _, field in model.EXPECTS}
    problems: list[Problem] = []
    assert len(defined_ids(parsed, problems)) == 1 + 2 * (len(model.ENTITY_TYPES) - 1)
    assert problems == []


def test_rows_hold_one_link_of_every_kind(parsed: Any) -> None:
    rows, problems = _rows(parsed)
    assert problems == []
    kinds = {row["props"]["kind"] for row in rows.links}
    assert kinds == {k.kind for k in model.LINK_KINDS}
    parties = {(p["linkId"], p["slot"]) for p in rows.parties}
    for row in rows.links:
        kind = model.LINK_KIND[row["props"]["kind"]]
        assert {slot for link_id, slot in parties if link_id == row["id"]} == \
            {s.name for s in kind.slots}
        assert row["id"].startswith(kind.kind.lower().replace("_", "-") + ":")


def test_a_repeated_party_is_a_problem(tmp_path: Path) -> None:
    document = sample_file()
    document["twinnings"][0]["parties"] = ["MA:02.113", "MA:02.113"]
    path = tmp_path / "twice.yaml"
    path.write_text(yaml.safe_dump(document), encoding="utf-8")
    problems: list[Problem] = []
    parsed = parse_file(path, problems)
    _, problems = _rows(parsed)
    assert [(p.field, p.message) for p in problems] == [
        ("parties", "a collectivity cannot be twinned with itself")]


def test_export_gives_back_the_file(parsed: Any) -> None:
    rows, _ = _rows(parsed)
    documents = build_documents(_snapshot_of(rows))
    assert documents.problems == []
    exported = documents.documents()["kinds.yaml"]
    for section, records in sample_file().items():
        if section != "format":
            assert canonical(section, exported[section]) == canonical(section, records)


def _snapshot_of(rows: Rows) -> Snapshot:
    """The snapshot a graph holding exactly these rows would give."""
    shot = Snapshot()
    for entity_rows in rows.entities.values():
        shot.entities.update({row["id"]: row["props"] for row in entity_rows})
    shot.links = {row["id"]: row["props"] for row in rows.links}
    for party in rows.parties:
        shot.parties[party["linkId"]] = shot.parties.get(party["linkId"], frozenset()) | {
            (party["slot"], party["entityId"])}
    shot.names = {row["id"]: row for row in rows.names}
    shot.named = {row["id"]: frozenset({row["entityId"]}) for row in rows.names}
    shot.sourced = frozenset((r["id"], r["sourceId"])
                             for r in rows.entity_sources + rows.link_sources)
    return shot

