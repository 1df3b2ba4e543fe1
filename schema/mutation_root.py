"""The Mutation type: one field per kind of fact, all delegating to the contribution resolvers."""

from __future__ import annotations

from typing import Any

import strawberry

from domain import model
from resolvers import contributions, revisions
from resolvers.context import Info
from schema import contribution_inputs as inputs
from schema.link_inputs import LINK_INPUTS
from schema.mutation import (
    Result,
    cited_or_new,
    create_fact,
    link_fact,
    result,
    update_fact,
)

IDS = list[strawberry.ID] | None
NEW = inputs.SourceInput | None


class _Facts:
    """The mutations written by hand; those creating links are added from the model."""

    @strawberry.mutation(description="Record a source (article, document, dataset); you become "
                                     "its contributor.")
    async def create_source(self, info: Info, input: inputs.SourceInput) -> Result:
        return result(await contributions.create_entity(info, "Source", inputs.as_record(input),
                                                        []))

    @strawberry.mutation
    async def create_organisation(self, info: Info, input: inputs.OrganisationInput,
                                  sources: IDS = None, new_source: NEW = None) -> Result:
        return await create_fact(info, "Organisation", input, sources, new_source)

    @strawberry.mutation
    async def create_network(self, info: Info, input: inputs.NetworkInput,
                             sources: IDS = None, new_source: NEW = None) -> Result:
        return await create_fact(info, "Network", input, sources, new_source)

    @strawberry.mutation
    async def create_programme(self, info: Info, input: inputs.ProgrammeInput,
                               sources: IDS = None, new_source: NEW = None) -> Result:
        return await create_fact(info, "Programme", input, sources, new_source)

    @strawberry.mutation
    async def create_person(self, info: Info, input: inputs.PersonInput,
                            sources: IDS = None, new_source: NEW = None) -> Result:
        return await create_fact(info, "Person", input, sources, new_source)

    @strawberry.mutation
    async def create_post(self, info: Info, input: inputs.PostInput,
                          sources: IDS = None, new_source: NEW = None) -> Result:
        return await create_fact(info, "Post", input, sources, new_source)

    @strawberry.mutation
    async def create_event(self, info: Info, input: inputs.EventInput,
                           sources: IDS = None, new_source: NEW = None) -> Result:
        return await create_fact(info, "Event", input, sources, new_source)

    @strawberry.mutation(description="Replace an organisation's properties (not its names or "
                                     "structural links) if it is still at `version`.")
    async def update_organisation(self, info: Info, id: strawberry.ID, version: int,
                                  input: inputs.OrganisationInput, sources: IDS = None
                                  ) -> Result:
        return await update_fact(info, "Organisation", id, version, input, sources)

    @strawberry.mutation
    async def update_programme(self, info: Info, id: strawberry.ID, version: int,
                               input: inputs.ProgrammeInput, sources: IDS = None
                               ) -> Result:
        return await update_fact(info, "Programme", id, version, input, sources)

    @strawberry.mutation
    async def update_person(self, info: Info, id: strawberry.ID, version: int,
                            input: inputs.PersonInput, sources: IDS = None) -> Result:
        return await update_fact(info, "Person", id, version, input, sources)

    @strawberry.mutation
    async def update_post(self, info: Info, id: strawberry.ID, version: int,
                          input: inputs.PostInput, sources: IDS = None) -> Result:
        return await update_fact(info, "Post", id, version, input, sources)

    @strawberry.mutation
    async def update_event(self, info: Info, id: strawberry.ID, version: int,
                           input: inputs.EventInput, sources: IDS = None) -> Result:
        return await update_fact(info, "Event", id, version, input, sources)

    @strawberry.mutation
    async def update_source(self, info: Info, id: strawberry.ID, version: int,
                            input: inputs.SourceInput, sources: IDS = None) -> Result:
        return await update_fact(info, "Source", id, version, input, sources)

    @strawberry.mutation(description="Change a membership's, twinning's or participation's "
                                     "dates, status or note if it is still at `version`.")
    async def update_link(self, info: Info, id: strawberry.ID, version: int,
                          input: inputs.LinkUpdateInput, sources: IDS = None) -> Result:
        record = inputs.as_record(input)
        return result(await revisions.update_link(info, id, version, record,
                                                  [str(s) for s in sources or []]), id)

    @strawberry.mutation(description="Retire an entity or link: it stays, marked retired "
                                     "(with an end date for a link); history is kept.")
    async def retire(self, info: Info, id: strawberry.ID, version: int,
                     on: str | None = None, sources: IDS = None) -> Result:
        return result(await revisions.retire(info, id, version, on,
                                             [str(s) for s in sources or []]), id)

    @strawberry.mutation(description="Add a name (official) or an alias to any entity.")
    async def add_name(self, info: Info, id: strawberry.ID, name: inputs.LocalisedText,
                       alias: bool = True, sources: IDS = None,
                       new_source: NEW = None) -> Result:
        cited = await cited_or_new(info, sources, new_source)
        if isinstance(cited, contributions.Outcome):
            return result(cited)
        kind = "alias" if alias else "official"
        return result(await contributions.add_name(info, id, name.lang, name.text, kind,
                                                   cited), id)


def _link_mutation(kind: model.LinkKind) -> Any:
    """`create<Kind>(input, sources, newSource)` for a kind of link."""
    async def create(root: Any, info: Info, input: Any, sources: IDS = None,
                     new_source: NEW = None) -> Result:
        return await link_fact(info, kind.kind, input, sources, new_source)
    create.__annotations__ = {**create.__annotations__, "info": Info,
                              "input": LINK_INPUTS[kind.kind], "sources": IDS,
                              "new_source": NEW, "return": Result}
    return strawberry.mutation(resolver=create, name=kind.mutation)


def _mutation_fields() -> dict[str, Any]:
    """The hand-written fields, with the link mutations after the entities' creations."""
    namespace: dict[str, Any] = {"__module__": __name__}
    for name, value in vars(_Facts).items():
        if name.startswith("__"):
            continue
        namespace[name] = value
        if name == "create_event":
            namespace.update({kind.mutation: _link_mutation(kind)
                              for kind in model.LINK_KINDS if kind.mutation})
    return namespace


Mutation = strawberry.type(type("Mutation", (), _mutation_fields()),
                           description="Contributions. Needs `Authorization: Bearer <token>`.")
