"""The pages' languages: French by default, Arabic and English; one catalogue of interface
strings per language (web/static/i18n/<lang>.json), read by the server for the page chrome
and by the pages' scripts for the rest."""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from web.assets import STATIC_DIR

LANGUAGES = ("fr", "ar", "en")
DEFAULT = "fr"
RIGHT_TO_LEFT = frozenset({"ar"})
COOKIE = "lang"
COOKIE_AGE = 365 * 24 * 3600
CATALOGUES = STATIC_DIR / "i18n"


@lru_cache(maxsize=len(LANGUAGES))
def catalogue(lang: str) -> dict[str, str]:
    """The interface strings of one language, by key."""
    strings: dict[str, str] = json.loads((CATALOGUES / f"{lang}.json").read_text("utf-8"))
    return strings


def chosen(request: Request) -> tuple[str, bool]:
    """The language asked for (`?lang=`), else the one remembered (cookie), else French;
    and whether it was asked for in this request (to remember it)."""
    asked = request.query_params.get("lang", "")
    if asked in LANGUAGES:
        return asked, True
    kept = request.cookies.get(COOKIE, "")
    return (kept if kept in LANGUAGES else DEFAULT), False


def direction(lang: str) -> str:
    """The writing direction of a language, for `<html dir>`."""
    return "rtl" if lang in RIGHT_TO_LEFT else "ltr"


def remember(response: Response, lang: str) -> None:
    """Keep the language chosen for the next pages (a cookie, a year, this site only)."""
    response.set_cookie(COOKIE, lang, max_age=COOKIE_AGE, samesite="lax", path="/")


def text(lang: str, key: str, **values: Any) -> str:
    """One string of a language, with `{name}` placeholders filled."""
    template = catalogue(lang)[key]
    return template.format(**values) if values else template
