"""Counts and percents that must agree: a percent column is one count over another.

For each percent column, pairs of number columns are tried, the nearest first; the
first pair whose ratio gives the percent (as rounded in the table) in every row is
noted as checked. When no pair holds everywhere but the best holds in at least half
the rows, the row where it fails is noted.

>>> from ._model import Table
>>> from ._sheet import sheet_of
>>> rows = [["Land", "1.881", "48,9 %", "919"], ["Herning", "27", "40,7 %", "11"]]
>>> percent_notes(sheet_of(Table(["", "Sager", "Omgjort %", "Omgjort"], rows, (0, 0))))
["checked: 'Omgjort %' = 'Omgjort' / 'Sager' in 2 rows"]
"""

from __future__ import annotations

from typing import NamedTuple

from ._sheet import Sheet, count, half_unit

_HUNDRED = 100


class _Trial(NamedTuple):
    held: int
    tried: int
    count_column: int
    base_column: int
    failed_row: int


def percent_notes(sheet: Sheet) -> list[str]:
    """A note for each percent column that a pair of number columns explains."""
    numbers = [column for column, kind in enumerate(sheet.kinds) if kind == "number"]
    notes = []
    for column, kind in enumerate(sheet.kinds):
        if kind == "percent" and len(numbers) >= 2:
            note = _percent_note(sheet, column, numbers)
            if note:
                notes.append(note)
    return notes


def _percent_note(sheet: Sheet, percent: int, numbers: list[int]) -> str | None:
    best: _Trial | None = None
    for counted in sorted(numbers, key=lambda column: (abs(column - percent), column)):
        for base in numbers:
            if base == counted:
                continue
            trial = _trial(sheet, percent, counted, base)
            if trial.tried and trial.held == trial.tried:
                return _passed(sheet, percent, trial)
            if trial.held and (best is None or trial.held > best.held):
                best = trial
    if best is None or 2 * best.held < best.tried:
        return None
    return _failed(sheet, percent, best)


def _trial(sheet: Sheet, percent: int, counted: int, base: int) -> _Trial:
    held = tried = failed = 0
    failed_row = -1
    for row, values in enumerate(sheet.values):
        shown, part, whole = values[percent], values[counted], values[base]
        if shown is None or part is None or whole is None or whole.value == 0:
            continue
        tried += 1
        ratio = _HUNDRED * part.value / whole.value
        if abs(ratio - shown.value) <= half_unit(shown):
            held += 1
            continue
        failed += 1
        if failed_row < 0:
            failed_row = row
        if failed > held + 1:
            break  # more often wrong than right: not the pair (most pairs end here)
    return _Trial(held, tried, counted, base, failed_row)


def _passed(sheet: Sheet, percent: int, trial: _Trial) -> str:
    header = sheet.header
    return (
        f"checked: '{header[percent]}' = '{header[trial.count_column]}' / "
        f"'{header[trial.base_column]}' in {count(trial.tried, 'row')}"
    )


def _failed(sheet: Sheet, percent: int, trial: _Trial) -> str:
    header, row = sheet.header, trial.failed_row
    part = sheet.rows[row][trial.count_column]
    whole = sheet.rows[row][trial.base_column]
    values = sheet.values[row]
    part_value, whole_value = values[trial.count_column], values[trial.base_column]
    assert part_value is not None and whole_value is not None  # the trial read them
    ratio = float(_HUNDRED * part_value.value / whole_value.value)
    return (
        f"check failed: '{header[percent]}' = '{header[trial.count_column]}' / "
        f"'{header[trial.base_column]}' holds in {trial.held} of {count(trial.tried, 'row')}, "
        f"not in row '{sheet.label(row)}': {part} / {whole} is {ratio:.1f} %, "
        f"the table says {sheet.rows[row][percent]}"
    )
