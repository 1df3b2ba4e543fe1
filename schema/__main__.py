"""Print the registry's subgraph SDL, or write it to the committed contract file.

    python -m schema            # print
    python -m schema --write    # update schema.graphql (review the diff!)
"""

from __future__ import annotations

import argparse
from pathlib import Path

from schema import build_schema

CONTRACT = Path(__file__).resolve().parent.parent / "schema.graphql"


def subgraph_sdl() -> str:
    """The SDL the subgraph serves as `_service { sdl }`, with a final newline."""
    return build_schema().as_str().rstrip("\n") + "\n"


def main() -> None:
    """Print the SDL, or write it to `schema.graphql`."""
    parser = argparse.ArgumentParser(prog="python -m schema", description=__doc__)
    parser.add_argument("--write", action="store_true", help=f"write {CONTRACT.name}")
    if parser.parse_args().write:
        CONTRACT.write_text(subgraph_sdl(), encoding="utf-8")
        print(f"wrote {CONTRACT}")
    else:
        print(subgraph_sdl(), end="")


if __name__ == "__main__":
    main()
