"""List bullets written one way: ``- `` at the start of the line.

Extractions give lists every kind of bullet: `` • `` with a space before it (a PDF's
indent), ``•`` glued to the word, ``▪``, ``●``, the private-use bullets of the Symbol and
Wingdings fonts (U+F0B7, U+F0A7), Markdown's ``*``. All become ``- `` followed by the
item. A ``-`` or ``*`` counts as a bullet only with a space after it (``-5 grader`` and
``**fed**`` are not lists); an en dash does not count, since Danish opens a line of
dialogue with one.
"""

from __future__ import annotations

import re

from ..config import Config
from ..edits import Edit
from ._common import TableRegions

KIND = "normalize_bullets"

BULLET = "- "
_LIST_ITEM = re.compile(
    r"^(?P<bullet>[ \t\u00a0]*"
    r"(?:[•·▪■●◦○∙‣⁃\uf0b7\uf0a7\uf0d8\uf076][ \t\u00a0]*|[-*][ \t\u00a0]+))(?=[^\s*•-])",
    re.MULTILINE,
)


def bullet_edits(text: str, config: Config) -> list[Edit]:
    """Edits that write every list bullet of `text` as ``- ``."""
    if not config.normalize_bullets:
        return []
    tables = TableRegions(text)
    edits = []
    for match in _LIST_ITEM.finditer(text):
        start, end = match.span("bullet")
        if match.group("bullet") == BULLET or tables.overlaps(start, end):
            continue
        reason = f"list bullet {match.group('bullet').strip()!r} written as {BULLET.strip()!r}"
        edits.append(Edit(start, end, text[start:end], BULLET, KIND, 1.0, reason))
    return edits
