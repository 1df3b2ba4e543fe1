"""The write API over HTTP: tokens, roles, sources, versions and the audit trail."""

from __future__ import annotations

import base64
import json
import re

import pytest

from auth import tokens
from graph import tokens as graph_tokens
from tests.conftest import backend_for, issue_token, read, run
from tests.hosts import GraphHost
from tests.live import LiveServer

CREATE_SOURCE = """mutation($id: ID!) { createSource(input: {id: $id, title: "Communiqué",
    language: "fr"}) { __typename ... on Changed { targetId version } } }"""
CREATE_ORG = """mutation($id: ID!, $src: [ID!]) { createOrganisation(input: {id: $id,
    kind: NATIONAL_BODY, names: [{lang: "fr", text: "Agence"}]}, sources: $src) {
    __typename ... on Changed { targetId version change { actor action before after } }
    ... on InvalidInput { message problems { field message } } } }"""
UPDATE_ORG = """mutation($id: ID!, $v: Int!, $src: [ID!]) { updateOrganisation(id: $id,
    version: $v, input: {kind: OTHER, names: [{lang: "fr", text: "Agence"}]}, sources: $src) {
    __typename ... on Changed { version } ... on VersionConflict { currentVersion }
    ... on NotFound { id } ... on InvalidInput { message } } }"""


@pytest.fixture(scope="module")
def editor(graph_host: GraphHost, writable_graph: str) -> str:
    return issue_token(graph_host, writable_graph, "Editor One")


@pytest.fixture(scope="module")
def admin(graph_host: GraphHost, writable_graph: str) -> str:
    return issue_token(graph_host, writable_graph, "Admin", "admin")


def test_writing_needs_a_valid_token(writable: LiveServer, editor: str) -> None:
    for token in (None, "tok_0000.nope", editor.split(".", maxsplit=1)[0] + ".wrong", "garbage"):
        error = writable.error(CREATE_SOURCE, {"id": "src:x"}, token)
        assert error["extensions"]["code"] == "UNAUTHENTICATED"
        assert "Bearer" in error["message"]


def test_editor_creates_and_updates_facts_citing_its_sources(writable: LiveServer,
                                                             editor: str) -> None:
    assert writable.data(CREATE_SOURCE, {"id": "src:ed1"}, editor)["createSource"]["version"] == 1
    created = writable.data(CREATE_ORG, {"id": "org:ed1", "src": ["src:ed1"]}, editor)
    change = created["createOrganisation"]["change"]
    assert (change["actor"], change["action"], change["before"]) == ("Editor One", "CREATE", None)
    assert json.loads(change["after"])["kind"] == "NATIONAL_BODY"
    updated = writable.data(UPDATE_ORG, {"id": "org:ed1", "v": 1, "src": ["src:ed1"]}, editor)
    assert updated["updateOrganisation"] == {"__typename": "Changed", "version": 2}
    stale = writable.data(UPDATE_ORG, {"id": "org:ed1", "v": 1, "src": ["src:ed1"]}, editor)
    assert stale["updateOrganisation"] == {"__typename": "VersionConflict", "currentVersion": 2}
    history = writable.data("""{ changes(entity: "org:ed1") { totalCount
        nodes { action version before after sources { id } } } }""")["changes"]
    assert history["totalCount"] == 2
    assert [c["action"] for c in history["nodes"]] == ["CREATE", "UPDATE"]
    assert json.loads(history["nodes"][1]["before"])["kind"] == "NATIONAL_BODY"
    assert json.loads(history["nodes"][1]["after"])["kind"] == "OTHER"
    assert history["nodes"][1]["sources"] == [{"id": "src:ed1"}]


def test_every_fact_needs_a_source(writable: LiveServer, editor: str) -> None:
    for sources, field in (([], "sources"), (["src:nowhere"], "sources.0"),
                           (["org:dgct"], "sources.0")):
        body = writable.data(CREATE_ORG, {"id": "org:nosrc", "src": sources}, editor)
        result = body["createOrganisation"]
        assert result["__typename"] == "InvalidInput"
        assert field in {p["field"] for p in result["problems"]}
    assert writable.data('{ organisation(id: "org:nosrc") { id } }') == {"organisation": None}


def test_editor_may_not_touch_facts_of_others_and_learns_nothing(writable: LiveServer,
                                                                  editor: str) -> None:
    writable.data(CREATE_SOURCE, {"id": "src:ed2"}, editor)
    existing = writable.error(UPDATE_ORG, {"id": "org:dgct", "v": 1, "src": ["src:ed2"]}, editor)
    missing = writable.error(UPDATE_ORG, {"id": "org:ghost", "v": 1, "src": ["src:ed2"]}, editor)
    assert existing["extensions"]["code"] == missing["extensions"]["code"] == "FORBIDDEN"
    assert existing["message"] == missing["message"]


