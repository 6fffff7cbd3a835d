"""What the integrations share: fixing a column of texts and counting the edits by kind.

Standard library only, so that every integration can use it whatever is installed.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from typing import Any

from ..config import Config
from ..edits import Fixed
from ..fixing import run_fixes

# One entry of an edits column: how many edits of one kind a text received. A list of
# these (rather than a {kind: count} dict) gives Arrow-based tables one fixed type, where
# a dict would become a struct whose fields differ from row to row.
EditCount = dict[str, Any]


def edit_counts(fixed: Fixed) -> dict[str, int]:
    """The number of edits of each kind in `fixed`, kinds in the order they first occur."""
    return dict(Counter(edit.kind for edit in fixed.edits))


def edit_count_rows(fixed: Fixed) -> list[EditCount]:
    """`edit_counts` as ``[{"kind": ..., "count": ...}, ...]``, the shape of an edits column."""
    return [{"kind": kind, "count": count} for kind, count in edit_counts(fixed).items()]


def is_null(value: object) -> bool:
    """True for the missing values of pandas, polars and Arrow: None, NaN, pandas.NA, NaT."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return True
    # pandas.NA and pandas.NaT are singletons whose classes are named so; checking by name
    # spares importing pandas here.
    return type(value).__name__ in ("NAType", "NaTType")


def fix_column(
    values: Iterable[object], config: Config, *, column: str, labels: Iterable[object] | None = None
) -> list[Fixed | None]:
    """Fix every text of a column; a missing value gives None.

    A value that is neither a str nor missing raises a TypeError naming `column` and the
    row (its label from `labels`, else its position): guessing a text from a number or
    bytes would hide a problem in the data.
    """
    results: list[Fixed | None] = []
    row_labels = iter(labels) if labels is not None else None
    for position, value in enumerate(values):
        label = next(row_labels) if row_labels is not None else position
        if isinstance(value, str):
            results.append(run_fixes(value, config))
        elif is_null(value):
            results.append(None)
        else:
            raise TypeError(
                f"dkfix can only fix text: column {column!r}, row {label!r} holds "
                f"{type(value).__name__} {_preview(value)}; convert the column to str first "
                "(bytes of unknown encoding: dkfix.fix_bytes)"
            )
    return results


def _preview(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."
