"""No-break spaces that a web page or a word processor left at the end of lines.

An HTML page spaces its paragraphs with ``&nbsp;``, and its extraction keeps them: lines
of nothing but no-break spaces between paragraphs, and a no-break space after the last
word of a line (``… handicap- og dagtilbudsområdet.\\xa0``). A no-break space binds a
word to the next; before a line break there is none, so the line of them is emptied and
the trailing ones are dropped. The last line of a text without a line break is left: the
text may be a piece of a longer one, where the next word follows. A no-break space inside a
line (``10\\xa0000``, ``kr.\\xa0100``) is kept, and so are the lines of a table, where a
line of no-break spaces is an empty cell.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..config import Config
from ..edits import Edit, lines_with_offsets
from ._common import LINE_BREAKS, TableRegions

KIND = "remove_stray_nbsp"

_NO_BREAK_SPACES = "\u00a0\u202f"
# The blanks at the end of a line's content.
_TRAILING_BLANKS = re.compile(r"[ \t\u00a0\u202f]+$")


def stray_nbsp_edits(text: str, config: Config) -> list[Edit]:
    """Edits that empty lines of no-break spaces and drop those that end a line."""
    if not config.remove_stray_nbsp or not any(c in text for c in _NO_BREAK_SPACES):
        return []
    tables = TableRegions(text)
    edits = []
    for start, end, reason in _stray_runs(text):
        if not tables.overlaps(start, end):
            edits.append(Edit(start, end, text[start:end], "", KIND, 1.0, reason))
    return edits


def _stray_runs(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, reason) of each run of blanks holding a stray no-break space."""
    for line_start, line in lines_with_offsets(text):
        content = line.rstrip(LINE_BREAKS)
        if content == line:
            continue  # the end of the text, which may be a piece of a longer one
        match = _TRAILING_BLANKS.search(content)
        if match is None or not any(c in match.group() for c in _NO_BREAK_SPACES):
            continue
        if match.start() == 0:
            reason = "a line of nothing but no-break spaces"
        else:
            reason = "no-break spaces at the end of a line"
        yield line_start + match.start(), line_start + match.end(), reason
