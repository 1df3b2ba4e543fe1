"""Errors the graph layer raises, the same whichever backend is behind it."""


class GraphError(Exception):
    """A graph operation failed; the message is for logs, not for API users."""


class GraphUnavailable(GraphError):
    """The graph backend cannot be reached or could not be started."""


class GraphTimeout(GraphError):
    """A statement ran past the configured time limit."""


class ConstraintViolation(GraphError):
    """A write broke a uniqueness constraint; nothing of the statement was kept."""


class GraphUnwritable(GraphUnavailable):
    """The graph's storage refuses writes (disk full, read-only): nothing can be kept."""


class GraphBusy(GraphUnavailable):
    """A write or an import waited too long for a whole-graph import to end; nothing written."""
