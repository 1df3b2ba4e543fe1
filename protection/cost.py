"""What an operation would cost, computed from the document before it runs, and a budget.

The cost is the number of objects the answer could hold: each field returning an
object counts one per object, and a list field multiplies what it selects by how
many items it can return: `first` for pages (the default page size when absent),
the number of representations for `_entities`, and for the lists that are not
paginated the largest size they have in the registry's data (`LIST_SIZES`, kept
by a test against the data; other lists count `DEFAULT_LIST_SIZE`). Aliases count
as the separate fields they are; fragments count as if written out. Scalars and
introspection cost nothing. An operation over the budget is refused before any
of it runs, with `QUERY_TOO_COMPLEX`, its cost and the budget.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from graphql import (
    DocumentNode,
    ExecutionResult,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLField,
    GraphQLList,
    GraphQLNamedType,
    GraphQLNonNull,
    GraphQLOutputType,
    GraphQLSchema,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
    get_named_type,
    is_composite_type,
    value_from_ast_untyped,
)
from strawberry.extensions import SchemaExtension

from settings import Settings

# Largest sizes of unpaginated lists in the registry's data, rounded up ("Type.field" first,
# then the field alone): a province has up to 89 children (Taroudannt), a region up to 19
# (Brussels' municipalities), a commune up to 16 arrondissements; test_query_cost keeps
# the territorial ones true against the data.
LIST_SIZES: dict[str, int] = {
    "Region.children": 20, "Province.children": 100, "Commune.children": 20,
    "Cercle.children": 20, "Country.children": 15, "Region.provinces": 20,
    "Province.communes": 100, "Commune.arrondissements": 20,
    "children": 100, "regions": 15, "provinces": 15, "communes": 100, "arrondissements": 10,
    "names": 10, "sources": 10, "parties": 10, "twinnings": 30, "networks": 10,
    "programmes": 20, "events": 20, "partners": 100, "members": 200, "membersAbroad": 100,
    "otherMembers": 200, "groups": 20, "levels": 10, "statedCounts": 20, "documents": 20,
    "participants": 100, "paths": 10, "agenda": 0, "outcomes": 0,
}
DEFAULT_LIST_SIZE = 100
PAGE_FIELDS = ("nodes", "edges")
_OFF = frozenset({"__schema", "__type", "__typename"})


class CostCounter:
    """Counts one operation's cost against a schema, with its variables."""

    def __init__(self, schema: GraphQLSchema, document: DocumentNode,
                 variables: dict[str, Any] | None, default_page: int) -> None:
        self.schema = schema
        self.variables = variables or {}
        self.default_page = default_page
        self.fragments = {d.name.value: d for d in document.definitions
                          if isinstance(d, FragmentDefinitionNode)}

    def operation(self, operation: OperationDefinitionNode) -> int:
        """The cost of one operation of the document."""
        root = self.schema.get_root_type(operation.operation)
        return self._selections(operation.selection_set, root, page=None, seen=frozenset())

    def _selections(self, selections: SelectionSetNode | None, parent: GraphQLNamedType | None,
                    page: int | None, seen: frozenset[str]) -> int:
        if selections is None or parent is None:
            return 0
        total = 0
        for node in selections.selections:
            if isinstance(node, FieldNode):
                total += self._field(node, parent, page, seen)
            elif isinstance(node, InlineFragmentNode):
                condition = node.type_condition
                target = self.schema.get_type(condition.name.value) if condition else parent
                total += self._selections(node.selection_set, target, page, seen)
            elif isinstance(node, FragmentSpreadNode) and node.name.value not in seen:
                fragment = self.fragments.get(node.name.value)
                if fragment is not None:
                    target = self.schema.get_type(fragment.type_condition.name.value)
                    total += self._selections(fragment.selection_set, target, page,
                                              seen | {node.name.value})
        return total

    def _field(self, node: FieldNode, parent: GraphQLNamedType, page: int | None,
               seen: frozenset[str]) -> int:
        name = node.name.value
        field = _field_of(parent, name)
        if name in _OFF or field is None:
            return 0
        named = get_named_type(field.type)
        if not is_composite_type(named):
            return 0
        arguments = self._arguments(node)
        first = self._first(arguments)
        inner_page = first if first is not None else (
            self.default_page if "first" in field.args else None)
        each = 1 + self._selections(node.selection_set, named, inner_page, seen)
        if not _is_list(field.type):
            return each
        return self._list_size(parent.name, name, arguments, first, page) * each

    @staticmethod
    def _list_size(parent: str, name: str, arguments: dict[str, Any], first: int | None,
                   page: int | None) -> int:
        if name == "_entities":
            return max(1, len(arguments.get("representations") or []))
        if name in PAGE_FIELDS and page is not None:
            return page
        if first is not None:
            return first
        return LIST_SIZES.get(f"{parent}.{name}", LIST_SIZES.get(name, DEFAULT_LIST_SIZE))

    def _first(self, arguments: dict[str, Any]) -> int | None:
        """A page size asked for; past the largest page the resolver refuses it more clearly."""
        first = arguments.get("first")
        return min(first, self.default_page) if isinstance(first, int) else None

    def _arguments(self, node: FieldNode) -> dict[str, Any]:
        return {a.name.value: value_from_ast_untyped(a.value, self.variables)
                for a in node.arguments or ()}


