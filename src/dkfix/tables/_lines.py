"""Lines of a text with their exact offsets, the unit every table detector reads.

Python's `str.splitlines` breaks lines at more characters than ``\\n`` (``\\r``,
``\\x0b``, ``\\x85``, ``\\u2028`` …); the offsets here follow it exactly, so a table's
span always indexes the caller's text.

>>> [(line.number, line.start, line.end, line.text) for line in split_lines("a\\tb\\r\\nc")]
[(1, 0, 3, 'a\\tb'), (2, 5, 6, 'c')]
"""

from __future__ import annotations

from typing import NamedTuple

# Every character `str.splitlines` breaks a line at ("\r\n" counts as one break).
_BREAKS = frozenset("\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")


class Line(NamedTuple):
    """One line: ``text == source[start:end]``, without its line break; `number` is 1-based."""

    number: int
    start: int
    end: int
    text: str


def split_lines(text: str) -> list[Line]:
    """Every line of `text`, in order, with its offsets."""
    lines = []
    offset = 0
    for number, raw in enumerate(text.splitlines(keepends=True), start=1):
        content = _without_break(raw)
        lines.append(Line(number, offset, offset + len(content), content))
        offset += len(raw)
    return lines


def _without_break(raw: str) -> str:
    if raw.endswith("\r\n"):
        return raw[:-2]
    if raw and raw[-1] in _BREAKS:
        return raw[:-1]
    return raw


def is_empty(line: Line) -> bool:
    """True for a line with nothing on it at all (not even a no-break space)."""
    return not line.text


def is_blank(line: Line) -> bool:
    """True for a line of nothing but whitespace, no-break spaces included."""
    return not line.text.strip()
