"""The uniform shape every territorial unit takes before it is written."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from domain.names import name_key
from domain.rows import NAME_FIELDS
from domain.vocabulary import Level

LEVELS: tuple[str, ...] = tuple(level.value for level in Level)


@dataclass
class TerritoryRecord:
    """A unit of the backbone: its node properties, names and outgoing links."""

    id: str
    level: str
    props: dict[str, Any]
    names: dict[str, str]
    source_id: str
    links: list[tuple[str, str]] = field(default_factory=list)

    def node_props(self) -> dict[str, Any]:
        """The properties written on the node, with its names and import hash."""
        named = {NAME_FIELDS[lang]: text for lang, text in self.names.items()}
        sort_name = self.names.get("fr") or self.names.get("nl") or next(iter(self.names.values()))
        return {**self.props, **named, "level": self.level, "nameSort": name_key(sort_name),
                "importHash": self.import_hash()}

    def name_rows(self) -> list[dict[str, str]]:
        """One official `Name` row per language."""
        return [
            {"id": f"{self.id}/name/{lang}/{name_key(text)}", "entityId": self.id,
             "key": name_key(text), "text": text, "lang": lang, "kind": "official"}
            for lang, text in sorted(self.names.items())
        ]

    def import_hash(self) -> str:
        """A digest of everything imported for this unit, to skip unchanged ones."""
        content = {"level": self.level, "props": self.props, "names": self.names,
                   "source": self.source_id, "links": sorted(self.links)}
        encoded = json.dumps(content, sort_keys=True, ensure_ascii=False).encode()
        return hashlib.sha256(encoded).hexdigest()[:32]


@dataclass
class SourceRecord:
    """A dataset or document that states facts the registry holds."""

    id: str
    props: dict[str, Any]

    def node_props(self) -> dict[str, Any]:
        """The properties written on the source node, with its import hash."""
        encoded = json.dumps(self.props, sort_keys=True, ensure_ascii=False).encode()
        return {**self.props, "importHash": hashlib.sha256(encoded).hexdigest()[:32]}
