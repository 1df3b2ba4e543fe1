"""The generated network in several curated files, for a backend that imports a file as one
transaction.

On Neo4j the registry imports each file in one transaction, and a transaction's state
lives in the server's heap: the million links of the large scale in one file stopped
at a quarter with `MemoryPoolOutOfMemoryError` (`dbms.memory.transaction.total.max`,
4.1 GiB of a 6 GiB heap). Split, the first file holds every entity (and the links
their own fields state), and each next file at most `links_per_file` links, which
refer to those entities by id as curated files refer to the backbone. The graph is
the same as with one file; only the `origin` of its nodes differs.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from bench.generate import ENTITIES, LINK_SECTIONS


def split(path: Path, links_per_file: int = 100_000) -> list[Path]:
    """Write `path` again as `NAME-00.json` (entities) and link files next to it."""
    doc: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    stem = path.stem
    parts: list[dict[str, Any]] = [{"format": doc["format"]}]
    parts[0].update({section: doc[section] for section in ENTITIES if section in doc})
    current: dict[str, Any] = {"format": doc["format"]}
    size = 0
    for section in LINK_SECTIONS:
        records = doc.get(section, [])
        start = 0
        while start < len(records):
            take = min(links_per_file - size, len(records) - start)
            current.setdefault(section, []).extend(records[start:start + take])
            start += take
            size += take
            if size == links_per_file:
                parts.append(current)
                current, size = {"format": doc["format"]}, 0
    if size:
        parts.append(current)
    paths = []
    for index, part in enumerate(parts):
        target = path.with_name(f"{stem}-{index:02d}.json")
        target.write_text(json.dumps(part, ensure_ascii=False, separators=(",", ":")),
                          encoding="utf-8")
        paths.append(target)
    return paths
