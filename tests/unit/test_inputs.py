"""Every field of a curated record can be given through the write API: an entity's input
holds each field of its record, so an update (which replaces the properties) loses none."""

from __future__ import annotations

import dataclasses

import pytest

from domain.records import ENTITY_RECORDS
from schema import contribution_inputs as inputs
from schema.link_inputs import camel

INPUTS = {"Organisation": inputs.OrganisationInput, "Network": inputs.NetworkInput,
          "Programme": inputs.ProgrammeInput, "Person": inputs.PersonInput,
          "Post": inputs.PostInput, "Event": inputs.EventInput, "Source": inputs.SourceInput}
# How the input says what the record calls otherwise, or what it gives separately.
RENAMED = {"names": "name"}
GIVEN_APART = {"sources"}  # the mutation's `sources` and `newSource` arguments


@pytest.mark.parametrize("entity_type", sorted(INPUTS))
def test_an_entity_input_holds_every_field_of_its_record(entity_type: str) -> None:
    given = {RENAMED.get(camel(f.name), camel(f.name))
             for f in dataclasses.fields(INPUTS[entity_type])}
    wanted = set(ENTITY_RECORDS[entity_type].model_fields) - GIVEN_APART
    assert wanted - given == set(), f"{entity_type}: the API cannot give these fields"
    assert given - wanted == set(), f"{entity_type}: the record has no such fields"
