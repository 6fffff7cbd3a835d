"""Arithmetic sanity of a table, where its layout allows it, recorded as notes.

The checks show that a table was read right (``1.881`` must be 1881 for 919 of it
to be 48,9 %), and they catch rows or columns put in the wrong place:

* a total row ("I alt …", "Total …") is the sum of the rows it totals;
* a percent column is one number column divided by another;
* in a grouped header, a column is the sum of the same columns of the groups after it;
* a total column ("Samlet", "I alt") is the sum of the number columns of its row;
* a difference column ("Forskel") is the column two before it minus the one before.

A check that holds is noted as ``checked: …``; one that mostly holds but not in
every row as ``check failed: …``. Large tables are not checked: the work per table
stays bounded.

>>> from ._model import Table
>>> table = Table(["", "Antal", "Procent"], [["A", "1.881", "48,9 %"], ["B", "919", ""]], (0, 0))
>>> check_notes(table)
[]
"""

from __future__ import annotations

from collections.abc import Callable

from ._model import Table
from ._ratios import percent_notes
from ._sheet import Sheet, sheet_of
from ._sums import column_total_notes, difference_notes, part_sum_notes, total_row_notes

# Tables larger than this are not checked (the checks compare columns pairwise).
_MOST_ROWS = 200
_MOST_COLUMNS = 40


def check_notes(table: Table) -> list[str]:
    """The notes of every arithmetic check `table` allows."""
    if table.kind != "tabbed" or len(table.rows) > _MOST_ROWS or len(table.header) > _MOST_COLUMNS:
        return []
    sheet: Sheet = sheet_of(table)
    notes: list[str] = []
    for check in (total_row_notes, percent_notes, column_total_notes, difference_notes):
        notes.extend(_guarded(check, sheet))
    notes.extend(_guarded(lambda s: part_sum_notes(s, table.column_groups), sheet))
    return notes


def _guarded(check: Callable[[Sheet], list[str]], sheet: Sheet) -> list[str]:
    # Decimal arithmetic can overflow on absurd exponents; a check that cannot be
    # computed says nothing rather than failing the search for tables.
    try:
        return check(sheet)
    except ArithmeticError:
        return []
