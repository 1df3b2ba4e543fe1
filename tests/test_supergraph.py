"""The registry in a real supergraph: Apollo's gateway over the registry and a partner's subgraph.

One gateway per module (`node tools/gateway.mjs`, @apollo/gateway with
IntrospectAndCompose) composes the live registry (a real uvicorn server on the
embedded graph, backbone and curated network) with two partners' subgraphs,
each its own process: an agency's projects (tests/federation/partner.py:
extends Commune and Programme, references communes by id and regions by code)
and a funder's grants (tests/federation/grants.py: extends every Collectivity
through @interfaceObject). Queries cross the subgraphs in both directions.
The negative control, a subgraph redefining a registry field without
@shareable, must fail composition with Apollo's own error, in the composer
and in the gateway.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from auth import tokens
from tests.conftest import backend_for, run
from tests.federation import conflicting, grants, partner
from tests.federation.processes import (
    GraphQLClient,
    compose,
    gateway,
    missing_packages,
    node,
    subgraph,
    wait_for_graphql,
)
from tests.hosts import GraphHost
from tests.live import LiveServer

if node() is None:
    pytest.skip("node is not installed (the gateway is a Node program)",
                allow_module_level=True)


@pytest.fixture(scope="module")
def npm_packages() -> None:
    missing = missing_packages()
    if missing:
        pytest.fail(f"node_modules lacks {', '.join(missing)}: run `npm ci`")


@pytest.fixture(scope="module")
def registry_url(network_api: LiveServer) -> str:
    url = f"{network_api.url}/graphql"
    wait_for_graphql(url)
    return url


@pytest.fixture(scope="module")
def partner_url() -> Iterator[str]:
    with subgraph("partner") as process:
        wait_for_graphql(process.url)
        yield process.url


@pytest.fixture(scope="module")
def grants_url() -> Iterator[str]:
    with subgraph("grants") as process:
        wait_for_graphql(process.url)
        yield process.url


@pytest.fixture(scope="module")
def supergraph(npm_packages: None, registry_url: str, partner_url: str,
               grants_url: str) -> Iterator[GraphQLClient]:
    subgraphs = {"registry": registry_url, "partner": partner_url, "grants": grants_url}
    with gateway(subgraphs) as process:
        client = GraphQLClient(process.url)
        try:
            yield client
        finally:
            client.close()


def registry_sdl(url: str) -> str:
    client = GraphQLClient(url)
    try:
        sdl: str = client.data("{ _service { sdl } }")["_service"]["sdl"]
        return sdl
    finally:
        client.close()


def test_partner_projects_reach_registry_communes_and_their_regions(
        supergraph: GraphQLClient) -> None:
    query = """{ projects { id title budget
        region { code nameFr }
        communes { id nameFr nameAr type population province { nameFr } region { nameFr } } } }"""
    projects = {p["id"]: p for p in supergraph.data(query)["projects"]}
    berkane = projects["project:berkane-water"]
    assert berkane["budget"] == 12_500_000
    assert berkane["region"] == {"code": "02", "nameFr": "Oriental"}
    [commune] = berkane["communes"]
    assert commune["id"] == "MA:02.113.01.09"
    assert commune["nameFr"] == "Berkane"
    assert commune["nameAr"] == "بركان"
    assert commune["type"] == "URBAN"
    assert commune["population"] == 99_069  # RGPH 2024
    assert commune["province"] == {"nameFr": "Berkane"}
    assert commune["region"] == {"nameFr": "Oriental"}
    chtouka = projects["project:chtouka-irrigation"]
    assert [c["id"] for c in chtouka["communes"]] == ["MA:09.163.07.23", "MA:09.163.05.11"]
    assert {c["province"]["nameFr"] for c in chtouka["communes"]} == {"Chtouka-Aït Baha"}
    assert chtouka["region"] == {"code": "09", "nameFr": "Souss-Massa"}
    assert projects["project:midelt-schools"]["communes"][0]["nameAr"] == "كرامة"


def test_registry_communes_reach_partner_projects(supergraph: GraphQLClient) -> None:
    query = """{ collectivities(filter: {province: "MA:09.163"}, first: 100) {
        nodes { id ... on Commune { projects { id title budget } } } } }"""
    nodes = supergraph.data(query)["collectivities"]["nodes"]
    assert len(nodes) > 20
    with_projects = {n["id"]: n["projects"] for n in nodes if n["projects"]}
    expected = [{"id": "project:chtouka-irrigation",
                 "title": "Irrigation d'Oued Essafa et de Belfaâ", "budget": 7_800_000}]
    assert with_projects == {"MA:09.163.07.23": expected, "MA:09.163.05.11": expected}


def test_round_trip_registry_to_partner_and_back(supergraph: GraphQLClient) -> None:
    query = """{ collectivity(code: "02.113.01.09") { name ... on Commune {
        projects { title communes { code region { nameFr } } } } } }"""
    commune = supergraph.data(query)["collectivity"]
    assert commune == {"name": "Berkane", "projects": [{
        "title": "Eau potable de Berkane",
        "communes": [{"code": "02.113.01.09", "region": {"nameFr": "Oriental"}}]}]}


# The issue's question: this agency's projects, with the collectivities they
# touch, the region of each and its twin abroad (twinnings of the CIM 2022-2026).
AGENCY_PROJECTS = """{ projects { id budget
    programme { id kind start end }
    communes { id nameFr region { nameFr }
      twinnings { status programme { id } partner { __typename id
        ... on ForeignMunicipality { nameFr nameNl country { nameFr } } } } } } }"""


def test_agency_projects_with_communes_regions_and_twins_abroad(
        supergraph: GraphQLClient) -> None:
    projects = {p["id"]: p for p in supergraph.data(AGENCY_PROJECTS)["projects"]}
    berkane = projects["project:berkane-water"]
    assert berkane["programme"] == {"id": partner.CIM, "kind": "PHASE", "start": "2022",
                                    "end": "2026"}
    [commune] = berkane["communes"]
    assert commune["region"] == {"nameFr": "Oriental"}
    assert commune["twinnings"] == [{"status": "ACTIVE", "programme": {"id": partner.CIM},
                                     "partner": {"__typename": "ForeignMunicipality",
                                                 "id": "BE:21013", "nameFr": "Saint-Gilles",
                                                 "nameNl": "Sint-Gillis",
                                                 "country": {"nameFr": "Belgique"}}}]
    twins = {c["id"]: [t["partner"]["id"] for t in c["twinnings"]]
             for p in projects.values() for c in p["communes"] if c is not None}
    assert twins == {"MA:02.113.01.09": ["BE:21013"], "MA:08.363.09.03": ["BE:25050"],
                     "MA:09.163.07.23": ["BE:21006"], "MA:09.163.05.11": ["BE:21010"]}
    assert projects["project:chtouka-irrigation"]["programme"] is None


def test_registry_programme_reaches_partner_projects(supergraph: GraphQLClient) -> None:
    query = """{ programme(id: "programme:cim-2022-2026") { kind
        projects { id budget communes { nameFr } } } }"""
    programme = supergraph.data(query)["programme"]
    assert programme == {"kind": "PHASE", "projects": [
        {"id": "project:berkane-water", "budget": 12_500_000,
         "communes": [{"nameFr": "Berkane"}]},
        {"id": "project:midelt-schools", "budget": 4_200_000,
         "communes": [{"nameFr": "Gourrama"}]}]}


def test_twin_abroad_reaches_partner_projects_of_its_moroccan_twin(
        supergraph: GraphQLClient) -> None:
    query = """{ collectivity(code: "21013") { name twinnings { partner {
        ... on Commune { nameFr projects { title } } } } } }"""
    saint_gilles = supergraph.data(query)["collectivity"]
    assert saint_gilles == {"name": "Saint-Gilles", "twinnings": [{"partner": {
        "nameFr": "Berkane", "projects": [{"title": "Eau potable de Berkane"}]}}]}


def test_interface_object_partner_reaches_collectivities_of_every_level(
        supergraph: GraphQLClient) -> None:
    query = """{ grants { id amount recipient { __typename id name
        ... on ForeignMunicipality { country { nameFr } } } } }"""
    recipients = {g["id"]: g["recipient"] for g in supergraph.data(query)["grants"]}
    assert recipients == {
        "grant:oriental-2024": {"__typename": "Region", "id": "MA:02", "name": "Oriental"},
        "grant:berkane-province-2024": {"__typename": "Province", "id": "MA:02.113",
                                        "name": "Berkane"},
        "grant:berkane-2025": {"__typename": "Commune", "id": "MA:02.113.01.09",
                               "name": "Berkane"},
        "grant:saint-gilles-2025": {"__typename": "ForeignMunicipality", "id": "BE:21013",
                                    "name": "Saint-Gilles",
                                    "country": {"nameFr": "Belgique"}}}


def test_every_collectivity_reaches_the_interface_object_partner(
        supergraph: GraphQLClient) -> None:
    query = """{ collectivity(code: "02.113") { name grants { id }
        children { code grants { amount } } }
      projects { id communes { id grants { year } projects { id } } } }"""
    data = supergraph.data(query)
    province = data["collectivity"]
    assert province["grants"] == [{"id": "grant:berkane-province-2024"}]
    granted = {c["code"]: c["grants"] for c in province["children"] if c["grants"]}
    assert granted == {"02.113.01.09": [{"amount": 450_000}]}
    berkane = next(p for p in data["projects"] if p["id"] == "project:berkane-water")
    assert berkane["communes"] == [{"id": "MA:02.113.01.09", "grants": [{"year": 2025}],
                                    "projects": [{"id": "project:berkane-water"}]}]


def test_interface_object_partner_composes_with_the_entity_interface(
        npm_packages: None, registry_url: str) -> None:
    # Without `@key` on the registry's Collectivity interface this fails with
    # SATISFIABILITY_ERROR: "no subgraph can be reached to resolve the
    # implementation type of @interfaceObject type "Collectivity"".
    report = compose({"registry": registry_sdl(registry_url),
                      "grants": grants.schema.as_str()})
    assert report["composed"], report["errors"]
    assert report["hints"] == []


def test_gateway_forwards_the_bearer_token_to_the_registry(
        supergraph: GraphQLClient, network_api: LiveServer,
        graph_host: GraphHost) -> None:
    async def issue() -> str:
        backend = backend_for(graph_host, network_api.settings.graph)
        try:
            return await tokens.issue(backend, "Partner agency via gateway", "editor", None)
        finally:
            await backend.close()
    token: str = run(issue())
    create = """mutation($id: ID!) { createSource(input: {id: $id, title: "Rapport annuel",
        language: "fr"}) { __typename ... on Changed { targetId version } } }"""
    anonymous = supergraph.post(create, {"id": "src:via-gateway-anonymous"})
    assert [e["extensions"]["code"] for e in anonymous["errors"]] == ["UNAUTHENTICATED"]
    created = supergraph.post(create, {"id": "src:via-gateway"}, token)
    assert created == {"data": {"createSource": {
        "__typename": "Changed", "targetId": "src:via-gateway", "version": 1}}}


def test_unknown_commune_of_a_partner_is_null_and_the_others_resolve(
        supergraph: GraphQLClient) -> None:
    # The registry answers null for the unknown id. The gateway keeps the
    # partner's id and nulls the registry's nullable fields; a non-null one
    # (name) nulls the whole commune, reported in extensions.valueCompletion.
    body = supergraph.post("{ projects { id communes { id nameFr } } }")
    assert "errors" not in body, body["errors"]
    projects = {p["id"]: p for p in body["data"]["projects"]}
    assert projects["project:ghost"]["communes"] == [{"id": partner.UNKNOWN_COMMUNE,
                                                      "nameFr": None}]
    assert projects["project:berkane-water"]["communes"] == [
        {"id": "MA:02.113.01.09", "nameFr": "Berkane"}]
    body = supergraph.post('{ project(id: "project:ghost") { communes { id name } } }')
    assert body["data"]["project"]["communes"] == [None]
    [completion] = body["extensions"]["valueCompletion"]
    assert completion["path"] == ["project", "communes", 0, "name"]


def test_partner_and_registry_compose_without_errors_or_hints(
        npm_packages: None, registry_url: str) -> None:
    report = compose({"registry": registry_sdl(registry_url),
                      "partner": partner.schema.as_str()})
    assert report["composed"], report["errors"]
    assert report["hints"] == []
    supergraph_sdl = report["supergraphSdl"]
    assert '@join__type(graph: PARTNER, key: "id")' in supergraph_sdl
    assert '@join__type(graph: REGISTRY, key: "code")' in supergraph_sdl


def test_redefining_a_registry_field_without_shareable_fails_composition(
        npm_packages: None, registry_url: str) -> None:
    report = compose({"registry": registry_sdl(registry_url),
                      "conflicting": conflicting.schema.as_str()})
    assert not report["composed"]
    assert [e["code"] for e in report["errors"]] == ["INVALID_FIELD_SHARING"]
    assert 'Non-shareable field "Commune.nameFr"' in report["errors"][0]["message"]


def test_gateway_refuses_to_start_over_the_conflicting_subgraph(
        npm_packages: None, registry_url: str) -> None:
    with subgraph("conflicting") as bad:
        wait_for_graphql(bad.url)
        process = gateway({"registry": registry_url, "conflicting": bad.url})
        with pytest.raises(RuntimeError, match="exited before it was ready") as failure:
            process.__enter__()
        process.stop()
    assert process.returncode == 1
    assert "couldn't be composed" in str(failure.value)
    assert 'Non-shareable field "Commune.nameFr" is resolved from multiple subgraphs' in str(
        failure.value)
