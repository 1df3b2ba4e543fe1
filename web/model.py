"""`/model.json`: the kinds of entity and link the registry declares, for the pages (the
explorer's legend and colours come from here, not from a copy in JavaScript)."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse

from domain import model

TERRITORY_COLOUR = "#94a3b8"
# How the explorer draws each type of entity (Cytoscape shapes); the legend reads these.
TERRITORY_SHAPES = {"Country": "star", "Region": "round-hexagon", "Province": "round-hexagon",
                    "Cercle": "round-hexagon", "Commune": "ellipse", "Arrondissement": "ellipse",
                    "ForeignMunicipality": "ellipse"}
SHAPES = {"Organisation": "round-rectangle", "Network": "diamond", "Programme": "round-tag",
          "Person": "ellipse", "Post": "round-triangle", "Event": "round-pentagon",
          "Document": "rectangle", "Source": "rectangle"}
NODE_COLOURS = {"territory": "#0f766e", "curated": "#64748b"}


def model_document() -> dict[str, object]:
    """The declared kinds, as the pages read them."""
    kinds = [{"kind": k.kind, "description": k.description, "colour": k.colour,
              "section": k.section, "slots": [s.name for s in k.slots]}
             for k in model.LINK_KINDS]
    kinds.append({"kind": "TERRITORY", "description": "The fixed territorial hierarchy.",
                  "colour": TERRITORY_COLOUR, "section": None, "slots": []})
    entities = [{"type": t.name, "prefix": t.prefix, "section": t.section,
                 "description": t.description, "shape": SHAPES[t.name],
                 "colour": NODE_COLOURS["curated"]} for t in model.ENTITY_TYPES]
    territories = [{"type": name, "prefix": None, "section": None, "description": "",
                    "shape": shape, "colour": NODE_COLOURS["territory"]}
                   for name, shape in TERRITORY_SHAPES.items()]
    return {"linkKinds": kinds, "entityTypes": entities + territories,
            "containment": ["TERRITORY", "PART_OF"]}


async def model_json(request: Request) -> JSONResponse:
    """The model as JSON; it changes only with a release, so it may be cached a while."""
    return JSONResponse(model_document(), headers={"Cache-Control": "public, max-age=300"})
