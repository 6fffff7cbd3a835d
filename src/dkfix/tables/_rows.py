"""Tab-separated rows repaired into a grid: cells cleaned, widths evened, labels rejoined.

A run of tab lines (blank lines inside it included) becomes a header and rows. The
repairs, each noted: inline HTML removed from cells; blank lines inside the table
skipped; rows padded or trimmed to one width (lost or extra trailing tabs); a row
label continued on a later line whose other cells are empty joined to its row
(``I alt Herning`` … ``Kommune`` → ``I alt Herning Kommune``); an empty first
header cell kept as the column of row labels.

>>> lines = ["\\tAntal", "I alt Herning\\t77", "", "Kommune\\t", "Børneområdet Herning Kommune\\t4"]
>>> grid = tabbed_grid(lines, 1)
>>> grid.header, grid.rows
(['', 'Antal'], [['I alt Herning Kommune', '77'], ['Børneområdet Herning Kommune', '4']])
>>> grid.notes[0]
'blank line inside the table skipped (line 3)'
"""

from __future__ import annotations

from collections import Counter
from typing import NamedTuple

from ._cells import clean_cell
from ._model import split_groups

# A cell longer than this is prose that happens to contain a tab, not a table cell.
LONGEST_CELL = 300
# A cell with this many spaces that ends like a sentence is a sentence.
_SENTENCE_SPACES = 7
# Words after which a row label cannot end: the label must go on.
_OPEN_ENDINGS = frozenset(
    {"og", "eller", "i", "på", "af", "for", "til", "med", "fra", "ved", "om", "under", "over"}
    | {"mellem", "samt", "end", "and", "or", "of", "in", "to", "the"}
)
# Label endings of up to this many words are compared between rows.
_TAIL_WORDS = 4
# A label is continued on at most this many later lines (labels stay short).
_MOST_JOINS = 3
# Items listed in one note, at most; the rest are counted.
_LISTED = 5


class Grid(NamedTuple):
    """A repaired grid: `header`, `rows` (all as wide as the header) and `notes`."""

    header: list[str]
    rows: list[list[str]]
    notes: list[str]


def tabbed_grid(texts: list[str], first_number: int) -> Grid | None:
    """The grid of a run of tab lines (`texts`, the first on line `first_number`), or None
    when it does not look like a table."""
    notes: list[str] = []
    rows, numbers = _split_rows(texts, first_number, notes)
    if len(rows) < 2 or _reads_as_prose(rows):
        return None
    width = max(_extent(row) for row in rows)
    if width < 2 or sum(1 for row in rows if _filled(row) >= 2) < 2:
        return None
    rows = _even_widths(rows, width, notes)
    header, body = rows[0], _join_continued_labels(rows[1:], numbers[1:], notes)
    if not body:
        return None
    if not header[0] and any(header[1:]):
        notes.append("empty first header cell kept: the column of row labels")
    notes.extend(_group_note(header))
    return Grid(header, body, notes)


def _group_note(header: list[str]) -> list[str]:
    groups = [(group, column) for group, column in split_groups(header) if group]
    if not groups:
        return []
    group, column = groups[0]
    return [
        f"header cells join a group and a column name ('{group}' + '{column}'): "
        "kept verbatim, split in column_groups"
    ]


def _split_rows(
    texts: list[str], first_number: int, notes: list[str]
) -> tuple[list[list[str]], list[int]]:
    rows: list[list[str]] = []
    numbers: list[int] = []
    cleaned_markup = 0
    blank: list[int] = []
    for number, text in enumerate(texts, start=first_number):
        if not text.strip(" \t\xa0"):
            blank.append(number)
            continue
        cells = [clean_cell(cell) for cell in text.split("\t")]
        cleaned_markup += sum(cell.had_markup for cell in cells)
        rows.append([cell.text for cell in cells])
        numbers.append(number)
    if blank:
        notes.append(lines_note("blank line inside the table skipped", blank))
    if cleaned_markup:
        notes.append(f"inline HTML removed from {cleaned_markup} cells")
    return rows, numbers


