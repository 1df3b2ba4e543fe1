"""Per-schema caches of parsed documents and of documents found valid.

Parsing and validating a document cost more than executing a small query (a
look-up by code spent over half its time in graphql-core's validation). Both
depend only on the document's text, the parser's options and the validation
rules, which are fixed for one schema, so each schema keeps a bounded cache:
the parsed document by text and options, and the texts that passed
validation. Only valid documents are remembered: an invalid one is validated
again each time, so its errors are always fresh objects. The key holds the rule
classes themselves: `protection.limits` builds its rules once per schema.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator
from typing import Any

from graphql import DocumentNode, parse
from strawberry.extensions import SchemaExtension

DEFAULT_SIZE = 512


class _Bounded(OrderedDict[Hashable, Any]):
    """A small LRU mapping."""

    def __init__(self, size: int) -> None:
        super().__init__()
        self.size = size

    def remember(self, key: Hashable, value: Any) -> None:
        self[key] = value
        self.move_to_end(key)
        if len(self) > self.size:
            self.popitem(last=False)


class OperationCache:
    """The caches of one schema."""

    def __init__(self, size: int = DEFAULT_SIZE) -> None:
        self.documents = _Bounded(size)
        self.valid = _Bounded(size)

    def extension(self) -> Callable[[], SchemaExtension]:
        """A factory of the extension that uses these caches, to pass to the schema."""
        return lambda: CachedParseAndValidation(self)


class CachedParseAndValidation(SchemaExtension):
    """Reuses the parsed document, and skips validating a document already found valid."""

    def __init__(self, cache: OperationCache) -> None:
        super().__init__()
        self.cache = cache

    def on_parse(self) -> Iterator[None]:
        context = self.execution_context
        if context.query and context.graphql_document is None:
            key = (context.query, tuple(sorted(context.parse_options.items())))
            document: DocumentNode | None = self.cache.documents.get(key)
            if document is None:
                document = parse(context.query, **context.parse_options)
                self.cache.documents.remember(key, document)
            context.graphql_document = document
        yield

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        key = (context.query, context.validation_rules)
        if context.pre_execution_errors is None and key in self.cache.valid:
            context.pre_execution_errors = []
        yield
        if context.pre_execution_errors == [] and context.query:
            self.cache.valid.remember(key, True)
