"""`Table`: one table found in a text, as a clean grid, with what was repaired.

>>> table = Table(["", "Antal"], [["PPR", "15"], ["UngMod", "–"]], (0, 24))
>>> table.to_records()
[{'': 'PPR', 'Antal': Decimal('15')}, {'': 'UngMod', 'Antal': None}]
>>> print(table.to_markdown())
|  | Antal |
| --- | --- |
| PPR | 15 |
| UngMod | – |
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Literal

from . import _render
from ._values import CellValue

TableKind = Literal["tabbed", "flattened", "marks", "contents"]
"""How a table was laid out in the text.

"tabbed": one row per line, cells separated by tabs; "flattened": a grid written one
cell per line; "marks": a header of column codes on one line with rows of marks (X)
under it; "contents": a table of contents (title, page), dot leaders removed.
"""


@dataclass(frozen=True)
class Table:
    """A table of the text: `header` and `rows` of cleaned cell text (``""`` when empty).

    `span` is ``(start, end)`` in the text the table was found in; `notes` say, for a
    person, what was repaired, what could not be, and which arithmetic checks held.
    Every row has as many cells as the header.
    """

    header: list[str]
    rows: list[list[str]]
    span: tuple[int, int]
    notes: list[str] = field(default_factory=list)
    kind: TableKind = "tabbed"

    @property
    def column_groups(self) -> list[tuple[str, str]]:
        """Each header cell as ``(group, column)``; the group is ``""`` when there is none.

        Exports often flatten a two-level header into one cell ("Omgjorte afgørelser i
        alt Procent"): when every header cell ends in a column name that other cells
        end in too, and some of their beginnings repeat, the beginning is the group.
        `header` keeps the cells verbatim.

        >>> header = ["", "Sager Antal", "Klager Antal", "Klager Procent", "Omgjort Procent"]
        >>> Table(header, [], (0, 0)).column_groups[1:3]
        [('Sager', 'Antal'), ('Klager', 'Antal')]
        """
        return split_groups(self.header)

    @property
    def keys(self) -> list[str]:
        """The record keys: the header cells, made unique by their column number if needed."""
        return unique_keys(self.header)

    def to_records(self) -> list[dict[str, CellValue]]:
        """One dict per row keyed by `keys`: a `Decimal` for a number or a percent, None
        for an empty cell or a dash, the text otherwise (read by `dkfix.numbers`)."""
        return _render.records(self.keys, self.rows)

    def to_csv(self) -> str:
        """The header and rows as CSV (comma-separated, quoted where needed, "\\n" lines)."""
        return _render.csv_text(self.header, self.rows)

    def to_markdown(self) -> str:
        """A Markdown pipe table; pipes in cells are escaped, numbers left as written."""
        return _render.markdown(self.header, self.rows)

    def to_pandas(self) -> Any:
        """A `pandas.DataFrame` of `to_records()`; needs the extra ``dkfix[pandas]``."""
        return _render.data_frame(self.keys, self.to_records())


def unique_keys(header: list[str]) -> list[str]:
    """`header`, where a repeated cell gets its 1-based column number: ``"Antal (3)"``.

    >>> unique_keys(["", "Antal", "Antal", ""])
    ['column (1)', 'Antal (2)', 'Antal (3)', 'column (4)']
    """
    counts = Counter(header)
    return [
        cell if counts[cell] == 1 else f"{cell or 'column'} ({n})"
        for n, cell in enumerate(header, 1)
    ]


def split_groups(header: list[str]) -> list[tuple[str, str]]:
    """See `Table.column_groups`."""
    named = [cell for cell in header if cell]
    parts = [cell.rsplit(" ", 1) for cell in named]
    plain = [("", cell) for cell in header]
    if len(named) < 2 or any(len(part) != 2 for part in parts):
        return plain
    columns = Counter(part[1] for part in parts)
    groups = Counter(part[0] for part in parts)
    if min(columns.values()) < 2 or max(groups.values()) < 2:
        return plain
    return [
        (cell.rsplit(" ", 1)[0], cell.rsplit(" ", 1)[1]) if cell else ("", "") for cell in header
    ]