def _field_of(parent: GraphQLNamedType, name: str) -> GraphQLField | None:
    """The field of an object or interface type (unions and scalars have none)."""
    fields: dict[str, GraphQLField] = getattr(parent, "fields", None) or {}
    return fields.get(name)


def _is_list(kind: GraphQLOutputType) -> bool:
    inner = kind.of_type if isinstance(kind, GraphQLNonNull) else kind
    return isinstance(inner, GraphQLList)


def operation_cost(schema: GraphQLSchema, document: DocumentNode, operation_name: str | None,
                   variables: dict[str, Any] | None, default_page: int) -> int:
    """The cost of the operation a request runs (the named one, or the only one)."""
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    chosen = [o for o in operations
              if operation_name is None or (o.name and o.name.value == operation_name)]
    if not chosen:
        return 0  # graphql-core refuses the request itself
    return CostCounter(schema, document, variables, default_page).operation(chosen[0])


class CostLimit(SchemaExtension):
    """Refuses an operation over the budget before it runs; reports the cost when asked.

    A request with the header `X-Query-Cost: 1` gets `extensions.cost` and
    `extensions.costBudget` in its answer.
    """

    def __init__(self, budget: int, default_page: int) -> None:
        super().__init__()
        self.budget, self.default_page = budget, default_page
        self.cost: int | None = None

    def on_execute(self) -> Iterator[None]:
        context = self.execution_context
        if context.graphql_document is not None and context.result is None:
            self.cost = operation_cost(context.schema._schema, context.graphql_document,
                                       context.operation_name, context.variables,
                                       self.default_page)
            if self.cost > self.budget:
                context.result = ExecutionResult(data=None, errors=[GraphQLError(
                    f"This operation could return about {self.cost:,} objects, over the "
                    f"budget of {self.budget:,} per request: ask for fewer nested lists, "
                    f"smaller pages (first) or fewer aliases, or split it.",
                    extensions={"code": "QUERY_TOO_COMPLEX", "cost": self.cost,
                                "budget": self.budget})])
        yield

    def get_results(self) -> dict[str, Any]:
        request = getattr(self.execution_context.context, "request", None)
        asked = request is not None and request.headers.get("x-query-cost") not in (None, "0")
        if asked and self.cost is not None:
            return {"cost": self.cost, "costBudget": self.budget}
        return {}


def cost_extension(settings: Settings) -> Callable[[], SchemaExtension]:
    """The cost limit of the settings, as an extension factory."""
    return lambda: CostLimit(settings.max_cost, settings.max_page_size)
