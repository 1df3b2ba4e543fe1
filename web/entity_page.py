"""`/entity/<id>`: everything the registry holds about one entity, on a page to cite.

The server only asks the API whether the entity exists and what it is called (an unknown
id gets a 404 page, a known one its name in the title); the page's script reads the rest
through `/graphql`, as the other pages do.
"""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from web import i18n, pages

HEADLINE = """query EntityHeadline($id: ID!) { node(id: $id) { __typename id
  ... on Territory { name nameAr } ... on CuratedEntity { label nameAr }
  ... on Source { title } ... on Link { kind } } }"""


async def headline(request: Request, entity_id: str) -> dict[str, Any] | None:
    """The entity's type and names, through the API in process; None when there is none."""
    data = await request.app.state.execute(HEADLINE, {"id": entity_id}, request)
    node: dict[str, Any] | None = data.get("node")
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
        return pages.not_found(request, lang, "entity",
                               i18n.text(lang, "entity.unknown", id=entity_id))
    if node["__typename"] == "Source":
        # A source has its own page, with its text where the registry holds it.
        return RedirectResponse(f"/sources/{entity_id}", status_code=303)
    return pages.render(request, "entity", "page.entity.title", "entity-page",
                        title=shown_name(node, lang), entity_id=pages.escape(entity_id))