def test_ownership_follows_the_token_not_its_owners_name(
        writable: LiveServer, graph_host: GraphHost, writable_graph: str) -> None:
    first, second = (issue_token(graph_host, writable_graph, "Same Name") for _ in range(2))
    writable.data(CREATE_SOURCE, {"id": "src:same-1"}, first)
    writable.data(CREATE_ORG, {"id": "org:same", "src": ["src:same-1"]}, first)
    error = writable.error(UPDATE_ORG, {"id": "org:same", "v": 1, "src": ["src:same-1"]}, second)
    assert error["extensions"]["code"] == "FORBIDDEN"
    body = writable.data(UPDATE_ORG, {"id": "org:same", "v": 1, "src": ["src:same-1"]}, first)
    assert body["updateOrganisation"] == {"__typename": "Changed", "version": 2}


def test_an_editor_updates_and_retires_the_sources_it_created(writable: LiveServer,
                                                              editor: str) -> None:
    writable.data(CREATE_SOURCE, {"id": "src:mine"}, editor)
    update = """mutation { updateSource(id: "src:mine", version: 1, input: {title: "Corrected",
        language: "fr"}, sources: ["src:mine"]) { __typename ... on Changed { version } } }"""
    assert writable.data(update, None, editor)["updateSource"] == {"__typename": "Changed",
                                                              "version": 2}
    retire = """mutation { retire(id: "src:mine", version: 2, sources: ["src:mine"]) {
        __typename } }"""
    assert writable.data(retire, None, editor)["retire"]["__typename"] == "Changed"
    others = writable.error("""mutation { updateSource(id: "src:seed-000", version: 1,
        input: {title: "Mine now", language: "fr"}, sources: ["src:mine"]) { __typename } }""",
                        None, editor)
    assert others["extensions"]["code"] == "FORBIDDEN"


NEW_SOURCE_ORG = """mutation($id: ID!, $src: ID!) { createOrganisation(input: {id: $id,
    kind: NATIONAL_BODY, names: [{lang: "fr", text: "Agence"}]}, newSource: {id: $src,
    title: "Communiqué", language: "fr"}) { __typename } }"""


def test_a_refused_mutation_keeps_nothing_of_its_new_source(
        writable: LiveServer, editor: str, graph_host: GraphHost, writable_graph: str) -> None:
    refused = writable.data(NEW_SOURCE_ORG, {"id": "org:dgct", "src": "src:fresh-1"}, editor)
    assert refused["createOrganisation"]["__typename"] == "InvalidInput"  # org:dgct exists
    kept = read(graph_host, writable_graph, "MATCH (n) WHERE n.id = $id OR n.targetId = $id "
                "RETURN count(n) AS n", {"id": "src:fresh-1"})
    assert kept == [{"n": 0}]
    made = writable.data(NEW_SOURCE_ORG, {"id": "org:fresh", "src": "src:fresh-2"}, editor)
    assert made["createOrganisation"]["__typename"] == "Changed"
    kept = read(graph_host, writable_graph, "MATCH (c:Change) WHERE c.targetId IN $ids "
                "RETURN c.targetId AS id ORDER BY id", {"ids": ["org:fresh", "src:fresh-2"]})
    assert [row["id"] for row in kept] == ["org:fresh", "src:fresh-2"]


def test_contributed_names_are_checked_and_rank_below_curated_ones(writable: LiveServer,
                                                                   editor: str) -> None:
    named = """mutation($id: ID!, $name: String!) { createOrganisation(input: {id: $id,
        kind: OTHER, names: [{lang: "fr", text: $name}]}, sources: ["src:names"]) {
        __typename ... on InvalidInput { problems { field message } } } }"""
    writable.data(CREATE_SOURCE, {"id": "src:names"}, editor)
    invisible = writable.data(named, {"id": "org:invisible", "name": "\u200b\u0301"}, editor)
    problems = invisible["createOrganisation"]["problems"]
    assert any("letter or digit" in p["message"] for p in problems), problems
    spoof = writable.data(named, {"id": "org:spoof", "name": "🏛️ DGCT"}, editor)
    assert spoof["createOrganisation"]["__typename"] == "Changed"
    hits = writable.data('{ search(text: "dgct") { entity { id } } }')["search"]
    ids = [hit["entity"]["id"] for hit in hits]
    assert ids.index("org:dgct") < ids.index("org:spoof")


