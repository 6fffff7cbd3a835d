"""Grids of marks under column codes, whole or flattened one cell per line.

Meeting minutes mark which committees a case concerns with an ``X`` under codes such
as ``DIR BFU … ØKE BYR``. Exports keep that grid in three ways, each read here:

* the header on one line and a row of as many tokens under it (blank cells as
  no-break spaces, or a filler such as a placeholder ``Å``): positions known;
* header and cells flattened one per line, blank cells as lines of no-break
  spaces: positions known by counting;
* only the marks kept (``X``, ``X X X X``): the columns they stood under are lost.
  The table is returned with no rows and a note; the marks are never guessed into
  a column.

>>> from ._lines import split_lines
>>> lines = split_lines("DIR BFU ØKE\\n\\nX")
>>> grid, _ = mark_grid(lines, 0)
>>> grid.header, grid.rows, grid.notes
(['DIR', 'BFU', 'ØKE'], [], ['column positions lost: 1 mark (X) under 3 columns, not placed'])
"""

from __future__ import annotations

import re
from collections import Counter
from typing import NamedTuple

from ._lines import Line, is_empty
from ._model import TableKind

MARKS = frozenset("Xx✓✔✗×")
# Fewest column codes that make a header.
_FEWEST_CODES = 3
_LONGEST_CODE = 5
_TOKEN_GAP = re.compile(r"[ \t]+")


class MarkGrid(NamedTuple):
    """A grid found at `lines[first]`..`lines[last]`, with its layout `kind`."""

    header: list[str]
    rows: list[list[str]]
    notes: list[str]
    first: int
    last: int
    kind: TableKind


def is_code(token: str) -> bool:
    """True for a column code: two to five capitals or digits, at least one a letter."""
    return (
        2 <= len(token) <= _LONGEST_CODE
        and all(c.isupper() or c.isdigit() for c in token)
        and any(c.isalpha() for c in token)
    )


def mark_grid(lines: list[Line], first: int) -> tuple[MarkGrid | None, int]:
    """The grid whose header starts at `lines[first]` (or None), and the index of the
    first line after the header: no other header can start before it."""
    header, after, flattened = _header(lines, first)
    if len(header) < _FEWEST_CODES:
        return None, max(after, first + 1)
    cells = _mark_lines(lines, after)
    if not cells or not any(t in MARKS for _, tokens in cells for t in tokens):
        return None, after
    width = len(header)
    if len(cells[0][1]) == width:
        return _rows_of_tokens(header, cells, first), after
    if all(len(tokens) == 1 for _, tokens in cells) and len(cells) >= width:
        return _one_cell_per_line(header, cells, first), after
    return _positions_lost(header, cells, first, flattened), after


def _header(lines: list[Line], first: int) -> tuple[list[str], int, bool]:
    """The codes from `first` on, the index after them, and whether one code was on a line."""
    tokens = lines[first].text.split()
    if len(tokens) > 1:
        codes = tokens if all(is_code(token) for token in tokens) else []
        return codes, first + 1, False
    codes = []
    index = first
    while index < len(lines):
        line = lines[index]
        if not is_empty(line):
            token = line.text.strip()
            if not is_code(token):
                break
            codes.append(token)
        index += 1
    return codes, index, True


def _mark_lines(lines: list[Line], start: int) -> list[tuple[int, list[str]]]:
    """The lines of mark tokens from `start` on (empty lines between them skipped)."""
    found: list[tuple[int, list[str]]] = []
    for index in range(start, len(lines)):
        line = lines[index]
        if is_empty(line):
            continue
        tokens = _mark_tokens(line.text)
        if tokens is None:
            break
        found.append((index, tokens))
    return found


def _mark_tokens(text: str) -> list[str] | None:
    """The cells of a line of marks (split at spaces and tabs; a no-break space is a blank
    cell), or None when the line holds anything else."""
    if not text.strip(" \t"):
        return [text]  # a line of spaces: one blank cell
    tokens = [token for token in _TOKEN_GAP.split(text) if token]
    if all(len(token) == 1 or not token.strip() for token in tokens):
        return tokens
    return None


def _cell(token: str) -> str:
    return token if token in MARKS else ""


def _filler_note(tokens: list[str]) -> list[str]:
    fillers = Counter(t for t in tokens if t.strip() and t not in MARKS)
    return [
        f"'{filler}' in {count} cells read as empty: a filler where a blank cell was"
        for filler, count in fillers.most_common()
    ]


def _rows_of_tokens(header: list[str], cells: list[tuple[int, list[str]]], first: int) -> MarkGrid:
    width = len(header)
    rows: list[list[str]] = []
    last = first
    used: list[str] = []
    for index, tokens in cells:
        if len(tokens) != width:
            break
        rows.append([_cell(token) for token in tokens])
        used.extend(tokens)
        last = index
    return MarkGrid(header, rows, _filler_note(used), first, last, "marks")


def _one_cell_per_line(
    header: list[str], cells: list[tuple[int, list[str]]], first: int
) -> MarkGrid:
    width = len(header)
    whole = len(cells) // width * width
    tokens = [cell_tokens[0] for _, cell_tokens in cells]
    notes = _filler_note(tokens[:whole])
    leftover = tokens[whole:]
    if any(token in MARKS for token in leftover):
        notes.append(f"{len(leftover)} cells left over after {whole // width} rows: not placed")
    rows = [[_cell(token) for token in tokens[n : n + width]] for n in range(0, whole, width)]
    return MarkGrid(header, rows, notes, first, cells[whole - 1][0], "flattened")


def _positions_lost(
    header: list[str], cells: list[tuple[int, list[str]]], first: int, flattened: bool
) -> MarkGrid:
    marks = [token for _, tokens in cells for token in tokens if token in MARKS]
    plural = "mark" if len(marks) == 1 else "marks"
    note = (
        f"column positions lost: {len(marks)} {plural} ({' '.join(marks)}) under "
        f"{len(header)} columns, not placed"
    )
    kind: TableKind = "flattened" if flattened else "marks"
    return MarkGrid(header, [], [note], first, cells[-1][0], kind)
