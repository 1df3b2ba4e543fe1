"""API tokens and who may write what."""