def test_every_kind_of_entity_can_be_contributed(writable: LiveServer, admin: str) -> None:
    writable.data(CREATE_SOURCE, {"id": "src:kinds"}, admin)
    names = 'names: [{lang: "fr", text: "Nouveau"}]'
    inputs = {
        "createNetwork": f'{{id: "network:kinds", {names}, founded: "2024"}}',
        "createProgramme": f'{{id: "programme:kinds", kind: PROGRAMME, {names}}}',
        "createPerson": f'{{id: "person:kinds", {names}}}',
        "createPost": f'{{id: "post:kinds", body: "org:dgct", {names}}}',
        "createEvent": f'{{id: "event:kinds", kind: WORKSHOP, {names}, place: "MA:02"}}',
    }
    for mutation, value in inputs.items():
        body = writable.data(f"""mutation {{ {mutation}(input: {value}, sources: ["src:kinds"]) {{
            __typename ... on Changed {{ targetId version }}
            ... on InvalidInput {{ problems {{ field message }} }} }} }}""", None, admin)
        assert body[mutation]["__typename"] == "Changed", (mutation, body)
    for node_id in ("network:kinds", "programme:kinds", "person:kinds", "post:kinds",
                    "event:kinds"):
        found = writable.data('query($id: ID!) { node(id: $id) { id } }', {"id": node_id})
        assert found["node"] == {"id": node_id}


def test_admin_changes_anything_and_gets_not_found(writable: LiveServer, admin: str) -> None:
    body = writable.data(UPDATE_ORG, {"id": "org:ghost", "v": 1, "src": ["src:seed-000"]}, admin)
    assert body["updateOrganisation"] == {"__typename": "NotFound", "id": "org:ghost"}
    body = writable.data("""mutation { addName(id: "org:dgct", name: {lang: "fr", text: "DGCT"},
        sources: ["src:seed-002"]) { __typename } }""", None, admin)
    assert body["addName"] == {"__typename": "Changed"}
    version = writable.data('{ organisation(id: "org:dgct") { version } }'
                            )["organisation"]["version"]
    body = writable.data(UPDATE_ORG, {"id": "org:dgct", "v": version, "src": ["src:seed-000"]},
                         admin)
    assert body["updateOrganisation"] == {"__typename": "Changed", "version": version + 1}
    hits = writable.data('{ search(text: "dgct") { entity { id } } }')["search"]
    assert hits[0]["entity"]["id"] == "org:dgct"


def test_scoped_editor_writes_about_its_organisation_only(
        writable: LiveServer, graph_host: GraphHost, writable_graph: str) -> None:
    token = issue_token(graph_host, writable_graph, "Enabel staff", organisation="org:enabel")
    add = """mutation($id: ID!) { addName(id: $id, name: {lang: "en", text: "Belgian agency"},
        sources: ["src:seed-000"]) { __typename } }"""
    assert writable.data(add, {"id": "org:enabel"}, token)["addName"]["__typename"] == "Changed"
    assert writable.error(add, {"id": "org:dgct"}, token)["extensions"]["code"] == "FORBIDDEN"


def test_retiring_keeps_history(writable: LiveServer, editor: str) -> None:
    writable.data(CREATE_SOURCE, {"id": "src:ed3"}, editor)
    created = writable.data("""mutation { createTwinning(input: {parties: ["MA:02.113.01.09",
        "BE:21004"], since: "2024"}, sources: ["src:ed3"]) {
        ... on Changed { targetId version } } }""", None, editor)["createTwinning"]
    retired = writable.data("""mutation($id: ID!, $v: Int!) { retire(id: $id, version: $v,
        on: "2025-06", sources: ["src:ed3"]) { ... on Changed { version
        target { ... on Twinning { until retired since } } } } }""",
                        {"id": created["targetId"], "v": created["version"]}, editor)
    assert retired["retire"]["target"] == {"until": "2025-06", "retired": True, "since": "2024"}
    history = writable.data('query($id: ID!) { changes(entity: $id) { nodes { action } } }',
                            {"id": created["targetId"]})
    assert [c["action"] for c in history["changes"]["nodes"]] == ["CREATE", "RETIRE"]


