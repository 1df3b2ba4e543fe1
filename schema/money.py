"""Amounts of money: a value with its currency, never a formatted string."""

from __future__ import annotations

from typing import Any

import strawberry

from domain.rows import flat_name


@strawberry.type(description="An amount of money in a currency.")
class Money:
    amount: float = strawberry.field(description="The amount, in units of the currency "
                                                 "(5600000.0 for 5.6 million).")
    currency: str = strawberry.field(description="ISO 4217 code of the currency: USD, EUR, "
                                                 "MAD.")


@strawberry.input(description="An amount of money in a currency.")
class MoneyInput:
    amount: float = strawberry.field(description="The amount, in units of the currency.")
    currency: str = strawberry.field(description="ISO 4217 code of the currency: USD, EUR, "
                                                 "MAD.")


def money_from(row: Any, field: str) -> Money | None:
    """The money value an entity row stores flat (`commitmentAmount`, `commitmentCurrency`),
    or None when it has none."""
    amount = row.get(flat_name(field, "amount"))
    currency = row.get(flat_name(field, "currency"))
    if amount is None or currency is None:
        return None
    return Money(amount=float(amount), currency=str(currency))
