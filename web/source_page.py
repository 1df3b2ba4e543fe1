"""`/sources/<id>`: an article to read, with its title, publisher, date and address on
screen and every name the registry linked highlighted (each a link to its entity's page).
The text is right to left when the article is in Arabic, whatever the interface's
language. Rendered by the server from the API (`app.state.execute`), so it reads without
scripts."""

from __future__ import annotations

import html
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from web import i18n, pages

SOURCE = """query SourcePage($id: ID!, $first: Int) { node(id: $id) { __typename
  ... on Source { id title url publisher published language text file kind note
    mentions(first: $first) { start end text confidence
      entity { __typename id ... on CuratedEntity { label } ... on Territory { name level } }
    } } } }"""
RIGHT_TO_LEFT = frozenset({"ar", "fa", "ur", "he", "zgh"})
# The metadata shown above the text: its label's catalogue key, and the field.
META = (("source.publisher", "publisher"), ("source.date", "published"),
        ("source.language", "language"), ("source.file", "file"), ("source.id", "id"),
        ("source.note", "note"))


def direction(language: str | None) -> str:
    """rtl for Arabic (and other right-to-left scripts), else ltr."""
    return "rtl" if (language or "") in RIGHT_TO_LEFT else "ltr"


def _label(mention: dict[str, Any], lang: str) -> str:
    entity = mention["entity"] or {}
    name = entity.get("label") or entity.get("name") or entity.get("id", "")
    kind = (entity.get("level") or entity.get("__typename") or "").lower()
    confidence = i18n.text(lang, "source.confidence")
    return f"{name} ({kind}, {entity.get('id', '')}, {confidence} {mention['confidence']:.2f})"


def highlighted(text: str, mentions: list[dict[str, Any]], lang: str) -> str:
    """The text as HTML paragraphs, each mention a <mark> linking to its entity; a mention
    inside another (a province in an organisation's name) nested in it."""
    spans = sorted((m for m in mentions if m.get("entity") and 0 <= m["start"] < m["end"]
                    <= len(text)), key=lambda m: (m["start"], -m["end"]))
    out: list[str] = []
    open_ends: list[int] = []
    position = 0
    for mention in spans:
        while open_ends and open_ends[-1] <= mention["start"]:
            out.append(html.escape(text[position:open_ends[-1]]) + "</a></mark>")
            position = open_ends.pop()
        if open_ends and mention["end"] > open_ends[-1]:
            continue  # crosses the mark it starts in: left out
        entity_id = mention["entity"]["id"]
        out.append(html.escape(text[position:mention["start"]]))
        out.append(f'<mark data-entity="{html.escape(entity_id)}">'
                   f'<a href="/entity/{html.escape(entity_id)}" '
                   f'title="{html.escape(_label(mention, lang))}">')
        position = mention["start"]
        open_ends.append(mention["end"])
    while open_ends:
        out.append(html.escape(text[position:open_ends[-1]]) + "</a></mark>")
        position = open_ends.pop()
    out.append(html.escape(text[position:]))
    paragraphs = "".join(out).split("\n")
    return "".join(f"<p>{p}</p>" for p in paragraphs if p.strip())


def _meta(source: dict[str, Any], lang: str) -> str:
    items = [f"<dt>{html.escape(i18n.text(lang, key))}</dt>"
             f"<dd>{html.escape(str(source[field]))}</dd>"
             for key, field in META if source.get(field)]
    url = source.get("url")
    if url and url.startswith(("http://", "https://")):
        items.append(f'<dt>{html.escape(i18n.text(lang, "source.address"))}</dt>'
                     f'<dd><a href="{html.escape(url)}" rel="noopener '
                     f'noreferrer">{html.escape(url)}</a></dd>')
    return "<dl class=\"source-meta\">" + "".join(items) + "</dl>"


def _mention_list(mentions: list[dict[str, Any]], lang: str) -> str:
    seen: dict[str, dict[str, Any]] = {}
    for mention in mentions:
        if mention.get("entity"):
            seen.setdefault(mention["entity"]["id"], mention)
    items = [f'<li><a href="/entity/{html.escape(i)}">{html.escape(_label(m, lang))}</a></li>'
             for i, m in seen.items()]
    return "<ul class=\"source-mentions\">" + "".join(items) + "</ul>"


async def source(request: Request) -> Response:
    """The source's page, or a 404 page when no source has this id."""
    source_id = request.path_params["id"]
    settings = request.app.state.settings
    data = await request.app.state.execute(SOURCE, {"id": source_id,
                                                    "first": settings.max_page_size},
                                           request)
    node = data.get("node")
    lang, _ = i18n.chosen(request)
    if not node or node.get("__typename") != "Source":
        return pages.not_found(request, lang, "source",
                               i18n.text(lang, "source.unknown", id=source_id))
    language = node.get("language") or ""
    text = node.get("text")
    body = (highlighted(text, node["mentions"], lang) if text
            else f"<p>{html.escape(i18n.text(lang, 'source.noText'))}</p>")
    return pages.render(
        request, "source", "page.entity.title", "source-page",
        title=node.get("title") or source_id, heading=pages.escape(node.get("title") or ""),
        meta=_meta(node, lang), article_lang=pages.escape(language),
        article_dir=direction(language), article=body,
        mentions=_mention_list(node["mentions"], lang),
        count=str(len({m["entity"]["id"] for m in node["mentions"] if m.get("entity")})))
