"""`/entity/<id>`: everything the registry holds about one entity, on a page to cite.

The server only asks the API whether the entity exists and what it is called (an unknown
id gets a 404 page, a known one its name in the title); the page's script reads the rest
through `/graphql`, as the other pages do.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from graph.client import CountingClient
from resolvers.context import Context
from schema import build_schema
from schema.federation import RegistrySchema
from web import i18n, pages

HEADLINE = """query EntityHeadline($id: ID!) { node(id: $id) { __typename id
  ... on Territory { name nameAr } ... on CuratedEntity { label nameAr }
  ... on Source { title } ... on Link { kind } } }"""


@lru_cache(maxsize=1)
def _schema() -> RegistrySchema:
    # Built once per process, on the first entity page asked for.
    return build_schema()


async def headline(request: Request, entity_id: str) -> dict[str, Any] | None:
    """The entity's type and names, through the schema; None when there is none."""
    context = Context(CountingClient(request.app.state.backend), request.app.state.settings,
                      request)
    result = await _schema().execute(HEADLINE, {"id": entity_id}, context_value=context)
    if result.errors:
        raise RuntimeError(f"entity headline failed: {result.errors[0].message}")
    node: dict[str, Any] | None = (result.data or {}).get("node")
    # A link has no page of its own: its parties' pages show it.
    return None if node is None or "kind" in node else node


def shown_name(node: dict[str, Any], lang: str) -> str:
    """The name for the title bar: Arabic on Arabic pages when there is one."""
    main = str(node.get("label") or node.get("name") or node.get("title") or node["id"])
    arabic = node.get("nameAr")
    return str(arabic) if lang == "ar" and arabic else main


async def entity(request: Request) -> Response:
    """The entity page, or a 404 page naming the id when it does not exist."""
    entity_id = request.path_params["id"]
    node = await headline(request, entity_id)
    lang, _ = i18n.chosen(request)
    if node is None:
        message = i18n.text(lang, "entity.unknown", id=entity_id)
        return pages.render(request, "not_found", "entity.notFoundTitle", "plain", status=404,
                            message=pages.escape(message))
    return pages.render(request, "entity", "page.entity.title", "entity-page",
                        title=shown_name(node, lang), entity_id=pages.escape(entity_id))
