"""Writing a table out: records, CSV, Markdown and (with the extra) a pandas DataFrame.

>>> print(csv_text(["Tilbud", "Antal"], [["PPR, Herning", "15"]]), end="")
Tilbud,Antal
"PPR, Herning",15
>>> print(markdown(["a|b"], [["44,9 %"]]))
| a\\|b |
| --- |
| 44,9 % |
"""

from __future__ import annotations

import csv
import importlib
import io
from typing import Any

from ._values import CellValue, cell_value

PANDAS_EXTRA = "dkfix[pandas]"


def records(keys: list[str], rows: list[list[str]]) -> list[dict[str, CellValue]]:
    """One dict per row, each cell read by `cell_value`."""
    return [dict(zip(keys, (cell_value(cell) for cell in row), strict=False)) for row in rows]


def csv_text(header: list[str], rows: list[list[str]]) -> str:
    """The header and rows as CSV; the stdlib writer does the quoting."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def markdown(header: list[str], rows: list[list[str]]) -> str:
    """A Markdown pipe table; cells are written as they are, pipes escaped."""
    lines = [_markdown_row(header), _markdown_row(["---"] * len(header))]
    lines.extend(_markdown_row(row) for row in rows)
    return "\n".join(lines)


def _markdown_row(cells: list[str]) -> str:
    # Cells hold no line breaks (rows are single lines once repaired); a backslash
    # before a pipe is escaped first so that "\|" in a cell cannot close it.
    escaped = [cell.replace("\\", "\\\\").replace("|", "\\|") for cell in cells]
    return "| " + " | ".join(escaped) + " |"


def data_frame(keys: list[str], rows: list[dict[str, CellValue]]) -> Any:
    """A `pandas.DataFrame` of the records, columns in header order."""
    try:
        pandas = importlib.import_module("pandas")
    except ImportError as error:
        raise ImportError(
            f"Table.to_pandas() needs pandas; install it with: pip install '{PANDAS_EXTRA}'"
        ) from error
    return pandas.DataFrame.from_records(rows, columns=keys)
