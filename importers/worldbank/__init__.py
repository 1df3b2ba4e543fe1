"""The World Bank's projects in Morocco (data/datasets/worldbank-morocco-*.csv), imported as
programmes with their funder, implementing agencies and places, one source per project.

Read and validate both files, repair mis-encoded text, merge agency spellings and map
region names through the documented tables beside the files, resolve the places against
the backbone (reporting those that do not resolve), then import the whole as one
`registry-network/1` document: all or nothing, idempotent. `python -m importers worldbank`.
"""

from importers.worldbank.document import ORIGIN
from importers.worldbank.load import import_worldbank
from importers.worldbank.summary import WorldBankSummary

# ORIGIN (`worldbank-morocco`) is the origin its records carry:
# `graph.network_import.origin_hashes(backend, ORIGIN)` is empty until it was imported once.
__all__ = ["ORIGIN", "WorldBankSummary", "import_worldbank"]
