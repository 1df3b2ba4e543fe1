"""Resolvers: turn a GraphQL field into `graph/` calls through per-request DataLoaders."""
