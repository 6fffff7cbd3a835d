"""Markdown that a conversion left in plain text: escapes, stray bold marks, dead links.

Converters that write Markdown escape punctuation (``Bilag 1\\_Tidligere``), and ones
that read it badly leave ``**`` without its partner and links to nowhere
(``[Omgørelsesprocenter …](#)``). The escape's backslash goes, an unpaired ``**`` goes,
and a link to ``#`` (or to nothing) keeps only its text. Paired bold (``**Beslutning**``)
and real links stay: they are Markdown, not damage.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..config import Config
from ..edits import Edit, lines_with_offsets
from ._common import without_overlaps

KIND = "remove_markdown_artefacts"

# A backslash before ASCII punctuation: CommonMark's escapes. An escaped backslash is
# left as it is: unescaping it would make the backslash escape what follows it.
_ESCAPE = re.compile(r"\\([!\"#$%&'()*+,\-./:;<=>?@\[\]^_`{|}~])")
_DEAD_LINK = re.compile(r"\[(?P<label>[^\[\]\n]*)\]\(#?\)")
_BOLD_MARK = re.compile(r"\*\*")
# Bold as Markdown reads it: marks that hug non-blank text on one line.
_BOLD = re.compile(r"\*\*(?=\S)(?:(?!\*\*).)+?(?<=\S)\*\*")


def markdown_edits(text: str, config: Config) -> list[Edit]:
    """Edits that remove Markdown escapes, unpaired ``**`` and links to nowhere."""
    if not config.remove_markdown_artefacts or not any(c in text for c in "\\*["):
        return []
    edits = [*_escapes(text), *_dead_links(text), *_stray_bold(text)]
    return without_overlaps(edits)


def _escapes(text: str) -> Iterator[Edit]:
    for match in _ESCAPE.finditer(text):
        char = match.group(1)
        reason = f"Markdown escape of {char!r}"
        yield Edit(match.start(), match.end(), match.group(), char, KIND, 1.0, reason)


def _dead_links(text: str) -> Iterator[Edit]:
    for match in _DEAD_LINK.finditer(text):
        label = match.group("label")
        reason = "a Markdown link that leads nowhere; its text kept"
        yield Edit(match.start(), match.end(), match.group(), label, KIND, 1.0, reason)


def _stray_bold(text: str) -> Iterator[Edit]:
    """Each ``**`` that pairs with no other on its line."""
    if "**" not in text:
        return
    for line_start, line in lines_with_offsets(text):
        if "**" not in line:
            continue
        paired: set[int] = set()
        for bold in _BOLD.finditer(line):
            paired.update((bold.start(), bold.end() - 2))
        for mark in _BOLD_MARK.finditer(line):
            if mark.start() not in paired:
                start = line_start + mark.start()
                yield Edit(start, start + 2, "**", "", KIND, 1.0, "an unpaired Markdown bold mark")
