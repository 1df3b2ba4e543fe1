"""The graph layer: every Cypher statement and every driver call of the registry."""