def test_audit_trail_pages_in_order_and_refuses_foreign_cursors(writable: LiveServer,
                                                               admin: str) -> None:
    writable.data(CREATE_SOURCE, {"id": "src:pages"}, admin)
    writable.data(CREATE_ORG, {"id": "org:pages", "src": ["src:pages"]}, admin)
    for version in (1, 2, 3):
        writable.data(UPDATE_ORG, {"id": "org:pages", "v": version, "src": ["src:pages"]}, admin)
    query = """query($after: String) { changes(entity: "org:pages", first: 2, after: $after) {
        nodes { version } pageInfo { hasNextPage endCursor } } }"""
    seen, after = [], None
    for _ in range(3):
        page = writable.data(query, {"after": after})["changes"]
        seen += [c["version"] for c in page["nodes"]]
        after = page["pageInfo"]["endCursor"]
        if not page["pageInfo"]["hasNextPage"]:
            break
    assert seen == [1, 2, 3, 4]
    foreign = writable.data("{ collectivities(first: 1) { pageInfo { endCursor } } }")
    # Another list's cursor, and one of the audit trail's order holding a time but no version.
    made = json.dumps(["AT", False, "2026-01-01T00:00:00+00:00", "x"]).encode()
    for cursor in (foreign["collectivities"]["pageInfo"]["endCursor"],
                   base64.urlsafe_b64encode(made).decode()):
        error = writable.error(query, {"after": cursor})
        assert error["extensions"]["code"] == "BAD_USER_INPUT" and "after" in error["message"]


def test_audit_keeps_the_servers_request_id_and_the_callers_beside_it(
        writable: LiveServer, admin: str, graph_host: GraphHost, writable_graph: str) -> None:
    response = writable.http.post("/graphql", json={"query": CREATE_SOURCE,
                                                    "variables": {"id": "src:req-id"}},
                              headers={"Authorization": f"Bearer {admin}",
                                       "X-Request-Id": "desk-7"})
    assert response.headers["x-request-id"] == "desk-7"
    [change] = read(graph_host, writable_graph, "MATCH (c:Change {targetId: 'src:req-id'}) "
                    "RETURN c.requestId AS server, c.clientRequestId AS client")
    assert change["client"] == "desk-7"
    assert re.fullmatch(r"[0-9a-f]{32}", change["server"])


def test_invalid_inputs_name_the_field(writable: LiveServer, editor: str) -> None:
    writable.data(CREATE_SOURCE, {"id": "src:ed4"}, editor)
    body = writable.data("""mutation { createTwinning(input: {parties: ["MA:02.113.01.09",
        "MA:02.113.01.09"]}, sources: ["src:ed4"]) { ... on InvalidInput { problems { field } } }
        m: createMembership(input: {network: "org:dgct", member: "MA:99", since: "2024-13"},
        sources: ["src:ed4"]) { ... on InvalidInput { problems { field message } } } }""",
                     None, editor)
    assert body["createTwinning"]["problems"] == [{"field": "parties"}]
    fields = {p["field"] for p in body["m"]["problems"]}
    assert "since" in fields


def test_revoked_token_stops_working(writable: LiveServer, graph_host: GraphHost,
                                     writable_graph: str) -> None:
    token = issue_token(graph_host, writable_graph, "Short lived")
    assert writable.data(CREATE_SOURCE, {"id": "src:short"}, token)["createSource"]["version"] == 1

    async def revoke() -> None:
        backend = backend_for(graph_host, writable_graph)
        try:
            assert await graph_tokens.revoke(backend, token.split(".")[0], tokens.now())
        finally:
            await backend.close()
    run(revoke())
    error = writable.error(CREATE_SOURCE, {"id": "src:short2"}, token)
    assert error["extensions"]["code"] == "UNAUTHENTICATED"


def test_a_programme_with_money_and_status_is_written_and_updated_whole(
        writable: LiveServer, admin: str) -> None:
    writable.data(CREATE_SOURCE, {"id": "src:money"}, admin)
    fields = """{kind: PROJECT, names: [{lang: "en", text: "Rural roads"}], status: ACTIVE,
        objective: "Roads", worldBankId: "P000001", start: "2020",
        commitment: {amount: 5600000.5, currency: "USD"}}"""
    created = writable.data(f"""mutation {{ createProgramme(input: {fields[:-1]},
        id: "programme:money"}}, sources: ["src:money"]) {{ __typename }} }}""", None, admin)
    assert created["createProgramme"]["__typename"] == "Changed"
    updated = writable.data(f"""mutation {{ updateProgramme(id: "programme:money", version: 1,
        input: {fields}, sources: ["src:money"]) {{ __typename }} }}""", None, admin)
    assert updated["updateProgramme"]["__typename"] == "Changed"
    programme = writable.data("""{ programme(id: "programme:money") { status objective worldBankId
        commitment { amount currency } version } }""")["programme"]
    assert programme == {"status": "ACTIVE", "objective": "Roads", "worldBankId": "P000001",
                         "commitment": {"amount": 5600000.5, "currency": "USD"}, "version": 2}
