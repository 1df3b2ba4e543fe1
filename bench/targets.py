"""What the operations ask about at one scale, chosen once and used on every backend."""

from __future__ import annotations

import asyncio
import json

from bench import floors
from bench.graphs import GraphTarget, read
from bench.load import HttpClient, body_of
from bench.operations import CONNECTIONS, Targets
from importers.territory.load import backbone

REAL_NETWORK = "network:remacto"
COMMUNE = "02.113.01.09"  # Berkane: twinned, in a programme with funders, in REMACTO


def from_backbone() -> Targets:
    """The targets that come from the backbone alone (the rest are set by `complete`)."""
    records, _ = backbone()
    communes = sorted(r.id for r in records if r.level == "COMMUNE")
    codes = [c.removeprefix("MA:") for c in communes[::7]][:200]
    sets = [communes[offset::15][:100] for offset in range(5)]
    return Targets(codes=codes, commune_code=COMMUNE, twinned_codes=[COMMUNE],
                   network_id=REAL_NETWORK, connection=None, representation_sets=sets)


async def _connection_pair(port: int, graph: GraphTarget, large: bool
                           ) -> tuple[str, str] | None:
    """The first candidate pair whose shortest connection is exactly four reified links."""
    rows = await read(graph, floors.PEOPLE_AND_ORGANISATIONS)
    abroad = [row["id"] for row in await read(graph, floors.TWINNED_ABROAD)]
    # At the large scale, people (a dozen events each), not organisations (some are hubs).
    people = [row["id"] for row in rows if not large or row["type"] == "Person"]
    starts = people[::max(1, len(people) // 60)] if large else people
    client = HttpClient("127.0.0.1", port)
    checked = 0
    try:
        for end in abroad[:3]:
            for start in starts:
                checked += 1
                if checked > 400:
                    return None
                _, body = await client.send(client.request(body_of(
                    CONNECTIONS, {"from": start, "to": end})))
                answer = json.loads(body)
                if answer.get("errors") or not answer.get("data"):
                    continue
                paths = answer["data"]["connections"]["paths"]
                if paths and paths[0]["length"] == 4 and all(
                        step["kind"] != "TERRITORY" for step in paths[0]["steps"]):
                    return start, end
    finally:
        await client.close()
    return None


def complete(targets: Targets, port: int, graph: GraphTarget, large: bool) -> None:
    """Choose, on a served graph, the network, the connection pair and the twinned communes."""
    if large:  # the generated network with the most members
        targets.network_id = asyncio.run(read(graph, floors.LARGEST_NETWORK))[0]["id"]
    twinned = [row["code"] for row in asyncio.run(read(graph, floors.TWINNED_COMMUNES))]
    targets.twinned_codes = [COMMUNE, *[code for code in twinned if code != COMMUNE]][:20]
    targets.connection = asyncio.run(_connection_pair(port, graph, large))
