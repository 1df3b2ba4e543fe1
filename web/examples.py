"""The example operations GraphiQL offers, one `.graphql` file each under `web/examples/`.

A file starts with `# key: value` header lines (title, audience, description and,
optionally, variables as JSON), then the operation. Files are listed in name order.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from web.assets import EXAMPLES_DIR

HEADER = re.compile(r"^#\s*(title|audience|description|variables):\s*(.*)$")


@dataclass(frozen=True)
class Example:
    """One ready operation, for one audience."""

    name: str
    title: str
    audience: str
    description: str
    query: str
    variables: str

    def as_json(self) -> dict[str, Any]:
        """The example as the page's script reads it."""
        return asdict(self)


def parse_example(path: Path) -> Example:
    """One example file; raises ValueError if its header lacks a title or an audience."""
    header: dict[str, str] = {}
    lines = path.read_text(encoding="utf-8").splitlines()
    while lines and (match := HEADER.match(lines[0])):
        header[match.group(1)] = match.group(2).strip()
        lines.pop(0)
    if "title" not in header or "audience" not in header:
        raise ValueError(f"{path.name}: the header needs '# title:' and '# audience:' lines")
    variables = header.get("variables", "")
    if variables:
        variables = json.dumps(json.loads(variables), indent=2, ensure_ascii=False)
    return Example(name=path.stem, title=header["title"], audience=header["audience"],
                   description=header.get("description", ""),
                   query="\n".join(lines).strip() + "\n", variables=variables)


def load_examples(directory: Path = EXAMPLES_DIR) -> list[Example]:
    """Every example, in file name order."""
    return [parse_example(path) for path in sorted(directory.glob("*.graphql"))]
