"""Imports in the audit trail: each import that changes the graph appends one `Change`.

The record is written by the last statement of the import's own atomic unit (the
FalkorDB staging copy that is swapped in whole, or the Neo4j transaction), so the
trail never claims an import that did not land, and an import never lands without
its record. An import that changes nothing writes nothing, its record included.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import uuid
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from auth.tokens import now
from graph import audit as graph_audit
from graph.client import GraphClient

ACTION = "IMPORT"
TARGET_KIND = "Import"
# Who runs the imports of this context: `--by`, or the server's first start.
_RUN_BY: ContextVar[str | None] = ContextVar("import_run_by", default=None)


def os_user() -> str:
    """The operating-system user running this process."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name and no passwd entry (some containers)
        return "an unnamed OS user"


@contextmanager
def run_by(who: str | None) -> Iterator[None]:
    """Record the imports run inside as made by `who` (default: the OS user)."""
    token = _RUN_BY.set(who)
    try:
        yield
    finally:
        _RUN_BY.reset(token)


def runner() -> str:
    """Who the current import is recorded as made by."""
    return _RUN_BY.get() or os_user()


@dataclass(frozen=True)
class ImportedFile:
    """A file an import read, by name, with the SHA-256 of its bytes."""

    name: str
    sha256: str

    @classmethod
    def of(cls, path: Path) -> ImportedFile:
        """The file at `path`, hashed."""
        return cls(path.name, hashlib.sha256(path.read_bytes()).hexdigest())

    @classmethod
    def of_document(cls, name: str, document: Any) -> ImportedFile:
        """A document built in memory, hashed as canonical JSON."""
        encoded = json.dumps(document, sort_keys=True, ensure_ascii=False, default=str)
        return cls(name, hashlib.sha256(encoded.encode()).hexdigest())


@dataclass
class ImportRecord:
    """What one import did, for the audit trail."""

    importer: str  # network, territory, worldbank, twinnings
    origin: str
    files: list[ImportedFile]
    added: int = 0
    changed: int = 0
    removed: int = 0

    def count(self, known: Mapping[str, str | None], hashes: Mapping[str, str | None],
              removed: int) -> None:
        """Added and changed nodes from their import hashes before and after."""
        self.added = sum(1 for node_id in hashes if node_id not in known)
        self.changed = sum(1 for node_id, value in hashes.items()
                           if node_id in known and known[node_id] != value)
        self.removed = removed

    def change(self) -> dict[str, Any]:
        """The `Change` node's properties (lists of strings and numbers only)."""
        details = {"importer": self.importer, "origin": self.origin,
                   "files": [{"name": f.name, "sha256": f.sha256} for f in self.files],
                   "added": self.added, "changed": self.changed, "removed": self.removed}
        return {"id": str(uuid.uuid4()), "at": now(), "actor": runner(), "action": ACTION,
                "targetId": f"import:{self.origin}", "targetKind": TARGET_KIND,
                "after": json.dumps(details, ensure_ascii=False), "sources": [],
                "importer": self.importer, "fileNames": [f.name for f in self.files],
                "fileHashes": [f.sha256 for f in self.files], "added": self.added,
                "changed": self.changed, "removed": self.removed}


async def record(unit: GraphClient, done: ImportRecord) -> None:
    """Append the import's record: call it last, inside the import's atomic unit."""
    await graph_audit.record_import(unit, done.change())
