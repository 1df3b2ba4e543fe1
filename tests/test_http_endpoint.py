"""The endpoint over HTTP: GET without an operation says what to send, and large JSON
answers are gzip-compressed for clients that accept it (issue 15)."""

from __future__ import annotations

import gzip
import json

from tests.live import LiveServer

HIERARCHY = ("{ regions { code nameFr nameAr provinces { code nameFr nameAr "
             "communes(first: 100) { nodes { code nameFr nameAr population } } } } }")


def test_a_get_without_an_operation_is_told_what_to_send(api: LiveServer) -> None:
    for accept in ("*/*", "application/json", None):
        headers = {"accept": accept} if accept else {}
        response = api.http.get("/graphql", headers=headers)
        assert response.status_code == 400, (accept, response.text)
        [error] = response.json()["errors"]
        assert error["extensions"]["code"] == "BAD_REQUEST"
        assert "turned off" not in error["message"]
        assert "GraphiQL is served here to browsers" in error["message"]
        assert error["extensions"]["requestId"] == response.headers["x-request-id"]
    # A browser still gets GraphiQL; a GET with an operation still runs it.
    page = api.http.get("/graphql", headers={"accept": "text/html"})
    assert page.status_code == 200 and "graphiql" in page.text.lower()
    answer = api.http.get("/graphql", params={"query": "{ __typename }"},
                          headers={"accept": "*/*"})
    assert answer.json()["data"] == {"__typename": "Query"}


def _raw(api: LiveServer, encoding: str, query: str) -> tuple[dict[str, str], bytes]:
    """The response's headers and its bytes as sent (not decoded by the client)."""
    with api.http.stream("POST", "/graphql", json={"query": query},
                         headers={"accept-encoding": encoding}) as response:
        assert response.status_code == 200
        return dict(response.headers), b"".join(response.iter_raw())


def test_large_answers_are_gzipped_when_the_client_accepts_it(api: LiveServer) -> None:
    plain_headers, plain = _raw(api, "identity", HIERARCHY)
    assert "content-encoding" not in plain_headers
    assert int(plain_headers["content-length"]) == len(plain) > 150_000
    headers, packed = _raw(api, "gzip, deflate", HIERARCHY)
    assert headers["content-encoding"] == "gzip"
    assert "accept-encoding" in headers["vary"].lower()
    assert int(headers["content-length"]) == len(packed) < len(plain) // 4
    assert json.loads(gzip.decompress(packed)) == json.loads(plain)
    assert len(json.loads(plain)["data"]["regions"]) == 12
    # Small answers go as they are.
    headers, small = _raw(api, "gzip", "{ __typename }")
    assert "content-encoding" not in headers and json.loads(small)["data"]
