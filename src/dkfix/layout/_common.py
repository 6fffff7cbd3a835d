"""What the layout fixes share: the table regions they leave alone, and line breaks.

A table's layout is evidence for `dkfix.find_tables`, which reads the text after the
layout fixes: a line of no-break spaces inside a flattened grid is an empty cell, a
line ending in a hyphen may be a cell of its own. The fixes that look at whole lines
skip the lines of every table.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Sequence

from ..edits import Edit
from ..tables import find_tables

# Every character `str.splitlines` breaks a line at ("\r\n" counts as one break).
LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
# The end of a line's content: optional blanks, then a line break or the end of the text.
LINE_END = rf"(?=[ \t\u00a0]*(?:[{LINE_BREAKS}]|\Z))"


class TableRegions:
    """The spans of the tables of one text, found only when a fix first asks."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._starts: list[int] | None = None
        self._ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        """True if ``text[start:end]`` touches a table (a table's span, line breaks excluded)."""
        if self._starts is None:
            self._starts, self._ends = _table_spans(self._text)
        index = bisect.bisect_right(self._starts, end) - 1
        return index >= 0 and self._ends[index] >= start


@functools.lru_cache(maxsize=4)
def _table_spans(text: str) -> tuple[list[int], list[int]]:
    # Cached: the fixes of one layout pass ask about the same text in turn.
    spans = sorted(table.span for table in find_tables(text))
    return [start for start, _ in spans], _running_max([end for _, end in spans])


def _running_max(ends: Sequence[int]) -> list[int]:
    result: list[int] = []
    for end in ends:
        result.append(max(end, result[-1]) if result else end)
    return result


def without_overlaps(edits: list[Edit]) -> list[Edit]:
    """`edits` in text order, each dropped that overlaps one before it."""
    kept: list[Edit] = []
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        if not kept or edit.start >= kept[-1].end:
            kept.append(edit)
    return kept
