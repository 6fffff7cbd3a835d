"""Sums a table states: total rows, total columns, grouped columns and differences.

>>> from ._model import Table
>>> from ._sheet import sheet_of
>>> rows = [["Forsamtale", "31", "40", "", "71"], ["Screening", "25", "28", "3", "56"]]
>>> header = ["Aktivitet", "1. kv", "2. kv", "3. kv", "Samlet"]
>>> column_total_notes(sheet_of(Table(header, rows, (0, 0))))
["checked: column 'Samlet' is the sum of columns '1. kv', '2. kv' and '3. kv' in 2 rows"]
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import NamedTuple

from ._sheet import Sheet, count, half_unit, quoted

_TOTAL_WORDS = ("i alt", "totalt", "total", "samlet", "sum", "hele")
_DIFFERENCE_WORDS = ("forskel", "difference", "afvigelse")
# Total rows checked per table, at most (each is compared with every other row).
_MOST_TOTALS = 20


class _Tally(NamedTuple):
    held: int
    tried: int
    first_failure: str


def _tally(outcomes: Sequence[tuple[bool, str]]) -> _Tally:
    held = sum(1 for ok, _ in outcomes if ok)
    failures = [where for ok, where in outcomes if not ok]
    return _Tally(held, len(outcomes), failures[0] if failures else "")


def _note(claim: str, tally: _Tally, unit: str) -> list[str]:
    """``checked: claim in n units`` when it held everywhere; a failure note when it held
    in at least half the places; nothing when it mostly did not hold (no such relation)."""
    if not tally.tried or 2 * tally.held < tally.tried:
        return []
    if tally.held == tally.tried:
        return [f"checked: {claim} in {count(tally.tried, unit)}"]
    return [
        f"check failed: {claim} holds in {tally.held} of {count(tally.tried, unit)}, "
        f"not in {tally.first_failure}"
    ]


def _total_rest(text: str) -> str | None:
    """What follows the total word `text` starts with ("I alt Herning" → "herning"), or None."""
    lowered = text.lower().strip()
    for word in _TOTAL_WORDS:
        if lowered == word or lowered.startswith(word + " "):
            return lowered[len(word) :].strip()
    return None


def _summed(sheet: Sheet, cells: Iterable[tuple[int, int]]) -> Decimal | None:
    """The sum of the amounts in `cells` (row, column), or None if one is not an amount."""
    total = Decimal(0)
    for row, column in cells:
        amount = sheet.amount(row, column)
        if amount is None:
            return None
        total += amount
    return total


def total_row_notes(sheet: Sheet) -> list[str]:
    """Each total row ("I alt på landsplan") against the rows whose labels end like it."""
    notes = []
    totals = [row for row in range(len(sheet.rows)) if _total_rest(sheet.rows[row][0]) is not None]
    for total in totals[:_MOST_TOTALS]:
        parts = _parts_of(sheet, total, totals)
        if len(parts) >= 2:
            notes.extend(_total_row_note(sheet, total, parts))
    return notes


def _parts_of(sheet: Sheet, total: int, totals: list[int]) -> list[int]:
    rest = _total_rest(sheet.rows[total][0]) or ""
    excluded = set(totals)
    others = [row for row in range(len(sheet.rows)) if row not in excluded]
    if rest:
        return [row for row in others if sheet.rows[row][0].lower().endswith(rest)]
    at_edge = total in (0, len(sheet.rows) - 1)
    return others if at_edge else []


def _total_row_note(sheet: Sheet, total: int, parts: list[int]) -> list[str]:
    outcomes = []
    for column, kind in enumerate(sheet.kinds):
        if kind != "number":
            continue
        stated = sheet.amount(total, column)
        summed = _summed(sheet, ((row, column) for row in parts))
        if stated is None or summed is None:
            continue
        where = f"column '{sheet.header[column]}' ({sheet.rows[total][column]} ≠ {summed})"
        outcomes.append((stated == summed, where))
    names = quoted([sheet.label(row) for row in parts])
    claim = f"row '{sheet.label(total)}' is the sum of rows {names}"
    return _note(claim, _tally(outcomes), "column")


def column_total_notes(sheet: Sheet) -> list[str]:
    """Each total column ("Samlet") against the other number columns of its rows."""
    notes = []
    totals = [c for c, name in enumerate(sheet.header) if c and _total_rest(name) == ""]
    parts = [c for c, kind in enumerate(sheet.kinds) if c and kind == "number" and c not in totals]
    if len(parts) < 2:
        return []
    for total in totals:
        if sheet.kinds[total] != "number":
            continue
        outcomes = []
        for row in range(len(sheet.rows)):
            stated = sheet.amount(row, total)
            summed = _summed(sheet, ((row, column) for column in parts))
            if stated is not None and summed is not None and (stated or summed):
                outcomes.append((stated == summed, f"row '{sheet.label(row)}'"))
        names = quoted([sheet.header[c] for c in parts])
        claim = f"column '{sheet.header[total]}' is the sum of columns {names}"
        notes.extend(_note(claim, _tally(outcomes), "row"))
    return notes


def part_sum_notes(sheet: Sheet, groups: list[tuple[str, str]]) -> list[str]:
    """In a grouped header, each column against the same columns of the groups after it
    ("Omgjorte i alt Antal" = "… ændret Antal" + "… genbehandling Antal")."""
    notes = []
    names = sorted({name for group, name in groups if group})
    for name in names:
        columns = [c for c, (group, column) in enumerate(groups) if group and column == name]
        for n in range(len(columns) - 2):
            notes.extend(_part_sum_note(sheet, columns[n], columns[n + 1 :]))
    return notes


def _part_sum_note(sheet: Sheet, whole: int, parts: list[int]) -> list[str]:
    kind = sheet.kinds[whole]
    if kind is None or any(sheet.kinds[c] != kind for c in parts):
        return []
    outcomes = []
    for row in range(len(sheet.rows)):
        stated = sheet.amount(row, whole)
        summed = _summed(sheet, ((row, column) for column in parts))
        if stated is None or summed is None:
            continue
        slack = sum((half_unit(sheet.values[row][c]) for c in (whole, *parts)), Decimal(0))
        outcomes.append((abs(stated - summed) <= slack, f"row '{sheet.label(row)}'"))
    claim = f"'{sheet.header[whole]}' is the sum of {quoted([sheet.header[c] for c in parts])}"
    return _note(claim, _tally(outcomes), "row")


def difference_notes(sheet: Sheet) -> list[str]:
    """Each difference column ("Forskel") against the two number columns before it."""
    notes = []
    for column, name in enumerate(sheet.header):
        if column < 3 or not name.lower().startswith(_DIFFERENCE_WORDS):
            continue
        first, second = column - 2, column - 1
        if {sheet.kinds[first], sheet.kinds[second], sheet.kinds[column]} != {"number"}:
            continue
        outcomes = []
        for row in range(len(sheet.rows)):
            a, b, stated = (sheet.amount(row, c) for c in (first, second, column))
            if a is not None and b is not None and stated is not None:
                outcomes.append((a - b == stated, f"row '{sheet.label(row)}'"))
        claim = f"'{name}' = '{sheet.header[first]}' − '{sheet.header[second]}'"
        notes.extend(_note(claim, _tally(outcomes), "row"))
    return notes
