"""Export of the registry's graph as curated files (`python -m importers export`), and restore."""
