"""Importers: validate input with pydantic, then write it to the graph in batches."""
