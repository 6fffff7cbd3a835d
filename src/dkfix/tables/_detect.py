"""Finding the tables of a text: tables of contents, mark grids and tab-separated tables.

Each detector reads the lines once, left to right, and claims the lines of the
tables it finds, so that no line belongs to two tables: tables of contents first
(their lines hold tabs too), then grids of marks, then tab-separated tables.
Clean prose has none of the shapes they look for (a run of dot leaders with page
numbers, a line of column codes followed by marks, two or more lines with tabs and
at least two filled cells each), so it yields no tables.

>>> [t.kind for t in find_tables("Aktivitet\\tSamlet\\nForsamtale\\t2.238\\nScreening\\t1613\\n")]
['tabbed']
>>> find_tables("Almindelig tekst. Ingen tabeller her.\\n")
[]
"""

from __future__ import annotations

from dataclasses import replace

from .._checks import require_str
from ._check import check_notes
from ._contents import HEADER, contents_notes, contents_runs
from ._grid import mark_grid
from ._lines import Line, is_blank, split_lines
from ._model import Table
from ._rows import tabbed_grid


def find_tables(text: str) -> list[Table]:
    """Every table of `text`, in order; see `dkfix.tables`."""
    require_str(text, "find_tables")
    lines = split_lines(text)
    claimed = bytearray(len(lines))
    found = _contents(lines, claimed, text) + _grids(lines, claimed) + _tabbed(lines, claimed)
    found.sort(key=lambda table: table.span)
    return [_checked(table) for table in found]


def _checked(table: Table) -> Table:
    notes = check_notes(table)
    return replace(table, notes=[*table.notes, *notes]) if notes else table


def _claim(claimed: bytearray, first: int, last: int) -> None:
    claimed[first : last + 1] = b"\x01" * (last + 1 - first)


def _span(lines: list[Line], first: int, last: int) -> tuple[int, int]:
    return lines[first].start, lines[last].end


def _contents(lines: list[Line], claimed: bytearray, text: str) -> list[Table]:
    tables = []
    for entries in contents_runs(lines, claimed):
        first, last = entries[0].line, entries[-1].line
        assert first is not None and last is not None  # entries of a run carry their lines
        _claim(claimed, first.number - 1, last.number - 1)
        rows = [[entry.title, entry.page] for entry in entries]
        notes = contents_notes(entries, text, last.end)
        tables.append(Table(list(HEADER), rows, (first.start, last.end), notes, "contents"))
    return tables


def _grids(lines: list[Line], claimed: bytearray) -> list[Table]:
    tables = []
    index = 0
    while index < len(lines):
        if claimed[index] or is_blank(lines[index]):
            index += 1
            continue
        grid, after = mark_grid(lines, index)
        if grid is not None and not any(claimed[grid.first : grid.last + 1]):
            _claim(claimed, grid.first, grid.last)
            span = _span(lines, grid.first, grid.last)
            tables.append(Table(grid.header, grid.rows, span, grid.notes, grid.kind))
            after = grid.last + 1
        index = after
    return tables


def _tabbed(lines: list[Line], claimed: bytearray) -> list[Table]:
    tables = []
    index = 0
    while index < len(lines):
        if claimed[index] or "\t" not in lines[index].text:
            index += 1
            continue
        last = _run_end(lines, claimed, index)
        texts = [line.text for line in lines[index : last + 1]]
        grid = tabbed_grid(texts, lines[index].number)
        if grid is not None:
            _claim(claimed, index, last)
            span = _span(lines, index, last)
            tables.append(Table(grid.header, grid.rows, span, grid.notes, "tabbed"))
        index = last + 1
    return tables


def _run_end(lines: list[Line], claimed: bytearray, first: int) -> int:
    """The last line of the run of tab lines from `first`; one blank line inside the run is
    allowed when the line after it reads as a further row of the same table."""
    width = len(lines[first].text.split("\t"))
    last = first
    index = first + 1
    while index < len(lines) and not claimed[index]:
        line = lines[index]
        if "\t" in line.text:
            last = index
        elif not (is_blank(line) and _further_row(lines, claimed, index + 1, width)):
            break
        index += 1
    return last


def _further_row(lines: list[Line], claimed: bytearray, index: int, width: int) -> bool:
    """True when `lines[index]` continues a table `width` cells wide: as wide or narrower,
    and not a header of its own (two or more filled cells, none with a digit)."""
    if index >= len(lines) or claimed[index] or "\t" not in lines[index].text:
        return False
    cells = [cell.strip() for cell in lines[index].text.split("\t")]
    filled = [cell for cell in cells if cell]
    if len(cells) > width and any(cells[width:]):
        return False
    return len(filled) < 2 or any(any(c.isdigit() for c in cell) for cell in filled)
