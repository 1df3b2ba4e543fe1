"""The pages' interface strings: one catalogue per language, each with every key, and every
key the pages use present; the model's kinds, roles and types each have a plain label."""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Any

from domain import model
from domain import vocabulary as v
from web import i18n
from web.assets import STATIC_DIR, TEMPLATES_DIR
from web.model import model_document

PLACEHOLDER = re.compile(r"\{(\w+)\}")
USED_IN_SCRIPTS = re.compile(r"\b(t|tn)\('([A-Za-z0-9_.]+)'")
USED_IN_TEMPLATES = re.compile(r"\$\{([A-Za-z0-9_.]+)\}")
ROLES: tuple[type[StrEnum], ...] = (v.ParticipationRole, v.EventRole, v.DocumentRole,
                                    v.DocumentRelationRole)
VALUES: tuple[type[StrEnum], ...] = (v.OrganisationKind, v.ProgrammeKind, v.ProgrammeStatus,
                                     v.EventKind, v.EventStatus, v.DocumentKind, v.SourceKind,
                                     v.TwinningStatus, v.CountMeasure)


def catalogues() -> dict[str, dict[str, str]]:
    return {lang: i18n.catalogue(lang) for lang in i18n.LANGUAGES}


def test_every_key_in_every_language() -> None:
    found = catalogues()
    keys = set(found["en"])
    for lang, strings in found.items():
        assert set(strings) == keys, (lang, sorted(set(strings) ^ keys))
        assert all(text.strip() for text in strings.values()), lang


def test_placeholders_match_english() -> None:
    english = i18n.catalogue("en")
    for lang, strings in catalogues().items():
        for key, text in strings.items():
            extra = set(PLACEHOLDER.findall(text)) - set(PLACEHOLDER.findall(english[key]))
            assert not extra, f"{lang} {key}: {extra} not in the English string"
            # A plural 'one' form may say "one" in words rather than {n}; others keep them all.
            if not key.endswith(".one"):
                assert set(PLACEHOLDER.findall(english[key])) <= set(PLACEHOLDER.findall(text)), (
                    lang, key)


def used_keys() -> set[str]:
    english = i18n.catalogue("en")
    used: set[str] = set()
    for path in STATIC_DIR.rglob("*.js"):
        if "vendor" in path.parts:
            continue
        for function, key in USED_IN_SCRIPTS.findall(path.read_text(encoding="utf-8")):
            used.add(f"{key}.other" if function == "tn" and key not in english else key)
    for path in TEMPLATES_DIR.glob("*.html"):
        used.update(USED_IN_TEMPLATES.findall(path.read_text(encoding="utf-8")))
    return used


def test_every_key_the_pages_use_exists() -> None:
    missing = used_keys() - set(i18n.catalogue("en"))
    assert not missing, sorted(missing)


def test_the_model_has_plain_labels() -> None:
    document: dict[str, Any] = model_document()
    wanted = {f"kind.{kind['kind']}" for kind in document["linkKinds"]}
    wanted |= {f"slot.{slot.name}" for kind in model.LINK_KINDS for slot in kind.slots}
    wanted |= {f"type.{entity['type']}" for entity in document["entityTypes"]}
    wanted |= {f"role.{role.value}" for vocabulary in ROLES for role in vocabulary}
    wanted |= {f"value.{value.value}" for vocabulary in VALUES for value in vocabulary}
    wanted |= {f"coverage.level.{level.value}" for level in v.Level}
    for lang, strings in catalogues().items():
        assert not wanted - set(strings), (lang, sorted(wanted - set(strings)))


def test_no_jargon_in_link_names() -> None:
    for lang, strings in catalogues().items():
        names = [text.lower() for key, text in strings.items() if key.startswith("kind.")]
        assert not [name for name in names if "_" in name or name in {"held in",
                                                                      "document party"}], lang
