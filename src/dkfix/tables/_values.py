"""What a table cell holds: a number, a percent, nothing, or text.

Cells are read by `dkfix.numbers`, which knows Danish number typography (``1.881`` is
1881, ``49,2 %`` is 49.2); it is imported when a value is first needed, so finding
tables never pays for it.

>>> cell_value("1.881"), cell_value("49,2 %"), cell_value("-2,5")
(Decimal('1881'), Decimal('49.2'), Decimal('-2.5'))
>>> cell_value("–") is None, cell_value(""), cell_value("PPR")
(True, None, 'PPR')
>>> read_quantity("44,9 %")
Quantity(value=Decimal('44.9'), percent=True)
"""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

CellValue = Decimal | str | None

# Cells that say "nothing here": empty, or a dash standing in for a value.
_NOTHING = frozenset({"", "–", "—", "-", "‒", "−"})
# A cell longer than this is never one number; the arithmetic checks skip it.
_LONGEST_NUMBER = 40


class Quantity(NamedTuple):
    """A cell read as one number (`percent` False) or one percent (True)."""

    value: Decimal
    percent: bool


def cell_value(cell: str) -> CellValue:
    """A `Decimal` for one number or percent, None for an empty cell or a dash, else the text."""
    text = cell.strip()
    if text in _NOTHING:
        return None
    quantity = _parse(text)
    return cell if quantity is None else quantity.value


def read_quantity(cell: str) -> Quantity | None:
    """The number or percent `cell` holds, or None (short cells only: for the checks)."""
    text = cell.strip()
    if len(text) > _LONGEST_NUMBER or not any(c.isdigit() for c in text):
        return None
    return _parse(text)


def _parse(text: str) -> Quantity | None:
    from ..numbers import parse_number

    match = parse_number(text)
    if match is None or match.value is None or match.kind not in ("number", "percent"):
        return None
    return Quantity(match.value, match.kind == "percent")


def is_nothing(cell: str) -> bool:
    """True for a cell with no value: empty, blank or a lone dash."""
    return cell.strip() in _NOTHING