def _reads_as_prose(rows: list[list[str]]) -> bool:
    """True when the cells are prose that happens to hold tabs: a cell too long for a
    table, or sentences in most cells."""
    filled = [cell for row in rows for cell in row if cell]
    if any(len(cell) > LONGEST_CELL for cell in filled):
        return True
    sentences = sum(
        1 for cell in filled if cell[-1] in ".!?" and cell.count(" ") >= _SENTENCE_SPACES
    )
    return 2 * sentences > len(filled)


def _extent(row: list[str]) -> int:
    """The number of cells up to the last one that is not empty."""
    for n in range(len(row), 0, -1):
        if row[n - 1]:
            return n
    return 0


def _filled(row: list[str]) -> int:
    return sum(1 for cell in row if cell)


def _even_widths(rows: list[list[str]], width: int, notes: list[str]) -> list[list[str]]:
    padded = sum(1 for row in rows if len(row) < width)
    trimmed = sum(1 for row in rows if len(row) > width)
    if padded:
        notes.append(
            f"{padded} rows padded with empty cells to {width} columns (trailing tabs lost)"
        )
    if trimmed:
        notes.append(f"trailing tabs dropped from {trimmed} rows")
    return [row[:width] + [""] * (width - len(row)) for row in rows]


def _join_continued_labels(
    rows: list[list[str]], numbers: list[int], notes: list[str]
) -> list[list[str]]:
    """Rows whose only cell is a label continuing the previous row's label, joined to it."""
    tails = _label_tails(rows)
    joined: list[list[str]] = []
    joins: list[int] = []  # continuation lines joined into each row so far
    continued: list[str] = []
    kept: list[int] = []
    for row, number in zip(rows, numbers, strict=True):
        if joined and _label_only(row):
            previous = joined[-1][0]
            label = f"{previous} {row[0]}"
            if joins[-1] < _MOST_JOINS and _continues(previous, row[0], label, tails):
                continued.append(f"'{previous}' + '{row[0]}' → '{label}' (line {number})")
                joined[-1] = [label, *joined[-1][1:]]
                joins[-1] += 1
                continue
            kept.append(number)
        joined.append(row)
        joins.append(0)
    if continued:
        notes.append(_listed("row label continued on a later line", continued))
    if kept:
        notes.append(lines_note("row with only a label kept as its own row", kept))
    return joined


def _listed(what: str, items: list[str]) -> str:
    shown = "; ".join(items[:_LISTED])
    more = f"; and {len(items) - _LISTED} more" if len(items) > _LISTED else ""
    return f"{what}: {shown}{more}"


def lines_note(what: str, numbers: list[int]) -> str:
    """``what (line 5)``, or ``what (lines 5, 9 and 3 more)`` for many lines."""
    if len(numbers) == 1:
        return f"{what} (line {numbers[0]})"
    shown = ", ".join(str(n) for n in numbers[:_LISTED])
    more = f" and {len(numbers) - _LISTED} more" if len(numbers) > _LISTED else ""
    return f"{what} (lines {shown}{more})"


def _label_only(row: list[str]) -> bool:
    return bool(row[0]) and not any(row[1:])


def _label_tails(rows: list[list[str]]) -> Counter[str]:
    """The last two to four words of every full row's label, lower-cased, counted."""
    tails: Counter[str] = Counter()
    for row in rows:
        if row[0] and not _label_only(row):
            words = row[0].lower().split()
            for size in range(2, min(_TAIL_WORDS, len(words)) + 1):
                tails[" ".join(words[-size:])] += 1
    return tails


def _continues(previous: str, fragment: str, label: str, tails: Counter[str]) -> bool:
    """True when `fragment` reads as the end of the label `previous` began.

    Evidence, any of: the fragment starts in lower case; `previous` ends with a
    hyphen or a word that cannot end a label; the joined label ends the way other
    labels of the table end ("Herning Kommune").
    """
    if not previous or fragment[0].islower() or previous.endswith("-"):
        return bool(previous)
    last_word = previous.rsplit(maxsplit=1)[-1].lower()
    if last_word in _OPEN_ENDINGS:
        return True
    size = len(fragment.split()) + 1
    words = label.lower().split()
    return size <= _TAIL_WORDS and size <= len(words) and " ".join(words[-size:]) in tails
