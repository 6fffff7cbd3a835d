"""A table read for arithmetic: every cell's quantity and every column's kind.

>>> from ._model import Table
>>> rows = [["A", "1.881", "48,9 %"], ["B", "–", "x"]]
>>> sheet = sheet_of(Table(["", "Antal", "Pct."], rows, (0, 0)))
>>> sheet.kinds
[None, 'number', None]
>>> half_unit(sheet.values[0][2])
Decimal('0.05')
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal, NamedTuple

from ._model import Table
from ._values import Quantity, is_nothing, read_quantity

ColumnKind = Literal["number", "percent"] | None


class Sheet(NamedTuple):
    """`header`, `rows` (cell text), `values` (each cell's quantity) and column `kinds`."""

    header: list[str]
    rows: list[list[str]]
    values: list[list[Quantity | None]]
    kinds: list[ColumnKind]

    def label(self, row: int) -> str:
        """The label of `row` (its first cell), or its number when it has none."""
        return self.rows[row][0] or f"row {row + 1}"

    def amount(self, row: int, column: int) -> Decimal | None:
        """The value of a cell, 0 for an empty one, None for text."""
        quantity = self.values[row][column]
        if quantity is not None:
            return quantity.value
        return Decimal(0) if is_nothing(self.rows[row][column]) else None


def sheet_of(table: Table) -> Sheet:
    """`table` with its cells read."""
    values = [[read_quantity(cell) for cell in row] for row in table.rows]
    kinds = [_column_kind(table.rows, values, column) for column in range(len(table.header))]
    return Sheet(table.header, table.rows, values, kinds)


def _column_kind(
    rows: list[list[str]], values: list[list[Quantity | None]], column: int
) -> ColumnKind:
    """ "percent" or "number" when every filled cell of the column is one, else None."""
    percents = numbers = 0
    for row, row_values in zip(rows, values, strict=True):
        quantity = row_values[column]
        if quantity is None:
            if not is_nothing(row[column]):
                return None
        elif quantity.percent:
            percents += 1
        else:
            numbers += 1
    if percents and not numbers:
        return "percent"
    if numbers and not percents:
        return "number"
    return None


def half_unit(quantity: Quantity | None) -> Decimal:
    """Half a unit of the last digit written: how far a rounded value may be off."""
    if quantity is None:
        return Decimal(0)
    exponent = quantity.value.as_tuple().exponent
    if not isinstance(exponent, int):  # NaN or infinity: no digits to round
        return Decimal(0)
    return Decimal(5).scaleb(exponent - 1)


def count(n: int, word: str) -> str:
    """``"1 row"``, ``"6 rows"``."""
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def quoted(names: list[str]) -> str:
    """``'a', 'b' and 'c'``."""
    parts = [f"'{name}'" for name in names]
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
