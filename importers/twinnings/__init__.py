"""Twinnings from Wikipedia's twin-town lists (`data/datasets/`), resolved and imported."""
