"""Where the pages' files are, and whether `npm ci` has built the vendor assets."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

WEB_DIR = Path(__file__).resolve().parent
STATIC_DIR = WEB_DIR / "static"
VENDOR_DIR = STATIC_DIR / "vendor"
TEMPLATES_DIR = WEB_DIR / "templates"
EXAMPLES_DIR = WEB_DIR / "examples"
BUILT_STAMP = VENDOR_DIR / "built.json"


def vendor_versions() -> dict[str, str] | None:
    """The versions of the built third-party assets, or None when they are not built."""
    try:
        versions: dict[str, str] = json.loads(BUILT_STAMP.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return versions


@lru_cache(maxsize=16)
def template(name: str) -> str:
    """The text of one page template (cached: templates ship with the code)."""
    return (TEMPLATES_DIR / name).read_text(encoding="utf-8")
