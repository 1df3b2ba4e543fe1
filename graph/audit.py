"""Reading the audit trail: `Change` nodes, appended by every contribution, never updated."""

from __future__ import annotations

from typing import Any, LiteralString, cast

from graph.client import GraphClient
from graph.rows import ChangeRow

CHANGES: LiteralString = (
    "MATCH (c:Change) "
    "WHERE ($since IS NULL OR c.at >= $since) "
    "AND ($target IS NULL OR c.targetId = $target) "
    "AND ($actor IS NULL OR c.actor = $actor) "
    "AND ($afterAt IS NULL OR c.at > $afterAt OR (c.at = $afterAt AND (c.version > $afterVersion "
    "OR (c.version = $afterVersion AND c.id > $afterId)))) "
    "RETURN c{.*} AS change ORDER BY c.at, c.version, c.id LIMIT $limit"
)


async def changes(db: GraphClient, filters: dict[str, Any],
                  after: tuple[str, int, str] | None, limit: int) -> list[ChangeRow]:
    """Changes in time order (then version, then id), filtered by since, target and actor,
    after a cursor's (time, version, id)."""
    at, version, change_id = after if after else (None, None, None)
    params = {"since": filters.get("since"), "target": filters.get("target"),
              "actor": filters.get("actor"), "afterAt": at, "afterVersion": version,
              "afterId": change_id, "limit": limit}
    return cast(list[ChangeRow], [row["change"] for row in await db.read(CHANGES, params)])


CHANGES_COUNT: LiteralString = (
    "MATCH (c:Change) "
    "WHERE ($since IS NULL OR c.at >= $since) "
    "AND ($target IS NULL OR c.targetId = $target) "
    "AND ($actor IS NULL OR c.actor = $actor) "
    "RETURN count(c) AS total"
)


async def count(db: GraphClient, filters: dict[str, Any]) -> int:
    """How many changes match the filters."""
    params = {k: filters.get(k) for k in ("since", "target", "actor")}
    return int((await db.read(CHANGES_COUNT, params))[0]["total"])


CHANGE_BY_ID: LiteralString = "MATCH (c:Change {id: $id}) RETURN c{.*} AS change"


async def change_by_id(db: GraphClient, change_id: str) -> ChangeRow | None:
    """One change by id."""
    rows = await db.read(CHANGE_BY_ID, {"id": change_id})
    return cast(ChangeRow, rows[0]["change"]) if rows else None


# An import's record: its version counts the imports of the same origin before it.
RECORD_IMPORT: LiteralString = (
    "OPTIONAL MATCH (p:Change {targetId: $targetId}) "
    "WITH count(p) AS before "
    "CREATE (c:Change) SET c += $change, c.version = before + 1 "
    "RETURN c.version AS version"
)


async def record_import(db: GraphClient, change: dict[str, Any]) -> int:
    """Append the audit record of one import (in the import's own unit); its version."""
    rows = await db.write(RECORD_IMPORT, {"targetId": change["targetId"], "change": change})
    return int(rows[0]["version"])
